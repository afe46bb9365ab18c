from star_all import *
from star_plain import *

print(public, _exported_private)
print(sorted(n for n in dir() if not n.startswith("__")))


def f():
    ns = {}
    exec("from star_all import *", ns)
    return sorted(k for k in ns if k != "__builtins__")


print(f())
from proj import *
print(sorted(n for n in dir() if not n.startswith("__")))
