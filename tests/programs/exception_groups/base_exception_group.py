# BaseExceptionGroup holds BaseExceptions; except* picks them out of it.
g = BaseExceptionGroup("stop", [KeyboardInterrupt(), ValueError("v"), SystemExit(3)])
print(type(g).__name__, isinstance(g, Exception), str(g))
m, r = g.split(Exception)
print(type(m).__name__, repr(m))
print(type(r).__name__, repr(r))
print(repr(g.subgroup(KeyboardInterrupt)))
try:
    try:
        raise g
    except* KeyboardInterrupt:
        print("caught the interrupt")
    except* ValueError as v:
        print("caught", repr(v))
except SystemExit as e:
    print("escaped SystemExit?", e)
except BaseExceptionGroup as rest:
    print("rest:", type(rest).__name__, repr(rest))

try:
    raise BaseExceptionGroup("bg", [ValueError("only")])
except Exception as e:
    print("plain except caught", type(e).__name__)
try:
    try:
        raise BaseExceptionGroup("bg", [GeneratorExit()])
    except Exception:
        print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
