# os.path: pure path manipulation and queries against a directory the program makes.
import os
import os.path

print(os.path.join("a", "b", "c.txt"))
print(os.path.join("/x", "y", "/z", "w"))
print(os.path.join("a", ""))
print(os.path.split("/usr/lib/python3.11/os.py"))
print(os.path.split("file"), os.path.split("dir/"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(os.path.basename("/a/b/c.py"), repr(os.path.basename("/a/b/")))
print(os.path.dirname("/a/b/c.py"), repr(os.path.dirname("c.py")))
print(os.path.normpath("a//b/./c/../d/"), os.path.normpath("/../x"), os.path.normpath(""))
print(os.path.isabs("/a"), os.path.isabs("a"))
print(os.path.relpath("/a/b/c/d", "/a/b"), os.path.relpath("/a/x", "/a/b/c"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.join(b"a", b"b"), os.path.split(b"/x/y"))

cwd = os.getcwd()
print(os.path.abspath("some/file") == os.path.join(cwd, "some", "file"))
print(os.path.abspath("/a/./b/../c"))

os.environ["HOME"] = "/home/tester"
print(os.path.expanduser("~/docs"), os.path.expanduser("~"), os.path.expanduser("plain"))

base = "/tmp/pyrite_os_path_test"
if os.path.isdir(base):
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
os.mkdir(base)
path = os.path.join(base, "data.bin")
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello world"))
os.close(fd)
print(os.path.exists(path), os.path.exists(path + ".missing"))
print(os.path.isfile(path), os.path.isdir(path), os.path.isfile(base), os.path.isdir(base))
print(os.path.getsize(path), os.path.islink(path), os.path.lexists(path))
print(os.path.samefile(path, os.path.join(base, ".", "data.bin")))
os.symlink(path, path + ".link")
print(os.path.islink(path + ".link"), os.path.realpath(path + ".link") == os.path.realpath(path))
print(os.readlink(path + ".link") == path)
os.unlink(path + ".link")
os.remove(path)
os.rmdir(base)
print(os.path.exists(base))
