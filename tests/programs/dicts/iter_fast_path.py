# Dict key, value and item iterators driven by FOR_ITER in a function (the register loop's
# fast step) and at module level: changes during iteration raise as CPython's do, and an
# exhausted iterator stays exhausted.


def size_change(kind):
    d = {i: str(i) for i in range(5)}
    seen = []
    try:
        for x in getattr(d, kind)():
            seen.append(x)
            if len(seen) == 2:
                d[99] = "new"
    except RuntimeError as e:
        print(kind, "RuntimeError:", e, seen)


def keys_swapped(kind):
    d = {i: i * 10 for i in range(4)}
    seen = []
    try:
        for x in getattr(d, kind)():
            seen.append(x)
            if len(seen) == 1:
                del d[3]
                d[7] = 70
    except RuntimeError as e:
        print(kind, "RuntimeError:", e, seen)
    else:
        print(kind, "no error", seen)


def exhausted():
    d = {"a": 1}
    it = iter(d.items())
    print(list(it))
    d["b"] = 2
    print(list(it), next(it, "done"))
    ki = iter(d)
    for k in ki:
        pass
    d["c"] = 3
    print(list(ki))


def plain():
    d = {"x": 1, "y": 2, (1, 2): 3}
    print([k for k in d], [v for v in d.values()], [kv for kv in d.items()])
    total = 0
    for k, v in d.items():
        total += v
    print(total, {v: k for k, v in d.items()})
    # Values modified (not resized) during iteration are fine.
    for k in d:
        d[k] = 0
    print(d)
    del d["x"]
    print(list(d.items()), list(reversed(d.items())))
    pairs = [kv for kv in {"p": 1, "q": 2}.items()]
    print(pairs, pairs[0] is pairs[1])


for kind in ("keys", "values", "items"):
    size_change(kind)
    keys_swapped(kind)
exhausted()
plain()
d = {1: 2, 3: 4}
for k, v in d.items():
    print(k, v)
try:
    for k in d:
        d.pop(k)
except RuntimeError as e:
    print("module:", e, d)
