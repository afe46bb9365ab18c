//! `memoryview` over bytes and bytearray: one-dimensional, format `'B'` views that share
//! the exporter's memory (slices are views too; writes through a view of a bytearray
//! change the bytearray), with `release()` and the context-manager protocol. `cast` to
//! another native format gives a read view of its items (`len`, indexing, `tolist`,
//! iteration); slicing and assigning such views is not supported yet.

use pyrite_bytecode::CompareOp;
use pyrite_memory::ObjRef;

use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::params::Params;
use crate::methods::{add_getters, add_methods, method_args, set_slots};
use crate::protocol::{self, not_implemented};
use crate::registry::{TypeTable, types};
use crate::types::bytes::{PyByteArray, PyMemoryView};
use crate::types::list::{PyList, PyTuple};
use crate::types::misc::SeqIter;
use crate::types::typeobj::{TYPE_BASETYPE, type_payload};
use crate::value::Value;

pub(super) fn setup(t: &TypeTable) {
    let flags = &type_payload(&t.memoryview).flags;
    flags.set(flags.get() & !TYPE_BASETYPE);
    set_slots(&t.memoryview, |s| {
        s.new = Some(memoryview_new);
        s.repr = Some(memoryview_repr);
        s.hash = Some(memoryview_hash);
        s.richcompare = Some(memoryview_richcompare);
        s.len = Some(|_, v| Ok(view(v)?.items()));
        s.getitem = Some(memoryview_getitem);
        s.setitem = Some(memoryview_setitem);
        s.iter = Some(|_, v| {
            view(v)?;
            Ok(Value::Obj(SeqIter::new_obj(v.clone(), &types().memory_iterator, 0)))
        });
    });
    set_slots(&t.memory_iterator, |s| {
        s.iter = Some(|_, v| Ok(v.clone()));
        s.next = Some(memory_iter_next);
    });
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
            ("nbytes", |_, args| Ok(Value::from(this_arg("nbytes", args)?.len))),
            ("readonly", |_, args| Ok(Value::Bool(this_arg("readonly", args)?.readonly))),
            ("itemsize", |_, args| Ok(Value::from(this_arg("itemsize", args)?.itemsize()))),
            ("format", |_, args| {
                let m = this_arg("format", args)?;
                Ok(Value::str(&char::from(m.format).to_string()))
            }),
            ("ndim", |_, args| this_arg("ndim", args).map(|_| Value::Int(1))),
            ("shape", |_, args| {
                let m = this_arg("shape", args)?;
                Ok(Value::Obj(PyTuple::new_obj(vec![Value::from(m.items())])))
            }),
            ("strides", |_, args| {
                let m = this_arg("strides", args)?;
                let stride = m.step * isize::try_from(m.itemsize()).unwrap_or(1);
                Ok(Value::Obj(PyTuple::new_obj(vec![Value::Int(i64::try_from(stride).unwrap_or(1))])))
            }),
            ("suboffsets", |_, args| this_arg("suboffsets", args).map(|_| Value::Obj(PyTuple::new_obj(Vec::new())))),
            ("c_contiguous", |_, args| Ok(Value::Bool(contiguous(this_arg("c_contiguous", args)?)))),
            ("f_contiguous", |_, args| Ok(Value::Bool(contiguous(this_arg("f_contiguous", args)?)))),
            ("contiguous", |_, args| Ok(Value::Bool(contiguous(this_arg("contiguous", args)?)))),
        ],
    );
}

fn contiguous(m: &PyMemoryView) -> bool {
    m.step == 1 || m.len <= 1
}

/// ValueError for an operation on a released view.
pub(super) fn check_released(m: &PyMemoryView) -> PyResult<()> {
    if m.released.get() {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

/// The memoryview payload of a value that must be an unreleased view.
fn view(v: &Value) -> PyResult<&PyMemoryView> {
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

const MEMORYVIEW: Params = Params::new("memoryview", &["object"]).required(1);

fn memoryview_new(_: &mut Ctx, _ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [object] = MEMORYVIEW.bind(args)?;
    let object = object.ok_or_else(|| PyErr::new_system("memoryview() argument"))?;
    if let Some(m) = object.downcast::<PyMemoryView>() {
        check_released(m)?;
        return Ok(Value::Obj(PyMemoryView::new_obj(m.obj.clone(), m.start, m.step, m.len, m.readonly)));
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

fn memoryview_hash(_: &mut Ctx, v: &Value) -> PyResult<i64> {
    let m = view(v)?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(crate::hash::hash_bytes(&m.to_vec()))
}

fn memoryview_richcompare(_: &mut Ctx, a: &Value, b: &Value, op: CompareOp) -> PyResult {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented());
    }
    let released = |v: &Value| v.downcast::<PyMemoryView>().is_some_and(|m| m.released.get());
    let equal = if a.is(b) {
        true
    } else if released(a) || released(b) {
        false
    } else {
        match (super::buffer_bytes(a), super::buffer_bytes(b)) {
            (Some(x), Some(y)) => x == y,
            _ => return Ok(not_implemented()),
        }
    };
    Ok(Value::Bool(equal == (op == CompareOp::Eq)))
}

/// The index of `key` in a view of length `len`, with memoryview's errors.
fn item_index(ctx: &mut Ctx, m: &PyMemoryView, key: &Value) -> PyResult<usize> {
    if !protocol::has_index(key) {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let i = protocol::index(ctx, key, |_| "memoryview: invalid slice key".to_owned())?;
    let i = crate::methods::int::to_i64(&i)?;
    crate::methods::sequence::normalize_index(i, m.items())
        .ok_or_else(|| PyErr::index_error("index out of bounds on dimension 1"))
}

/// The positions (in the view) a slice selects, and a sub-view over them.
fn sub_view(ctx: &mut Ctx, m: &PyMemoryView, sl: &crate::types::slice::PySlice) -> PyResult<ObjRef> {
    let (start, step, n) = crate::methods::slice::indices(ctx, sl, m.len)?;
    let start = if n == 0 { m.start } else { m.position(usize::try_from(start).unwrap_or(0)) };
    let step = isize::try_from(step).unwrap_or(1) * m.step;
    Ok(PyMemoryView::new_obj(m.obj.clone(), start, step, n, m.readonly))
}

fn memoryview_getitem(ctx: &mut Ctx, v: &Value, key: &Value) -> PyResult {
    let m = view(v)?;
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        if m.format != b'B' {
            return Err(PyErr::not_implemented("slicing a memoryview of format other than 'B' in Pyrite"));
        }
        return Ok(Value::Obj(sub_view(ctx, m, sl)?));
    }
    let i = item_index(ctx, m, key)?;
    if m.format != b'B' {
        return Ok(item(m, i));
    }
    Ok(m.get(i).map_or(Value::None, |b| Value::Int(i64::from(b))))
}

fn memoryview_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view(v)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    if m.format != b'B' {
        return Err(PyErr::not_implemented("assigning to a memoryview of format other than 'B' in Pyrite"));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete memory"));
    };
    let Some(array) = m.obj.downcast::<PyByteArray>() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    if let Some(sl) = crate::methods::slice::as_slice(key) {
        let (start, step, n) = crate::methods::slice::indices(ctx, sl, m.len)?;
        let Some(new) = super::buffer_bytes(&value) else {
            return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", value.type_name())));
        };
        if new.len() != n {
            return Err(PyErr::value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let mut data = array.data.borrow_mut();
        for (k, b) in new.into_iter().enumerate() {
            let i = usize::try_from(start + i64::try_from(k).unwrap_or(0) * step).unwrap_or(0);
            if let Some(slot) = data.get_mut(m.position(i)) {
                *slot = b;
            }
        }
        return Ok(());
    }
    let i = item_index(ctx, m, key)?;
    if !crate::methods::int::is_int(&value) {
        return Err(PyErr::type_error("memoryview: invalid type for format 'B'"));
    }
    let Some(b) = crate::methods::int::as_small(&value).and_then(|x| u8::try_from(x).ok()) else {
        return Err(PyErr::value_error("memoryview: invalid value for format 'B'"));
    };
    if let Some(slot) = array.data.borrow_mut().get_mut(m.position(i)) {
        *slot = b;
    }
    Ok(())
}

fn memory_iter_next(_: &mut Ctx, it: &Value) -> PyResult<Option<Value>> {
    let Some(iter) = it.downcast::<SeqIter>() else { return Ok(None) };
    let seq = iter.seq.borrow().clone();
    let Some(seq) = seq else { return Ok(None) };
    let m = view(&seq)?;
    let i = iter.index.get();
    if m.format != b'B' {
        if i >= m.items() {
            drop(iter.seq.replace(None));
            return Ok(None);
        }
        iter.index.set(i + 1);
        return Ok(Some(item(m, i)));
    }
    match m.get(i) {
        Some(b) => {
            iter.index.set(i + 1);
            Ok(Some(Value::Int(i64::from(b))))
        }
        None => {
            drop(iter.seq.replace(None));
            Ok(None)
        }
    }
}

const TOBYTES: Params = Params::new("tobytes", &["order"]);

fn tobytes(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'tobytes' of 'memoryview' object needs an argument"));
    };
    let m = view(this)?;
    let [order] = TOBYTES.bind(Args { values: rest, kwnames: args.kwnames })?;
    if let Some(order) = order
        && !order.is_none()
    {
        let ok = order.as_str().is_some_and(|s| matches!(s.as_str(), "C" | "F" | "A"));
        if !ok {
            return Err(PyErr::value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    Ok(Value::Obj(crate::types::bytes::PyBytes::new_obj(m.to_vec())))
}

fn tolist(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let m = this_arg("tolist", args)?;
    if m.format != b'B' {
        return Ok(Value::Obj(PyList::new_obj((0..m.items()).map(|i| item(m, i)).collect())));
    }
    Ok(Value::Obj(PyList::new_obj(m.to_vec().into_iter().map(|b| Value::Int(i64::from(b))).collect())))
}

const HEX: Params = Params::new("hex", &["sep", "bytes_per_sep"]);

fn hex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((this, rest)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'hex' of 'memoryview' object needs an argument"));
    };
    let data = view(this)?.to_vec();
    let [sep, per] = HEX.bind(Args { values: rest, kwnames: args.kwnames })?;
    Ok(Value::str(&super::text::hex_string(ctx, "hex", &data, sep, per)?))
}

fn release(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("release", args, 0, 0)?;
    if let Some(m) = this.downcast::<PyMemoryView>() {
        m.release();
    }
    Ok(Value::None)
}

fn cast(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("cast", args, 1, 2)?;
    let m = view(this)?;
    let Some(format) = rest[0].as_str() else {
        return Err(PyErr::type_error(format!("cast() argument 'format' must be str, not {}", rest[0].type_name())));
    };
    if rest.len() > 1 {
        return Err(PyErr::not_implemented("memoryview.cast() with a shape in Pyrite"));
    }
    let code = match format.as_str().strip_prefix('@').unwrap_or(format.as_str()).as_bytes() {
        [c] if crate::types::bytes::item_size(*c).is_some() => *c,
        _ => {
            return Err(PyErr::value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ));
        }
    };
    if !contiguous(m) {
        return Err(PyErr::type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if m.format != b'B' && code != b'B' {
        return Err(PyErr::type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if m.len % crate::types::bytes::item_size(code).unwrap_or(1) != 0 {
        return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(Value::Obj(m.new_cast(code)))
}

/// The `i`th item of a contiguous view of a format other than `'B'`.
fn item(m: &PyMemoryView, i: usize) -> Value {
    let size = m.itemsize();
    let bytes: Vec<u8> = (i * size..(i + 1) * size).filter_map(|k| m.get(k)).collect();
    let mut raw = [0u8; 8];
    raw[..bytes.len()].copy_from_slice(&bytes);
    let unsigned = u64::from_ne_bytes(raw);
    let signed = |bits: u32| {
        let shift = 64 - bits;
        #[expect(clippy::cast_possible_wrap, reason = "sign extension of the item's bits")]
        let v = ((unsigned << shift) as i64) >> shift;
        Value::Int(v)
    };
    match m.format {
        b'b' => signed(8),
        b'h' => signed(16),
        b'i' => signed(32),
        b'l' | b'q' | b'n' => signed(64),
        b'?' => Value::Bool(unsigned != 0),
        b'c' => Value::Obj(crate::types::bytes::PyBytes::new_obj(bytes)),
        b'f' => Value::float(f64::from(f32::from_bits(u32::try_from(unsigned).unwrap_or(0)))),
        b'd' => Value::float(f64::from_bits(unsigned)),
        b'e' => Value::float(half_to_f64(u16::try_from(unsigned).unwrap_or(0))),
        _ => Value::from_bigint(unsigned.into()),
    }
}

/// An IEEE 754 half-precision float's value.
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exp = i32::from((h >> 10) & 0x1f);
    let frac = f64::from(h & 0x3ff);
    match exp {
        0 => sign * frac * 2f64.powi(-24),
        31 if frac == 0.0 => sign * f64::INFINITY,
        31 => f64::NAN,
        _ => sign * (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

fn toreadonly(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let m = this_arg("toreadonly", args)?;
    Ok(Value::Obj(PyMemoryView::new_obj(m.obj.clone(), m.start, m.step, m.len, true)))
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
