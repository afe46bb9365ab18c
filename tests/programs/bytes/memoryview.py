# memoryview over bytes and bytearray: attributes, indexing, slicing (views share memory
# with a bytearray), tobytes/tolist/hex, release and the context manager, comparisons.
data = bytearray(b"abcdef")
m = memoryview(data)
print(len(m), m[0], m[-1], m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.readonly)
print(m.obj is data, m.tobytes(), m.tolist(), m.hex(), m.hex(":"), bytes(m), bytearray(m))
sub = m[1:4]
print(sub.tobytes(), len(sub), sub.obj is data, m[::2].tobytes(), m[::-1].tolist(), m[::-2].tobytes())
m[0] = 65
sub[0] = 66
print(data)
m[3:6] = b"DEF"
sub[1:3] = bytearray(b"xy")
print(data, m.tobytes())
print(m == b"ABxyEF", m == bytearray(b"ABxyEF"), m != b"zz", m == m, m == memoryview(b"ABxyEF"), m == "ABxyEF")
ro = memoryview(b"readonly")
print(ro.readonly, ro[4:].tobytes(), list(ro[:4]), hash(ro) == hash(b"readonly"), ro.obj)
print(b"ABxyEF" == m, list(iter(memoryview(b"hi"))), 104 in memoryview(b"hi"), type(iter(m)).__name__)
try:
    data.append(1)
except BufferError as e:
    print("BufferError:", e)
m.release()
sub.release()
data.append(33)
print(data)
with memoryview(b"ctx") as cm:
    print(cm.tobytes(), cm.readonly)
try:
    len(cm)
except ValueError as e:
    print("ValueError:", e)
print(repr(cm).startswith("<released memory at 0x"), repr(ro).startswith("<memory at 0x"))
mm = memoryview(memoryview(b"nested"))
print(mm.tobytes(), mm.obj, mm.toreadonly().readonly, memoryview(bytearray(b"w")).toreadonly().readonly)
print(memoryview(b"xyz").cast("B").tolist(), memoryview(b"").tobytes(), memoryview(b"ab").c_contiguous, m.c_contiguous if False else "-")
