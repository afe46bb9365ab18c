# globals(), locals() and vars() return namespace dicts.
module_value = 5
print(globals()["module_value"], globals() is vars())
globals()["injected"] = "hi"
print(injected)
print(globals()["__name__"])


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))


def g():
    x = 1
    snap = locals()
    x = 2
    return snap["x"], locals()["x"]


print(g())


class K:
    attr = 1

    def __init__(self):
        self.inst = 2

    names = sorted(n for n in locals() if not n.startswith("__"))


print(K.names, vars(K())["inst"], "attr" in vars(K))
try:
    vars(1)
except TypeError as e:
    print(e)
print(locals() is globals())
