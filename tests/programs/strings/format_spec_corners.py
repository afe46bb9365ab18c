# Corners of the format-spec mini-language: zero padding with thousands separators
# (the zeros are grouped too), the 0 flag with an explicit alignment, which separators go
# with which types, 'c' and 'z' restrictions, and the errors' order.

cases = [
    (123, '010,'),
    (1234567, '012,'),
    (-123, '010,'),
    (255, '#010_x'),
    (255, '010_b'),
    (12345.678, '012,.2f'),
    (-12345.678, '015,.1f'),
    (123, '08,'),
    (1, '05,'),
    (1234, '0=+10,'),
    (1234, '*=10,'),
    (1234.5, '010,'),
    (1234, '06,'),
    (1234, '07,'),
    (float('nan'), '010,'),
    (1e10, '020,.0f'),
    (12, '0>10,'),
    (1234, '0<10,'),
    (1234, 'x=10,'),
    (123456, '0=10_'),
    (0, '05_'),
    (1+2j, '020,'),
    (1234.5, '+012,.1f'),
    (12345, '011n'),
    (1234, '<010'),
    (1234, '^010'),
    ('ab', '05'),
    ('ab', '<05'),
    ('ab', '>05'),
    (1.5, '<08'),
    (1234, ' <10'),
    (5, 'z'),
    (5, 'zd'),
    (5, 'zx'),
    (65, '#c'),
    (65, '+c'),
    (65, ',c'),
    (65, '_c'),
    (65, '-c'),
    (65, ' c'),
    (1, ',x'),
    (1, '_x'),
    (1, ',b'),
    (1, ',n'),
    (1, '_n'),
    (1.5, ',n'),
    (1.5, '_e'),
    ('a', ',s'),
    ('a', '_'),
    ('a', 'z'),
    ('a', '#'),
    (1, '.2'),
    (1.5, '#'),
    (1, '#'),
    (1, '#d'),
    (1.0, 'x'),
    (1, 'f'),
    (True, 'c'),
    (10**20, 'c'),
    (1j, 'n'),
    (1j, ','),
    (1j, '%'),
    (1j, 'z'),
    (1, '<=5'),
    (1.5, '=^10'),
    (2.5, ' 10.1f'),
    (-2.5, ' .1f'),
    (1, 'z>5'),
    ('x', '\x00<5'),
    (1, '{'),
    (1, '5,,'),
    (1, '5_,'),
]
more = [(-0.0, 'z.1f'), (-0.00001, 'z.2f'), (-0.0, 'zg'), (-1e-10, 'z.3e'), (-0.0, 'z.1%'), (0.25, '%'), (-0.5, '+.0%'),
        (3.14159, '=+10.2f'), (-3, '*=8d'), (3, '0=8'), (-3.5, '08.2f'), (255, '#010x'), (123.0, '#g'), (1e-5, '#g'),
        (1e16, ''), (1.0, '.0'), (12.0, '.1'), (2.5, '.0f'), (0.125, '.2f'), (float('nan'), '08.2f'), (float('-inf'), '=+10'),
        (10**30, ','), (-10**30, '_x'), (True, 'd'), (False, '.2f'), (0x10FFFF, 'c'), (-1, 'c'), (1.5, 'd'), (1, 's'),
        (1234567.891, '_.2f'), (1234567.891, ',e'), (1e100, ',.0f'), (1, ',_'), (1, '_,'), (1, '__'), (1, ',,')]
for v, s in cases + more:
    try:
        print(repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)

# The same rules through str.format and f-strings.
print('{:010,}|{:#012_b}|{:<05}'.format(1234, 5, 7), f'{-1234.5:012,.1f}|{"ab":05}')

# int() of NaN (boxed) and of float subclasses.
class F(float):
    pass


for v in [float('nan'), F(2.5), F('nan'), float('-inf')]:
    try:
        print(int(v))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)

# Repetition that cannot fit an index: OverflowError for str and bytes, MemoryError otherwise.
for expr in ["'abc' * 2**62", "b'abc' * 2**62", "[1, 2] * 2**62", "bytearray(b'ab') * 2**62", "'ab' * 2**63"]:
    try:
        eval(expr)
    except (OverflowError, MemoryError) as e:
        print(expr, type(e).__name__, e)

# str() of SyntaxError instances.
try:
    compile('x = (1 +\n', 'dir/mod.py', 'exec')
except SyntaxError as e:
    print(str(e), '|', e.msg, e.lineno, e.filename)
print(str(SyntaxError('m', ('f.py', 3, 4, 'text', 3, 5))), '|', str(SyntaxError('m')), '|',
      str(SyntaxError('m', ('f', None, None, None))), '|', str(SyntaxError('m', (None, 5, 1, 't'))), '|',
      str(IndentationError('m', ('/a/b/f.py', 2, 1, 't'))))
