# upper/lower/casefold/swapcase/title/capitalize, ASCII and beyond.
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

words = ["", "hello world", "HeLLo WoRLD", "straße", "ΣΑΣ ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "ǆemal ǈubo", "İstanbul", "ﬁne ﬂow", "123abc", "o'neil mcdonald", "they're bill's", "ŉ", "µ", "ﬀ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.casefold()))
    print("   ", repr(w.swapcase()), repr(w.title()), repr(w.capitalize()))
print("A\u03a3".lower(), "A\u03a3b".lower(), "\u03a3".lower(), "A\u03a3.".lower(), "A\u03a3'a".lower())
print("ß".upper(), "ß".title(), "ß".capitalize(), "ßa".swapcase())
print(ascii((chr(0xd800) + "ab").upper()))
