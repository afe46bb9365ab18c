# repr of lists uses repr of the elements.
print(["it's", 'say "hi"', "a\nb", "tab\there", "back\\slash"])
print([None, True, False, 1.5, -0.0, 1e16, 2 ** 64])
print([[], [[]], [1, [2, [3]]], (), (1,), {}, {"a": [1]}])
print(str([1, "x"]), repr([1, "x"]), len(str([1, 2, 3])))
print(["é", "\x00", "\x7f", "\u20ac", "'", '"', "'\""])
print([1, 2], [3], sep=" + ", end=" = ")
print([1, 2] + [3])
