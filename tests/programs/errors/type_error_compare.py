# Ordering comparisons between str and int are not supported.
print("a" == 1, "a" != 1)
print("a" < 1)
