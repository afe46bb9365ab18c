# Modulo by zero with ints.
values = [5, 3, 0]
for v in values:
    print(17 % v)
