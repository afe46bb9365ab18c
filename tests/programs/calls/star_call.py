# f(*a, **k) with mixes of literal and unpacked arguments.
def f(a, b, c=0, *rest, key=None, **extra):
    return a, b, c, rest, key, sorted(extra.items())


args = [1, 2]
kw = {"key": "K", "x": 9}
print(f(*args))
print(f(*args, **kw))
print(f(0, *args, 3, 4, **kw))
print(f(*range(6)))
print(f(b=2, a=1))
print(f(*(1,), *[2], 3, **{"y": 1}, key=5))
t = (10, 20, 30)
print(f(*t, *t))
s = "ab"
print(f(*s, c="c"))
