//! The `_csv` module under CPython's `csv.py`: `reader`, `writer`, `Dialect`, the dialect
//! registry, `field_size_limit`, `Error` and the `QUOTE_*` constants, following CPython's
//! `_csv.c` (the parser's states, the writer's quoting rules, the messages).

mod dialect;
mod reader;
mod writer;

use std::sync::atomic::{AtomicI64, Ordering};

use pyrite_memory::GilCell;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use self::dialect::{call_dialect, split_keywords};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_csv",
        &[
            ("reader", csv_reader),
            ("writer", csv_writer),
            ("register_dialect", register_dialect),
            ("unregister_dialect", unregister_dialect),
            ("get_dialect", get_dialect),
            ("list_dialects", list_dialects),
            ("field_size_limit", field_size_limit),
        ],
    );
    let set = |name: &str, value: Value| Module::set(&module, name, value);
    set("__version__", Value::str("1.0"));
    set("Error", Value::Obj(error_type().clone()));
    set("Dialect", Value::Obj(dialect::dialect_type().clone()));
    set("Reader", Value::Obj(reader::reader_type().clone()));
    set("Writer", Value::Obj(writer::writer_type().clone()));
    set("_dialects", Value::Obj(registry()));
    set("QUOTE_MINIMAL", Value::Int(dialect::QUOTE_MINIMAL));
    set("QUOTE_ALL", Value::Int(dialect::QUOTE_ALL));
    set("QUOTE_NONNUMERIC", Value::Int(dialect::QUOTE_NONNUMERIC));
    set("QUOTE_NONE", Value::Int(dialect::QUOTE_NONE));
    Ok(module)
}

/// `_csv.Error`.
fn error_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("Error", "_csv", Some(&types().exception), TYPE_BASETYPE))
}

/// A `csv.Error` with this message.
pub fn csv_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(error_type(), message)
}

/// The dialect registry (`_csv._dialects`).
static REGISTRY: GilCell<Option<ObjRef>> = GilCell::new(None);

fn registry() -> ObjRef {
    // SAFETY: called with the GIL held; the closure only clones or stores a reference.
    unsafe { REGISTRY.with(|r| r.get_or_insert_with(PyDict::new_obj).clone()) }
}

/// The dialect registered under `name`, or `csv.Error('unknown dialect')`.
pub fn registered(name: &Value) -> PyResult<Value> {
    let registry = registry();
    let found = registry.downcast::<PyDict>().and_then(|d| name.as_str().and_then(|n| d.get_str(n)));
    found.ok_or_else(|| csv_error("unknown dialect"))
}

/// The largest field a reader accepts (`field_size_limit`).
static FIELD_LIMIT: AtomicI64 = AtomicI64::new(128 * 1024);

/// The current field size limit.
pub fn field_limit() -> usize {
    usize::try_from(FIELD_LIMIT.load(Ordering::Relaxed)).unwrap_or(0)
}

/// `(first, optional second)` positional arguments, with CPython's unnamed
/// `PyArg_UnpackTuple` messages.
fn one_or_two(positional: &[Value]) -> PyResult<(&Value, Option<&Value>)> {
    match positional {
        [] => Err(PyErr::type_error(" expected at least 1 argument, got 0")),
        [a] => Ok((a, None)),
        [a, b] => Ok((a, Some(b))),
        more => Err(PyErr::type_error(format!(" expected at most 2 arguments, got {}", more.len()))),
    }
}

/// `reader(iterable, dialect='excel', **fmtparams)`.
fn csv_reader(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (positional, keywords) = split_keywords(args);
    let (iterable, dialect) = one_or_two(&positional)?;
    let lines = protocol::get_iter(ctx, iterable)?;
    let dialect = call_dialect(ctx, dialect, &keywords)?;
    Ok(reader::new_reader(lines, dialect))
}

/// `writer(fileobj, dialect='excel', **fmtparams)`.
fn csv_writer(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (positional, keywords) = split_keywords(args);
    let (file, dialect) = one_or_two(&positional)?;
    let write = protocol::getattr_str(ctx, file, "write").ok().filter(protocol::callable);
    let Some(write) = write else {
        return Err(PyErr::type_error("argument 1 must have a \"write\" method"));
    };
    let dialect = call_dialect(ctx, dialect, &keywords)?;
    Ok(writer::new_writer(write, dialect))
}

fn register_dialect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (positional, keywords) = split_keywords(args);
    let (name, dialect) = one_or_two(&positional)?;
    if !protocol::isinstance(name, &types().str) {
        return Err(PyErr::type_error("dialect name must be a string"));
    }
    let dialect = call_dialect(ctx, dialect, &keywords)?;
    let registry = Value::Obj(registry());
    protocol::setitem(ctx, &registry, name, Some(dialect))?;
    Ok(Value::None)
}

fn unregister_dialect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = pyrite_object::methods::check_args("unregister_dialect", args, 1, 1)?;
    let registry = Value::Obj(registry());
    if !protocol::contains(ctx, &registry, &values[0])? {
        return Err(csv_error("unknown dialect"));
    }
    protocol::setitem(ctx, &registry, &values[0], None)?;
    Ok(Value::None)
}

fn get_dialect(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = pyrite_object::methods::check_args("get_dialect", args, 1, 1)?;
    let registry = Value::Obj(registry());
    if !protocol::contains(ctx, &registry, &values[0])? {
        return Err(csv_error("unknown dialect"));
    }
    protocol::getitem(ctx, &registry, &values[0])
}

fn list_dialects(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    pyrite_object::methods::check_args("list_dialects", args, 0, 0)?;
    let names = protocol::collect(ctx, &Value::Obj(registry()))?;
    Ok(Value::Obj(PyList::new_obj(names)))
}

fn field_size_limit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: pyrite_object::methods::params::Params =
        pyrite_object::methods::params::Params::new("field_size_limit", &["new_limit"]);
    if args.values.len() > 1 {
        return Err(PyErr::type_error(format!(
            "field_size_limit() takes at most 1 argument ({} given)",
            args.values.len()
        )));
    }
    let [limit] = PARAMS.bind(args)?;
    let old = FIELD_LIMIT.load(Ordering::Relaxed);
    if let Some(limit) = limit {
        if !protocol::isinstance(limit, &types().int) {
            return Err(PyErr::type_error("limit must be an integer"));
        }
        let n = pyrite_object::methods::int::to_i64(limit)
            .map_err(|_| PyErr::overflow("Python int too large to convert to C long"))?;
        FIELD_LIMIT.store(n, Ordering::Relaxed);
    }
    Ok(Value::Int(old))
}
