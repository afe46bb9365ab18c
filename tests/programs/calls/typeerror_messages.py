# CPython's wording for bad calls, caught and printed.
def f(a, b, c=3, *, d, e=5):
    pass


def g(x, /, y):
    pass


class C:
    def m(self, x):
        pass


calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3, 4, 5, d=1),
    lambda: f(1, 2, d=1, z=2),
    lambda: f(1, 2, a=1, d=4),
    lambda: g(x=1, y=2),
    lambda: g(1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: (lambda: 0)(1),
    lambda: (lambda q: 0)(),
]
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print(e)
