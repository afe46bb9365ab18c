# sys.getsizeof(list) follows CPython's over-allocation: append grows by about an eighth
# (0, 4, 8, 16, 24, 32, 40, 52, ...), extend and list() size for the source, pop and
# del shrink below half, sort keeps the allocation.
import sys
l = []
sizes = []
for i in range(200):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print(sizes)
l2 = [1, 2, 3]
print(sys.getsizeof(l2))
l2.append(4); print(sys.getsizeof(l2))
l3 = list(range(10)); print(sys.getsizeof(l3)); l3.append(1); print(sys.getsizeof(l3))
l4 = [0] * 10; print(sys.getsizeof(l4)); l4.extend(range(5)); print(sys.getsizeof(l4))
l5 = []
for i in range(20): l5.insert(0, i)
print(sys.getsizeof(l5))
while l5:
    l5.pop(); 
    if len(l5) % 4 == 0: print(len(l5), sys.getsizeof(l5), end="; ")
print()
l6 = [x for x in range(17)]; print(sys.getsizeof(l6))
l7 = l6[:]; print(sys.getsizeof(l7))
l8 = l6 + l6; print(sys.getsizeof(l8))
l9 = []; l9 += [1,2,3]; print(sys.getsizeof(l9))
l10 = list(range(100)); del l10[10:]; print(sys.getsizeof(l10))
l11 = [1]*5; l11 *= 3; print(sys.getsizeof(l11))
l12 = []; l12.extend([1]*9); print(sys.getsizeof(l12))

def sz(l): return sys.getsizeof(l)
print(sz(list(x for x in range(20))), sz(list(map(str, range(20)))), sz(sorted([3, 1, 2] * 7)))
print(sz([x for x in range(50) if x % 3]), sz([*range(5), *range(7)]), sz(list(iter([1, 2, 3]))))
l = [1, 2]; l.extend(x for x in range(30)); print(sz(l))
l = list(range(10)); l[2:4] = range(20); print(sz(l))
l = list(range(10)); l[:] = []; print(sz(l)); l.append(1); print(sz(l))
l = list(range(40)); del l[:35]; print(sz(l))
l = []; 
for i in range(33): l.insert(i // 2, i)
print(sz(l))
l = [1, 2, 3]; l.extend(l); print(sz(l)); l += l; print(sz(l))
l = list("abcdefghij"); print(sz(l))
l = list({1: 2, 3: 4}); print(sz(l))
l = list((1, 2, 3, 4, 5)); print(sz(l))
l = [0] * 3; l *= 5; print(sz(l), l == [0] * 15)
m = l; l *= 0; print(sz(m), m is l, l)
l = list(range(100)); 
while len(l) > 3: l.pop(0)
print(sz(l))
