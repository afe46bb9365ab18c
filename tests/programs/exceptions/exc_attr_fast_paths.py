# Attribute loads and stores on exception instances taken many times at one site (so the
# interpreter's specialized forms run), with every special name and subclass kind that a
# fast path could get wrong.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def make_many():
    total = 0
    for i in range(50):
        e = NotFound(i)
        total += e.key
        e.key = e.key + 1
        total += e.key
    return total


print("many", make_many())
e = NotFound(3)
print(e.args, e.key, vars(e), e.__dict__)


# The special names at one site, many times.
def set_all(exc, other):
    for _ in range(20):
        exc.args = [1, 2]
        exc.__traceback__ = None
        exc.__cause__ = other
        exc.__context__ = other
        exc.__suppress_context__ = False
        exc.__notes__ = ["n"]
    return exc


x = set_all(NotFound(1), KeyError("k"))
print(x.args, type(x.args).__name__, repr(x.__cause__), repr(x.__context__), x.__suppress_context__, x.__notes__)
print(sorted(vars(x)))
for bad in [("__cause__", 5), ("__context__", "s"), ("__traceback__", 3)]:
    try:
        setattr(x, *bad)
    except TypeError as err:
        print("TypeError", err)
for field in ("args", "__traceback__", "__cause__", "__context__", "__suppress_context__"):
    try:
        delattr(x, field)
    except TypeError as err:
        print("TypeError", err)
try:
    x.args = 5
except TypeError as err:
    print("TypeError", err)
del x.__notes__
print(hasattr(x, "__notes__"))
del x.key
try:
    del x.key
except AttributeError as err:
    print("AttributeError", err)
try:
    x.missing
except AttributeError as err:
    print("AttributeError", err)


# A load site that sees a plain exception, then one whose attribute is missing.
def get_key(exc):
    return exc.key


for i in range(20):
    get_key(NotFound(i))
try:
    get_key(AppError())
except AttributeError as err:
    print("AttributeError", err)


# Subclasses with __slots__, properties and __setattr__/__getattribute__ overrides.
class Slotted(Exception):
    __slots__ = ("a",)


class Prop(Exception):
    @property
    def key(self):
        return "prop"

    @key.setter
    def key(self, v):
        self._k = v * 2


class Logged(Exception):
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)


class Got(Exception):
    def __getattribute__(self, name):
        if name == "key":
            return "got"
        return super().__getattribute__(name)


def store_key(exc, v):
    exc.key = v


def load_key(exc):
    return exc.key


for cls in (Slotted, Prop, Logged, Got, NotFound):
    out = []
    for i in range(12):
        obj = cls(i)
        try:
            store_key(obj, i)
            out.append(load_key(obj))
        except AttributeError as err:
            out.append(str(err))
    print(cls.__name__, out[-1], len(out))
s = Slotted()
s.b = 2
print(s.b, s.__dict__)
p = Prop()
p.key = 4
print(p.key, p._k)


# The class changes under a specialized site: a property appears later.
class Late(Exception):
    pass


def store_late(exc, v):
    exc.value2 = v
    return exc.value2


print([store_late(Late(), i) for i in range(12)][-1])
Late.value2 = property(lambda self: "from property", lambda self, v: print("setter", v))
print(store_late(Late(), 99))


# Special fields of builtin exception kinds through the generic sites.
def read(exc, n):
    return getattr(exc, n)


for _ in range(10):
    st = StopIteration(7)
    os_e = OSError(2, "nope", "f.txt")
    se = SystemExit(3)
print(st.value, os_e.errno, os_e.strerror, os_e.filename, se.code)
st.value = 8
os_e.errno = 5
se.code = 4
print(st.value, st.args, os_e.errno, se.code, se.args)
k = KeyError("k")
k.note = 1
print(k.note, str(k), repr(k))


# super() forms.
class Base:
    def who(self):
        return "Base.who"

    @classmethod
    def make(cls):
        return "Base.make " + cls.__name__


class Child(Base):
    def who(self):
        return "Child>" + super().who() + "|" + super(Child, self).who()

    @classmethod
    def make(cls):
        return "Child>" + super().make() + "|" + super(Child, cls).make()


print(Child().who(), Child.make())
sup = super(Child, Child())
print(sup.__thisclass__.__name__, type(sup.__self__).__name__, sup.__self_class__.__name__)
try:
    super(Child, Child()).nothing
except AttributeError as err:
    print("AttributeError", err)
try:
    super(Child, 5)
except TypeError as err:
    print("TypeError", err)


# BaseException.__init__ through super() with the same and with other arguments.
class Re(Exception):
    def __init__(self, a, b=None):
        if b is None:
            super().__init__(a)
        else:
            super().__init__(b, a)


for i in range(10):
    r1 = Re(i)
    r2 = Re(i, "x")
print(r1.args, r2.args, str(r1), str(r2))
