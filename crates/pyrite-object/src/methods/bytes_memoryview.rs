//! `memoryview` over bytes and bytearray: one-dimensional, format `'B'` views that share
//! the exporter's memory (slices are views too; writes through a view of a bytearray
//! change the bytearray), with `release()` and the context-manager protocol.

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
        s.len = Some(|_, v| Ok(view(v)?.len));
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
            ("itemsize", |_, args| this_arg("itemsize", args).map(|_| Value::Int(1))),
            ("format", |_, args| this_arg("format", args).map(|_| Value::str("B"))),
            ("ndim", |_, args| this_arg("ndim", args).map(|_| Value::Int(1))),
            ("shape", |_, args| {
                let m = this_arg("shape", args)?;
                Ok(Value::Obj(PyTuple::new_obj(vec![Value::from(m.len)])))
            }),
            ("strides", |_, args| {
                let m = this_arg("strides", args)?;
                Ok(Value::Obj(PyTuple::new_obj(vec![Value::Int(i64::try_from(m.step).unwrap_or(1))])))
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
    crate::methods::sequence::normalize_index(i, m.len)
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
        return Ok(Value::Obj(sub_view(ctx, m, sl)?));
    }
    let i = item_index(ctx, m, key)?;
    Ok(m.get(i).map_or(Value::None, |b| Value::Int(i64::from(b))))
}

fn memoryview_setitem(ctx: &mut Ctx, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = view(v)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
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
    let same = rest[0].as_str().is_some_and(|f| f.as_str() == "B") && rest.len() == 1;
    if same && contiguous(m) {
        return Ok(Value::Obj(PyMemoryView::new_obj(m.obj.clone(), m.start, m.step, m.len, m.readonly)));
    }
    Err(PyErr::not_implemented("memoryview.cast() supports only the format 'B' in Pyrite"))
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
