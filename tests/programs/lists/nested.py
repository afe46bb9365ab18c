# Nested lists: a small matrix.
def make_matrix(rows, cols):
    m = []
    for i in range(rows):
        row = []
        for j in range(cols):
            row.append(i * cols + j)
        m.append(row)
    return m


def transpose(m):
    result = []
    for j in range(len(m[0])):
        col = []
        for i in range(len(m)):
            col.append(m[i][j])
        result.append(col)
    return result


def multiply(a, b):
    result = make_matrix(len(a), len(b[0]))
    for i in range(len(a)):
        for j in range(len(b[0])):
            total = 0
            for k in range(len(b)):
                total += a[i][k] * b[k][j]
            result[i][j] = total
    return result


m = make_matrix(2, 3)
print(m)
print(transpose(m))
print(multiply(m, transpose(m)))
m[1][2] = "x"
m[0][-1] += 100
print(m, len(m), len(m[0]))
deep = [1, [2, [3, [4, [5]]]]]
print(deep[1][1][1][1][0], deep[-1][-1])
