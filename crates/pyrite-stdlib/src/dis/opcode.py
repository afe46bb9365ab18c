"""Pyrite's instruction set, as CPython's `opcode` module describes CPython's: names,
numbers and argument kinds of the opcodes of Pyrite's bytecode (CPython 3.11's layout,
with Pyrite's own numbers and instructions)."""

import _opcode
from _opcode import stack_effect

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree",
           "opname", "opmap", "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

opname = ['<%r>' % (op,) for op in range(256)]
opmap = {}
hasconst = []
hasname = []
hasjrel = []
hasjabs = []
haslocal = []
hascompare = []
hasfree = []
hasnargs = []
_inline_cache_entries = [0] * 256

_KIND_LISTS = {"const": hasconst, "name": hasname, "jrel": hasjrel, "jback": hasjrel,
               "local": haslocal, "compare": hascompare, "free": hasfree}

for _number, _name, _kind, _caches in _opcode._table():
    opname[_number] = _name
    opmap[_name] = _number
    _inline_cache_entries[_number] = _caches
    if _kind in _KIND_LISTS:
        _KIND_LISTS[_kind].append(_number)

# Pyrite's opcodes do not split at a number into "no argument" and "argument" as CPython's
# do; HAVE_ARGUMENT keeps CPython's value for code that compares against it.
HAVE_ARGUMENT = 90
EXTENDED_ARG = opmap["EXTENDED_ARG"]

del _number, _name, _kind, _caches, _KIND_LISTS
