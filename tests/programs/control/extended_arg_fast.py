# Instructions whose argument needs EXTENDED_ARG prefixes (more than 255 constants, names
# or locals, jumps over more than 255 code units), run in hot loops: the register loop
# decodes them out of line.

# A loop whose body is long enough that its backward jump and its exit are extended.
body = "\n".join(f"        t = t + v{i} * {i}" for i in range(120))
params = ", ".join(f"v{i}" for i in range(120))
src = f"""
def long_loop(n, {params}):
    t = 0
    i = 0
    while i < n:
{body}
        if t > 10 ** 12:
            t = t % 1000003
        i += 1
    return t
"""
ns = {}
exec(src, ns)
print(ns["long_loop"](50, *range(120)))

# More than 255 locals and constants: LOAD_FAST, STORE_FAST and LOAD_CONST with wide args.
names = [f"x{i}" for i in range(300)]
lines = [f"    {name} = {i}.5" for i, name in enumerate(names)]
lines.append("    total = 0.0")
lines.append("    for k in range(20):")
lines.append("        total += " + " + ".join(names[250:300]))
lines.append("        x299 = x299 + 1")
lines.append("    return total, x299")
ns = {}
exec("def many_locals():\n" + "\n".join(lines), ns)
print(ns["many_locals"]())

# A for loop over a list whose body is long: FOR_ITER's exit jump is extended.
body = "\n".join(f"        acc.append(x + {i})" for i in range(100))
ns = {}
exec(f"def long_for(xs):\n    acc = []\n    for x in xs:\n{body}\n    return len(acc), sum(acc)", ns)
print(ns["long_for"](list(range(30))))

# A break and continue across a long body.
body = "\n".join(f"        s += {i}" for i in range(150))
ns = {}
exec(
    "def jumps(n):\n    s = 0\n    for i in range(n):\n        if i % 3 == 0:\n            continue\n"
    + body
    + "\n        if s > 10 ** 6:\n            break\n    return s, i",
    ns,
)
print(ns["jumps"](1000))

# More than 255 global names: LOAD_GLOBAL with a wide argument in a loop.
g = {f"g{i}": i for i in range(300)}
exec("def globs():\n    r = 0\n    for _ in range(10):\n        r += g299 + g280 - g0\n    return r", g)
print(g["globs"]())
