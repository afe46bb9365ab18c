# try/except/else/finally in every combination, with and without an exception.
def run(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(run(False))
print(run(True))


def try_finally(fail):
    log = []
    try:
        try:
            log.append("try")
            if fail:
                raise KeyError("k")
        finally:
            log.append("finally")
    except KeyError:
        log.append("outer caught")
    return log


print(try_finally(False), try_finally(True))


def try_except_else(fail):
    try:
        if fail:
            1 / 0
    except ZeroDivisionError:
        return "except"
    else:
        return "else"


print(try_except_else(False), try_except_else(True))

try:
    int("x")
except (TypeError, ValueError) as e:
    print("tuple handler", type(e).__name__)
try:
    [][0]
except KeyError:
    print("wrong")
except LookupError as e:
    print("base class handler", type(e).__name__)
