# List, dict and set comprehensions, nested and filtered, plus the builtins that
# consume their results.


def main():
    total = 0
    for rep in range(550):
        n = 5000 + rep
        squares = [i * i for i in range(n)]
        odd = [s for s in squares if s & 1]
        pairs = [(i, j) for i in range(60) for j in range(i, 60) if (i + j) % 3 == 0]
        index = {s: i for i, s in enumerate(squares)}
        residues = {s % 997 for s in squares}
        inverted = {v: k for k, v in index.items() if v % 5 == 0}
        matrix = [[i * j for j in range(40)] for i in range(40)]
        transposed = [[row[c] for row in matrix] for c in range(40)]
        diag = sum(transposed[i][i] for i in range(40))
        words = [str(i) for i in range(2000)]
        lengths = {w: len(w) for w in words}
        firsts = {w[0] for w in words}
        total += len(odd) + len(pairs) + len(index) + len(residues) + len(inverted)
        total += diag + sum(lengths.values()) + len(firsts)
        total += sum([x for x in odd if x % 10 == 1]) % 100003
    return total


result = main()
assert result == 46964112, result
print("comprehensions", result)
