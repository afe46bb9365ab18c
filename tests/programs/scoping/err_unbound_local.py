# Assigning a name anywhere in a function makes it local everywhere in it.
total = 10


def add(n):
    print("adding", n)
    total = total + n
    return total


add(1)
