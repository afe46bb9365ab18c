# sys.getsizeof follows CPython's list over-allocation as a list grows by appends.
import sys

items = []
sizes = []
for i in range(70):
    items.append(i)
    sizes.append(sys.getsizeof(items))
print(sizes)
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof({}), sys.getsizeof(1.0), sys.getsizeof(()))
