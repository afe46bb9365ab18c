# SystemExit with None exits with status 0 and prints nothing to stderr.
import sys

print("bye")
sys.exit()
