# except* handles matching parts of an exception group; the rest propagates.
def raiser():
    raise ExceptionGroup("eg", [ValueError("v1"), TypeError("t1"), ValueError("v2")])


try:
    raiser()
except* ValueError as g:
    print("ValueError group:", [str(e) for e in g.exceptions], type(g).__name__)
except* TypeError as g:
    print("TypeError group:", [str(e) for e in g.exceptions])

try:
    try:
        raiser()
    except* TypeError:
        print("handled TypeError only")
except ExceptionGroup as rest:
    print("propagated:", [str(e) for e in rest.exceptions])

try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked wrapped:", repr(g))

try:
    try:
        raise ExceptionGroup("x", [KeyError("k")])
    except* KeyError:
        raise RuntimeError("from handler")
except Exception as e:
    print(type(e).__name__, [type(x).__name__ for x in getattr(e, "exceptions", [e])])
