# Too many positional sub-patterns for a class's __match_args__.
class P:
    __match_args__ = ("x",)

    def __init__(self, x):
        self.x = x


print("matching")
match P(1):
    case P(a, b):
        print("never")
