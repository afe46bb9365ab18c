# sys.stdout / sys.stderr objects, print(flush=True), input() at end of input.
import sys

print(type(sys.stdout).__name__, sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)
print(sys.stderr.errors, sys.stdin.name, sys.stdin.readable(), sys.stdout.writable())
print(sys.stdout is sys.__stdout__, sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.write("written\n"))
print("flushed", flush=True)
sys.stdout.writelines(["a", "b\n"])
print(sys.stdin.read())
old = sys.stdout
import io
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
sys.stdout = None
print("dropped")
sys.stdout = old
print("before error")
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
print("end")
input()
