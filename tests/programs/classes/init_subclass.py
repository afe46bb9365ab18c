# __init_subclass__ runs for every subclass and receives class keywords.
class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="bee"):
    pass


class Gamma(Beta):
    pass


print(Plugin.registry)
print(Gamma.plugin_name, Beta.plugin_name)
print(hasattr(Plugin, "plugin_name"))

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print(e)
