# min and max of several arguments and of an iterable.
print(min(3, 1, 2), max(3, 1, 2), min((5,)), max([5]))
print(min([4, -2, 9]), max((4, -2, 9)), min("zebra"), max("zebra"))
print(max(1, 2.0), max(2, 2.0), max(2.0, 2), min(1, True), min(True, 1))
print(min(-0.0, 0.0), min(0.0, -0.0), max(-(2 ** 100), -(2 ** 99)))
print(min("b", "a", "c"), max("apple", "apples"), max(["x", "y"], ["x"]))
print(min([[3], [1, 2], [1]]), max([(1, "b"), (1, "a")]))
print(max(range(10)), min(range(5, 0, -1)), max({"a": 1, "z": 0, "m": 5}))
nums = []
for i in range(10):
    nums.append((i * 7) % 11)
print(nums, min(nums), max(nums))
