# A name capture before other cases is a SyntaxError.
print("never printed")
match 1:
    case x:
        pass
    case 2:
        pass
