print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(len, [])))
print(list(filter(None, [0, 1, '', 'a', [], [0], None])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(bool, [0, 2])), type(map(str, [])).__name__, type(filter(None, [])).__name__)
m = map(int, "123")
print(next(m), list(m), list(m))
try:
    map(str)
except TypeError as e:
    print(e)
try:
    filter(None)
except TypeError as e:
    print(e)
try:
    list(map(int, ["1", "x"]))
except ValueError as e:
    print(e)
try:
    map(None, 5)
except TypeError as e:
    print(e)
try:
    list(map(5, [1]))
except TypeError as e:
    print(e)
