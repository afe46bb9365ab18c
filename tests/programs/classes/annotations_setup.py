# Annotations in module and class bodies: SETUP_ANNOTATIONS and __annotations__.
x: int = 1
y: "str"
print(__annotations__)


class Point:
    a: int
    b: float = 2.0
    c: list[int] = []

    def method(self, q: int) -> str:
        return str(q)


print(Point.__annotations__, Point.b, hasattr(Point, "a"))
print(Point.method.__annotations__)


class Empty:
    pass


print(getattr(Empty, "__annotations__", "none"))


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {"__annotations__": {"preset": bool}}


class WithPreset(metaclass=Meta):
    z: int


print(WithPreset.__annotations__)


def f():
    local: int = 3
    return local


print(f(), f.__annotations__)
