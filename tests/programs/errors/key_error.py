# Looking up a missing key.
d = {"present": 1}
print(d["present"])
print(d["missing"])
