import sys
import proj.util as u
import proj

print(sorted(k for k in vars(u) if k.startswith("__")))
print(sorted(k for k in vars(proj) if k.startswith("__")))
print(u.__name__, u.__package__, u.__doc__, u.__builtins__ is __builtins__ or isinstance(u.__builtins__, dict))
print(u.__cached__.rpartition("/")[0].endswith("proj/__pycache__"))
print(sorted(k for k in vars() if k.startswith("__") and k != "__annotations__"))
print(__package__, __spec__)
print(type(sys.modules).__name__, type(sys.path).__name__, sys.meta_path is not None, type(sys.path_hooks).__name__)
sys.modules["made_up"] = 42
import made_up
print(made_up)
