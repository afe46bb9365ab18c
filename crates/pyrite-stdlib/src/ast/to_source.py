# compile() of AST objects: the tree is checked as CPython's validator would for the
# common mistakes, then written back as source with every statement on the line its
# `lineno` gives, so that tracebacks and line tables point where the tree says.

_SINGLETONS = {
    name: globals()[name]()
    for name in (
        "Load Store Del And Or Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor "
        "BitAnd FloorDiv Invert Not UAdd USub Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn"
    ).split()
}

_MODE_ROOTS = {"exec": "Module", "eval": "Expression", "single": "Interactive", "func_type": "FunctionType"}
_LOCATED = ("stmt", "expr", "excepthandler", "arg", "keyword", "alias", "pattern")
_CONSTANT_TYPES = (type(None), bool, int, float, complex, str, bytes, type(...))
_line_unparser = None
_COMPOUND = ()
_NONE_ALLOWED = {("Constant", "value"), ("MatchSingleton", "value")}


def _check_constant(value):
    if isinstance(value, (tuple, frozenset)):
        for item in value:
            _check_constant(item)
    elif not isinstance(value, _CONSTANT_TYPES):
        raise TypeError(f"got an invalid type in Constant: {type(value).__name__}")


def _validate(node):
    g = globals()
    kind = type(node).__name__
    for base in type(node).__mro__:
        if base.__name__ in _LOCATED and g.get(base.__name__) is base:
            for attr in ("lineno", "col_offset"):
                if not hasattr(node, attr):
                    raise TypeError(f'required field "{attr}" missing from {base.__name__}')
            break
    if kind == "Constant":
        _check_constant(getattr(node, "value", None))
    for field in type(node)._fields:
        try:
            value = getattr(node, field)
        except AttributeError:
            raise TypeError(f'required field "{field}" missing from {kind}') from None
        if value is None and getattr(type(node), field, 0) is not None and (kind, field) not in _NONE_ALLOWED:
            raise ValueError(f"field '{field}' is required for {kind}")
        if field == "targets" and value == [] and kind in ("Assign", "Delete"):
            raise ValueError(f"empty targets on {kind}")
        if isinstance(value, list) and kind != "Constant":
            for item in value:
                if isinstance(item, AST):
                    _validate(item)
                elif item is not None or field not in ("keys", "kw_defaults"):
                    if field not in ("names", "kwd_attrs") or not isinstance(item, str):
                        expected = _expected(kind, field)
                        if expected in _LOCATED:
                            # CPython reads the location of a list item first.
                            raise TypeError(f'required field "lineno" missing from {expected}')
                        raise TypeError(f"expected some sort of {expected}, but got {item!r}")
        elif isinstance(value, AST):
            _validate(value)
    if kind == "Name" and node.id in ("None", "True", "False"):
        raise ValueError(f"identifier field can't represent '{node.id}' constant")


def _expected(kind, field):
    if field in ("body", "orelse", "finalbody"):
        return "stmt"
    if field == "handlers":
        return "excepthandler"
    if field in ("patterns", "kwd_patterns"):
        return "pattern"
    return "expr"


def _to_source(node, mode):
    """The source text compile() compiles for the AST object `node` in `mode`."""
    expected = _MODE_ROOTS.get(mode)
    if expected is None or type(node).__name__ != expected and not isinstance(node, globals()[expected]):
        raise TypeError(f"expected {expected} node, got {type(node).__name__}")
    _validate(node)
    if mode == "func_type":
        return ""
    global _line_unparser
    if _line_unparser is None:
        _line_unparser = _make_line_unparser()
    if mode == "eval":
        return _line_unparser().visit_at_line(node.body)
    return _line_unparser().visit_at_line(node)


def _make_line_unparser():
    import ast

    global _COMPOUND
    _COMPOUND = (FunctionDef, AsyncFunctionDef, ClassDef, For, AsyncFor, While, If, With, AsyncWith, Match,
                 Try, TryStar)

    class LineUnparser(ast._Unparser):
        def __init__(self, **options):
            super().__init__(**options)
            # Unparsers made for the inside of f-strings only count lines of the main one.
            self._main = None
            self._line = 1
            self._target = self._join = None
            self._definition = False
            self._depth = 0

        def visit_at_line(self, node):
            self._source = self._main = []
            self._line = 1
            self._target = None
            self._join = None
            lineno = getattr(node, "lineno", None)
            if isinstance(node, expr) and isinstance(lineno, int):
                self._main.append("\n" * max(lineno - 1, 0))
                self._line = max(lineno, 1)
            self.traverse(node)
            return "".join(self._source)

        def write(self, *text):
            if self._source is self._main:
                for t in text:
                    self._line += t.count("\n")
                    # Brackets are written as text of their own; inside them an
                    # expression may start a new line.
                    if t in ("(", "[", "{"):
                        self._depth += 1
                    elif t in (")", "]", "}"):
                        self._depth -= 1
            self._source.extend(text)

        def traverse(self, node):
            if isinstance(node, list):
                self._statements(node)
                return
            if isinstance(node, expr) and self._depth > 0 and self._source is self._main:
                lineno = getattr(node, "lineno", None)
                if isinstance(lineno, int) and self._line < lineno:
                    self.write("\n" * (lineno - self._line))
            if isinstance(node, (stmt, excepthandler)):
                target = getattr(node, "lineno", None)
                if isinstance(target, int) and isinstance(node, (FunctionDef, AsyncFunctionDef, ClassDef)):
                    # The unparser starts a definition with a newline of its own, then
                    # one line per decorator.
                    target -= 1 + len(node.decorator_list)
                    self._definition = True
                self._target = target
            super().traverse(node)

        def _statements(self, nodes):
            # Simple statements that share a line stay on it: `a = 1; b = 2`, and a body
            # written after its header (`if x: return y`), so the lines after them keep
            # their numbers.
            def simple(node):
                return isinstance(node, stmt) and not isinstance(node, _COMPOUND)

            on_header = bool(
                nodes and self._source and self._source[-1] == ":"
                and all(simple(n) and getattr(n, "lineno", None) == self._line for n in nodes)
            )
            previous = None
            for index, node in enumerate(nodes):
                if on_header:
                    self._join = " " if index == 0 else "; "
                elif simple(previous) and simple(node) and getattr(node, "lineno", None) == self._line:
                    self._join = "; "
                self.traverse(node)
                previous = node

        def maybe_newline(self):
            if self._definition:
                # Only pad: the `fill` of the first decorator or of `def` starts the line.
                self._definition = False
                target, self._target = self._target, None
                if isinstance(target, int) and self._line < target:
                    self.write("\n" * (target - self._line))
                return
            if self._join is not None:
                self.write(self._join)
                self._join = self._target = None
                return
            if self._source:
                self.write("\n")
            target, self._target = self._target, None
            if isinstance(target, int) and self._line < target:
                self.write("\n" * (target - self._line))

    return LineUnparser
