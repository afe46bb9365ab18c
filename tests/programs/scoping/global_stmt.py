# global rebinds module names from inside functions.
count = 0
names = []


def bump():
    global count
    count += 1


def define_new():
    global created
    created = "made inside"


def mutate_without_global():
    names.append("ok")


bump()
bump()
define_new()
mutate_without_global()
print(count, created, names)


def reads_global():
    return count * 10


print(reads_global())


def local_shadow():
    count = 99
    return count


print(local_shadow(), count)


def nested():
    def inner():
        global count
        count = -1

    inner()


nested()
print(count)
