# Dict unpacking in displays: later keys win, insertion order kept.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print({**a, **b})
print({**b, **a})
print({"x": 0, **a, "x": 99})
print({**a, "w": 5, **{"q": 6}})
print({**{}}, {**dict(k=1)})
merged = a | b
print(merged, a)
a |= {"new": 0}
print(a)
try:
    {**[1, 2]}
except TypeError as e:
    print(e)
