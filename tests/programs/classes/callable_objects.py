# __call__ makes instances callable.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(Adder.__call__))
print(list(map(add5, [10, 20])))


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


c = Counter()
c(); c(); c()
print(c.calls)


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print(e)
