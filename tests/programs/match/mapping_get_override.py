# Mapping patterns look keys up with the subject's own get() (needs dict subclass instances).
class Tracking(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)


match Tracking(a=9, b=1):
    case {"a": a, "b": b}:
        print("matched", a, b)
