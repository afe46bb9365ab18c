# OSError errno/strerror/filename and subclass selection by errno.
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
e = OSError(2, "No such file or directory", "missing.txt")
print(e.filename, str(e))
e = OSError("just a message")
print(e.errno, e.strerror, e.args)
print(type(OSError(13, "denied")).__name__, type(OSError(17, "exists")).__name__)
print(IOError is OSError, EnvironmentError is OSError)
try:
    open("definitely_not_here.txt")
except FileNotFoundError as err:
    print(type(err).__name__, err.errno, err.strerror, err.filename)
    print(isinstance(err, OSError))
