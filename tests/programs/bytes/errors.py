# The TypeError/ValueError/IndexError messages of bad bytes, bytearray and memoryview use.
def show(code):
    try:
        print(code, "->", repr(eval(code)))
    except Exception as e:
        print(code, "!!", type(e).__name__ + ":", e)


for code in [
    "b'a' + 'b'", "bytearray(b'a') + 'b'", "'a' + b'b'", "b'a' * 'b'", "b'a' < 'b'", "1 + b'x'", "b'x' - b'y'",
    "b'a'[5]", "bytearray()[5]", "b'a'[str('x')]", "bytearray()[str('x')]", "'a' in b'a'", "300 in b'a'", "-1 in b'a'",
    "bytes('a')", "bytes(1.5)", "bytes([300])", "bytes(['a'])", "bytes(-1)", "bytes(b'a', 'utf8')", "bytes(encoding='x')",
    "bytes(errors='x')", "bytes('a', 'bogus')", "bytes(x=1)", "bytearray(1.5)", "bytearray([300])", "bytearray('a')",
    "bytearray(b'a', 'x')", "hash(bytearray())", "b'a'.find()", "b'a'.find('a')", "b'a'.find(1, 2, 3, 4)",
    "b'a'.count(300)", "b'a'.index(b'z')", "b'a'.rindex(b'z')", "b'a'.startswith('a')", "b'a'.startswith(['a'])",
    "b'a'.split(b'')", "b'a'.split('a')", "b'a'.strip('a')", "b'a'.join(['a'])", "b'a'.join([1])", "b'a'.join(5)",
    "b'a'.replace('a', 'b')", "b'a'.partition(b'')", "b'a'.partition('a')", "b'a'.center()", "b'a'.center(5, 'x')",
    "b'a'.center(5, b'xy')", "b'a'.zfill('a')", "b'a'.upper(1)", "b'a'.decode(1)", "b'\\xff'.decode()",
    "bytes.fromhex('zz')", "bytes.fromhex('a')", "bytes.fromhex(1)", "bytes.fromhex('0 1')", "b'a'.hex('')", "b'a'.hex('ab')",
    "b'a'.translate(b'ab')", "b'a'.translate(None, 'a')", "bytes.maketrans(b'a', b'bc')", "b'a'.removeprefix('a')",
    "b'a'.expandtabs('a')", "b'a'.split(maxsplit='a')", "b'a'.splitlines(1, 2)", "b'a'.ljust(3, b'')", "b'a'.count()",
    "b'a'.isalpha(1)", "b'a'.split(sep=b'a', bogus=1)",
    "bytearray(b'a').append('a')", "bytearray(b'a').append(256)", "bytearray(b'a').extend(5)", "bytearray(b'a').extend('ab')",
    "bytearray(b'a').pop(5)", "bytearray().pop()", "bytearray(b'a').remove(120)", "bytearray(b'a').insert(0, 300)",
    "memoryview('abc')", "memoryview(b'abc')[5]", "memoryview(b'abc')['a']", "memoryview(b'ab') < b'ab'",
    "hash(memoryview(bytearray(b'ab')))", "memoryview(b'a') + b'a'", "memoryview(b'ab').tobytes('Q')",
]:
    show(code)


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)


ba = bytearray(b"abc")


def setter(key, value):
    def run():
        ba[key] = value
    return run


attempt("ba[0] = b'a'", setter(0, b"a"))
attempt("ba[5] = 1", setter(5, 1))
attempt("ba[0] = 256", setter(0, 256))
attempt("ba[0:1] = 5", setter(slice(0, 1), 5))
attempt("ba[0:1] = 'a'", setter(slice(0, 1), "a"))
attempt("ba[::2] = b'x'", setter(slice(None, None, 2), b"x"))
mv = memoryview(b"ro")
attempt("ro mv", lambda: mv.__setitem__(0, 1))
wm = memoryview(bytearray(b"rw"))
attempt("mv 300", lambda: wm.__setitem__(0, 300))
attempt("mv bytes item", lambda: wm.__setitem__(0, b"x"))
attempt("mv size", lambda: wm.__setitem__(slice(0, 2), b"x"))
attempt("mv del", lambda: wm.__delitem__(0))
attempt("resize", lambda: bytearray.append(wm.obj, 1))
wm.release()
attempt("released", lambda: wm[0])
attempt("released obj", lambda: wm.obj)
b"abc" + "def"
