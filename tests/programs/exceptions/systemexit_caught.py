# SystemExit is a BaseException: caught explicitly, not by `except Exception`.
import sys

for code in [0, 2, "msg", None, [1, 2]]:
    try:
        try:
            sys.exit(code)
        except Exception:
            print("wrong handler")
    except SystemExit as e:
        print(repr(e.code), e.args)
print(issubclass(SystemExit, Exception))
try:
    exit_exc = SystemExit(5)
    raise exit_exc
except BaseException as e:
    print(type(e).__name__, e.code)
