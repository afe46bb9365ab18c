# `and`, `or` and `not` (JUMP_IF_*_OR_POP, UNARY_NOT) over bools, ints, None and objects
# whose truth comes from __bool__ or __len__, including errors raised by __bool__.


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v

    def __repr__(self):
        return f"B({self.v})"


class L:
    def __len__(self):
        return 0

    def __repr__(self):
        return "L()"


class Bad:
    def __bool__(self):
        return "yes"


values = [True, False, 0, 1, -3, None, 2**70, 0.0, "", "x", [], [0], B(True), B(False), L()]
for a in values:
    print(repr(a)[:10], a and 7, a or 7, not a, (a and a) or None)
print(0 or None or 5, 1 and 2 and 3, 1 and 0 and 3, None or 0 or "")
x = 5
print(x > 3 and x < 10, x < 3 or x == 5, not (x == 5) or "fallback")
for bad in (lambda: Bad() and 1, lambda: Bad() or 1, lambda: not Bad()):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
