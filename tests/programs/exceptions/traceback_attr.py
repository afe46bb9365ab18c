# __traceback__ is set when raised; with_traceback returns the same exception.
e = ValueError("v")
print(e.__traceback__ is None)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
    tb = caught.__traceback__
    print(type(tb).__name__, tb.tb_lineno > 0)

f = TypeError("t")
g = f.with_traceback(tb)
print(g is f, f.__traceback__ is tb)
h = f.with_traceback(None)
print(h.__traceback__ is None)


def inner():
    raise KeyError("deep")


try:
    inner()
except KeyError as k:
    depth = 0
    t = k.__traceback__
    while t is not None:
        depth += 1
        t = t.tb_next
    print("traceback depth", depth)
