# Exceptions raised and caught in a loop: builtin exceptions from operations
# (ZeroDivisionError, KeyError, IndexError), user-defined exception classes with
# hierarchy, try/except/else/finally, re-raise and chaining, raise across frames.


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


class Invalid(AppError):
    pass


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise NotFound(key) from None


def validate(n):
    if n % 7 == 0:
        raise Invalid(n)
    return n


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)


def main():
    table = {i: i * i for i in range(0, 1000, 3)}
    items = [1, 2, 3]
    total = 0
    finally_count = 0
    for i in range(800000):
        try:
            total += lookup(table, i % 1000)
        except NotFound as e:
            total += e.key % 10
        try:
            total += 100 // (i % 5)
        except ZeroDivisionError:
            total += 1
        try:
            validate(i)
        except AppError as e:
            total += 2
        else:
            total += 3
        finally:
            finally_count += 1
        try:
            total += items[i % 5]
        except IndexError:
            total -= 1
    for i in range(67000):
        try:
            deep(10)
        except ValueError as e:
            total += len(e.args[0])
        try:
            try:
                raise KeyError(i)
            except KeyError as e:
                raise Invalid("wrapped") from e
        except Invalid as e:
            total += isinstance(e.__cause__, KeyError)
    return total, finally_count


result = main()
assert result == (89061321114, 800000), result
print("exceptions", result)
