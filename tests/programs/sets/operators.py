a, b = {1, 2, 3}, {2, 3, 4}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, a < a, a <= a, {2} < a, a >= {1}, a > a, a == {3, 2, 1}, a != b)
f = frozenset({1, 2})
print(f | {5}, {5} | f, f & {1}, type(f & {1}).__name__, type({1} & f).__name__)
c = {1, 2}
d = c
c |= {3}; c &= {1, 3, 4}; c -= {9}; c ^= {7}
print(c, d is c)
g = frozenset({1})
h = g
g |= {2}
print(g, h, g is h)
try:
    a | [1]
except TypeError as e:
    print(e)
try:
    a |= [1]
except TypeError as e:
    print(e)
try:
    a < [1]
except TypeError as e:
    print(e)
print(a == [1, 2, 3], frozenset(a) == a, set() == frozenset())
big = set(range(100))
print(big - set(range(5, 100)), set(range(5)) - big, big & set(range(98, 200)))
