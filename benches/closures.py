# Closures and higher-order functions: counters with nonlocal, function composition,
# partial application by hand, map/filter/reduce written with closures, lambdas.


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


def compose(f, g):
    return lambda x: f(g(x))


def partial(f, *bound):
    def call(*rest):
        return f(*bound, *rest)

    return call


def fold(f, items, acc):
    for item in items:
        acc = f(acc, item)
    return acc


def memoize(f):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        value = f(n)
        cache[n] = value
        return value

    return wrapper


def main():
    total = 0
    counters = [make_counter(k) for k in range(1, 6)]
    for _ in range(165000):
        for c in counters:
            total += c()
    add = lambda a, b: a + b
    mul3 = partial(lambda a, b: a * b, 3)
    inc = partial(add, 1)
    f = compose(mul3, inc)
    g = compose(f, compose(inc, inc))
    for i in range(800000):
        total += g(i) - f(i)
    squares = list(map(lambda x: x * x, range(2000)))
    for _ in range(400):
        odd = list(filter(lambda x: x % 2 == 1, squares))
        total += fold(add, odd, 0) % 1000
    for _ in range(400):

        @memoize
        def ways(n):
            if n < 2:
                return 1
            return (ways(n - 1) + ways(n - 2)) % 1000000007

        total += ways(300)
    return total


result = main()
assert result == 561409458300, result
print("closures", result)
