# Searching lists by hand: min, max, position, reverse, count.
data = [23, -4, 17, 42, 0, 42, -19, 8]


def index_of(items, value):
    i = 0
    while i < len(items):
        if items[i] == value:
            return i
        i += 1
    return -1


def count(items, value):
    n = 0
    for x in items:
        if x == value:
            n += 1
    return n


def reversed_copy(items):
    result = []
    for i in range(len(items) - 1, -1, -1):
        result.append(items[i])
    return result


print(min(data), max(data), min(data[0], data[1]), max(data[2], 100))
print(index_of(data, 42), index_of(data, 5), count(data, 42), count(data, 7))
print(reversed_copy(data))
print(reversed_copy([]), reversed_copy(["only"]))
largest = data[0]
for x in data:
    if x > largest:
        largest = x
print(largest == max(data))
