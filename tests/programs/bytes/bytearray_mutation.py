# bytearray mutation: item and slice assignment (extended slices too), deletion, += and *=,
# append/extend/insert/pop/remove/reverse/clear/copy, and unhashability.
ba = bytearray(b"hello")
ba[0] = 72
ba[-1] = ord("O")
print(ba)
ba[1:3] = b"EY"
print(ba)
ba[1:3] = b"abcdef"
print(ba, len(ba))
ba[2:6] = []
print(ba)
ba[::2] = b"XYZ"
print(ba)
ba[::-1] = bytearray(b"12345")
print(ba)
ba[5:] = [33, 63]
print(ba)
del ba[0]
del ba[-1]
print(ba)
del ba[::2]
print(ba)
del ba[:]
print(ba, len(ba))
ba += b"abc"
ba += bytearray(b"de")
ba += memoryview(b"f")
print(ba)
alias = ba
ba *= 2
print(ba, alias is ba)
ba.append(33)
ba.extend(b"??")
ba.extend([49, 50])
ba.extend(x for x in range(51, 53))
ba.insert(0, 60)
ba.insert(-1, 61)
ba.insert(100, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("a"))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
c[0] = 0
print(c[0], ba[0], c is ba)
ba.clear()
print(ba, c.__alloc__() >= len(c))
try:
    hash(bytearray())
except TypeError as e:
    print("TypeError:", e)
b2 = bytearray(b"xyz")
b2[1:2] = bytearray(b"...")
print(b2, bytearray(b"abc") * 0)
m = bytearray(b"aaa")
for i in range(len(m)):
    m[i] += i
print(m, list(m))
