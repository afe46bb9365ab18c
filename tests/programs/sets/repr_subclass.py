class MySet(set):
    pass
m = MySet([1, 2])
print(m, MySet(), type(m | {3}).__name__, isinstance(m, set))
class F(frozenset):
    pass
print(F([1]), F())
print(repr({1, 'a'} - {1}), str(frozenset({(1, 2)})), repr(set([None])))
print({1, 2} == MySet([1, 2]), len(m), 1 in m)
m.add(5); print(sorted(m))
