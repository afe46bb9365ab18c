# Subclassing str: methods return plain str, new methods and __new__.
class Shout(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())

    def exclaim(self):
        return self + "!"


s = Shout("hello")
print(s, len(s), s.exclaim(), type(s.exclaim()).__name__)
print(type(s.lower()).__name__, s.lower(), isinstance(s, str))
print(s == "HELLO", s[1:3], "ELL" in s)


class Tagged(str):
    tag = "t"


t = Tagged("abc")
t2 = Tagged("abc")
print(t == t2, t.tag, t.upper(), repr(t))
print({t: 1}["abc"])
