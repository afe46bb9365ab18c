# product, combinations, combinations_with_replacement, permutations.
from itertools import product, combinations, combinations_with_replacement, permutations

print(list(product("ab", range(2))))
print(list(product("ab", repeat=2)))
print(list(product([1, 2], "xy", [True])))
print(list(product()), list(product(repeat=3)), list(product("ab", repeat=0)))
print(list(product("ab", [])), list(product([], "ab")), list(product([], repeat=0)))
print(len(list(product(range(3), repeat=4))))
print(list(product(iter([1, 2]), (x for x in "ab"))))

print(list(combinations("abcd", 2)))
print(list(combinations(range(4), 3)))
print(list(combinations("abc", 0)), list(combinations("abc", 3)), list(combinations("abc", 4)))
print(list(combinations([], 0)), list(combinations([], 1)))
print(len(list(combinations(range(10), 5))))
print(list(combinations(iterable="ab", r=1)))

print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement(range(2), 3)))
print(list(combinations_with_replacement("ab", 0)), list(combinations_with_replacement([], 0)))
print(list(combinations_with_replacement([], 2)), list(combinations_with_replacement("a", 3)))
print(len(list(combinations_with_replacement(range(5), 4))))

print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations("ab", 0)), list(permutations("ab", 3)), list(permutations([])))
print(list(permutations("abc", r=None)), list(permutations([], 0)), list(permutations([], 1)))
print(len(list(permutations(range(6)))), len(list(permutations(range(7), 3))))
print(list(permutations([1, 1, 2])))

# the pool is read eagerly, the results lazily
def gen():
    print("reading pool")
    yield 1
    yield 2

p = permutations(gen())
print("made")
print(next(p), next(p))
c = combinations(gen(), 1)
print(list(c), list(c))
pr = product(gen(), repeat=2)
print(list(pr), next(pr, "done"))
