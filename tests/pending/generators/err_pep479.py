# Uncaught RuntimeError from StopIteration raised inside a generator.
def gen():
    yield "first"
    raise StopIteration


for item in gen():
    print(item)
