import sys

here = __file__.rpartition("/")[0]
try:
    import cyc_x
except ImportError as e:
    print(type(e).__name__, str(e).replace(here, "<dir>"))
    print(e.name, e.path.replace(here, "<dir>"))
print("cyc_x" in sys.modules, "cyc_y" in sys.modules)
