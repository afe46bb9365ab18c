# A missing tuple key in a function (the register loop's dict fast path): KeyError with
# the tuple itself as the message.
def lookup(d, key):
    return d[key]


d = {(1, 2): "found", "a": 1}
print(lookup(d, (1, 2)), lookup(d, "a"))
print(lookup(d, (2, 1)))
