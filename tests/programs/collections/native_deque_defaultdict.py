# _collections: deque and defaultdict as the collections package imports them.
from _collections import deque, defaultdict, _count_elements
d = deque([1, 2, 3], maxlen=5)
print(d, d.maxlen, len(d), d[0], d[-1], 2 in d)
d.append(4); d.appendleft(0); d.append(5)
print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy'); print(d)
print(d.count('x'), d.index('x'), list(reversed(d)))
e = deque()
try: e.pop()
except IndexError as ex: print(ex)
print(deque([1,2]) + deque([3]), deque([1,2]) * 2, deque([1]) == deque([1]), deque([1]) < deque([2]))
d2 = deque(range(5)); d2[1] = 'z'; del d2[0]; print(d2, repr(deque()))
d3 = deque([1]); d3.append(d3); print(d3)
try:
    for x in d2: d2.append(1)
except RuntimeError as ex: print(ex)
dd = defaultdict(list)
dd['a'].append(1); dd['b']
print(dd, dd.default_factory, dd['a'], isinstance(dd, dict))
print(defaultdict(None, {1: 2}), dict(defaultdict(int, a=1)))
try: defaultdict(None)['x']
except KeyError as ex: print('KeyError', ex)
c = {}
_count_elements(c, 'abracadabra'); print(c)
print(deque.__module__, type(iter(deque())), deque[int])

print(dd.copy(), dd.__copy__())
print(defaultdict(int, a=1) | {'b': 2}, {'c': 3} | defaultdict(int, a=1))
class Q(deque): pass
q = Q([1]); print(q, q.copy(), type(q.copy()).__name__)
