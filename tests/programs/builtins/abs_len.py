# abs and len.
print(abs(5), abs(-5), abs(0), abs(-0.0), abs(-2.5), abs(3.75))
print(abs(-(2 ** 100)), abs(2 ** 100), abs(True), abs(False))
print(abs(-9223372036854775808), abs(float("-inf")))
print(len(""), len("abc"), len("héllo"), len("😀"), len("\n\t"))
print(len([]), len([1, [2, 3]]), len(()), len((1,)), len({}), len({1: 2, 3: 4}))
print(len(str(2 ** 100)), len(repr("a")), len([None] * 7))
d = {}
for i in range(20):
    d[i % 7] = i
print(len(d), d)
