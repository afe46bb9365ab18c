# Uncaught RuntimeError from StopIteration raised inside a generator.
def gen():
    yield "first"
    raise StopIteration


def fine():
    yield "fine"
    return


print(list(fine()))
for item in gen():
    print(item)
