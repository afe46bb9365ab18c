# Indexing past the start of a string.
s = "abc"
print(s[-3])
print(s[-4])
