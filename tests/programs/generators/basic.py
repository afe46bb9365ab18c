# Generator functions are lazy: code runs only as values are requested.
def count_up(n):
    print("start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("end")


g = count_up(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(g))
print(next(g, "exhausted"))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for x in fib():
    if x > 100:
        break
    out.append(x)
print(out)
print(sum(x * x for x in range(5)))
