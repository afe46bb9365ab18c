# Ordering of numbers, strings, lists and tuples.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, -5 < -4, 3 > -3)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "a" <= "a")
print("apple" > "Apple", "10" < "9", "é" > "z", "aa" < "b")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
print((1, 2) < (1, 3), (1, "b") > (1, "a"), (2,) >= (1, 9), () <= ())
print([1, 2] <= [1, 2], (3, 4) >= (3, 4), [[1, 2], 3] < [[1, 3], 0])
print(True > False, False < 1, 0.5 < True)
