d = {}
for w in "the quick brown fox jumps over the lazy dog".split():
    d[w] = d.get(w, 0) + 1
print(d.keys(), d.values(), d.items())
print(set(d.keys()), set(d), set(d.items()))
print(set(d) - {'the'}, d.keys() - {'the'})
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
