# Capture patterns bind names; the wildcard binds nothing.
def f(x):
    match x:
        case [a, _, _]:
            return "three items, first " + repr(a)
        case [_, *_]:
            return "non-empty sequence"
        case anything:
            return "captured " + repr(anything)


print(f([1, 2, 3]))
print(f([1]))
print(f(42))
match 5:
    case n:
        pass
print("n is", n)
try:
    _
except NameError:
    print("wildcard did not bind _")
match (1, 2):
    case (x, y) if x > y:
        print("guard true")
    case _:
        print("fell through; x was still bound:", x)
