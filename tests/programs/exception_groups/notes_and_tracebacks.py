# __traceback__ and notes on groups and their parts.
def f():
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])

try:
    f()
except ExceptionGroup as eg:
    m, r = eg.split(ValueError)
    print(m.__traceback__ is eg.__traceback__, r.__traceback__ is eg.__traceback__)
    eg.add_note("first")
    m2 = eg.subgroup(ValueError)
    m2.add_note("only on part")
    print(eg.__notes__, m2.__notes__)
    d = eg.derive(eg.exceptions)
    print(d.__traceback__, hasattr(d, "__notes__"), repr(d))

try:
    try:
        f()
    except* TypeError as g:
        g.add_note("seen by handler")
        raise
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
    print(getattr(e, "__notes__", None))
