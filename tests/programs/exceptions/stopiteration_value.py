# StopIteration.value carries a generator's return value.
def gen():
    yield 1
    return "result"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)

try:
    next(iter([]))
except StopIteration as e:
    print("empty:", e.value, e.args)

e = StopIteration("a", "b")
print(e.value, e.args)


def gen_none():
    return
    yield


try:
    next(gen_none())
except StopIteration as e:
    print(e.value, e.args)
print(next(iter([]), "default"))
