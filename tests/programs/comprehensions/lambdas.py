# Lambdas: defaults, closures, immediate calls, sorting keys.
square = lambda x: x * x
print(square(7), (lambda: "now")(), (lambda *a, **k: (a, k))(1, b=2))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
people = [("ann", 31), ("bob", 25), ("cy", 31)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
make_adder = lambda n: lambda x: x + n
print(make_adder(5)(3))
print(list(map(lambda x: x % 3, range(6))))
print(list(filter(lambda s: s.startswith("b"), ["a", "bb", "bc"])))
print((lambda x, /, *, y: x - y)(10, y=3))
fs = {name: (lambda n: lambda: n)(name) for name in "ab"}
print(fs["a"](), fs["b"]())
print((lambda: (yield 1))().__class__.__name__)
