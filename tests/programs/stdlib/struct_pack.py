# struct: every format character in every byte order, alignment, Struct objects,
# pack_into/unpack_from/iter_unpack, half floats, and the format cache.
import struct

values = {'b': -5, 'B': 200, 'h': -3000, 'H': 60000, 'i': -70000, 'I': 4000000000,
          'l': -2**31, 'L': 2**32 - 1, 'q': -2**63, 'Q': 2**64 - 1, '?': True,
          'e': 1.5, 'f': 0.1, 'd': 1e300, 'c': b'z'}
for mode in '@=<>!':
    for ch, v in values.items():
        data = struct.pack(mode + ch, v)
        print(mode + ch, data.hex(), struct.unpack(mode + ch, data), struct.calcsize(mode + ch))
for ch, v in [('n', -3), ('N', 2**63), ('P', 12345)]:
    data = struct.pack(ch, v)
    print(ch, data.hex(), struct.unpack(ch, data))

# Alignment in native mode only; a zero count still aligns.
for fmt in ['bi', 'ib', 'b?h', 'cP', 'bq', 'hd', 'bf', 'be', 'bn', 'b0i', 'b0l', '?x?',
            '3s', '0s', '5p', 'bxxi', 'i 2h', 'h\t\ni', '<bi', '!bi', '10x', 'Pc', '=bi', '']:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack('@bhbibq', 1, 2, 3, 4, 5, 6).hex())
print(struct.pack('>bhbibq', 1, 2, 3, 4, 5, 6).hex())

# Strings: s pads and truncates, p stores a length byte.
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcd'), struct.pack('3s', bytearray(b'xy')))
print(struct.pack('5p', b'hello world'), struct.pack('3p', b'a'), struct.pack('1p', b'abc'))
print(struct.unpack('5p', b'\x09abcd'), struct.unpack('2c3s', b'abcde'))
long_p = struct.pack('300p', b'x' * 300)
print(long_p[:3], len(long_p), len(struct.unpack('300p', long_p)[0]))
print(struct.unpack('xbx', b'\x00\x05\x00'), struct.pack('2x'), struct.pack('?', []), struct.unpack('?', b'\x05'))

# Half and single floats: rounding, overflow, infinities, NaN.
for x in [65504.0, 1e-8, 5.960464477539063e-08, 2.9802322387695312e-08, 2.98023223876953126e-08,
          float('inf'), float('-inf'), -0.0, 0.333, 1/3]:
    print(x, struct.pack('<e', x).hex(), struct.unpack('<e', struct.pack('<e', x)), struct.pack('>f', x).hex())
for raw in [b'\x00\x7c', b'\x01\x7c', b'\x01\x00', b'\x00\xfc', b'\xff\x7b']:
    print(raw, struct.unpack('<e', raw))
print(struct.pack('<e', float('nan')).hex(), struct.pack('<f', float('nan')).hex(), struct.pack('@f', 1e300).hex())
print(struct.pack('<f', 3.4028235e38).hex(), struct.pack('<f', 1e-50).hex(), struct.unpack('<f', b'\x01\x00\x80\x7f'))
print(struct.pack('<d', 10), struct.pack('i', True), struct.pack('?', 0.0))

class Idx:
    def __index__(self):
        return 7
class Flt:
    def __float__(self):
        return 2.5
print(struct.pack('i', Idx()), struct.pack('d', Idx()), struct.pack('d', Flt()))

# Struct objects.
s = struct.Struct('<ih')
print(s.format, s.size, type(s.format).__name__, struct.Struct(b'>q').format)
print(s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'), s.unpack_from(b'xx\x01\x00\x00\x00\x02\x00', 2))
print(s.unpack_from(buffer=b'\x01\x00\x00\x00\x02\x00', offset=0))
it = s.iter_unpack(b'\x01\x00\x00\x00\x02\x00' * 3)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00')))
s.__init__('b')
print(s.format, s.size, s.pack(-1))
class S(struct.Struct):
    pass
sub = S('>H')
print(sub.size, sub.format, sub.pack(258), isinstance(sub, struct.Struct))
sub.extra = 1
print(sub.extra)
blank = struct.Struct.__new__(struct.Struct)
print(blank.size, repr(blank.format))
print(struct.Struct.__doc__.splitlines()[0], struct.Struct.size.__class__.__name__)

# pack_into and unpack_from with offsets, negative too; memoryview targets.
buf = bytearray(10)
struct.pack_into('<hh', buf, 2, 1, -1)
print(buf)
struct.pack_into('<h', buf, -2, 0x4142)
print(buf, struct.unpack_from('<h', buf, -2), struct.unpack_from('<h', buf))
mv = memoryview(buf)
struct.pack_into('>i', mv, 4, 0x01020304)
print(buf, struct.unpack_from('>i', mv, 4), struct.unpack('<i', memoryview(b'abcdef')[1:5]))
partial = bytearray(8)
try:
    struct.pack_into('<ii', partial, 0, 1, 'x')
except struct.error as e:
    print('partial', partial, e)

# The format cache accepts equal keys of other types (CPython's quirk) and is clearable.
print(struct.pack(b'i', 1) == struct.pack('i', 1), struct.calcsize(b'ii'))
struct._clearcache()
print(struct.calcsize('iii'))
print(sorted(n for n in dir(struct) if not n.startswith('__')))
print(struct.__doc__.splitlines()[0])
print(struct.error.__module__, struct.error.__mro__, repr(struct.error('x')))
