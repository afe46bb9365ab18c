# A walrus may not rebind a comprehension iteration variable: a SyntaxError.
print("never printed")
print([x := 1 for x in range(3)])
