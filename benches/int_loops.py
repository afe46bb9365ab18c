# Tight integer loops: nested range loops, arithmetic, comparisons, bit operations
# and a sieve over a list of ints. Everything stays within machine-word ints.


def collatz_steps(limit):
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        if steps > longest:
            longest = steps
            best = start
    return best, longest


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


def mixing(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + (i ^ (i >> 3))) % 1000003
        if acc % 7 == 3:
            acc -= i // 2
    return acc


def main():
    return collatz_steps(160000), sieve(1600000), mixing(1600000)


result = main()
assert result == ((156159, 382), 121127, 50047), result
print("int_loops", result)
