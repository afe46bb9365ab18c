import proj
import proj.sub.deep
from proj.sub import deep

print(proj.VERSION, proj.helper(5), proj.__doc__)
print(deep.value, proj.sub.deep is deep, proj.sub.SUB)
print(proj.__name__, proj.__package__, proj.sub.__package__, deep.__package__, deep.PACKAGE)
print(proj.__file__.endswith("proj/__init__.py"), deep.__file__.endswith("proj/sub/deep.py"))
print(len(proj.__path__), proj.__path__[0].endswith("proj"), hasattr(deep, "__path__"))
print(proj.util.NAME, __name__)
import nspkg.inner.leaf
print(nspkg.inner.leaf.LEAF, nspkg.__file__, nspkg.__package__, list(nspkg.__path__)[0].endswith("nspkg"))
