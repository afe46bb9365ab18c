# for loops over lists, strings, tuples and dicts.
for x in [10, "two", 3.0, None, [5]]:
    print(repr(x))
for ch in "héllo":
    print(ch, end="|")
print()
for item in (1, (2, 3), "four"):
    print(item)
d = {"one": 1, "two": 2, "three": 3}
for key in d:
    print(key, d[key])
for row in [[1, 2], [3, 4]]:
    for cell in row:
        print(cell, end=" ")
    print()
pairs = [(1, "a"), (2, "b")]
for p in pairs:
    num, letter = p
    print(num, letter)
for p in pairs:
    print(p[1] * p[0])
