# OSError subclasses, fields and messages raised by os functions.
import errno
import os

base = "/tmp/pyrite_os_errors_test"
if os.path.isdir(base):
    for name in sorted(os.listdir(base), reverse=True):
        p = os.path.join(base, name)
        if os.path.isdir(p):
            for inner in os.listdir(p):
                os.remove(os.path.join(p, inner))
            os.rmdir(p)
        else:
            os.remove(p)
    os.rmdir(base)
os.mkdir(base)
os.chdir(base)


def attempt(f, *args):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, errno.errorcode[e.errno], repr(e.strerror), e.filename, e.filename2)
        print("  ", e)
        print("  ", repr(e))


attempt(os.stat, "missing")
attempt(os.stat, b"missing")
attempt(os.lstat, "missing/deeper")
attempt(os.listdir, "missing")
attempt(os.rmdir, "dir")
os.mkdir("dir")
attempt(os.mkdir, "dir")
fd = os.open("dir/file", os.O_WRONLY | os.O_CREAT, 0o644)
os.close(fd)
attempt(os.rmdir, "dir")
attempt(os.remove, "dir")
attempt(os.listdir, "dir/file")
attempt(os.rename, "nothere", "there")
attempt(os.open, "missing", os.O_RDONLY)
attempt(os.close, 9999)
attempt(os.read, 9999, 1)
attempt(os.chdir, "missing")
attempt(os.readlink, "dir")

try:
    os.stat("missing")
except FileNotFoundError as e:
    print("caught as FileNotFoundError:", isinstance(e, OSError), e.args)

for bad in [None, 1.5, ["x"]]:
    try:
        os.mkdir(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    os.stat("a\0b")
except ValueError as e:
    print("ValueError", e)
try:
    os.fspath(42)
except TypeError as e:
    print("TypeError", e)


class P:
    def __fspath__(self):
        return "dir"


print(os.fspath(P()), os.path.isdir(P()), os.listdir(P()))
print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES))
print(os.error is OSError)

os.remove("dir/file")
os.rmdir("dir")
os.chdir("/")
os.rmdir(base)
print(os.path.exists(base))
