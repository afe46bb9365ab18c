# Uncaught RecursionError from an infinitely recursive __repr__.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"


class Fine:
    def __repr__(self):
        return "Fine()"


print("before", Fine())
print(Loop())
