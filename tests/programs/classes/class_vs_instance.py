# Class attributes are shared until an instance shadows them.
class Dog:
    species = "canis"
    tricks = []

    def __init__(self, name):
        self.name = name

    def add_trick(self, trick):
        self.tricks.append(trick)


a = Dog("rex")
b = Dog("fido")
print(a.species, b.species)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "felis"
print(a.species, b.species)
del a.species
print(a.species)
a.add_trick("sit")
b.add_trick("roll")
print(a.tricks, b.tricks is a.tricks)
print("species" in vars(a), "name" in vars(a))
Dog.count = 3
print(b.count)
