s = {1, 2}
s.update(5)
