import ast

for text in ["[1, (2, 3), {'a': -4.5}, {1, 2}, b'x', None, 1+2j]", "  42", "-1", "+1.5", "'a' 'b'",
             "set()", "()", "{}", "(1,)", "3-4j", "{'k': [True, False]}", "0x1F", "10**2" ]:
    try:
        print(repr(ast.literal_eval(text)))
    except Exception as exc:
        print(type(exc).__name__, str(exc).split(" at 0x")[0])
for bad in ["x", "1 + y", "f()", "[1, 2", "{**a}", "-'s'", "lambda: 0"]:
    try:
        ast.literal_eval(bad)
    except Exception as exc:
        print(type(exc).__name__, str(exc).split(" at 0x")[0])
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))
