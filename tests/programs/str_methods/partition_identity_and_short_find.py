# str.partition/rpartition put the separator and (when it is missing) the string itself in
# the result, not copies; find/rfind/index/count/split/replace with short needles and
# windows (a plain scan) and long ones (the searcher) agree.


class S(str):
    pass


s = S("a-b-c")
sep = S("-")
for method in (str.partition, str.rpartition):
    p = method(s, sep)
    print(p, [type(x).__name__ for x in p], p[1] is sep)
    q = method(s, "x")
    print(q, [type(x).__name__ for x in q], [x is s for x in q])

text = "hello world"
space = " "
print(text.partition(space)[1] is space, text.partition("z")[0] is text, text.rpartition("z")[2] is text)
print("".partition("a"), "".rpartition("a"), "aaa".partition("aa"), "aaa".rpartition("aa"))

hay = "abcabcabd" * 3 + "xyz" + "ab" * 40 + "abcdeabcdf"
needles = ["", "a", "ab", "abd", "abdx", "abcd", "abcdf", "abcdeabcdf", "xyzab", "zz", "bcabcabdab", hay, hay + "a"]
for n in needles:
    print(repr(n[:12]), hay.find(n), hay.rfind(n), hay.count(n), len(hay.split(n)) if n else None)
    for start, end in [(0, 5), (3, 40), (10, None), (-15, -2), (50, 20), (len(hay), None)]:
        print(" ", start, end, hay.find(n, start, end), hay.rfind(n, start, end), hay.count(n, start, end))
print("x;y; z;; w".split("; "), "a, b, c".replace(", ", "--"), "aaaa".count("aa"), "aaaa".replace("aa", "b"))
print("ab\u00e9ab".find("ab", 1), "ab\u00e9ab".rfind("\u00e9a"), "xx".find("\u00e9"))
try:
    "abc".index("d")
except ValueError as e:
    print(e)
try:
    "abc".partition("")
except ValueError as e:
    print(e)
print(str(0), str(-1), str(-9223372036854775808), str(9223372036854775807), str(10**20), f"{-42:05d}", f"{7:>4}", f"{123456789:d}")
