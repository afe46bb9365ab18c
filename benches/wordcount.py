# Dict-heavy work: generate text from a fixed vocabulary with a linear congruential
# generator, then count words, bigrams and letter frequencies with dicts.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "qua", "dre"]


def make_vocabulary():
    vocab = []
    for a in SYLLABLES:
        for b in SYLLABLES:
            vocab.append(a + b)
            vocab.append(a + b + a)
    return vocab


def generate(vocab, n, seed):
    words = []
    x = seed
    size = len(vocab)
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        # Skew towards the front of the vocabulary, as real text is skewed.
        r = (x >> 8) % size
        words.append(vocab[r * r // size])
    return " ".join(words)


def main():
    vocab = make_vocabulary()
    text = generate(vocab, 1000000, 42)
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    bigrams = {}
    words = text.split()
    for i in range(len(words) - 1):
        key = (words[i], words[i + 1])
        if key in bigrams:
            bigrams[key] += 1
        else:
            bigrams[key] = 1
    letters = {}
    for word in counts:
        for ch in word:
            letters[ch] = letters.get(ch, 0) + counts[word]
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    by_length = {}
    for word, c in counts.items():
        by_length.setdefault(len(word), []).append(c)
    summary = sorted((k, sum(v)) for k, v in by_length.items())
    best_pair = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
    return len(counts), len(bigrams), top, summary, best_pair, sorted(letters.items())[:3]


result = main()
assert result == (
    216,
    46656,
    [("kaka", 59181), ("kakaka", 24161), ("kalo", 20718), ("kamika", 13841), ("kaloka", 13835)],
    [(4, 443939), (5, 111073), (6, 358133), (7, 62572), (8, 24283)],
    (("kaka", "kaka"), 3509),
    [("a", 860935), ("d", 107776), ("e", 452128)],
), result
print("wordcount", result)
