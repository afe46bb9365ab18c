# Class-body names are not visible inside comprehensions (except the first iterable).
class Config:
    base = 10
    ok = [i * 2 for i in range(base)]
    firsts = [b for b in [base]]


print(Config.ok[-1], Config.firsts)
try:
    class Broken:
        base = 10
        values = [base + i for i in range(3)]
except NameError as e:
    print("NameError:", e)

base = "global"


class Shadow:
    base = "class"
    seen = [base for _ in range(1)]


print(Shadow.seen)
