# binascii (hex with separators, base64 incl. strict mode, uuencode, quoted-printable,
# crc32, crc_hqx, errors) and the base64 and quopri modules built on it.
import binascii, base64, quopri

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("OK", repr(r))
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(0, 256, 7)) + b'hello world'
print(binascii.hexlify(data), binascii.b2a_hex(b'\xb9\x01\xef', b'_', 2), binascii.hexlify(b'\xb9\x01\xef', ':'))
print(binascii.hexlify(b'abcde', '-', -2), binascii.hexlify(b'abcde', '-', 2), binascii.hexlify(b'abcde', ':', 0))
print(binascii.unhexlify(b'B901ef'), binascii.a2b_hex('00ff'), binascii.unhexlify(memoryview(b'ab')))
print(binascii.b2a_base64(data), binascii.b2a_base64(b'ab', newline=False), binascii.a2b_base64('YWJj\n'))
print(binascii.a2b_base64(b'YW!Jj'), binascii.a2b_base64(b'YQ==YQ=='))
for d in [b'YQ==YQ==', b'YQ=a=', b'Y=Q=', b'YWJj=', b'YWJj=a', b'YWJjY=', b'=YQ==', b'YW!J', b'YWJj==']:
    t(binascii.a2b_base64, d, strict_mode=True)
for d in [b'Y', b'YWJjY', b'YQ', b'YQ=']:
    t(binascii.a2b_base64, d)
uu = binascii.b2a_uu(b'The quick brown fox')
print(uu, binascii.a2b_uu(uu), binascii.b2a_uu(b'\x00\x00', backtick=True), binascii.b2a_uu(b''))
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'#86)C\n'), binascii.a2b_uu(b'#86)C   \n'))
print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'abc', -1))
print(binascii.crc_hqx(b'hello world', 0), binascii.crc_hqx(b'abc', 0xffff), binascii.crc_hqx(b'abc', 2**70))
text = b'caf\xc3\xa9 = ok\t\nline with trailing space \nx' + b'y' * 100 + b'\r\n.\n'
enc = binascii.b2a_qp(text)
print(enc)
print(binascii.b2a_qp(text, quotetabs=True), binascii.b2a_qp(text, istext=False), binascii.b2a_qp(b'a b_c', header=True))
print(binascii.a2b_qp(enc) == text, binascii.a2b_qp(b'a=3D=\nb=XYc==d_e', header=True), binascii.a2b_qp('=4'))
print(binascii.Error.__mro__, binascii.Incomplete.__mro__, binascii.__doc__)

for args in [(binascii.a2b_hex, b'0g'), (binascii.a2b_hex, b'abc'), (binascii.unhexlify, 'abé'),
             (binascii.unhexlify, 5), (binascii.hexlify, 'abc'), (binascii.a2b_uu, b'!\x7f'),
             (binascii.a2b_uu, b'!!!!!x'), (binascii.b2a_uu, b'x' * 46), (binascii.crc_hqx, b'abc'),
             (binascii.crc32, b'abc', 1.0), (binascii.hexlify, b'abc', '::'), (binascii.hexlify, b'abc', 1),
             (binascii.hexlify, b'abc', bytearray(b':')), (binascii.hexlify, b'abc', 'ā'),
             (binascii.hexlify, b'abcdef', '-', 2**70), (binascii.a2b_hex,), (binascii.b2a_hex,)]:
    t(*args)
t(binascii.hexlify, b'abc', sep='é')
t(binascii.crc32, b'abc', crc=1)
t(binascii.a2b_qp, b'a_b', header=1.5)
t(binascii.b2a_base64, b'abc', newline=[])
t(binascii.a2b_base64, b'YWJj', strict_mode='')

# base64 on top of binascii.
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)) == data)
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode(b'-__-'), base64.standard_b64encode(b'x'))
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'+/+/', validate=True))
print(base64.b32encode(b'hello'), base64.b32decode(b'NBSWY3DP'), base64.b32hexencode(b'hello'))
print(base64.b16encode(b'\x01\xab'), base64.b16decode(b'01AB'), base64.b16decode(b'01ab', casefold=True))
print(base64.a85encode(b'hello world'), base64.a85decode(base64.a85encode(b'hello world')))
print(base64.b85encode(b'hello world'), base64.b85decode(base64.b85encode(b'hello world')))
print(base64.encodebytes(data * 3), base64.decodebytes(base64.encodebytes(data)) == data)
t(base64.b64decode, b'YWJ', validate=False)
t(base64.b64decode, b'YW!J', validate=True)
t(base64.b64decode, 'é')
t(base64.b16decode, b'0g')
t(base64.b32decode, b'NBSWY3D')
print(quopri.encodestring(text), quopri.decodestring(quopri.encodestring(text)) == text)
binascii.a2b_base64(b'YQ')
