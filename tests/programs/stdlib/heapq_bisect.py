# heapq and bisect through their native accelerators (_heapq, _bisect): results, the
# order of comparisons, key=, lo/hi, list subclasses, and CPython's errors.
import heapq, bisect, random

r = random.Random(3)
data = [r.randrange(100) for _ in range(40)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(10)], h[:5])
print(heapq.heapreplace(h, 50), heapq.heappushpop(h, 1), heapq.heappushpop(h, 99), h[:5])
big = [r.randrange(10**6) for _ in range(3000)]
heapq.heapify(big)
print(all(big[i] <= big[c] for i in range(len(big)) for c in (2 * i + 1, 2 * i + 2) if c < len(big)), big[:8])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data), heapq.nsmallest(3, data, key=lambda v: -v))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 2], [5, 1], reverse=True)))
m = [5, 1, 8, 3, 9]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)

class Loud:
    log = []
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Loud.log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"L{self.v}"
items = [Loud(v) for v in [5, 3, 8, 1, 9, 2]]
heapq.heapify(items)
heapq.heappush(items, Loud(0))
heapq.heappop(items)
print(items, Loud.log)

class Shrinker:
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return False
    __gt__ = __lt__
hh = [Shrinker(None), Shrinker(None)]
for s in hh:
    s.heap = hh
try:
    heapq.heappush(hh, Shrinker(hh))
except RuntimeError as e:
    print("RuntimeError", e, hh)

class L(list):
    pass
sub = L([3, 1, 2])
heapq.heapify(sub)
print(sub, type(sub).__name__)

def t(f, *a, **k):
    try:
        print("OK", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(heapq.heappush, (), 1)
t(heapq.heappop, ())
t(heapq.heapify, ())
t(heapq.heappop, [])
t(heapq.heapreplace, [], 1)
t(heapq.heappushpop, [], 1)
t(heapq.heappush, [])
t(heapq.heappush, [], 1, x=1)
t(heapq.heappush, [1, 'a'], 2)
t(heapq.heappush, [1], 'a')
t(heapq._heappop_max, [])
t(heapq.heapify, [], [])

a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 2, 4), bisect.bisect_left(a, 2, 0, 2))
print(bisect.bisect_left(a, 4, hi=-1), bisect.bisect_right(a, 100, lo=3, hi=5), bisect.bisect_left(a, 2, hi=-5))
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
bisect.insort_right(a, 9, lo=2)
bisect.insort(recs, ('d', 4), key=lambda r: r[1])
print(a, recs)
class Seq(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)
s = Seq([1, 3])
bisect.insort(s, 2)
print(s, bisect.bisect(range(0, 100, 5), 42), bisect.bisect_left((1, 3, 5), 3))
t(bisect.bisect, a, 1, -1)
t(bisect.bisect, a, 1, 'x')
t(bisect.bisect, a, 1, 0, 'x')
t(bisect.bisect, a, 1, 0, 1.5)
t(bisect.bisect, a, 1, 0, 100)
t(bisect.bisect, 1, 1)
t(bisect.bisect, a)
t(bisect.bisect, a, 1, 0, None, None)
t(bisect.bisect, a, 1, key=len)
t(bisect.insort, a, 'x')
t(bisect.bisect_left, a, 1, bogus=1)
t(bisect.bisect_right, a=a, x=1)
t(bisect.bisect_right, a, 1, lo=2**70)
