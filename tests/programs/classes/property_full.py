# property with getter, setter and deleter, via decorator and call syntax.
class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        """Degrees Celsius."""
        print("get")
        return self._c

    @celsius.setter
    def celsius(self, value):
        print("set", value)
        if value < -273:
            raise ValueError("too cold")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("delete")
        self._c = None

    def _get_f(self):
        return self._c * 9 / 5 + 32

    fahrenheit = property(_get_f, doc="Fahrenheit")


t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(t._c)
print(Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError")
print(type(Temperature.celsius).__name__)
