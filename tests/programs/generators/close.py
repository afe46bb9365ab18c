# close() raises GeneratorExit inside the generator; finally blocks run.
def worker():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("cleanup")


g = worker()
print(next(g))
print(g.close())
print(next(g, "closed"))
g.close()

g2 = worker()
g2.close()
print("closing unstarted generator runs nothing")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


r = returns_on_close()
next(r)
print(r.close())
