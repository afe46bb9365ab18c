# finally runs on return, break and continue; a return in finally wins.
def ret():
    try:
        return "from try"
    finally:
        print("finally on return")


print(ret())

for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)


def override():
    try:
        return 1
    finally:
        return 2


print(override())


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(swallow())


def nested_return():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(nested_return())
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("while finally", i)
