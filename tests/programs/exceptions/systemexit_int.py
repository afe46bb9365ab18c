# SystemExit with an int code sets the exit status; finally blocks still run.
import sys


def shutdown(code):
    try:
        print("exiting with", code)
        sys.exit(code)
    finally:
        print("cleanup runs")


shutdown(3)
print("not reached")
