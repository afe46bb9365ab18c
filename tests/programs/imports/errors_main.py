here = __file__.rpartition("/")[0]


def attempt(code):
    try:
        exec(code, {"__name__": "errors"})
    except (ImportError, ZeroDivisionError) as e:
        print(type(e).__name__, "|", str(e).replace(here, "<dir>"), "|", getattr(e, "name", "-"))


attempt("import nosuch_module_here")
attempt("import proj.nosuch")
attempt("import proj.util.x")
attempt("from proj import nothing")
attempt("from proj.util import nothing")
attempt("from . import x")
attempt("import bad_mod")
import sys
print("bad_mod" in sys.modules)
try:
    import bad_mod
except ZeroDivisionError as e:
    print("again:", e)
sys.modules["fake_mod"] = None
attempt("import fake_mod")
import nosuch_at_the_end
