//! `memoryview` over bytes and bytearray: views that share the exporter's memory (slices
//! and casts are views too; writes through a view of a bytearray change the bytearray),
//! in any native single-character struct format, one-dimensional or cast to a C-contiguous
//! shape, with `release()` and the context-manager protocol. Item access, comparison and
//! hashing are in `bytes_memoryview_access.rs`; packing and unpacking items in
//! `memoryview_items.rs`.

use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::memoryview_items::{self as items, is_byte_format, parse_native};
use crate::methods::params::Params;
use crate::methods::{add_getters, add_methods, method_args, set_slots};
use crate::registry::TypeTable;
use crate::types::bytes::{PyBytes, PyMemoryView};
use crate::types::list::{PyList, PyTuple};
use crate::types::typeobj::{TYPE_BASETYPE, type_payload};
use crate::value::Value;

#[path = "bytes_memoryview_access.rs"]
mod access;

pub(super) fn setup(t: &TypeTable) {
    let flags = &type_payload(&t.memoryview).flags;
    flags.set(flags.get() & !TYPE_BASETYPE);
    set_slots(&t.memoryview, |s| {
        s.new = Some(memoryview_new);
        s.repr = Some(memoryview_repr);
        s.len = Some(|_, v| {
            let m = view(v)?;
            Ok(m.shape.first().copied().unwrap_or(1))
        });
    });
    access::setup(t);
    add_methods(
        &t.memoryview,
        "memoryview",
        &[
            ("tobytes", tobytes),
            ("tolist", tolist),
            ("hex", hex),
            ("release", release),
            ("cast", cast),
            ("toreadonly", toreadonly),
            ("__enter__", enter),
            ("__exit__", exit),
        ],
    );
    add_getters(
        &t.memoryview,
        "memoryview",
        &[
            ("obj", |_, args| Ok(this_arg("obj", args)?.obj.clone())),
            ("nbytes", |_, args| Ok(Value::from(this_arg("nbytes", args)?.nbytes()))),
            ("readonly", |_, args| Ok(Value::Bool(this_arg("readonly", args)?.readonly))),
            ("itemsize", |_, args| Ok(Value::from(this_arg("itemsize", args)?.itemsize))),
            ("format", |_, args| Ok(Value::str(&this_arg("format", args)?.format))),
            ("ndim", |_, args| Ok(Value::from(this_arg("ndim", args)?.ndim()))),
            ("shape", |_, args| {
                let m = this_arg("shape", args)?;
                Ok(Value::Obj(PyTuple::new_obj(m.shape.iter().map(|&n| Value::from(n)).collect())))
            }),
            ("strides", |_, args| {
                let m = this_arg("strides", args)?;
                let strides = m.strides.iter().map(|&s| Value::Int(i64::try_from(s).unwrap_or(0))).collect();
                Ok(Value::Obj(PyTuple::new_obj(strides)))
            }),
            ("suboffsets", |_, args| this_arg("suboffsets", args).map(|_| Value::Obj(PyTuple::new_obj(Vec::new())))),
            ("c_contiguous", |_, args| Ok(Value::Bool(c_contiguous(this_arg("c_contiguous", args)?)))),
            ("f_contiguous", |_, args| Ok(Value::Bool(f_contiguous(this_arg("f_contiguous", args)?)))),
            ("contiguous", |_, args| {
                let m = this_arg("contiguous", args)?;
                Ok(Value::Bool(c_contiguous(m) || f_contiguous(m)))
            }),
        ],
    );
}

/// CPython's `init_flags`: one-dimensional views are contiguous when their stride is the
/// item size (or they have one item); others when laid out row-major (column-major for
/// `order == 'F'`), ignoring dimensions of one item.
fn contiguous_in(m: &PyMemoryView, fortran: bool) -> bool {
    match m.ndim() {
        0 => true,
        1 => m.shape[0] == 1 || m.strides[0] == isize::try_from(m.itemsize).unwrap_or(0),
        _ => {
            if m.nbytes() == 0 {
                return true;
            }
            let mut expected = isize::try_from(m.itemsize).unwrap_or(0);
            let dims: Vec<usize> = if fortran { (0..m.ndim()).collect() } else { (0..m.ndim()).rev().collect() };
            for k in dims {
                let n = m.shape[k];
                if n > 1 && m.strides[k] != expected {
                    return false;
                }
                expected *= isize::try_from(n).unwrap_or(0);
            }
            true
        }
    }
}

pub(super) fn c_contiguous(m: &PyMemoryView) -> bool {
    contiguous_in(m, false)
}

fn f_contiguous(m: &PyMemoryView) -> bool {
    contiguous_in(m, true)
}

/// ValueError for an operation on a released view.
pub(super) fn check_released(m: &PyMemoryView) -> PyResult<()> {
    if m.released.get() {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

/// The memoryview payload of a value that must be an unreleased view.
pub(super) fn view(v: &Value) -> PyResult<&PyMemoryView> {
    let m = v.downcast::<PyMemoryView>().ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'memoryview' object but received a '{}'", v.type_name()))
    })?;
    check_released(m)?;
    Ok(m)
}

fn this_arg<'a>(name: &str, args: Args<'a>) -> PyResult<&'a PyMemoryView> {
    let (this, _) = method_args(name, args, 0, 0)?;
    view(this)
}

/// A new view with the same memory, format and layout as `m` (`readonly` may tighten it).
pub(super) fn copy_view(m: &PyMemoryView, readonly: bool) -> ObjRef {
    PyMemoryView::new_view(
        m.obj.clone(),
        m.start,
        &m.format,
        m.itemsize,
        m.shape.to_vec(),
        m.strides.to_vec(),
        m.readonly || readonly,
    )
}

const MEMORYVIEW: Params = Params::new("memoryview", &["object"]).required(1);

fn memoryview_new(_: &mut Ctx, _ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [object] = MEMORYVIEW.bind(args)?;
    let object = object.ok_or_else(|| PyErr::new_system("memoryview() argument"))?;
    if let Some(m) = object.downcast::<PyMemoryView>() {
        check_released(m)?;
        return Ok(Value::Obj(copy_view(m, false)));
    }
    let len = match super::kind_of(object) {
        Some(_) => super::with_buffer(object, <[u8]>::len).unwrap_or(0),
        None => {
            return Err(PyErr::type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                object.type_name()
            )));
        }
    };
    Ok(Value::Obj(PyMemoryView::new_obj(object.clone(), 0, 1, len, false)))
}

fn memoryview_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let released = v.downcast::<PyMemoryView>().is_some_and(|m| m.released.get());
    let prefix = if released { "released memory" } else { "memory" };
    Ok(Value::str(&format!("<{prefix} at {:#x}>", v.id())))
}

const TOBYTES: Params = Params::new("tobytes", &["order"]);

/// The viewed bytes in C (row-major) or Fortran (column-major) order.
fn ordered_bytes(m: &PyMemoryView, fortran: bool) -> Vec<u8> {
    if !fortran || m.ndim() <= 1 {
        return m.to_vec();
    }
    // The flat C-order index of each item, visited with the first index varying fastest.
    let count = m.item_count();
    let mut row_major = vec![0usize; m.ndim()];
    let mut scale = 1;
    for k in (0..m.ndim()).rev() {
        row_major[k] = scale;
        scale *= m.shape[k];
    }
    let mut out = Vec::with_capacity(m.nbytes());
    m.with_memory(|data| {
        for f in 0..count {
            let mut rest = f;
            let mut flat = 0;
            for (k, &n) in m.shape.iter().enumerate() {
                flat += (rest % n) * row_major[k];
                rest /= n;
            }
            let offset = m.item_offset(flat);
            out.extend_from_slice(data.get(offset..offset + m.itemsize).unwrap_or_default());
        }
    });
    out
}

fn tobytes(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'tobytes' of 'memoryview' object needs an argument"));
    };
    let m = view(this)?;
    let [order] = TOBYTES.bind(Args { values: rest, kwnames: args.kwnames })?;
    let mut fortran = false;
    if let Some(order) = order.filter(|o| !o.is_none()) {
        let Some(order) = order.as_str() else {
            return Err(PyErr::type_error(format!(
                "tobytes() argument 'order' must be str or None, not {}",
                order.type_name()
            )));
        };
        match order.as_str() {
            "C" => {}
            "F" => fortran = true,
            "A" => fortran = f_contiguous(m) && !c_contiguous(m),
            _ => return Err(PyErr::value_error("order must be 'C', 'F' or 'A'")),
        }
    }
    Ok(Value::Obj(PyBytes::new_obj(ordered_bytes(m, fortran))))
}

/// The format character of a view whose items can be unpacked (CPython's `adjust_fmt`).
pub(super) fn item_format(m: &PyMemoryView) -> PyResult<u8> {
    match parse_native(&m.format) {
        Some((code, _)) => Ok(code),
        None => Err(PyErr::not_implemented(format!("memoryview: unsupported format {}", m.format))),
    }
}

/// The unpacked item at byte `offset` of the exporter.
pub(super) fn item_at(m: &PyMemoryView, code: u8, offset: usize) -> Value {
    m.with_memory(|data| items::unpack(code, data.get(offset..offset + m.itemsize).unwrap_or_default())).to_value()
}

fn tolist(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let m = this_arg("tolist", args)?;
    let code = item_format(m)?;
    if m.ndim() == 0 {
        return Ok(item_at(m, code, m.start));
    }
    let flat: Vec<Value> = (0..m.item_count()).map(|i| item_at(m, code, m.item_offset(i))).collect();
    Ok(nest(&flat, &m.shape))
}

/// Nested lists of `shape` over the items in C order.
fn nest(flat: &[Value], shape: &[usize]) -> Value {
    match shape {
        [] | [_] => Value::Obj(PyList::new_obj(flat.to_vec())),
        [n, inner @ ..] => {
            let size: usize = inner.iter().product();
            let rows = (0..*n).map(|i| nest(flat.get(i * size..(i + 1) * size).unwrap_or_default(), inner)).collect();
            Value::Obj(PyList::new_obj(rows))
        }
    }
}

const HEX: Params = Params::new("hex", &["sep", "bytes_per_sep"]);

fn hex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'hex' of 'memoryview' object needs an argument"));
    };
    let data = view(this)?.to_vec();
    let [sep, per] = HEX.bind(Args { values: rest, kwnames: args.kwnames })?;
    Ok(Value::str(&super::text::hex_string(ctx, &data, sep, per)?))
}

fn release(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("release", args, 0, 0)?;
    if let Some(m) = this.downcast::<PyMemoryView>() {
        m.release();
    }
    Ok(Value::None)
}

const CAST: Params = Params::new("cast", &["format", "shape"]).required(1);

/// `m.cast(format[, shape])`: CPython's `memory_cast` (C-contiguous views only; between
/// two formats only when one of them is a byte format; 1-D to N-D or N-D to 1-D).
fn cast(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'cast' of 'memoryview' object needs an argument"));
    };
    let m = view(this)?;
    let [format, shape] = CAST.bind(Args { values: rest, kwnames: args.kwnames })?;
    let format = format.ok_or_else(|| PyErr::new_system("cast() argument"))?;
    let Some(format) = format.as_str() else {
        return Err(PyErr::type_error(format!(
            "cast() argument 'format' must be str, not {}",
            crate::methods::bad_argument_name(format)
        )));
    };
    if !c_contiguous(m) {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if (shape.is_some() || m.ndim() != 1) && m.shape.contains(&0) {
        return Err(PyErr::type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let shape = match shape {
        None => None,
        Some(s) => {
            let dims = shape_items(s)?;
            if dims.len() > 64 {
                return Err(PyErr::value_error("memoryview: number of dimensions must not exceed 64"));
            }
            if m.ndim() != 1 && dims.len() != 1 {
                return Err(PyErr::type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
            }
            Some(dims)
        }
    };
    if !format.is_ascii() {
        // CPython encodes the format to ASCII first.
        crate::methods::codecs::encode_str(format, "ascii", "strict")?;
    }
    let Some((dest, itemsize)) = parse_native(format.as_str()) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let source_is_bytes = parse_native(&m.format).is_some_and(|(c, _)| is_byte_format(c));
    if !source_is_bytes && !is_byte_format(dest) {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    if nbytes % itemsize != 0 {
        return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
    }
    let dims = match shape {
        None => vec![nbytes / itemsize],
        Some(values) => {
            let mut dims = Vec::with_capacity(values.len());
            let mut len = itemsize;
            for value in &values {
                let n = cast_dimension(value)?;
                len = len
                    .checked_mul(n)
                    .filter(|&l| isize::try_from(l).is_ok())
                    .ok_or_else(|| PyErr::value_error("memoryview.cast(): product(shape) > SSIZE_MAX"))?;
                dims.push(n);
            }
            if len != nbytes {
                return Err(PyErr::type_error("memoryview: product(shape) * itemsize != buffer size"));
            }
            dims
        }
    };
    let strides = c_strides(&dims, itemsize);
    Ok(Value::Obj(PyMemoryView::new_view(m.obj.clone(), m.start, format.as_str(), itemsize, dims, strides, m.readonly)))
}

/// The items of a `shape` argument (a list or a tuple).
fn shape_items(shape: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = shape.downcast::<PyTuple>() {
        return Ok(t.items().to_vec());
    }
    if let Some(l) = shape.downcast::<PyList>() {
        return Ok(l.to_vec());
    }
    Err(PyErr::type_error("shape must be a list or a tuple"))
}

/// One element of a cast's shape: an int greater than 0.
fn cast_dimension(value: &Value) -> PyResult<usize> {
    if !crate::methods::int::is_int(value) {
        return Err(PyErr::type_error("memoryview.cast(): elements of shape must be integers"));
    }
    let n = crate::methods::int::to_i64(value)?;
    usize::try_from(n)
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| PyErr::value_error("memoryview.cast(): elements of shape must be integers > 0"))
}

/// Row-major strides of `shape` for items of `itemsize` bytes.
fn c_strides(shape: &[usize], itemsize: usize) -> Vec<isize> {
    let mut strides = vec![0isize; shape.len()];
    let mut step = isize::try_from(itemsize).unwrap_or(1);
    for k in (0..shape.len()).rev() {
        strides[k] = step;
        step *= isize::try_from(shape[k]).unwrap_or(0);
    }
    strides
}

fn toreadonly(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let m = this_arg("toreadonly", args)?;
    Ok(Value::Obj(copy_view(m, true)))
}

fn enter(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__enter__", args, 0, 0)?;
    view(this)?;
    Ok(this.clone())
}

fn exit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("__exit__", args, 0, usize::MAX)?;
    if let Some(m) = this.downcast::<PyMemoryView>() {
        m.release();
    }
    Ok(Value::None)
}
