//! Newline handling shared by the text streams (universal-newline scanning, the
//! `newlines` attribute) and `IncrementalNewlineDecoder`.

use std::cell::Cell;

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::params::Params;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{add_property, call_method, new_instance, split_self};

pub const CR: u32 = 0x0D;
pub const LF: u32 = 0x0A;

/// Bits of the newline kinds seen.
pub const SEEN_LF: u8 = 1;
pub const SEEN_CR: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// How a text stream splits (and maybe translates) lines on input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadMode {
    /// `\r`, `\n` and `\r\n` all end lines; `translate` turns them into `\n`.
    Universal { translate: bool },
    /// Only this sequence ends lines, nothing is translated.
    Exact(Vec<u32>),
}

/// The result of [`scan`].
pub struct Scanned {
    /// How many input code points were used.
    pub consumed: usize,
    pub out: Vec<u32>,
    /// False when more input is needed to decide (a `\r` at the very end).
    pub done: bool,
}

/// Takes output from `avail` until `limit` code points, or (with `line`) a line end, or
/// the end of `avail` (`done` then only if `eof`).
pub fn scan(avail: &[u32], mode: &ReadMode, limit: usize, line: bool, eof: bool, seen: &mut u8) -> Scanned {
    let mut i = 0;
    let mut out = Vec::new();
    while i < avail.len() {
        if out.len() >= limit {
            return Scanned { consumed: i, out, done: true };
        }
        let c = avail[i];
        match mode {
            ReadMode::Universal { translate } => {
                if c == CR {
                    if i + 1 == avail.len() && !eof {
                        return Scanned { consumed: i, out, done: false };
                    }
                    if avail.get(i + 1) == Some(&LF) {
                        *seen |= SEEN_CRLF;
                        if *translate {
                            out.push(LF);
                        } else {
                            out.extend([CR, LF]);
                        }
                        i += 2;
                    } else {
                        *seen |= SEEN_CR;
                        out.push(if *translate { LF } else { CR });
                        i += 1;
                    }
                    if line {
                        return Scanned { consumed: i, out, done: true };
                    }
                    continue;
                }
                if c == LF {
                    *seen |= SEEN_LF;
                    out.push(LF);
                    i += 1;
                    if line {
                        return Scanned { consumed: i, out, done: true };
                    }
                    continue;
                }
            }
            ReadMode::Exact(sep) => {
                if line && avail[i..].starts_with(sep) {
                    out.extend_from_slice(sep);
                    i += sep.len();
                    return Scanned { consumed: i, out, done: true };
                }
                if line && sep.len() > 1 && c == sep[0] && i + sep.len() > avail.len() && !eof {
                    return Scanned { consumed: i, out, done: false };
                }
            }
        }
        out.push(c);
        i += 1;
    }
    Scanned { consumed: i, out, done: eof }
}

/// The `newlines` attribute for the kinds seen.
pub fn newlines_value(seen: u8) -> Value {
    let tuple = |items: &[&str]| Value::Obj(PyTuple::new_obj(items.iter().map(|s| Value::str(s)).collect()));
    match seen & 7 {
        0 => Value::None,
        1 => Value::str("\n"),
        2 => Value::str("\r"),
        3 => tuple(&["\r", "\n"]),
        4 => Value::str("\r\n"),
        5 => tuple(&["\n", "\r\n"]),
        6 => tuple(&["\r", "\r\n"]),
        _ => tuple(&["\r", "\n", "\r\n"]),
    }
}

/// Counts the newline kinds in `text` and (with `translate`) turns them into `\n`.
pub fn translate(text: &[u32], translate: bool, seen: &mut u8) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == CR {
            if text.get(i + 1) == Some(&LF) {
                *seen |= SEEN_CRLF;
                if translate {
                    out.push(LF);
                } else {
                    out.extend([CR, LF]);
                }
                i += 2;
                continue;
            }
            *seen |= SEEN_CR;
            out.push(if translate { LF } else { CR });
        } else {
            if c == LF {
                *seen |= SEEN_LF;
            }
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The payload of an `IncrementalNewlineDecoder`.
pub struct NewlineDecoder {
    decoder: PayloadCell<Value>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seen: Cell<u8>,
    ok: Cell<bool>,
}

impl Trace for NewlineDecoder {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.decoder.borrow().traverse(visit);
    }

    fn clear(&self) {
        let old = self.decoder.replace(Value::None);
        drop(old);
    }
}

payload!(NewlineDecoder, "_io.IncrementalNewlineDecoder", tracked);

/// `IncrementalNewlineDecoder`.
pub fn decoder_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("IncrementalNewlineDecoder", "_io", None, TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| {
                Ok(new_instance(
                    NewlineDecoder {
                        decoder: PayloadCell::new(Value::None),
                        translate: Cell::new(false),
                        pendingcr: Cell::new(false),
                        seen: Cell::new(0),
                        ok: Cell::new(false),
                    },
                    ty,
                ))
            });
            s.init = Some(decoder_init);
        });
        add_methods(
            &ty,
            "IncrementalNewlineDecoder",
            &[
                ("decode", decoder_decode),
                ("getstate", decoder_getstate),
                ("setstate", decoder_setstate),
                ("reset", decoder_reset),
            ],
        );
        add_property(
            &ty,
            "IncrementalNewlineDecoder",
            "newlines",
            |_, a| Ok(newlines_value(this(&a)?.seen.get())),
            None,
        );
        ty
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a NewlineDecoder> {
    let d = args
        .values
        .first()
        .and_then(|v| v.downcast::<NewlineDecoder>())
        .ok_or_else(|| PyErr::type_error("descriptor requires an '_io.IncrementalNewlineDecoder' object"))?;
    if !d.ok.get() {
        return Err(PyErr::value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(d)
}

fn decoder_init(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult<()> {
    const INIT: Params = Params::new("IncrementalNewlineDecoder", &["decoder", "translate", "errors"]).required(2);
    let [decoder, translate, _errors] = INIT.bind(args)?;
    let d = v.downcast::<NewlineDecoder>().ok_or_else(|| PyErr::type_error("expected an IncrementalNewlineDecoder"))?;
    let translate = match translate {
        Some(t) => protocol::truthy(ctx, t)?,
        None => false,
    };
    let old = d.decoder.replace(decoder.cloned().unwrap_or(Value::None));
    drop(old);
    d.translate.set(translate);
    d.pendingcr.set(false);
    d.seen.set(0);
    d.ok.set(true);
    Ok(())
}

fn decoder_decode(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    const PARAMS: Params = Params::new("decode", &["input", "final"]).required(1);
    let (_, rest) = split_self("decode", args)?;
    let [input, last] = PARAMS.bind(rest)?;
    let d = this(&args)?;
    let input = input.cloned().unwrap_or(Value::None);
    let last = match last {
        Some(f) => protocol::truthy(ctx, f)?,
        None => false,
    };
    let inner = d.decoder.borrow().clone();
    let output = if inner.is_none() {
        input
    } else {
        let (callable, this_arg) = protocol::get_method(ctx, &inner, &Value::str("decode"))?;
        let mut values: Vec<Value> = this_arg.into_iter().collect();
        values.extend([input, Value::Bool(last)]);
        let kwnames = [Value::str("final")];
        protocol::call(ctx, &callable, Args { values: &values, kwnames: &kwnames })?
    };
    let Some(text) = output.as_str() else {
        return Err(PyErr::type_error(format!("decoder should return a string result, not '{}'", output.type_name())));
    };
    let mut cps: Vec<u32> = text.code_points().collect();
    if d.pendingcr.get() && (!cps.is_empty() || last) {
        cps.insert(0, CR);
        d.pendingcr.set(false);
    }
    if cps.last() == Some(&CR) && !last {
        cps.pop();
        d.pendingcr.set(true);
    }
    let mut seen = d.seen.get();
    let out = translate(&cps, d.translate.get(), &mut seen);
    d.seen.set(seen);
    Ok(Value::Obj(PyStr::from_code_points_obj(&out)))
}

fn decoder_getstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let d = this(&args)?;
    let inner = d.decoder.borrow().clone();
    let (buf, flag) = if inner.is_none() {
        (super::bytes_value(Vec::new()), 0)
    } else {
        let state = call_method(ctx, &inner, "getstate", &[])?;
        let items = state.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
        let [buf, flag] = <[Value; 2]>::try_from(items).map_err(|_| PyErr::type_error("illegal decoder state"))?;
        (buf, super::int_arg(ctx, &flag)?)
    };
    let flag = (flag << 1) | i64::from(d.pendingcr.get());
    Ok(Value::Obj(PyTuple::new_obj(vec![buf, Value::Int(flag)])))
}

fn decoder_setstate(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let d = this(&args)?;
    let state = args.values.get(1).cloned().unwrap_or(Value::None);
    let items = state.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
    let [buf, flag] = <[Value; 2]>::try_from(items).map_err(|_| PyErr::type_error("state argument must be a tuple"))?;
    let flag = super::int_arg(ctx, &flag)?;
    d.pendingcr.set(flag & 1 != 0);
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        let state = Value::Obj(PyTuple::new_obj(vec![buf, Value::Int(flag >> 1)]));
        call_method(ctx, &inner, "setstate", &[state])?;
    }
    Ok(Value::None)
}

fn decoder_reset(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let d = this(&args)?;
    d.seen.set(0);
    d.pendingcr.set(false);
    let inner = d.decoder.borrow().clone();
    if !inner.is_none() {
        call_method(ctx, &inner, "reset", &[])?;
    }
    Ok(Value::None)
}
