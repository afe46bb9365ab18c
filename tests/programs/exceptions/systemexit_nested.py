# Exiting with status 0 from inside nested functions.
def deep(n):
    if n == 0:
        raise SystemExit(0)
    deep(n - 1)


print("going deep")
deep(10)
print("never")
