# The with target can be any assignment target; __enter__ may return something else.
class Pair:
    def __enter__(self):
        return (1, [2, 3])

    def __exit__(self, *exc):
        return None


with Pair() as (a, [b, c]):
    print(a, b, c)

store = {}
with Pair() as store["pair"]:
    pass
print(store)


class Obj:
    pass


o = Obj()
with Pair() as o.attr:
    pass
print(o.attr)
with Pair():
    x = "binding in with body"
print(x)
