# Classes derived from builtin types: their instances get a __dict__ and keep their class
# (iterators, descriptors, sets too); which builtin types cannot be derived from.
for base, arg in [(int, 5), (float, 1.5), (complex, 1j), (str, 'a'), (bytes, b'a'), (bytearray, b'a'), (tuple, (1,)), (list, [1]), (dict, {1: 2}), (set, {1}), (frozenset, {1}), (bool, None), (object, None), (Exception, 'x'), (property, None), (staticmethod, len), (classmethod, len), (super, None), (enumerate, None), (zip, None), (map, None), (filter, None), (reversed, None), (slice, None), (range, None), (memoryview, None)]:
    try:
        C = type('C', (base,), {})
        o = C(arg) if arg is not None else C()
        o.extra = 42
        print(base.__name__, o.extra, type(o).__name__, sorted(vars(o)))
    except Exception as e:
        print(base.__name__, type(e).__name__, e)


class E(enumerate):
    pass


class Z(zip):
    pass


class M(map):
    def __next__(self):
        return 2 * super().__next__()


class R(reversed):
    pass


print(type(E('ab')).__name__, list(E('ab', 1)), type(Z('a', 'b')).__name__, list(M(int, '12')), type(R([1])).__name__, list(R((1, 2))))
for f in [lambda: E(), lambda: E(start=1), lambda: enumerate(), lambda: enumerate(start=1), lambda: reversed(), lambda: R()]:
    try:
        f()
    except TypeError as e:
        print(e)
sm = staticmethod(len)
print(sorted(vars(sm)), sm.__name__, sm.__qualname__, sm.__module__, classmethod(sorted).__name__, sm.__wrapped__ is len)
import types
ts = [bool, type(None), type(NotImplemented), type(...), slice, range, memoryview, types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.CodeType, types.GeneratorType, types.CoroutineType, types.CellType, types.MappingProxyType, type({}.keys()), type({}.values()), type({}.items()), type(iter([])), type(iter(())), type(iter('')), type(iter(range(1))), type(iter({})), type(iter(set())), types.GetSetDescriptorType, types.MemberDescriptorType, types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType, types.ClassMethodDescriptorType, types.TracebackType, types.FrameType, types.GenericAlias, types.UnionType, types.SimpleNamespace, types.ModuleType, property, staticmethod, classmethod, super, enumerate, zip, map, filter, reversed, type(reversed([])), BaseException, memoryview, bytearray, type(iter(b'')), type(iter(bytearray()))]
for t in ts:
    try:
        type('X', (t,), {})
        print(t.__name__, 'ok')
    except TypeError as e:
        print(t.__name__, e)
