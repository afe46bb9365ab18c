# Subclassing int: __new__, repr override, arithmetic returns plain int.
class Even(int):
    def __new__(cls, value):
        if value % 2:
            raise ValueError("odd: %d" % value)
        return super().__new__(cls, value)

    def __repr__(self):
        return "Even(%d)" % int(self)

    def half(self):
        return self // 2


e = Even(10)
print(e, repr(e), e.half(), e + 1, type(e + 1).__name__)
print(isinstance(e, int), e == 10, hash(e) == hash(10), {10: "x"}[e])
try:
    Even(3)
except ValueError as err:
    print(err)


class Flag(int):
    def __str__(self):
        return "Flag" + int.__str__(self)


print(str(Flag(3)), f"{Flag(3)}", Flag(3) * 2, [Flag(1)])
print(Flag("12"), Flag("ff", 16))
