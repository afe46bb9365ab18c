# Subclassing Exception: custom __init__, __str__ and extra attributes.
class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__(name, code)
        self.name = name
        self.code = code

    def __str__(self):
        return "not found: %s (%d)" % (self.name, self.code)


try:
    raise NotFound("page")
except AppError as e:
    print(e, e.args, e.code, type(e).__name__, repr(e))


class Quiet(Exception):
    def __init__(self):
        pass


q = Quiet()
print(q.args, str(q) == "", repr(q))
print([c.__name__ for c in NotFound.__mro__])
