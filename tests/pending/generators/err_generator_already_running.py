# A generator that advances itself raises "generator already executing".
def gen():
    yield next(me)


me = gen()
print("starting")
next(me)
