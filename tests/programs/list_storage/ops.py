# Operations on compact lists give exactly what they give on general lists.
import sys

# sort: stability of equal floats (0.0 and -0.0), reverse, keys, bools
a = [0.0, -0.0, 1.0, -1.0, 0.0, -0.0]
b = sorted(a)
print(b, [str(x) for x in b])
b = sorted(a, reverse=True)
print([str(x) for x in b])
a.sort(key=abs)
print([str(x) for x in a])
print(sorted([3, -1, 2, -1, 0]), sorted([3, 1, 2], reverse=True), sorted([True, False, True, False]))
print(sorted([True, False], reverse=True), sorted([2, 1], key=lambda v: -v))
a = [5, 3, 9]
a.sort()
a.append(1)
print(a, sys.getsizeof(a) == sys.getsizeof([5, 3, 9, 1]) or sys.getsizeof(a))
print(sorted([1, 2.5, True, 0]), sorted([2**65, 1, -2**65]))

# sum with starts of every kind
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([1, 2], 0.5), sum([0.5, 0.25]), sum([0.5], 1))
print(sum([True, True, False]), sum([True], 0.5), sum([2**62, 2**62, 2**62]), sum([-2**63, -1]))
print(sum([0.1] * 10), sum([1e308, 1e308]), sum([1e308, 1e308, -1e308]), sum([-0.0]), sum([-0.0], -0.0))
print(sum([], 5), sum([1.5], 2**70), sum([[1], [2]], []))

# membership across kinds
ints = [1, 2, 3]
print(1 in ints, 1.0 in ints, True in ints, 4 in ints, 2**70 in ints, "1" in ints, None in ints)
print(True in [1], 1 in [True], 1.0 in [True], 0 in [False], 0.0 in [-0.0], -0.0 in [0.0])
print(float("nan") in [1.0, 2.0], 1 in [1.0], 2**53 + 1 in [float(2**53)])

# comparisons across kinds and lengths
print([1, 2] == [1, 2], [1, 2] == [1.0, 2.0], [True] == [1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0])
print([0.0] == [-0.0], [1.5] <= [1.5], [2.5] > [2.0, 9.0], [False] < [True], [True, False] >= [True])
print([1, 2] != [1, 2], [1] == ["1"], [] == [], [] < [0], [1.0, float("nan")] == [1.0, float("nan")])

# indexing, negative indexes, slices, count, index, remove, pop
a = [10, 20, 30, 40]
print(a[-1], a[-4], a[0], a[1:-1], a[::-1], a[10:], a[-10:2], a[::3])
a[-1] = 41
a[-4] = 11
print(a, a.count(20), a.count(20.0), a.index(30), a.index(30.0), a.pop(-2), a.pop(0), a)
a.remove(20.0)
print(a)
a = [True, False, True]
print(a.count(1), a.index(False), a.pop(), a)
del a[0]
print(a)
a = [1.5, 2.5, 3.5]
del a[-1]
a.reverse()
print(a, a * 2, 2 * a)
a = [1, 2, 3, 4, 5, 6]
del a[::2]
print(a)
a[1:1] = [9, 9]
print(a)
a[:] = []
print(a, sys.getsizeof(a))

# sizes follow CPython's over-allocation whatever the storage
sizes = []
a = []
for i in range(30):
    a.append(i % 2 == 0)
    sizes.append(sys.getsizeof(a))
print(sizes)
sizes = []
a = [0.5] * 30
for i in range(30):
    a.pop()
    sizes.append(sys.getsizeof(a))
print(sizes)
print(sys.getsizeof([1] * 7), sys.getsizeof([True] * 5), sys.getsizeof(list(range(9))), sys.getsizeof([1, 2][:1]))
a = [1] * 7
a[0] = "x"
print(sys.getsizeof(a))
a = [1, 2, 3]
a.extend(x for x in range(20))
print(sys.getsizeof(a))
a = list(range(4))
a *= 5
print(sys.getsizeof(a), a.copy() == a, sys.getsizeof(a.copy()))

# a keyed sort keeps the allocation, whatever the storage
for items in ([3, 1, 2], [True, False], [2.5, 0.5], ["b", "a"]):
    a = list(items)
    a.append(items[0])
    before = sys.getsizeof(a)
    a.sort(key=lambda v: -len(str(v)))
    a.sort(reverse=True)
    print(a, sys.getsizeof(a) == before)
    try:
        a.sort(key=lambda v: 1 / 0)
    except ZeroDivisionError:
        print("raised", a, sys.getsizeof(a) == before)
