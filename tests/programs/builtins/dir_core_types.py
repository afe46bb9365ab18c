# The public names of each core type, compared with CPython 3.11's.
for T in [int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice, memoryview, object, type]:
    print(T.__name__, sorted(n for n in dir(T) if not n.startswith('_')))
