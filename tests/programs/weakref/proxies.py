# weakref.proxy: attribute access, operators, item access, iteration and calls forwarded
# to the referent; ReferenceError once it is dead.
import _weakref
from _weakref import proxy, ProxyType, CallableProxyType


class Box:
    def __init__(self, items):
        self.items = list(items)

    def total(self):
        return sum(self.items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __add__(self, other):
        return Box(self.items + list(other))

    def __radd__(self, other):
        return "radd"

    def __neg__(self):
        return "negated"

    def __eq__(self, other):
        return isinstance(other, Box) and self.items == other.items

    def __lt__(self, other):
        return len(self) < len(other)

    def __bool__(self):
        return bool(self.items)

    def __str__(self):
        return f"Box{self.items}"

    def __call__(self, x):
        return x * 2


b = Box([1, 2, 3])
p = proxy(b)
print(type(p) is CallableProxyType, proxy(b) is p)
print(p.items, p.total(), len(p), p[1], 2 in p, 9 in p, list(p), str(p))
p.extra = "set through proxy"
print(b.extra)
p[0] = 10
print(b.items, (p + [4]).items, 5 + p, -p, p == Box([10, 2, 3]), p < Box([]), bool(p))
print(p(21), p.__class__.__name__)
del p.extra
print(hasattr(b, "extra"))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


obj = Plain()
pp = proxy(obj)
print(type(pp) is ProxyType, _weakref.getweakrefcount(obj))
try:
    pp()
except TypeError as e:
    print("TypeError:", e)

r = _weakref.ref(obj)
print("ref and proxy", _weakref.getweakrefs(obj)[0] is r, _weakref.getweakrefs(obj)[1] is pp)
calls = []
pc = proxy(obj, lambda w: calls.append(type(w).__name__))
print(pc is not pp, _weakref.getweakrefcount(obj))
del obj
print("callback got", calls)
for attempt in (lambda: pp.anything, lambda: len(pp), lambda: str(pp), lambda: pp + 1):
    try:
        attempt()
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    ProxyType()
except TypeError as e:
    print("TypeError:", e)
try:
    proxy()
except TypeError as e:
    print("TypeError:", e)
try:
    proxy(b, x=1)
except TypeError as e:
    print("TypeError:", e)
