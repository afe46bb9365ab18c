# Closures created in a loop see the final value of the loop variable.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])

# Binding the current value through a default argument.
funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

# Comprehension closures share one cell per comprehension run.
funcs = [lambda: j * 10 for j in range(3)]
print([f() for f in funcs])


# A factory function creates a fresh cell per call.
def make(n):
    return lambda: n


funcs = [make(k) for k in range(3)]
print([f() for f in funcs])

# Rebinding after the closure was created is visible.
x = 1


def outer():
    y = 1
    get = lambda: y
    y = 2
    return get


print(outer()())
