# translate with dicts from maketrans, deletion, str results and errors.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

t = str.maketrans("abc", "xyz")
print(sorted(t.items()) if False else t)
print("aabbcc".translate(t), "abc".translate(str.maketrans("ab", "ba", "c")))
print("hello".translate({ord("l"): None, ord("o"): "0\u00f6"}), "abc".translate({97: 98}), "abc".translate({}))
print(str.maketrans({"a": "1", 98: None}), "abc".maketrans("a", "b"), str.maketrans("", "", "xy"))
print("\u00e9t\u00e9".translate({0xe9: "e"}), "abc".translate(["A", "B", "C"] * 40))
show("translate({97: 2**40})", lambda: "a".translate({97: 2**40}))
show("translate({97: 1.5})", lambda: "a".translate({97: 1.5}))
show("translate(1)", lambda: "a".translate(1))
show("maketrans('ab', 'c')", lambda: str.maketrans("ab", "c"))
show("maketrans(1)", lambda: str.maketrans(1))
show("maketrans({'ab': 1})", lambda: str.maketrans({"ab": 1}))
show("maketrans({1.5: 1})", lambda: str.maketrans({1.5: 1}))
show("maketrans('a', 1)", lambda: str.maketrans("a", 1))
show("maketrans(1, 'a')", lambda: str.maketrans(1, "a"))
show("maketrans('a', 'b', 3)", lambda: str.maketrans("a", "b", 3))
show("maketrans()", lambda: str.maketrans())
