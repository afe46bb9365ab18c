//! The `sys` module (the part the core needs now; the rest comes with the import system).

use pyrite_object::methods::int::to_i64;
use pyrite_object::methods::method_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::{BuiltinFunction, Module, NativeFn};
use pyrite_object::types::int::PyInt;
use pyrite_object::types::intern;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

/// Makes the `sys` module.
#[must_use]
pub fn make_sys(modules: &ObjRef, argv: &[String]) -> ObjRef {
    let dict = PyDict::new_obj();
    let d = dict.downcast::<PyDict>().expect("a new dict");
    d.set_str("__name__", Value::str("sys"));
    d.set_str("__doc__", Value::None);
    d.set_str("modules", Value::Obj(modules.clone()));
    d.set_str("argv", Value::Obj(PyList::new_obj(argv.iter().map(|a| Value::str(a)).collect())));
    d.set_str("path", Value::Obj(PyList::new_obj(Vec::new())));
    // Not consulted yet: the import system is native (see ARCHITECTURE.md, "Imports").
    d.set_str("meta_path", Value::Obj(PyList::new_obj(Vec::new())));
    d.set_str("path_hooks", Value::Obj(PyList::new_obj(Vec::new())));
    d.set_str("path_importer_cache", Value::Obj(PyDict::new_obj()));
    let no_cache = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
    d.set_str("dont_write_bytecode", Value::Bool(no_cache));
    d.set_str("version", Value::str("3.11.7 (Pyrite 0.1.0)"));
    let version_info = [Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)];
    d.set_str("version_info", Value::Obj(PyTuple::new_obj(version_info.to_vec())));
    d.set_str("hexversion", Value::Int(0x030B_07F0));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    d.set_str("platform", Value::str(std::env::consts::OS));
    let executable = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    d.set_str("executable", Value::str(&executable));
    let functions: &[(&'static str, NativeFn)] = &[
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("exit", sys_exit),
        ("intern", sys_intern),
        ("getrefcount", sys_getrefcount),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", |_, _| Ok(Value::str("utf-8"))),
        ("getfilesystemencoding", |_, _| Ok(Value::str("utf-8"))),
    ];
    let module = Module::new_builtin(dict.clone());
    for &(name, func) in functions {
        let f = BuiltinFunction::new_in_module("sys", name, func);
        let bound = f.downcast::<BuiltinFunction>().map(|b| b.bind(Value::Obj(module.clone()))).unwrap_or(f);
        d.set_str(name, Value::Obj(bound));
    }
    module
}

fn sys_getrecursionlimit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    method_args("getrecursionlimit", args, 0, 0)?;
    Ok(Value::Int(i64::from(ctx.recursion_limit)))
}

fn sys_setrecursionlimit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("setrecursionlimit", args, 1, 1)?.1;
    if matches!(values[0], Value::Float(_)) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let limit = to_i64(&values[0])?;
    if limit < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    let limit = u32::try_from(limit).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if limit <= ctx.recursion_depth {
        return Err(PyErr::new(
            &types().recursion_error,
            format!(
                "cannot set the recursion limit to {limit} at the recursion depth {}: the limit is too low",
                ctx.recursion_depth
            ),
        ));
    }
    ctx.recursion_limit = limit;
    Ok(Value::None)
}

fn sys_exc_info(ctx: &mut Ctx, _: Args<'_>) -> PyResult {
    let items = match &ctx.exc_info {
        Some(exc) => {
            let tb = exc
                .downcast::<pyrite_object::types::exception::PyException>()
                .and_then(|e| e.traceback.borrow().clone())
                .map_or(Value::None, Value::Obj);
            vec![Value::Obj(exc.type_ref().clone()), Value::Obj(exc.clone()), tb]
        }
        None => vec![Value::None, Value::None, Value::None],
    };
    Ok(Value::Obj(PyTuple::new_obj(items)))
}

fn sys_exception(ctx: &mut Ctx, _: Args<'_>) -> PyResult {
    Ok(ctx.exc_info.clone().map_or(Value::None, Value::Obj))
}

fn sys_exit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("exit", args, 0, 1)?.1;
    // `sys.exit()` and `sys.exit(None)` raise SystemExit with no arguments, as CPython does.
    let args = match values.first() {
        None | Some(Value::None) => Vec::new(),
        Some(code) => vec![code.clone()],
    };
    Err(PyErr::with_args(&types().system_exit, args))
}

/// `sys.getrefcount(obj)`: the object's reference count, including the argument's own
/// reference, as CPython counts it. Inline values (small ints, floats, None, bools) are not
/// counted objects in Pyrite; they report a large constant, like CPython's immortal objects.
fn sys_getrefcount(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("getrefcount", args, 1, 1)?.1;
    Ok(match &values[0] {
        Value::Obj(obj) => Value::from(obj.refcount()),
        _ => Value::Int(i64::from(u32::MAX >> 1)),
    })
}

/// `sys.intern(string)`: the canonical object for the text (see
/// [`pyrite_object::types::intern`]); str subclasses are refused, as in CPython.
fn sys_intern(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = method_args("sys.intern", args, 1, 1)?.1;
    let value = &values[0];
    if value.as_str().is_none() {
        // Argument Clinic's wording: None is named as such, other objects by their type.
        let what = if value.is_none() { "None".to_owned() } else { value.type_name().to_string() };
        return Err(PyErr::type_error(format!("intern() argument must be str, not {what}")));
    }
    match value {
        Value::Obj(obj) if obj.type_ref().is_same(&types().str) => Ok(Value::Obj(intern::intern(obj))),
        _ => Err(PyErr::type_error(format!("can't intern {}", value.type_name()))),
    }
}

/// `sys.getsizeof(object[, default])`: CPython 3.11's (64-bit) size of the object. Classes
/// defined in Python may give their own `__sizeof__`; builtin types report the size their
/// CPython counterpart has (see [`builtin_sizeof`]). Then the "pre-header" is added as
/// CPython does: 16 bytes of collector links for container types, 16 more for instances
/// with a managed `__dict__`.
fn sys_getsizeof(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("getsizeof", &["object", "default"]).required(1);
    let rest = Args { values: args.values.get(1..).unwrap_or_default(), kwnames: args.kwnames };
    let [object, default] = PARAMS.bind(rest)?;
    let object = object.ok_or_else(|| PyErr::type_error("getsizeof() missing required argument 'object'"))?;
    match sizeof(ctx, object) {
        Err(e) if default.is_some() && e.matches(&types().type_error) => Ok(default.cloned().unwrap_or(Value::None)),
        result => result.map(Value::from),
    }
}

/// `object.__sizeof__`: the size without the pre-header (what `sys.getsizeof` adds to it).
pub(crate) fn object_sizeof(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = pyrite_object::methods::method_args("__sizeof__", args, 0, 0)?;
    let ty = this.type_ref().clone();
    let mro = typeobj::type_payload(&ty).mro.borrow().clone();
    let heap = typeobj::type_payload(&ty).flags.get() & typeobj::TYPE_HEAPTYPE != 0;
    Ok(Value::from(builtin_sizeof(this, &mro, heap)))
}

fn sizeof(ctx: &mut Ctx, object: &Value) -> PyResult<usize> {
    let ty = object.type_ref().clone();
    let mro = typeobj::type_payload(&ty).mro.borrow().clone();
    let heap = |t: &ObjRef| typeobj::type_payload(t).flags.get() & typeobj::TYPE_HEAPTYPE != 0;
    // A `__sizeof__` defined in Python, found before any builtin type of the MRO.
    let user = mro.iter().take_while(|t| heap(t)).find_map(|t| {
        typeobj::type_payload(t).dict.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("__sizeof__")))
    });
    let size = match user {
        Some(method) => {
            let bound = protocol::descriptor_get(ctx, &method, Some(object), &ty)?.unwrap_or(method);
            let result = protocol::call_positional(ctx, &bound, &[])?;
            if !matches!(result, Value::Int(_) | Value::Bool(_)) && result.downcast::<PyInt>().is_none() {
                return Err(PyErr::type_error("an integer is required"));
            }
            let n = to_i64(&result)?;
            usize::try_from(n).map_err(|_| PyErr::value_error("__sizeof__() should return >= 0"))?
        }
        None => builtin_sizeof(object, &mro, heap(&ty)),
    };
    Ok(size + pre_header(object, heap(&ty)))
}

/// CPython's `_PyType_PreHeaderSize`: the collector links of container objects and the
/// managed-dict pointers of instances of classes with a `__dict__`.
fn pre_header(object: &Value, heap_type: bool) -> usize {
    let Some(obj) = object.as_obj() else { return 0 };
    if heap_type {
        let no_dict = typeobj::type_payload(obj.type_ref()).flags.get() & typeobj::TYPE_NO_DICT != 0;
        return if no_dict { 16 } else { 32 };
    }
    let t = types();
    let containers = [
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.function,
        &t.type_,
        &t.module,
        &t.method,
        &t.generator,
        &t.coroutine,
        &t.async_generator,
        &t.property,
        &t.cell,
        &t.slice,
    ];
    let tracked = containers.iter().any(|c| obj.type_ref().is_same(c))
        || obj.is::<pyrite_object::types::function::BuiltinFunction>();
    if tracked { 16 } else { 0 }
}

/// Number of 30-bit digits CPython uses for an int of `bits` significant bits (at least 1).
fn int_digits(bits: u64) -> usize {
    usize::try_from(bits.div_ceil(30).max(1)).unwrap_or(usize::MAX)
}

/// CPython 3.11's `__sizeof__` of builtin objects (without the pre-header).
fn builtin_sizeof(object: &Value, mro: &[ObjRef], heap_type: bool) -> usize {
    let base = match object {
        Value::None => return 16,
        Value::Bool(b) => return 24 + 4 * int_digits(u64::from(*b)),
        Value::Int(i) => return 24 + 4 * int_digits(u64::from(64 - i.unsigned_abs().leading_zeros())),
        Value::Float(_) => return 24,
        Value::Obj(obj) => obj,
    };
    // Extra basic size of classes defined in Python: one pointer per `__slots__` member
    // and one for the weak-reference list (classes whose instances have a `__dict__` keep
    // it in the pre-header, as CPython 3.11's managed dicts).
    let mut extra = 0;
    if heap_type {
        let mut weaklist = false;
        for class in mro.iter().filter(|c| typeobj::type_payload(c).flags.get() & typeobj::TYPE_HEAPTYPE != 0) {
            let slots = typeobj::type_payload(class)
                .dict
                .downcast::<PyDict>()
                .and_then(|d| d.get_str(&PyStr::from_str("__slots__")));
            match slots {
                None => weaklist = true,
                Some(names) => {
                    for name in slot_names(&names) {
                        match name.as_str() {
                            "__weakref__" => weaklist = true,
                            "__dict__" => {}
                            _ => extra += 8,
                        }
                    }
                }
            }
        }
        if weaklist {
            extra += 8;
        }
    }
    let size = if let Some(s) = base.downcast::<PyStr>() {
        let widest = s.code_points().max().unwrap_or(0);
        match widest {
            0..=0x7f => 49 + s.len(),
            0x80..=0xff => 73 + s.len(),
            0x100..=0xffff => 74 + 2 * s.len(),
            _ => 76 + 4 * s.len(),
        }
    } else if let Some(i) = base.downcast::<PyInt>() {
        24 + 4 * int_digits(i.0.bits())
    } else if base.is::<pyrite_object::types::misc::BoxedFloat>() {
        24
    } else if let Some(tuple) = base.downcast::<PyTuple>() {
        24 + 8 * tuple.len()
    } else if let Some(list) = base.downcast::<PyList>() {
        40 + 8 * list.capacity()
    } else if let Some(dict) = base.downcast::<PyDict>() {
        // A dict still sharing its class's keys (an instance's `__dict__`) counts a values
        // array for them; the keys belong to the class.
        match dict.shared_keys() {
            Some(keys) => 48 + 8 * keys.usable_size(),
            None => 48 + dict_keys_size(dict),
        }
    } else if let Some(set) = base.downcast::<pyrite_object::types::set::PySet>() {
        let table = set.table.borrow().slots.len();
        200 + if table > 8 { 16 * table } else { 0 }
    } else if base.is::<pyrite_object::types::function::Function>() {
        136
    } else if base.is::<pyrite_object::types::function::BuiltinFunction>() {
        56
    } else if base.is::<pyrite_object::types::misc::PyRange>() {
        48
    } else if let Some(b) = base.downcast::<pyrite_object::types::bytes::PyBytes>() {
        33 + b.as_bytes().len()
    } else if let Some(b) = base.downcast::<pyrite_object::types::bytes::PyByteArray>() {
        56 + b.allocated()
    } else if base.is::<pyrite_object::types::complex::PyComplex>() {
        32
    } else if base.is::<pyrite_object::types::slice::PySlice>() {
        40
    } else if base.is::<pyrite_object::types::function::Module>() {
        56
    } else {
        // `object()`, `NotImplemented`, `Ellipsis`, and types not modelled yet: a bare
        // object header.
        16
    };
    size + extra
}

/// The size of a dict's keys table as CPython 3.11 grows it by insertion: 8 slots, then
/// `used * 3` rounded up to a power of two whenever the usable two thirds are full; entries
/// of 16 bytes when all keys are `str`, 24 otherwise; index entries of 1 to 8 bytes.
fn dict_keys_size(dict: &PyDict) -> usize {
    let used = dict.len();
    if used == 0 {
        return 0; // the shared empty keys object is not counted
    }
    let mut size: usize = 8;
    while size * 2 / 3 < used {
        size = (size * 2 / 3 * 3).next_power_of_two().max(size * 2);
    }
    let usable = size * 2 / 3;
    let unicode = dict.keys().iter().all(|k| k.downcast::<PyStr>().is_some() && k.type_ref().is_same(&types().str));
    let index = match size {
        0..=0x80 => 1,
        0x81..=0x8000 => 2,
        0x8001..=0x8000_0000 => 4,
        _ => 8,
    };
    32 + size * index + usable * if unicode { 16 } else { 24 }
}

/// The names a `__slots__` value lists (a string, or a tuple or list of strings).
fn slot_names(slots: &Value) -> Vec<String> {
    if let Some(s) = slots.as_str() {
        return vec![s.as_str().to_owned()];
    }
    let items = if let Some(t) = slots.downcast::<PyTuple>() {
        t.items().to_vec()
    } else if let Some(l) = slots.downcast::<PyList>() {
        l.to_vec()
    } else {
        Vec::new()
    };
    items.iter().filter_map(|v| v.as_str().map(|s| s.as_str().to_owned())).collect()
}
