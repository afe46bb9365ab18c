# An IndentationError is a SyntaxError found before anything runs.
def f():
    x = 1
      return x
print("not printed")
