# SystemExit with an int code sets the exit status; finally blocks still run.
import sys

try:
    print("exiting with 3")
    sys.exit(3)
finally:
    print("cleanup runs")
print("not reached")
