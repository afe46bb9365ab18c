# Dict displays, indexing, assignment, len, in and iteration (insertion order).
empty = {}
d = {"one": 1, "two": 2, "three": 3}
print(empty, len(empty), d, len(d))
print(d["one"], d["three"])
d["four"] = 4
d["one"] = 100
print(d, len(d))
print("two" in d, "five" in d, 2 in d, "four" not in d)
for k in d:
    print(k, "->", d[k])
d2 = {1: "a", 2.5: "b", None: "c", (1, 2): "d", True: "e", -7: "f"}
print(d2)
print(d2[None], d2[(1, 2)], d2[1], d2[-7])
d3 = {"a": 1, "a": 2, "b": 3}
print(d3, len(d3))
d4 = {}
for i in range(5):
    d4[i * i] = i
print(d4)
print(d == {"one": 100, "two": 2, "three": 3, "four": 4}, {1: 2} != {1: 2.0})
