class C:
    pass


print('before')
object.__setattr__(C, 'x', 1)
