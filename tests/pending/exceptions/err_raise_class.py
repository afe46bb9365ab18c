# Raising an exception class instantiates it; no message means a bare name.
class Stop(Exception):
    pass


print("raising")
raise Stop
