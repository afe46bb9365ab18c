# An uncaught AttributeError on an instance of a user class.
class Config:
    level = 1

    def __init__(self):
        self.debug = False


c = Config()
print(c.debug, c.level, getattr(c, "verbose", "no verbose"))
print(c.verbose)
