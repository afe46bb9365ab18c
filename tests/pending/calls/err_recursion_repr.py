# Uncaught RecursionError from an infinitely recursive __repr__.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"


print("before")
print(Loop())
