# str() and repr() of the basic types.
values = [None, True, False, 0, -42, 2 ** 70, 1.5, -0.0, 1e-7, "text", "it's",
          [1, "a"], (1, "a"), (1,), {"k": "v"}, [], (), {}]
for v in values:
    print(str(v), repr(v), sep=" | ")
print(str("abc") == "abc", repr("abc") == "'abc'", len(repr("abc")))
print(str(str(1)), repr(repr(1)), repr(str(1.0)))
print(str(), repr(str()))
