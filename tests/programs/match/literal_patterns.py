# Literal patterns: numbers, strings, None, True/False and negative numbers.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case -1:
            return "minus one"
        case 3.5:
            return "three and a half"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case False:
            return "false"
        case 1j:
            return "imaginary"
        case b"raw":
            return "bytes"
        case _:
            return "other"


for value in [0, 1, 2, -1, 3.5, "hello", None, True, False, 1j, b"raw", 0.0, 1.0, "bye"]:
    print(repr(value), "->", describe(value))
