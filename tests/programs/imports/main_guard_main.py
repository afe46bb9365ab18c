import sys
import guard_mod
import guard_mod as again
print(again is guard_mod, guard_mod.main(), __name__)
print(sys.modules["__main__"].__name__, "guard_mod" in sys.modules)
print(sys.path[0] == __file__.rpartition("/")[0])
