s = {1, 2, 3}
print(s.add(4), s, s.discard(10), s)
s.remove(1); print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
t = s.copy(); t.clear(); print(s, t, s.copy() == s, s.copy() is s)
print(s.pop(), s.pop(), s)
e = set()
try:
    e.pop()
except KeyError as err:
    print("KeyError:", err)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a.union(b), a.union(), a.union([9], (8,)), a.intersection(b), a.intersection(b, [4]), a.intersection())
print(a.difference(b), a.difference(), a.difference([1], {2}), a.symmetric_difference(b), a.symmetric_difference([1, 7]))
print(a.issubset(b), {3}.issubset(b), {3}.issubset([3, 4]), a.issuperset({1, 2}), a.issuperset([1, 9]))
print(a.isdisjoint(b), a.isdisjoint([7, 8]), set().isdisjoint(set()))
c = {1, 2, 3}; c.update([4], {5}); print(c)
c.intersection_update({1, 2, 3, 4}, [2, 3, 4]); print(c)
c.difference_update([2]); print(c)
c.symmetric_difference_update({3, 10}); print(c)
f = frozenset([1, 2])
print(f.union({3}), type(f.union({3})).__name__, type({3}.union(f)).__name__, f.copy() is f)
try:
    f.add(3)
except AttributeError as err:
    print(err)
try:
    {[]}
except TypeError as err:
    print(err)
try:
    set([1], [2])
except TypeError as err:
    print(err)
try:
    set(x=1)
except TypeError as err:
    print(err)
print({1, 2} in [{2, 1}], {1} in {frozenset({1})}, [] in {1} if False else 0)
try:
    print([] in {1})
except TypeError as err:
    print(err)
s2 = {frozenset({1})}
s2.remove({1}); print(s2)
