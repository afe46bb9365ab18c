# User exception hierarchies: handlers match subclasses, first match wins.
class AppError(Exception):
    pass


class DbError(AppError):
    pass


class ConnError(DbError):
    pass


class ParseError(AppError, ValueError):
    pass


def classify(exc):
    try:
        raise exc
    except ConnError:
        return "conn"
    except DbError:
        return "db"
    except ValueError:
        return "value"
    except AppError:
        return "app"
    except Exception:
        return "other"


for exc in [ConnError(), DbError(), ParseError(), AppError(), ValueError(), KeyError()]:
    print(type(exc).__name__, "->", classify(exc))

print(issubclass(ParseError, ValueError), [c.__name__ for c in ParseError.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
