# Dicts containing lists and dicts, and lists of dicts.
db = {"alice": {"age": 30, "langs": ["python", "rust"]},
      "bob": {"age": 25, "langs": []}}
db["bob"]["langs"].append("c")
db["alice"]["age"] += 1
db["carol"] = {"age": 40, "langs": ["go"]}
print(db)
for name in db:
    person = db[name]
    print(name, person["age"], len(person["langs"]), person["langs"])
rows = [{"x": 1}, {"x": 2, "y": [3, {"z": 4}]}]
print(rows[1]["y"][1]["z"], rows)
rows[0]["x"] *= 10
print(rows[0])
grid = {}
grid[(0, 0)] = "origin"
grid[(1, -1)] = [1, -1]
print(grid, grid[(1, -1)][1])
print({"a": {"b": {"c": {}}}}, {"t": (1, 2)} == {"t": (1, 2)})
