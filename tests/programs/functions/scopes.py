# Module globals are visible in functions; assignment creates locals.
counter = 100
name = "global"


def read_global():
    return counter + 1


def shadow():
    name = "local"
    return name


def use_later():
    return helper(3)


def helper(n):
    return n * counter


def params_are_local(counter):
    counter += 1
    return counter


print(read_global())
print(shadow(), name)
print(use_later())
print(params_are_local(5), counter)
counter = 7
print(read_global(), use_later())


def loop_locals():
    total = 0
    for i in range(4):
        total += i
    return [total, i]


print(loop_locals())
