# Infinite generators stopped manually by break, take-style helpers and close().
def naturals():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("naturals cleaned up at", n)


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


gen = naturals()
print(take(5, gen))
print(take(3, gen))
gen.close()


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1


p = primes()
print([next(p) for _ in range(10)])


def cycle(items):
    while True:
        yield from items


c = cycle("ab")
print("".join(next(c) for _ in range(5)))
