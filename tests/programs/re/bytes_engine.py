# Bytes subjects. Bytes patterns are compiled from their str form through re's own
# compiler and given to _sre.compile, so this tests the engine over bytes even while
# str(b, 'latin1') (which re's tokenizer uses for bytes patterns) is missing.
import re, _sre
from re import _parser, _compiler

def bcompile(pattern, flags=0):
    p = _parser.parse(pattern, flags | re.ASCII)
    code = _compiler._code(p, flags | re.ASCII)
    return _sre.compile(pattern.encode('latin1'), p.state.flags, code, p.state.groups - 1,
                        p.state.groupdict, tuple([None] * p.state.groups))

p = bcompile(r'\d+')
print(p.findall(b'a1b22c333'), p.search(bytearray(b'xx42')), p.search(memoryview(b'x7')))
print(bcompile(r'(\w+)@(\w+)').sub(lambda m: m.group(2) + b' at ' + m.group(1), b'joe@example'))
print(bcompile(r',').split(b'a,b,,c'), bcompile(r'(?i)abc').match(b'xABC', 1))
print(bcompile(r'[\x80-\xff]+').search(b'abc\xe9\xff!'))
print(bcompile(r'\s+').sub(b' ', b'a \t\n b'))
print(bcompile(r'\bfoo\b').search(b'a foo b'))
print(bcompile(r'x').sub(lambda m: m.group().upper(), b'axbx'))
for bad in (lambda: p.match('12'), lambda: re.compile('a').match(b'a'), lambda: p.sub('x', b'1')):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('1')), _sre.unicode_iscased(0x3a3))
print(_sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(0x3a3), _sre.unicode_tolower(0x130))
