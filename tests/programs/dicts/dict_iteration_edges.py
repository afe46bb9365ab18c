# Dict iteration: views, changes during iteration, subclasses with __missing__, and the
# builtins that consume dicts (sum, enumerate, sorted, max).


def attempt(label, fn):
    try:
        print(label, fn())
    except RuntimeError as exc:
        print(label, "RuntimeError:", exc)


d = {i: i * i for i in range(20)}


def add_during_keys():
    for k in d:
        d[k + 100] = 0


def delete_during_values():
    for v in d.values():
        del d[next(iter(d))]


def change_during_items():
    out = []
    for k, v in d.items():
        out.append(k)
        if k == 3:
            del d[k]
            d["new"] = 1
    return out


attempt("keys", add_during_keys)
d = {i: i * i for i in range(20)}
attempt("values", delete_during_values)
d = {i: i * i for i in range(20)}
attempt("items", change_during_items)
d = {i: i for i in range(5)}


def replace_values():
    for k in d:
        d[k] = -d[k]
    return d


attempt("replace", replace_values)

# Values and items after deletes skip the holes.
e = {i: str(i) for i in range(12)}
for i in (0, 4, 5, 11):
    del e[i]
print(list(e.values()), list(e.items())[:3], sum(e))
print(list(reversed(e)), list(reversed(e.values()))[:2], list(reversed(e.items()))[:2])
it = iter(e.values())
print(next(it), next(it), list(it))
print(sum({"a": 1, "b": 2.5}.values()), sum({}.values()), sum({1: 2**70, 2: 1}.values()))

# enumerate over dict views, with a start.
for i, (k, v) in enumerate({"x": 1, "y": 2}.items(), 10):
    print(i, k, v)
print(list(enumerate({"a": 1, "b": 2})))
print(list(enumerate("ab", 2**63 - 1)))


# Subclasses with __missing__ and overridden methods.
class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(sorted(c.items()), c["z"], c.get("z"), "z" in c)


class Loud(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)

    def get(self, key, default=None):
        return ("got", key, default)


ld = Loud()
ld["a"] = 1
print(ld.get("a"), dict.get(ld, "a"), {**ld}, {k: v for k, v in ld.items()})


class DefaultList(dict):
    def __missing__(self, key):
        value = self[key] = []
        return value


dl = DefaultList()
for word in "one two three four five six".split():
    dl[len(word)].append(word)
print(dl)

# Dict comprehensions with repeated keys keep the first key and the last value.
print({k % 3: k for k in range(10)})
print({(i % 2, "x"): i for i in range(6)})
print({s: len(s) for s in ["a", "bb", "a", "ccc", "bb"]})
