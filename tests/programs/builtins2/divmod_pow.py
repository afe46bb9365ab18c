print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(2**70, 3), divmod(7.5, 2), divmod(-7, 2.5), divmod(True, 2))
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(3, 4, 5), pow(3, -1, 7), pow(2, 100, 10**9+7))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5), pow(0, 0), pow(-2, 3, 5))
for args in [(1, 0), (1.0, 0), (0, 0.0)]:
    try:
        divmod(*args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), ("a", 2, 3)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    divmod("a", 2)
except TypeError as e:
    print(e)
class D:
    def __divmod__(self, o): return ("div", o)
    def __rdivmod__(self, o): return ("rdiv", o)
print(divmod(D(), 3), divmod(3, D()))
