# A matrix of format specs (fill/align, sign, z, #, 0, width, grouping, precision, type)
# over values of every formattable core type, compared line by line with CPython.
import random

random.seed(7)
vals = [0, -1, 1234567, True, -0.0, 0.5, -1234.5678, 1e16, 1e-7, float('inf'), float('nan'),
        -1.5 - 0.25j, 0j, 'abc']
parts = [['', 'x<', '*>', '0=', '^', '='], ['', '+', ' ', '-'], ['', 'z', '#', '0', 'z#0'], ['', '1', '12'],
         ['', ',', '_'], ['', '.0', '.3'], ['', 'd', 'f', 'e', 'g', '%', 'x', 'b', 'n', 's', 'c', 'G', 'o']]
specs = sorted({''.join(random.choice(p) for p in parts) for _ in range(60)})
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except (ValueError, TypeError, OverflowError) as e:
            row.append(type(e).__name__[0] + ':' + str(e)[:25])
    print(repr(v), row)

# printf-style, str and bytes.
pspecs = sorted({'%' + random.choice(['', '-', '+', ' ', '#', '0', '+#0']) + random.choice(['', '1', '8'])
                 + random.choice(['', '.0', '.3']) + random.choice('diouxXeEfgcrsa') for _ in range(40)})
for v in [0, -255, 2**70, -0.0, 1234.5678, float('nan'), True, 'é', b'xy', None]:
    row = []
    for s in pspecs:
        for fmt, arg in [(s, v), (s.encode(), v.encode() if isinstance(v, str) else v)]:
            try:
                row.append(fmt % (arg,))
            except (ValueError, TypeError, OverflowError) as e:
                row.append(type(e).__name__[0] + ':' + str(e)[:30])
    print(repr(v), row)
