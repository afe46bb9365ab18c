# Integer literal forms.
print(0, 00, 42, -42, 1_000_000, 0x_ff)
print(0xFF, 0Xff, 0o777, 0O17, 0b1010, 0B11)
print(0xDEADBEEF, 0b1111_0000, 123_456_789_012_345_678_901)
print(1e3, 1E-2, 1_0.5, .5, 5., 0.000_1)
