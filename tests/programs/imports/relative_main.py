import sys
from proj import lazy
from proj import util, sub
print(lazy.LAZY, util.helper(3), sub.SUB)
print("proj.lazy" in sys.modules, sys.modules["proj.lazy"] is lazy)
import proj.sub.deep as d
print(d.VERSION, d.value)
try:
    import proj.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
print("proj.sub.beyond" in sys.modules)
try:
    __import__("x", globals={"__name__": "m"}, level=1)
except ImportError as e:
    print(type(e).__name__, e)
print(__import__("proj.sub").__name__, __import__("proj.sub", fromlist=["deep"]).__name__)
print(__import__("util", globals={"__package__": "proj"}, fromlist=["helper"], level=1).__name__)
print(__import__("", globals={"__package__": "proj.sub"}, level=2).__name__)
