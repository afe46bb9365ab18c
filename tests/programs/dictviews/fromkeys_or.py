print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys([]), {}.fromkeys((1,), 'v'))
v = dict.fromkeys('ab', [])
v['a'].append(1); print(v)
class D(dict):
    pass
x = D.fromkeys([1, 2])
print(type(x).__name__, x)
a, b = {1: 1, 2: 2}, {2: 'two', 3: 'three'}
print(a | b, b | a, a, {} | {})
c = a
c |= b; print(c, a is c)
c |= [(9, 9)]; print(c)
c |= {'k': 'v'}.items(); print(c)
try:
    a | [(1, 2)]
except TypeError as e:
    print(e)
try:
    a |= 5
except TypeError as e:
    print(e)
try:
    dict.fromkeys(5)
except TypeError as e:
    print(e)
print(reversed({}).__class__.__name__, list(reversed({1: 2, 3: 4})))
