# Uncaught exception raised while handling another one.
def risky():
    return 1 / 0


try:
    risky()
except ZeroDivisionError as e:
    print("handling", e)
    undefined_name
