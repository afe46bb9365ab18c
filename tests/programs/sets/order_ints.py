print({3, 1, 2, 100, 33, 17})
print({-1, -2, 0, 8, 16, 24, 7, 15})
print(set(range(50)))
print(set(range(0, 1000, 37)))
print({2**40, 2**62, -2**62, 5, 2**64, 1.5, 2.0})
s = set()
for i in range(30):
    s.add((i * 37) % 101)
print(s)
for i in range(0, 30, 2):
    s.discard((i * 37) % 101)
print(s)
for i in range(100, 140):
    s.add(i)
print(s)
print({9, 17, 25, 33, 41, 1}, {8, 16, 24, 32, 0, 40, 48, 56, 64})
print(set([5, 5, 3, 3, 1]), set((1.0, 1, True)), {True, 1, 1.0}, {0, False, 0.0})
print({x * x for x in range(-5, 6)}, {x for x in "mississippi"})
print({(), (1, 2), (2, 1), "a"}, {frozenset(), frozenset({1})})
