//! `operator.itemgetter`, `operator.attrgetter` and `operator.methodcaller`: callables
//! fixed at creation, with CPython's reprs and `__reduce__` (so they pickle and copy).

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

/// The payload of all three: the fixed items, attribute paths, or method name and
/// arguments.
struct Getter {
    /// itemgetter: the items; attrgetter: one tuple of name parts per attribute;
    /// methodcaller: the name then the positional arguments.
    items: Vec<Value>,
    /// methodcaller's keyword arguments (a dict).
    kwargs: PayloadCell<Option<ObjRef>>,
}

impl Trace for Getter {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for item in &self.items {
            item.traverse(visit);
        }
        if let Some(k) = self.kwargs.borrow().as_ref() {
            visit(k);
        }
    }

    fn clear(&self) {
        drop(self.kwargs.replace(None));
    }
}

payload!(Getter, "operator.getter", tracked);

fn getter(v: &Value) -> PyResult<&Getter> {
    v.downcast::<Getter>().ok_or_else(|| PyErr::type_error("expected an operator getter"))
}

fn new_getter(ty: &ObjRef, items: Vec<Value>, kwargs: Option<ObjRef>) -> Value {
    Value::Obj(ObjRef::new(Getter { items, kwargs: PayloadCell::new(kwargs) }, Some(ty)))
}

fn tuple(items: Vec<Value>) -> Value {
    Value::Obj(PyTuple::new_obj(items))
}

/// The TypeError for a wrong number of call arguments.
fn expect_one<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.values {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!("{name} expected 1 argument, got {}", args.values.len()))),
    }
}

// ---------------------------------------------------------------------------------------
// itemgetter

pub(super) fn itemgetter_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("itemgetter", "operator", None, 0, |s| {
            s.new = Some(itemgetter_new);
            s.call = Some(itemgetter_call);
            s.repr = Some(itemgetter_repr);
        });
        add_methods(&ty, "itemgetter", &[("__reduce__", itemgetter_reduce)]);
        ty
    })
}

fn itemgetter_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("itemgetter() takes no keyword arguments"));
    }
    if args.values.is_empty() {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_getter(ty, args.values.to_vec(), None))
}

fn itemgetter_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let obj = expect_one("itemgetter", &args)?;
    let items = getter(v)?.items.clone();
    if let [item] = items.as_slice() {
        return protocol::getitem(ctx, obj, item);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(protocol::getitem(ctx, obj, item)?);
    }
    Ok(tuple(out))
}

/// `Name(item)` for one item, `Name(a, b)` (the tuple's repr) for several.
fn itemgetter_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let name = v.type_name();
    let placeholder = format!("{name}(...)");
    protocol::repr_guarded(ctx, v, &placeholder, |ctx| {
        let items = getter(v)?.items.clone();
        let inner = match items.as_slice() {
            [item] => format!("({})", protocol::repr_string(ctx, item)?),
            _ => protocol::repr_string(ctx, &tuple(items))?,
        };
        Ok(Value::str(&format!("{name}{inner}")))
    })
}

fn itemgetter_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let items = getter(v)?.items.clone();
    Ok(tuple(vec![Value::Obj(v.type_ref().clone()), tuple(items)]))
}

// ---------------------------------------------------------------------------------------
// attrgetter

pub(super) fn attrgetter_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("attrgetter", "operator", None, 0, |s| {
            s.new = Some(attrgetter_new);
            s.call = Some(attrgetter_call);
            s.repr = Some(attrgetter_repr);
        });
        add_methods(&ty, "attrgetter", &[("__reduce__", attrgetter_reduce)]);
        ty
    })
}

fn attrgetter_new(_: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("attrgetter() takes no keyword arguments"));
    }
    if args.values.is_empty() {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.values.len());
    for name in args.values {
        let Some(text) = name.as_str() else { return Err(PyErr::type_error("attribute name must be a string")) };
        let parts = text.as_str().split('.').map(Value::str).collect();
        paths.push(tuple(parts));
    }
    Ok(new_getter(ty, paths, None))
}

fn path_parts(path: &Value) -> Vec<Value> {
    path.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default()
}

fn dotted(path: &Value) -> String {
    path_parts(path).iter().filter_map(|p| p.as_str().map(|s| s.as_str().to_owned())).collect::<Vec<_>>().join(".")
}

fn attrgetter_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let obj = expect_one("attrgetter", &args)?;
    let paths = getter(v)?.items.clone();
    let mut out = Vec::with_capacity(paths.len());
    for path in &paths {
        let mut current = obj.clone();
        for part in path_parts(path) {
            current = protocol::getattr(ctx, &current, &part)?;
        }
        if paths.len() == 1 {
            return Ok(current);
        }
        out.push(current);
    }
    Ok(tuple(out))
}

fn attrgetter_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let name = v.type_name();
    let placeholder = format!("{name}(...)");
    protocol::repr_guarded(ctx, v, &placeholder, |ctx| {
        let names: Vec<Value> = getter(v)?.items.iter().map(|p| Value::str(&dotted(p))).collect();
        let inner = match names.as_slice() {
            [one] => format!("({})", protocol::repr_string(ctx, one)?),
            _ => protocol::repr_string(ctx, &tuple(names))?,
        };
        Ok(Value::str(&format!("{name}{inner}")))
    })
}

fn attrgetter_reduce(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let names = getter(v)?.items.iter().map(|p| Value::str(&dotted(p))).collect();
    Ok(tuple(vec![Value::Obj(v.type_ref().clone()), tuple(names)]))
}

// ---------------------------------------------------------------------------------------
// methodcaller

pub(super) fn methodcaller_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("methodcaller", "operator", None, 0, |s| {
            s.new = Some(methodcaller_new);
            s.call = Some(methodcaller_call);
            s.repr = Some(methodcaller_repr);
        });
        add_methods(&ty, "methodcaller", &[("__reduce__", methodcaller_reduce)]);
        ty
    })
}

fn methodcaller_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let positional = args.pos();
    let Some(name) = positional.first() else {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.as_str().is_none() {
        return Err(PyErr::type_error("method name must be a string"));
    }
    let kwargs = super::keywords_dict(ctx, &args)?;
    Ok(new_getter(ty, positional.to_vec(), Some(kwargs)))
}

/// The keyword arguments as (name, value) pairs.
fn keyword_items(g: &Getter) -> Vec<(Value, Value)> {
    g.kwargs.borrow().as_ref().and_then(|d| d.downcast::<PyDict>().map(PyDict::items)).unwrap_or_default()
}

fn methodcaller_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let obj = expect_one("methodcaller", &args)?;
    let g = getter(v)?;
    let items = g.items.clone();
    let keywords = keyword_items(g);
    let method = protocol::getattr(ctx, obj, &items[0])?;
    let mut values: Vec<Value> = items[1..].to_vec();
    let mut names = Vec::with_capacity(keywords.len());
    for (k, v) in keywords {
        names.push(k);
        values.push(v);
    }
    protocol::call(ctx, &method, Args { values: &values, kwnames: &names })
}

fn methodcaller_repr(ctx: &mut Ctx, v: &Value) -> PyResult {
    let name = v.type_name();
    let placeholder = format!("{name}(...)");
    protocol::repr_guarded(ctx, v, &placeholder, |ctx| {
        let g = getter(v)?;
        let items = g.items.clone();
        let keywords = keyword_items(g);
        let mut parts = Vec::with_capacity(items.len() + keywords.len());
        for item in &items {
            parts.push(protocol::repr_string(ctx, item)?);
        }
        for (k, value) in &keywords {
            let key = protocol::str_string(ctx, k)?;
            parts.push(format!("{key}={}", protocol::repr_string(ctx, value)?));
        }
        Ok(Value::str(&format!("{name}({})", parts.join(", "))))
    })
}

/// `(type, (name, *args))`, or with keywords `(partial(type, name, **kwargs), args)`.
fn methodcaller_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    let g = getter(v)?;
    let items = g.items.clone();
    let keywords = keyword_items(g);
    let ty = Value::Obj(v.type_ref().clone());
    if keywords.is_empty() {
        return Ok(tuple(vec![ty, tuple(items)]));
    }
    let functools = pyrite_vm::import_module(ctx, "functools")?;
    let partial = protocol::getattr_str(ctx, &functools, "partial")?;
    let mut values = vec![ty, items[0].clone()];
    let mut names = Vec::with_capacity(keywords.len());
    for (k, value) in keywords {
        names.push(k);
        values.push(value);
    }
    let constructor = protocol::call(ctx, &partial, Args { values: &values, kwnames: &names })?;
    Ok(tuple(vec![constructor, tuple(items[1..].to_vec())]))
}
