# An uncaught KeyError shows the repr of the missing key.
table = {(1, 2): "pair", "s": "str"}
print(len(table))
print(table[(1, 2)], table["s"])
try:
    table["missing"]
except KeyError as e:
    print("caught:", e)
print(("x", 3) in table, table.get(("x", 3)))
print(table[("x", 3)])
