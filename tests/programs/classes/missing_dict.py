# __missing__ on a dict subclass handles missing keys for d[key] only.
class Default(dict):
    def __missing__(self, key):
        print("missing", key)
        value = len(str(key))
        self[key] = value
        return value


d = Default(a=1)
print(d["a"], d["hello"], d[12345])
print(d.get("zzz"), "zzz" in d)
print(sorted(d.items(), key=str))


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "abracadabra":
    c[ch] += 1
print(sorted(c.items()))


class Plain(dict):
    pass


try:
    Plain()["x"]
except KeyError as e:
    print("KeyError", e)
