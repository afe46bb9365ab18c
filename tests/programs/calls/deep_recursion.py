# Recursion 50,000 deep is fine once the limit is raised.
import sys

sys.setrecursionlimit(100000)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(50000))


def sum_list(items, i=0):
    if i == len(items):
        return 0
    return items[i] + sum_list(items, i + 1)


print(sum_list(list(range(30000))))
print(sys.getrecursionlimit())
