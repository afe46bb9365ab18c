//! Struct sequences (CPython's `PyStructSequence`): tuple subclasses whose items also have
//! names, such as `sys.flags`, `sys.float_info`, `os.stat_result` and `time.struct_time`.
//! The first `visible` fields are the tuple's items; the rest are attributes only.

use pyrite_memory::ObjRef;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::protocol;
use crate::types::list::PyTuple;
use crate::types::str::PyStr;
use crate::types::typeobj::{new_native_type_with, type_payload};
use crate::value::Value;

/// The description of a struct sequence type.
pub struct StructSeqSpec {
    /// `module.name` as CPython's `tp_name` (`"sys.flags"`, `"os.stat_result"`).
    pub name: &'static str,
    /// Every field's name, the visible ones first.
    pub fields: &'static [&'static str],
    /// How many fields are tuple items.
    pub visible: usize,
}

/// Where the spec of each struct sequence type is kept: in its dict, as the field list.
const FIELDS_KEY: &str = "_fields_";

/// Makes a struct sequence type (immortal; keep it in a `StaticType`).
#[must_use]
pub fn new_type(spec: &StructSeqSpec) -> ObjRef {
    let (module, name) = spec.name.rsplit_once('.').unwrap_or(("builtins", spec.name));
    let tuple = &crate::registry::types().tuple;
    let ty = new_native_type_with(name, module, Some(tuple), 0, |s| {
        s.repr = Some(structseq_repr);
        s.getattro = Some(structseq_getattro);
        s.new = None;
    });
    let fields: Vec<Value> = spec.fields.iter().map(|f| Value::str(f)).collect();
    let visible = spec.fields[..spec.visible].iter().map(|f| Value::str(f)).collect();
    crate::methods::set_type_attr(&ty, FIELDS_KEY, Value::Obj(PyTuple::new_obj(fields)));
    crate::methods::set_type_attr(&ty, "_visible_", Value::from(spec.visible));
    crate::methods::set_type_attr(&ty, "n_sequence_fields", Value::from(spec.visible));
    crate::methods::set_type_attr(&ty, "n_fields", Value::from(spec.fields.len()));
    crate::methods::set_type_attr(&ty, "n_unnamed_fields", Value::Int(0));
    crate::methods::set_type_attr(&ty, "__match_args__", Value::Obj(PyTuple::new_obj(visible)));
    ty
}

/// An instance of struct sequence type `ty` with all its field values (visible first).
///
/// # Errors
/// `SystemError` if the number of values does not match the type's fields.
pub fn new_instance(ty: &ObjRef, values: Vec<Value>) -> PyResult<ObjRef> {
    let (fields, visible) = layout(ty);
    if values.len() != fields.len() {
        return Err(PyErr::new_system("struct sequence built with the wrong number of fields"));
    }
    let mut values = values;
    let hidden = values.split_off(visible);
    let obj = PyTuple::new_subclass_obj(values, ty);
    if !hidden.is_empty() {
        let names = fields[visible..].to_vec();
        let extra = crate::types::dict::PyDict::new_obj();
        if let Some(d) = extra.downcast::<crate::types::dict::PyDict>() {
            for (name, value) in names.iter().zip(hidden) {
                if let Some(name) = name.as_str() {
                    d.set_str(name.as_str(), value);
                }
            }
        }
        drop(obj.set_managed_dict(Some(extra)));
    }
    Ok(obj)
}

fn layout(ty: &ObjRef) -> (Vec<Value>, usize) {
    let lookup = |key: &str| crate::types::typeobj::lookup_str(ty, key);
    let fields =
        lookup(FIELDS_KEY).and_then(|f| f.downcast::<PyTuple>().map(|t| t.items().to_vec())).unwrap_or_default();
    let visible = lookup("_visible_").and_then(|v| crate::methods::int::to_i64(&v).ok()).unwrap_or(0);
    (fields, usize::try_from(visible).unwrap_or(0))
}

fn structseq_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    let (fields, visible) = layout(v.type_ref());
    if let Some(index) = fields.iter().position(|f| f.as_str().map(PyStr::as_str) == name.as_str().map(PyStr::as_str)) {
        if index < visible {
            let item = v.downcast::<PyTuple>().and_then(|t| t.items().get(index).cloned());
            return item.ok_or_else(|| PyErr::new_system("struct sequence item"));
        }
        let extra = v.as_obj().and_then(|o| o.managed_dict());
        let found = extra.and_then(|d| {
            d.downcast::<crate::types::dict::PyDict>().and_then(|d| name.as_str().and_then(|n| d.get_str(n)))
        });
        return Ok(found.unwrap_or(Value::None));
    }
    protocol::generic_getattr(ctx, v, name)
}

fn structseq_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let (fields, visible) = layout(v.type_ref());
    let items = v.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(visible);
    for (field, item) in fields.iter().zip(&items).take(visible) {
        let name = field.as_str().map_or("?", PyStr::as_str).to_owned();
        parts.push(format!("{name}={}", protocol::repr_string(ctx, item)?));
    }
    let ty = v.type_ref();
    let name = type_payload(ty).name.borrow().to_string();
    Ok(Value::str(&format!("{name}({})", parts.join(", "))))
}
