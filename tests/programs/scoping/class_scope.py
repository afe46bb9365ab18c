# Class bodies are not enclosing scopes for methods; they see globals and class-local names.
x = "global x"


class C:
    x = "class x"
    y = x + "!"

    def method(self):
        return x

    def via_self(self):
        return self.x

    z = [x]


print(C.y, C().method(), C().via_self(), C.z)


def factory():
    x = "enclosing x"

    class D:
        a = x

        def m(self):
            return x

    return D


D = factory()
print(D.a, D().m())


def shadowing():
    v = "function v"

    class E:
        v = "class v"
        w = v

        def get(self):
            return v

    return E.w, E().get()


print(shadowing())


class Counter:
    n = 0
    for i in range(3):
        n += i
    del i


print(Counter.n, hasattr(Counter, "i"))
