# Using a non-context-manager in a with statement.
class Fine:
    def __enter__(self):
        return "fine"

    def __exit__(self, *exc):
        pass


with Fine() as f:
    print("before", f)
with 5:
    print("never")
