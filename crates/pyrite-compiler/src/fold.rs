//! Constant folding of literal expressions, within CPython 3.11's limits (`ast_opt.c`):
//! ints of at most 128 bits from `*`, `**` and `<<`, strings and bytes of at most 4096
//! items from repetition, tuples of at most 256 items; `%` on str/bytes, matrix
//! multiplication and anything that would raise are left to run time.
//!
//! Folding never changes behaviour: when in doubt it declines and the expression is
//! compiled normally.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use pyrite_bytecode::Constant;
use pyrite_parser::ast::{self, Expr, Number, Operator, UnaryOp};

const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// A folded value during evaluation.
#[derive(Clone, Debug)]
enum Value {
    Int(BigInt),
    Bool(bool),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Other(Constant),
}

/// Converts a Python int to a constant (`Int` when it fits in 64 bits).
pub(crate) fn int_constant(value: &BigInt) -> Constant {
    match value.to_i64() {
        Some(i) => Constant::Int(i),
        None => Constant::BigInt(value.to_signed_bytes_le().into_boxed_slice()),
    }
}

fn to_value(c: &Constant) -> Value {
    match c {
        Constant::Int(i) => Value::Int(BigInt::from(*i)),
        Constant::BigInt(b) => Value::Int(BigInt::from_signed_bytes_le(b)),
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { re, im } => Value::Complex(*re, *im),
        Constant::Str(s) => Value::Str(s.to_string()),
        Constant::Bytes(b) => Value::Bytes(b.to_vec()),
        other => Value::Other(other.clone()),
    }
}

fn to_constant(v: Value) -> Constant {
    match v {
        Value::Int(i) => int_constant(&i),
        Value::Bool(b) => Constant::Bool(b),
        Value::Float(f) => Constant::Float(f),
        Value::Complex(re, im) => Constant::Complex { re, im },
        Value::Str(s) => Constant::Str(s.into_boxed_str()),
        Value::Bytes(b) => Constant::Bytes(b.into_boxed_slice()),
        Value::Other(c) => c,
    }
}

/// The constant of a literal node (no folding).
pub(crate) fn literal(expr: &Expr) -> Option<Constant> {
    Some(match expr {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => match i.as_i64() {
                Some(v) => Constant::Int(v),
                None => int_constant(&parse_int(&i.to_string())?),
            },
            Number::Float(f) => Constant::Float(*f),
            Number::Complex { real, imag } => Constant::Complex { re: *real, im: *imag },
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().into()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into_boxed_slice()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => Constant::Bool(true),
        _ => return None,
    })
}

/// Parses an int literal's text (`0x...`, `0o...`, `0b...`, decimal; underscores allowed).
pub(crate) fn parse_int(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Folds `expr` to a constant if it is a literal or a foldable operation on literals.
/// `sub` folds a subexpression (the caller memoizes).
pub(crate) fn fold_node(expr: &Expr, sub: &mut dyn FnMut(&Expr) -> Option<Constant>) -> Option<Constant> {
    match expr {
        Expr::UnaryOp(u) => {
            let operand = sub(&u.operand)?;
            fold_unary(u.op, &operand)
        }
        Expr::BinOp(b) => {
            let left = sub(&b.left)?;
            let right = sub(&b.right)?;
            fold_binary(b.op, to_value(&left), to_value(&right)).map(to_constant)
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let mut items = Vec::with_capacity(t.elts.len());
            for e in &t.elts {
                if matches!(e, Expr::Starred(_)) {
                    return None;
                }
                items.push(sub(e)?);
            }
            Some(Constant::Tuple(items.into_boxed_slice()))
        }
        Expr::Subscript(s) if s.ctx == ast::ExprContext::Load => {
            let value = sub(&s.value)?;
            let index = sub(&s.slice)?;
            fold_subscript(&value, &index)
        }
        _ => literal(expr),
    }
}

fn as_int(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(i.clone()),
        Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => {
            let i = as_int(v)?;
            let f = i.to_f64()?;
            f.is_finite().then_some(f)
        }
    }
}

fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Complex(re, im) => Some((*re, *im)),
        _ => Some((as_float(v)?, 0.0)),
    }
}

fn fold_unary(op: UnaryOp, c: &Constant) -> Option<Constant> {
    let v = to_value(c);
    let out = match op {
        UnaryOp::Not => Value::Bool(!crate::assemble::constant_truth(c)?),
        UnaryOp::Invert => Value::Int(-(as_int(&v)?) - 1),
        UnaryOp::USub => match v {
            Value::Float(f) => Value::Float(-f),
            Value::Complex(re, im) => Value::Complex(-re, -im),
            other => Value::Int(-as_int(&other)?),
        },
        UnaryOp::UAdd => match v {
            Value::Float(_) | Value::Complex(..) => v,
            other => Value::Int(as_int(&other)?),
        },
    };
    Some(to_constant(out))
}

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(..))
}

fn fold_binary(op: Operator, l: Value, r: Value) -> Option<Value> {
    // bool & bool, bool | bool and bool ^ bool stay bools.
    if let (Value::Bool(a), Value::Bool(b)) = (&l, &r) {
        match op {
            Operator::BitAnd => return Some(Value::Bool(a & b)),
            Operator::BitOr => return Some(Value::Bool(a | b)),
            Operator::BitXor => return Some(Value::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(&l), as_int(&r)) {
        return fold_int(op, &a, &b);
    }
    if op == Operator::Mult {
        return fold_repeat(&l, &r).or_else(|| fold_repeat(&r, &l)).or_else(|| fold_float(op, &l, &r));
    }
    if op == Operator::Add {
        match (&l, &r) {
            (Value::Str(a), Value::Str(b)) => return Some(Value::Str(format!("{a}{b}"))),
            (Value::Bytes(a), Value::Bytes(b)) => {
                return Some(Value::Bytes([a.as_slice(), b].concat()));
            }
            (Value::Other(Constant::Tuple(a)), Value::Other(Constant::Tuple(b))) => {
                let items: Vec<Constant> = a.iter().chain(b.iter()).cloned().collect();
                return Some(Value::Other(Constant::Tuple(items.into_boxed_slice())));
            }
            _ => {}
        }
    }
    if !is_number(&l) || !is_number(&r) {
        return None;
    }
    fold_float(op, &l, &r)
}

fn fold_repeat(seq: &Value, count: &Value) -> Option<Value> {
    let n = as_int(count)?;
    let size = match seq {
        Value::Str(s) => s.chars().count(),
        Value::Bytes(b) => b.len(),
        Value::Other(Constant::Tuple(t)) => t.len(),
        _ => return None,
    };
    let n = n.to_i64()?;
    if n < 0 {
        return None;
    }
    let n = usize::try_from(n).ok()?;
    let limit = if matches!(seq, Value::Other(_)) { MAX_COLLECTION_SIZE } else { MAX_STR_SIZE };
    if size != 0 && n > limit / size {
        return None;
    }
    Some(match seq {
        Value::Str(s) => Value::Str(s.repeat(n)),
        Value::Bytes(b) => Value::Bytes(b.repeat(n)),
        Value::Other(Constant::Tuple(t)) => {
            let items: Vec<Constant> = (0..n).flat_map(|_| t.iter().cloned()).collect();
            Value::Other(Constant::Tuple(items.into_boxed_slice()))
        }
        _ => return None,
    })
}

fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) { q - 1 } else { q }
}

fn fold_int(op: Operator, a: &BigInt, b: &BigInt) -> Option<Value> {
    Some(Value::Int(match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_BITS {
                return None;
            }
            a * b
        }
        Operator::FloorDiv => {
            if b.is_zero() {
                return None;
            }
            floor_div(a, b)
        }
        Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            a - floor_div(a, b) * b
        }
        Operator::Pow => {
            if b.is_negative() {
                let (x, y) = (a.to_f64()?, b.to_f64()?);
                if x == 0.0 || bits(a) > 53 {
                    return None;
                }
                return float_result(x.powf(y));
            }
            let e = b.to_u64()?;
            if !a.is_zero() && e > 0 && bits(a) > MAX_INT_BITS / e {
                return None;
            }
            num_traits::pow(a.clone(), usize::try_from(e).ok()?)
        }
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if a.is_zero() {
                return Some(Value::Int(BigInt::zero()));
            }
            let s = b.to_u64()?;
            if s > MAX_INT_BITS || bits(a) > MAX_INT_BITS - s {
                return None;
            }
            a << usize::try_from(s).ok()?
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
            a >> usize::try_from(s).ok()?
        }
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::BitAnd => a & b,
        Operator::Div => {
            if b.is_zero() || bits(a) > 53 || bits(b) > 53 {
                return None;
            }
            return float_result(a.to_f64()? / b.to_f64()?);
        }
        Operator::MatMult => return None,
    }))
}

fn float_result(f: f64) -> Option<Value> {
    f.is_finite().then_some(Value::Float(f))
}

fn float_divmod(a: f64, b: f64) -> Option<(f64, f64)> {
    if b == 0.0 {
        return None;
    }
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    Some((floordiv, m))
}

fn fold_float(op: Operator, l: &Value, r: &Value) -> Option<Value> {
    if matches!(l, Value::Complex(..)) || matches!(r, Value::Complex(..)) {
        let (a, b) = (as_complex(l)?, as_complex(r)?);
        let out = match op {
            Operator::Add => (a.0 + b.0, a.1 + b.1),
            Operator::Sub => (a.0 - b.0, a.1 - b.1),
            Operator::Mult => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
            _ => return None,
        };
        return (out.0.is_finite() && out.1.is_finite()).then_some(Value::Complex(out.0, out.1));
    }
    let (a, b) = (as_float(l)?, as_float(r)?);
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    match op {
        Operator::Add => float_result(a + b),
        Operator::Sub => float_result(a - b),
        Operator::Mult => float_result(a * b),
        Operator::Div => {
            if b == 0.0 {
                None
            } else {
                float_result(a / b)
            }
        }
        Operator::FloorDiv => float_divmod(a, b).and_then(|(d, _)| float_result(d)),
        Operator::Mod => float_divmod(a, b).and_then(|(_, m)| float_result(m)),
        Operator::Pow => {
            if a == 0.0 && b < 0.0 || a < 0.0 && b.fract() != 0.0 {
                return None;
            }
            float_result(a.powf(b))
        }
        _ => None,
    }
}

fn fold_subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = match index {
        Constant::Int(i) => *i,
        Constant::Bool(b) => i64::from(*b),
        _ => return None,
    };
    let pick = |len: usize| -> Option<usize> {
        let len = i64::try_from(len).ok()?;
        let j = if i < 0 { i + len } else { i };
        (0..len).contains(&j).then(|| usize::try_from(j).ok()).flatten()
    };
    match value {
        Constant::Str(s) => {
            let n = s.chars().count();
            let c = s.chars().nth(pick(n)?)?;
            Some(Constant::Str(c.to_string().into_boxed_str()))
        }
        Constant::Bytes(b) => Some(Constant::Int(i64::from(b[pick(b.len())?]))),
        Constant::Tuple(t) => Some(t[pick(t.len())?].clone()),
        _ => None,
    }
}
