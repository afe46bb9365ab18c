# A walrus may not rebind a comprehension iteration variable: a SyntaxError.
# The whole file is rejected before anything runs, so nothing is printed.
print("never printed")
ok = [y := 1 for x in range(3)]
print(ok, y)


def f():
    return [x := 1 for x in range(3)]


print(f())
