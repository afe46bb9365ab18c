import sys as _sys

plain = "p"
_hidden = "h"


def func():
    return "f"
