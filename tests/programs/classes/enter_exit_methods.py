# __enter__/__exit__ are looked up on the type, not the instance.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type is None)
        return False


with Resource("db") as handle:
    print("using", handle)

r = Resource("x")
r.__enter__ = lambda: "instance attr"
with r as v:
    print("got", v)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
