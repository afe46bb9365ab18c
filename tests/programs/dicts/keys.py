# Keys that compare equal are the same key: 1, 1.0 and True.
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
d[1.0] = "again"
print(d, d[True], d[1])
e = {0: "zero"}
e[False] = "false"
e[0.0] = "float zero"
e[-0.0] = "negative zero"
print(e)
big = {2 ** 100: "big", -(2 ** 100): "negative big"}
print(big[2 ** 100], big[-(2 ** 100)], 2.0 ** 100 in big)
t = {(1, "a"): 1, (1, ("b", 2)): 2, (): 3}
print(t[(1, "a")], t[(1, ("b", 2))], t[()])
s = {"": "empty", " ": "space", "é": "e acute"}
print(s[""], s[" "], s["é"], len(s))
k = "ab"
s[k + "c"] = "abc"
print(s["abc"], "abc" in s)
