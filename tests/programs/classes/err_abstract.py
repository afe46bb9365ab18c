# Calling an unimplemented abstract-ish method is an uncaught NotImplementedError.
class Base:
    def run(self):
        return self.step() + 1

    def step(self):
        raise NotImplementedError("step")


class Impl(Base):
    def step(self):
        return 1


print(Impl().run())
Base().run()
