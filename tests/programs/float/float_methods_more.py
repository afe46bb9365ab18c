# float.as_integer_ratio, hex, real/imag, __trunc__/__floor__/__ceil__, __getnewargs__.
for x in [0.5, 1.5, -0.1, 1e300, 5e-324, 0.0, -0.0, 3.0, 2.5e-310]:
    print(x.as_integer_ratio(), x.hex(), x.real, x.imag, x.__trunc__(), x.__floor__(), x.__ceil__(), x.__getnewargs__())
for bad in [float('inf'), float('nan')]:
    for m in ['as_integer_ratio', '__floor__']:
        try: getattr(bad, m)()
        except (OverflowError, ValueError) as e: print(type(e).__name__, e)
print(float('inf').hex(), float('-inf').hex(), float('nan').hex())
