# types.MappingProxyType, and class __dict__ as a read-only mappingproxy.
import collections
import collections.abc
import types


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


M = types.MappingProxyType
d = {'a': 1, 'b': 2}
m = M(d)
attempt("repr", lambda: m)
attempt("str", lambda: str(m))
attempt("getitem", lambda: m['a'])
attempt("missing", lambda: m['z'])
attempt("get default", lambda: m.get('z', 5))
attempt("get", lambda: m.get('a'))
attempt("get none", lambda: m.get('z'))
attempt("get no args", lambda: m.get())
attempt("keys", lambda: list(m.keys()))
attempt("values", lambda: list(m.values()))
attempt("items", lambda: list(m.items()))
attempt("copy", lambda: (m.copy(), type(m.copy()).__name__, m.copy() is d))
attempt("contains", lambda: ('a' in m, 'z' in m))
attempt("len", lambda: len(m))
attempt("iter", lambda: list(m))
attempt("reversed", lambda: list(reversed(m)))
attempt("eq", lambda: (m == d, m != {'a': 1}, m == M(d)))
attempt("lt", lambda: m < d)
attempt("or", lambda: m | {'c': 3})
attempt("ror", lambda: {'c': 3} | m)
attempt("or proxies", lambda: m | m)
attempt("hash", lambda: hash(m))
attempt("no setitem attr", lambda: m.__setitem__('a', 2))
attempt("no pop", lambda: m.pop('a'))


def setit():
    m['x'] = 1


def delit():
    del m['a']


def ior():
    global m
    m |= {}


attempt("setitem", setit)
attempt("delitem", delit)
attempt("ior", ior)
attempt("list", lambda: M([1, 2]))
attempt("int", lambda: M(1))
attempt("none", lambda: M())
attempt("nested", lambda: M(m))
attempt("keyword", lambda: M(mapping={'k': 0}))
attempt("type", lambda: (type(m).__name__, type(m).__module__, type(m)))
attempt("generic", lambda: M[str, int])
attempt("public names", lambda: sorted(k for k in dir(m) if not k.startswith('__')))
attempt("ordered", lambda: M(collections.OrderedDict(x=1)))
attempt("chainmap", lambda: (M(collections.ChainMap({'y': 2}))['y']))
attempt("abc", lambda: isinstance(m, collections.abc.Mapping))
d['c'] = 9
attempt("live view", lambda: m)


class C:
    x = 1

    def f(self):
        pass


def setc():
    C.__dict__['y'] = 2


def delc():
    del C.__dict__['x']


attempt("class dict type", lambda: type(C.__dict__))
attempt("class dict item", lambda: C.__dict__['x'])
attempt("class dict write", setc)
attempt("class dict delete", delc)
attempt("class dict contains", lambda: ('f' in C.__dict__, 'y' in C.__dict__))
attempt("class dict get", lambda: type(C.__dict__.get('f')).__name__)
attempt("vars of class", lambda: type(vars(C)))
attempt("builtin type dict", lambda: (type(int.__dict__), int.__dict__['real']))
C.y = 5
attempt("setattr still works", lambda: (C.__dict__['y'], C().y))
attempt("dict of dict copy", lambda: sorted(k for k in dict(C.__dict__) if not k.startswith('__')))
attempt("view mapping", lambda: ({}.keys().mapping, {'q': 1}.items().mapping, {'q': 1}.values().mapping['q']))
dd = {'k': 1}
attempt("view mapping live", lambda: (dd.keys().mapping.__class__.__name__, dd.values().mapping == dd))
