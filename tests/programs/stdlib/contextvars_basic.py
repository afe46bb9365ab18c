# contextvars: ContextVar get/set/reset with tokens, Context.run and copy_context.
import contextvars

v = contextvars.ContextVar("v", default=0)
print(v.get(), v.name)
t = v.set(5)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()
v.set(7)
print(v.get(), ctx[v], ctx.run(v.get), len(ctx), v in ctx)
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError:
    print("RuntimeError used token")
w = contextvars.ContextVar("w")
try:
    w.get()
except LookupError:
    print("LookupError")
print(w.get("fallback"))


def inside():
    w.set(1)
    return w.get()


c = contextvars.Context()
print(c.run(inside), c[w], w.get(None))
import decimal, fractions

print(fractions.Fraction(3, 4) + 1, decimal.Decimal("1.1") + decimal.Decimal("2.2"))
with decimal.localcontext() as dctx:
    dctx.prec = 5
    print(decimal.Decimal(1) / decimal.Decimal(7))
