# isinstance/issubclass with tuples (including nested tuples) and bool/int.
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, (C, A)), isinstance(b, (C, int)))
print(isinstance(b, (C, (int, (A,)))))
print(issubclass(B, (C, A)), issubclass(C, (A, B)))
print(isinstance(True, int), issubclass(bool, int), isinstance(1, bool))
print(isinstance(1, (float, str)), isinstance(1.0, (float, str)))
print(isinstance(b, ()), issubclass(B, B), issubclass(B, object))
print(isinstance(A, type), isinstance(type, object), isinstance(object, type))
try:
    isinstance(b, 3)
except TypeError as e:
    print(e)
try:
    issubclass(b, A)
except TypeError as e:
    print(e)
