# yield from forwards send() values to the subgenerator.
def averager():
    total = 0.0
    count = 0
    while True:
        value = yield (total / count if count else None)
        if value is None:
            return count, total
        total += value
        count += 1


def grouper(results, key):
    results[key] = yield from averager()


results = {}
g = grouper(results, "a")
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send(60))
try:
    g.send(None)
except StopIteration:
    print("grouper finished")
print(results)
