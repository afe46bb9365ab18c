# RecursionError raised through __repr__ calling repr on itself.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"


try:
    repr(Loop())
except RecursionError as e:
    print("caught", type(e).__name__)


class Node:
    def __init__(self):
        self.child = self

    def __repr__(self):
        return "Node<%r>" % (self.child,)


try:
    print(Node())
except RecursionError:
    print("caught again")

# A self-containing list is handled by the builtin repr.
lst = [1]
lst.append(lst)
print(lst)
d = {}
d["me"] = d
print(d)
