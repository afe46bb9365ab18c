# Operations on instances of builtin subclasses that give plain builtin results.
class S(str): pass
class I(int): pass
class F(float): pass
class B(bytes): pass
class C(complex): pass
class T(tuple): pass
class L(list): pass
s, i, f, b, c, t = S('a'), I(5), F(1.5), B(b'x'), C(1j), T((1,))
for v in [str(s), s.__str__(), format(s), f"{s}", '%s' % s, s + '', s * 1, s[:], s.upper(), s.strip(), s.join([]), s.replace('z', 'y'),
          int(i), i.__int__(), i.__index__(), +i, -i, abs(i), i.real, i.numerator, i.conjugate(), i.__trunc__(), round(i), i // 1,
          float(f), +f, abs(f), f.real, f.conjugate(), f.__float__(), round(f, 1),
          bytes(b), b.__bytes__() if hasattr(b, '__bytes__') else bytes(b), b[:], b + b'', b * 1, b.strip(), b.replace(b'z', b'y'), bytes(b[:]),
          complex(c), c.conjugate(), +c,
          tuple(t), t[:], t + (), t * 1, list(L([1])), L([1])[:], L([1]).copy()]:
    print(type(v).__name__, end=' ')
print()
