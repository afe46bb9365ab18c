# Several class-creation TypeErrors, caught.
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass

try:
    class C(A, B):
        pass
except TypeError as e:
    print(e)

try:
    class D(X, X):
        pass
except TypeError as e:
    print(e)

try:
    class E(3):
        pass
except TypeError as e:
    print(type(e).__name__)

try:
    class F(bool):
        pass
except TypeError as e:
    print(e)
