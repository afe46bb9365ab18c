# functools through its native accelerator _functools: reduce, partial (flattening,
# repr, pickling, __setstate__, read-only attributes, __dict__), cmp_to_key, and
# lru_cache (bounded, unbounded, disabled, typed, keyword keys, methods, cache_info,
# cache_clear, re-entrant calls), with CPython's errors.
import functools, pickle, copy

def t(f, *a, **k):
    try:
        print("OK", repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 5))
print(functools.reduce(lambda a, b: a + [b], 'abc', []), functools.reduce(max, iter([3, 9, 2])))
t(functools.reduce)
t(functools.reduce, 1)
t(functools.reduce, 1, 2)
t(functools.reduce, lambda a, b: a + b, [])
t(functools.reduce, lambda a, b: a + b, [1, 2, 3], x=5)
t(functools.reduce, lambda a, b: a + b, [1, 'x'])

p = functools.partial(max, 1, key=abs)
print(p(-5, 3), repr(p), p.__reduce__(), p.func, p.args, p.keywords, p.__dict__)
print(type(p), functools.partial.__module__, functools.partial.__name__, p.keywords is p.keywords)
t(setattr, p, 'func', 1)
t(setattr, p, 'args', 1)
t(delattr, p, 'keywords')
p.x = 1
print(p.x, p.__reduce__())
t(p.__setstate__, 1)
t(p.__setstate__, (1, 2, 3, 4))
t(p.__setstate__, (max, [1], {'a': 1}, None))
t(p.__setstate__, (max, (1,), None, None))
print(repr(p), p.__dict__, p(0))
t(p.__setstate__, (min, (7, 8), {}, {'y': 2}))
print(repr(p), p.__dict__, p(9), p.y)
class P(functools.partial):
    pass
print(repr(P(max, 1)), P(max, 1)(5), isinstance(P(max), functools.partial))
q = functools.partial(functools.partial(max, 1, key=None), 2, key=abs)
print(repr(q), q(-7), q.args)
f = functools.partial(max)
f.attr = 1
print(repr(functools.partial(f, 2)))
print(functools.partial[int], functools.partial(max).__reduce__())
class C:
    m = functools.partial(max, 1)
print(C().m(5))
def add3(a, b, c=0):
    return a * 100 + b * 10 + c
for obj in [functools.partial(add3, 1, c=2), functools.partial(add3, b=2)]:
    back = pickle.loads(pickle.dumps(obj))
    print(repr(back).split(' at ')[0], back.args, back.keywords, back(5))
print(repr(copy.deepcopy(functools.partial(sorted, reverse=True))))
kw = functools.partial(dict, a=1, b=2)
print(kw(b=3, c=4), kw(), repr(kw))
p2 = functools.partial(max, 1)
t(setattr, p2, '__dict__', 1)
p2.__dict__ = {'k': 1}
print(p2.__dict__, p2.k)
r = functools.partial(print)
r.__setstate__((r, (), {}, None))
print(repr(r)[:40])
t(functools.partial)
t(functools.partial, 1)
t(functools.partial, func=max)

k = functools.cmp_to_key(lambda a, b: a - b)
print(type(k).__name__, sorted([5, 2, 9, 1], key=functools.cmp_to_key(lambda a, b: b - a)))
print(k(1) < k(2), k(2) <= k(2), k(3) == k(3), k(1) > k(2), k(1) != k(2), k(4).obj)
w = k(1)
w.obj = 10
print(w.obj, w > k(5))
t(k)
t(k, 1, 2)
t(lambda: k(obj=1).obj)
t(k, 1, x=2)
t(lambda: k(1) < 2)
t(lambda: hash(k(1)))
t(functools.cmp_to_key)
t(lambda: functools.cmp_to_key(1)(1) < functools.cmp_to_key(1)(2))
t(lambda: functools.cmp_to_key(lambda a, b: 'x')(1) < functools.cmp_to_key(lambda a, b: 'x')(2))

calls = []
@functools.lru_cache(maxsize=3)
def sq(x, *, y=0):
    calls.append(x)
    return x * x + y
print([sq(i % 5) for i in [1, 2, 3, 1, 4, 1, 2, 5, 1]], calls, sq.cache_info())
print(sq(2, y=1), sq(2, y=1), sq.cache_info(), sq.__name__, sq.__wrapped__.__name__, sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info(), type(sq).__name__)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@functools.lru_cache(maxsize=0)
def ident(x):
    return x
print(ident(1), ident(1), ident.cache_info())

@functools.lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())

@functools.cache
def plain(x, y=2):
    return (x, y)
print(plain(1), plain(1, 2), plain(1, y=2), plain(y=2, x=1), plain.cache_info())

@functools.lru_cache
def nocall(a):
    return [a]
print(nocall(1) is nocall(1), nocall.cache_info())

class K:
    @functools.lru_cache(maxsize=2)
    def method(self, v):
        return v * 2
    def __repr__(self):
        return "K"
kk = K()
print(kk.method(3), kk.method(3), K.method.cache_info(), repr(K.method)[:30], K.method.__qualname__)
print(K.method.__reduce__(), copy.copy(sq) is sq, copy.deepcopy(sq) is sq)
t(sq, [1])
t(functools._lru_cache_wrapper, 1, 2, True, None)
t(functools._lru_cache_wrapper, len, 'x', True, None)
t(functools.lru_cache, 'x')

# Re-entrant calls into the cache from the user function.
@functools.lru_cache(maxsize=2)
def rec(n):
    if n > 0:
        rec(n - 1)
        rec(n - 1)
    return n
print(rec(5), rec.cache_info())
