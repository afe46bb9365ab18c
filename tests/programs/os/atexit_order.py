# atexit: callbacks run last-registered first at exit, with their arguments; one that
# raises is reported and the others still run.
import atexit


def say(*args, **kwargs):
    print("say", args, sorted(kwargs.items()))


def boom():
    print("boom runs")
    raise ValueError("boom failed")


def removed():
    print("never printed")


atexit.register(say, "first")
atexit.register(boom)
atexit.register(say, "second", key="value")
atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)


@atexit.register
def decorated():
    print("decorated runs first")


try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
print("main done")
