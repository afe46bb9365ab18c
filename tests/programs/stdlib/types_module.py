# CPython's types.py runs unmodified: the types it takes from live objects are Pyrite's.
import sys
import types


def f(a: int) -> str:
    pass


print(types.FunctionType, types.LambdaType, types.CodeType, types.ModuleType)
print(types.GetSetDescriptorType, types.MemberDescriptorType, types.UnionType)
print(types.FrameType, types.TracebackType, types.SimpleNamespace)
print(types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
print(types.BuiltinFunctionType, types.MethodType, types.CellType, types.NoneType)
print(types.FunctionType.__code__, types.FunctionType.__globals__)
print(types.FunctionType.__code__.__get__(f) is f.__code__)
print(f.__annotations__)
f.__annotations__["extra"] = 1
print(f.__annotations__)
f.__name__ = "g"
f.__doc__ = "documented"
f.__defaults__ = (1,)
print(f.__name__, f.__doc__, f.__defaults__, f.__builtins__ is __builtins__.__dict__)
for bad in [("__defaults__", 1), ("__name__", 3), ("__globals__", {})]:
    try:
        setattr(f, *bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
ns = types.SimpleNamespace(x=1)
print(ns, isinstance(sys.implementation, types.SimpleNamespace))
m = types.ModuleType("made")
print(m, m.__name__, m.__doc__)
print(types.new_class("K", (object,), {}))
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))


class Slotted:
    __slots__ = ("x",)


print(isinstance(Slotted.__dict__["x"], types.MemberDescriptorType), Slotted.x)
