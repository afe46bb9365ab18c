# Raising and re-raising inside except*: new exceptions become siblings of the rest.
def show(e, indent=""):
    if isinstance(e, BaseExceptionGroup):
        print(indent + type(e).__name__, repr(e.message))
        for sub in e.exceptions:
            show(sub, indent + "  ")
    else:
        print(indent + repr(e))

def attempt(body):
    try:
        body()
    except BaseException as e:
        show(e)

def reraise_bare():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("n", [ValueError(3)])])
    except* ValueError:
        raise

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("replacement")

def raise_new_both():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError:
        raise KeyError("r2")

def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        raise IndexError("chained") from g

def raise_naked():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise OSError("new one")

for f in (reraise_bare, raise_new, raise_new_both, raise_naked):
    print(f.__name__ + ":")
    attempt(f)
print("raise_from:")
try:
    raise_from()
except IndexError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
