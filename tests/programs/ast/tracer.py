# A NodeTransformer that inserts statements sharing the location of the first body
# statement: the code runs and tracebacks keep the tree's lines.
import ast
e = ast.parse("\n\n1/0", mode="eval")
try:
    eval(compile(e, "<e>", "eval"))
except ZeroDivisionError as exc:
    print(exc.__traceback__.tb_next.tb_lineno)
class Tracer(ast.NodeTransformer):
    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        call = ast.parse(f"print('enter', {node.name!r})").body[0]
        node.body.insert(0, ast.copy_location(call, node.body[0]))
        return node
src = "def f(a):\n    return a + 1\n\ndef g():\n    x = f(1)\n    return 1 / 0\n\nprint(f(2))\ng()\n"
tree = ast.fix_missing_locations(Tracer().visit(ast.parse(src)))
try:
    exec(compile(tree, "<traced>", "exec"))
except ZeroDivisionError as exc:
    import traceback
    print([f.lineno for f in traceback.extract_tb(exc.__traceback__)])
