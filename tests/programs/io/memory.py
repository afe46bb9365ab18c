# StringIO and BytesIO.
import io

s = io.StringIO()
print(s.write("hello\nworld"), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()))
print(s.getvalue())
s.seek(2)
s.write("XY")
print(s.getvalue(), s.tell())
s.seek(20)
s.write("!")
print(repr(s.getvalue()))
s.truncate(5)
print(repr(s.getvalue()))
print(list(io.StringIO("a\nb\nc")))
print(repr(io.StringIO("a\r\nb\rc", newline=None).getvalue()))
t = io.StringIO("a\r\nb\rc\n", newline="")
print(t.readlines(), t.newlines)
print(repr(io.StringIO("x\ny", newline="\r\n").getvalue()))
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.write(1)
except TypeError as e:
    print(e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print(e)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell())
print(b.readlines())
b.seek(0, 2)
b.write(b"ghi")
print(b.getvalue())
b.seek(1)
b.write(b"ZZ")
print(b.getvalue(), b.tell())
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf)
view = b.getbuffer()
view[0] = ord("Q")
print(b.getvalue()[:3])
try:
    b.write(b"x" * 100)
except BufferError as e:
    print(type(e).__name__, e)
view.release()
print(b.write(b"x"), b.seek(0), b.read(3))
try:
    b.seek(-1)
except ValueError as e:
    print(e)
b.close()
try:
    b.read()
except ValueError as e:
    print(e)

w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\r\n")
w.write("one\ntwo\n")
w.flush()
print(w.buffer.getvalue())
r = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), encoding="ascii")
print(r.readlines(), r.newlines)
d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r", final=True)), d.newlines)


class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())


u = Upper()
print("hi", "there", file=u)
print(repr(u.getvalue()))


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        self.parts.append("<flush>")


c = Collect()
print(1, 2, sep="+", file=c, flush=True)
print(c.parts)


class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data), 3)
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


print(io.BufferedReader(Raw(b"0123456789\nabc")).readline())
print(Raw(b"xyz").read())
