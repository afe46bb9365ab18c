# Closures keep their own cells: independent counters.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


a = make_counter()
b = make_counter(100)
print(a(), a(), a(5))
print(b(), b(10))
print(a())
print(a.__code__.co_freevars)
print(type(a.__closure__).__name__, len(a.__closure__))
print(a.__closure__[0].cell_contents)
