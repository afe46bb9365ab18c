//! The `binascii` module: conversions between binary data and ASCII encodings (base64,
//! hex, uuencode, quoted-printable) and the CRC-32 and CRC-CCITT checksums, with CPython
//! 3.11's `binascii.c` results and errors (`binascii.Error`, a `ValueError`), which
//! `base64`, `quopri`, `uu` and `zipfile` use.

use pyrite_memory::ObjRef;
use pyrite_object::methods::bytes::buffer_bytes;
use pyrite_object::methods::check_args;
use pyrite_object::methods::params::Params;
use pyrite_object::types::bytes::{PyBytes, PyMemoryView};
use pyrite_object::types::function::Module;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "binascii",
        &[
            ("a2b_uu", a2b_uu),
            ("b2a_uu", b2a_uu),
            ("a2b_base64", a2b_base64),
            ("b2a_base64", b2a_base64),
            ("a2b_hex", a2b_hex),
            ("b2a_hex", b2a_hex),
            ("hexlify", hexlify),
            ("unhexlify", unhexlify),
            ("crc_hqx", crc_hqx),
            ("crc32", crc32),
            ("a2b_qp", a2b_qp),
            ("b2a_qp", b2a_qp),
        ],
    );
    Module::set(&module, "Error", Value::Obj(error_type().clone()));
    Module::set(&module, "Incomplete", Value::Obj(incomplete_type().clone()));
    Module::set(&module, "__doc__", Value::str("Conversion between binary data and ASCII"));
    Ok(module)
}

fn error_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("Error", "binascii", Some(&types().value_error), TYPE_BASETYPE))
}

fn incomplete_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| new_native_type("Incomplete", "binascii", Some(&types().exception), TYPE_BASETYPE))
}

fn error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(error_type(), message)
}

fn bytes(data: Vec<u8>) -> Value {
    Value::Obj(PyBytes::new_obj(data))
}

// ---------------------------------------------------------------------------------------
// Argument conversion

/// A `Py_buffer` argument: the bytes of a bytes-like object.
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(m) = v.downcast::<PyMemoryView>()
        && m.released.get()
    {
        return Err(PyErr::value_error("operation forbidden on released memoryview object"));
    }
    buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", v.type_name())))
}

/// CPython's `ascii_buffer_converter`: a bytes-like object or an ASCII-only str.
fn ascii_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(PyErr::value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    if !pyrite_object::methods::bytes::is_buffer(v) {
        return Err(PyErr::type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            v.type_name()
        )));
    }
    data_arg(v)
}

fn index_error_text(v: &Value) -> String {
    format!("'{}' object cannot be interpreted as an integer", v.type_name())
}

/// A C `int` argument (`bool(accept={int})` flags and `bytes_per_sep`).
fn int_arg(ctx: &mut Ctx, v: Option<&Value>, default: i32) -> PyResult<i32> {
    let Some(v) = v else { return Ok(default) };
    let i = protocol::index(ctx, v, index_error_text)?;
    let big = pyrite_object::methods::int::as_int(&i).map(std::borrow::Cow::into_owned).unwrap_or_default();
    i32::try_from(big).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))
}

/// A flag given as an int (`bool(accept={int})`).
fn flag_arg(ctx: &mut Ctx, v: Option<&Value>, default: bool) -> PyResult<bool> {
    Ok(int_arg(ctx, v, i32::from(default))? != 0)
}

/// An `unsigned int(bitwise=True)` argument: any int, reduced modulo 2**32.
fn crc_arg(ctx: &mut Ctx, v: &Value) -> PyResult<u32> {
    let i = protocol::index(ctx, v, index_error_text)?;
    let big = pyrite_object::methods::int::as_int(&i).map(std::borrow::Cow::into_owned).unwrap_or_default();
    let (_, digits) = (big & num_bigint::BigInt::from(u32::MAX)).to_u32_digits();
    Ok(digits.first().copied().unwrap_or(0))
}

/// The single positional argument of a `METH_O` function.
fn only_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error(format!("binascii.{name}() takes no keyword arguments")));
    }
    match args.values {
        [v] => Ok(v),
        _ => Err(PyErr::type_error(format!(
            "binascii.{name}() takes exactly one argument ({} given)",
            args.values.len()
        ))),
    }
}

fn no_keywords(name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("binascii.{name}() takes no keyword arguments")))
    }
}

// ---------------------------------------------------------------------------------------
// uuencode

fn a2b_uu(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let data = ascii_arg(only_arg("a2b_uu", &args)?)?;
    // An empty line reads as a NUL length byte, as in C.
    let first = data.first().copied().unwrap_or(0);
    let mut remaining = usize::from(first.wrapping_sub(b' ') & 0o77);
    let mut out = Vec::with_capacity(remaining);
    let mut rest = data.get(1..).unwrap_or(&[]).iter();
    let (mut left, mut bits) = (0u32, 0u32);
    while remaining > 0 {
        let ch = match rest.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error("Illegal char"));
                }
                u32::from(c - b' ') & 0o77
            }
        };
        left = (left << 6) | ch;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((left >> bits) & 0xff) as u8);
            left &= (1 << bits) - 1;
            remaining -= 1;
        }
    }
    if rest.any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error("Trailing garbage"));
    }
    Ok(bytes(out))
}

const B2A_UU: Params = Params::new("b2a_uu", &["data", "backtick"]).required(1).positional_only(1).keyword_only(1);

fn b2a_uu(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data, backtick] = B2A_UU.bind(args)?;
    let data = data_arg(data.unwrap_or(&Value::None))?;
    let backtick = flag_arg(ctx, backtick, false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let encode = |six: u32| if backtick && six == 0 { b'`' } else { b' ' + six as u8 };
    let mut out = vec![encode(data.len() as u32)];
    for chunk in data.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let word = (u32::from(group[0]) << 16) | (u32::from(group[1]) << 8) | u32::from(group[2]);
        out.extend((0..4).rev().map(|k| encode((word >> (6 * k)) & 0x3f)));
    }
    out.push(b'\n');
    Ok(bytes(out))
}

// ---------------------------------------------------------------------------------------
// base64

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_value(c: u8) -> Option<u8> {
    BASE64.iter().position(|&b| b == c).map(|p| p as u8)
}

const A2B_BASE64: Params =
    Params::new("a2b_base64", &["data", "strict_mode"]).required(1).positional_only(1).keyword_only(1);

fn a2b_base64(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data, strict] = A2B_BASE64.bind(args)?;
    let data = ascii_arg(data.unwrap_or(&Value::None))?;
    let strict = flag_arg(ctx, strict, false)?;
    decode_base64(&data, strict).map(bytes)
}

/// CPython's decoder: non-alphabet characters are skipped (errors in strict mode), and a
/// complete pad sequence ends the data.
fn decode_base64(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len().div_ceil(4) * 3);
    let (mut quad, mut left, mut pads) = (0u32, 0u8, 0u32);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = base64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

const B2A_BASE64: Params =
    Params::new("b2a_base64", &["data", "newline"]).required(1).positional_only(1).keyword_only(1);

fn b2a_base64(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data, newline] = B2A_BASE64.bind(args)?;
    let data = data_arg(data.unwrap_or(&Value::None))?;
    let newline = flag_arg(ctx, newline, true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let word = (u32::from(group[0]) << 16) | (u32::from(group[1]) << 8) | u32::from(group[2]);
        for k in 0..4 {
            out.push(if k <= chunk.len() { BASE64[((word >> (18 - 6 * k)) & 0x3f) as usize] } else { b'=' });
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(bytes(out))
}

// ---------------------------------------------------------------------------------------
// hex

const B2A_HEX: Params = Params::new("b2a_hex", &["data", "sep", "bytes_per_sep"]).required(1);

fn b2a_hex(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    hex_with(ctx, args, B2A_HEX)
}

fn hexlify(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    hex_with(ctx, args, Params { name: "hexlify", ..B2A_HEX })
}

fn hex_with(ctx: &mut Ctx, args: Args<'_>, params: Params) -> PyResult {
    let [data, sep, per] = params.bind(args)?;
    let data = data_arg(data.unwrap_or(&Value::None))?;
    let per = int_arg(ctx, per, 1)?;
    strhex_bytes(ctx, &data, sep, per).map(bytes)
}

/// CPython's `_Py_strhex_bytes_with_sep`: lowercase hex digits, with `sep` every
/// `per` bytes counted from the right (from the left when negative).
fn strhex_bytes(ctx: &mut Ctx, data: &[u8], sep: Option<&Value>, per: i32) -> PyResult<Vec<u8>> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep_byte = match sep {
        None => None,
        Some(sep) => {
            if protocol::len(ctx, sep)? != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            if let Some(s) = sep.as_str() {
                let c = s.code_point(0);
                if c > 0xff {
                    return Err(PyErr::value_error("sep must be ASCII."));
                }
                Some(c as u8)
            } else if let Some(b) = sep.downcast::<PyBytes>() {
                Some(b.as_bytes()[0])
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            }
        }
    };
    let group = per.unsigned_abs() as usize;
    let mut out = Vec::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(sep) = sep_byte
            && group > 0
            && i > 0
        {
            let boundary = if per > 0 { (data.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
            if boundary {
                out.push(sep);
            }
        }
        out.push(DIGITS[usize::from(b >> 4)]);
        out.push(DIGITS[usize::from(b & 0xf)]);
    }
    Ok(out)
}

fn a2b_hex(_: &mut Ctx, args: Args<'_>) -> PyResult {
    unhex(only_arg("a2b_hex", &args)?)
}

fn unhexlify(_: &mut Ctx, args: Args<'_>) -> PyResult {
    unhex(only_arg("unhexlify", &args)?)
}

fn unhex(v: &Value) -> PyResult {
    let data = ascii_arg(v)?;
    if data.len() % 2 == 1 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| char::from(c).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let (Some(hi), Some(lo)) = (digit(pair[0]), digit(pair[1])) else {
            return Err(error("Non-hexadecimal digit found"));
        };
        out.push((hi * 16 + lo) as u8);
    }
    Ok(bytes(out))
}

// ---------------------------------------------------------------------------------------
// Checksums

const fn crc32_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

const fn crc_hqx_table() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

static CRC32: [u32; 256] = crc32_table();
static CRC_HQX: [u16; 256] = crc_hqx_table();

fn crc_hqx(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("crc_hqx", &args)?;
    let values = check_args("crc_hqx", args, 2, 2)?;
    let data = data_arg(&values[0])?;
    let mut crc = (crc_arg(ctx, &values[1])? & 0xffff) as u16;
    for &b in &data {
        crc = (crc << 8) ^ CRC_HQX[usize::from((crc >> 8) as u8 ^ b)];
    }
    Ok(Value::Int(i64::from(crc)))
}

fn crc32(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("crc32", &args)?;
    let values = check_args("crc32", args, 1, 2)?;
    let data = data_arg(&values[0])?;
    let start = match values.get(1) {
        Some(v) => crc_arg(ctx, v)?,
        None => 0,
    };
    let mut crc = !start;
    for &b in &data {
        crc = CRC32[usize::from(crc as u8 ^ b)] ^ (crc >> 8);
    }
    Ok(Value::Int(i64::from(!crc)))
}

// ---------------------------------------------------------------------------------------
// quoted-printable

const A2B_QP: Params = Params::new("a2b_qp", &["data", "header"]).required(1);

fn a2b_qp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data, header] = A2B_QP.bind(args)?;
    let data = ascii_arg(data.unwrap_or(&Value::None))?;
    let header = flag_arg(ctx, header, false)?;
    let hex = |c: u8| char::from(c).to_digit(16);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            i += 1;
            let Some(&next) = data.get(i) else { break };
            if next == b'\n' || next == b'\r' {
                // A soft line break: skip to the end of the line.
                if next != b'\n' {
                    while i < data.len() && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < data.len() {
                    i += 1;
                }
            } else if next == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(hi), Some(lo)) = (hex(next), data.get(i + 1).and_then(|&c| hex(c))) {
                out.push((hi * 16 + lo) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(bytes(out))
}

const B2A_QP: Params = Params::new("b2a_qp", &["data", "quotetabs", "istext", "header"]).required(1);

/// The longest encoded line before a soft line break.
const MAX_LINE: usize = 76;

fn b2a_qp(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [data, quotetabs, istext, header] = B2A_QP.bind(args)?;
    let data = data_arg(data.unwrap_or(&Value::None))?;
    let quotetabs = flag_arg(ctx, quotetabs, false)?;
    let istext = flag_arg(ctx, istext, true)?;
    let header = flag_arg(ctx, header, false)?;
    Ok(bytes(encode_qp(&data, quotetabs, istext, header)))
}

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(DIGITS[usize::from(c >> 4)]);
    out.push(DIGITS[usize::from(c & 0xf)]);
}

/// CPython's quoted-printable encoder; line ends follow the first line end's style.
fn encode_qp(data: &[u8], quotetabs: bool, istext: bool, header: bool) -> Vec<u8> {
    let crlf = data.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && data[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(data.len() * 2);
    let mut line = 0usize;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        let at_end = i + 1 == data.len();
        let lone_dot = c == b'.' && line == 0 && (at_end || matches!(data[i + 1], b'\n' | b'\r' | 0));
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || lone_dot
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && at_end)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if line + 3 >= MAX_LINE {
                soft_break(&mut out);
                line = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            line += 3;
        } else if istext && (c == b'\n' || (i + 1 < data.len() && c == b'\r' && data[i + 1] == b'\n')) {
            line = 0;
            // Protect white space at the end of a line.
            if let Some(&last) = out.last()
                && (last == b' ' || last == b'\t')
            {
                out.pop();
                out.push(b'=');
                push_hex(&mut out, last);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !at_end && data[i + 1] != b'\n' && line + 1 >= MAX_LINE {
                soft_break(&mut out);
                line = 0;
            }
            line += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    out
}
