# An exception escaping a with block after __exit__ ran.
class Log:
    def __enter__(self):
        print("enter")

    def __exit__(self, *exc):
        print("exit with", exc[0].__name__)


with Log():
    raise LookupError("escaped the with block")
