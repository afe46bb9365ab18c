# Sorting with keys: list.sort and sorted with key functions (lambdas, tuples,
# str methods), reverse sorts, stability, and sorts of records (instances).


class Record:
    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out


def main():
    total = 0
    for rep in range(8):
        nums = lcg(rep + 1, 40000)
        a = sorted(nums)
        total += a[0] % 1000 + a[-1] % 1000 + a[20000] % 1000
        b = sorted(nums, key=lambda v: (v % 1000, -v))
        total += b[0] % 1000 + b[-1] % 977
        c = sorted(nums, key=lambda v: v % 97, reverse=True)
        total += c[0] % 1000 + c[12345] % 1000
        names = ["n" + str(v % 5000) for v in nums[:20000]]
        names.sort(key=str.lower)
        total += len(names[0]) + len(names[-1])
        names.sort(key=len)
        total += len(names[0]) + len(names[-1])
        records = [Record("r%d" % (v % 997), v % 90, v % 10007) for v in nums[:20000]]
        records.sort(key=lambda r: (r.age, r.name))
        total += records[0].score + records[-1].score
        records.sort(key=lambda r: r.score, reverse=True)
        total += records[0].age + records[100].age
        words = [(v % 13, str(v)) for v in nums[:20000]]
        words.sort()
        total += words[0][0] + len(words[-1][1])
    return total


result = main()
assert result == 114612, result
print("sorting", result)
