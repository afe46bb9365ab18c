# String literal escapes and how print and repr show them.
print("tab:\tend")
print("newline:\nsecond line")
print("backslash: \\ quote: \' dquote: \"")
print('single \'quoted\' and "double"')
print("hex \x41\x42 octal \101\102 unicode \u00e9 \u20ac \U0001F600")
print("nul is one char:", len("\0"), len("\x00\x01"), "\0" == "\x00")
print(r"raw \n stays", len(r"\n"), len("\n"))
print("""triple "double" quoted
spanning lines""")
print('''triple 'single' quoted''')
print("implicit " "concatenation " 'of literals')
print("line \
continuation")
print(repr("a\nb"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("\t\r\x00\x1f\x7f"), repr("\\"), repr("é€😀"), repr(""))
print(repr("\x80\xa0\xff"), repr("\u200b"))
