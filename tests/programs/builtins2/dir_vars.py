print([n for n in dir(list) if not n.startswith('_')])
print([n for n in dir(dict) if not n.startswith('_')])
print([n for n in dir(set) if not n.startswith('_')])
print([n for n in dir(frozenset) if not n.startswith('_')])
print([n for n in dir(tuple) if not n.startswith('_')])
print([n for n in dir(range) if not n.startswith('_')])
class A:
    x = 1
    def m(self): pass
class B(A):
    y = 2
b = B()
b.z = 3
print([n for n in dir(b) if not n.startswith('__')], [n for n in dir(B) if not n.startswith('__')])
print(vars(b), sorted(vars(A).keys() & {'x', 'm'}))
class C:
    def __dir__(self): return ['b', 'a']
print(dir(C()))
def f():
    q = 1
    w = 2
    return dir(), sorted(vars())
print(f())
try:
    vars(5)
except TypeError as e:
    print(e)
delattr(b, 'z')
print(hasattr(b, 'z'))
try:
    delattr(b, 'z')
except AttributeError as e:
    print(e)
try:
    delattr(b, 5)
except TypeError as e:
    print(e)
