# Counting words and letters with a dict.
words = ["the", "cat", "sat", "on", "the", "mat", "the", "end", "cat"]
counts = {}
for w in words:
    if w in counts:
        counts[w] += 1
    else:
        counts[w] = 1
print(counts)
for w in counts:
    print(w, "*" * counts[w])

letters = {}
for ch in "mississippi":
    if ch not in letters:
        letters[ch] = 0
    letters[ch] = letters[ch] + 1
print(letters, len(letters))

best = None
for ch in letters:
    if best is None or letters[ch] > letters[best]:
        best = ch
print("most common:", best, letters[best])
