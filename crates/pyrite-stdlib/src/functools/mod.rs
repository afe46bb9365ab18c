//! The `_functools` module, which `functools.py` imports over its Python versions:
//! `reduce`, `cmp_to_key` (and its `KeyWrapper` objects), `partial` (in `partial`) and
//! `_lru_cache_wrapper` (in `lru`), as CPython 3.11's `_functoolsmodule.c`.

mod lru;
mod partial;

use pyrite_bytecode::CompareOp;
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::function::Module;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_functools", &[("reduce", reduce), ("cmp_to_key", cmp_to_key)]);
    Module::set(&module, "partial", Value::Obj(partial::partial_type().clone()));
    Module::set(&module, "_lru_cache_wrapper", Value::Obj(lru::lru_type().clone()));
    Module::set(&module, "KeyWrapper", Value::Obj(key_wrapper_type().clone()));
    Module::set(&module, "__doc__", Value::str("Tools that operate on functions."));
    Ok(module)
}

/// `reduce(function, iterable[, initial])`.
fn reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("reduce() takes no keyword arguments"));
    }
    let values = check_args("reduce", args, 2, 3)?;
    let (func, seq) = (&values[0], &values[1]);
    let it = protocol::get_iter(ctx, seq).map_err(|e| {
        if e.matches(&types().type_error) { PyErr::type_error("reduce() arg 2 must support iteration") } else { e }
    })?;
    let mut result = values.get(2).cloned();
    while let Some(item) = protocol::next(ctx, &it)? {
        result = Some(match result {
            None => item,
            Some(acc) => protocol::call_positional(ctx, func, &[acc, item])?,
        });
    }
    result.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

// ---------------------------------------------------------------------------------------
// cmp_to_key

/// A `functools.KeyWrapper`: the comparison function and, once called, the wrapped object.
struct KeyWrapper {
    cmp: Value,
    obj: PayloadCell<Option<Value>>,
}

impl Trace for KeyWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.cmp.traverse(visit);
        if let Some(obj) = self.obj.borrow().as_ref() {
            obj.traverse(visit);
        }
    }

    fn clear(&self) {
        drop(self.obj.replace(None));
    }
}

payload!(KeyWrapper, "functools.KeyWrapper", tracked);

fn key_wrapper_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("KeyWrapper", "functools", None, 0, |s| {
            s.new = Some(|_, _, _| Err(PyErr::type_error("cannot create 'functools.KeyWrapper' instances")));
            s.call = Some(key_call);
            s.richcompare = Some(key_compare);
            s.hash = Some(|_, v| Err(PyErr::type_error(format!("unhashable type: '{}'", v.type_name()))));
            s.getattro = Some(key_getattro);
            s.setattro = Some(key_setattro);
        });
        attrdescr::add(&ty, Kind::Member, &["obj"]);
        ty
    })
}

fn new_key(cmp: Value, obj: Option<Value>) -> Value {
    Value::Obj(ObjRef::new(KeyWrapper { cmp, obj: PayloadCell::new(obj) }, Some(key_wrapper_type())))
}

const CMP_TO_KEY: Params = Params::new("cmp_to_key", &["mycmp"]).required(1);

fn cmp_to_key(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [Some(cmp)] = CMP_TO_KEY.bind(args)? else { return Err(PyErr::new_system("cmp_to_key")) };
    Ok(new_key(cmp.clone(), None))
}

const K: Params = Params::new("K", &["obj"]).required(1);

fn key_call(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let [Some(obj)] = K.bind(args)? else { return Err(PyErr::new_system("K()")) };
    let Some(k) = v.downcast::<KeyWrapper>() else { return Err(PyErr::type_error("expected a KeyWrapper")) };
    Ok(new_key(k.cmp.clone(), Some(obj.clone())))
}

fn key_compare(ctx: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !b.type_ref().is_same(a.type_ref()) {
        return Err(PyErr::type_error("other argument must be K instance"));
    }
    let (Some(x), Some(y)) = (a.downcast::<KeyWrapper>(), b.downcast::<KeyWrapper>()) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let cmp = x.cmp.clone();
    let (Some(left), Some(right)) = (x.obj.borrow().clone(), y.obj.borrow().clone()) else {
        return Err(PyErr::attribute_error("object"));
    };
    let result = protocol::call_positional(ctx, &cmp, &[left, right])?;
    protocol::rich_compare(ctx, &result, &Value::Int(0), op)
}

fn key_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if name.as_str().is_some_and(|n| n.as_str() == "obj")
        && let Some(k) = v.downcast::<KeyWrapper>()
    {
        return Ok(k.obj.borrow().clone().unwrap_or(Value::None));
    }
    protocol::generic_getattr(ctx, v, name)
}

fn key_setattro(ctx: &mut Ctx, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    if name.as_str().is_some_and(|n| n.as_str() == "obj")
        && let Some(k) = v.downcast::<KeyWrapper>()
    {
        drop(k.obj.replace(value));
        return Ok(());
    }
    protocol::generic_setattr(ctx, v, name, value)
}
