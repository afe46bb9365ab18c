# A SyntaxError: nothing runs, not even this print.
print("not printed")
x = (1 +
