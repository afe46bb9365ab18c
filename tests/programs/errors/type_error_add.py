# Adding an int and a str is a TypeError.
count = 3
print("count:", count)
message = count + " items"
print(message)
