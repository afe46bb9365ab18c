# bytes and bytearray: constructor forms, repr (quote choice, escapes), str(), hash,
# comparisons, concatenation, repetition, indexing, slicing, iteration and membership.
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(97, 100)))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes("é", "latin-1"))
print(bytes(b"copy"), bytes(bytearray(b"ba")), bytes(memoryview(b"mv")))
print(bytes(x for x in [104, 105]), bytes({7: 1}))


class WithBytes:
    def __bytes__(self):
        return b"from __bytes__"


print(bytes(WithBytes()))
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\x00\x7f\x80\xff\t\n\r\\"))
print(str(b"x"), str(bytearray(b"y")), repr(bytearray()), repr(bytearray(b"a'b")))
print(b"abc" == b"abc", b"abc" != b"abd", b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"" <= b"")
print(b"x" == "x", b"x" != "x", bytearray(b"x") == b"x", b"x" == bytearray(b"x"), b"a" < bytearray(b"b"))
print(hash(b"abc") == hash("abc"), hash(b"") == 0, hash(b"pyrite"))
print({b"k": 1}[b"k"], b"ab" + b"cd", bytearray(b"ab") + b"cd", b"ab" + bytearray(b"cd"), b"a" + memoryview(b"b"))
print(b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -1, bytearray(b"z") * 2)
data = b"hello world"
print(data[0], data[-1], data[1:4], data[::2], data[::-1], data[100:], data[-3:], data[:])
print(data[:] is data, len(data), list(b"abc"), [x for x in bytearray(b"xy")])
print(104 in data, b"wor" in data, b"" in data, bytearray(b"lo") in data, 300 - 200 in b"d", b"zz" in data)
print(type(iter(b"")).__name__, type(iter(bytearray())).__name__, type(b"").__name__, type(bytearray()).__name__)
print(isinstance(b"", bytes), bytes.__name__, bytearray.__name__, memoryview.__name__)


class MyBytes(bytes):
    pass


mb = MyBytes(b"sub")
print(mb, type(mb).__name__, mb == b"sub", mb + b"!", type(mb + b"!").__name__, len(mb))


class MyArray(bytearray):
    pass


print(repr(MyArray(b"xy")), MyArray(2))
print(b"abc".__bytes__(), b"abc".__getnewargs__())
print(bool(b""), bool(b"\x00"), bool(bytearray()), sorted([b"b", b"a", b"ab"]))
