# Value patterns: dotted names are compared with ==, bare names capture.
class Color:
    RED = "red"
    GREEN = "green"


class Status:
    OK = 200
    NOT_FOUND = 404


def color_name(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case _:
            return "unknown color"


def status(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND:
            return "not found"
        case other:
            return "status %d" % other


print(color_name("red"), color_name("green"), color_name("blue"))
print(status(200), status(404), status(500))


class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return other == 1


class Holder:
    value = Eq()


match 1:
    case Holder.value:
        print("matched via __eq__")
