# function.__get__/__call__, property.__doc__ assignment, newer warning categories.
def f(x):
    return x + 1


class A:
    def m(self):
        return "m"


print(hasattr(f, "__get__"), f.__get__(None, A) is f, f.__get__(2)(), f.__call__(1), len.__call__([1, 2]))
print(A().m.__call__(), callable(f), callable(A), callable(3))
p = property(lambda self: 1)
p.__doc__ = "documented"
print(p.__doc__)
try:
    f.__get__(None)
except TypeError as e:
    print("TypeError", e)
try:
    p.fget = None
except AttributeError as e:
    print("AttributeError", e)
for name in ["PendingDeprecationWarning", "FutureWarning", "ImportWarning", "UnicodeWarning",
             "BytesWarning", "ResourceWarning", "EncodingWarning", "UnicodeTranslateError"]:
    cls = getattr(__builtins__, name)
    print(name, cls.__mro__[1].__name__)
