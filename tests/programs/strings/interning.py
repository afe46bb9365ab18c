# Which strs are the same object: names and identifier-like constants are interned (in
# every code object alike), strs built at run time are not until sys.intern or setattr.
import sys

a = 'abc'
b = 'ab' + 'c'
print(a == b, a is b)  # folded at compile time, then interned
b = ''.join(['ab', 'c'])
print(a == b, a is b, sys.intern(b) is a)
print(sys.intern(b) is a)
c = ''.join(['hello', '_', 'world'])
d = sys.intern(c)
print(d is c, sys.intern('hello_world') is c)
e = 'hello' + ' there!'
print(sys.intern(e) is e, sys.intern(e) is sys.intern('hello there!'))


def f():
    return 'shared_name'


def g():
    return 'shared_name'


def h():
    return 'not an identifier!'


def i():
    return 'not an identifier!'


print(f() is g(), h() == i())
# (CPython also shares equal non-identifier constants across a module's code objects.)


class C:
    def method(self):
        return self.shared_name


o = C()
name = ''.join(['shared', '_name'])
setattr(o, name, 5)
key = list(vars(o))[0]
print(key is f(), key is name)
print(getattr(o, 'shared' + '_name'), o.method())
print(getattr(o, ''.join(['sh', 'ared_name'])))
delattr(o, ''.join(['shared', '_name']))
print(vars(o))


def kw(**kwargs):
    return kwargs


alpha = 'alpha'
k = list(kw(alpha=1, beta=2))
print(k, k[0] is alpha, k[1] is sys.intern('be' + 'ta'))


class S(str):
    pass


for bad in (S('x'), 1, b'x', None):
    try:
        sys.intern(bad)
    except TypeError as exc:
        print('TypeError:', exc)

print(f.__code__.co_name is sys.intern('f'))
print(type(sys.intern(S('abc') + '')) is str)
init = sys.intern('__' + 'init__')
print([n for n in dir(C) if n is init])
print([n for n in vars(sys.modules['builtins']) if n is sys.intern('le' + 'n')])

for call in (lambda: sys.intern(), lambda: sys.intern('a', 'b'), lambda: sys.intern(string='x')):
    try:
        call()
    except TypeError as exc:
        print('TypeError:', exc)
