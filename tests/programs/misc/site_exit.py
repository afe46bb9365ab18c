# exit and quit, which CPython's site module adds to the builtins.
print(repr(exit), repr(quit))
print(type(exit).__name__, type(exit).__module__, exit.name, quit.eof)
try:
    quit(5)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
print("exiting")
exit(3)
print("not reached")
