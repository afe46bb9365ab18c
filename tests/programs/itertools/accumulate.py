# accumulate with the default +, a function, and initial=.
from itertools import accumulate
import operator

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)))
print(list(accumulate("abc")))
print(list(accumulate([[1], [2], [3]])))
print(list(accumulate([])), list(accumulate([], initial=100)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([1, 2, 3], lambda a, b: a - b, initial=10)))
print(list(accumulate([1, 2, 3], None)), list(accumulate([1, 2, 3], func=None, initial=None)))
print(list(accumulate(iterable=[1.5, 2.5], func=operator.add)))
print(list(accumulate([5], initial=0)))

# the function sees the running total first
print(list(accumulate([1, 2, 3], lambda total, x: f"({total}+{x})")))

# lazy
seen = []
def gen():
    for i in range(1, 4):
        seen.append(i)
        yield i
acc = accumulate(gen(), initial=0)
print(next(acc), seen)
print(next(acc), seen)
print(list(acc), seen)

# errors from + or from the function propagate
acc = accumulate([1, "a", 2])
print(next(acc))
try:
    next(acc)
except TypeError as e:
    print("TypeError:", e)

def bad(a, b):
    raise ZeroDivisionError("no")
acc = accumulate([1, 2], bad)
print(next(acc))
try:
    next(acc)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
