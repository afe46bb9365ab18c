a = [3, 1, 2]
print(a.sort(), a)
a.sort(reverse=True); print(a)
a = ["pear", "fig", "apple", "kiwi"]
a.sort(key=len); print(a)
a.sort(key=len, reverse=True); print(a)
a.sort(key=None); print(a)
b = [(1, i) for i in range(10)] + [(0, i) for i in range(10)]
b.sort(key=lambda t: t[0]); print(b)
c = list(range(1000, 0, -1)); c.sort(); print(c[:5], c[-5:], c == sorted(c))
m = [5, 4, 3]
def key(x):
    m.append(x)
    return x
try:
    m.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].sort(1)
except TypeError as e:
    print(e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print(e)
x = [2, 1]
x.sort(reverse=0); print(x)
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K({self.v})"
print(sorted([K(3), K(1), K(2)]))
