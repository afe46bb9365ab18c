# Text and binary files, newline translation, encodings, seek/tell, errors.
import io
import _io

path = "/tmp/pyrite_io_test_files.txt"

with open(path, "w") as f:
    print(f.write("line one\nline two\r\nline three\rend"))
    print(f.writable(), f.readable(), f.closed)
print(f.closed)

with open(path) as f:
    print(f.readlines())
with open(path, newline="") as f:
    print(list(f))
with open(path, newline="\r\n") as f:
    print(f.readlines())
with open(path, "rb") as f:
    print(f.read())

with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())

with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld €\n" * 3)
with open(path, "rb") as f:
    data = f.read()
    print(len(data), data[:16])
with open(path, encoding="utf-8") as f:
    print(f.read(3), f.tell())
    print(repr(f.readline()))
    pos = f.tell()
    print(pos, repr(f.readline()))
    f.seek(pos)
    print(repr(f.read(5)))
    f.seek(0)
    print(repr(f.read()))

for enc in ["latin-1", "utf-16", "utf-32-le", "ascii"]:
    try:
        with open(path, "w", encoding=enc) as f:
            f.write("abc é\n")
        with open(path, "rb") as f:
            print(enc, f.read())
        with open(path, encoding=enc) as f:
            print(enc, repr(f.read()))
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)

with open(path, "wb") as f:
    f.write(b"ok \xff\xfe bad\n")
try:
    with open(path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
with open(path, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
with open(path, encoding="utf-8", errors="surrogateescape") as f:
    print(repr(f.read()))

# UTF-8 across buffer boundaries.
text = "€" * 5000 + "\n" + "x" * 10
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
with open(path, encoding="utf-8") as f:
    print(f.read() == text)
with open(path, "rb", buffering=7) as b:
    w = io.TextIOWrapper(b, encoding="utf-8")
    w._CHUNK_SIZE = 5
    print(w.read() == text)

with open(path, "w+") as f:
    f.write("0123456789")
    f.seek(3)
    print(f.read(2), f.tell())
    f.seek(0, 2)
    f.write("abc")
    f.seek(0)
    print(f.read())

with open(path, "a") as f:
    print(f.tell())
    f.write("!")
with open(path) as f:
    print(f.read())

with open(path, "r+b") as f:
    print(f.read(4), f.tell())
    f.write(b"XY")
    f.seek(0)
    print(f.read())
    print(f.seek(-2, 2), f.read())

for mode in ["rw", "rr", "q", "rb+t", "wa", ""]:
    try:
        open(path, mode)
    except ValueError as e:
        print(repr(mode), e)
try:
    open(path, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    open("/tmp/pyrite_io_no_such_dir/x")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open("/tmp")
except IsADirectoryError as e:
    print(type(e).__name__, e)

f = open(path, "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print(e)
f = open(path, "w")
try:
    f.read()
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
f.close()
f = open(path, "rb")
try:
    f.write(b"x")
except io.UnsupportedOperation as e:
    print(e)
f.close()

with open(path, "w") as f:
    print("printed", 1, 2, sep="-", end="!\n", file=f)
    print(file=f)
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
    print(repr(f.readline()))

raw = _io.FileIO(path)
print(raw.mode, raw.readable(), raw.writable(), raw.read(7), raw.closefd)
raw.close()
print(raw.closed, repr(raw))

print(io.open is open, issubclass(io.FileIO, io.RawIOBase), isinstance(open(path), io.TextIOBase))
print(io.DEFAULT_BUFFER_SIZE, io.text_encoding(None), io.text_encoding("ascii"))
open(path, "w").close()
