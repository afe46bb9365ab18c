# A generator that advances itself raises "generator already executing".
def gen():
    yield "ok"
    yield next(me)


me = gen()
print("starting")
print(next(me))
next(me)
