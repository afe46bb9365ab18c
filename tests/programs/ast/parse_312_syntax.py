# Python 3.12's type parameter syntax is not Python 3.11's: ast.parse rejects it as 3.11.
import ast

print(ast.dump(ast.parse("x = 1")))
for src in ["def f[T](x: T) -> T:\n    return x\n", "class A[T]: pass", "x = 1\ntype X = int", "async def g[T](): pass"]:
    try:
        ast.parse(src, "<t>")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
