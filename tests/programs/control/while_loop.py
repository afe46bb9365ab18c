# while loops, including while ... else.
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps:", steps)

i = 0
while i < 5:
    i += 1
else:
    print("finished normally at", i)

i = 0
while i < 100:
    if i * i > 50:
        print("break at", i)
        break
    i += 1
else:
    print("not printed")

count = 0
while True:
    count += 1
    if count % 2 == 1:
        continue
    if count > 8:
        break
    print("even count", count)
