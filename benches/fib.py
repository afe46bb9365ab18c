# Recursive calls: naive Fibonacci, plus a mutually recursive pair.
# Measures the cost of calling a Python function with positional arguments.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def main():
    total = fib(34)
    evens = 0
    for i in range(300, 700):
        if is_even(i):
            evens += 1
    return total, evens


result = main()
assert result == (5702887, 200), result
print("fib", result)
