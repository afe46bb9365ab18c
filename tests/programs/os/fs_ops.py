# File system operations in a directory the program makes and removes.
import os
import stat

base = "/tmp/pyrite_os_fs_ops_test"


def clean(top):
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(top)


clean(base)
os.mkdir(base)
os.mkdir(os.path.join(base, "sub"))
os.makedirs(os.path.join(base, "deep", "er", "est"))
os.makedirs(os.path.join(base, "deep", "er"), exist_ok=True)
for name, data in [("a.txt", b"alpha"), ("b.txt", b"bravo!"), ("sub/c.txt", b"")]:
    fd = os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, data)
    os.close(fd)

print(sorted(os.listdir(base)))
print(sorted(os.listdir(base.encode())))

with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e.name, e.path == os.path.join(base, e.name), e.is_dir(), e.is_file(), e.is_symlink(),
          e.inode() == os.stat(e.path).st_ino, repr(e) == f"<DirEntry {e.name!r}>")
print([os.fspath(e) == e.path for e in entries])
print(entries[0].stat().st_size, stat.S_ISREG(entries[0].stat().st_mode))

st = os.stat(os.path.join(base, "b.txt"))
print(type(st).__name__, len(st), st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(stat.S_IMODE(st.st_mode) == 0o600, stat.filemode(st.st_mode))
print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), st[8] == int(st.st_mtime))
dst = os.stat(base)
print(stat.S_ISDIR(dst.st_mode), stat.filemode(dst.st_mode)[0])
print(os.lstat(os.path.join(base, "a.txt")).st_size)

fd = os.open(os.path.join(base, "a.txt"), os.O_RDONLY)
print(os.fstat(fd).st_size, os.read(fd, 3), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 2), os.get_inheritable(fd))
os.close(fd)

os.rename(os.path.join(base, "a.txt"), os.path.join(base, "renamed.txt"))
os.replace(os.path.join(base, "b.txt"), os.path.join(base, "renamed.txt"))
print(sorted(os.listdir(base)), os.path.getsize(os.path.join(base, "renamed.txt")))

os.utime(os.path.join(base, "renamed.txt"), (1000000000, 1234567890))
st = os.stat(os.path.join(base, "renamed.txt"))
print(st.st_mtime, st.st_atime, st.st_mtime_ns)
os.chmod(os.path.join(base, "renamed.txt"), 0o640)
print(stat.filemode(os.stat(os.path.join(base, "renamed.txt")).st_mode))
print(os.access(os.path.join(base, "renamed.txt"), os.R_OK), os.access(os.path.join(base, "nope"), os.F_OK))

for root, dirs, files in os.walk(base):
    dirs.sort()
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))

old = os.getcwd()
os.chdir(os.path.join(base, "sub"))
print(os.listdir(), os.path.basename(os.getcwd()), os.path.basename(os.getcwdb()))
os.chdir(old)

r, w = os.pipe()
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)

os.remove(os.path.join(base, "renamed.txt"))
os.unlink(os.path.join(base, "sub", "c.txt"))
os.rmdir(os.path.join(base, "sub"))
clean(base)
print(os.path.exists(base))
