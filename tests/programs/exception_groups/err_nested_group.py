# An uncaught nested group with a chained member.
def inner():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("after zero") from e

errors = []
try:
    inner()
except ValueError as e:
    errors.append(e)
errors.append(ExceptionGroup("nested", [TypeError("t"), KeyError("k")]))
print("raising")
raise ExceptionGroup("top", errors)
