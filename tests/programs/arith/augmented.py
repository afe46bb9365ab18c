# Augmented assignment on names, list elements and dict values.
x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
x //= 4
print(x)
x %= 5
print(x)
x /= 4
print(x)
x = 6
x &= 3
print(x)
x |= 12
print(x)
x ^= 5
print(x)
x <<= 3
print(x)
x >>= 2
print(x)

items = [1, 2, 3]
items[0] += 10
items[-1] *= 7
items[1] -= 5
print(items)

counts = {"a": 1, "b": 2}
counts["a"] += 100
counts["b"] **= 10
print(counts)

s = "ab"
s += "cd"
s *= 2
print(s)
t = (1, 2)
t += (3,)
print(t)
