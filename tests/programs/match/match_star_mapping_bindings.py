# Bindings from failed alternatives, star captures and mapping rest are fresh objects.
data = {"a": 1, "b": 2, "c": 3}
match data:
    case {"a": 1, **others}:
        others["z"] = 26
        print(others, data)

seq = (1, 2, 3, 4)
match seq:
    case [*head, 4]:
        print(head, type(head).__name__)
    case _:
        print("no")

match [1, 2, 3]:
    case [1, *_, 3]:
        print("star wildcard in the middle")

match "abc":
    case [*chars]:
        print("strings are not sequences here", chars)
    case str() as whole:
        print("str matched as whole:", whole)

value = 10
match value:
    case x if x > 100:
        print("big")
    case x:
        print("small", x)
