# Multiplying a str by a float is a TypeError.
print("ab" * 2)
print("ab" * 2.0)
