# struct's errors, as CPython 3.11 words them: range checks per byte order, argument
# conversion, buffer sizes and offsets, format syntax, and argument binding.
import struct

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

vals = [2**70, -2**70, 2**64, 2**63, -2**63 - 1, 2**32, 2**31, -2**31 - 1, 2**16, 2**15, -2**15 - 1, 256, 128, -129, -1]
for mode in '@=<>!':
    for c in 'bBhHiIlLqQnNP':
        if c in 'nNP' and mode != '@':
            continue
        out = []
        for v in vals:
            try:
                struct.pack(mode + c, v)
                out.append('ok')
            except Exception as e:
                out.append(type(e).__name__ + ':' + str(e))
        print(mode + c, ' | '.join(out))

class Bad:
    def __index__(self):
        raise ValueError("bad index")
class BadBool:
    def __bool__(self):
        raise ValueError("bad bool")
for args in [('i', 'x'), ('i', 1.5), ('f', 'x'), ('<f', 1e300), ('e', 1e300), ('<e', 10**6),
             ('<f', 10**39), ('@e', 10**6), ('<d', 10**400), ('c', b'ab'), ('c', 'a'), ('c', 1),
             ('s', 'a'), ('p', 1), ('3s', memoryview(b'ab')), ('i',), ('i', 1, 2), ('z',), ('3',), ('é',),
             (1,), (), ('2 h', 1), ('<P', 3), ('\0',), ('i\0', 1), ('i', Bad()), ('?', BadBool()),
             ('<Q', 1.0), ('>q', 'x'), ('P', 1.0), ('>e', 'x'), ('hi', 1), ('x', 1),
             ([1], 1), (bytearray(b'i'), 1)]:
    t(struct.pack, *args)
t(struct.pack, 'i', x=1)
t(struct.calcsize, '99999999999999999999i')
t(struct.calcsize, '4611686018427387904i')
t(struct.calcsize)
t(struct.calcsize, 'i', 'i')
t(struct.calcsize, format='i')

t(struct.unpack, 'i', b'abc')
t(struct.unpack, '<i', b'abcdef')
t(struct.unpack, '<i', 'abcd')
t(struct.unpack, 'i')
t(struct.unpack, 'i', buffer=b'abcd')
t(struct.unpack, '0p', b'')
t(struct.unpack_from, 'i', b'abc')
t(struct.unpack_from, 'i', b'abcdef', 4)
t(struct.unpack_from, 'i', b'abcdef', -1)
t(struct.unpack_from, 'i', b'abcdef', -10)
t(struct.unpack_from, 'i', b'abcdefgh', 2**70)
t(struct.unpack_from, 'i', b'abcdefgh', 'x')
t(struct.unpack_from, buffer=b'abcdef')
t(struct.unpack_from, format='i', buffer=b'abcdef')
t(struct.unpack_from, b'i', format='i', buffer=b'abcd')
t(struct.unpack_from, 'i', b'abcd', 0, 1)
t(struct.unpack_from, 'i', b'abcd', bogus=1)

t(struct.pack_into)
t(struct.pack_into, 'i')
t(struct.pack_into, 'i', bytearray(4))
t(struct.pack_into, 'i', bytearray(4), 0)
t(struct.pack_into, 'i', bytearray(4), 0, 1, 2)
t(struct.pack_into, 'i', bytearray(3), 0, 1)
t(struct.pack_into, 'i', bytearray(8), 6, 1)
t(struct.pack_into, 'i', bytearray(8), -2, 1)
t(struct.pack_into, 'i', bytearray(8), -20, 1)
t(struct.pack_into, 'i', b'abcdefgh', 0, 1)
t(struct.pack_into, 'i', bytearray(8), 'x', 1)
t(struct.pack_into, 'i', bytearray(8), 2.0, 1)
t(struct.pack_into, 'i', bytearray(8), 2**70, 1)
t(struct.pack_into, 'i', x=1)

t(struct.iter_unpack, 'i', b'abcde')
t(struct.iter_unpack, '', b'abcde')
t(struct.iter_unpack, 'i', 'abcd')
t(struct.iter_unpack, 'i')
t(struct.iter_unpack, 'i', buffer=b'abcd')
it = struct.iter_unpack('i', b'abcd')
t(next, it)
t(next, it)
t(type(it))

s = struct.Struct('i')
t(struct.Struct)
t(struct.Struct, 'i', 'x')
t(struct.Struct, 'i', format='i')
t(struct.Struct, x=1)
t(struct.Struct, format='i', x=1)
t(struct.Struct, 3)
t(struct.Struct, bytearray(b'i'))
t(struct.Struct, 'é')
t(s.pack, x=1)
t(s.pack)
t(s.pack_into, x=1)
t(s.pack_into)
t(s.pack_into, bytearray(4))
t(s.unpack)
t(s.unpack, b'abcd', b'x')
t(s.unpack, buffer=b'abcd')
t(s.unpack, 'abcd')
t(s.unpack_from)
t(s.unpack_from, b'abcd', 0, 1)
t(s.iter_unpack)
t(s.iter_unpack, b'', b'')
t(s.iter_unpack, b'abc')
t(struct.Struct.pack, 1)
t(struct.Struct.size.__get__, 1)
t(struct.Struct.__new__(struct.Struct).pack)
t(struct._clearcache, 1)
struct.unpack('>i', b'\x00\x00')
