# Subclassing list: extra methods, overridden append, isinstance and slicing type.
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]

    def append(self, x):
        print("append", x)
        super().append(x)


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__)
s.extend([4, 5])
print(s)
print(type(s[1:]).__name__, type(s + [1]).__name__)
s.label = "mine"
print(s.label, s == [1, 2, 3, 4, 5])


class Sorted(list):
    def __init__(self, items):
        super().__init__(sorted(items))

    def __repr__(self):
        return "Sorted(" + list.__repr__(self) + ")"


print(Sorted([3, 1, 2]))
