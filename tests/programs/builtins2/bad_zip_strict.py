for t in zip([1, 2, 3], "ab", strict=True):
    print(t)
