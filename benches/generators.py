# Generators: pipelines of generator functions, yield from, generator expressions,
# send(), and generators consumed by builtins (sum, max, any).


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def scaled(source, k):
    for x in source:
        yield x * k


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(nested):
    for part in nested:
        yield from part


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return
        total += value


def main():
    total = 0
    for rep in range(12):
        total += sum(scaled(evens(numbers(300000)), 3))
        for chunk in chunks(numbers(100000), 7):
            total += len(chunk)
        total += sum(flatten(chunks(numbers(100000), 13)))
        total += sum(tree(15))
        acc = accumulator()
        next(acc)
        for i in range(100000):
            total += acc.send(i) % 11
        total += max(x * x % 1009 for x in range(100000))
        total += sum(1 for x in range(100000) if x % 3 == 0)
    return total


result = main()
assert result == 870001591596, result
print("generators", result)
