# __spec__ and __loader__ of modules the import system loads, before and after importlib
# is imported (Pyrite's native stand-ins, then importlib's own classes).
import sys
import proj.util
import nspkg.inner.leaf


def show(module):
    spec = module.__spec__
    locations = spec.submodule_search_locations
    print(spec.name, repr(spec.parent), spec.has_location, spec.origin is not None and spec.origin.rpartition("/imports/")[2])
    print("  loader:", type(module.__loader__).__name__, module.__loader__ is spec.loader)
    print("  locations:", None if locations is None else [p.rpartition("/imports/")[2] for p in locations])
    print("  package:", module.__loader__.is_package(spec.name))


for m in (proj, proj.util, nspkg, nspkg.inner, nspkg.inner.leaf):
    show(m)
print(proj.util.__loader__.get_source("proj.util").splitlines()[0])
print(proj.util.__loader__.get_filename("proj.util").rpartition("/imports/")[2])
print(proj.__spec__.cached == proj.__cached__)
code = proj.util.__loader__.get_code("proj.util")
namespace = {}
exec(code, namespace)
print(namespace["helper"](21), namespace["NAME"])
print(type(__loader__).__name__, __spec__, __name__)

import importlib
import importlib.machinery
import importlib.util

print([f.__name__ for f in sys.meta_path if isinstance(f, type)])
print(sum(1 for h in sys.path_hooks if "FileFinder" in repr(h)))
for m in (proj, proj.util, nspkg, nspkg.inner.leaf):
    show(m)
print(isinstance(proj.util.__spec__, importlib.machinery.ModuleSpec))
print(isinstance(proj.util.__loader__, importlib.machinery.SourceFileLoader))
print(type(nspkg.__path__).__name__, list(nspkg.__path__) == list(nspkg.__spec__.submodule_search_locations))
print(isinstance(__loader__, importlib.machinery.SourceFileLoader))
print(sys.__spec__.origin, sys.__loader__.__name__)
import errno
print(errno.__spec__.name, errno.__spec__.origin, errno.__loader__.__name__)

# Specs importlib finds for modules not loaded yet, then loading them.
spec = importlib.util.find_spec("proj.lazy")
print(spec.name, type(spec.loader).__name__, spec.origin.rpartition("/imports/")[2], "proj.lazy" in sys.modules)
print(importlib.util.find_spec("proj.util") is proj.util.__spec__)
print(importlib.util.find_spec("no_such_module_here"))
lazy = importlib.import_module(".lazy", "proj")
print(lazy.LAZY, lazy is sys.modules["proj.lazy"], type(lazy.__spec__).__name__)
print(importlib.import_module("proj.sub") is sys.modules["proj.sub"])
for bad in [("..x", "proj"), (".x", None)]:
    try:
        importlib.import_module(*bad)
    except (ImportError, TypeError) as e:
        print(type(e).__name__, e)

# CPython's names for importlib's bootstrap modules, which zipimport imports.
import zipimport
print(zipimport.zipimporter.__name__, sys.modules["_frozen_importlib"] is importlib._bootstrap)
print(sys.modules["_frozen_importlib_external"] is importlib._bootstrap_external)
