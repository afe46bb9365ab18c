# A bare raise in a handler lets the exception escape to top level.
def pop_all(items):
    while True:
        items.pop()


try:
    pop_all([1, 2])
except IndexError as e:
    print("saw", e)
    raise
