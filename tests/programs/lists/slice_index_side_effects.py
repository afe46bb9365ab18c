# Slice bounds are read (their __index__ run) before the sequence's length is taken, as
# CPython's PySlice_Unpack then PySlice_AdjustIndices.
data = list(range(10))


class Shrink:
    def __init__(self, value, target):
        self.value = value
        self.target = target

    def __index__(self):
        del self.target[5:]
        return self.value


print(data[Shrink(2, data):8], data)
data = list(range(10))
print(data[1:Shrink(9, data):2], data)
blob = bytearray(range(10))
print(blob[Shrink(1, []):5], blob[::-3], bytes(range(10))[2:9:3], bytes(5)[:], bytes(5)[:] is not None)
big = list(range(100000))
total = 0
for i in range(0, 100000, 7):
    total += sum(big[i:i + 3])
print(total, big[-3:], big[::-25000], big[10:2], big[5:5:-1])
