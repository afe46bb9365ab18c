# Finders a program puts on sys.meta_path are consulted as in CPython: a finder appended
# after the standard ones sees only names they do not find; one inserted first sees every
# import; an empty sys.meta_path finds nothing.
import sys


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.value = len(module.__name__)


class Virtual:
    def find_spec(self, name, path, target=None):
        if name.startswith("virtual"):
            import importlib.util
            return importlib.util.spec_from_loader(name, Loader(), is_package=True)
        return None


sys.meta_path.append(Virtual())
import virtual
import virtual.child

print(virtual.value, virtual.child.value, virtual.__spec__.name, type(virtual.__loader__).__name__)
print(virtual.child is sys.modules["virtual.child"], virtual.__path__)
try:
    import not_virtual_at_all
except ImportError as e:
    print(type(e).__name__, e)


class Spy:
    def __init__(self):
        self.asked = []

    def find_spec(self, name, path, target=None):
        self.asked.append((name, path is None))
        return None


spy = Spy()
sys.meta_path.insert(0, spy)
import proj.sub.deep
import proj
print(spy.asked)

saved = sys.meta_path[:]
sys.meta_path[:] = []
try:
    import proj.lazy
except ImportError as e:
    print(type(e).__name__, e)
sys.meta_path[:] = saved
import proj.lazy
print(proj.lazy.LAZY)
