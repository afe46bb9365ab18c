"""Pyrite's native import system meeting CPython's importlib (run once, when the package
importlib has been imported).

From then on the native import system gives modules specs made with importlib's own
classes (source_spec, namespace_spec), the modules loaded so far get such specs in
place of Pyrite's native stand-ins, and sys.meta_path and sys.path_hooks hold
importlib's finders and path hook as CPython's start-up installs them.
"""

import sys

ModuleSpec = None
BuiltinImporter = None
SourceFileLoader = None
NamespaceLoader = None
_NamespacePath = None
_path_finder = None


def source_spec(name, path, cached, location):
    """The spec of a module loaded from the source file path (a package's __init__.py
    when location, its directory, is given)."""
    spec = ModuleSpec(name, SourceFileLoader(name, path), origin=path, is_package=location is not None)
    spec.has_location = True
    spec.cached = cached
    if location is not None:
        spec.submodule_search_locations = [location]
    return spec


def namespace_spec(name, locations):
    """The spec of a namespace package over the directories locations."""
    loader = NamespaceLoader(name, locations, _path_finder)
    spec = ModuleSpec(name, loader, is_package=True)
    spec.submodule_search_locations = _NamespacePath(name, locations, _path_finder)
    return spec


def builtin_spec(name):
    """The spec of the native module name."""
    return ModuleSpec(name, BuiltinImporter, origin="built-in")


def install(bootstrap, external, stand_ins):
    """Takes importlib's classes, replaces the stand-in specs, installs the finders;
    returns the path hook it installed."""
    global ModuleSpec, BuiltinImporter, SourceFileLoader, NamespaceLoader, _NamespacePath, _path_finder
    ModuleSpec = bootstrap.ModuleSpec
    BuiltinImporter = bootstrap.BuiltinImporter
    SourceFileLoader = external.SourceFileLoader
    NamespaceLoader = external.NamespaceLoader
    _NamespacePath = external._NamespacePath
    _path_finder = external.PathFinder._get_spec
    finders = [bootstrap.BuiltinImporter, bootstrap.FrozenImporter, external.PathFinder]
    sys.meta_path[:] = finders + [f for f in sys.meta_path if f not in finders]
    hook = external.FileFinder.path_hook(*external._get_supported_file_loaders())
    sys.path_hooks.insert(0, hook)
    spec_type, source_loader_type, namespace_loader_type = stand_ins
    for module in list(sys.modules.values()):
        namespace = getattr(module, "__dict__", None)
        if type(namespace) is not dict:
            continue
        spec = namespace.get("__spec__")
        loader = namespace.get("__loader__")
        if spec is None and type(loader) is source_loader_type:
            module.__loader__ = SourceFileLoader(loader.name, loader.path)
        if type(spec) is not spec_type:
            continue
        if type(spec.loader) is namespace_loader_type:
            new = namespace_spec(spec.name, list(spec.submodule_search_locations))
            module.__path__ = new.submodule_search_locations
        else:
            locations = spec.submodule_search_locations
            new = source_spec(spec.name, spec.origin, spec.cached, locations[0] if locations else None)
        module.__spec__ = new
        module.__loader__ = new.loader
    return hook
