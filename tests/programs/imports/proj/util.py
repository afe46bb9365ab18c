def helper(x):
    return x * 2


NAME = __name__
