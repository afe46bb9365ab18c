# types.GenericAlias: subclassing, parameters, substitution, __mro_entries__.
import types


class Alias(types.GenericAlias):
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)


a = Alias(list, (int,))
print(a, type(a).__name__, a.__origin__, a.__args__, isinstance(a, types.GenericAlias))
print(list[int] == types.GenericAlias(list, (int,)), types.GenericAlias(dict, (str, int)))
print(list[int].__parameters__)
try:
    list[int][str]
except TypeError as e:
    print("TypeError", e)


class L(list[int]):
    pass


print(L.__mro__, L.__orig_bases__ if hasattr(L, "__orig_bases__") else "no orig bases")
try:
    types.GenericAlias(list)
except TypeError as e:
    print("TypeError", e)
