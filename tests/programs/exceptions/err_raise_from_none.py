# raise ... from None hides the context; the last line is the new exception.
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise ValueError("unknown key %r" % key) from None


print(lookup({"a": 1}, "a"))
lookup({}, "b")
