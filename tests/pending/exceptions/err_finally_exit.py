# The traceback for an uncaught error in a handler is printed after finally runs.
try:
    print("try")
    int("abc")
finally:
    print("finally")
