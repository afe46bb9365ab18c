print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("héllo")), list(reversed(range(1, 10, 3))))
print(list(reversed(range(0))), list(reversed(range(10, 0, -2))), list(reversed(range(2**64, 2**64 + 3))))
print(type(reversed([])).__name__, type(reversed(())).__name__, type(reversed(range(3))).__name__)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
class Rev:
    def __reversed__(self): return iter("zyx")
print(list(reversed(Seq())), list(reversed(Rev())))
for bad in [{1, 2}, 5, iter([1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print(e)
r = reversed([1, 2])
print(next(r), next(r), next(r, None))
print(any([]), any([0, 0.0, '']), any(x > 2 for x in range(5)), all([]), all([1, 'a']), all(iter([1, 0])))
try:
    any(5)
except TypeError as e:
    print(e)
try:
    all()
except TypeError as e:
    print(e)
