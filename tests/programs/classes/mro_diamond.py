# Multiple inheritance: C3 linearization and cooperative super().
class Base:
    def who(self):
        return ["Base"]


class Left(Base):
    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    def who(self):
        return ["Right"] + super().who()


class Bottom(Left, Right):
    def who(self):
        return ["Bottom"] + super().who()


print([c.__name__ for c in Bottom.__mro__])
print(Bottom().who())
print([c.__name__ for c in Bottom.mro()])


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Mix(K1, K2, K3): pass


print([c.__name__ for c in Mix.__mro__])
print(Mix.__bases__ == (K1, K2, K3))
