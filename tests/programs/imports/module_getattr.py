# PEP 562: a module's own __getattr__ answers names the module lacks (attribute access,
# from-imports, getattr with a default, hasattr), and its AttributeError passes through.
import sys
import types

lazy = types.ModuleType("lazy")
lazy.present = "real attribute"
calls = []


def module_getattr(name):
    calls.append(name)
    if name.startswith("computed_"):
        return name.upper()
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")


lazy.__getattr__ = module_getattr
sys.modules["lazy"] = lazy

print(lazy.present, lazy.computed_one)
from lazy import computed_two, present
print(computed_two, present)
print(getattr(lazy, "missing", "default"), hasattr(lazy, "computed_x"), hasattr(lazy, "nope"))
try:
    lazy.other
except AttributeError as e:
    print("AttributeError:", e)
print(calls)
try:
    from lazy import absent
except ImportError as e:
    print("ImportError:", e)

plain = types.ModuleType("plain")
try:
    plain.anything
except AttributeError as e:
    print("AttributeError:", e)

import concurrent.futures
print(concurrent.futures.ThreadPoolExecutor.__name__)
