# throw() raises an exception at the paused yield; the generator may handle it.
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("handled", e)
            n += 100
        n += 1


g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", e)
print(next(g, "finished"))


def fresh():
    print("never runs")
    yield 1


try:
    fresh().throw(TypeError("before start"))
except TypeError as e:
    print("not started:", e)

g2 = resilient()
next(g2)
print(g2.throw(ValueError))
