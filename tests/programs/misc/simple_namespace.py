# sys.implementation is a types.SimpleNamespace; the type itself.
import sys

ns_type = type(sys.implementation)
print(ns_type, ns_type.__name__, ns_type.__module__)
print(type(sys.implementation.name), sys.implementation.cache_tag is None or isinstance(sys.implementation.cache_tag, str))
n = ns_type(a=1, b=[2])
print(n, n.a, n.b)
print(n == ns_type(a=1, b=[2]), n != ns_type(a=1), n == 1)
n.c = n
print(n)
del n.a
print(n, vars(n) is n.__dict__, sorted(vars(n)))
try:
    n.missing
except AttributeError as e:
    print("AttributeError", e)


class Sub(ns_type):
    pass


print(Sub(x=1), isinstance(Sub(), ns_type))
try:
    ns_type(1)
except TypeError as e:
    print("TypeError", e)
print(ns_type())
