# Recursive functions.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)


def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    moves += 1
    return moves + hanoi(n - 1, via, dst, src)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print(fact(10), fact(25))
print(fib(20))
print(gcd(1071, 462), gcd(2 ** 80, 6 ** 40))
print(hanoi(10, "a", "c", "b"))
print(ackermann(2, 3))
print(is_even(10), is_odd(7), is_even(7))
print(fact(200) // fact(198))
