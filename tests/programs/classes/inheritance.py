# Single inheritance: overriding, extending and attribute lookup order.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"


class Cat(Animal):
    sound = "meow"

    def kind(self):
        return "cat, an " + Animal.kind(self)


class Kitten(Cat):
    def __init__(self, name, age):
        Cat.__init__(self, name)
        self.age = age

    def speak(self):
        return Cat.speak(self) + " softly"


k = Kitten("tom", 1)
print(k.speak())
print(k.kind())
print(Animal("x").speak())
print(isinstance(k, Animal), issubclass(Kitten, Cat), issubclass(Animal, Cat))
print(Kitten.__bases__[0].__name__, Animal.__bases__[0].__name__)
print([c.__name__ for c in Kitten.__mro__])
print(Cat.__subclasses__()[0].__name__)
