# A class pattern whose class isn't a type.
f = len
match 3:
    case f():
        print("no")
