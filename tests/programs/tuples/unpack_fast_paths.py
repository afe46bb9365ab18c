# UNPACK_SEQUENCE: exact tuples of the right length are unpacked in place by the
# register loop; everything else (lists, subclasses, iterators, wrong lengths) must
# behave as usual, with CPython's messages.

a, b = (1, "two")
print(a, b)
x, = (3.5,)
print(x)
() = ()
print("empty ok")
obj = object()
t = (obj, [1, 2], None)
p, q, r = t
del t
print(p is obj, q, r)

# A loop over pairs, as the n-body benchmark's.
pairs = [(i, i * 0.5) for i in range(4)]
total = 0.0
for i, h in pairs:
    total += i * h
print(total)
for (i, h), k in zip(pairs, "abcd"):
    print(i, h, k, end="; ")
print()

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as exc:
        print(label, type(exc).__name__, exc)

def too_many():
    a, b = (1, 2, 3)
def too_few():
    a, b, c = (1, 2)
def none_in_one():
    a, = ()
def list_too_many():
    a, b = [1, 2, 3]
def list_too_few():
    a, b, c = [1.0, 2.0]
def not_iterable():
    a, b = 5
def not_iterable_float():
    a, b = 2.5
def not_iterable_none():
    a, b = None
def str_unpack():
    a, b = "xy"
    return a, b
def dict_unpack():
    a, b = {"k": 1, "j": 2}
    return a, b
def gen_unpack():
    a, b = (n * n for n in range(2))
    return a, b
def gen_too_many():
    a, b = (n for n in range(5))
def endless():
    import itertools
    a, b = itertools.count()
def set_unpack():
    a, = {42}
    return a
for label, fn in [("too_many", too_many), ("too_few", too_few), ("none_in_one", none_in_one),
                  ("list_too_many", list_too_many), ("list_too_few", list_too_few),
                  ("not_iterable", not_iterable), ("not_iterable_float", not_iterable_float),
                  ("not_iterable_none", not_iterable_none), ("str_unpack", str_unpack),
                  ("dict_unpack", dict_unpack), ("gen_unpack", gen_unpack),
                  ("gen_too_many", gen_too_many), ("endless", endless), ("set_unpack", set_unpack)]:
    attempt(label, fn)

# Subclasses unpack through their own iterator.
class T(tuple):
    def __iter__(self):
        return iter(("from", "iter"))
u, v = T((1, 2))
print(u, v)
u, v = T((1, 2, 3))
print(u, v)
class L(list):
    def __iter__(self):
        return iter([9])
(w,) = L([1, 2])
print(w)
class PlainT(tuple):
    pass
m, n = PlainT(("m", "n"))
print(m, n)
def subclass_wrong():
    a, b = PlainT((1,))
attempt("subclass_wrong", subclass_wrong)

# A class with only __getitem__ unpacks through the old sequence protocol.
class Seq:
    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError(i)
s1, s2 = Seq()
print(s1, s2)

# Swapping through a tuple, and star targets alongside.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = (1, 2, 3)
print(first, rest)
*init, last = [4.0, 5.0]
print(init, last)
