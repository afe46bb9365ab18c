# float.fromhex (correct rounding, subnormals, errors), int.bit_count, int.as_integer_ratio.
import sys
cases = ["0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p-1076", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023",
         "  0x1.ffffffffffffffp0 ", "1.0", "0x.8", "inf", "-Infinity", "nan", "0x0p0", "-0x0.0p+0", "0x1.00000000000008p0",
         "0x1.00000000000018p0", "0XABCp-3", "abc", "1p10", "0x1.5p+4"]
for c in cases + [x.hex() for x in [0.1, 1e-310, 5e-324, sys.float_info.max, -2.5]]:
    try:
        print(c, repr(float.fromhex(c)))
    except (ValueError, OverflowError) as e:
        print(c, type(e).__name__, e)
for bad in ["", "0x", "0xp1", "0x1p", "0x1.2.3", "0x1q", "--0x1"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    float.fromhex("0x1p1024")
except OverflowError as e:
    print(e)
class F(float): pass
print(type(F.fromhex("0x1p0")).__name__, (7).bit_count(), (-255).bit_count(), (2**100-1).bit_count(), (5).as_integer_ratio(), True.as_integer_ratio())
