# Arguments are evaluated left to right, before the call.
def note(label, value):
    print("eval", label)
    return value


def f(*args, **kwargs):
    print("in f", args, sorted(kwargs.items()))


f(note("a", 1), note("b", 2), k=note("c", 3), **{"z": note("d", 4)})
f(*[note("e", 5)], note("f", 6), *(note("g", 7),))


def func():
    print("eval func")
    return f


func()(note("h", 8))
