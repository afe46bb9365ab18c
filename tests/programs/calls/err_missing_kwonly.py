# Missing a keyword-only argument.
def connect(host, *, port, timeout=10):
    return host, port, timeout


print(connect("h", port=1))
print(connect("h", timeout=5, port=2))
try:
    connect("h", 1)
except TypeError as e:
    print("caught:", e)
connect("h")
