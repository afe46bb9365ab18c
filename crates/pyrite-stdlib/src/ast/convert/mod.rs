//! Source → `_ast` node objects (`ast.parse`): the parser's tree (`pyrite_parser::ast`) is
//! walked once and every node becomes an instance of the `_ast` class CPython 3.11 would
//! build, with the same fields and locations (1-based lines, UTF-8 byte columns).
//!
//! Split by category: [`stmt`] (statements, handlers, match patterns), [`expr`]
//! (expressions, arguments, comprehensions), [`strings`] (constants and f-strings).

mod expr;
mod stmt;
mod strings;

use std::collections::HashMap;

use pyrite_object::types::list::PyList;
use pyrite_object::{Ctx, PyResult, Value, protocol};
use pyrite_parser::{LineIndex, Mode, Parsed, Ranged, SyntaxError, SyntaxErrorKind, TextRange, TextSize, ast};

/// The `ast.parse` of `text`: `mode` is `exec`, `eval`, `single` or `func_type`.
pub fn parse(ctx: &mut Ctx, text: &str, filename: &str, mode: &str) -> PyResult {
    let module = pyrite_vm::import_module(ctx, "_ast")?;
    let mut c = Conv {
        ctx,
        module,
        source: text,
        filename,
        lines: LineIndex::new(text),
        classes: HashMap::new(),
        singletons: None,
    };
    match mode {
        "func_type" => c.func_type(),
        "eval" => {
            // As `eval()`, leading blanks are skipped (columns on the first line then count
            // from the first token).
            let trimmed = text.trim_start_matches([' ', '\t']);
            c.source = trimmed;
            c.lines = LineIndex::new(trimmed);
            let parsed = pyrite_parser::parse(trimmed, Mode::Eval, filename);
            match parsed.map_err(|e| pyrite_vm::syntax_error(&e))? {
                Parsed::Expression(e) => {
                    let body = c.expr(&e.body)?;
                    c.node("Expression", &[("body", body)], None)
                }
                Parsed::Module(_) => Err(c.internal()),
            }
        }
        _ => {
            let parse_mode = if mode == "single" { Mode::Single } else { Mode::Exec };
            match pyrite_parser::parse(text, parse_mode, filename).map_err(|e| pyrite_vm::syntax_error(&e))? {
                Parsed::Module(m) => {
                    let body = c.stmts(&m.body)?;
                    if mode == "single" {
                        c.node("Interactive", &[("body", body)], None)
                    } else {
                        let ignores = list(Vec::new());
                        c.node("Module", &[("body", body), ("type_ignores", ignores)], None)
                    }
                }
                Parsed::Expression(_) => Err(c.internal()),
            }
        }
    }
}

/// One conversion: the source (for locations) and the `_ast` classes looked up so far.
pub(crate) struct Conv<'a> {
    ctx: &'a mut Ctx,
    module: Value,
    source: &'a str,
    filename: &'a str,
    lines: LineIndex,
    classes: HashMap<&'static str, Value>,
    /// `_ast._SINGLETONS`: the shared `Load()`, `Add()`, ... instances, as CPython shares them.
    singletons: Option<Value>,
}

fn list(items: Vec<Value>) -> Value {
    Value::Obj(PyList::new_obj(items))
}

impl Conv<'_> {
    fn internal(&self) -> pyrite_object::PyErr {
        pyrite_object::PyErr::new_system("ast: the parser returned a tree of the wrong kind")
    }

    fn class(&mut self, name: &'static str) -> PyResult {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = protocol::getattr_str(self.ctx, &self.module, name)?;
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    /// A new `name` node with `fields` set in order, then the location of `range`.
    fn node(&mut self, name: &'static str, fields: &[(&str, Value)], range: Option<TextRange>) -> PyResult {
        let class = self.class(name)?;
        let node = protocol::call_positional(self.ctx, &class, &[])?;
        for (field, value) in fields {
            protocol::setattr(self.ctx, &node, &Value::str(field), Some(value.clone()))?;
        }
        if let Some(range) = range {
            self.set_location(&node, range)?;
        }
        Ok(node)
    }

    fn set_location(&mut self, node: &Value, range: TextRange) -> PyResult<()> {
        let (line, col) = self.lines.line_col(range.start());
        let (end_line, end_col) = self.lines.line_col(range.end());
        for (name, v) in [("lineno", line), ("col_offset", col), ("end_lineno", end_line), ("end_col_offset", end_col)]
        {
            protocol::setattr(self.ctx, node, &Value::str(name), Some(Value::Int(i64::from(v))))?;
        }
        Ok(())
    }

    /// The shared instance of an operator or context class (`Load`, `Add`, `Not`, ...).
    fn singleton(&mut self, name: &'static str) -> PyResult {
        let table = match &self.singletons {
            Some(t) => t.clone(),
            None => {
                let t = protocol::getattr_str(self.ctx, &self.module, "_SINGLETONS")?;
                self.singletons = Some(t.clone());
                t
            }
        };
        protocol::getitem(self.ctx, &table, &Value::str(name))
    }

    fn opt_expr(&mut self, e: Option<&ast::Expr>) -> PyResult {
        e.map_or(Ok(Value::None), |e| self.expr(e))
    }

    fn exprs<'e>(&mut self, items: impl IntoIterator<Item = &'e ast::Expr>) -> PyResult {
        let mut out = Vec::new();
        for e in items {
            out.push(self.expr(e)?);
        }
        Ok(list(out))
    }

    /// A `SyntaxError` at `range`, for syntax the parser accepts but Python 3.11 does not.
    fn syntax_error(&self, msg: &str, range: TextRange) -> pyrite_object::PyErr {
        let mut e = SyntaxError::with_index(
            SyntaxErrorKind::SyntaxError,
            msg.to_owned(),
            self.filename,
            self.source,
            &self.lines,
            range,
        );
        // CPython's error text is the whole line with its newline, even on the last line.
        if let Some(text) = e.text.as_mut().filter(|t| !t.ends_with('\n')) {
            text.push('\n');
        }
        pyrite_vm::syntax_error(&e)
    }

    /// Where the first token at or after `offset` starts (skipping blanks, line breaks,
    /// continuations and comments): the `def` or `class` after a decorator list.
    fn next_token(&self, offset: TextSize) -> TextSize {
        let bytes = self.source.as_bytes();
        let mut i = usize::from(offset);
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\' => i += 1,
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextSize::new(u32::try_from(i).unwrap_or(u32::MAX))
    }

    /// `func_type` mode: `(argtypes) -> returns`, as used by type comments.
    fn func_type(&mut self) -> PyResult {
        let text = self.source;
        let Some(arrow) = top_level_arrow(text) else {
            return Err(self.syntax_error("invalid syntax", TextRange::empty(TextSize::new(0))));
        };
        // Each side is parsed on its own with the other blanked out, so offsets stay the
        // source's.
        let left = format!("{}{}", &text[..arrow], " ".repeat(text.len() - arrow));
        let right = format!("({}{})", " ".repeat(arrow + 1), &text[arrow + 2..]);
        let parse = |s: &str| match pyrite_parser::parse(s, Mode::Eval, self.filename) {
            Ok(Parsed::Expression(e)) => Ok(e),
            Ok(Parsed::Module(_)) => Err(self.internal()),
            Err(e) => Err(pyrite_vm::syntax_error(&e)),
        };
        let left = parse(left.trim_start())?;
        let right = parse(&right)?;
        let argtypes = match &*left.body {
            ast::Expr::Tuple(t) if t.parenthesized => self.exprs(&t.elts)?,
            e if text.trim_start().starts_with('(') => {
                let one = self.expr(e)?;
                list(vec![one])
            }
            e => return Err(self.syntax_error("invalid syntax", e.range())),
        };
        let returns = self.expr(&right.body)?;
        self.node("FunctionType", &[("argtypes", argtypes), ("returns", returns)], None)
    }
}

/// The byte offset of the `->` outside brackets and strings.
fn top_level_arrow(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(q) = quote {
            if b == b'\\' {
                i += 1;
            } else if b == q {
                quote = None;
            }
        } else {
            match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b'-' if depth == 0 && bytes.get(i + 1) == Some(&b'>') => return Some(i),
                _ => {}
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::top_level_arrow;

    #[test]
    fn arrow_outside_brackets_and_strings() {
        assert_eq!(top_level_arrow("(a) -> b"), Some(4));
        assert_eq!(top_level_arrow("(Callable[[int], '->']) -> x"), Some(24));
        assert_eq!(top_level_arrow("(a, b)"), None);
    }

    /// Runs `source` in a fresh interpreter with this crate's modules; its `assert`s are
    /// the test.
    /// One interpreter at a time: the heap and the GIL are process-wide.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn run(source: &'static str) {
        let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // The interpreter keeps a native-stack reserve larger than a test thread's stack.
        let handle = std::thread::Builder::new().stack_size(64 << 20).spawn(move || run_here(source));
        match handle.map(std::thread::JoinHandle::join) {
            Ok(Ok(())) => {}
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(e) => panic!("could not start the test thread: {e}"),
        }
    }

    fn run_here(source: &str) {
        let mut interp = pyrite_vm::Interpreter::new();
        crate::install(&mut interp);
        match interp.run_main(source, "<test>") {
            Ok(()) => {}
            Err(pyrite_vm::RunError::Exception(e)) => {
                let exc = e.value().clone();
                let mut sources = pyrite_vm::traceback::SourceCache::default();
                panic!("{source}\n{}", pyrite_vm::traceback::format_exception(interp.ctx(), &mut sources, &exc));
            }
            Err(_) => panic!("{source}: did not compile"),
        }
    }

    #[test]
    fn parse_builds_nodes_with_locations() {
        run(concat!(
            "import _ast\n",
            "t = compile('x = 1 + é\\n', '<t>', 'exec', 0x400)\n",
            "assert type(t) is _ast.Module and t.type_ignores == []\n",
            "a = t.body[0]\n",
            "assert type(a) is _ast.Assign and a.type_comment is None\n",
            "assert (a.lineno, a.col_offset, a.end_lineno, a.end_col_offset) == (1, 0, 1, 10)\n",
            "b = a.value\n",
            "assert type(b.op) is _ast.Add and b.right.id == 'é' and b.right.end_col_offset == 10\n",
            "load = lambda s: compile(s, '<t>', 'exec', 0x400).body[0].value.ctx\n",
            "assert load('y') is load('z') and type(load('y')) is _ast.Load\n",
            "assert type(a.targets[0].ctx) is _ast.Store\n",
        ));
    }

    #[test]
    fn parse_modes_and_errors() {
        run(concat!(
            "import _ast\n",
            "e = compile('a if b else c', '<t>', 'eval', 0x400)\n",
            "assert type(e) is _ast.Expression and type(e.body) is _ast.IfExp\n",
            "f = compile('(int, str) -> bool', '<t>', 'func_type', 0x400)\n",
            "assert [n.id for n in f.argtypes] == ['int', 'str'] and f.returns.id == 'bool'\n",
            "try:\n    compile('class A[T]: pass', '<t>', 'exec', 0x400)\n",
            "except SyntaxError as err:\n    assert err.msg == 'invalid syntax' and err.offset == 8\n",
            "else:\n    raise AssertionError\n",
        ));
    }
}
