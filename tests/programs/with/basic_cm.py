# A context manager's __enter__ result is bound by `as`; __exit__ always runs.
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("<%s>" % self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("</%s>" % self.name)


with Tag("html") as t:
    print("inside", t.name)
    with Tag("body"):
        print("content")


def early():
    with Tag("fn"):
        return "returned"


print(early())
for i in range(3):
    with Tag("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
