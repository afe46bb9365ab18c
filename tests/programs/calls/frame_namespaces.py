# Frames borrow their globals and builtins from the function they run: frames that
# outlive every other reference to their function (generators, frame objects,
# tracebacks), module and exec frames that own theirs, and class bodies.
import gc
import sys


def make_gen():
    def gen():
        yield sys._getframe().f_globals is globals()
        yield len(sys._getframe().f_builtins) > 10
        yield "done"

    return gen()


g = make_gen()
gc.collect()
print(next(g), next(g), next(g))

ns = {"__name__": "exec_module"}
exec(
    "import sys\n"
    "def where():\n"
    "    return sys._getframe().f_globals['__name__']\n"
    "def frame():\n"
    "    return sys._getframe()\n"
    "result = where()\n",
    ns,
)
where, frame_of = ns["where"], ns["frame"]
print(ns["result"])
del ns
gc.collect()
print(where())
f = frame_of()
del frame_of
gc.collect()
print(f.f_globals["__name__"], f.f_code.co_name)


def failing(n):
    if n == 0:
        raise ValueError("deep")
    return failing(n - 1)


try:
    failing(3)
except ValueError as e:
    tb = e.__traceback__
del failing
gc.collect()
depth = 0
while tb is not None:
    depth += 1
    last = tb
    tb = tb.tb_next
print(depth, last.tb_frame.f_globals["__name__"], last.tb_frame.f_code.co_name)


class Body:
    seen = sys._getframe().f_globals["__name__"]
    values = [k * 2 for k in range(3)]

    def method(self):
        return type(self).seen


print(Body.seen, Body.values, Body().method())

exec_globals = {"__builtins__": {"len": lambda x: "custom len", "print": print}}
exec("print(len([1, 2, 3]))", exec_globals)
