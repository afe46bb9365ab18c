# The native hash modules' constructors, methods and errors, as CPython 3.11's builtin
# (non-OpenSSL) modules have them.
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("OK", type(r).__name__, r if isinstance(r, (str, bytes, int)) else '')
    except Exception as e:
        print(type(e).__name__, e)

for m in (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
    print(m.__name__, sorted(n for n in dir(m) if not n.startswith('__')))
print(type(_sha3.sha3_224).__name__, type(_md5.md5).__name__, type(_blake2.blake2b).__name__)
h = _md5.md5(b'abc')
print(type(h).__name__, type(h).__module__, h.name, h.digest_size, h.block_size, _md5.MD5Type is type(h))
s = _sha3.shake_128(b'abc')
print(s.name, s.digest_size, s.block_size, s.hexdigest(10), s._capacity_bits, s._rate_bits, s._suffix)
print(_sha3.sha3_384()._suffix, _sha3.sha3_384()._rate_bits, _sha3.sha3_384()._capacity_bits)
b = _blake2.blake2b(b'abc', digest_size=20, key=b'k', salt=b's', person=b'p')
print(b.name, b.digest_size, b.block_size, b.hexdigest(), b.copy().hexdigest())
print(_blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_SALT_SIZE, _sha3.implementation, _sha3.keccakopt)
print(_md5.md5(string=b'a').hexdigest(), _md5.md5(b'a', usedforsecurity=False).hexdigest(), _sha3.sha3_224(usedforsecurity=False).hexdigest())
t(_md5.md5, 'abc')
t(_md5.md5, 1)
t(_md5.md5, b'a', b'b')
t(_md5.md5, data=b'a')
t(_md5.md5().update, 'x')
t(_md5.md5().update, 1)
t(_md5.md5().update)
t(_md5.md5().update, b'a', b'b')
t(_md5.md5().digest, 1)
t(_sha1.sha1().hexdigest, 1)
t(_sha256.sha224().copy, 1)
t(_sha3.sha3_224, 'abc')
t(_sha3.sha3_224, 1)
t(_sha3.sha3_224, data=b'x')
t(_sha3.sha3_224, b'x', b'y')
t(_sha3.shake_128(b'').digest)
t(_sha3.shake_128(b'').digest, -1)
t(_sha3.shake_128(b'').digest, 2**40)
t(_sha3.shake_128(b'').hexdigest, 2**29)
t(_sha3.shake_128(b'').digest, 'x')
t(_sha3.shake_128(b'').digest, length=3)
t(_sha3.shake_256(b'').hexdigest, 0)
t(_sha3.sha3_224().update, 'x')
for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b'x' * 65), dict(salt=b'x' * 17), dict(person=b'x' * 17),
           dict(fanout=256), dict(depth=0), dict(depth=256), dict(leaf_size=2**32), dict(leaf_size=-1),
           dict(node_offset=2**64), dict(node_depth=256), dict(inner_size=65), dict(key='x'), dict(digest_size='x'),
           dict(bogus=1), dict(data=b'x'), dict(digest_size=2**40)]:
    t(_blake2.blake2b, **kw)
for kw in [dict(digest_size=33), dict(key=b'x' * 33), dict(salt=b'x' * 9), dict(node_offset=2**48)]:
    t(_blake2.blake2s, **kw)
t(_blake2.blake2b, 'x')
t(_blake2.blake2b, b'x', b'y')
t(_blake2.blake2b(b'x').update, 'x')
t(_sha3.shake_128.digest, 1, 1)
t(type(_md5.md5()))
