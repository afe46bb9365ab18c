# A bare raise in a handler lets the exception escape to top level.
try:
    [].pop()
except IndexError as e:
    print("saw", e)
    raise
