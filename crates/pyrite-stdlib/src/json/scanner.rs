//! `_json.Scanner` (`make_scanner(context)`): parses one JSON value at an index, as
//! CPython's `scan_once_unicode`, raising `StopIteration(idx)` where no value starts (which
//! `json.decoder` turns into "Expecting value") and `JSONDecodeError` for malformed
//! objects, arrays and strings.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::int::to_i64;
use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{decode_error, string_arg};

/// The decoder settings a scanner copies from its context.
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    /// Keys seen during one scan, so equal keys share one str object.
    memo: PayloadCell<Option<ObjRef>>,
}

impl Trace for Scanner {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for v in [&self.object_hook, &self.object_pairs_hook, &self.parse_float, &self.parse_int, &self.parse_constant]
        {
            v.traverse(visit);
        }
        if let Some(m) = self.memo.borrow().as_ref() {
            visit(m);
        }
    }

    fn clear(&self) {
        drop(self.memo.replace(None));
    }
}

payload!(Scanner, "_json.Scanner", tracked);

pub(super) fn scanner_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Scanner", "_json", None, 0, |s| {
            s.new = Some(scanner_new);
            s.call = Some(scanner_call);
            s.getattro = Some(scanner_getattro);
        });
        attrdescr::add(
            &ty,
            Kind::Member,
            &["strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"],
        );
        ty
    })
}

const NEW: Params = Params::new("make_scanner", &["context"]).required(1);

fn scanner_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(context)] = NEW.bind(args)? else { return Err(PyErr::new_system("make_scanner")) };
    let mut get = |name: &str| protocol::getattr_str(ctx, context, name);
    let strict = get("strict")?;
    let object_hook = get("object_hook")?;
    let object_pairs_hook = get("object_pairs_hook")?;
    let parse_float = get("parse_float")?;
    let parse_int = get("parse_int")?;
    let parse_constant = get("parse_constant")?;
    let strict = protocol::truthy(ctx, &strict)?;
    let scanner = Scanner {
        strict,
        object_hook,
        object_pairs_hook,
        parse_float,
        parse_int,
        parse_constant,
        memo: PayloadCell::new(None),
    };
    Ok(Value::Obj(ObjRef::new(scanner, Some(ty))))
}

fn scanner_getattro(ctx: &mut Ctx, v: &Value, name: &Value) -> PyResult {
    if let Some(s) = v.downcast::<Scanner>() {
        match name.as_str().map(|n| n.as_str()) {
            Some("strict") => return Ok(Value::Bool(s.strict)),
            Some("object_hook") => return Ok(s.object_hook.clone()),
            Some("object_pairs_hook") => return Ok(s.object_pairs_hook.clone()),
            Some("parse_float") => return Ok(s.parse_float.clone()),
            Some("parse_int") => return Ok(s.parse_int.clone()),
            Some("parse_constant") => return Ok(s.parse_constant.clone()),
            _ => {}
        }
    }
    protocol::generic_getattr(ctx, v, name)
}

const CALL: Params = Params::new("scan_once", &["string", "idx"]).required(2);

fn scanner_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let [Some(string), Some(idx)] = CALL.bind(args)? else { return Err(PyErr::new_system("scan_once")) };
    let text = string_arg(string)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let idx = to_i64(&protocol::index(ctx, idx, what)?)?;
    let Some(s) = v.downcast::<Scanner>() else { return Err(PyErr::type_error("expected a scanner")) };
    let chars: Vec<u32> = text.code_points().collect();
    drop(s.memo.replace(Some(PyDict::new_obj())));
    let mut scan = Scan { s, ctx, string, chars: &chars };
    let result = scan.scan_once(idx);
    drop(s.memo.replace(None));
    let (value, next) = result?;
    Ok(Value::Obj(PyTuple::new_obj(vec![value, Value::from(next)])))
}

fn stop_iteration(idx: i64) -> PyErr {
    PyErr::stop_iteration(Some(Value::Int(idx)))
}

fn is_whitespace(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0a | 0x0d)
}

/// One scan over a string.
struct Scan<'a, 'c> {
    s: &'a Scanner,
    ctx: &'c mut Ctx,
    string: &'a Value,
    chars: &'a [u32],
}

impl Scan<'_, '_> {
    fn at(&self, i: usize) -> u32 {
        self.chars.get(i).copied().unwrap_or(0)
    }

    fn matches(&self, i: usize, word: &str) -> bool {
        word.bytes().enumerate().all(|(k, b)| self.chars.get(i + k) == Some(&u32::from(b)))
    }

    fn skip_whitespace(&self, mut i: usize) -> usize {
        while i < self.chars.len() && is_whitespace(self.chars[i]) {
            i += 1;
        }
        i
    }

    fn error(&mut self, message: &str, pos: usize) -> PyErr {
        decode_error(self.ctx, message, self.string, pos)
    }

    fn scan_once(&mut self, idx: i64) -> PyResult<(Value, usize)> {
        if idx < 0 {
            return Err(PyErr::value_error("idx cannot be negative"));
        }
        let len = self.chars.len();
        let Some(i) = usize::try_from(idx).ok().filter(|&i| i < len) else { return Err(stop_iteration(idx)) };
        match self.chars[i] {
            0x22 => return scan_string(self.ctx, self.string, self.chars, i + 1, self.s.strict),
            0x7b => {
                self.ctx.enter_native_call(" while decoding a JSON object from a unicode string")?;
                let result = self.parse_object(i + 1);
                self.ctx.leave_call();
                return result;
            }
            0x5b => {
                self.ctx.enter_native_call(" while decoding a JSON array from a unicode string")?;
                let result = self.parse_array(i + 1);
                self.ctx.leave_call();
                return result;
            }
            0x6e if self.matches(i, "null") => return Ok((Value::None, i + 4)),
            0x74 if self.matches(i, "true") => return Ok((Value::Bool(true), i + 4)),
            0x66 if self.matches(i, "false") => return Ok((Value::Bool(false), i + 5)),
            0x4e if self.matches(i, "NaN") => return self.constant("NaN", i),
            0x49 if self.matches(i, "Infinity") => return self.constant("Infinity", i),
            0x2d if self.matches(i, "-Infinity") => return self.constant("-Infinity", i),
            _ => {}
        }
        self.number(i)
    }

    fn constant(&mut self, name: &str, i: usize) -> PyResult<(Value, usize)> {
        let hook = self.s.parse_constant.clone();
        let value = protocol::call_positional(self.ctx, &hook, &[Value::str(name)])?;
        Ok((value, i + name.len()))
    }

    fn number(&mut self, start: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let digit = |c: u32| (0x30..=0x39).contains(&c);
        let mut i = start;
        if self.at(i) == 0x2d {
            i += 1;
            if i >= len {
                return Err(stop_iteration(start as i64));
            }
        }
        match self.at(i) {
            0x31..=0x39 => {
                i += 1;
                while i < len && digit(self.chars[i]) {
                    i += 1;
                }
            }
            0x30 => i += 1,
            _ => return Err(stop_iteration(start as i64)),
        }
        let mut is_float = false;
        if i + 1 < len && self.chars[i] == 0x2e && digit(self.chars[i + 1]) {
            is_float = true;
            i += 2;
            while i < len && digit(self.chars[i]) {
                i += 1;
            }
        }
        if i + 1 < len && (self.chars[i] == 0x65 || self.chars[i] == 0x45) {
            let e_start = i;
            i += 1;
            if i + 1 < len && (self.chars[i] == 0x2d || self.chars[i] == 0x2b) {
                i += 1;
            }
            while i < len && digit(self.chars[i]) {
                i += 1;
            }
            if digit(self.chars[i - 1]) {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text: String = self.chars[start..i].iter().filter_map(|&c| char::from_u32(c)).collect();
        // CPython converts directly when the hook is `int` or `float` itself: the same as
        // calling it.
        let hook = if is_float { self.s.parse_float.clone() } else { self.s.parse_int.clone() };
        let value = protocol::call_positional(self.ctx, &hook, &[Value::str(&text)])?;
        Ok((value, i))
    }

    fn memo_key(&mut self, key: Value) -> PyResult<Value> {
        let Some(memo) = self.s.memo.borrow().clone() else { return Ok(key) };
        let Some(d) = memo.downcast::<PyDict>() else { return Ok(key) };
        if let Some(existing) = d.get_item(self.ctx, &key)? {
            return Ok(existing);
        }
        d.set_item(self.ctx, key.clone(), key.clone())?;
        Ok(key)
    }

    fn parse_object(&mut self, start: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let pairs_hook = !self.s.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = PyDict::new_obj();
        let mut i = self.skip_whitespace(start);
        if i >= len || self.chars[i] != 0x7d {
            loop {
                if i >= len || self.chars[i] != 0x22 {
                    return Err(self.error("Expecting property name enclosed in double quotes", i));
                }
                let (key, next) = scan_string(self.ctx, self.string, self.chars, i + 1, self.s.strict)?;
                let key = self.memo_key(key)?;
                i = self.skip_whitespace(next);
                if i >= len || self.chars[i] != 0x3a {
                    return Err(self.error("Expecting ':' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
                let (value, next) = self.scan_once(i as i64)?;
                if pairs_hook {
                    pairs.push(Value::Obj(PyTuple::new_obj(vec![key, value])));
                } else if let Some(d) = dict.downcast::<PyDict>() {
                    d.set_item(self.ctx, key, value)?;
                }
                i = self.skip_whitespace(next);
                if i < len && self.chars[i] == 0x7d {
                    break;
                }
                if i >= len || self.chars[i] != 0x2c {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
            }
        }
        let next = i + 1;
        if pairs_hook {
            let hook = self.s.object_pairs_hook.clone();
            let list = Value::Obj(PyList::new_obj(pairs));
            return Ok((protocol::call_positional(self.ctx, &hook, &[list])?, next));
        }
        if !self.s.object_hook.is_none() {
            let hook = self.s.object_hook.clone();
            return Ok((protocol::call_positional(self.ctx, &hook, &[Value::Obj(dict)])?, next));
        }
        Ok((Value::Obj(dict), next))
    }

    fn parse_array(&mut self, start: usize) -> PyResult<(Value, usize)> {
        let len = self.chars.len();
        let mut items = Vec::new();
        let mut i = self.skip_whitespace(start);
        if i >= len || self.chars[i] != 0x5d {
            loop {
                let (value, next) = self.scan_once(i as i64)?;
                items.push(value);
                i = self.skip_whitespace(next);
                if i < len && self.chars[i] == 0x5d {
                    break;
                }
                if i >= len || self.chars[i] != 0x2c {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_whitespace(i + 1);
            }
        }
        if i >= len {
            return Err(self.error("Expecting value", len.saturating_sub(1)));
        }
        Ok((Value::Obj(PyList::new_obj(items)), i + 1))
    }
}

fn hex_value(c: u32) -> Option<u32> {
    char::from_u32(c).and_then(|c| c.to_digit(16))
}

/// CPython's `scanstring_unicode`: the string whose contents start at `end` (after the
/// opening quote), and the index after the closing quote.
pub(super) fn scan_string(
    ctx: &mut Ctx,
    string: &Value,
    chars: &[u32],
    mut end: usize,
    strict: bool,
) -> PyResult<(Value, usize)> {
    let len = chars.len();
    let begin = end.wrapping_sub(1);
    let mut out: Vec<u32> = Vec::new();
    loop {
        let mut next = end;
        let mut c = 0;
        while next < len {
            c = chars[next];
            if c == 0x22 || c == 0x5c {
                break;
            }
            if c <= 0x1f && strict {
                return Err(decode_error(ctx, "Invalid control character at", string, next));
            }
            next += 1;
        }
        if next >= len || (c != 0x22 && c != 0x5c) {
            return Err(decode_error(ctx, "Unterminated string starting at", string, begin));
        }
        out.extend_from_slice(&chars[end..next]);
        next += 1;
        if c == 0x22 {
            end = next;
            break;
        }
        if next == len {
            return Err(decode_error(ctx, "Unterminated string starting at", string, begin));
        }
        let escape = chars[next];
        let decoded = if escape == u32::from('u') {
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(decode_error(ctx, "Invalid \\uXXXX escape", string, next - 1));
            }
            let mut value = 0;
            for &d in &chars[next..end] {
                let Some(h) = hex_value(d) else {
                    return Err(decode_error(ctx, "Invalid \\uXXXX escape", string, end - 5));
                };
                value = (value << 4) | h;
            }
            next = end;
            if (0xd800..0xdc00).contains(&value)
                && end + 6 < len
                && chars[next] == 0x5c
                && chars[next + 1] == u32::from('u')
            {
                end += 6;
                let mut low = 0;
                for &d in &chars[next + 2..end] {
                    let Some(h) = hex_value(d) else {
                        return Err(decode_error(ctx, "Invalid \\uXXXX escape", string, end - 5));
                    };
                    low = (low << 4) | h;
                }
                if (0xdc00..0xe000).contains(&low) {
                    value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
                } else {
                    end -= 6;
                }
            }
            value
        } else {
            end = next + 1;
            match char::from_u32(escape) {
                Some('"') => 0x22,
                Some('\\') => 0x5c,
                Some('/') => 0x2f,
                Some('b') => 0x08,
                Some('f') => 0x0c,
                Some('n') => 0x0a,
                Some('r') => 0x0d,
                Some('t') => 0x09,
                _ => return Err(decode_error(ctx, "Invalid \\escape", string, end - 2)),
            }
        };
        out.push(decoded);
    }
    Ok((Value::Obj(PyStr::from_code_points_obj(&out)), end))
}
