# in / not in on lists, tuples, dicts (keys) and strings (substrings).
nums = [1, 2, 3, [4, 5]]
print(1 in nums, 4 in nums, [4, 5] in nums, 9 not in nums, 2 not in nums)
print(1.0 in nums, True in nums, "1" in nums)
t = ("a", "b", None)
print("a" in t, None in t, "c" in t, "c" not in t)
d = {"x": 1, 2: "y", (1, 2): [3]}
print("x" in d, 1 in d, 2 in d, (1, 2) in d, "y" not in d)
s = "hello world"
print("h" in s, "lo w" in s, "" in s, "hw" in s, "world" not in s, "" in "")
print(0 in [], "" in [""], [] in [[]], () in [()])
