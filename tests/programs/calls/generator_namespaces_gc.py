# Suspended generators whose frames borrow their function's globals and the builtins:
# the collector must count only the references the frames own.
import gc


def counter(n):
    for i in range(n):
        yield i + len("ab")


gens = [counter(5) for _ in range(50)]
for g in gens:
    next(g)
for _ in range(3):
    gc.collect()
print(sum(next(g) for g in gens))
print(counter.__globals__ is globals(), len(gens))


def make_in_exec():
    ns = {}
    exec("def gen():\n    yield x\n    yield x * 2\nx = 21\n", ns)
    return [ns["gen"]() for _ in range(10)]


held = make_in_exec()
gc.collect()
print([next(g) for g in held][:3], [next(g) for g in held][:3])
del held
gc.collect()
print("ok")
