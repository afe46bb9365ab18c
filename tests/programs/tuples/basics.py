# Tuples: displays, indexing, len, repr, concatenation, repetition.
empty = ()
single = (5,)
pair = 1, 2
nested = ((1, 2), (3, (4, 5)), [6])
print(empty, single, pair, nested)
print(len(empty), len(single), len(nested))
print(pair[0], pair[-1], nested[1][1][0], nested[-1][0])
print(pair + single, single * 3, () * 5, pair * 0, (0,) * 2 + (1,))
print((1), (1,), ("a"), ("a",), (None,), ((),))
t = (1, [2, 3])
t[1].append(4)
print(t)
print((1, 2) == (1, 2), (1, 2) != (2, 1), (1, 2) < (1, 2, 3), () < (0,))
print(2 in pair, 3 not in pair, (3, (4, 5)) in nested)
for x in nested:
    print(x, len(x))
