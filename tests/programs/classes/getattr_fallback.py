# __getattr__ is called only when normal lookup fails.
class Proxy:
    def __init__(self, target):
        self.target = target
        self.misses = []

    def __getattr__(self, name):
        self.misses.append(name)
        if name.startswith("secret"):
            raise AttributeError("no secrets: " + name)
        return getattr(self.target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p.target, p.misses)
print(p.count(1), p.misses)
print(hasattr(p, "secret_key"), p.misses)
print(getattr(p, "secret", "default"))
try:
    p.secret2
except AttributeError as e:
    print(e)
try:
    p.nothing
except AttributeError as e:
    print(e)
