# int(), __index__ and operators on int subclasses give exact ints.
class I(int):
    pass


for v in [I(3), I(-2**70), True]:
    for r in [int(v), v.__index__(), +v, -v, abs(v), v * 1, v.conjugate()]:
        print(type(r).__name__, r, end="; ")
    print()
print(type(int(I(5)) + 0).__name__, int(I(5)) is not I(5))
