//! The items of a memoryview: the native single-character struct formats (`'B'`, `'i'`,
//! `'d'`, `'?'`, `'c'`, `'P'`, ...) that views can be cast to, and packing and unpacking
//! one item in native byte order with CPython's errors (`memoryview: invalid type for
//! format 'B'`).

use num_traits::ToPrimitive;

use crate::ctx::Ctx;
use crate::error::{PyErr, PyResult};
use crate::methods::int::as_int;
use crate::protocol;
use crate::types::bytes::PyBytes;
use crate::value::Value;

/// The size of an item of a native single-character format that `memoryview.cast` accepts
/// (`'e'` is not one in 3.11).
#[must_use]
pub fn native_itemsize(code: u8) -> Option<usize> {
    Some(match code {
        b'b' | b'B' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// A native single-character format with an optional `'@'` (`"I"`, `"@d"`): its character
/// and item size.
#[must_use]
pub fn parse_native(format: &str) -> Option<(u8, usize)> {
    let code = match format.as_bytes() {
        [c] | [b'@', c] => *c,
        _ => return None,
    };
    native_itemsize(code).map(|size| (code, size))
}

/// Whether items of this format are single bytes (the only formats a cast may change from
/// or to another format).
#[must_use]
pub fn is_byte_format(code: u8) -> bool {
    matches!(code, b'B' | b'b' | b'c')
}

/// One unpacked item.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// Any integer format (wide enough for `'Q'` and `'q'` alike).
    Int(i128),
    /// `'f'` and `'d'`.
    Float(f64),
    /// `'?'`.
    Bool(bool),
    /// `'c'`: a bytes object of length 1.
    Char(u8),
}

impl Item {
    /// The Python value of the item.
    #[must_use]
    pub fn to_value(self) -> Value {
        match self {
            Item::Int(i) => match i64::try_from(i) {
                Ok(small) => Value::Int(small),
                Err(_) => Value::from_bigint(num_bigint::BigInt::from(i)),
            },
            Item::Float(f) => Value::float(f),
            Item::Bool(b) => Value::Bool(b),
            Item::Char(c) => Value::Obj(PyBytes::new_obj(vec![c])),
        }
    }

    /// Equality of unpacked items as CPython compares views of different formats: by the
    /// values (`True == 1`, `1 == 1.0`), NaN unequal to itself, a byte never equal to a number.
    #[must_use]
    pub fn equals(self, other: Item) -> bool {
        match (self, other) {
            (Item::Char(a), Item::Char(b)) => a == b,
            (Item::Char(_), _) | (_, Item::Char(_)) => false,
            (Item::Float(a), Item::Float(b)) => a == b,
            (Item::Float(f), n) | (n, Item::Float(f)) => int_equals_float(n.integer(), f),
            (a, b) => a.integer() == b.integer(),
        }
    }

    /// The value of an integer or bool item.
    fn integer(self) -> i128 {
        match self {
            Item::Int(i) => i,
            Item::Bool(b) => i128::from(b),
            Item::Float(_) | Item::Char(_) => 0,
        }
    }
}

/// Whether an integer equals a float exactly.
fn int_equals_float(i: i128, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 || f.abs() >= 2f64.powi(127) {
        return false;
    }
    #[expect(clippy::cast_possible_truncation, reason = "f is integral and within i128's range")]
    let as_int = f as i128;
    as_int == i
}

/// Unpacks the item in `bytes` (exactly the format's size, native byte order).
#[must_use]
pub fn unpack(code: u8, bytes: &[u8]) -> Item {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    let word = |n: usize| -> [u8; 8] {
        let mut w = [0u8; 8];
        w[..n].copy_from_slice(&buf[..n]);
        w
    };
    match code {
        b'b' => Item::Int(i128::from(i8::from_ne_bytes([buf[0]]))),
        b'B' => Item::Int(i128::from(buf[0])),
        b'h' => Item::Int(i128::from(i16::from_ne_bytes([buf[0], buf[1]]))),
        b'H' => Item::Int(i128::from(u16::from_ne_bytes([buf[0], buf[1]]))),
        b'i' => Item::Int(i128::from(i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]))),
        b'I' => Item::Int(i128::from(u32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]))),
        b'l' | b'q' | b'n' => Item::Int(i128::from(i64::from_ne_bytes(word(8)))),
        b'L' | b'Q' | b'N' | b'P' => Item::Int(i128::from(u64::from_ne_bytes(word(8)))),
        b'f' => Item::Float(f64::from(f32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]))),
        b'd' => Item::Float(f64::from_ne_bytes(word(8))),
        b'?' => Item::Bool(buf[0] != 0),
        _ => Item::Char(buf[0]),
    }
}

fn invalid_type(code: u8) -> PyErr {
    PyErr::type_error(format!("memoryview: invalid type for format '{}'", char::from(code)))
}

fn invalid_value(code: u8) -> PyErr {
    PyErr::value_error(format!("memoryview: invalid value for format '{}'", char::from(code)))
}

/// The integer value of `value` for an integer format (`__index__`), or CPython's errors.
fn int_for(ctx: &mut Ctx, code: u8, value: &Value) -> PyResult<i128> {
    if !protocol::has_index(value) {
        return Err(invalid_type(code));
    }
    let index = protocol::index(ctx, value, |_| String::new())
        .map_err(|e| if e.matches(&crate::registry::types().type_error) { invalid_type(code) } else { e })?;
    as_int(&index).and_then(|i| i.to_i128()).ok_or_else(|| invalid_value(code))
}

/// Packs `value` as one item of format `code` (native byte order), with CPython's
/// `pack_single` errors.
pub fn pack(ctx: &mut Ctx, code: u8, value: &Value) -> PyResult<Vec<u8>> {
    Ok(match code {
        b'b' => i8::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec(),
        b'B' => vec![u8::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?],
        b'h' => i16::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec(),
        b'H' => u16::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec(),
        b'i' => i32::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec(),
        b'I' => u32::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec(),
        b'l' | b'q' | b'n' => {
            i64::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec()
        }
        b'L' | b'Q' | b'N' => {
            u64::try_from(int_for(ctx, code, value)?).map_err(|_| invalid_value(code))?.to_ne_bytes().to_vec()
        }
        b'P' => {
            // `PyLong_AsVoidPtr`: ints only, negative ones wrap around.
            let Some(i) = as_int(value) else { return Err(invalid_type(code)) };
            let i = i.to_i128().ok_or_else(|| invalid_value(code))?;
            let bits = if i < 0 { i64::try_from(i).map(|v| v.cast_unsigned()).ok() } else { u64::try_from(i).ok() };
            bits.ok_or_else(|| invalid_value(code))?.to_ne_bytes().to_vec()
        }
        b'f' | b'd' => {
            let x = float_for(ctx, code, value)?;
            #[expect(clippy::cast_possible_truncation, reason = "CPython stores (float)d, inf when too large")]
            let packed = if code == b'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() };
            packed
        }
        b'?' => vec![u8::from(protocol::truthy(ctx, value)?)],
        b'c' => {
            let Some(b) = value.downcast::<PyBytes>() else { return Err(invalid_type(code)) };
            match b.as_bytes() {
                [c] => vec![*c],
                _ => return Err(invalid_value(code)),
            }
        }
        other => {
            return Err(PyErr::not_implemented(format!("memoryview: format {} not supported", char::from(other))));
        }
    })
}

/// `PyFloat_AsDouble` of a value stored into a float format.
fn float_for(ctx: &mut Ctx, code: u8, value: &Value) -> PyResult<f64> {
    crate::methods::float::as_double(ctx, value).map_err(|e| {
        let t = crate::registry::types();
        if e.matches(&t.type_error) {
            invalid_type(code)
        } else if e.matches(&t.overflow_error) || e.matches(&t.value_error) {
            invalid_value(code)
        } else {
            e
        }
    })
}
