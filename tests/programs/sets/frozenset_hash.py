print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset(range(100))))
print(hash(frozenset({'a'})) == hash(frozenset(['a'])), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(frozenset({frozenset({1}), frozenset()})))
d = {frozenset({1, 2}): 'x'}
print(d[frozenset([2, 1])])
try:
    hash({1})
except TypeError as e:
    print(e)
print({frozenset({1, 2}), frozenset({2, 1}), frozenset()})
