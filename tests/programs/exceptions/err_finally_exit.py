# The traceback for an uncaught error is printed after finally blocks run.
def parse(text):
    try:
        print("parsing", text)
        return int(text)
    finally:
        print("finally for", text)


print(parse("12"))
parse("abc")
