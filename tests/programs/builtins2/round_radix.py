print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.675, 2), round(1.23456, 3), round(123.456, -1))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(1234567, -3), round(2**70, -10), round(7, 2))
print(round(1e300, 5), round(0.1 + 0.2, 10), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, None))
class R:
    def __round__(self, n=None): return ("round", n)
print(round(R()), round(R(), 3), round(number=1.25, ndigits=1))
for bad in [(float('inf'),), (float('nan'),), ("x",), (1.5, "a")]:
    try:
        print(round(*bad))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(bin(0), bin(5), bin(-5), oct(0), oct(64), oct(-9), hex(0), hex(255), hex(-256), hex(2**70), bin(True))
class I:
    def __index__(self): return 42
print(bin(I()), hex(I()), oct(I()))
for f in (bin, oct, hex):
    try:
        f(1.5)
    except TypeError as e:
        print(e)
