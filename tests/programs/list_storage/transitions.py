# A list of only bools, ints or floats is stored compactly; storing an item of another
# kind must keep every item exactly as it was (True stays True, 1 stays 1, -0.0 stays -0.0).

def show(label, xs):
    print(label, xs, [type(x).__name__ for x in xs])


# bools meeting ints
a = [True, False] * 2
a[1] = 1
show("bool set int", a)
a = [True]
a.append(1)
show("bool append int", a)
a = [False] * 3
a.insert(1, 0)
show("bool insert int", a)
a = [True, False]
a.extend([1, 2])
show("bool extend ints", a)
a = [True, False]
a += [0.5]
show("bool += float", a)
show("literal", [True, 1, 1.0, False, 0])

# ints meeting bools, floats, big ints, None, objects
a = [1, 2, 3]
a[0] = True
show("int set bool", a)
a = list(range(4))
a.append(2.5)
show("int append float", a)
a = [5, 6]
a.append(2**70)
show("int append big", a)
a = [5, 6]
a[-1] = None
show("int set None", a)
a = [1, 2, 3]
a[1:2] = ["x", "y"]
show("int slice assign strs", a)
a = [1, 2, 3, 4]
a[::2] = [True, False]
show("int ext-slice assign bools", a)

# floats: -0.0 and NaN (not inline) and ints
a = [0.0, -0.0, 1.5]
show("floats", a)
print([str(x) for x in a], a[1] is a[1])
a.append(float("nan"))
show("float append nan", a)
nan = float("nan")
a = [nan, nan]
print(a[0] is nan, a[1] is a[0], nan in a, a == a, a.count(nan), a.index(nan))
a = [1.0, 2.0]
a[0] = 1
show("float set int", a)
a = [1.0, 2.0]
a += [True]
show("float += bool", a)

# an emptied list takes the kind of what comes next
a = [1, 2]
a.clear()
a.append("s")
a.append(1)
show("cleared", a)
a = ["a", "b"]
del a[:]
a.append(False)
a.append(True)
show("emptied then bools", a)
a = [True]
a.pop()
a.append(3)
a.append(4)
show("popped then ints", a)

# identity of heap items survives storage changes
o = object()
a = [1, 2]
a.append(o)
print(a[2] is o)
big = 2**80
a = [1, big]
print(a[1] is big)

# repetition keeps kind and items
print([True] * 3, [1, 2] * 2, [0.5] * 2, [None] * 2, [] * 5, [1] * 0, [1] * -1)
a = [1, 2]
a *= 3
show("*= ints", a)
a *= 0
show("*= 0", a)
a = [True]
a *= 2
a[0] = "s"
show("*= then str", a)

# a copy, a slice and a concatenation are independent of their source
a = [1, 2, 3, 4, 5]
b = a.copy()
c = a[1:4]
d = a + [6]
a[0] = "changed"
print(a, b, c, d, a[::-2], b[::2], c[5:], d[-2:])
b.append(True)
show("copy append bool", b)

# list() of various sources
print(list(range(5)), list(range(0)), list((1.5, 2.5)), list([False, True]), list(map(int, "123")))
print(list({1: 2, 3: 4}), list("ab"), list(x * 0.5 for x in range(3)))

# slice assignment and deletion within and across kinds
a = [True] * 6
a[1:3] = [False, False, False]
show("bools slice bools", a)
a[0:2] = [1]
show("bools slice int", a)
a = [1, 2, 3, 4]
a[1:3] = []
show("ints slice del", a)
a[:] = [0.5, 1.5]
show("ints slice all floats", a)
del a[0:1]
show("floats slice del", a)
a = [1.0, 2.0, 3.0]
a[3:] = [4.0, 5]
show("floats slice tail mixed", a)
a = []
a[0:0] = [7, 8]
a[1:1] = [2**64]
show("empty slice ints then big", a)
a = [1, 2, 3]
a[0:3] = a
show("self slice", a)
a[::-1] = [9, 8, 7]
show("reverse ext-slice", a)
