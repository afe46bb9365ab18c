# compile() in exec, eval and single modes, then running the code objects.
code = compile("result = 6 * 7", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["result"], type(code).__name__)
expr = compile("x ** 2", "<expr>", "eval")
print(eval(expr, {"x": 9}), eval(expr, {"x": 3}))
single = compile("1 + 2", "<single>", "single")
exec(single)
print(code.co_filename, expr.co_filename)
try:
    compile("def f(:", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    compile("x = 1", "<e>", "eval")
except SyntaxError as e:
    print("SyntaxError in eval mode")
try:
    compile("x", "<m>", "bogus")
except ValueError as e:
    print(e)
fn_code = compile("def sq(v):\n    return v * v\n", "<defs>", "exec")
env = {}
exec(fn_code, env)
print(env["sq"](12))
