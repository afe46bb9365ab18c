# str(x) of one argument and s[i] on a str: the fast paths must agree with the general
# ones for subclasses, overrides, shadowing, bools, huge ints and out-of-range indexes.


class S(str):
    def __str__(self):
        return "S-str"

    def __getitem__(self, i):
        return "item%r" % (i,)


class Plain(str):
    pass


class I(int):
    def __str__(self):
        return "I-str"

    def __repr__(self):
        return "I-repr"


class R(int):
    def __repr__(self):
        return "R-repr"


def check_str():
    out = []
    for x in [0, 7, -7, 10, -10, 123456789, -(2**63), 2**63 - 1, 2**63, -(2**64), 10**30]:
        out.append(str(x))
    out.append(str(True) + str(False))
    out.append(str(I(5)) + " " + repr(I(5)))
    out.append(str(R(6)))
    s = S("abc")
    t = str(s)
    out.append(t + " " + type(t).__name__)
    p = Plain("xyz")
    u = str(p)
    out.append(u + " " + type(u).__name__ + " " + str(u is p))
    v = "plain"
    out.append(str(str(v) is v))
    out.append(str(1.5) + str(None) + str([1, "a"]))
    out.append(str())
    return out


def check_index():
    out = []
    s = "héllo wörld ☃ 𝄞"
    for i in range(-len(s), len(s)):
        out.append(s[i])
    e, a, ba = "é", "a", "ba"
    out.append(str(s[1] is e[0]) + str(a[0] is ba[1]))
    out.append(S("abc")[0] + S("abc")[-1])
    out.append(Plain("xyz")[0] + Plain("xyz")[-3])
    out.append("abc"[True] + "abc"[False])
    for bad in [3, -4, 2**70, -(2**70)]:
        try:
            "abc"[bad]
        except IndexError as e:
            out.append("IndexError: %s" % e)
    for bad in ["", -1]:
        try:
            out.append(""[bad] if bad == -1 else "x"[bad])
        except (IndexError, TypeError) as e:
            out.append("%s: %s" % (type(e).__name__, e))
    try:
        key = 1.0
        "abc"[key]
    except TypeError as e:
        out.append("TypeError: %s" % e)
    firsts = {w[0] for w in [str(i) for i in range(300)]}
    out.append("".join(sorted(firsts)))
    return out


def shadowed():
    global str
    saved = str
    str = lambda x: "shadow:%r" % (x,)
    try:
        return [str(5), str("a")]
    finally:
        str = saved


for line in check_str():
    print(line)
for line in check_index():
    print(line)
print(shadowed())
print(str(42))
