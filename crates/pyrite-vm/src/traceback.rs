//! Printing uncaught exceptions as CPython 3.11 does: chained exceptions, `File ...`
//! lines, source lines, and carets under the failing expression.

use std::collections::HashMap;
use std::fmt::Write as _;

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
    let message =
        protocol::str_string(ctx, &Value::Obj(exc.clone())).unwrap_or_else(|_| "<exception str() failed>".into());
    if message.is_empty() { name } else { format!("{name}: {message}") }
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

fn format_one(ctx: &mut Ctx, out: &mut String, sources: &mut SourceCache, exc: &ObjRef) {
    let data = exc.downcast::<PyException>();
    let mut tb = data.and_then(|d| d.traceback.borrow().clone());
    if tb.is_some() {
        out.push_str("Traceback (most recent call last):\n");
    }
    while let Some(entry) = tb {
        let Some(t) = entry.downcast::<Traceback>() else { break };
        if let Some(code) = t.code.downcast::<Code>() {
            format_entry(out, sources, code, t.lasti);
        }
        tb = t.next.borrow().clone();
    }
    out.push_str(&exception_only(ctx, exc));
    out.push('\n');
    if let Ok(notes) = protocol::getattr_str(ctx, &Value::Obj(exc.clone()), "__notes__") {
        match notes.downcast::<pyrite_object::types::list::PyList>() {
            Some(list) => {
                for note in list.to_vec() {
                    let text = protocol::str_string(ctx, &note).unwrap_or_else(|_| "<note str() failed>".into());
                    out.push_str(&text);
                    out.push('\n');
                }
            }
            None => {
                let text = protocol::repr_string(ctx, &notes).unwrap_or_default();
                out.push_str(&text);
                out.push('\n');
            }
        }
    }
}

/// Formats an exception with its causes and contexts, oldest first.
pub fn format_exception(ctx: &mut Ctx, sources: &mut SourceCache, exc: &ObjRef) -> String {
    // chain[i + 1] is the cause or context of chain[i]; links[i] says which.
    let mut chain = vec![exc.clone()];
    let mut links: Vec<&str> = Vec::new();
    while chain.len() < 100 {
        let Some(data) = chain[chain.len() - 1].downcast::<PyException>() else { break };
        let cause = data.cause.borrow().clone();
        let context = data.context.borrow().clone();
        let next = match (cause, context) {
            (Some(c), _) => Some((c, "\nThe above exception was the direct cause of the following exception:\n\n")),
            (None, Some(c)) if !data.suppress_context.get() => {
                Some((c, "\nDuring handling of the above exception, another exception occurred:\n\n"))
            }
            _ => None,
        };
        let Some((next, link)) = next else { break };
        if chain.iter().any(|e| e.is_same(&next)) {
            break;
        }
        chain.push(next);
        links.push(link);
    }
    let mut out = String::new();
    for i in (0..chain.len()).rev() {
        format_one(ctx, &mut out, sources, &chain[i]);
        if i > 0 {
            out.push_str(links[i - 1]);
        }
    }
    out
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
