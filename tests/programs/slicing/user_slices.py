class L:
    def __init__(self): self.log = []
    def __getitem__(self, k): return ('get', k)
    def __setitem__(self, k, v): self.log.append(('set', k, v))
    def __delitem__(self, k): self.log.append(('del', k))
l = L()
print(l[1:2], l[:], l[::2], l[3:])
l[1:2] = 'x'
l[::3] = 'y'
del l[2:]
print(l.log)
x = list(range(6))
i, j = 1, 4
print(x[i:j], x[i:], x[:j])
x[i:j] = [0]
print(x)
