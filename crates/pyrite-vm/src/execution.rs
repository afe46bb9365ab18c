//! `exec`, `eval`, `compile`, `globals` and `locals`: running code built at run time.

use pyrite_compiler::CompileError;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Code, NativeFn};
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, types};
use pyrite_parser::{Mode, SyntaxError};

use crate::eval::{new_frame, run_frame};
use crate::frame::Frame;
use crate::state::vm;

/// Adds the builtins of this module to the builtins dict.
pub fn install(dict: &PyDict) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("exec", builtin_exec),
        ("eval", builtin_eval),
        ("compile", builtin_compile),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
    ];
    for &(name, func) in functions {
        dict.set_str(name, Value::Obj(BuiltinFunction::new_in_module("builtins", name, func)));
    }
}

/// A Python `SyntaxError` instance for a compile error.
pub fn syntax_error(error: &SyntaxError) -> PyErr {
    let t = types();
    let ty = match error.kind {
        pyrite_parser::SyntaxErrorKind::SyntaxError => &t.syntax_error,
        pyrite_parser::SyntaxErrorKind::IndentationError => &t.indentation_error,
        pyrite_parser::SyntaxErrorKind::TabError => &t.tab_error,
    };
    let details = pyrite_object::types::list::PyTuple::new_obj(vec![
        Value::str(&error.filename),
        Value::from(error.lineno),
        Value::from(error.offset),
        error.text.as_deref().map_or(Value::None, Value::str),
        Value::from(error.end_lineno),
        Value::from(error.end_offset),
    ]);
    PyErr::with_args(ty, vec![Value::str(&error.msg), Value::Obj(details)])
}

pub(crate) fn compile_text(source: &Value, filename: &str, mode: Mode, function: &str) -> PyResult<ObjRef> {
    if let Some(code) = source.as_obj().filter(|o| o.is::<Code>()) {
        return Ok(code.clone());
    }
    let text = source_text(source, filename, function)?;
    compile_str(&text, filename, mode)
}

/// The text of a `str` or bytes-like source; bytes are decoded as a source file is (BOM,
/// PEP 263 coding cookie).
fn source_text<'a>(source: &'a Value, filename: &str, function: &str) -> PyResult<std::borrow::Cow<'a, str>> {
    let text = match source.as_str() {
        Some(text) => std::borrow::Cow::Borrowed(text.as_str()),
        None => match pyrite_object::methods::bytes::with_buffer(source, |b| pyrite_parser::decode_source(b, filename))
        {
            Some(Ok(text)) => std::borrow::Cow::Owned(text),
            Some(Err(e)) => return Err(syntax_error(&e)),
            None => {
                let what = if function == "compile" { "AST" } else { "code" };
                return Err(PyErr::type_error(format!("{function}() arg 1 must be a string, bytes or {what} object")));
            }
        },
    };
    if text.contains('\0') {
        return Err(PyErr::new(&pyrite_object::types().syntax_error, "source code string cannot contain null bytes"));
    }
    Ok(text)
}

fn compile_str(text: &str, filename: &str, mode: Mode) -> PyResult<ObjRef> {
    compile_with_columns(text, filename, mode, true)
}

/// Compiles `text`; without `columns` the code keeps line numbers only (for code written
/// from an AST object, whose columns are not the tree's, so tracebacks show no carets
/// rather than misplaced ones).
fn compile_with_columns(text: &str, filename: &str, mode: Mode, columns: bool) -> PyResult<ObjRef> {
    let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']) } else { text };
    match pyrite_compiler::compile(text, filename, mode) {
        Ok(mut code) => {
            if !columns {
                drop_columns(&mut code);
            }
            crate::materialize::materialize(code)
        }
        Err(CompileError::Syntax(e)) => Err(syntax_error(&e)),
        Err(CompileError::Internal(message)) => Err(PyErr::new_system(format!("compiler error: {message}"))),
    }
}

fn drop_columns(code: &mut pyrite_compiler::CodeObject) {
    let mut locations = code.locations();
    for l in &mut locations {
        l.column = None;
        l.end_column = None;
    }
    code.linetable = pyrite_bytecode::linetable::encode(&locations, code.first_line);
    for c in &mut code.constants {
        if let pyrite_bytecode::Constant::Code(inner) = c {
            drop_columns(inner);
        }
    }
}

/// How `compile()` works with AST objects: the node classes and the conversions live with
/// the `_ast` module (a higher crate), which registers them here once.
#[derive(Clone, Copy)]
pub struct AstHooks {
    /// Parses source text (already decoded) into AST objects for `compile(...,
    /// PyCF_ONLY_AST)`; the mode is `"exec"`, `"eval"`, `"single"` or `"func_type"`.
    pub parse: fn(&mut Ctx, text: &str, filename: &str, mode: &str) -> PyResult,
    /// If `source` is an AST object, checks it against the mode and returns source text
    /// that compiles to its code (statements on the lines the nodes give); `None` for
    /// anything that is not an AST object.
    pub to_source: fn(&mut Ctx, source: &Value, mode: &str) -> PyResult<Option<String>>,
}

static AST_HOOKS: std::sync::OnceLock<AstHooks> = std::sync::OnceLock::new();

/// Registers the AST conversions (the first registration wins).
pub fn set_ast_hooks(hooks: AstHooks) {
    let _ = AST_HOOKS.set(hooks);
}

/// The calling frame's globals and locals (for `globals()`, `locals()` and defaults).
fn caller_namespaces(ctx: &mut Ctx) -> PyResult<(ObjRef, ObjRef)> {
    let Some(mut frame_ptr) = vm(ctx).calling_frame else {
        return Err(PyErr::runtime_error("no current frame"));
    };
    // SAFETY: `calling_frame` points at the eval loop's live frame for the duration of
    // this native call (see `VmState::calling_frame`).
    let frame = unsafe { frame_ptr.as_mut() };
    Ok((frame.globals.clone(), frame_locals(frame)?))
}

/// A frame's locals: the namespace of a module or class body, or for a function a
/// snapshot dict of its bound locals, as CPython's `locals()`.
pub(crate) fn frame_locals(frame: &mut Frame) -> PyResult<ObjRef> {
    if let Some(locals) = &frame.locals {
        return Ok(locals.clone());
    }
    let snapshot = PyDict::new_obj();
    let d = snapshot.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict"))?;
    write_locals(frame, d);
    Ok(snapshot)
}

/// Writes a function frame's local variables (and the cells and free variables it sees)
/// into `d`, removing the names that are unbound now, as CPython's `PyFrame_FastToLocals`.
pub(crate) fn write_locals(frame: &mut Frame, d: &PyDict) {
    let code_obj = frame.code.clone();
    let Some(code) = code_obj.downcast::<Code>() else { return };
    let b = &code.bytecode;
    let nlocals = b.varnames.len();
    let slots: Vec<Option<Value>> = frame.slots_mut()[..code.nlocalsplus()].to_vec();
    let write = |name: &str, value: Option<Value>| match value {
        Some(v) => d.set_str(name, v),
        None => drop(d.remove_str(&pyrite_object::types::str::PyStr::from_str(name))),
    };
    for (i, name) in b.varnames.iter().enumerate() {
        let value = match b.cellvars.iter().position(|c| c == name) {
            Some(cell) => cell_value(slots[nlocals + cell].as_ref()),
            None => slots[i].clone(),
        };
        write(name, value);
    }
    for (i, name) in b.cellvars.iter().chain(b.freevars.iter()).enumerate() {
        if !b.varnames.contains(name) {
            write(name, cell_value(slots[nlocals + i].as_ref()));
        }
    }
}

fn cell_value(slot: Option<&Value>) -> Option<Value> {
    slot.and_then(|c| c.downcast::<pyrite_object::types::function::Cell>()).and_then(|c| c.value.borrow().clone())
}

fn namespaces(
    ctx: &mut Ctx,
    globals: Option<&Value>,
    locals: Option<&Value>,
    function: &str,
) -> PyResult<(ObjRef, ObjRef)> {
    let is_mapping = |v: &Value| pyrite_object::types::typeobj::type_payload(v.type_ref()).slots().getitem.is_some();
    let eval = function == "eval";
    if eval && locals.is_some_and(|l| !l.is_none() && !is_mapping(l)) {
        return Err(PyErr::type_error("locals must be a mapping"));
    }
    let globals = match globals {
        None | Some(Value::None) => None,
        Some(Value::Obj(g)) if g.is::<PyDict>() => Some(g.clone()),
        Some(other) if eval => {
            return Err(PyErr::type_error(if is_mapping(other) {
                "globals must be a real dict; try eval(expr, {}, mapping)"
            } else {
                "globals must be a dict"
            }));
        }
        Some(other) => {
            return Err(PyErr::type_error(format!("{function}() globals must be a dict, not {}", other.type_name())));
        }
    };
    let locals = match locals {
        None | Some(Value::None) => None,
        Some(l @ Value::Obj(o)) if is_mapping(l) => Some(o.clone()),
        Some(other) => {
            return Err(PyErr::type_error(format!("locals must be a mapping or None, not {}", other.type_name())));
        }
    };
    match (globals, locals) {
        (Some(g), Some(l)) => Ok((g, l)),
        (Some(g), None) => Ok((g.clone(), g)),
        (None, locals) => {
            let (g, l) = caller_namespaces(ctx)?;
            Ok((g, locals.unwrap_or(l)))
        }
    }
}

/// Runs code with the builtins named by `globals["__builtins__"]` (a dict or a module), as
/// CPython does; globals without one get the interpreter's builtins added.
pub(crate) fn run_in(ctx: &mut Ctx, code: ObjRef, globals: ObjRef, locals: ObjRef) -> PyResult {
    let named = globals.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__builtins__")));
    let builtins = match named {
        Some(Value::Obj(b)) if b.is::<PyDict>() => b,
        Some(Value::Obj(m)) if m.is::<pyrite_object::types::function::Module>() => m
            .downcast::<pyrite_object::types::function::Module>()
            .map_or_else(|| vm(ctx).builtins.clone(), |m| m.dict.clone()),
        Some(_) => vm(ctx).builtins.clone(),
        None => {
            let builtins = vm(ctx).builtins.clone();
            if let Some(d) = globals.downcast::<PyDict>() {
                d.set_str("__builtins__", Value::Obj(builtins.clone()));
            }
            builtins
        }
    };
    let frame = new_frame(ctx, code, None, globals, builtins, Some(locals));
    run_frame(ctx, frame)
}

fn split_args<'a>(args: &Args<'a>, function: &str) -> PyResult<[Option<&'a Value>; 3]> {
    let mut out = [None, None, None];
    for (i, v) in args.pos().iter().enumerate() {
        if i >= 3 {
            return Err(PyErr::type_error(format!(
                "{function} expected at most 3 arguments, got {}",
                args.pos().len()
            )));
        }
        out[i] = Some(v);
    }
    for (k, v) in args.keywords() {
        match k.as_str().map(PyStr::as_str) {
            Some("globals") => out[1] = Some(v),
            Some("locals") => out[2] = Some(v),
            _ => return Err(PyErr::type_error(format!("{function}() takes no keyword arguments"))),
        }
    }
    if out[0].is_none() {
        return Err(PyErr::type_error(format!("{function} expected at least 1 argument, got 0")));
    }
    Ok(out)
}

fn builtin_exec(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [source, globals, locals] = split_args(&args, "exec")?;
    let (globals, locals) = namespaces(ctx, globals, locals, "exec")?;
    let code = compile_text(source.unwrap_or(&Value::None), "<string>", Mode::Exec, "exec")?;
    run_in(ctx, code, globals, locals)?;
    Ok(Value::None)
}

fn builtin_eval(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [source, globals, locals] = split_args(&args, "eval")?;
    let (globals, locals) = namespaces(ctx, globals, locals, "eval")?;
    let code = compile_text(source.unwrap_or(&Value::None), "<string>", Mode::Eval, "eval")?;
    run_in(ctx, code, globals, locals)
}

/// `compile()`'s flag asking for an AST instead of code (`ast.PyCF_ONLY_AST`).
const PYCF_ONLY_AST: i64 = 0x400;

fn builtin_compile(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let mut positional: Vec<Value> = args.pos().to_vec();
    for (k, v) in args.keywords() {
        let index = match k.as_str().map(PyStr::as_str) {
            Some("source") => 0,
            Some("filename") => 1,
            Some("mode") => 2,
            Some("flags") => 3,
            Some("dont_inherit" | "optimize" | "_feature_version") => continue,
            _ => return Err(PyErr::type_error("compile() got an unexpected keyword argument")),
        };
        while positional.len() <= index {
            positional.push(Value::None);
        }
        positional[index] = v.clone();
    }
    if positional.len() < 3 {
        return Err(PyErr::type_error("compile() missing required argument 'mode' (pos 3)"));
    }
    let flags = positional
        .get(3)
        .map_or(Ok(0), |f| if f.is_none() { Ok(0) } else { pyrite_object::methods::int::to_i64(f) })?;
    let filename = positional[1]
        .as_str()
        .map(|s| s.as_str().to_owned())
        .ok_or_else(|| PyErr::type_error("compile() argument 'filename' must be str"))?;
    let mode_name = positional[2].as_str().map(|s| s.as_str().to_owned());
    let mode = match mode_name.as_deref() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        Some("func_type") if flags & PYCF_ONLY_AST != 0 => Mode::Eval,
        Some("func_type") => {
            return Err(PyErr::value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
        }
        _ => return Err(PyErr::value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let mode_name = mode_name.unwrap_or_default();
    let source = &positional[0];
    let hooks = AST_HOOKS.get().copied();
    let ast_source = match hooks {
        Some(h) if !source.as_obj().is_some_and(|o| o.is::<Code>()) && source.as_str().is_none() => {
            (h.to_source)(ctx, source, &mode_name)?
        }
        _ => None,
    };
    if flags & PYCF_ONLY_AST != 0 {
        if ast_source.is_some() {
            // An AST object asked for as an AST is returned as it is, once checked.
            return Ok(source.clone());
        }
        let Some(h) = hooks else {
            return Err(PyErr::not_implemented("compiling to an AST needs the _ast module"));
        };
        let text = source_text(source, &filename, "compile")?;
        return (h.parse)(ctx, &text, &filename, &mode_name);
    }
    if let Some(text) = ast_source {
        return Ok(Value::Obj(compile_with_columns(&text, &filename, mode, false)?));
    }
    Ok(Value::Obj(compile_text(source, &filename, mode, "compile")?))
}

fn builtin_globals(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("globals", args, 0, 0)?;
    Ok(Value::Obj(caller_namespaces(ctx)?.0))
}

fn builtin_locals(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("locals", args, 0, 0)?;
    Ok(Value::Obj(caller_namespaces(ctx)?.1))
}
