# int.to_bytes/int.from_bytes, int(bytes), ord(bytes), hash of bytes in containers.
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"), (5).to_bytes())
print((-1).to_bytes(2, "little", signed=True), (-129).to_bytes(2, "big", signed=True), (255).to_bytes(1, byteorder="big"))
print((2**70).to_bytes(9, "big"), (1).to_bytes(length=3, byteorder="little"), (127).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print(int.from_bytes(b"\xff\xff", byteorder="little", signed=False), int.from_bytes([1, 2]), int.from_bytes(bytearray(b"\x01")))
print(int.from_bytes(b""), int.from_bytes(b"\x80\x00", signed=True), int.from_bytes(memoryview(b"\x02")), int.from_bytes(b"\x00" * 9 + b"\x01"))


class MyInt(int):
    pass


print(type(MyInt.from_bytes(b"\x01")).__name__, MyInt.from_bytes(b"\x01"))
for code in ["(5).to_bytes(-1)", "(256).to_bytes(1)", "(-1).to_bytes(1)", "(1).to_bytes(1, 'mid')",
             "(1).to_bytes(1, byteorder=1)", "int.from_bytes('ab')", "(1).to_bytes(1, 'big', True)",
             "int.from_bytes()", "(1).to_bytes(1.5)", "(128).to_bytes(1, 'big', signed=True)"]:
    try:
        print(code, "->", eval(code))
    except Exception as e:
        print(code, "!!", type(e).__name__ + ":", e)
print(int(b"12"), int(b" -7 "), int(bytearray(b"ff"), 16), int(b"0x1f", 0), int(b"1_000"), int(memoryview(b"3")))
for code in ["int(b'x')", "int(bytearray(b'1.5'))", "int(b'\\xff1')", "ord(b'ab')", "ord(bytearray())"]:
    try:
        print(code, "->", eval(code))
    except Exception as e:
        print(code, "!!", type(e).__name__ + ":", e)
print(ord(b"a"), ord(bytearray(b"z")), ord(b"\xff"))
print({b"a", b"a", b"b"} == {b"a", b"b"}, {b"x": 1, "x": 2}, b"abc".__hash__() == hash(b"abc"))
print(sorted({b"x": 1, b"a": 2}.items()), [hash(x) for x in (b"", b"\x00", b"hello")])
