# Every bytes method, with the same methods on bytearray (which return bytearrays).
for cls in (bytes, bytearray):
    b = cls(b"  Hello, World!  ")
    print(cls.__name__)
    print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" !H"), b.lstrip(b" "), b.rstrip(None))
    print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize(), cls(b"hELLO wORLD").title())
    print(b.count(b"l"), b.count(108), b.count(b"l", 5), b.count(b""), b.find(b"o"), b.find(b"o", 8), b.rfind(b"o"))
    print(b.find(b"zz"), b.rfind(b"l", 0, 5), b.index(b"W"), b.rindex(111), b.find(b"", 100), b.find(b"", 3))
    print(b.startswith(b"  H"), b.startswith((b"x", b"  ")), b.endswith(b"!  "), b.endswith(b"d", 0, -3), b.startswith(b"H", 2))
    print(b.split(), b.split(b","), b.split(b"l", 1), b.rsplit(b"l", 1), b.rsplit(), b.rsplit(None, 1), b.split(maxsplit=1))
    print(cls(b"a,b,,c").split(b","), cls(b"").split(), cls(b"").split(b","), cls(b"  a  b  ").rsplit(maxsplit=1))
    print(cls(b"one\ntwo\r\nthree\rfour\n").splitlines(), cls(b"x\ny\n").splitlines(True), cls(b"x\ny").splitlines(keepends=True))
    print(b.partition(b","), b.rpartition(b"o"), b.partition(b"zz"), b.rpartition(b"zz"))
    print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), cls(b"abc").replace(b"", b"-"), cls(b"abc").replace(b"", b"-", 2))
    print(cls(b"prefix-body").removeprefix(b"prefix-"), cls(b"body.txt").removesuffix(b".txt"), cls(b"x").removeprefix(b"y"))
    print(cls(b"42").zfill(5), cls(b"-42").zfill(6), cls(b"+7").zfill(3), cls(b"abc").zfill(2))
    print(cls(b"ab").center(6), cls(b"ab").center(7, b"*"), cls(b"ab").ljust(5, b"."), cls(b"ab").rjust(5), cls(b"ab").center(1))
    print(cls(b"a\tbc\td").expandtabs(), cls(b"a\tb").expandtabs(4), cls(b"x\ty\n\tz").expandtabs(tabsize=2))
    print(cls(b",").join([b"a", bytearray(b"b"), memoryview(b"c")]), cls(b"").join([]), cls(b"-").join(x for x in [b"1", b"2"]))
    print(cls(b"abc").isalpha(), cls(b"abc1").isalnum(), cls(b"123").isdigit(), cls(b" \t\n").isspace(), cls(b"").isalpha())
    print(cls(b"abc").islower(), cls(b"ABC").isupper(), cls(b"Title Case").istitle(), cls(b"not Title").istitle(), cls(b"\x80").isascii(), cls(b"").isascii())
    print(cls(b"\x00\xff\x10").hex(), cls(b"\x01\x02\x03\x04\x05").hex(":"), cls(b"\x01\x02\x03\x04\x05").hex("-", 2), cls(b"\x01\x02\x03\x04\x05").hex(b" ", -2))
    print(cls.fromhex("de ad BE EF"), cls.fromhex(""), cls.fromhex(" 01 02 "))
    table = bytes.maketrans(b"abc", b"xyz")
    print(len(table), cls(b"aabbcc").translate(table), cls(b"abcdef").translate(None, b"bd"), cls(b"abc").translate(table, delete=b"a"))
    print(cls(b"caf\xc3\xa9").decode(), cls(b"abc").decode("ascii"), cls(b"\xe9").decode("latin-1"), cls(b"x").decode(encoding="utf8"))


class Hexy(bytes):
    pass


print(type(Hexy.fromhex("00")).__name__, bytearray.fromhex("ff"), bytes.maketrans(b"", b"")[:4])
