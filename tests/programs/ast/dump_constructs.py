import ast
srcs = ['f"a{x!r:>{w}} b"', 'u"x" "y"', 'f"{x=}" "c"', 'f(x for x in y)', '@d\n# c\ndef f(a, /, b=1, *c, d, e=2, **k) -> int:\n  "doc"\n  pass', "x = 'é' + y", 'a[1:2, ::3]', 'f"{x}" f"{y!s}"', '"a" f"b"',
'f(*a, **k)\nif a:\n  pass\nelif b:\n  x\nelse:\n  y\nclass A(B, metaclass=M): pass\nlambda: 0\nwith (a as b, c): pass\nmatch x:\n  case [1, *r] | {"k": v, **kw} | P(1, a=b) | None: pass\n  case _: pass\n',
'import a.b as c, d\nfrom .. import (x as y, z)\nfrom m import *\nglobal g\ntry:\n  pass\nexcept* E as e:\n  pass\ntry:\n  1\nexcept (A, B):\n  2\nelse:\n  3\nfinally:\n  4\n',
'async def f():\n  async with a as (b, c): await x\n  async for i in y: yield i\n  return [j async for j in z if j]\n',
'x: int = 1\ny.a: List[int]\n(z): int\nx += 1\ndel a, b[0], c.d\nassert x, "m"\nraise E from F\nwhile 1:\n  break\nelse:\n  continue\n',
'{1: 2, **d}\n{1, 2}\n{k: v for k, v in x}\n{a for b in c for d in e if f if g}\n(yield)\n1 if 2 else 3\nnot -x + ~y ** 2 @ z // 3 % 4 << 1 >> 2 & 3 | 4 ^ 5\na < b <= c is not d not in e\n(x := 5)\n[*a, *b]\n0x10 + 1_000 + 1.5e3 + 2j + 10**100 + 123456789012345678901234567890\nb"ab" b"\\x00"\n...\nTrue, False, None\n',
'def g(*, a): pass\ndef h(a, b=2, /): pass\nclass C:\n  """Doc."""\n  @property\n  @x.setter\n  def p(self): return 1\n',
]
for src in srcs:
    print(ast.dump(ast.parse(src), include_attributes=True))
print(ast.dump(ast.parse('(int, str) -> bool', mode='func_type'), include_attributes=True))
print(ast.dump(ast.parse('x + 1', mode='eval'), include_attributes=True))
print(ast.dump(ast.parse('x = 1', mode='single'), include_attributes=True))
t = ast.parse("x\ny")
print(t.body[0].value.ctx is t.body[1].value.ctx, t.body[0].value.ctx is ast.parse("z").body[0].value.ctx)
print(ast.dump(ast.parse("def f(x):\n  '''doc\n  string'''\n  return x"), indent=2))
more = [
    "x = 'naïve' + \"日本\"; y = x",
    "a = b = c\n[a, *b] = (c, d) = e\nfor (i, j) in k: pass\n",
    "with a, b as c: pass\nwith (yield x) as y: pass\n",
    "f(a)(b)[c].d\nx[::]\nx[a:b:c]\nx[...]\n",
    "print(f'{a!a} {b:{c}.{d}} {e=:>10} {{lit}}')\n",
    "f''\nf'{x}'\nrf'\\n{x}'\n",
    "if x:\n    pass\nelif y:\n    pass\nelif z:\n    pass\n",
    "@a.b(c)\n@d\nclass K(object, *bases, **kw):\n    x: int\n",
    "lambda a, b=1, *c, d, e=2, **f: a\nlambda *, k: k\n",
    "match p:\n    case {1: _, 'a': [x, y, *_]}:\n        pass\n    case Point(x=0, y=0) as origin if origin:\n        pass\n    case -1 | 1.5 | 2+3j | 'str' | b'b' | True | a.b.c:\n        pass\n    case (a, b):\n        pass\n",
    "def f():\n    nonlocal_ = 1\n    def g():\n        nonlocal nonlocal_\n        global h\n    return g\n",
    "x = (\n    1 +\n    2\n)\ny = '''multi\nline'''\n",
    "try:\n    pass\nexcept:\n    pass\n",
    "del (a), [b]\n",
]
for src in more:
    print(ast.dump(ast.parse(src), include_attributes=True))
print(ast.dump(ast.parse(b"# coding: latin-1\nx = '\xe9'\n"), include_attributes=True))
for src, mode in [("a = 1", "eval"), ("def f[T](): pass", "exec"), ("class A[T]: pass", "exec"), ("type X = int", "exec"), ("x = (", "exec")]:
    try:
        ast.parse(src, mode=mode)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno, e.offset)
# 3.11's quirks: a bare tuple in an f-string spans its braces; a block ends after a
# trailing semicolon.
for src in ['f"{a,}" f"{a, b !r:>3}"', "def f():\n    x = 1;\nwhile x: y;\nif a: b;\nelif c: d;\n",
            "try:\n    pass;\nexcept E: pass;\n"]:
    print(ast.dump(ast.parse(src), include_attributes=True))
