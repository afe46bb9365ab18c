# except* refuses group types and non-exception types; errors in the handler body.
for target in ("ExceptionGroup", "(ValueError, BaseExceptionGroup)", "int"):
    src = f"""
try:
    raise ValueError(1)
except* {target}:
    pass
"""
    try:
        exec(src)
    except TypeError as e:
        print(target, "->", e)

def with_return():
    results = []
    for exc in (ValueError("a"), ExceptionGroup("g", [TypeError("b")])):
        try:
            try:
                raise exc
            except* ValueError:
                results.append("value")
        except Exception as e:
            results.append(type(e).__name__ + ":" + str(e))
    return results
print(with_return())

def in_loop():
    seen = []
    for i in range(3):
        try:
            raise ExceptionGroup("loop", [ValueError(i), TypeError(i)])
        except* ValueError as g:
            seen.append(g.exceptions[0].args[0])
        except* TypeError as g:
            seen.append(-g.exceptions[0].args[0])
    return seen
print(in_loop())
