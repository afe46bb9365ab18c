# Raising an exception class instantiates it; no message means a bare name.
class Stop(Exception):
    pass


try:
    raise Stop
except Stop as e:
    print("caught", type(e).__name__, e.args)
print("raising")
raise Stop
