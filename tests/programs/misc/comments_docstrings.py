#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Module docstring: this whole string is an expression statement."""

# A comment on its own line.
x = 1  # a trailing comment


def documented(a, b=2):
    """Return a + b.

    The docstring is the first statement of the body.
    """
    # Comments inside functions are ignored too.
    return a + b  # trailing


def only_docstring():
    """Nothing else here."""


"a bare string expression in the middle"
42
x + 1
print(documented(x), documented(x, 40), only_docstring())
#   print("this is commented out")
if x:  # comment after a colon
    # comment in a block
    print("block ran")
