# SystemExit with None exits with status 0 and prints nothing to stderr.
import sys


def finish():
    print("bye")
    sys.exit()


finish()
print("not reached")
