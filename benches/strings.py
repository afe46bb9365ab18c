# String building and methods: concatenation in a loop, join, split, replace, find,
# upper/lower, strip, startswith, formatting with % / format / f-strings, slicing.


def build_lines(n):
    lines = []
    for i in range(n):
        lines.append(f"item-{i:05d}: value={i * 7 % 1000}; tag={'odd' if i & 1 else 'even'}")
    return lines


def main():
    total = 0
    for rep in range(105):
        lines = build_lines(8000)
        text = "\n".join(lines)
        total += len(text)
        for line in text.split("\n"):
            key, _, rest = line.partition(": ")
            fields = rest.split("; ")
            value = int(fields[0][6:])
            if fields[1].endswith("odd"):
                total += value
            total += len(key.upper().replace("ITEM", "it"))
        s = ""
        for i in range(5000):
            s += chr(97 + i % 26)
        total += s.count("abc") + s.find("xyz") + s.rfind("abc")
        words = s[:2600].upper()
        total += len(words.lower().strip("a"))
        parts = []
        for i in range(3000):
            parts.append("%d:%s" % (i, hex(i)))
            parts.append("{}-{}".format(i, i * 2))
        joined = ",".join(parts)
        total += len(joined) + joined.count(":0x")
        total += sum(1 for p in parts if p.startswith("1"))
        total += len(" ".join(reversed(lines[:500])).title())
    return total


result = main()
assert result == 252397320, result
print("strings", result)
