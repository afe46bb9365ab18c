# Every public method of the core types called with wrong argument counts and types: the exception
# and message CPython 3.11 gives (or a result).
samples = {int: 5, bool: True, float: 2.5, complex: 1+2j, str: "abc", bytes: b"abc", bytearray: bytearray(b"abc"),
           list: [1, 2], tuple: (1, 2), dict: {1: 2}, set: {1}, frozenset: frozenset({1}), range: range(3),
           slice: slice(1, 2), memoryview: memoryview(b"abc")}
argsets = [(), (None,), (1,), ("x",), (1, 2), (1, 2, 3, 4, 5), (b"x",), ([],)]
for T, v in samples.items():
    for name in sorted(dir(T)):
        if name.startswith("_"):
            continue
        attr = getattr(v, name)
        if not callable(attr):
            continue
        for a in argsets:
            if isinstance(v, (list, dict, set, bytearray)):
                v2 = type(v)(v) if not isinstance(v, memoryview) else v
                attr = getattr(v2, name)
            try:
                r = attr(*a)
                out = "ok"
            except Exception as e:
                out = f"{type(e).__name__}: {e}"
            print(T.__name__, name, len(a), type(a[0]).__name__ if a else "", out)
