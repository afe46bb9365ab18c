d = {1: 'a', 2: 'b', 3: 'c'}
e = {2: 'x', 3: 'c', 4: 'd'}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {1, 5}, {1, 5} & d.keys(), d.keys() | [7], [7] | d.keys(), d.keys() - [1], [1, 9] - d.keys())
print(d.items() & e.items(), d.items() - e.items(), d.items() | {(9, 9)})
print(d.keys() == {1, 2, 3}, d.keys() == {1, 2}, d.keys() < {1, 2, 3, 4}, d.keys() <= d.keys(), d.keys() > {1}, d.keys() >= {4})
print(d.keys() == e.keys(), d.items() == {(1, 'a'), (2, 'b'), (3, 'c')}, d.keys() == [1, 2, 3], d.keys() != {1})
print(d.keys().isdisjoint({5, 6}), d.keys().isdisjoint([1]), d.items().isdisjoint(e.items()))
print(d.keys() & set(), type(d.keys() & e.keys()).__name__)
try:
    d.values() & {1}
except TypeError as err:
    print(err)
try:
    hash(d.keys())
except TypeError as err:
    print(err)
try:
    d.items() & {([], 1)}
except TypeError as err:
    print(err)
