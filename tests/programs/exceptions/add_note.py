# add_note stores notes in __notes__ (3.11).
e = ValueError("bad value")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e))
try:
    e.add_note(42)
except TypeError as t:
    print(t)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("while looking up")
        raise
except KeyError as k2:
    print(k2.__notes__)
