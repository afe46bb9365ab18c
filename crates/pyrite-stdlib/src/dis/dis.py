"""Disassembler of Pyrite bytecode: CPython's `dis` interface over Pyrite's code objects
(whose instructions are Pyrite's; see the `opcode` module). Inline cache units are not
shown and `EXTENDED_ARG` prefixes are folded into the instruction they extend."""

import collections
import sys
import types

import _opcode
from opcode import *
from opcode import __all__ as _opcodes_all

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if isinstance(x, types.CodeType):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _try_compile(source, name):
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        pass
    return compile(source, name, "exec")


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % (co.co_name,))
    lines.append("Filename:          %s" % (co.co_filename,))
    lines.append("Argument count:    %s" % (co.co_argcount,))
    lines.append("Positional-only arguments: %s" % (co.co_posonlyargcount,))
    lines.append("Kw-only arguments: %s" % (co.co_kwonlyargcount,))
    lines.append("Number of locals:  %s" % (co.co_nlocals,))
    lines.append("Stack size:        %s" % (co.co_stacksize,))
    lines.append("Flags:             %s" % (pretty_flags(co.co_flags),))
    for title, items, show in (("Constants", co.co_consts, repr), ("Names", co.co_names, str),
                               ("Variable names", co.co_varnames, str), ("Free variables", co.co_freevars, str),
                               ("Cell variables", co.co_cellvars, str)):
        if items:
            lines.append(title + ":")
            for i, item in enumerate(items):
                lines.append("%4d: %s" % (i, show(item)))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


Positions = collections.namedtuple(
    "Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"], defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line", "is_jump_target", "positions"],
    defaults=[None])


class Instruction(_Instruction):
    """Details for a bytecode operation (see CPython's `dis.Instruction`)."""


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    co = _get_code_object(x)
    shift = 0 if first_line is None else first_line - co.co_firstlineno
    return _instructions(co, shift)


def _instructions(co, shift=0):
    for (opname, op, arg, argval, argrepr, offset, starts_line, is_jump_target,
         positions) in _opcode._instructions(co):
        if shift and starts_line is not None:
            starts_line += shift
        yield Instruction(opname, op, arg, argval, argrepr, offset, starts_line, is_jump_target,
                          Positions(*positions))


def findlabels(code):
    """Offsets in the code that are jump targets."""
    return [i.offset for i in _instructions(code) if i.is_jump_target]


def findlinestarts(code):
    """Yield (offset, lineno) pairs where a new source line starts."""
    for instruction in _instructions(code):
        if instruction.starts_line is not None:
            yield instruction.offset, instruction.starts_line


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    print(_opcode._disassemble(co), end="", file=file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if isinstance(x, types.CodeType):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, coroutines, code objects or
    source strings; with no argument, the last traceback."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    if isinstance(x, types.CodeType):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("Pyrite cannot disassemble raw bytecode: its code objects are not CPython's")
    elif hasattr(x, "__dict__"):
        for name, x1 in sorted(x.__dict__.items()):
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


class Bytecode:
    """The bytecode operations of a piece of code, iterable as `Instruction`s."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._line_offset = self.first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        return _instructions(self.codeobj, self._line_offset)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        return _format_code_info(self.codeobj)

    def dis(self):
        return _opcode._disassemble(self.codeobj)


def _test():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    code = compile(source, args.infile.name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
