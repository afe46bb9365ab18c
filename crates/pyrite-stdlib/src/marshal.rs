//! The `marshal` module for data values: `dumps`/`loads`/`dump`/`load` in CPython's
//! format (versions 0 to 4, with version 3's back-references), so data written by one
//! reads in the other. Code objects are not data: Pyrite's code objects are not
//! CPython's, so `dumps` refuses them and `loads` of a CPython code object raises a
//! `ValueError` saying so.

use std::collections::HashMap;

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};
use pyrite_object::methods::bytes::with_buffer;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::PyBytes;
use pyrite_object::types::complex::{PyComplex, complex_value};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::types::int::PyInt;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::set::PySet;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

/// The newest format, `marshal.version`.
const VERSION: i64 = 4;
/// How deeply containers may nest (CPython's `MAX_MARSHAL_STACK_DEPTH`).
const MAX_DEPTH: usize = 2000;
const FLAG_REF: u8 = 0x80;

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("marshal", &[("dumps", dumps), ("loads", loads), ("dump", dump), ("load", load)]);
    Module::set(&module, "version", Value::Int(VERSION));
    Ok(module)
}

const DUMPS: Params = Params::new("dumps", &["value", "version"]).required(1).positional_only(2);
const DUMP: Params = Params::new("dump", &["value", "file", "version"]).required(2).positional_only(3);
const LOADS: Params = Params::new("loads", &["bytes"]).required(1).positional_only(1);
const LOAD: Params = Params::new("load", &["file"]).required(1).positional_only(1);

fn version_arg(value: Option<&Value>) -> PyResult<i64> {
    match value {
        None => Ok(VERSION),
        Some(Value::Int(v)) => Ok(*v),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(other) => {
            Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", other.type_name())))
        }
    }
}

fn dumps(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [value, version] = DUMPS.bind(args)?;
    let version = version_arg(version)?;
    let bytes = encode(ctx, value.unwrap_or(&Value::None), version)?;
    Ok(Value::Obj(PyBytes::new_obj(bytes)))
}

fn dump(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [value, file, version] = DUMP.bind(args)?;
    let version = version_arg(version)?;
    let bytes = encode(ctx, value.unwrap_or(&Value::None), version)?;
    let file = file.unwrap_or(&Value::None);
    let write = protocol::getattr_str(ctx, file, "write")?;
    protocol::call_positional(ctx, &write, &[Value::Obj(PyBytes::new_obj(bytes))])?;
    Ok(Value::None)
}

fn loads(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data] = LOADS.bind(args)?;
    let data = data.unwrap_or(&Value::None);
    let bytes = with_buffer(data, <[u8]>::to_vec)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", data.type_name())))?;
    let mut reader = Reader { source: Source::Bytes { data: bytes, pos: 0 }, refs: Vec::new(), depth: 0 };
    reader.object(ctx)
}

/// `load(file)`: reads one value, taking from the file only the bytes it needs.
fn load(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [file] = LOAD.bind(args)?;
    let file = file.unwrap_or(&Value::None).clone();
    let read = protocol::getattr_str(ctx, &file, "read")?;
    let mut reader = Reader { source: Source::File { read }, refs: Vec::new(), depth: 0 };
    reader.object(ctx)
}

fn bad_data(detail: &str) -> PyErr {
    PyErr::value_error(format!("bad marshal data ({detail})"))
}

fn unmarshallable() -> PyErr {
    PyErr::value_error("unmarshallable object")
}

fn is_exact(value: &Value, ty: &ObjRef) -> bool {
    value.type_ref().is_same(ty)
}

/// Encodes `value` in format `version`.
fn encode(ctx: &mut Ctx, value: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut writer = Writer { out: Vec::new(), version, refs: HashMap::new(), next_ref: 0, depth: 0 };
    writer.object(ctx, value)?;
    Ok(writer.out)
}

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Heap objects already written (by address) and their reference numbers; the
    /// values are kept alive by the caller's `value` for the whole call.
    refs: HashMap<usize, u32>,
    /// The number the next flagged object gets, as the reader counts them.
    next_ref: u32,
    depth: usize,
}

impl Writer {
    fn long(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| PyErr::value_error("unmarshallable object"))?;
        self.long(n);
        Ok(())
    }

    /// Writes a back-reference if `value` was written before; else returns the flag to
    /// add to its type code (format 3 on: every object the reader should remember).
    fn reference(&mut self, value: &Value) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        if let Value::Obj(obj) = value {
            if let Some(&n) = self.refs.get(&obj.addr()) {
                self.out.push(b'r');
                self.out.extend_from_slice(&n.to_le_bytes());
                return None;
            }
            self.refs.insert(obj.addr(), self.next_ref);
        }
        self.next_ref += 1;
        Some(FLAG_REF)
    }

    fn object(&mut self, ctx: &mut Ctx, value: &Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(PyErr::value_error("object too deeply nested to marshal"));
        }
        let result = self.object_inner(ctx, value);
        self.depth -= 1;
        result
    }

    fn object_inner(&mut self, ctx: &mut Ctx, value: &Value) -> PyResult<()> {
        let t = types();
        match value {
            Value::None => {
                self.out.push(b'N');
                return Ok(());
            }
            Value::Bool(b) => {
                self.out.push(if *b { b'T' } else { b'F' });
                return Ok(());
            }
            Value::Obj(obj) if obj.is_same(&t.stop_iteration) => {
                self.out.push(b'S');
                return Ok(());
            }
            Value::Obj(obj) if obj.is_same(&t.ellipsis) => {
                self.out.push(b'.');
                return Ok(());
            }
            _ => {}
        }
        let Some(flag) = self.reference(value) else { return Ok(()) };
        if let Value::Int(i) = value {
            return self.int(&BigInt::from(*i), flag);
        }
        if let Some(f) = value.as_f64().filter(|_| is_exact(value, &t.float)) {
            return self.float(f, flag, b'g', b'f');
        }
        let Value::Obj(obj) = value else { return Err(unmarshallable()) };
        if let Some(big) = obj.downcast::<PyInt>().filter(|_| is_exact(value, &t.int)) {
            return self.int(&big.0, flag);
        }
        if let Some(c) = obj.downcast::<PyComplex>().filter(|_| is_exact(value, &t.complex)) {
            let (re, im) = (c.re, c.im);
            if self.version > 1 {
                self.out.push(b'y' | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            } else {
                self.out.push(b'x' | flag);
                self.text_float(re);
                self.text_float(im);
            }
            return Ok(());
        }
        if let Some(s) = obj.downcast::<PyStr>().filter(|_| is_exact(value, &t.str)) {
            return self.str(s, flag);
        }
        if let Some(tuple) = obj.downcast::<PyTuple>().filter(|_| is_exact(value, &t.tuple)) {
            let items = tuple.items().to_vec();
            if self.version >= 4 && items.len() < 256 {
                self.out.push(b')' | flag);
                self.out.push(items.len() as u8);
            } else {
                self.out.push(b'(' | flag);
                self.size(items.len())?;
            }
            return self.items(ctx, &items);
        }
        if let Some(list) = obj.downcast::<PyList>().filter(|_| is_exact(value, &t.list)) {
            let items = list.to_vec();
            self.out.push(b'[' | flag);
            self.size(items.len())?;
            return self.items(ctx, &items);
        }
        if let Some(dict) = obj.downcast::<PyDict>().filter(|_| is_exact(value, &t.dict)) {
            self.out.push(b'{' | flag);
            for (key, item) in dict.items() {
                self.object(ctx, &key)?;
                self.object(ctx, &item)?;
            }
            self.out.push(b'0');
            return Ok(());
        }
        if let Some(set) = obj.downcast::<PySet>() {
            let code = if is_exact(value, &t.set) {
                b'<'
            } else if is_exact(value, &t.frozenset) {
                b'>'
            } else {
                return Err(unmarshallable());
            };
            let items = set.keys();
            self.out.push(code | flag);
            self.size(items.len())?;
            return self.items(ctx, &items);
        }
        if let Some(bytes) = with_buffer(value, <[u8]>::to_vec) {
            self.out.push(b's' | flag);
            self.size(bytes.len())?;
            self.out.extend_from_slice(&bytes);
            return Ok(());
        }
        Err(unmarshallable())
    }

    fn items(&mut self, ctx: &mut Ctx, items: &[Value]) -> PyResult<()> {
        items.iter().try_for_each(|item| self.object(ctx, item))
    }

    fn int(&mut self, value: &BigInt, flag: u8) -> PyResult<()> {
        if let Some(small) = value.to_i32() {
            self.out.push(b'i' | flag);
            self.long(small);
            return Ok(());
        }
        // Base 2**15 digits, least significant first; the sign goes on the count.
        let mut digits = Vec::new();
        let mut rest = value.magnitude().clone();
        while !rest.is_zero() {
            let digit = (&rest & num_bigint::BigUint::from(0x7fffu32)).to_u16().unwrap_or(0);
            digits.push(digit);
            rest >>= 15u32;
        }
        self.out.push(b'l' | flag);
        let count = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.long(if value.sign() == Sign::Minus { -count } else { count });
        for digit in digits {
            self.out.extend_from_slice(&digit.to_le_bytes());
        }
        Ok(())
    }

    fn float(&mut self, f: f64, flag: u8, binary: u8, text: u8) -> PyResult<()> {
        if self.version > 1 {
            self.out.push(binary | flag);
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            self.out.push(text | flag);
            self.text_float(f);
        }
        Ok(())
    }

    /// A float as format 0 and 1 write it: a length byte and `repr(f)`.
    fn text_float(&mut self, f: f64) {
        let text = pyrite_object::num::float_repr(f);
        self.out.push(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    fn str(&mut self, s: &PyStr, flag: u8) -> PyResult<()> {
        if self.version >= 4 && s.is_ascii() {
            let text = s.as_str().as_bytes().to_vec();
            if text.len() < 256 {
                self.out.push(b'z' | flag);
                self.out.push(text.len() as u8);
            } else {
                self.out.push(b'a' | flag);
                self.size(text.len())?;
            }
            self.out.extend_from_slice(&text);
            return Ok(());
        }
        let utf8 = utf8_surrogatepass(s);
        self.out.push(b'u' | flag);
        self.size(utf8.len())?;
        self.out.extend_from_slice(&utf8);
        Ok(())
    }
}

/// The UTF-8 bytes of `s`, lone surrogates encoded as their three bytes.
fn utf8_surrogatepass(s: &PyStr) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for cp in s.code_points() {
        match char::from_u32(cp) {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            None => out.extend_from_slice(&[
                0xe0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3f) as u8,
                0x80 | (cp & 0x3f) as u8,
            ]),
        }
    }
    out
}

/// UTF-8 (lone surrogates allowed) to code points; `None` if malformed.
fn decode_utf8_surrogatepass(bytes: &[u8]) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, init) = match b {
            0x00..=0x7f => (1, u32::from(b)),
            0xc2..=0xdf => (2, u32::from(b & 0x1f)),
            0xe0..=0xef => (3, u32::from(b & 0x0f)),
            0xf0..=0xf4 => (4, u32::from(b & 0x07)),
            _ => return None,
        };
        let tail = bytes.get(i + 1..i + len)?;
        let mut cp = init;
        for &t in tail {
            if t & 0xc0 != 0x80 {
                return None;
            }
            cp = (cp << 6) | u32::from(t & 0x3f);
        }
        let min = [0, 0, 0x80, 0x800, 0x1_0000][len];
        if cp < min || cp > 0x10_ffff {
            return None;
        }
        out.push(cp);
        i += len;
    }
    Some(out)
}

enum Source {
    Bytes { data: Vec<u8>, pos: usize },
    File { read: Value },
}

struct Reader {
    source: Source,
    /// The objects flagged for reference so far (`None` while one is being built).
    refs: Vec<Option<Value>>,
    depth: usize,
}

impl Reader {
    fn take(&mut self, ctx: &mut Ctx, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.source {
            Source::Bytes { data, pos } => {
                let end = pos.checked_add(n).filter(|&e| e <= data.len());
                let Some(end) = end else { return Err(PyErr::new(&types().eof_error, "marshal data too short")) };
                let out = data[*pos..end].to_vec();
                *pos = end;
                Ok(out)
            }
            Source::File { read } => {
                let read = read.clone();
                let got = protocol::call_positional(ctx, &read, &[Value::from(n)])?;
                let bytes = with_buffer(&got, <[u8]>::to_vec).ok_or_else(|| {
                    PyErr::type_error(format!("file.read() returned not bytes but {}", got.type_name()))
                })?;
                if bytes.len() != n {
                    return Err(PyErr::new(&types().eof_error, "EOF read where object expected"));
                }
                Ok(bytes)
            }
        }
    }

    fn byte(&mut self, ctx: &mut Ctx) -> PyResult<u8> {
        match self.take(ctx, 1) {
            Ok(b) => Ok(b[0]),
            Err(e) if e.matches(&types().eof_error) => {
                Err(PyErr::new(&types().eof_error, "EOF read where object expected"))
            }
            Err(e) => Err(e),
        }
    }

    fn long(&mut self, ctx: &mut Ctx) -> PyResult<i32> {
        let b = self.take(ctx, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self, ctx: &mut Ctx) -> PyResult<usize> {
        let n = self.long(ctx)?;
        usize::try_from(n).map_err(|_| bad_data("size out of range"))
    }

    fn object(&mut self, ctx: &mut Ctx) -> PyResult {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::value_error("recursion limit exceeded"));
        }
        let result = self.object_inner(ctx);
        self.depth -= 1;
        result?.ok_or_else(|| bad_data("NULL object"))
    }

    /// Keeps `value` as reference `slot` when its type code was flagged.
    fn keep(&mut self, slot: Option<usize>, value: Value) -> Value {
        if let Some(slot) = slot {
            self.refs[slot] = Some(value.clone());
        }
        value
    }

    /// One object, or `None` for the NULL code that ends a dict.
    fn object_inner(&mut self, ctx: &mut Ctx) -> PyResult<Option<Value>> {
        let code = self.byte(ctx)?;
        if code == b'0' {
            return Ok(None);
        }
        let flagged = code & FLAG_REF != 0;
        let code = code & !FLAG_REF;
        let slot = flagged.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        });
        let value = match code {
            b'N' => Value::None,
            b'F' => Value::Bool(false),
            b'T' => Value::Bool(true),
            b'S' => Value::Obj(types().stop_iteration.clone()),
            b'.' => Value::Obj(types().ellipsis.clone()),
            b'i' => Value::Int(i64::from(self.long(ctx)?)),
            b'I' => {
                let b = self.take(ctx, 8)?;
                Value::Int(i64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
            }
            b'l' => self.big_int(ctx)?,
            b'g' => Value::float(self.binary_float(ctx)?),
            b'f' => Value::float(self.text_float(ctx)?),
            b'y' => {
                let re = self.binary_float(ctx)?;
                let im = self.binary_float(ctx)?;
                complex_value(re, im)
            }
            b'x' => {
                let re = self.text_float(ctx)?;
                let im = self.text_float(ctx)?;
                complex_value(re, im)
            }
            b's' => {
                let n = self.size(ctx)?;
                Value::Obj(PyBytes::new_obj(self.take(ctx, n)?))
            }
            b'u' | b't' => {
                let n = self.size(ctx)?;
                let bytes = self.take(ctx, n)?;
                let points = decode_utf8_surrogatepass(&bytes).ok_or_else(|| bad_data("invalid UTF-8"))?;
                Value::Obj(PyStr::from_code_points_obj(&points))
            }
            b'a' | b'A' | b'z' | b'Z' => {
                let n = if matches!(code, b'z' | b'Z') { usize::from(self.byte(ctx)?) } else { self.size(ctx)? };
                let bytes = self.take(ctx, n)?;
                let points: Vec<u32> = bytes.iter().map(|&b| u32::from(b)).collect();
                Value::Obj(PyStr::from_code_points_obj(&points))
            }
            b')' | b'(' => {
                let n = if code == b')' { usize::from(self.byte(ctx)?) } else { self.size(ctx)? };
                let items = self.items(ctx, n)?;
                Value::Obj(PyTuple::new_obj(items))
            }
            b'[' => {
                let n = self.size(ctx)?;
                let list = PyList::new_obj(Vec::new());
                // The list is remembered before its items: they may refer to it.
                let value = self.keep(slot, Value::Obj(list.clone()));
                for _ in 0..n {
                    let item = self.object(ctx)?;
                    if let Some(l) = list.downcast::<PyList>() {
                        l.push(item);
                    }
                }
                return Ok(Some(value));
            }
            b'{' => {
                let dict = PyDict::new_obj();
                let value = self.keep(slot, Value::Obj(dict.clone()));
                loop {
                    self.depth += 1;
                    let key = self.object_inner(ctx);
                    self.depth -= 1;
                    let Some(key) = key? else { break };
                    let item = self.object(ctx)?;
                    if let Some(d) = dict.downcast::<PyDict>() {
                        d.set_item(ctx, key, item)?;
                    }
                }
                return Ok(Some(value));
            }
            b'<' | b'>' => {
                let n = self.size(ctx)?;
                let items = self.items(ctx, n)?;
                let set = PySet::from_values(ctx, items)?;
                let ty = if code == b'<' { &types().set } else { &types().frozenset };
                Value::Obj(ObjRef::new(set, Some(ty)))
            }
            b'r' => {
                let n = usize::try_from(self.long(ctx)?).map_err(|_| bad_data("invalid reference"))?;
                return match self.refs.get(n) {
                    Some(Some(v)) => Ok(Some(v.clone())),
                    _ => Err(bad_data("invalid reference")),
                };
            }
            b'c' => {
                return Err(PyErr::value_error(
                    "bad marshal data (code objects are CPython's; Pyrite cannot load them)",
                ));
            }
            _ => return Err(bad_data("unknown type code")),
        };
        Ok(Some(self.keep(slot, value)))
    }

    fn items(&mut self, ctx: &mut Ctx, n: usize) -> PyResult<Vec<Value>> {
        let mut items = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            items.push(self.object(ctx)?);
        }
        Ok(items)
    }

    fn big_int(&mut self, ctx: &mut Ctx) -> PyResult {
        let count = self.long(ctx)?;
        let negative = count < 0;
        let n = count.unsigned_abs() as usize;
        let bytes = self.take(ctx, n.checked_mul(2).ok_or_else(|| bad_data("long size out of range"))?)?;
        let mut value = BigInt::zero();
        for (i, pair) in bytes.chunks(2).enumerate().rev() {
            let digit = u16::from_le_bytes([pair[0], pair[1]]);
            if digit > 0x7fff || (i == n - 1 && digit == 0) {
                return Err(bad_data("digit out of range in long"));
            }
            value = (value << 15u32) + BigInt::from(digit);
        }
        Ok(Value::from_bigint(if negative { -value } else { value }))
    }

    fn binary_float(&mut self, ctx: &mut Ctx) -> PyResult<f64> {
        let b = self.take(ctx, 8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
    }

    fn text_float(&mut self, ctx: &mut Ctx) -> PyResult<f64> {
        let n = usize::from(self.byte(ctx)?);
        let bytes = self.take(ctx, n)?;
        let text = String::from_utf8_lossy(&bytes);
        text.trim().parse::<f64>().or_else(|_| match text.trim() {
            "inf" => Ok(f64::INFINITY),
            "-inf" => Ok(f64::NEG_INFINITY),
            "nan" | "-nan" => Ok(f64::NAN),
            _ => Err(bad_data("invalid float")),
        })
    }
}
