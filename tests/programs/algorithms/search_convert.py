# Binary search and base conversion.
def binary_search(items, target):
    lo = 0
    hi = len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    out = ""
    while n > 0:
        out = digits[n % base] + out
        n //= base
    return sign + out


squares = []
for i in range(50):
    squares.append(i * i)
print(binary_search(squares, 49), binary_search(squares, 50), binary_search(squares, 2401))
print(to_base(255, 2), to_base(255, 16), to_base(-255, 8), to_base(0, 3))
print(to_base(2 ** 100, 36), to_base(-(3 ** 50), 7))
print(int(to_base(123456789, 10)) == 123456789)
