# Truth values of the basic types in if and while.
values = [0, 1, -1, 0.0, -0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {0: 0},
          None, True, False, 2 ** 100, float("nan")]
for v in values:
    if v:
        print(repr(v), "is true")
    else:
        print(repr(v), "is false")

n = 3
while n:
    print("n =", n)
    n -= 1
items = [1, 2]
while items:
    print("last item", items[len(items) - 1])
    if len(items) == 1:
        items = []
    else:
        items = [items[0]]
print("items empty:", items)
