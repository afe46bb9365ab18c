# __getattribute__ intercepts every attribute access; __getattr__ backs it up.
class Watch:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if not name.startswith("_"):
            print("access", name)
        if name == "virtual":
            return "computed"
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback:" + name

    def method(self):
        return "m"


w = Watch()
print(w.a)
print(w.virtual)
print(w.method())
print(w.missing)
print(type(w).__name__)
