//! `types.MappingProxyType` (`mappingproxy`): a read-only view of a mapping. A class's
//! `__dict__` is one, so Python code can read a class namespace but never write it
//! behind `setattr`'s back (which keeps the type version tags, and every cache guarded
//! by them, right). Reads are forwarded to the mapping, as CPython's `descrobject.c`.

use pyrite_bytecode::{BinaryOp, CompareOp};
use pyrite_memory::{ObjRef, Trace, payload};

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::params::Params;
use crate::methods::{add_methods, method_args};
use crate::protocol::{self, not_implemented};
use crate::registry::types;
use crate::types::dict::PyDict;
use crate::types::typeobj::{StaticType, new_native_type_with, type_payload};
use crate::value::Value;

/// The payload of a mappingproxy: the mapping it shows.
pub struct MappingProxy {
    mapping: Value,
}

impl Trace for MappingProxy {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.mapping.traverse(visit);
    }
}

payload!(MappingProxy, "mappingproxy", tracked);

/// The `mappingproxy` type, made on first use.
pub fn mappingproxy_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("mappingproxy", "builtins", None, 0, |s| {
            s.new = Some(proxy_new);
            s.repr = Some(|ctx, v| {
                let inner = protocol::repr_string(ctx, mapping_of(v)?)?;
                Ok(Value::str(&format!("mappingproxy({inner})")))
            });
            s.str = Some(|ctx, v| protocol::str_(ctx, mapping_of(v)?));
            s.richcompare = Some(|ctx, a, b, op: CompareOp| protocol::rich_compare(ctx, mapping_of(a)?, b, op));
            s.len = Some(|ctx, v| protocol::len(ctx, mapping_of(v)?));
            s.getitem = Some(|ctx, v, key| protocol::getitem(ctx, mapping_of(v)?, key));
            s.contains = Some(|ctx, v, key| protocol::contains(ctx, mapping_of(v)?, key));
            s.iter = Some(|ctx, v| protocol::get_iter(ctx, mapping_of(v)?));
            s.binary = Some(proxy_or);
            s.inplace = Some(|_, _, _, op| match op {
                BinaryOp::Or => Err(PyErr::type_error("'|=' is not supported by mappingproxy; use '|' instead")),
                _ => Ok(not_implemented()),
            });
            s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
        });
        add_methods(
            &ty,
            "mappingproxy",
            &[
                ("get", proxy_get),
                ("keys", |ctx, args| forward(ctx, args, "keys")),
                ("values", |ctx, args| forward(ctx, args, "values")),
                ("items", |ctx, args| forward(ctx, args, "items")),
                ("copy", |ctx, args| forward(ctx, args, "copy")),
                ("__reversed__", |ctx, args| {
                    let (this, _) = method_args("__reversed__", args, 0, 0)?;
                    let reversed = protocol::getattr_str(ctx, mapping_of(this)?, "__reversed__")?;
                    protocol::call_positional(ctx, &reversed, &[])
                }),
            ],
        );
        crate::methods::generic_alias::make_generic(&ty);
        ty
    })
}

/// A read-only view of `mapping`.
#[must_use]
pub fn new_mappingproxy(mapping: Value) -> Value {
    Value::Obj(ObjRef::new(MappingProxy { mapping }, Some(mappingproxy_type())))
}

fn mapping_of(v: &Value) -> PyResult<&Value> {
    v.downcast::<MappingProxy>().map(|p| &p.mapping).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'mappingproxy' object but received a '{}'", v.type_name()))
    })
}

const NEW: Params = Params::new("mappingproxy", &["mapping"]).required(1);

fn proxy_new(_: &mut Ctx, _: &ObjRef, args: Args<'_>) -> PyResult {
    let [mapping] = NEW.bind(args)?;
    let mapping = mapping.ok_or_else(|| PyErr::new_system("mappingproxy() argument"))?;
    // CPython's `PyMapping_Check`, minus the sequences that also subscript.
    let t = types();
    let subscriptable = type_payload(mapping.type_ref()).slots().getitem.is_some();
    if !subscriptable || protocol::isinstance(mapping, &t.list) || protocol::isinstance(mapping, &t.tuple) {
        return Err(PyErr::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            mapping.type_name()
        )));
    }
    Ok(new_mappingproxy(mapping.clone()))
}

/// Calls the mapping's own method `name` with no arguments.
fn forward(ctx: &mut Ctx, args: Args<'_>, name: &str) -> PyResult {
    let (this, _) = method_args(name, args, 0, 0)?;
    let method = protocol::getattr_str(ctx, mapping_of(this)?, name)?;
    protocol::call_positional(ctx, &method, &[])
}

fn proxy_get(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("get", args, 1, 2)?;
    let mapping = mapping_of(this)?;
    if let Some(d) = mapping.downcast::<PyDict>() {
        return Ok(d.get_item(ctx, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or(Value::None)));
    }
    let get = protocol::getattr_str(ctx, mapping, "get")?;
    protocol::call_positional(ctx, &get, rest)
}

/// `proxy | other` and `other | proxy`: the mappings' own `|` (a new dict for dicts).
fn proxy_or(ctx: &mut Ctx, a: &Value, b: &Value, op: BinaryOp) -> PyResult {
    if op != BinaryOp::Or {
        return Ok(not_implemented());
    }
    let unwrap = |v: &Value| v.downcast::<MappingProxy>().map_or_else(|| v.clone(), |p| p.mapping.clone());
    protocol::binary_op(ctx, &unwrap(a), &unwrap(b), BinaryOp::Or)
}
