# Pascal's triangle.
def next_row(row):
    result = [1]
    for i in range(1, len(row)):
        result.append(row[i - 1] + row[i])
    result.append(1)
    return result


row = [1]
rows = []
for n in range(10):
    rows.append(row)
    row = next_row(row)

for r in rows:
    text = ""
    for x in r:
        if text != "":
            text += " "
        text += str(x)
    print(text)
r = [1]
for n in range(100):
    r = next_row(r)
print(r[50])
