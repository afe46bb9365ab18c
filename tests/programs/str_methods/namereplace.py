# The namereplace error handler names characters from the unicodedata tables.
print("caf\u00e9 \u2603 \U0001F600".encode("ascii", "namereplace"))
print("\x80".encode("latin-1", "namereplace"))
print("\ue000".encode("ascii", "namereplace"))
print("a\u0301".encode("ascii", "namereplace").decode())
print("\N{SNOWMAN}", "\N{LATIN SMALL LETTER SHARP S}" == "\xdf")
