# TypeErrors raised by class patterns, caught.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
not_a_class = 3
try:
    match 5:
        case not_a_class():
            pass
except TypeError as e:
    print(e)
