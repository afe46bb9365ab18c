//! Code objects seen from Python: the `co_*` attributes, `repr`, and `code.replace()`.
//!
//! `replace` builds a new code object around a copy of the compiled bytecode. Changes that
//! would let the bytecode index past its tables (fewer names, constants or locals than the
//! instructions use, a smaller stack) are refused with `ValueError`: Pyrite's bytecode is
//! not CPython's, so `co_code`, `co_linetable` and `co_exceptiontable` cannot be replaced.

use pyrite_bytecode::flags;
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::set_slots;
use crate::protocol;
use crate::registry::{TypeTable, types};
use crate::types::function::Code;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::value::Value;

pub(crate) fn setup(t: &TypeTable) {
    set_slots(&t.code, |s| {
        s.getattro = Some(code_getattro);
        s.repr = Some(code_repr);
    });
    crate::methods::add_methods(
        &t.code,
        "code",
        &[
            ("replace", code_replace),
            ("co_positions", code_positions),
            ("co_lines", code_lines),
            ("_varname_from_oparg", varname_from_oparg),
        ],
    );
    use crate::methods::attrdescr::{self, Kind};
    attrdescr::add(
        &t.code,
        Kind::Member,
        &[
            "co_argcount",
            "co_posonlyargcount",
            "co_kwonlyargcount",
            "co_stacksize",
            "co_flags",
            "co_nlocals",
            "co_consts",
            "co_names",
            "co_filename",
            "co_name",
            "co_qualname",
            "co_firstlineno",
            "co_linetable",
            "co_exceptiontable",
        ],
    );
    attrdescr::add(
        &t.code,
        Kind::GetSet,
        &["co_lnotab", "_co_code_adaptive", "co_varnames", "co_cellvars", "co_freevars", "co_code"],
    );
}

/// The names of a frame's slots in order (CPython's `co_localsplusnames`): the locals,
/// the cell variables that are not also arguments, then the free variables.
fn localsplus_names(code: &Code) -> Vec<Value> {
    let b = &code.bytecode;
    let mut names = code.varnames.to_vec();
    for cell in &b.cellvars {
        if !b.varnames.iter().any(|v| v == cell) {
            names.push(Value::str(cell));
        }
    }
    names.extend(b.freevars.iter().map(|n| Value::str(n)));
    names
}

/// `code._varname_from_oparg(n)`: the name of slot `n` of a frame running this code.
fn varname_from_oparg(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = crate::methods::method_args("_varname_from_oparg", args, 1, 1)?;
    let code = code_of(this)?;
    let index = crate::methods::sequence::index_of(ctx, &rest[0], "tuple")?.unwrap_or(-1);
    let names = localsplus_names(code);
    usize::try_from(index)
        .ok()
        .and_then(|i| names.get(i).cloned())
        .ok_or_else(|| PyErr::index_error("tuple index out of range"))
}

/// `co_lnotab` (deprecated): pairs of (bytecode offset delta, line delta) at each line
/// change, long deltas split as CPython's `emit_delta` does.
fn lnotab(code: &Code) -> Vec<u8> {
    fn emit(out: &mut Vec<u8>, mut bdelta: i64, mut ldelta: i64) {
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            bdelta = 0;
            ldelta += 128;
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
    }
    let mut out = Vec::new();
    let mut line = i64::from(code.bytecode.first_line);
    let mut offset = 0i64;
    let mut previous: Option<u32> = None;
    for (i, location) in code.bytecode.locations().iter().enumerate() {
        let Some(current) = location.line.or(previous) else { continue };
        previous = Some(current);
        if i64::from(current) != line {
            let start = i64::try_from(i * 2).unwrap_or(i64::MAX);
            emit(&mut out, start - offset, i64::from(current) - line);
            offset = start;
            line = i64::from(current);
        }
    }
    out
}

fn code_of(v: &Value) -> PyResult<&Code> {
    v.downcast::<Code>().ok_or_else(|| PyErr::type_error("descriptor requires a 'code' object"))
}

fn code_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let b = &code_of(v)?.bytecode;
    Ok(Value::str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        b.name,
        v.id(),
        b.filename,
        b.first_line
    )))
}

fn code_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let code = code_of(v)?;
    let b = &code.bytecode;
    let strings = |list: &[Box<str>]| {
        Value::Obj(PyTuple::new_obj(list.iter().map(|n| Value::Obj(crate::types::intern::intern_str(n))).collect()))
    };
    let count = |n: u32| Value::Int(i64::from(n));
    Ok(match name.as_str().map(PyStr::as_str) {
        Some("co_name") => code.name.clone(),
        Some("co_qualname") => code.qualname.clone(),
        Some("co_filename") => Value::str(&b.filename),
        Some("co_firstlineno") => count(b.first_line),
        Some("co_argcount") => count(b.argcount),
        Some("co_posonlyargcount") => count(b.posonlyargcount),
        Some("co_kwonlyargcount") => count(b.kwonlyargcount),
        Some("co_flags") => count(b.flags),
        Some("co_stacksize") => count(b.stacksize),
        Some("co_nlocals") => Value::from(b.varnames.len()),
        Some("co_varnames") => Value::Obj(PyTuple::new_obj(code.varnames.to_vec())),
        Some("co_cellvars") => strings(&b.cellvars),
        Some("co_freevars") => strings(&b.freevars),
        Some("co_names") => Value::Obj(PyTuple::new_obj(code.names.to_vec())),
        Some("co_consts") => Value::Obj(PyTuple::new_obj(code.consts.to_vec())),
        Some("co_code") => {
            let bytes = b.code.iter().flat_map(|unit| [unit.op, unit.arg]).collect();
            Value::Obj(crate::types::bytes::PyBytes::new_obj(bytes))
        }
        Some("co_linetable") => Value::Obj(crate::types::bytes::PyBytes::new_obj(b.linetable.clone())),
        Some("co_exceptiontable") => Value::Obj(crate::types::bytes::PyBytes::new_obj(b.exceptiontable.clone())),
        Some("co_lnotab") => Value::Obj(crate::types::bytes::PyBytes::new_obj(lnotab(code))),
        // The code units as they run now, specialized instructions included.
        Some("_co_code_adaptive") => {
            let bytes = code.units.iter().flat_map(|unit| [unit.get().op, unit.get().arg]).collect();
            Value::Obj(crate::types::bytes::PyBytes::new_obj(bytes))
        }
        _ => return protocol::generic_getattr(ctx, v, name),
    })
}

fn this_code<'a>(name: &str, args: Args<'a>) -> PyResult<&'a Code> {
    let (this, _) = crate::methods::method_args(name, args, 0, 0)?;
    code_of(this)
}

/// An iterator over a list of values (what `co_positions` and `co_lines` return).
fn iterate(ctx: &mut Ctx, items: Vec<Value>) -> PyResult {
    protocol::get_iter(ctx, &Value::Obj(crate::types::list::PyList::new_obj(items)))
}

/// `co_positions()`: `(line, end_line, column, end_column)` for each code unit.
fn code_positions(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let code = this_code("co_positions", args)?;
    let opt = |n: Option<u32>| n.map_or(Value::None, |n| Value::Int(i64::from(n)));
    let items = code
        .bytecode
        .locations()
        .into_iter()
        .map(|l| Value::Obj(PyTuple::new_obj(vec![opt(l.line), opt(l.end_line), opt(l.column), opt(l.end_column)])))
        .collect();
    iterate(ctx, items)
}

/// `co_lines()`: `(start, end, line)` byte ranges of consecutive code units on one line.
fn code_lines(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let code = this_code("co_lines", args)?;
    let mut items = Vec::new();
    let mut current: Option<(usize, Option<u32>)> = None;
    let locations = code.bytecode.locations();
    let range = |start: usize, end: usize, line: Option<u32>| {
        let line = line.map_or(Value::None, |n| Value::Int(i64::from(n)));
        Value::Obj(PyTuple::new_obj(vec![Value::from(start * 2), Value::from(end * 2), line]))
    };
    for (i, location) in locations.iter().enumerate() {
        match current {
            Some((_, line)) if line == location.line => {}
            Some((start, line)) => {
                items.push(range(start, i, line));
                current = Some((i, location.line));
            }
            None => current = Some((i, location.line)),
        }
    }
    if let Some((start, line)) = current {
        items.push(range(start, locations.len(), line));
    }
    iterate(ctx, items)
}

/// The fields `replace` may change, as given by its keywords.
#[derive(Default)]
struct Changes {
    counts: Vec<(&'static str, u32)>,
    strings: Vec<(&'static str, Value)>,
    tuples: Vec<(&'static str, Vec<Value>)>,
}

const COUNT_FIELDS: [&str; 6] =
    ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_firstlineno"];
const STRING_FIELDS: [&str; 3] = ["co_name", "co_qualname", "co_filename"];
const TUPLE_FIELDS: [&str; 5] = ["co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars"];
const BYTECODE_FIELDS: [&str; 3] = ["co_code", "co_linetable", "co_exceptiontable"];

fn parse_changes(ctx: &mut Ctx, args: &Args<'_>, given: &[Value]) -> PyResult<Changes> {
    let mut changes = Changes::default();
    for (key, value) in args.kwnames.iter().zip(given) {
        let key = key.as_str().map_or("", PyStr::as_str);
        if key == "co_flags" || COUNT_FIELDS.contains(&key) {
            let field = COUNT_FIELDS.iter().copied().find(|f| *f == key).unwrap_or("co_flags");
            let n = protocol::index(ctx, value, |v| {
                format!("'{}' object cannot be interpreted as an integer", v.type_name())
            })?;
            let n = crate::methods::int::as_small(&n)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(())
                .map_err(|_| PyErr::value_error(format!("code: {key} must not be negative")))?;
            changes.counts.push((field, n));
        } else if let Some(field) = STRING_FIELDS.iter().find(|f| **f == key) {
            if value.as_str().is_none() {
                return Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be str, not {}",
                    value.type_name()
                )));
            }
            changes.strings.push((field, value.clone()));
        } else if let Some(field) = TUPLE_FIELDS.iter().find(|f| **f == key) {
            let Some(tuple) = value.downcast::<PyTuple>() else {
                return Err(PyErr::type_error(format!(
                    "replace() argument '{key}' must be tuple, not {}",
                    value.type_name()
                )));
            };
            let items = tuple.items().to_vec();
            if *field != "co_consts" && items.iter().any(|v| v.as_str().is_none()) {
                return Err(PyErr::new_system("non-string found in code slot"));
            }
            changes.tuples.push((field, items));
        } else if BYTECODE_FIELDS.contains(&key) {
            return Err(PyErr::not_implemented(format!(
                "code.replace() cannot change {key}: Pyrite's bytecode is not CPython's"
            )));
        } else {
            return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for replace()")));
        }
    }
    Ok(changes)
}

fn str_list(items: &[Value]) -> Vec<Box<str>> {
    items.iter().map(|v| Box::from(v.as_str().map_or("", PyStr::as_str))).collect()
}

/// `code.replace(**changes)`: a copy of the code object with the given fields changed.
fn code_replace(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let positional = args.values.len() - args.kwnames.len();
    if positional != 1 {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let this = &args.values[0];
    let code = code_of(this)?;
    let changes = parse_changes(ctx, &args, &args.values[1..])?;
    let mut b = code.bytecode.clone();
    let (mut consts, mut names, mut varnames) = (code.consts.to_vec(), code.names.to_vec(), code.varnames.to_vec());
    let (old_stack, old_flags) = (b.stacksize, b.flags);
    let mut nlocals = None;
    for (field, n) in changes.counts {
        match field {
            "co_argcount" => b.argcount = n,
            "co_posonlyargcount" => b.posonlyargcount = n,
            "co_kwonlyargcount" => b.kwonlyargcount = n,
            "co_stacksize" => b.stacksize = n,
            "co_firstlineno" => b.first_line = n,
            "co_flags" => b.flags = n,
            _ => nlocals = Some(n as usize),
        }
    }
    let same_length = |field: &str, old: usize, new: usize| {
        if old == new {
            Ok(())
        } else {
            Err(PyErr::value_error(format!("code.replace(): Pyrite cannot change the length of {field}")))
        }
    };
    for (field, items) in changes.tuples {
        match field {
            "co_consts" => {
                same_length(field, consts.len(), items.len())?;
                consts = items;
            }
            "co_names" => {
                same_length(field, names.len(), items.len())?;
                b.names = str_list(&items);
                names = items;
            }
            "co_varnames" => {
                same_length(field, varnames.len(), items.len())?;
                b.varnames = str_list(&items);
                varnames = items;
            }
            "co_freevars" => {
                same_length(field, b.freevars.len(), items.len())?;
                b.freevars = str_list(&items);
            }
            _ => {
                same_length(field, b.cellvars.len(), items.len())?;
                b.cellvars = str_list(&items);
            }
        }
    }
    if nlocals.is_some_and(|n| n != varnames.len()) {
        return Err(PyErr::value_error("code: co_nlocals != len(co_varnames)"));
    }
    let star_params = u32::from(b.flags & flags::VARARGS != 0) + u32::from(b.flags & flags::VARKEYWORDS != 0);
    if (b.argcount + b.kwonlyargcount + star_params) as usize > varnames.len() || b.posonlyargcount > b.argcount {
        return Err(PyErr::value_error("code: co_varnames is too small"));
    }
    if b.stacksize < old_stack {
        return Err(PyErr::value_error("code.replace(): Pyrite cannot make co_stacksize smaller"));
    }
    let kinds = flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR;
    if b.flags & kinds != old_flags & kinds {
        return Err(PyErr::value_error(
            "code.replace(): Pyrite cannot change whether code is a generator or coroutine",
        ));
    }
    for (field, value) in &changes.strings {
        let text: Box<str> = value.as_str().map_or("", PyStr::as_str).into();
        match *field {
            "co_name" => b.name = text,
            "co_qualname" => b.qualname = text,
            _ => b.filename = text,
        }
    }
    let new = Code::new(b, consts.into(), names.into(), varnames.into());
    Ok(Value::Obj(ObjRef::new(new, Some(&types().code))))
}
