# The conversion, rounding and divmod dunders of int and float, the descriptors of builtin
# class methods, and related builtins corners (abs/round/divmod dispatch, pow with a modulus).
import typing


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("int round", lambda: ((5).__round__(-1), (15).__round__(-1), (5).__round__(), True.__round__()))
attempt("int round big", lambda: ((12345).__round__(-2), (-12350).__round__(-2), (10**30 + 5 * 10**9).__round__(-10)))
attempt("int round huge ndigits", lambda: ((5).__round__(-400), (10**500).__round__(-499), (10**500).__round__(-501)))
attempt("int round None", lambda: (5).__round__(None))
attempt("int round float", lambda: (5).__round__(1.5))
attempt("int round two", lambda: (5).__round__(1, 2))
attempt("int round keyword", lambda: (5).__round__(x=1))
attempt("float round", lambda: ((2.5).__round__(), (2.675).__round__(2), (1.5).__round__(None), (2.5).__round__(0)))
attempt("float round inf", lambda: float('inf').__round__())
attempt("float round far", lambda: ((1e308).__round__(-400), (5.0).__round__(10**30)))
attempt("divmod", lambda: ((5).__divmod__(3), (5).__rdivmod__(17), (-7).__divmod__(2)))
attempt("divmod zero", lambda: (5).__divmod__(0))
attempt("divmod float other", lambda: (5).__divmod__(1.0))
attempt("float divmod", lambda: ((5.5).__divmod__(2), (5.5).__rdivmod__(True), (2.0).__rdivmod__(7)))
attempt("float divmod zero", lambda: (5.0).__divmod__(0))
attempt("float divmod str", lambda: (5.0).__divmod__('a'))
attempt("divmod no arg", lambda: (5).__divmod__())
attempt("conversions", lambda: (True.__float__(), True.__int__(), True.__abs__(), (-3).__abs__(), (3.7).__int__(), (3.0).__float__()))
attempt("float int nan", lambda: float('nan').__int__())
attempt("int float overflow", lambda: (10**400).__float__())
attempt("abs float", lambda: (-0.0).__abs__())
attempt("floor ceil trunc", lambda: ((5).__ceil__(), True.__floor__(), (-5).__trunc__()))
attempt("getnewargs", lambda: ((3).__getnewargs__(), True.__getnewargs__(), (1.5).__getnewargs__(), (1, 2).__getnewargs__()))
attempt("wrong receiver slot", lambda: int.__abs__(1.0))
attempt("wrong receiver float", lambda: float.__abs__(1))
attempt("wrong receiver method", lambda: int.__round__(1.0))
attempt("extra argument", lambda: (5).__float__(1))
attempt("keyword to wrapper", lambda: (1).__abs__(x=1))
attempt("getformat", lambda: (float.__getformat__('double'), float.__getformat__('float')))
attempt("getformat bad", lambda: float.__getformat__('x'))
attempt("getformat type", lambda: float.__getformat__(1))


class I(int):
    def __abs__(self):
        return 'my abs'


class F(float):
    def __abs__(self):
        return 'float abs'

    def __round__(self, n=None):
        return 'float round'


class J(int):
    pass


attempt("abs override", lambda: (abs(I(-3)), abs(F(-2.0)), abs(J(-4)), type(abs(J(-4))).__name__))
attempt("subclass", lambda: (round(J(7), -1), divmod(J(7), 2), float(J(3)), int(J(3)), round(F(1.5))))
attempt("protocols", lambda: (isinstance(1, typing.SupportsFloat), isinstance(1.0, typing.SupportsInt),
                              isinstance(1, typing.SupportsAbs), isinstance(1.0, typing.SupportsRound),
                              isinstance(1, typing.SupportsIndex), isinstance(1.0, typing.SupportsIndex)))
attempt("hasattr", lambda: (hasattr(dict, '__add__'), hasattr(str, '__radd__'), hasattr(bool, '__neg__'),
                            hasattr(list, '__contains__'), hasattr(float, '__invert__')))
attempt("bool of range", lambda: (bool(range(10**20)), bool(range(5, 5)), None.__bool__()))
attempt("contains", lambda: (2 in [1, 2], 3 in (1, 2), 1 in {1: 2}.values(), (1, 2) in {1: 2}.items()))

for args in [(1j, 2, 3), (2, 1j, 3), (2, 2, 1j), (2.0, 2, 3), (1j, 'a', 3), (1j, 2, 'a'), (2, 2, 'a'), (1j, 2, None)]:
    attempt("pow%r" % (args,), lambda: pow(*args))

# Class methods of builtin types are classmethod_descriptors.
for T, name in [(dict, 'fromkeys'), (int, 'from_bytes'), (float, 'fromhex'), (bytes, 'fromhex'),
                (bytearray, 'fromhex'), (object, '__init_subclass__'), (object, '__subclasshook__')]:
    descr = T.__dict__[name]
    print(type(descr).__name__, descr, descr.__name__, getattr(T, name).__self__ is T, type(getattr(T, name)).__name__)
print(dict.__dict__['fromkeys'](dict, 'ab', 0), dict.__dict__['fromkeys'].__get__(None, dict)('xy'))


class D(dict):
    pass


print(type(D.fromkeys('ab')).__name__, D.fromkeys.__self__ is D, {}.fromkeys('z'))
print(type(int.__dict__['real']).__name__, type(range.__dict__['start']).__name__, type(slice.__dict__['stop']).__name__)
attempt("getset read-only", lambda: setattr(1, 'real', 2))
