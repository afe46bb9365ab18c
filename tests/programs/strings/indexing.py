# Indexing strings, including negative indices and non-ASCII text.
s = "Python"
print(s[0], s[5], s[-1], s[-6], len(s))
print(s[0] + s[-1], s[1] * 3)
reversed_s = ""
i = len(s) - 1
while i >= 0:
    reversed_s += s[i]
    i -= 1
print(reversed_s)
u = "héllo wörld €uro 😀!"
print(len(u), u[1], u[7], u[12], u[-2], u[-1])
for i in range(len(u)):
    if u[i] == "o":
        print("o at", i)
print(s[0] == "P", s[0] is not None, s[1] == "Y")
chars = []
for ch in "abc":
    chars.append(ch)
print(chars)
