# tee: independent iterators sharing one buffer, copies, tee of a tee.
from itertools import tee, count, islice
import itertools

a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee("xyz", 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1], 1)), type(tee([], 1)))
print(type(a).__name__, type(a) is itertools._tee)

# the underlying iterator is advanced once per item, whatever the copies do
log = []
def gen():
    for i in range(4):
        log.append(i)
        yield i
x, y = tee(gen())
print(next(x), next(x), log)
print(next(y), log)
print(list(x), log)
print(list(y), log)

# copies
a, = tee(iter("abcdef"), 1)
next(a)
b = a.__copy__()
c = b.__copy__()
print(list(a), list(b), list(c))

# tee of a tee copies it
t1, t2 = tee(range(3))
next(t1)
t3, t4 = tee(t1)
print(t3 is t1, list(t3), list(t4), list(t1), list(t2))
t = itertools._tee(t2)
print(type(t).__name__, list(t))

# long runs cross the buffer's block boundaries
a, b = tee(range(200))
print(sum(a), sum(b))
a, b = tee(count())
print(list(islice(a, 120))[-3:], next(b), list(islice(b, 130))[-1], next(a))

# an iterator with __copy__ is copied, not wrapped
class Copyable:
    def __init__(self, i=0):
        self.i = i
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= 3:
            raise StopIteration
        self.i += 1
        return self.i
    def __copy__(self):
        print("copy at", self.i)
        return Copyable(self.i)

c = Copyable()
a, b, c2 = tee(c, 3)
print(a is c, type(b).__name__, list(a), list(b), list(c2))

# re-entering
def reenter():
    yield next(t[0])
t = tee(reenter())
try:
    next(t[0])
except RuntimeError as e:
    print("RuntimeError:", e)

# exceptions pass through, and iteration can continue
def failing():
    yield 1
    raise ValueError("boom")
a, b = tee(failing())
print(next(a), next(b))
try:
    next(a)
except ValueError as e:
    print("ValueError:", e)
print(list(b))
