# Sorting by hand: insertion sort and bubble sort on lists.
def insertion_sort(items):
    result = []
    for x in items:
        result.append(x)
        i = len(result) - 1
        while i > 0 and result[i - 1] > result[i]:
            result[i - 1], result[i] = result[i], result[i - 1]
            i -= 1
    return result


def bubble_sort(items):
    n = len(items)
    swapped = True
    while swapped:
        swapped = False
        for i in range(1, n):
            if items[i - 1] > items[i]:
                tmp = items[i]
                items[i] = items[i - 1]
                items[i - 1] = tmp
                swapped = True
        n -= 1
    return items


data = [5, -3, 9, 0, 2 ** 65, -(2 ** 65), 7.5, 3, 3]
print(insertion_sort(data))
print(bubble_sort([5, 1, 4, 2, 8, 0]))
print(insertion_sort(["pear", "apple", "fig", "Apple"]))
print(insertion_sort([(2, "b"), (1, "z"), (2, "a")]))
print(insertion_sort([]), bubble_sort([1]))
