# Cells: LOAD_DEREF/STORE_DEREF of nonlocal counters, free variables copied into nested
# functions, unbound cells and free variables (CPython's messages), cells shared by
# functions made in a loop, and cell arguments.


def make_counter(step):
    count = 0

    def bump():
        nonlocal count
        count += step
        return count

    return bump


c1, c2 = make_counter(1), make_counter(5)
print([c1() for _ in range(3)], [c2() for _ in range(3)], c1.__closure__[0].cell_contents)


def arg_cell(x):
    def get():
        return x

    def put(v):
        nonlocal x
        x = v

    return get, put


get, put = arg_cell("first")
print(get())
put([1])
print(get())


def unbound_local():
    def inner():
        return value

    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    value = 1
    print(inner())
    del value
    try:
        inner()
    except NameError as e:
        print("NameError:", e)


unbound_local()


def in_loop():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    gs = [(lambda j=i: j) for i in range(3)]
    return [f() for f in fs], [g() for g in gs]


print(in_loop())


def memoize(f):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        value = f(n)
        cache[n] = value
        return value

    return wrapper


total = 0
for k in range(3):

    @memoize
    def ways(n):
        if n < 2:
            return 1
        return (ways(n - 1) + ways(n - 2)) % 1000000007

    total += ways(60 + k)
print(total)


class Deleter:
    def __del__(self):
        print("deleted")


def replaced():
    x = Deleter()

    def set_it():
        nonlocal x
        x = 2
        print("after store")

    set_it()
    return x


print(replaced())
