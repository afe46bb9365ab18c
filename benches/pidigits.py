# Big-int arithmetic: digits of pi with Gibbons' unbounded spigot (streaming
# linear-fractional transformations on arbitrary-precision integers).


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return digits


def main():
    digits = pi_digits(5000)
    text = "".join(str(d) for d in digits)
    checksum = 0
    for d in digits:
        checksum = (checksum * 10 + d) % 1000000007
    return text[:20], text[-10:], checksum


result = main()
assert result == ('31415926535897932384', '7413260472', 854666443), result
print("pidigits", result)
