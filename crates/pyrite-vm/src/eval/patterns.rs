//! Pattern matching instructions (`match` statements): `MATCH_CLASS`, `MATCH_MAPPING`,
//! `MATCH_SEQUENCE`, `MATCH_KEYS`, `GET_LEN`, with CPython 3.11's semantics
//! (`match_class`, `match_keys` in `ceval.c`).

use pyrite_bytecode::Opcode;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::typeobj::{TypeObject, type_name, type_payload};
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::frame::Frame;

/// Runs one pattern-matching instruction.
pub(super) fn execute(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    match op {
        Opcode::MATCH_SEQUENCE => {
            let subject = top(frame);
            frame.push(Value::Bool(is_sequence(&subject)));
        }
        Opcode::MATCH_MAPPING => {
            let subject = top(frame);
            frame.push(Value::Bool(is_mapping(&subject)));
        }
        Opcode::GET_LEN => {
            let subject = top(frame);
            let n = protocol::len(ctx, &subject)?;
            frame.push(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)));
        }
        Opcode::MATCH_KEYS => {
            let keys = top(frame);
            let subject = frame.peek(2).clone().unwrap_or(Value::None);
            let values = match_keys(ctx, &subject, &keys)?;
            frame.push(values);
        }
        Opcode::MATCH_CLASS => {
            let names = frame.pop();
            let class = frame.pop();
            let subject = frame.pop();
            let attrs = match_class(ctx, &subject, &class, arg as usize, &names)?;
            frame.push(attrs.map_or(Value::None, |a| Value::Obj(PyTuple::new_obj(a))));
        }
        _ => {
            return Err(PyErr::new_system(format!("{} is not a pattern instruction", op.name())));
        }
    }
    Ok(())
}

fn top(frame: &mut Frame) -> Value {
    frame.peek(1).clone().unwrap_or(Value::None)
}

/// CPython's `Py_TPFLAGS_SEQUENCE`: list, tuple, range, memoryview, deque, their
/// subclasses and the classes of `collections.abc.Sequence` (never str, bytes or
/// bytearray).
fn is_sequence(value: &Value) -> bool {
    type_payload(value.type_ref()).flags.get() & pyrite_object::types::typeobj::TYPE_SEQUENCE != 0
}

/// CPython's `Py_TPFLAGS_MAPPING`: dict, its subclasses and the classes of
/// `collections.abc.Mapping`.
fn is_mapping(value: &Value) -> bool {
    type_payload(value.type_ref()).flags.get() & pyrite_object::types::typeobj::TYPE_MAPPING != 0
}

fn tuple_items(value: &Value) -> Option<Vec<Value>> {
    value.downcast::<PyTuple>().map(|t| t.items().to_vec())
}

/// The values of `keys` in the mapping `subject` (a tuple), or `None` when one is missing.
fn match_keys(ctx: &mut Ctx, subject: &Value, keys: &Value) -> PyResult {
    let keys = tuple_items(keys).ok_or_else(|| PyErr::new_system("MATCH_KEYS without a tuple of keys"))?;
    if keys.is_empty() {
        return Ok(Value::Obj(PyTuple::new_obj(Vec::new())));
    }
    // map.get(key, dummy): checks and fetches at once, and never calls __missing__.
    let exact_dict = subject.type_ref().is_same(&types().dict);
    let get = if exact_dict { None } else { Some(protocol::getattr_str(ctx, subject, "get")?) };
    let dummy = Value::Obj(PyList::new_obj(Vec::new()));
    let mut values = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        for earlier in &keys[..i] {
            if protocol::eq(ctx, earlier, key)? {
                let text = protocol::repr_string(ctx, key)?;
                return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({text})")));
            }
        }
        let value = match &get {
            None => {
                let found = match subject.downcast::<PyDict>() {
                    Some(d) => d.get_item(ctx, key)?,
                    None => None,
                };
                match found {
                    Some(v) => v,
                    None => return Ok(Value::None),
                }
            }
            Some(get) => {
                let v = protocol::call_positional(ctx, get, &[key.clone(), dummy.clone()])?;
                if v.is(&dummy) {
                    return Ok(Value::None);
                }
                v
            }
        };
        values.push(value);
    }
    Ok(Value::Obj(PyTuple::new_obj(values)))
}

/// Whether instances of `ty` match a single positional sub-pattern against themselves
/// (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
fn matches_self(ty: &ObjRef) -> bool {
    let t = types();
    [&t.bool, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str, &t.tuple]
        .iter()
        .any(|builtin| pyrite_object::types::typeobj::is_subtype(ty, builtin))
}

/// `getattr(subject, name)` for a class pattern, `None` when missing; `seen` catches an
/// attribute asked for twice.
fn match_class_attr(
    ctx: &mut Ctx,
    subject: &Value,
    ty: &ObjRef,
    name: &Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    for s in seen.iter() {
        if protocol::eq(ctx, s, name)? {
            let text = protocol::repr_string(ctx, name)?;
            return Err(PyErr::type_error(format!(
                "{}() got multiple sub-patterns for attribute {text}",
                type_name(ty)
            )));
        }
    }
    seen.push(name.clone());
    match protocol::getattr(ctx, subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&types().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The attributes a class pattern extracts, or `None` when the subject doesn't match.
fn match_class(
    ctx: &mut Ctx,
    subject: &Value,
    class: &Value,
    nargs: usize,
    names: &Value,
) -> PyResult<Option<Vec<Value>>> {
    let Some(ty) = class.as_obj().filter(|o| o.is::<TypeObject>()).cloned() else {
        return Err(PyErr::type_error("called match pattern must be a type"));
    };
    let names = tuple_items(names).ok_or_else(|| PyErr::new_system("MATCH_CLASS without a tuple of names"))?;
    // First, an isinstance check:
    if !protocol::isinstance(subject, &ty) {
        return Ok(None);
    }
    let mut seen = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + names.len());
    // The positional sub-patterns:
    if nargs > 0 {
        let (match_args, match_self) = match protocol::getattr_str(ctx, class, "__match_args__") {
            Ok(m) => {
                let Some(items) = m.type_ref().is_same(&types().tuple).then(|| tuple_items(&m)).flatten() else {
                    return Err(PyErr::type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        type_name(&ty),
                        m.type_name()
                    )));
                };
                (items, false)
            }
            // The builtin self-matching types count only while __match_args__ is absent.
            Err(e) if e.matches(&types().attribute_error) => (Vec::new(), matches_self(&ty)),
            Err(e) => return Err(e),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!(
                "{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)",
                type_name(&ty)
            )));
        }
        if match_self {
            // Easy. Copy the subject itself, and move on to the keywords.
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if !name.type_ref().is_same(&types().str) {
                    return Err(PyErr::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        name.type_name()
                    )));
                }
                match match_class_attr(ctx, subject, &ty, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    // Finally, the keyword sub-patterns:
    for name in &names {
        match match_class_attr(ctx, subject, &ty, name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(attrs))
}
