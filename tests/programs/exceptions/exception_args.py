# Exception args, str and repr for zero, one and several arguments.
for exc in [Exception(), Exception("msg"), Exception("a", 2), ValueError(3), KeyError("k"), KeyError(), KeyError("a", "b")]:
    print(repr(exc), "|", str(exc), "|", exc.args)

e = IndexError("i")
e.args = ("changed", 1)
print(e, e.args)
print(repr(StopIteration(5)), StopIteration(5).value, StopIteration().value)
print(str(KeyError("quote's")))
print(repr(ZeroDivisionError("division by zero")))
try:
    {}["missing"]
except KeyError as k:
    print(k, repr(k), k.args)
try:
    {}[("t", 1)]
except KeyError as k:
    print(k)
