d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print(list(k), list(v), list(i), 'a' in k, 'z' in k, 2 in v, 9 in v, ('a', 1) in i, ('a', 2) in i, 'a' in i, (1,) in i)
d['d'] = 4
print(k, v, i)
del d['a']
print(list(k), list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(k).__name__, type(v).__name__, type(i).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
print(type(reversed(d)).__name__, type(reversed(v)).__name__, type(reversed(i)).__name__)
print({}.keys(), {}.values(), {}.items(), {1: [2]}.items())
for key, val in d.items():
    print(key, val)
it = iter(d.values())
d['z'] = 0
try:
    next(it)
except RuntimeError as e:
    print(e)
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print(e)
print(sorted(d.values()), sum(d.values()), max(d.keys()))
