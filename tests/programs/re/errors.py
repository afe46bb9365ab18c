# Error messages: the engine's TypeErrors, the parser's re.error.
import re

for call in (
    lambda: re.match('a', 5),
    lambda: re.match('a', None),
    lambda: re.match('a', b'a'),
    lambda: re.compile('a').search(['a']),
    lambda: re.compile(r'(a)').match('a').group(2),
    lambda: re.compile(r'(a)').match('a')['x'],
    lambda: re.compile(r'(a)').match('a').start(3),
    lambda: re.compile('a').match('a', pos='x'),
    lambda: re.compile('a').match(),
    lambda: re.compile('a').match('a', 0, 1, 2),
    lambda: re.compile('a').match('a', foo=1),
):
    try:
        print(call())
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

for pattern in ('(', 'a)', '[a', '*a', 'a**', '(?P<1>a)', r'\1', '(?<=a+)b', 'x{2,1}', r'\p', '(?z)'):
    try:
        re.compile(pattern)
    except re.error as e:
        print(repr(pattern), 'error:', e, e.pos)

print(re.compile('a', re.I).flags, re.compile(r'(?x)a').flags & re.VERBOSE)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print('ValueError', e)
