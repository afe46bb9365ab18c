# RecursionError can be caught and the interpreter keeps working.
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
    print(e)


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")


def fine(n):
    return 0 if n == 0 else fine(n - 1) + 1


print(fine(500))
