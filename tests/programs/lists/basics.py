# List displays, indexing, assignment, append and len.
empty = []
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(empty, len(empty), nums, len(nums))
print(nums[0], nums[7], nums[-1], nums[-8], nums[len(nums) - 2])
nums[0] = 30
nums[-1] = 60
print(nums)
nums.append(7)
nums.append([8, 9])
print(nums, len(nums))
print(nums[-1][0], nums[len(nums) - 1][-1])
words = ["a", "bb", "ccc"]
words.append(words[0] + words[2])
print(words)
mixed = [1, 2.5, "three", None, True, [], [[]], (4,), {"k": "v"}]
print(mixed)
print(len(mixed), mixed[5], mixed[-3])
trailing = [1, 2, 3,]
print(trailing, [[1, 2], [3]], [-1, -0.0, -(2 ** 70)])
