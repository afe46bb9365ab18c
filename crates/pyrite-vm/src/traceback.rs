//! Printing uncaught exceptions as CPython 3.11 does: chained exceptions, `File ...`
//! lines, source lines, and carets under the failing expression.

use std::collections::HashMap;
use std::fmt::Write as _;

use pyrite_object::methods::groups;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::exception::{PyException, Traceback};
use pyrite_object::types::function::Code;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::type_payload;
use pyrite_object::{Ctx, ObjRef, PyErr, Value, protocol};
use pyrite_parser::SyntaxError;

/// Source lines of files, read once, for tracebacks.
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, filename: &str, line: u32) -> Option<String> {
        let lines = self.files.entry(filename.to_owned()).or_insert_with(|| {
            let bytes = std::fs::read(filename).ok()?;
            let text = pyrite_parser::decode_source(&bytes, filename).ok()?;
            Some(text.lines().map(str::to_owned).collect())
        });
        lines.as_ref()?.get(usize::try_from(line).ok()?.checked_sub(1)?).cloned()
    }
}

/// `module.qualname` of an exception's type, without `builtins.` or `__main__.`.
fn exception_type_name(ty: &ObjRef) -> String {
    let payload = type_payload(ty);
    let qualname = payload.qualname.borrow().to_string();
    let module = payload.dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__module__")));
    match module.as_ref().and_then(Value::as_str).map(PyStr::as_str) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qualname}"),
        _ => qualname,
    }
}

/// The last line of a traceback: `TypeName: message`.
pub fn exception_only(ctx: &mut Ctx, exc: &ObjRef) -> String {
    let name = exception_type_name(exc.type_ref());
    if let Some(located) = syntax_error_only(ctx, exc, &name) {
        return located;
    }
    let message =
        protocol::str_string(ctx, &Value::Obj(exc.clone())).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() { name } else { format!("{name}: {message}") }
}

/// A `SyntaxError` raised at run time (by `compile()`, `ast.parse`, ...) with a line
/// number shows where it is, as CPython prints it: file and line, the text with carets,
/// then the type and message.
fn syntax_error_only(ctx: &mut Ctx, exc: &ObjRef, name: &str) -> Option<String> {
    if !protocol::isinstance(&Value::Obj(exc.clone()), &pyrite_object::types().syntax_error) {
        return None;
    }
    let value = Value::Obj(exc.clone());
    let mut get = |attr: &str| protocol::getattr_str(ctx, &value, attr).ok();
    let number = |v: Option<Value>| match v {
        Some(Value::Int(i)) => usize::try_from(i).ok(),
        _ => None,
    };
    let lineno = number(get("lineno"))?;
    let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(|s| s.as_str().to_owned()));
    let msg = text(get("msg")).unwrap_or_else(|| "<no detail available>".to_owned());
    let error = SyntaxError {
        kind: pyrite_parser::SyntaxErrorKind::SyntaxError,
        msg: msg.clone(),
        filename: text(get("filename")).unwrap_or_else(|| "<string>".to_owned()),
        lineno,
        offset: number(get("offset")).unwrap_or(0),
        end_lineno: number(get("end_lineno")).unwrap_or(0),
        end_offset: number(get("end_offset")).unwrap_or(0),
        text: text(get("text")),
    };
    let formatted = format_syntax_error(&error);
    let location = formatted.rsplit_once(&format!("SyntaxError: {msg}\n")).map_or("", |(head, _)| head);
    Some(format!("{location}{name}: {msg}"))
}

/// Byte offset within `line` to a character offset.
fn char_offset(line: &str, byte: usize) -> usize {
    line.char_indices().take_while(|(i, _)| *i < byte).count()
}

/// CPython 3.11's anchors for binary operations and subscripts: where the `^` part of the
/// carets starts and ends within the segment (character offsets), or `None`.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use pyrite_parser::ast::{Expr, Stmt};
    use pyrite_parser::{Mode, Parsed, Ranged};
    let Ok(Parsed::Module(module)) = pyrite_parser::parse(segment, Mode::Exec, "<segment>") else { return None };
    let [Stmt::Expr(statement)] = module.body.as_slice() else { return None };
    match &*statement.value {
        Expr::BinOp(binop) => {
            let left_end = usize::from(binop.left.range().end());
            let right_start = usize::from(binop.right.range().start());
            let operator = segment.get(left_end..right_start)?;
            let offset = operator.len() - operator.trim_start().len();
            let left = left_end + offset;
            let mut right = left + 1;
            if operator.len() > offset + 1 && !operator.as_bytes()[offset + 1].is_ascii_whitespace() {
                right += 1;
            }
            Some((char_offset(segment, left), char_offset(segment, right)))
        }
        Expr::Subscript(subscript) => {
            let value_end = usize::from(subscript.value.range().end());
            let slice_end = usize::from(subscript.slice.range().end()) + 1;
            Some((char_offset(segment, value_end), char_offset(segment, slice_end)))
        }
        _ => None,
    }
}

fn format_entry(out: &mut String, sources: &mut SourceCache, code: &Code, lasti: u32) {
    let b = &code.bytecode;
    let location = b.locations().get(lasti as usize).copied().unwrap_or_default();
    let line = location.line.unwrap_or(0);
    let _ = writeln!(out, "  File \"{}\", line {line}, in {}", b.filename, b.name);
    let Some(source) = sources.line(&b.filename, line) else { return };
    let stripped = source.trim();
    if stripped.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {stripped}");
    let (Some(col), Some(end_col)) = (location.column, location.end_column) else { return };
    let leading = source.chars().count() - source.trim_start().chars().count();
    let start = char_offset(&source, col as usize);
    let same_line = location.end_line == location.line;
    let end = if same_line { char_offset(&source, end_col as usize) } else { leading + stripped.chars().count() };
    let anchors = if same_line { source.get(col as usize..end_col as usize).and_then(caret_anchors) } else { None };
    let narrower = end.saturating_sub(start) < stripped.chars().count();
    let split = anchors.is_some_and(|(l, r)| r > l);
    if !(narrower || split) || end <= start {
        return;
    }
    let mut carets = String::from("    ");
    carets.push_str(&" ".repeat(start.saturating_sub(leading)));
    match anchors {
        Some((left, right)) => {
            let width = end - start;
            for i in 0..width {
                carets.push(if i >= left && i < right { '^' } else { '~' });
            }
        }
        None => carets.push_str(&"^".repeat(end - start)),
    }
    let _ = writeln!(out, "{carets}");
}

/// State of printing one exception tree (CPython's `exception_print_context`): the group
/// nesting depth that sets the indent and margin, whether a group's closing rule is still
/// owed, and the exceptions already printed (a chain is printed once).
struct Printer<'a> {
    sources: &'a mut SourceCache,
    out: String,
    depth: usize,
    need_close: bool,
    seen: Vec<ObjRef>,
    nesting: usize,
}

/// Groups wider than this print `and N more exceptions`.
const MAX_GROUP_WIDTH: usize = 15;
/// Groups nested deeper than this print `... (max_group_depth is 10)`.
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text`, each line behind the indent and the margin (`|` inside groups).
    fn emit(&mut self, text: &str) {
        self.emit_with_margin(text, '|');
    }

    fn emit_with_margin(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    /// One exception: its traceback, `Type: message` and notes.
    fn print_exception(&mut self, ctx: &mut Ctx, exc: &ObjRef, is_group: bool) {
        let data = exc.downcast::<PyException>();
        let mut tb = data.and_then(|d| d.traceback.borrow().clone());
        if tb.is_some() {
            if is_group {
                let margin = if self.depth == 1 { '+' } else { '|' };
                self.emit_with_margin("Exception Group Traceback (most recent call last):\n", margin);
            } else {
                self.emit("Traceback (most recent call last):\n");
            }
        }
        let mut entries = String::new();
        while let Some(entry) = tb {
            let Some(t) = entry.downcast::<Traceback>() else { break };
            if let Some(code) = t.code.downcast::<Code>() {
                format_entry(&mut entries, self.sources, code, t.lasti);
            }
            tb = t.next.borrow().clone();
        }
        self.emit(&entries);
        let mut tail = exception_only(ctx, exc);
        tail.push('\n');
        if let Ok(notes) = protocol::getattr_str(ctx, &Value::Obj(exc.clone()), "__notes__") {
            match notes.downcast::<pyrite_object::types::list::PyList>() {
                Some(list) => {
                    for note in list.to_vec() {
                        let text = protocol::str_string(ctx, &note).unwrap_or_else(|_| "<note str() failed>".into());
                        tail.push_str(&text);
                        tail.push('\n');
                    }
                }
                None => {
                    let text = protocol::repr_string(ctx, &notes).unwrap_or_default();
                    tail.push_str(&text);
                    tail.push('\n');
                }
            }
        }
        self.emit(&tail);
    }

    /// An exception after the exceptions it was caused by or raised during.
    fn print_recursive(&mut self, ctx: &mut Ctx, exc: &ObjRef) {
        if self.nesting > 200 {
            return;
        }
        self.nesting += 1;
        self.seen.push(exc.clone());
        if let Some(data) = exc.downcast::<PyException>() {
            let cause = data.cause.borrow().clone();
            let context = data.context.borrow().clone();
            let chained = match (cause, context) {
                (Some(c), _) => Some((c, CAUSE_MESSAGE)),
                (None, Some(c)) if !data.suppress_context.get() => Some((c, CONTEXT_MESSAGE)),
                _ => None,
            };
            if let Some((next, message)) = chained
                && !self.seen.iter().any(|e| e.is_same(&next))
            {
                let need_close = self.need_close;
                self.print_recursive(ctx, &next);
                self.need_close = need_close;
                self.emit(message);
            }
        }
        if groups::is_group(exc) {
            self.print_group(ctx, exc);
        } else {
            self.print_exception(ctx, exc, false);
        }
        self.nesting -= 1;
    }

    /// A group in CPython's box format: the group itself, then each member under a
    /// numbered rule, one level deeper; the last member closes the box.
    fn print_group(&mut self, ctx: &mut Ctx, exc: &ObjRef) {
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        self.print_exception(ctx, exc, true);
        let members = groups::group_members(exc);
        let n = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for i in 0..n {
            let last = i == n - 1;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_owned() } else { (i + 1).to_string() };
            let lead = if i == 0 { "+-" } else { "  " };
            let _ = writeln!(self.out, "{}{lead}+---------------- {title} ----------------", self.indent());
            self.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                self.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }));
            } else if let Value::Obj(member) = &members[i] {
                self.print_recursive(ctx, member);
            }
            if last && self.need_close {
                let _ = writeln!(self.out, "{}+------------------------------------", self.indent());
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth = 0;
        }
    }
}

/// Formats an exception with its causes and contexts, oldest first, and exception groups
/// with their members in CPython 3.11's box format.
pub fn format_exception(ctx: &mut Ctx, sources: &mut SourceCache, exc: &ObjRef) -> String {
    let mut printer =
        Printer { sources, out: String::new(), depth: 0, need_close: false, seen: Vec::new(), nesting: 0 };
    printer.print_recursive(ctx, exc);
    printer.out
}

/// Formats a compile-time syntax error as CPython prints it when running a file.
#[must_use]
pub fn format_syntax_error(error: &SyntaxError) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  File \"{}\", line {}", error.filename, error.lineno);
    if let Some(text) = &error.text {
        let rtext = text.trim_end_matches(['\n', '\r']);
        let ltext = rtext.trim_start_matches([' ', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        let _ = writeln!(out, "    {ltext}");
        let offset = error.offset;
        let mut end_offset =
            if error.end_lineno == error.lineno && error.end_offset > 0 { error.end_offset } else { offset };
        if end_offset <= offset {
            end_offset = offset + 1;
        }
        if let Some(col) = offset.checked_sub(1 + spaces) {
            let caretspace: String = ltext.chars().take(col).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
            let width = end_offset - offset;
            let _ = writeln!(out, "    {caretspace}{}", "^".repeat(width));
        }
    }
    let _ = writeln!(out, "{}: {}", error.kind.name(), error.msg);
    out
}

/// Whether an error is `SystemExit`.
#[must_use]
pub fn is_system_exit(err: &PyErr) -> bool {
    err.matches(&pyrite_object::types().system_exit)
}
