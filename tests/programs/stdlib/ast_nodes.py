# _ast's node classes as ast.py re-exports them (ast.parse itself is not supported yet).
import _ast

print(_ast.AST, _ast.Name, _ast.Name.__mro__)
print(_ast.Name._fields, _ast.Name._attributes, _ast.FunctionDef._fields, _ast.Name.__match_args__)
n = _ast.Name("x", _ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, _ast.FunctionDef().returns)
print(issubclass(_ast.BinOp, _ast.expr), issubclass(_ast.Add, _ast.operator), isinstance(n, _ast.AST))
try:
    _ast.Name(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    _ast.Constant(1, value=2)
except TypeError as e:
    print("TypeError", e)
print(_ast.PyCF_ONLY_AST, len([c for c in vars(_ast).values() if isinstance(c, type) and c.__module__ == 'ast']))
match n:
    case _ast.Name(id, ctx):
        print("matched", id)
