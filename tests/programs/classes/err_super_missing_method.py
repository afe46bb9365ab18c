# super() lookup that finds nothing raises AttributeError naming 'super'.
class Base:
    pass


class Child(Base):
    def greet(self):
        return super().greet()


print("calling")
Child().greet()
