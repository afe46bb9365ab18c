# Format specifications: width, alignment, fill and precision.
n = 42
s = "ab"
f = 3.14159
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}]")
print(f"[{s:5}] [{s:<5}] [{s:^5}] [{s:>5}]")
print(f"[{f:.2f}] [{f:.0f}] [{f:8.3f}] [{f:<8.1f}] [{-f:.3f}]")
print(f"[{n:05}] [{-n:05}] [{n:*^9}] [{s:-<6}] [{s:.>6}]")
print(f"[{2.5:.0f}] [{3.5:.0f}] [{1e16:.1f}] [{0.125:.2f}] [{-0.001:.2f}]")
print(f"[{n:.2f}] [{2 ** 70:.1f}] [{n:d}] [{f:10}]")
for i in range(1, 4):
    print(f"{i:>3} | {i * i:>3} | {1 / i:6.3f}")
