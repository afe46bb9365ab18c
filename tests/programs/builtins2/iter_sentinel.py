data = [1, 2, 3, 0, 5]
it = iter(data.pop, 2)
print(list(it), data)
count = 0
def f():
    global count
    count += 1
    return count
print(list(iter(f, 4)), type(iter(f, 1)).__name__)
def g():
    raise StopIteration
print(list(iter(g, 1)))
try:
    iter(5, 5)
except TypeError as e:
    print(e)
try:
    iter([], 1, 2)
except TypeError as e:
    print(e)
