# Where an unstarted generator's (or coroutine's) frame says it is: at its
# RETURN_GENERATOR, after the COPY_FREE_VARS/MAKE_CELL prefix of closures and cell
# variables, so f_lineno is the def line and f_lasti counts the prefix.


def outer():
    y = 5

    def g():
        yield y

    return g()


def plain():
    yield 1


def cells(a):
    def inner():
        return a

    yield inner()


def both(a):
    b = a + 1

    def g():
        def h():
            return a + b

        yield h()

    return g()


for gen in (outer(), plain(), cells(3), both(1)):
    frame = gen.gi_frame
    print(gen.__name__, frame.f_lineno - frame.f_code.co_firstlineno, frame.f_lasti)
    print(" first:", next(gen), "then line offset", gen.gi_frame.f_lineno - frame.f_code.co_firstlineno)


def make_coroutine():
    z = 2

    async def co():
        return z

    return co()


co = make_coroutine()
print(co.__name__, co.cr_frame.f_lineno - co.cr_frame.f_code.co_firstlineno, co.cr_frame.f_lasti)
co.close()


async def agen(x):
    def get():
        return x

    yield get()


ag = agen(4)
print(ag.__name__, ag.ag_frame.f_lineno - ag.ag_frame.f_code.co_firstlineno, ag.ag_frame.f_lasti)
