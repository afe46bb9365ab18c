# Globals shadow builtins; deleting the global reveals the builtin again.
print(len("abc"))


def len(x):
    return "shadowed"


print(len("abc"))
del len
print(len("abc"))


def uses_local_builtin_name():
    max = lambda *a: "local max"
    return max(1, 2)


print(uses_local_builtin_name(), max(1, 2))
ns = {"__builtins__": {"print": print}}
try:
    exec("print(abs(-1))", ns)
except NameError as e:
    print(e)
exec("print('custom builtins ok')", ns)
