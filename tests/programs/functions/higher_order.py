# Functions are values: they can be stored and passed around.
def double(x):
    return x * 2


def square(x):
    return x * x


def apply(f, x):
    return f(x)


def apply_all(funcs, x):
    results = []
    for f in funcs:
        results.append(f(x))
    return results


def compose_twice(f, x):
    return f(f(x))


print(apply(double, 21), apply(square, 12))
print(apply_all([double, square, abs, str], -4))
g = square
print(g(9), compose_twice(double, 5), compose_twice(square, 3))
print(double is double, double == square)
table = {"d": double, "s": square}
print(table["d"](7), table["s"](7))
print(apply(len, "hello"), apply(max, [3, 9, 2]))
