# An error raised deep in a call chain after a lot of output.
def countdown(n):
    while n > 0:
        print("n =", n)
        n -= 1
    return 10 // n


total = 0
for i in range(5):
    total += i
    print("running total", total)
print("about to fail")
countdown(3)
print("never printed")
