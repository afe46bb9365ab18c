# derive() decides the type of split parts; subclasses keep their type only by overriding it.
class MyEG(ExceptionGroup):
    pass

class KeepEG(ExceptionGroup):
    def derive(self, excs):
        return KeepEG(self.message + "*", excs)

a = MyEG("mine", [ValueError(1), TypeError(2)])
print(type(a).__name__, isinstance(a, ExceptionGroup), isinstance(a, Exception))
m, r = a.split(ValueError)
print(type(m).__name__, repr(m), type(r).__name__)
b = KeepEG("keep", [ValueError(1), TypeError(2), ValueError(3)])
m, r = b.split(ValueError)
print(type(m).__name__, m.message, repr(r))
print(repr(b.derive([KeyError("k")])))

class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42

try:
    BadDerive("bad", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print(e)
try:
    MyEG("mine", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print([c.__name__ for c in ExceptionGroup.__mro__])
print([c.__name__ for c in BaseExceptionGroup.__mro__], ExceptionGroup.__bases__)
