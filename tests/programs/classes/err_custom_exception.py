# An uncaught custom exception shows its module-qualified-free name and __str__.
class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return "missing config key " + repr(self.key)


print("loading")
raise ConfigError("port")
