# Code compiled from ast.parse(source) has the first lines of every function, class,
# lambda and comprehension that compiling the source gives (stdlib modules).
import ast, os
lib = os.path.dirname(os.__file__)

def code_lines(code, out):
    out.append((code.co_qualname, code.co_firstlineno))
    for c in code.co_consts:
        if hasattr(c, "co_code"):
            code_lines(c, out)
    return out

for name in ["textwrap.py", "dataclasses.py", "ast.py", "datetime.py", "argparse.py", "inspect.py"]:
    with open(os.path.join(lib, name)) as f:
        src = f.read()
    a = code_lines(compile(src, name, "exec"), [])
    b = code_lines(compile(ast.parse(src), name, "exec"), [])
    bad = [(x, y) for x, y in zip(a, b) if x != y]
    print(name, len(a), len(b), len(bad), bad[:3])
