# Positional parameters with default values.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Hey", "?"))


def power(base, exp=2):
    return base ** exp


print(power(5), power(2, 10), power(2, -1))


def describe(x, items=None, count=0):
    if items is None:
        items = []
    items.append(x)
    return [items, count]


print(describe(1))
print(describe(2, [9], 5))

default_list = [0]


def grow(x, acc=default_list):
    acc.append(x)
    return len(acc)


print(grow(1), grow(2), grow(3), default_list)
