# A closure given too many arguments by a call the register loop's fast path checks:
# CPython's exact message, raised in the caller.


def outer(k):
    def add(a, b):
        return a + b + k

    return add


add = outer(1)
for i in range(3):
    print(add(i, i))
print(add(1, 2, 3))
