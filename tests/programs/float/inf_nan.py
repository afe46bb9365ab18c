# Infinities and NaN.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan)
print(inf + 1, inf * 2, -inf * 2, inf / 1e308, 1 / inf, -1 / inf)
print(inf - inf, inf * 0, nan + 1, nan * 0)
print(inf > 1e308, -inf < -1e308, inf == inf, -inf == -inf, inf > 2 ** 2000)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan)
print(inf == float("Infinity"), float("-INF"), float("nAn"))
x = nan
print(x == x, x is x, [x] == [x], x in [x])
print(float("nan") in [float("nan")], [float("nan")] == [float("nan")])
print(max(1.0, inf), min(-inf, 0), abs(-inf))
