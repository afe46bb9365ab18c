# __cause__, __context__ and __suppress_context__ set by raise/from.
def show(e):
    print(type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)


try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("explicit") from z
except ValueError as e:
    show(e)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None
except ValueError as e:
    show(e)

try:
    raise KeyError("k") from TypeError("t")
except KeyError as e:
    show(e)

e = RuntimeError("fresh")
show(e)
e.__suppress_context__ = True
print(e.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as t:
    print(t)
