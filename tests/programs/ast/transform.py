# compile() of AST objects: parsed trees, trees rewritten by a NodeTransformer, trees
# built by hand; line numbers in tracebacks come from the tree.
import ast
import traceback

src = '''
def f(x):
    return x * 2

class A:
    def m(self):
        return 1 + 1

print(f(21), A().m())
'''
exec(compile(ast.parse(src), "<ast>", "exec"))


class Rewrite(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            node.op = ast.Sub()
        return node

    def visit_Name(self, node):
        if node.id == "print":
            return ast.copy_location(ast.Name("shout", node.ctx), node)
        return node


def shout(*args):
    print("!", *args)


exec(compile(ast.fix_missing_locations(Rewrite().visit(ast.parse(src))), "<ast>", "exec"))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<e>", "eval")))
e = ast.Expression(body=ast.BinOp(left=ast.Constant(5), op=ast.Mult(), right=ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("hi")], []))], type_ignores=[])
exec(compile(ast.fix_missing_locations(m), "<m>", "exec"))
i = ast.Interactive(body=[ast.Expr(ast.BinOp(ast.Constant(2), ast.Pow(), ast.Constant(10)))])
exec(compile(ast.fix_missing_locations(i), "<i>", "single"))

src2 = "x = 1\n\n\n\ndef g():\n    return 1 / 0\n\n\ny = g()\n"
try:
    exec(compile(ast.parse(src2), "<lines>", "exec"))
except ZeroDivisionError as exc:
    print([fs.lineno for fs in traceback.extract_tb(exc.__traceback__)][1:])

# Inserting a statement: the tree's own numbers drive the lines.
tree = ast.parse("a = 1\nb = a + 1\nprint(a, b)\n")
tree.body.insert(1, ast.parse("a = a * 100").body[0])
ast.increment_lineno(tree.body[1], 0)
exec(compile(ast.fix_missing_locations(tree), "<ins>", "exec"))

ns = {}
exec(compile(ast.parse("def h(a, *, b=2):\n    '''Doc.'''\n    return a + b"), "<h>", "exec"), ns)
print(ns["h"](1), ns["h"].__doc__, ns["h"].__code__.co_firstlineno)

for bad, mode in [
    (ast.Expression(body=ast.Constant(1)), "exec"),
    (ast.Module(body=[ast.Expr()], type_ignores=[]), "exec"),
    (ast.Module(body=[ast.Pass()], type_ignores=[]), "exec"),
    (ast.Module(body=[1], type_ignores=[]), "exec"),
    (ast.Module(body=[], type_ignores=[]), "eval"),
    (42, "exec"),
    (ast.Module(body=[ast.Expr(None)], type_ignores=[]), "exec"),
    (ast.Module(body=[ast.Assign([], ast.Constant(1))], type_ignores=[]), "exec"),
    (ast.Module(body=[ast.Expr(ast.Constant([1]))], type_ignores=[]), "exec"),
]:
    try:
        compile(ast.fix_missing_locations(bad) if isinstance(bad, ast.AST) else bad, "<bad>", mode)
    except Exception as exc:
        print(type(exc).__name__, exc)
tree = ast.parse("x = 1")
print(compile(tree, "<same>", "exec", ast.PyCF_ONLY_AST) is tree)
print(type(compile("1", "<s>", "eval", ast.PyCF_ONLY_AST)).__name__)

# Statements sharing a line keep it: the lines after them keep their numbers.
same_line = '''def f(x):
    if x: return x
    a = 1; b = 2; c = [1,
       2]
    for i in range(3): pass
    while False: a; b
    if x: pass
    else: pass
    return 1 / 0

f(0)
'''
try:
    exec(compile(ast.parse(same_line), "<same_line>", "exec"))
except ZeroDivisionError as exc:
    print([fs.lineno for fs in traceback.extract_tb(exc.__traceback__)][1:])
code = compile(ast.parse(same_line), "<same_line>", "exec")
print(sorted({line for _, line in __import__("dis").findlinestarts(code.co_consts[0])} - {4}))

# A whole stdlib module, parsed and compiled back, runs.
import os
with open(os.path.join(os.path.dirname(os.__file__), "textwrap.py")) as f:
    tree = ast.parse(f.read())
ns = {"__name__": "textwrap_from_ast"}
exec(compile(tree, "<textwrap>", "exec"), ns)
print(ns["dedent"]("    a\n      b\n"), ns["shorten"]("Hello  world, this is long", width=15))
