d = {1: 2}
d.update({3: 4}); print(d)
d.update([(5, 6), [7, 8]]); print(d)
d.update(a=1, b=2); print(d)
d.update({1: 'x'}, c=3); print(d)
d.update(); print(d)
class M:
    def keys(self): return ['p', 'q']
    def __getitem__(self, k): return k * 2
d.update(M()); print(d)
d.update(zip("xy", range(2))); print(d)
for bad in [5, [1], [(1, 2, 3)], ["ab", "abc"]]:
    try:
        d.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    d.update({}, {})
except TypeError as e:
    print(e)
e = {'a': 1, 'b': 2, 'c': 3}
print(e.popitem(), e.popitem(), e)
e['z'] = 9
print(e.popitem(), e.popitem(), e)
try:
    e.popitem()
except KeyError as err:
    print("KeyError:", err)
f = {}
for i in range(20):
    f[i] = i
for i in range(0, 20, 2):
    del f[i]
print(f.popitem(), list(reversed(f))[:3], f)
