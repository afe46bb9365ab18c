# Function objects: names, qualified names, docstrings, attributes.
def top(a, b=1):
    """Top-level doc."""

    def inner():
        pass

    return inner


class K:
    def method(self):
        pass


print(top.__name__, top.__qualname__, top.__doc__)
print(top(1).__qualname__)
print(K.method.__qualname__)
print((lambda: 0).__name__)
print(top.__defaults__, top.__code__.co_argcount, top.__code__.co_name)
top.custom = "attr"
print(top.custom)
print(top.__module__)
print(callable(top), callable(3))
print(type(top).__name__, type(K().method).__name__)
bound = K().method
print(bound.__func__ is K.method, type(bound.__self__).__name__)
