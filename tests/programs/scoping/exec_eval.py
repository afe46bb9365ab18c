# exec and eval with explicit globals and locals dicts.
g = {"a": 2}
exec("b = a * 10", g)
print(g["b"], sorted(k for k in g if k != "__builtins__"))
print("__builtins__" in g)
print(eval("a + b", g))
print(eval("a + b", g, {"a": 100}))
loc = {}
exec("x = 1\ny = x + 1\ndef f(): return 'f'", {}, loc)
print(sorted(loc), loc["y"], loc["f"]())
print(eval("[i * i for i in range(n)]", {"n": 4}))
print(eval("len(s)", {"s": "abc"}))
ns = {}
exec("import sys\nv = sys.maxsize > 0", ns)
print(ns["v"])
try:
    eval("undefined_thing", {})
except NameError as e:
    print(e)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(eval("  1 + 1"), eval(" 2 * 3\n"))
exec("print('exec prints', q)", {"q": 7})
print(exec("1 + 1"))
