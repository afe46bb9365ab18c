# An impossible MRO is a TypeError at class creation.
class A:
    pass


class B(A):
    pass


print("defining C")


class C(A, B):
    pass
