# The walrus operator in comprehensions binds in the enclosing scope.
data = [3, 8, 1, 9, 4]
if any((big := v) > 5 for v in data):
    print("first big value", big)
print([last := v * 2 for v in data], last)


def f():
    [tot := i for i in range(5)]
    return tot


print(f())
values = [y for x in range(6) if (y := x * x) % 2 == 0]
print(values, y)
n = 0
while (n := n + 1) < 4:
    print("n is", n)
print((w := 10) + w)


def counter():
    count = 0
    hits = [count := count + 1 for _ in "abc"]
    return hits, count


print(counter())
