# break and continue in nested loops, and for ... else.
for i in range(1, 4):
    for j in range(1, 4):
        if j == i:
            continue
        if i + j > 5:
            break
        print(i, j)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")

for ch in "python":
    if ch == "h":
        print("found h")
        break
else:
    print("no h")

for ch in "":
    break
else:
    print("empty loop runs else")
