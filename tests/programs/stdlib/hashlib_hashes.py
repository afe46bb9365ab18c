# hashlib on the native hash modules (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
# digests of every guaranteed algorithm, update/copy, BLAKE2 keys, salts, personalization
# and digest sizes, hmac and file_digest.
import hashlib, _md5, _sha1, _sha256, _sha512, _sha3, _blake2
data = [b'', b'abc', b'a' * 1000, bytes(range(256)) * 3]
for name in sorted(hashlib.algorithms_guaranteed):
    for d in data:
        h = hashlib.new(name, d)
        if name.startswith('shake'):
            print(name, h.hexdigest(20), h.digest(3), h.name, h.digest_size, h.block_size)
        else:
            print(name, h.hexdigest(), h.name, h.digest_size, h.block_size)
for ctor in (hashlib.md5, hashlib.sha1, hashlib.sha224, hashlib.sha256, hashlib.sha384, hashlib.sha512, hashlib.sha3_256, hashlib.blake2b, hashlib.blake2s):
    h = ctor(b'hello ')
    c = h.copy()
    h.update(b'world')
    c.update(memoryview(b'there'))
    c.update(bytearray(b'!'))
    print(h.hexdigest(), c.hexdigest(), ctor(b'hello world').digest() == h.digest())
for kw in [dict(digest_size=20), dict(key=b'secret'), dict(salt=b'salty'), dict(person=b'me'), dict(key=b'k' * 64, digest_size=1),
           dict(key=b'k', salt=b's', person=b'p', digest_size=33)]:
    print(kw, hashlib.blake2b(b'msg', **kw).hexdigest())
    kw2 = {k: (v[:8] if isinstance(v, bytes) and k != 'key' else v[:32] if isinstance(v, bytes) else min(v, 32)) for k, v in kw.items()}
    print(kw2, hashlib.blake2s(b'msg', **kw2).hexdigest())
print(hashlib.blake2b(key=b'only key').hexdigest(), hashlib.blake2s(key=b'k'*32).hexdigest())
print(hashlib.sha256(b"abc").hexdigest(), sorted(hashlib.algorithms_guaranteed))
import hmac
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.digest(b'key', b'msg', 'md5').hex(), hmac.compare_digest(b'a', b'a'))
print(hashlib.file_digest(__import__('io').BytesIO(b'file data'), 'sha1').hexdigest())
