# operator through its native accelerator _operator: every function, itemgetter,
# attrgetter and methodcaller (calls, reprs, __reduce__, pickling), _compare_digest,
# length_hint, and CPython's errors.
import operator, _operator, pickle, copy
from collections import deque

def t(f, *a, **k):
    try:
        print("OK", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.lshift(1, 5), operator.rshift(64, 2), operator.and_(6, 3))
print(operator.or_(6, 3), operator.xor(6, 3), operator.neg(5), operator.pos(-5), operator.inv(5), operator.invert(0))
print(operator.abs(-3.5), operator.abs(-7), operator.not_([]), operator.truth([1]), operator.index(True))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq('a', 'a'), operator.ne(1, 1), operator.gt(3, 2), operator.ge(1, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.countOf([1, 2, 1, 1], 1))
print(operator.indexOf('abcb', 'b'), operator.concat([1], [2]), operator.concat('a', 'b'), operator.concat(deque([1]), deque([2])))
print(operator.getitem({'a': 1}, 'a'), operator.getitem([1, 2, 3], slice(1, None)), operator.call(max, 1, 5, key=lambda v: -v))
x = [1, 2, 3]
operator.setitem(x, 0, 9)
operator.delitem(x, 1)
print(x, operator.__lt__ is operator.lt, operator.__add__(1, 1), operator.__not__(0))
l = [1]
print(operator.iadd(l, [2]) is l, l, operator.iconcat(l, [3]), operator.isub(5, 2), operator.imul([0], 2))
print(operator.itruediv(1, 4), operator.ifloordiv(9, 4), operator.imod(9, 4), operator.ipow(3, 3), operator.ilshift(1, 3))
print(operator.irshift(8, 1), operator.iand(7, 5), operator.ior(1, 2), operator.ixor(3, 1))
class M:
    def __matmul__(self, o): return 'matmul'
    def __imatmul__(self, o): return 'imatmul'
print(operator.matmul(M(), 1), operator.imatmul(M(), 1))
print(operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])), operator.length_hint(5, 7), operator.length_hint(iter(range(10))))
class H:
    def __length_hint__(self): return NotImplemented
class Bad:
    def __length_hint__(self): return -1
class Wrong:
    def __length_hint__(self): return 'x'
class Raises:
    def __length_hint__(self): raise TypeError
print(operator.length_hint(H(), 4), operator.length_hint(Raises(), 3))
t(operator.length_hint, Bad())
t(operator.length_hint, Wrong())
t(operator.length_hint, 1, 'x')

print(_operator._compare_digest('abc', 'abc'), _operator._compare_digest(b'abc', b'abd'), _operator._compare_digest(b'ab', bytearray(b'ab')))
print(_operator._compare_digest(b'a', b'ab'), _operator._compare_digest('', ''))
t(_operator._compare_digest, 'a', b'a')
t(_operator._compare_digest, 'é', 'é')
t(_operator._compare_digest, 1, 1)

g = operator.itemgetter(1)
g2 = operator.itemgetter(0, 'a')
print(g([5, 6]), g2({0: 'z', 'a': 'y'}), repr(g), repr(g2), repr(operator.itemgetter(())), g.__reduce__())
a = operator.attrgetter('real')
a2 = operator.attrgetter("imag", "real.denominator")
print(a(3), a2(4), repr(a), repr(a2), a2.__reduce__())
mc = operator.methodcaller('split', ',', maxsplit=1)
mc2 = operator.methodcaller('upper')
print(mc('a,b,c'), mc2('x'), repr(mc), repr(mc2), mc2.__reduce__())
print(mc.__reduce__()[0], mc.__reduce__()[1])
for obj in [g, g2, a, a2, mc, mc2]:
    back = pickle.loads(pickle.dumps(obj))
    print(type(back).__name__, repr(back), repr(copy.copy(obj)))
print(type(g), type(a).__module__, operator.itemgetter.__name__, sorted(map(str, [int, 1]), key=operator.itemgetter(0)))
print(sorted([(1, 'b'), (0, 'a'), (1, 'a')], key=operator.itemgetter(0, 1)))

t(operator.add, 1)
t(operator.add, 1, 2, x=1)
t(operator.neg, 1, 2)
t(operator.neg)
t(operator.neg, a=1)
t(operator.index, 1.5)
t(operator.concat, 1, 2)
t(operator.concat, [1], 2)
t(operator.concat, 'a', 2)
t(operator.concat, b'a', 'x')
t(operator.iconcat, 1, 2)
t(operator.contains, 1, 2)
t(operator.countOf, 1, 2)
t(operator.indexOf, [1], 2)
t(operator.indexOf, 1, 2)
t(operator.getitem, [1], 'x')
t(operator.itemgetter)
t(operator.itemgetter, 1, x=1)
t(operator.itemgetter(1))
t(operator.itemgetter(1), [1, 2], x=1)
t(operator.itemgetter(5), [1])
t(operator.attrgetter)
t(operator.attrgetter, 1)
t(operator.attrgetter('a'))
t(operator.attrgetter('a'), 1)
t(operator.attrgetter('real.nope'), 1)
t(operator.methodcaller)
t(operator.methodcaller, 1)
t(operator.methodcaller('a'))
t(operator.methodcaller('a'), 1)
t(operator.call)
t(operator.is_, 1)
t(operator.setitem, [1], 5, 1)
t(operator.lt, 1, 'a')
t(operator.pow, 2, 'x')
t(operator.truediv, 1, 0)
try:
    class X(operator.itemgetter):
        pass
except TypeError as e:
    print(e)
