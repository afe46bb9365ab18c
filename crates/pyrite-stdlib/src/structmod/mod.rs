//! The `_struct` module (`struct` is `from _struct import *`): `pack`, `unpack`,
//! `pack_into`, `unpack_from`, `iter_unpack`, `calcsize`, the `Struct` class and
//! `struct.error`, as CPython 3.11's `_struct.c` (its messages, its cache of the last 100
//! formats used by the module functions, which is why an unhashable format is refused as
//! unhashable).
//!
//! `layout` parses formats, `codec` packs and unpacks single values, `structtype` is the
//! `Struct` class and its iterator.

mod codec;
mod layout;
mod structtype;

use std::rc::Rc;

use pyrite_memory::{GilCell, ObjRef};
use pyrite_object::methods::check_args;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, types};

use layout::Layout;

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_struct",
        &[
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("iter_unpack", iter_unpack),
            ("calcsize", calcsize),
            ("_clearcache", clearcache),
        ],
    );
    Module::set(&module, "Struct", Value::Obj(structtype::struct_type().clone()));
    Module::set(&module, "error", Value::Obj(error_type().clone()));
    Module::set(&module, "__doc__", Value::str(DOC));
    Ok(module)
}

const DOC: &str = "Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
";

/// `struct.error`.
fn error_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("error", "struct", Some(&types().exception), TYPE_BASETYPE))
}

/// A `struct.error` with this message.
pub(crate) fn struct_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(error_type(), message)
}

/// The most formats the module functions remember (CPython's `MAXCACHE`).
const MAX_CACHE: usize = 100;

/// The module functions' cache: a dict from format objects to `Struct` objects.
static CACHE: GilCell<Option<ObjRef>> = GilCell::new(None);

fn cache_dict() -> ObjRef {
    // SAFETY: called with the GIL held; the closure only clones or stores a reference.
    unsafe { CACHE.with(|cache| cache.get_or_insert_with(PyDict::new_obj).clone()) }
}

/// The layout of a format given to a module function, through the cache as CPython's
/// `cache_struct_converter` (so the format must be hashable).
fn cached_layout(ctx: &mut Ctx, format: &Value) -> PyResult<Rc<Layout>> {
    let cache = cache_dict();
    let Some(dict) = cache.downcast::<PyDict>() else { return Err(PyErr::new_system("struct cache")) };
    if let Some(found) = dict.get_item(ctx, format)? {
        return structtype::layout_of(&found);
    }
    let layout = Rc::new(structtype::parse_format(format)?);
    let object = structtype::new_struct(structtype::struct_type(), layout.clone());
    if dict.len() >= MAX_CACHE {
        dict.clear_items();
    }
    dict.set_item(ctx, format.clone(), object)?;
    Ok(layout)
}

fn no_keywords(name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name}() takes no keyword arguments")))
    }
}

fn pack(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("_struct.pack", &args)?;
    let Some((format, values)) = args.values.split_first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    let layout = cached_layout(ctx, format)?;
    structtype::pack_values(ctx, &layout, values)
}

fn pack_into(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("_struct.pack_into", &args)?;
    let Some((format, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("missing format argument"));
    };
    let layout = cached_layout(ctx, format)?;
    structtype::pack_into_values(ctx, &layout, rest)
}

fn unpack(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("_struct.unpack", &args)?;
    let values = check_args("unpack", args, 2, 2)?;
    let layout = cached_layout(ctx, &values[0])?;
    structtype::unpack_buffer(&layout, &values[1])
}

const UNPACK_FROM: pyrite_object::methods::params::Params =
    pyrite_object::methods::params::Params::new("unpack_from", &["format", "buffer", "offset"])
        .required(2)
        .positional_only(1);

fn unpack_from(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [format, buffer, offset] = UNPACK_FROM.bind(args)?;
    let (Some(format), Some(buffer)) = (format, buffer) else { return Err(PyErr::new_system("unpack_from")) };
    let layout = cached_layout(ctx, format)?;
    structtype::unpack_from_buffer(ctx, &layout, buffer, offset)
}

fn iter_unpack(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("_struct.iter_unpack", &args)?;
    let values = check_args("iter_unpack", args, 2, 2)?;
    let layout = cached_layout(ctx, &values[0])?;
    structtype::iter_unpack_buffer(layout, &values[1])
}

fn calcsize(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("_struct.calcsize", &args)?;
    if args.values.len() != 1 {
        return Err(PyErr::type_error(format!(
            "_struct.calcsize() takes exactly one argument ({} given)",
            args.values.len()
        )));
    }
    let layout = cached_layout(ctx, &args.values[0])?;
    Ok(Value::Int(layout.size as i64))
}

fn clearcache(_: &mut Ctx, args: Args<'_>) -> PyResult {
    if !args.values.is_empty() {
        no_keywords("_struct._clearcache", &args)?;
        return Err(PyErr::type_error(format!(
            "_struct._clearcache() takes no arguments ({} given)",
            args.values.len()
        )));
    }
    // Take the dict out first: dropping its Struct objects must not happen inside `with`.
    // SAFETY: called with the GIL held; the closure only moves a reference out.
    let old = unsafe { CACHE.with(Option::take) };
    drop(old);
    Ok(Value::None)
}
