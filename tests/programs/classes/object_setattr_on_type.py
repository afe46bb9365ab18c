# object.__setattr__/__delattr__ refuse to bypass type.__setattr__ (CPython's hackcheck),
# but apply to instances whatever their type, and type.__setattr__ only takes classes.
class C:
    pass


class M(type):
    pass


D = M('D', (), {})


def attempt(label, fn, *args):
    try:
        fn(*args)
        print(label, 'ok')
    except Exception as exc:
        print(label, type(exc).__name__, exc)


attempt('object.__setattr__(C)', object.__setattr__, C, 'x', 1)
attempt('object.__delattr__(C)', object.__delattr__, C, 'x')
attempt('object.__setattr__(int)', object.__setattr__, int, 'x', 1)
attempt('object.__setattr__(D)', object.__setattr__, D, 'x', 1)
attempt('object.__setattr__(1)', object.__setattr__, 1, 'x', 2)
attempt('object.__delattr__(1)', object.__delattr__, 1, 'x')
attempt('object.__setattr__([])', object.__setattr__, [], 'x', 2)
attempt('type.__setattr__(C())', type.__setattr__, C(), 'x', 2)
attempt('object.__setattr__(C(), 1)', object.__setattr__, C(), 1, 2)
print(hasattr(C, 'x'))
type.__setattr__(C, 'y', 3)
print(C.y)
o = C()
object.__setattr__(o, 'z', 4)
print(o.z)
object.__delattr__(o, 'z')
print(hasattr(o, 'z'))


class Guarded:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


g = Guarded()
g.v = 5
print(g.v)


class Meta(type):
    def __setattr__(cls, name, value):
        type.__setattr__(cls, name, value + 1)


class E(metaclass=Meta):
    pass


E.w = 1
print(E.w)
attempt('object.__setattr__(E)', object.__setattr__, E, 'q', 1)
