# Factorials and Fibonacci numbers grow past 64 bits quickly.
def factorial(n):
    result = 1
    i = 2
    while i <= n:
        result *= i
        i += 1
    return result


def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


print(factorial(20))
print(factorial(21))
print(factorial(50))
print(fib(92), fib(93))
print(fib(300))
print(factorial(30) // factorial(28), factorial(25) % 1000003)
