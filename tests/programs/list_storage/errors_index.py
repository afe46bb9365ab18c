a = [True, False] * 3
print(a[-6], a[5])
a[-6] = 1
print(a)
b = [1.5] * 2
try:
    b[2]
except IndexError as e:
    print("IndexError", e)
try:
    b[-3] = 0.5
except IndexError as e:
    print("IndexError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1, 2].pop(5)
except IndexError as e:
    print("IndexError", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2].index(3.5)
except ValueError as e:
    print("ValueError", e)
try:
    [1] * (2**62)
except MemoryError as e:
    print("MemoryError", e)
try:
    i = 1.0
    [1, 2][i]
except TypeError as e:
    print("TypeError", e)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError", e)
c = [1, 2, 3]
c[2**40]
