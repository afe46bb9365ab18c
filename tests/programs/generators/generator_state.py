# Generators keep local state between yields; each call is independent.
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x


r = running_max()
next(r)
print([r.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])


def countdown(n):
    while n:
        yield n
        n -= 1


a, b = countdown(3), countdown(2)
print(next(a), next(b), next(a), next(b), next(a), next(b, None))


def zip_gen(*gens):
    while True:
        row = []
        for g in gens:
            try:
                row.append(next(g))
            except StopIteration:
                return
        yield tuple(row)


print(list(zip_gen(countdown(4), iter("xyz"))))
