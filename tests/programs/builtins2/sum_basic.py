print(sum([]), sum([1, 2, 3]), sum((1.5, 2.5)), sum([1, 2.5]), sum(range(101)))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([2**62, 2**62, 2**62]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([1, 2], 10), sum([1], start=100))
print(sum([True, True, False]), sum([1.0, 2], 0.5), sum(iter([4, 5])))
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
print(sum([V(1), V(2)]).v)
for args in [(['a', 'b'], ''), ([1, 'a'],), (5,), ()]:
    try:
        print(sum(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    sum([1], 2, 3)
except TypeError as e:
    print(e)
