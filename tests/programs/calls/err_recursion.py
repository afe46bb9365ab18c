# Unbounded recursion ends with RecursionError.
def forever(n):
    return forever(n + 1) + 1


def bounded(n):
    return 0 if n == 0 else bounded(n - 1) + 1


print("start", bounded(100))
forever(0)
