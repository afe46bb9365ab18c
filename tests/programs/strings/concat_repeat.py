# + and * on strings.
a = "ab"
b = "cd"
print(a + b, b + a, a + "", "" + "")
print(a * 3, 3 * a, "-" * 10, a * 0, a * -1, "" * 100)
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
line = "=" * 3 + " title " + "=" * 3
print(line, len(line))
t = "x"
t *= 4
print(t)
print(("ab" + "c") * 2, "a" + "b" * 2, len("abc" * 1000))
print("a" + "é" + "€" + "😀", len("a" + "é" + "€" + "😀"))
