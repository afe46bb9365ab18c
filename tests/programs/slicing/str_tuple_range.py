s = "hello, world"
print(s[0:5], s[7:], s[::-1], s[::2], s[-5:-1], s[100:], repr(s[5:2]), s[:], s[1:-1:3])
u = "héllo wörld ☃"
print(u[1:4], u[::-1], u[::3], u[-1:], u[-1::-2])
t = (1, 2, 3, 4, 5)
print(t[1:3], t[::-1], t[:], t[10:], t[::2], t[-2:], (1,)[:0])
r = range(10)
print(r[2:5], r[::2], r[::-1], r[1:-1:3], r[5:2], list(r[::-2]), r[:], range(0, 20, 3)[2:5], range(10, 0, -2)[1:3])
print(range(2**64, 2**64 + 10)[2:4], len(range(100)[::7]), range(5)[-100:100])
print("abc"[slice(None, None, -1)], "x"[5:9] == "", "abcdef"[-2::-2])
try:
    "abc"[::0]
except ValueError as e:
    print(e)
try:
    "abc"["a":]
except TypeError as e:
    print(e)
try:
    f = 1.0
    (1, 2)[f]
except TypeError as e:
    print(e)
