import ast
import inspect

sources = [
    "x = [i ** 2 for i in range(10) if i % 2]",
    "def f(a, /, b, *c, d=1, **e) -> int:\n    return (yield a)",
    "f'{x!r:>{w}} b'",
    "class A(B, metaclass=M):\n    '''doc'''\n    pass",
    "async def g():\n    async with a as b:\n        await c\n    async for i in d:\n        pass",
    "try:\n    pass\nexcept* (E, F) as e:\n    raise X from e\nfinally:\n    del a[1:2], b.c",
    "match x:\n    case [1, *rest] | {'k': v, **kw} | P(1, a=b) | None:\n        pass",
    "lambda *a, **k: (a, k)\nx = 1 if y else -z\nglobal q\nassert (w := 3), 'msg'",
    "print(*args, sep='', **kw)\n{**a, 'b': 1}\n{1, 2}\n(x for x in y)",
]
for src in sources:
    tree = ast.parse(src)
    out = ast.unparse(tree)
    print(out)
    print("---", ast.dump(ast.parse(out)) == ast.dump(tree))

print([type(n).__name__ for n in ast.walk(ast.parse("a = b + c"))])
tree = ast.parse('"""Module doc."""\ndef f():\n    """  Hello\n    world."""\nclass C:\n    "c"')
print(ast.get_docstring(tree), ast.get_docstring(tree.body[1]), ast.get_docstring(tree.body[2]))
print(ast.get_docstring(tree.body[1], clean=False))
print(ast.get_source_segment("x = 1 + 2\n", ast.parse("x = 1 + 2\n").body[0].value))


def sample(a, b=2, *args, c, **kw) -> "ret":
    return a


print(inspect.signature(sample))
import dataclasses


@dataclasses.dataclass
class P:
    x: int = 1
    y: list = dataclasses.field(default_factory=list)


print(P(), dataclasses.fields(P)[1].name)
