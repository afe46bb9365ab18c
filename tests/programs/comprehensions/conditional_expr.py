# Conditional expressions: laziness, nesting and precedence.
def loud(v):
    print("evaluated", v)
    return v


print(loud("a") if True else loud("b"))
print(loud("a") if False else loud("b"))
for n in [-5, 0, 5]:
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
x = 1 if [] else 2 if "" else 3
print(x)
print([i if i % 2 else "even" for i in range(4)])
print(1 + (2 if True else 3) * 2, (1 + 2) if False else 0)
val = lambda t: "yes" if t else "no"
print(val(0), val([0]))
