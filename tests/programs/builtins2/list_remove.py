a = [1, 2, 3, 2, 1]
a.remove(2); print(a)
a.remove(1); print(a)
b = [1.0, 'x', (1, 2)]
b.remove(1); b.remove((1, 2)); print(b)
try:
    b.remove('nope')
except ValueError as e:
    print(e)
try:
    b.remove()
except TypeError as e:
    print(e)
class E:
    def __eq__(self, o): raise RuntimeError("boom")
try:
    [E()].remove(1)
except RuntimeError as e:
    print(e)
