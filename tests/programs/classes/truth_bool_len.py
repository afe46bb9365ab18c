# Truth testing uses __bool__, then __len__, else the object is true.
class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool called")
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("len called")
        return self.n


class Both(B, L):
    def __init__(self):
        B.__init__(self, False)
        L.__init__(self, 5)


class Nothing:
    pass


print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)))
print(bool(Both()))
print(bool(Nothing()))
if not L(0):
    print("empty")
print(B(False) or "alt")
print(len(L(7)))
x = L(2) and "yes"
print(x)
try:
    bool(B(1))
except TypeError as e:
    print(e)
try:
    len(L(-1))
except ValueError as e:
    print(e)
