# Pyrite's own dis and opcode modules disassemble its code objects; for code whose
# bytecode is the same as CPython 3.11's, the text is the same.
import dis
import io
import opcode


def add(a, b=1):
    total = a + b
    return -total


dis.dis(add)
print(dis.code_info(add))
for ins in dis.get_instructions(add):
    print(ins.opname, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line,
          ins.is_jump_target)
print(list(dis.findlinestarts(add.__code__)))
out = io.StringIO()
dis.dis("x = [i * 2 for i in y]", file=out)
print(out.getvalue().splitlines()[0:2], out.getvalue().splitlines()[3:6])
print(repr(dis.Bytecode(add)).startswith("Bytecode(<function add"))
print(dis.pretty_flags(add.__code__.co_flags), dis.COMPILER_FLAG_NAMES[32])
for name in ["LOAD_FAST", "LOAD_CONST", "LOAD_GLOBAL", "JUMP_FORWARD", "COMPARE_OP", "LOAD_DEREF"]:
    op = opcode.opmap[name]
    print(name, opcode.opname[op] == name, op in opcode.haslocal, op in opcode.hasconst, op in opcode.hasname,
          op in opcode.hasjrel, op in opcode.hascompare, op in opcode.hasfree)
print(dis.stack_effect(opcode.opmap["BINARY_OP"], 0), dis.stack_effect(opcode.opmap["POP_TOP"]))
for bad in [lambda: dis.stack_effect(opcode.opmap["POP_TOP"], 1), lambda: dis.stack_effect(opcode.opmap["LOAD_FAST"]),
            lambda: dis.dis(42)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
