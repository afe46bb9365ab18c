# Every name, dunders included, of the core types, compared with CPython 3.11's: a type
# lists exactly the operators its slots serve (str has __add__ but no __radd__, bool only
# its own &, |, ^), and the conversion dunders numbers are known by.
import types

core = [object, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset,
        range, slice, memoryview, type(None), type(...), types.FunctionType, map, filter, enumerate,
        types.MappingProxyType, type({}.keys()), type({}.values()), type({}.items())]
for T in core:
    print(T.__name__, sorted(dir(T)))

print(sorted(set(dir(type)) - set(dir(object))) == sorted(n for n in dir(type) if n in ('__call__', '__or__', '__ror__', 'mro')) or 'type')
print(hasattr(type, '__getitem__'), hasattr(type, '__class_getitem__'), type[int], list[int])
