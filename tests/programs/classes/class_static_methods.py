# classmethod receives the class, staticmethod receives nothing extra.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (type(self).__name__, self.y, self.m, self.d)


class MyDate(Date):
    pass


print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(MyDate(1, 2, 3).from_string("2000-01-01"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__)
print(sm.__func__(2023))
print(Date.from_string.__self__ is Date)
