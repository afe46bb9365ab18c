# CPython's pure-Python modules running on Pyrite's native ones.
import collections
import copy
import enum
import functools
import heapq
import itertools
import operator
import reprlib
import types
import weakref

Point = collections.namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p._replace(x=5), p._asdict(), Point._fields)
c = collections.Counter("abracadabra")
print(c.most_common(3), sorted(c.elements())[:5])
od = collections.OrderedDict([("b", 1), ("a", 2)])
od.move_to_end("b")
print(od, list(od))
dq = collections.deque(range(5), maxlen=3)
print(dq, collections.defaultdict(list))
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits > 0)
print(functools.reduce(operator.mul, range(1, 10)), functools.partial(pow, 2)(10))


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) >= V(2), sorted([V(3), V(1)], key=operator.attrgetter("v"))[0].v)


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Color.RED, Color(2), list(Color), Color["GREEN"].value, Perm.R | Perm.W, Perm(7))


class Node:
    def __init__(self, value):
        self.value = value
        self.children = [[value]]


n = Node(1)
n2 = copy.deepcopy(n)
print(n2.value, n2.children, n2.children is not n.children, copy.copy(n).children is n.children)
print(list(heapq.merge([1, 4], [2, 3])), heapq.nsmallest(2, [5, 1, 4]))
print(list(itertools.accumulate([1, 2, 3])), reprlib.repr(list(range(100))))
r = weakref.ref(n)
print(r() is n, weakref.WeakValueDictionary({"n": n})["n"] is n)
print(types.SimpleNamespace(a=1), fib.__wrapped__.__name__)
