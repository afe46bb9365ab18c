# Every public method of the core types with more argument shapes (keywords, big ints, wrong types
# in each position): CPython 3.11's results and messages, parse order included.
samples = {int: -5, float: -0.0, complex: 0j, str: "aBc d\t", bytes: b"aBc d\t", bytearray: bytearray(b"aBc d\t"),
           list: [3, 1, 2], tuple: (1, 2, 1), dict: {1: 2, 3: 4}, set: {1, 2}, frozenset: frozenset({1, 2}), range: range(1, 10, 2),
           memoryview: memoryview(b"abc")}
argsets = [((2.5,), {}), ((-1,), {}), ((2**70,), {}), (((1,),), {}), (("a", "b"), {}), ((), {"x": 1}), ((1,), {"key": None}),
           ((), {"sep": ","}), ((), {"reverse": True}), ((b"a", b"b"), {}), (("",), {}), ((b"",), {}), ((0, 0), {}), ((-1, 100), {}),
           (("a", 1, 2), {}), ((None, None), {}), (({},), {}), ((set(),), {}), ((range(3),), {}), ((["x"],), {}), (("utf-8", "bogus"), {})]
for T, v in samples.items():
    for name in sorted(dir(T)):
        if name.startswith("_"):
            continue
        for a, kw in argsets:
            obj = v.copy() if hasattr(v, "copy") else v
            attr = getattr(obj, name)
            if not callable(attr):
                continue
            try:
                r = attr(*a, **kw)
                out = "ok " + (repr(r) if not isinstance(r, (memoryview,)) and type(r).__name__ not in ("dict_keys", "dict_values", "dict_items") else type(r).__name__)
            except Exception as e:
                out = f"{type(e).__name__}: {e}"
            print(T.__name__, name, a, kw, out[:150])
