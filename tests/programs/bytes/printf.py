# bytes %-formatting (PEP 461): %s/%b with bytes-like objects and __bytes__, %r/%a as
# ascii(), %c, the numeric conversions with flags, width and precision, and mappings.
class B:
    def __bytes__(self):
        return b"<B>"


print(b"%s and %b" % (b"bytes", bytearray(b"array")), b"%s" % memoryview(b"view"), b"%s" % B())
print(b"%r %a" % ("caf\xe9", [1, "x"]), b"%c%c%c" % (72, b"i", bytearray(b"!")))
print(b"%d %i %u %o %x %X" % (42, -7, 3, 8, 255, 255), b"%5d|%-5d|%05d|%+d|% d" % (1, 2, 3, 4, 5))
print(b"%#x %#o %#X %.3d %8.3f %e %g %G" % (255, 8, 255, 7, 3.14159, 12345.678, 0.0001, 1e20))
print(b"%5s|%-5s|%.2s|%*d|%-*d|%.*f" % (b"ab", b"cd", b"efg", 4, 1, 4, 2, 2, 1.23456))
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30}, b"100%%" % (), b"%s" % (b"tuple",))
print(bytearray(b"%d-%d") % (1, 2), type(bytearray(b"%d") % 1).__name__, b"%d" % 3.99, b"%x" % True)
print(b"%s" % b"", b"%-+6d|" % 5, b"%06.2f" % -1.5, b"%#06x" % 255, b"%c" % 0)
for fmt, args in [(b"%s", "str"), (b"%d", "x"), (b"%x", 1.5), (b"%c", 256), (b"%c", "a"), (b"%c", b"ab"), (b"%q", 1),
                  (b"%d %d", 1), (b"%d", (1, 2)), (b"%(k)s", {"k": b"v"}), (b"%", ()), (b"%(k", {b"k": 1}), (b"%f", "x")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(fmt, "!!", type(e).__name__ + ":", e)
