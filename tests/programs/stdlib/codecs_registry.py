# _codecs: the registry with CPython's encodings package, codec functions, error handlers.
import codecs
print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('cp1252').name)
print(codecs.encode('héllo', 'cp1252'), codecs.decode(b'h\xe9llo\x80', 'cp1252'))
print(codecs.utf_8_decode(b'ab\xc3', None, False), codecs.utf_8_decode(b'ab\xc3\xa9', None, True))
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), repr(d.decode(b'\xac')))
print(codecs.unicode_escape_encode('a\n\té\u1234')[0], codecs.unicode_escape_decode(b'a\\n\\x41\\u00e9')[0])
print(codecs.escape_decode(b'\\x41\\n')[0], codecs.raw_unicode_escape_decode(b'\\u00e9x')[0])
try: codecs.lookup('nope')
except LookupError as e: print(e)
print(codecs.lookup_error('strict'), codecs.strict_errors)
print('abc'.encode('utf-16'), codecs.decode(b'\xff\xfea\x00', 'utf-16'))
print(codecs.charmap_build('ab')[98])
try:
    codecs.decode(b'\x81', 'cp1252')
except UnicodeDecodeError as e:
    print(e)
print(codecs.encode(b'ab', 'hex') if False else "skip-hex", codecs.latin_1_encode('é'), codecs.ascii_decode(b'ok'))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a', 'strict', 0, True))
print(str(b'caf\xc3\xa9', 'utf-8'), str(b'\xe9', encoding='latin-1'), str(b'x', errors='strict'))
for bad in [("x", "utf-8"), (1, "utf-8")]:
    try:
        str(*bad)
    except TypeError as e:
        print("TypeError", e)
