# typing from CPython's library: generics, Optional/Union, NamedTuple, Protocol, get_type_hints.
import typing
from typing import List, Optional, TypeVar, Generic, Union, Callable, NamedTuple, Protocol
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box[int], Optional[int], Union[int, str], List[int], Callable[[int], str])
class P(NamedTuple):
    x: int
    y: str = "a"
print(P(1), P._fields, typing.get_type_hints(P))
class S(Protocol):
    def f(self) -> int: ...
print(typing.get_origin(List[int]), typing.get_args(Union[int, str]), Box(3).v)
class A:
    __slots__ = ('__doc__',)
print(type(A.__dict__['__doc__']).__name__)
