# SystemExit raised while handling another exception exits quietly with its code.
import sys


def main():
    try:
        raise ValueError("ignored")
    except ValueError:
        print("handling, then exiting with 4")
        sys.exit(4)


main()
