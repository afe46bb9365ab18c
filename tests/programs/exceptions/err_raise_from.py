# Uncaught chained exception (raise ... from ...): only the last one is the last line.
def load():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("could not load") from e


print("loading")
load()
