# sys.getsizeof of bytes, bytearray (whose buffer grows and shrinks as CPython's), and more sizes
# of the core types.
import sys
g = sys.getsizeof
print([g(b) for b in [b"", b"a", b"abc", b"x" * 100]])
print([g(b) for b in [bytearray(), bytearray(b"a"), bytearray(b"abc"), bytearray(100), bytearray(range(10))]])
b = bytearray()
out = []
for i in range(40):
    out.append(g(b)); b.append(i)
print(out)
b = bytearray(b"abc"); b.extend(b"defgh"); print(g(b)); b += b"x" * 20; print(g(b)); b.insert(0, 1); print(g(b))
b = bytearray(b"x" * 50); del b[10:]; print(g(b)); b.pop(); print(g(b)); b.clear(); print(g(b))
b = bytearray(b"x" * 50); b[:] = b""; print(g(b))
print(g(b"abc" * 3), g(bytearray(b"abc") * 3))
print([g(s) for s in ["x"*1000, "é"*50, "\u1234"*7]])
print([g(t) for t in [tuple(range(100))]])
print([g(x) for x in [2**1000, -2**64, 0.0, 1e300]])
print([g(d) for d in [dict(a=1, b=2), {i: i for i in range(100)}, dict.fromkeys("abcdefghijkl")]])
print([g(s) for s in [set(range(20)), set(range(1000)), {"a"}, frozenset("abcdefgh")]])
print(g(complex(1, 2)), g(slice(1)), g(range(10**20)))
print(g(1j), g(True), g(2**30), g([1]*10), g([None]*100))
b = bytearray(b"abc")
print(b.__alloc__(), bytearray().__alloc__())
b.append(1)
print(b.__alloc__(), g(b) - b.__alloc__())
try:
    b.__alloc__(1)
except TypeError as e:
    print("TypeError", e)
