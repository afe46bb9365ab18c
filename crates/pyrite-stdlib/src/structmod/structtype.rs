//! `_struct.Struct` (a compiled format: `pack`, `unpack`, `pack_into`, `unpack_from`,
//! `iter_unpack`, `format`, `size`) and `_struct.unpack_iterator`; the module functions
//! share the packing and unpacking routines here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::bytes::{PyByteArray, PyBytes, PyMemoryView};
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, TYPE_HEAPTYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::codec::{PackError, pack_item, pack_string, unpack_item};
use super::layout::Layout;
use super::struct_error;

/// A `Struct` object: its layout, replaced by `__init__`.
struct StructObject {
    layout: RefCell<Rc<Layout>>,
}

impl Trace for StructObject {}
payload!(StructObject, "_struct.Struct", untracked);

/// The `Struct` type.
pub(super) fn struct_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Struct", "_struct", None, TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| Ok(new_struct(ty, Rc::new(Layout::uninitialized()))));
            s.init = Some(struct_init);
            s.getattro = Some(struct_getattro);
        });
        add_methods(
            &ty,
            "Struct",
            &[
                ("pack", m_pack),
                ("pack_into", m_pack_into),
                ("unpack", m_unpack),
                ("unpack_from", m_unpack_from),
                ("iter_unpack", m_iter_unpack),
                ("__sizeof__", m_sizeof),
            ],
        );
        attrdescr::add(&ty, Kind::GetSet, &["format", "size"]);
        if let Some(dict) = type_payload(&ty).dict.downcast::<pyrite_object::types::dict::PyDict>() {
            dict.set_str("__doc__", Value::str(STRUCT_DOC));
        }
        ty
    })
}

const STRUCT_DOC: &str = "Struct(fmt) --> compiled struct object\n\n";

/// A new `Struct` (or subclass) object with this layout.
pub(super) fn new_struct(ty: &ObjRef, layout: Rc<Layout>) -> Value {
    let payload = StructObject { layout: RefCell::new(layout) };
    let heap = type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0;
    Value::Obj(if heap { ObjRef::new_with_dict(payload, Some(ty)) } else { ObjRef::new(payload, Some(ty)) })
}

/// The layout of a `Struct` object.
pub(super) fn layout_of(v: &Value) -> PyResult<Rc<Layout>> {
    Ok(this(v)?.layout.borrow().clone())
}

fn this(v: &Value) -> PyResult<&StructObject> {
    v.downcast::<StructObject>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor for '_struct.Struct' objects doesn't apply to a '{}' object",
            v.type_name()
        ))
    })
}

/// Parses a format object: a str (which must be ASCII) or bytes.
pub(super) fn parse_format(format: &Value) -> PyResult<Layout> {
    let bytes = if let Some(s) = format.as_str() {
        pyrite_object::methods::codecs::encode_str(s, "ascii", "strict")?
    } else if let Some(b) = format.downcast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else {
        return Err(PyErr::type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            format.type_name()
        )));
    };
    Layout::parse(&bytes).map_err(struct_error)
}

const INIT: Params = Params::new("Struct", &["format"]).required(1);

fn struct_init(_: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [Some(format)] = INIT.bind(args)? else { return Err(PyErr::new_system("Struct()")) };
    let layout = Rc::new(parse_format(format)?);
    let old = this(v)?.layout.replace(layout);
    drop(old);
    Ok(())
}

fn struct_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    match name.as_str().map(|n| n.as_str()) {
        Some("format") => {
            let layout = layout_of(v)?;
            Ok(Value::str(&String::from_utf8_lossy(&layout.format)))
        }
        Some("size") => Ok(Value::Int(layout_of(v)?.size as i64)),
        _ => protocol::generic_getattr(ctx, v, name),
    }
}

// ---------------------------------------------------------------------------------------
// Packing

/// Packs `values` into `out` (zeroed, `layout.size` long). On an error the bytes packed
/// so far stay in `out`, as CPython's packing in place leaves them.
fn pack_to(ctx: &mut Ctx, layout: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut values = values.iter();
    for code in &layout.codes {
        if code.ch == b's' || code.ch == b'p' {
            let Some(v) = values.next() else { break };
            pack_string(code.ch, v, &mut out[code.offset..code.offset + code.size])?;
            continue;
        }
        for k in 0..code.repeat {
            let Some(v) = values.next() else { break };
            let start = code.offset + k * code.size;
            match pack_item(ctx, layout.mode, code.ch, v, &mut out[start..start + code.size]) {
                Ok(()) => {}
                Err(PackError::Raise(e)) => return Err(e),
                Err(PackError::Overflow(message)) => {
                    return Err(if pyrite_object::methods::int::as_int(v).is_some() {
                        struct_error("int too large to convert")
                    } else {
                        PyErr::overflow(message)
                    });
                }
            }
        }
    }
    Ok(())
}

fn count_error(what: &str, layout: &Layout, given: usize) -> PyErr {
    struct_error(format!("{what} expected {} items for packing (got {given})", layout.len))
}

/// `pack(*values)` with a layout.
pub(super) fn pack_values(ctx: &mut Ctx, layout: &Layout, values: &[Value]) -> PyResult {
    if isize::try_from(values.len()).ok() != Some(layout.len) {
        return Err(count_error("pack", layout, values.len()));
    }
    let mut out = vec![0u8; layout.byte_size()];
    pack_to(ctx, layout, values, &mut out)?;
    Ok(Value::Obj(PyBytes::new_obj(out)))
}

/// The length of a writable buffer, or CPython's `TypeError`.
fn writable_len(target: &Value) -> PyResult<usize> {
    if let Some(b) = target.downcast::<PyByteArray>() {
        return Ok(b.len());
    }
    if let Some(m) = target.downcast::<PyMemoryView>()
        && !m.readonly
        && !m.released.get()
    {
        return Ok(m.len);
    }
    Err(PyErr::type_error(format!("argument must be read-write bytes-like object, not {}", target.type_name())))
}

/// Writes `data` into a writable buffer at `offset` (checked by the caller).
fn write_at(target: &Value, offset: usize, data: &[u8]) {
    if let Some(b) = target.downcast::<PyByteArray>() {
        let mut buf = b.data.borrow_mut();
        if let Some(dest) = buf.get_mut(offset..offset + data.len()) {
            dest.copy_from_slice(data);
        }
        return;
    }
    if let Some(m) = target.downcast::<PyMemoryView>()
        && let Some(b) = m.obj.downcast::<PyByteArray>()
    {
        let mut buf = b.data.borrow_mut();
        for (i, &byte) in data.iter().enumerate() {
            if let Some(slot) = buf.get_mut(m.position(offset + i)) {
                *slot = byte;
            }
        }
    }
}

/// `pack_into(buffer, offset, *values)` with a layout.
pub(super) fn pack_into_values(ctx: &mut Ctx, layout: &Layout, args: &[Value]) -> PyResult {
    let given = args.len();
    if isize::try_from(given).ok() != Some(layout.len + 2) {
        return Err(match given {
            0 => struct_error("pack_into expected buffer argument"),
            1 => struct_error("pack_into expected offset argument"),
            _ => count_error("pack_into", layout, given - 2),
        });
    }
    let buffer_len = writable_len(&args[0])?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let offset = protocol::index(ctx, &args[1], what)?;
    let offset = pyrite_object::methods::int::to_i64(&offset)
        .map_err(|_| PyErr::index_error("cannot fit 'int' into an index-sized integer"))?;
    let size = layout.size as i64;
    let len = buffer_len as i64;
    let mut offset = offset;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        )));
    }
    let mut out = vec![0u8; layout.byte_size()];
    let result = pack_to(ctx, layout, &args[2..], &mut out);
    // Packing may have run Python code that resized the buffer: check again.
    if writable_len(&args[0]).is_ok_and(|n| n as i64 - offset >= size) {
        write_at(&args[0], offset as usize, &out);
    }
    result.map(|()| Value::None)
}

// ---------------------------------------------------------------------------------------
// Unpacking

/// The bytes of a bytes-like argument.
fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(m) = v.downcast::<PyMemoryView>()
        && m.released.get()
    {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// Unpacks `data` (exactly `layout.size` bytes) into a tuple.
fn unpack_data(layout: &Layout, data: &[u8]) -> PyResult {
    let mut items = Vec::with_capacity(usize::try_from(layout.len).unwrap_or(0));
    for code in &layout.codes {
        let field = &data[code.offset..];
        match code.ch {
            b's' => items.push(Value::Obj(PyBytes::new_obj(field[..code.size].to_vec()))),
            b'p' => {
                if code.size == 0 {
                    return Err(PyErr::new_system("Negative size passed to PyBytes_FromStringAndSize"));
                }
                let n = usize::from(field[0]).min(code.size - 1);
                items.push(Value::Obj(PyBytes::new_obj(field[1..=n].to_vec())));
            }
            _ => {
                for k in 0..code.repeat {
                    let start = k * code.size;
                    items.push(unpack_item(layout.mode, code.ch, &field[start..start + code.size]));
                }
            }
        }
    }
    Ok(Value::Obj(PyTuple::new_obj(items)))
}

/// `unpack(buffer)` with a layout.
pub(super) fn unpack_buffer(layout: &Layout, buffer: &Value) -> PyResult {
    let data = buffer_arg(buffer)?;
    if data.len() as isize != layout.size {
        return Err(struct_error(format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    unpack_data(layout, &data)
}

/// `unpack_from(buffer, offset=0)` with a layout.
pub(super) fn unpack_from_buffer(ctx: &mut Ctx, layout: &Layout, buffer: &Value, offset: Option<&Value>) -> PyResult {
    let data = buffer_arg(buffer)?;
    let mut offset = match offset {
        None => 0,
        Some(v) => {
            let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
            pyrite_object::methods::int::to_i64(&protocol::index(ctx, v, what)?)?
        }
    };
    let size = layout.size as i64;
    let len = data.len() as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(format!("not enough data to unpack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset
        )));
    }
    let start = offset as usize;
    unpack_data(layout, &data[start..start + layout.byte_size()])
}

// ---------------------------------------------------------------------------------------
// iter_unpack

/// `_struct.unpack_iterator`: unpacks a copy of the buffer one struct at a time.
struct UnpackIter {
    layout: Rc<Layout>,
    data: RefCell<Option<Vec<u8>>>,
    index: Cell<usize>,
}

impl Trace for UnpackIter {}
payload!(UnpackIter, "_struct.unpack_iterator", untracked);

fn unpack_iterator_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("unpack_iterator", "_struct", None, 0, |s| {
            s.new = Some(|_, _, _| Err(PyErr::type_error("Cannot create 'unpack_iterator objects")));
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(unpack_iter_next);
        });
        add_methods(&ty, "unpack_iterator", &[("__length_hint__", unpack_iter_length_hint)]);
        ty
    })
}

/// `iter_unpack(buffer)` with a layout.
pub(super) fn iter_unpack_buffer(layout: Rc<Layout>, buffer: &Value) -> PyResult {
    if layout.size == 0 {
        return Err(struct_error("cannot iteratively unpack with a struct of length 0"));
    }
    let data = buffer_arg(buffer)?;
    if data.len() % layout.byte_size() != 0 {
        return Err(struct_error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            layout.size
        )));
    }
    let it = UnpackIter { layout, data: RefCell::new(Some(data)), index: Cell::new(0) };
    Ok(Value::Obj(ObjRef::new(it, Some(unpack_iterator_type()))))
}

fn unpack_iter_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<UnpackIter>() else { return Ok(None) };
    let size = it.layout.byte_size();
    let start = it.index.get();
    let chunk = {
        let data = it.data.borrow();
        data.as_ref().and_then(|d| d.get(start..start + size).map(<[u8]>::to_vec))
    };
    let Some(chunk) = chunk else {
        drop(it.data.borrow_mut().take());
        return Ok(None);
    };
    it.index.set(start + size);
    unpack_data(&it.layout, &chunk).map(Some)
}

fn unpack_iter_length_hint(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__length_hint__", args, 0, 0)?;
    let Some(it) = v.downcast::<UnpackIter>() else { return Err(PyErr::type_error("expected an unpack_iterator")) };
    let remaining = it.data.borrow().as_ref().map_or(0, |d| (d.len() - it.index.get()) / it.layout.byte_size());
    Ok(Value::from(remaining))
}

// ---------------------------------------------------------------------------------------
// Struct methods

fn no_keywords(name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("Struct.{name}() takes no keyword arguments")))
    }
}

fn self_and_rest<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a Value, &'a [Value])> {
    no_keywords(name, args)?;
    let (v, rest) =
        args.values.split_first().ok_or_else(|| PyErr::type_error(format!("descriptor '{name}' needs an argument")))?;
    check_self(name, v)?;
    Ok((v, rest))
}

fn check_self(name: &str, v: &Value) -> PyResult<()> {
    if v.downcast::<StructObject>().is_some() {
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "descriptor '{name}' for '_struct.Struct' objects doesn't apply to a '{}' object",
        v.type_name()
    )))
}

fn one_argument<'a>(name: &str, args: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    let (v, rest) = self_and_rest(name, args)?;
    match rest {
        [arg] => Ok((v, arg)),
        _ => Err(PyErr::type_error(format!("Struct.{name}() takes exactly one argument ({} given)", rest.len()))),
    }
}

fn m_pack(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, values) = self_and_rest("pack", &args)?;
    let layout = layout_of(v)?;
    pack_values(ctx, &layout, values)
}

fn m_pack_into(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = self_and_rest("pack_into", &args)?;
    let layout = layout_of(v)?;
    pack_into_values(ctx, &layout, rest)
}

fn m_unpack(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, buffer) = one_argument("unpack", &args)?;
    let layout = layout_of(v)?;
    unpack_buffer(&layout, buffer)
}

const UNPACK_FROM: Params = Params::new("unpack_from", &["buffer", "offset"]).required(1);

fn m_unpack_from(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let Some((v, _)) = args.values.split_first() else {
        return Err(PyErr::type_error("descriptor 'unpack_from' needs an argument"));
    };
    check_self("unpack_from", v)?;
    let rest = Args { values: &args.values[1..], kwnames: args.kwnames };
    let [buffer, offset] = UNPACK_FROM.bind(rest)?;
    let Some(buffer) = buffer else { return Err(PyErr::new_system("unpack_from")) };
    let layout = layout_of(v)?;
    unpack_from_buffer(ctx, &layout, buffer, offset)
}

fn m_iter_unpack(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, buffer) = one_argument("iter_unpack", &args)?;
    iter_unpack_buffer(layout_of(v)?, buffer)
}

fn m_sizeof(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__sizeof__", args, 0, 0)?;
    let layout = layout_of(v)?;
    let size =
        std::mem::size_of::<StructObject>() + 48 + layout.codes.len() * std::mem::size_of::<super::layout::Code>();
    Ok(Value::from(size))
}
