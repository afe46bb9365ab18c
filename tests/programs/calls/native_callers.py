# Python functions called from native code (map, filter, sorted's key, min/max key):
# defaults, *args, closures, errors raised inside, and tracing that still sees the calls.
import sys


def add(a, b=100):
    return a + b


def star(*xs):
    return len(xs)


print(list(map(add, [1, 2], [3, 4])), list(map(add, [1, 2])), list(map(star, "ab", "cd", "ef")))
print(list(filter(lambda x: x % 2, range(7))), list(filter(None, [0, 1, "", "a"])))
scale = 3
print(list(map(lambda x: x * scale, range(4))), sorted([3, 1, 2], key=lambda v: -v), max("abc", key=ord))
try:
    list(map(add, [1], [2], [3]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(lambda: 0, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(filter(lambda x, y: 0, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(lambda x: 1 // x, [1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def recurse(n):
    return list(map(recurse, [n + 1]))


try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)

seen = []


def tracer(frame, event, arg):
    if event == "call":
        seen.append(frame.f_code.co_name)
    return None


def traced(x):
    return x


sys.settrace(tracer)
list(map(traced, [1, 2]))
list(filter(traced, [1, 0]))
sys.settrace(None)
print(seen)
