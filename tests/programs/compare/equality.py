# == and != across types; is / is not on objects.
print(1 == "1", None == 0, None == None, "" == 0, [] == 0)
print([] == [], [1, [2]] == [1, [2]], (1, 2) == (1, 2), (1,) == [1])
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {} == {})
print(True == 1, False == 0, True == 2, 1.0 == 1, "a" == "a")
print(2 ** 100 == 2.0 ** 100, [1.0, 2] == [1, 2.0], (0.0,) == (-0.0,))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, a != c)
x = None
print(x is None, x is not None, None is None)
print(True is True, False is not True)
