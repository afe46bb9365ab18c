# send() resumes a generator with a value for the paused yield expression.
def accumulator():
    total = 0
    while True:
        value = yield total
        print("received", value)
        if value is None:
            break
        total += value
    return total


g = accumulator()
print(g.send(None))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    yield received


e = echo()
print(next(e), e.send("a"), e.send("b"), e.send("c"))
try:
    accumulator().send(1)
except TypeError as err:
    print(err)
