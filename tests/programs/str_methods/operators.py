# Comparisons, membership, repetition, concatenation, iteration and indexing.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

print("a" < "b", "a" < "B", "abc" < "abd", "" < "a", "\u00e9" > "z", "\U0001f600" > "\uffff", "a" == "a", "a" != "a")
print("ab" <= "ab", "b" >= "a", chr(0xd800) < "\ue000", "x" * 3, 3 * "\u00e9", "ab" * 0, "ab" * -2, "a" + "\u4e00")
print("b" in "abc", "" in "", "" in "a", "bc" in "abc", "\u00e9" in "caf\u00e9", "x" not in "abc", "\U0001f600" in "a\U0001f600")
print([c for c in "a\u00e9\U0001f600"], list(""), "abc"[0], "abc"[-1], "a\u00e9z"[1], "x\U0001f600"[-1])
show("index 3", lambda: "abc"[3])
show("index -4", lambda: "abc"[-4])
show("index huge", lambda: "abc"[2**70])
key = "x"
show("index str", lambda: "abc"[key])
half = 1.5
show("index float", lambda: "abc"[half])
show("in int", lambda: 1 in "abc")
show("concat int", lambda: "a" + 1)
show("mul float", lambda: "a" * 1.5)
show("compare int", lambda: "a" < 1)
show("mod", lambda: "%s-%s" % ("x", "y"))
show("str()", lambda: str())
show("str(obj)", lambda: str(12) + str(None) + str([1]))
