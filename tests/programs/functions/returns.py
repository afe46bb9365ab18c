# return with and without a value; falling off the end returns None.
def nothing():
    pass


def bare():
    return


def early(x):
    if x > 0:
        return "positive"
    print("not positive:", x)


def pair(a, b):
    return a, b


def first_even(items):
    for x in items:
        if x % 2 == 0:
            return x
    return None


print(nothing(), bare(), early(1), early(-1))
print(nothing() is None, bare() == None)
print(pair(1, 2), pair("a", [3]))
x, y = pair(10, 20)
print(x + y)
print(first_even([1, 3, 6, 8]), first_even([1, 3]))
