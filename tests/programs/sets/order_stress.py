import_free = True
s = set()
for i in range(200):
    s.add((i * 7919) % 1009 - 500)
    if i % 3 == 0:
        s.discard((i * 31) % 1009 - 500)
print(s)
t = set(range(0, 64, 8)) | set(range(-64, 0, 8))
print(t, t - {0}, t & set(range(-32, 33)))
u = {i * 8 for i in range(40)}
for i in range(0, 40, 3):
    u.remove(i * 8)
print(u, u.pop(), u.pop(), u)
v = set("abcdefghij") ^ set("efghijklmn")
print(v, sorted(v))
w = {1.5, 2.5, -0.0, 1e10, float('inf'), -float('inf')}
print(w)
x = {(i, -i) for i in range(12)}
print(x)
y = set(range(5)); y.update(range(3, 20)); print(y)
z = set(range(100)); z.difference_update(range(10, 95)); print(z)
z.intersection_update({1, 2, 3, 97, 200}); print(z)
