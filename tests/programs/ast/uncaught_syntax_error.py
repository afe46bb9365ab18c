# A SyntaxError from ast.parse that nobody catches is shown located, as CPython shows it.
import ast

print(type(ast.parse("x = 1")).__name__)
ast.parse("def f[T](x: T) -> T:\n    return x\n")
