# Simple f-strings.
x = 42
y = "hi"
z = 7
w = 3.14159
print(f"{x} and {y!r} {z:>5} {w:.2f}")
print(f"{x}{x}", f"", f"no fields", f"{{literal braces}} {x}")
print(f"{x + 1} {x * 2} {x // 5} {x / 5} {-x}")
items = [1, 2, 3]
d = {"key": "value"}
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['key']} {d} {'inner'}")
print(f"{None} {True} {1.5} {2 ** 70} {0.1 + 0.2} {1e16}")
name = "world"
print(f"Hello, {name}!", f'single {name}', f"""triple {name}""")
print(f"{y!s} {y!r} {items!r} {'a' + 'b'!r}")
print(f"{x}" == "42", len(f"{w}"))
n = 5
print(f"{n} squared is {n * n}, cubed is {n ** 3}")
