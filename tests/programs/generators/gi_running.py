# gi_running is True only while the generator executes; re-entry is an error.
def gen():
    print("inside, running =", g.gi_running)
    yield 1
    try:
        next(g)
    except ValueError as e:
        print("ValueError:", e)
    yield 2


g = gen()
print("before", g.gi_running)
print(next(g))
print("paused", g.gi_running)
print(next(g))
print(list(g), g.gi_running)
print(gen.__name__, g.__name__, g.__qualname__)
print(g.gi_frame)
