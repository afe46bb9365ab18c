# Non-ASCII text in source and output (UTF-8).
greeting = "¡Hola, señor! Grüß Gott. 日本語. Ελληνικά. 😀"
print(greeting)
print(len(greeting), greeting[1], greeting[-1])
words = ["naïve", "café", "résumé", "€100"]
print(words)
for w in words:
    print(w, len(w))
print("ß" < "ü", "€" == "\u20ac", "😀" == "\U0001F600")
