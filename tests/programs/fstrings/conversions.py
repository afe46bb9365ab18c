# !r and !s conversions and nested quotes.
s = "it's"
t = 'say "hi"'
print(f"{s} {s!r} {s!s}")
print(f"{t} {t!r}")
print(f"{[s, t]}")
nl = "line\nbreak"
print(f"{nl!r} {len(nl)}")
print(f"{1.0!r} {-0.0} {float('inf')} {float('nan')!s}")
print(f"{[1, 'two']!s} {(3,)!r} {{'k': 1}}")
v = None
print(f"{v!r:>6}|{v!s:<6}|")
print(f"{'x' * 3}{'y' * 2!r}")
