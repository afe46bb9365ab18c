# Guards with side effects, bindings that stay after a failed guard, loops with break.
def noisy(tag, result):
    print("guard", tag)
    return result


for v in [1, 2, 3]:
    match v:
        case x if noisy(x, x == 2):
            print("matched", x)
        case 3 if noisy("three", False):
            print("never")
        case y:
            print("fallback", x, y)

results = []
for item in [(1, 2), (0, 0), "stop", (5, 6)]:
    match item:
        case (0, 0):
            continue
        case "stop":
            break
        case (a, b):
            results.append(a + b)
print(results)


def ret(v):
    match v:
        case [first, *_] if first:
            return first
        case _ if v == []:
            return "empty"
    return "fell through"


print(ret([3, 4]), ret([]), ret([0]), ret(5))
match 5:
    case 6:
        print("no")
print("after match without a hit")
nested = {"cmd": ["go", {"dir": "north", "steps": 3}]}
match nested:
    case {"cmd": ["go", {"dir": ("north" | "south") as d, "steps": int(n)}]}:
        print("go", d, n)
