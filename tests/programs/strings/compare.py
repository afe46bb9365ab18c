# String comparison is by code point.
print("a" < "b", "a" < "B", "abc" < "abcd", "abc" == "abc", "abc" != "abd")
print("" == "", "" < " ", "~" > "}", "é" > "e", "€" > "é", "😀" > "€")
print("10" < "2", "apple" < "apples", "Zebra" < "apple")
words = ["pear", "Apple", "banana", "apple", "Banana", ""]
smallest = words[0]
largest = words[0]
for w in words:
    if w < smallest:
        smallest = w
    if w > largest:
        largest = w
print(repr(smallest), repr(largest))
print(min(words), max(words), min("hello"), max("hello"))
print("a" in "abc", "bc" in "abc", "ac" in "abc", "" in "abc")
