//! Packing one value into its bytes and unpacking it back, per format character and
//! byte order, with the range checks and messages CPython 3.11's `_struct` gives on a
//! little-endian 64-bit host (where `<` and `=` reuse the native routines for the codes
//! whose standard size equals the native one, so their messages are the native ones).

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use pyrite_object::methods::int::as_int;
use pyrite_object::types::bytes::{PyByteArray, PyBytes};
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol};

use super::layout::Mode;
use super::struct_error;

/// Why packing one value failed.
pub enum PackError {
    /// An exception to raise as it is.
    Raise(PyErr),
    /// An `OverflowError` with this text, which becomes `struct.error("int too large to
    /// convert")` when the value packed is an int (CPython's `s_pack_internal` does so).
    Overflow(String),
}

impl From<PyErr> for PackError {
    fn from(e: PyErr) -> Self {
        PackError::Raise(e)
    }
}

type PackResult<T = ()> = Result<T, PackError>;

fn error(message: impl AsRef<str>) -> PackError {
    PackError::Raise(struct_error(message))
}

/// CPython's `get_pylong`: an int, or the result of `__index__`.
fn get_int(ctx: &mut Ctx, v: &Value) -> PackResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.into_owned());
    }
    if !protocol::has_index(v) {
        return Err(error("required argument is not an integer"));
    }
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let index = protocol::index(ctx, v, what)?;
    Ok(as_int(&index).map(std::borrow::Cow::into_owned).unwrap_or_default())
}

/// `get_long`: an int that fits a C long, else "argument out of range".
fn get_long(ctx: &mut Ctx, v: &Value) -> PackResult<i64> {
    get_int(ctx, v)?.to_i64().ok_or_else(|| error("argument out of range"))
}

/// `get_ulong`: a non-negative int that fits a C unsigned long.
fn get_ulong(ctx: &mut Ctx, v: &Value) -> PackResult<u64> {
    get_int(ctx, v)?.to_u64().ok_or_else(|| error("argument out of range"))
}

/// `_range_error`: "'c' format requires lo <= number <= hi" for a `size`-byte integer.
fn range_error(c: u8, size: usize, unsigned: bool) -> PackError {
    let bits = size * 8;
    let c = char::from(c);
    if unsigned {
        let max = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
        error(format!("'{c}' format requires 0 <= number <= {max}"))
    } else {
        let max = (1i64 << (bits - 1)) - 1;
        error(format!("'{c}' format requires {} <= number <= {max}", -max - 1))
    }
}

fn write_uint(out: &mut [u8], value: u64, little: bool) {
    let bytes = value.to_le_bytes();
    let n = out.len();
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = if little { bytes[i] } else { bytes[n - 1 - i] };
    }
}

/// The integer to store for an integer code, checked as CPython checks it.
#[expect(clippy::cast_sign_loss, reason = "two's complement storage of signed values")]
fn int_bits(ctx: &mut Ctx, mode: Mode, c: u8, size: usize, v: &Value) -> PackResult<u64> {
    let big = mode == Mode::Big;
    let signed_in = |x: i64, lo: i64, hi: i64, message: &str| {
        if (lo..=hi).contains(&x) { Ok(x as u64) } else { Err(error(message)) }
    };
    match c {
        b'b' => signed_in(get_long(ctx, v)?, -128, 127, "byte format requires -128 <= number <= 127"),
        b'B' => signed_in(get_long(ctx, v)?, 0, 255, "ubyte format requires 0 <= number <= 255"),
        b'h' if !big => signed_in(get_long(ctx, v)?, -32768, 32767, "short format requires -32768 <= number <= 32767"),
        b'H' if !big => signed_in(get_long(ctx, v)?, 0, 65535, "ushort format requires 0 <= number <= 65535"),
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' if size == 8 && mode != Mode::Big => {
            if c.is_ascii_lowercase() {
                Ok(get_long(ctx, v)? as u64)
            } else {
                get_ulong(ctx, v)
            }
        }
        b'q' | b'Q' => {
            let value = get_int(ctx, v)?;
            let fits = if c == b'q' { value.to_i64().map(|x| x as u64) } else { value.to_u64() };
            fits.ok_or_else(|| {
                PackError::Overflow(
                    if c == b'Q' && value.sign() == num_bigint::Sign::Minus {
                        "can't convert negative int to unsigned"
                    } else {
                        "int too large to convert"
                    }
                    .to_owned(),
                )
            })
        }
        b'P' => {
            let value = get_int(ctx, v)?;
            if let Some(x) = value.to_u64() {
                return Ok(x);
            }
            match value.to_i64() {
                Some(x) => Ok(x as u64),
                None if value.sign() == num_bigint::Sign::Minus => {
                    Err(PackError::Overflow("Python int too large to convert to C long".to_owned()))
                }
                None => Err(PackError::Overflow("Python int too large to convert to C unsigned long".to_owned())),
            }
        }
        c if c.is_ascii_lowercase() => {
            let x = get_long(ctx, v)?;
            let max = (1i64 << (size * 8 - 1)) - 1;
            if x < -max - 1 || x > max {
                return Err(range_error(c, size, false));
            }
            Ok(x as u64)
        }
        _ => {
            let x = get_ulong(ctx, v)?;
            if size < 8 && x >= 1u64 << (size * 8) {
                return Err(range_error(c, size, true));
            }
            Ok(x)
        }
    }
}

/// Packs `v` for the code `c` (not `s`, `p` or `x`) into `out` (the code's bytes).
pub fn pack_item(ctx: &mut Ctx, mode: Mode, c: u8, v: &Value, out: &mut [u8]) -> PackResult {
    let little = mode != Mode::Big;
    match c {
        b'c' => {
            let byte = v.downcast::<PyBytes>().filter(|b| b.as_bytes().len() == 1).map(|b| b.as_bytes()[0]);
            let Some(byte) = byte else {
                return Err(error("char format requires a bytes object of length 1"));
            };
            out[0] = byte;
        }
        b'?' => out[0] = u8::from(protocol::truthy(ctx, v)?),
        b'e' | b'f' | b'd' => {
            let Ok(x) = pyrite_object::methods::float::as_double(ctx, v) else {
                return Err(error("required argument is not a float"));
            };
            match c {
                b'd' => write_uint(out, x.to_bits(), little),
                b'f' => {
                    #[expect(clippy::cast_possible_truncation, reason = "C's double to float conversion")]
                    let y = x as f32;
                    if y.is_infinite() && !x.is_infinite() && mode != Mode::Native {
                        return Err(PackError::Overflow("float too large to pack with f format".to_owned()));
                    }
                    write_uint(out, u64::from(y.to_bits()), little);
                }
                _ => {
                    let bits = pack_half(x)
                        .ok_or_else(|| PackError::Overflow("float too large to pack with e format".to_owned()))?;
                    write_uint(out, u64::from(bits), little);
                }
            }
        }
        _ => {
            let bits = int_bits(ctx, mode, c, out.len(), v)?;
            write_uint(out, bits, little);
        }
    }
    Ok(())
}

/// Packs the bytes of an `s` or `p` argument into `out` (the string's whole field).
pub fn pack_string(c: u8, v: &Value, out: &mut [u8]) -> PyResult<()> {
    let data = if let Some(b) = v.downcast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Some(a) = v.downcast::<PyByteArray>() {
        a.to_vec()
    } else {
        return Err(struct_error(format!("argument for '{}' must be a bytes object", char::from(c))));
    };
    if c == b's' {
        let n = data.len().min(out.len());
        out[..n].copy_from_slice(&data[..n]);
    } else if let Some((first, rest)) = out.split_first_mut() {
        let n = data.len().min(rest.len());
        rest[..n].copy_from_slice(&data[..n]);
        *first = u8::try_from(n.min(255)).unwrap_or(255);
    }
    Ok(())
}

fn read_uint(data: &[u8], little: bool) -> u64 {
    let mut bytes = [0u8; 8];
    let n = data.len();
    for (i, &b) in data.iter().enumerate() {
        bytes[if little { i } else { n - 1 - i }] = b;
    }
    u64::from_le_bytes(bytes)
}

/// Unpacks the value of code `c` from its bytes.
#[expect(clippy::cast_possible_wrap, reason = "sign extension of stored integers")]
pub fn unpack_item(mode: Mode, c: u8, data: &[u8]) -> Value {
    let little = mode != Mode::Big;
    match c {
        b'c' => Value::Obj(PyBytes::new_obj(data.to_vec())),
        b'?' => Value::Bool(data[0] != 0),
        b'e' => Value::float(unpack_half(read_uint(data, little) as u16)),
        b'f' => Value::float(f64::from(f32::from_bits(read_uint(data, little) as u32))),
        b'd' => Value::float(f64::from_bits(read_uint(data, little))),
        _ => {
            let raw = read_uint(data, little);
            if c.is_ascii_lowercase() {
                let shift = 64 - data.len() * 8;
                Value::Int(((raw << shift) as i64) >> shift)
            } else if let Ok(small) = i64::try_from(raw) {
                Value::Int(small)
            } else {
                Value::from_bigint(BigInt::from(raw))
            }
        }
    }
}

/// An IEEE 754 half-precision float's bits for `x`, rounded half to even; `None` when
/// it is too large (CPython's `PyFloat_Pack2`).
fn pack_half(x: f64) -> Option<u16> {
    let sign = u16::from(x.is_sign_negative()) << 15;
    let a = x.abs();
    if a.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // a = f * 2**e with 1 <= f < 2.
    let mut e = i32::try_from((a.to_bits() >> 52) & 0x7ff).unwrap_or(0) - 1023;
    let mut f = if e == -1023 { 0.0 } else { f64::from_bits((a.to_bits() & ((1u64 << 52) - 1)) | (1023u64 << 52)) };
    if e >= 16 {
        return None;
    }
    if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "truncation, as in C")]
    let mut bits = f as u16;
    let rest = f - f64::from(bits);
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | (u16::try_from(e).unwrap_or(0) << 10) | sign)
}

/// The value of a half-precision float.
fn unpack_half(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let e = i32::from((bits >> 10) & 0x1f);
    let f = f64::from(bits & 0x3ff);
    let x = if e == 0x1f {
        if f == 0.0 { f64::INFINITY } else { f64::NAN }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if negative { -x } else { x }
}
