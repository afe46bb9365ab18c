# __format__ receives the format spec from format(), str.format and f-strings.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return "%d.%02d" % divmod(self.cents, 100)
        if spec == "cents":
            return str(self.cents) + "c"
        return format(self.cents / 100, spec)

    def __str__(self):
        return "Money"


m = Money(1234)
print(format(m), format(m, "cents"))
print("{}|{:cents}|{:>10.1f}".format(m, m, m))
print(f"{m}|{m:cents}|{m:08.3f}|{m!s}")
width = 6
print(f"{m:{width}.1f}")


class Plain:
    def __str__(self):
        return "plain"


print(format(Plain()), f"{Plain()}")
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
