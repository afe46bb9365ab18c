# One-character strs below U+0100 made at run time are shared objects, as CPython's
# Latin-1 singletons: indexing, iteration, chr, slicing and split pieces agree.
import sys

s = "abcabc\xe9\xe9"
print(s[0] is s[3], s[1] is s[4], s[6] is s[7], s[-1] is s[6])
print(chr(97) is s[0], chr(233) is s[6], chr(97) is chr(97), chr(255) is s[6].upper().lower()[0:0] + "\xff\xff"[1])
it = list("zz")
print(it[0] is it[1], it[0] is chr(122))
print(s[0:1] is s[3:4], s[::3][0] is s[0], s[5:6] is s[2])
parts = "x,y,x".split(",")
print(parts[0] is parts[2], parts[0] is chr(120))
print(str(5) is str(5), repr(1) is str(1))
# Wider characters are not shared but compare equal.
w = "\u0101\u0101"
print(w[0] == w[1], len(w[0]))
print(sys.getsizeof("a") == sys.getsizeof(s[0]), sys.getsizeof(s[6]) == sys.getsizeof("\xe9"))
print(sys.getsizeof(s[0]), sys.getsizeof(s[6]))
print(hash(s[0]) == hash("a"), {s[0]: 1}["a"], s[6] == "\xe9")
d = {}
for ch in "mississippi":
    d[ch] = d.get(ch, 0) + 1
print(sorted(d.items()))
print(repr(s[6]), ord(s[6]), s[6].upper(), s[0].upper(), type(s[0]))


class S(str):
    pass


t = S("ab")
print(type(t[0]), t[0] is s[0], type(S("a")), S("a") is S("a"))
