# Or-patterns, as-patterns and guards, including guard evaluation order.
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return "moving " + direction
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["drop", *items] if len(items) > 1:
            return "dropping %d things" % len(items)
        case ["drop", *items]:
            return "dropping " + (items[0] if items else "nothing")
        case [("quit" | "exit")]:
            return "bye"
        case _:
            return "unknown: " + cmd


for c in ["go north", "go up", "pick up lamp", "take sword", "drop a b c", "drop key", "drop", "quit", "exit", "dance"]:
    print(c, "=>", classify(c))


def check(n):
    print("guard evaluated for", n)
    return n > 1


match [1, 2]:
    case [a, b] if check(a):
        print("first")
    case [a, b] as whole if check(b):
        print("second", whole)
