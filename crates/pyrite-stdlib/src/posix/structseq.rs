//! Struct sequences for `posix` (`os.stat_result`, `os.uname_result`, `os.terminal_size`,
//! `os.times_result`): tuple subclasses whose items also have names, as CPython's
//! `PyStructSequence`, including unnamed items (`stat_result`'s integer times) and
//! attribute-only fields past the sequence (kept in the instance's managed dict).
//! Construction from a sequence (`os.stat_result(seq, dict)`), `__reduce__` and the
//! readonly fields behave as in CPython.

use std::sync::Mutex;

use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol};

/// A struct sequence type: `module.name`, its fields (`""` for an unnamed one) and how
/// many of them are tuple items.
pub struct StructSeqDesc {
    /// `__name__`.
    pub name: &'static str,
    /// `__module__` (`"os"`).
    pub module: &'static str,
    /// Every field in order; `""` marks an unnamed one.
    pub fields: &'static [&'static str],
    /// How many leading fields are tuple items.
    pub n_sequence: usize,
    /// Completes the values of an instance made from a sequence (`stat_result` copies its
    /// integer times into the float fields left None).
    pub complete: Option<fn(&mut [Value])>,
    ty: StaticType,
}

/// The types made so far (by address), for the slots to find their description.
static REGISTRY: Mutex<Vec<(usize, &'static StructSeqDesc)>> = Mutex::new(Vec::new());

impl StructSeqDesc {
    /// A description (make it a `static`).
    pub const fn new(
        name: &'static str,
        module: &'static str,
        fields: &'static [&'static str],
        n_sequence: usize,
    ) -> StructSeqDesc {
        StructSeqDesc { name, module, fields, n_sequence, complete: None, ty: StaticType::new() }
    }

    /// The same with a function completing instances made from a sequence.
    pub const fn with_complete(mut self, complete: fn(&mut [Value])) -> StructSeqDesc {
        self.complete = Some(complete);
        self
    }

    /// The type, made on first use.
    pub fn ty(&'static self) -> &'static ObjRef {
        self.ty.get_or_init(|| {
            let tuple = &pyrite_object::types().tuple;
            let ty = new_native_type_with(self.name, self.module, Some(tuple), 0, |s| {
                s.new = Some(structseq_new);
                s.repr = Some(structseq_repr);
                s.getattro = Some(structseq_getattro);
                s.setattro = Some(structseq_setattro);
            });
            add_methods(&ty, self.name, &[("__reduce__", structseq_reduce)]);
            let named_visible: Vec<Value> =
                self.fields[..self.n_sequence].iter().filter(|f| !f.is_empty()).map(|f| Value::str(f)).collect();
            let unnamed = self.fields.iter().filter(|f| f.is_empty()).count();
            if let Some(d) = type_payload(&ty).dict.downcast::<PyDict>() {
                d.set_str("n_sequence_fields", Value::from(self.n_sequence));
                d.set_str("n_fields", Value::from(self.fields.len()));
                d.set_str("n_unnamed_fields", Value::from(unnamed));
                d.set_str("__match_args__", Value::Obj(PyTuple::new_obj(named_visible)));
            }
            if let Ok(mut registry) = REGISTRY.lock() {
                registry.push((ty.addr(), self));
            }
            ty
        })
    }

    /// An instance with every field's value, in order.
    pub fn instance(&'static self, values: Vec<Value>) -> Value {
        Value::Obj(build(self, self.ty(), values))
    }
}

fn build(desc: &'static StructSeqDesc, ty: &ObjRef, mut values: Vec<Value>) -> ObjRef {
    values.resize(desc.fields.len(), Value::None);
    let extra = values.split_off(desc.n_sequence.min(values.len()));
    let obj = PyTuple::new_subclass_obj(values, ty);
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        for (name, value) in desc.fields[desc.n_sequence..].iter().zip(extra) {
            if !name.is_empty() {
                d.set_str(name, value);
            }
        }
    }
    drop(obj.set_managed_dict(Some(dict)));
    obj
}

/// The description of `ty` (or of the struct sequence type it derives from).
fn desc_of(ty: &ObjRef) -> Option<&'static StructSeqDesc> {
    let registry = REGISTRY.lock().ok()?;
    let mro = type_payload(ty).mro.borrow().clone();
    mro.iter().find_map(|t| registry.iter().find(|(addr, _)| *addr == t.addr()).map(|(_, d)| *d))
}

fn full_name(desc: &StructSeqDesc) -> String {
    format!("{}.{}", desc.module, desc.name)
}

fn items(v: &Value) -> Vec<Value> {
    v.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default()
}

fn extra_field(v: &Value, name: &str) -> Value {
    let dict = v.as_obj().and_then(ObjRef::managed_dict);
    let found = dict.and_then(|d| {
        d.downcast::<PyDict>().and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str(name)))
    });
    found.unwrap_or(Value::None)
}

const NEW: Params = Params::new("structseq", &["sequence", "dict"]).required(1);

fn structseq_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let desc = desc_of(ty).ok_or_else(|| PyErr::new_system("unknown struct sequence type"))?;
    let [sequence, dict] = NEW.bind(args)?;
    let values = protocol::collect(ctx, sequence.unwrap_or(&Value::None))
        .map_err(|_| PyErr::type_error("constructor requires a sequence"))?;
    let (min, max, given) = (desc.n_sequence, desc.fields.len(), values.len());
    let name = full_name(desc);
    if given < min {
        let exact = if min == max { "a" } else { "an at least" };
        return Err(PyErr::type_error(format!("{name}() takes {exact} {min}-sequence ({given}-sequence given)")));
    }
    if given > max {
        let exact = if min == max { "a" } else { "an at most" };
        return Err(PyErr::type_error(format!("{name}() takes {exact} {max}-sequence ({given}-sequence given)")));
    }
    let mut values = values;
    let dict = dict.filter(|d| !d.is_none());
    for field in &desc.fields[given..] {
        let value = match dict {
            Some(d) if !field.is_empty() => {
                let key = Value::str(field);
                match protocol::getitem(ctx, d, &key) {
                    Ok(v) => v,
                    Err(e) if e.matches(&pyrite_object::types().key_error) => Value::None,
                    Err(e) => return Err(e),
                }
            }
            _ => Value::None,
        };
        values.push(value);
    }
    if let Some(complete) = desc.complete {
        complete(&mut values);
    }
    Ok(Value::Obj(build(desc, ty, values)))
}

fn structseq_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let desc = desc_of(v.type_ref()).ok_or_else(|| PyErr::new_system("unknown struct sequence type"))?;
    let names = desc.fields.iter().filter(|f| !f.is_empty());
    let mut parts = Vec::with_capacity(desc.n_sequence);
    for (name, item) in names.zip(items(v)) {
        parts.push(format!("{name}={}", protocol::repr_string(ctx, &item)?));
    }
    Ok(Value::str(&format!("{}({})", full_name(desc), parts.join(", "))))
}

fn structseq_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let (Some(desc), Some(key)) = (desc_of(v.type_ref()), name.as_str()) {
        let key = key.as_str();
        if let Some(index) = desc.fields.iter().position(|f| !f.is_empty() && *f == key) {
            if index < desc.n_sequence {
                return Ok(items(v).get(index).cloned().unwrap_or(Value::None));
            }
            return Ok(extra_field(v, key));
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

fn structseq_setattro(_: &mut Ctx, v: &Value, name: &Value, _: Option<Value>) -> PyResult<()> {
    let key = name.as_str().map_or("", |s| s.as_str());
    let desc = desc_of(v.type_ref());
    if desc.is_some_and(|d| d.fields.iter().any(|f| !f.is_empty() && *f == key)) {
        return Err(PyErr::attribute_error("readonly attribute"));
    }
    let type_name = desc.map_or_else(|| v.type_name(), full_name);
    Err(PyErr::attribute_error(format!("'{type_name}' object has no attribute '{key}'")))
}

fn structseq_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__reduce__", args, 0, 0)?;
    let desc = desc_of(this.type_ref()).ok_or_else(|| PyErr::new_system("unknown struct sequence type"))?;
    let dict = PyDict::new_obj();
    if let Some(d) = dict.downcast::<PyDict>() {
        for name in desc.fields[desc.n_sequence..].iter().filter(|f| !f.is_empty()) {
            d.set_str(name, extra_field(this, name));
        }
    }
    let state = PyTuple::new_obj(vec![Value::Obj(PyTuple::new_obj(items(this))), Value::Obj(dict)]);
    Ok(Value::Obj(PyTuple::new_obj(vec![Value::Obj(this.type_ref().clone()), Value::Obj(state)])))
}
