# Using an undefined name at module level raises NameError (exit status 1).
defined = 1
print("before", defined)
print(undefined_name)
print("never printed")
