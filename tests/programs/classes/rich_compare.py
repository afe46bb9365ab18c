# Rich comparisons, their reflection (< ↔ >) and the default identity ==.
class N:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print("lt", self.v, o.v if isinstance(o, N) else o)
        return self.v < (o.v if isinstance(o, N) else o)

    def __le__(self, o):
        return NotImplemented

    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v

    __hash__ = None


a, b = N(1), N(2)
print(a < b)
print(b > a)
print(5 > a)
print(a == N(1), a != N(1), a != b)
print(sorted([N(3), N(1), N(2)], key=lambda n: n.v)[0].v)
print(min(N(3), N(1)).v)
try:
    a <= b
except TypeError as e:
    print(e)


class Plain:
    pass


p = Plain()
print(p == p, p == Plain(), p != Plain())
try:
    p < p
except TypeError as e:
    print(e)
