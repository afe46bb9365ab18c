# os.environ, errno values, the stat module's helpers and a few process queries.
import errno
import os
import stat

os.environ["PYRITE_ENV_A"] = "one"
print(os.environ["PYRITE_ENV_A"], os.getenv("PYRITE_ENV_A"), os.environb[b"PYRITE_ENV_A"])
print("PYRITE_ENV_A" in os.environ, os.environ.get("PYRITE_ENV_MISSING", "default"))
os.environ["PYRITE_ENV_A"] = "two"
print(os.getenv("PYRITE_ENV_A"))
del os.environ["PYRITE_ENV_A"]
print(os.getenv("PYRITE_ENV_A"), "PYRITE_ENV_A" in os.environ)
os.environ.setdefault("PYRITE_ENV_B", "set by default")
print(os.environ.pop("PYRITE_ENV_B"))
try:
    os.environ["PYRITE_ENV_MISSING"]
except KeyError as e:
    print("KeyError", e)
try:
    os.putenv("A=B", "x")
except ValueError as e:
    print("ValueError", e)

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.ENOTEMPTY, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[39], errno.errorcode[95], errno.errorcode[35])
print(len(errno.errorcode) > 100, sorted(n for n in dir(errno) if n.startswith("ECONN")))

for mode in [0o100644, 0o040755, 0o120777, 0o104755, 0o041777, 0o020600, 0o060660, 0o010644, 0o140755, 0o102710]:
    print(oct(mode), stat.filemode(mode), stat.S_ISDIR(mode), stat.S_ISREG(mode), stat.S_ISLNK(mode),
          oct(stat.S_IMODE(mode)), oct(stat.S_IFMT(mode)))
print(stat.S_IFDIR, stat.S_IFREG, stat.S_IRWXU, stat.UF_HIDDEN, stat.SF_SNAPSHOT, stat.ST_MTIME)

print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, repr(os.linesep), os.name, os.devnull)
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(isinstance(os.getpid(), int), os.getpid() == os.getpid(), isinstance(os.getppid(), int))
print(isinstance(os.getuid(), int), isinstance(os.cpu_count(), int))
u = os.uname()
print(type(u).__name__, u.sysname, len(u), u[0] == u.sysname)
print(len(os.urandom(16)), type(os.urandom(0)))
print(os.waitstatus_to_exitcode(0), os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
old = os.umask(0o22)
print(os.umask(old) == 0o22)
t = os.times()
print(type(t).__name__, len(t), isinstance(t.user, float))
sr = os.stat_result(range(10))
print(sr, sr.st_atime, sr.st_rdev)
sr = os.stat_result(range(10), {"st_atime": 1.5})
print(sr.st_atime, sr[7], sr.__reduce__()[1][0])
try:
    os.stat_result((1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    sr.st_mode = 5
except AttributeError as e:
    print("AttributeError", e)
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
