//! `str.format`, `str.format_map` and `str.__format__`: the replacement-field grammar
//! (`{name.attr[key]!conv:spec}`, nested specs, `{{`/`}}`), parsed as CPython 3.11's
//! `unicode_format.h` parses it so that errors come out at the same point with the same text.

use super::{cps, new_str, one_arg, receiver};
use crate::ctx::{Args, Ctx};
use crate::error::{PyErr, PyResult};
use crate::methods::format::{ascii_escape, format};
use crate::protocol;
use crate::types::str::{PyStr, StrData};
use crate::value::Value;

const OPEN: u32 = b'{' as u32;
const CLOSE: u32 = b'}' as u32;

/// Where field values come from.
enum Source<'a> {
    /// `str.format(*args, **kwargs)`.
    Args { positional: &'a [Value], keywords: Vec<(&'a Value, &'a Value)> },
    /// `str.format_map(mapping)`.
    Mapping(&'a Value),
}

/// Automatic (`{}`) versus manual (`{0}`) numbering, shared by nested specs.
#[derive(Default)]
struct AutoNumber {
    state: Option<bool>,
    next: usize,
}

impl AutoNumber {
    /// Records a numeric field; `auto` when it is `{}`.
    fn check(&mut self, auto: bool) -> PyResult<()> {
        match self.state {
            None => self.state = Some(auto),
            Some(true) if !auto => {
                return Err(PyErr::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            Some(false) if auto => {
                return Err(PyErr::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            Some(_) => {}
        }
        Ok(())
    }
}

pub(super) fn str_format(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, positional) = receiver("format", &args)?;
    let source = Source::Args { positional, keywords: args.keywords().collect() };
    format_with(ctx, s, &source)
}

pub(super) fn str_format_map(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, mapping) = one_arg("format_map", args)?;
    let source = Source::Mapping(mapping);
    format_with(ctx, s, &source)
}

/// Formats `fmt`, parsing its bytes directly when it is ASCII (most format strings) and
/// building the result as UTF-8 while every piece is ASCII.
fn format_with(ctx: &mut Ctx, fmt: &PyStr, source: &Source<'_>) -> PyResult {
    let mut out = if let StrData::Ascii(text) = fmt.data() {
        let mut out = Out::Ascii(String::with_capacity(text.len() + 16));
        build_string(ctx, text.as_bytes(), source, 2, &mut AutoNumber::default(), &mut out)?;
        out
    } else {
        let mut out = Out::Wide(Vec::with_capacity(fmt.len()));
        build_string(ctx, &cps(fmt), source, 2, &mut AutoNumber::default(), &mut out)?;
        out
    };
    Ok(match &mut out {
        Out::Ascii(text) => Value::Obj(PyStr::from_string_obj(std::mem::take(text))),
        Out::Wide(code_points) => new_str(code_points),
    })
}

/// A unit of a format string: a byte of ASCII text or a code point.
trait Unit: Copy {
    /// Whether every unit of this type is ASCII (the bytes of ASCII format strings).
    const ASCII: bool;
    fn code(self) -> u32;
    /// The units as a str value.
    fn to_str(units: &[Self]) -> Value;
    /// The units as Rust text (lone surrogates become U+FFFD).
    fn to_text(units: &[Self]) -> String;
}

impl Unit for u8 {
    const ASCII: bool = true;
    fn code(self) -> u32 {
        u32::from(self)
    }
    fn to_str(units: &[u8]) -> Value {
        Value::Obj(PyStr::new_obj(std::str::from_utf8(units).unwrap_or_default()))
    }
    fn to_text(units: &[u8]) -> String {
        String::from_utf8_lossy(units).into_owned()
    }
}

impl Unit for u32 {
    const ASCII: bool = false;
    fn code(self) -> u32 {
        self
    }
    fn to_str(units: &[u32]) -> Value {
        new_str(units)
    }
    fn to_text(units: &[u32]) -> String {
        text(units)
    }
}

/// The result being built: UTF-8 while every piece so far is ASCII, else code points.
enum Out {
    Ascii(String),
    Wide(Vec<u32>),
}

impl Out {
    fn wide(&mut self) -> &mut Vec<u32> {
        if let Out::Ascii(text) = self {
            *self = Out::Wide(text.bytes().map(u32::from).collect());
        }
        match self {
            Out::Wide(code_points) => code_points,
            Out::Ascii(_) => unreachable!("made wide above"),
        }
    }

    fn push_units<T: Unit>(&mut self, units: &[T]) {
        match self {
            Out::Ascii(text) if T::ASCII || units.iter().all(|u| u.code() < 0x80) => {
                text.extend(units.iter().map(|&u| char::from(u.code() as u8)));
            }
            _ => self.wide().extend(units.iter().map(|&u| u.code())),
        }
    }

    fn push_str(&mut self, piece: &PyStr) {
        match self {
            Out::Ascii(text) if piece.is_ascii() => text.push_str(piece.as_str()),
            _ => self.wide().extend(piece.code_points()),
        }
    }
}

pub(super) fn str_dunder_format(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (s, spec) = one_arg("__format__", args)?;
    let Some(spec) = spec.as_str() else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", spec.type_name())));
    };
    format(ctx, &Value::Obj(s.slice(0, s.len(), 1)), spec.as_str())
}

fn text(code_points: &[u32]) -> String {
    code_points.iter().map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect()
}

/// One replacement field, as parsed.
struct Field<'f, T> {
    name: &'f [T],
    conversion: Option<u32>,
    spec: &'f [T],
    spec_needs_expanding: bool,
}

/// Formats `fmt` onto `out`; `depth` limits the nesting of replacement fields inside specs.
fn build_string<T: Unit>(
    ctx: &mut Ctx,
    fmt: &[T],
    source: &Source<'_>,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut Out,
) -> PyResult<()> {
    if depth == 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let mut pos = 0;
    while pos < fmt.len() {
        let (literal, field) = next_markup(fmt, &mut pos)?;
        out.push_units(literal);
        if let Some(field) = field {
            let value = field_value(ctx, field.name, source, auto)?;
            // `{}` of an int: its digits, without a str object in between.
            if let (Value::Int(i), None, true, Out::Ascii(text)) =
                (&value, field.conversion, field.spec.is_empty(), &mut *out)
            {
                if *i < 0 {
                    text.push('-');
                }
                text.push_str(protocol::decimal_digits(i.unsigned_abs(), &mut [0; 20]));
                continue;
            }
            let rendered = render_field(ctx, &field, value, source, depth, auto)?;
            if let Some(text) = rendered.as_str() {
                out.push_str(text);
            }
        }
    }
    Ok(())
}

/// The next literal text (with `{{`/`}}` undoubled one at a time, as CPython's
/// `MarkupIterator`) and the replacement field after it, if any, from `pos` on.
fn next_markup<'f, T: Unit>(fmt: &'f [T], pos: &mut usize) -> PyResult<(&'f [T], Option<Field<'f, T>>)> {
    let start = *pos;
    let mut c = 0;
    let mut markup_follows = false;
    while *pos < fmt.len() {
        c = fmt[*pos].code();
        *pos += 1;
        if c == OPEN || c == CLOSE {
            markup_follows = true;
            break;
        }
    }
    let at_end = *pos >= fmt.len();
    let mut literal_len = *pos - start;
    if c == CLOSE && (at_end || fmt[*pos].code() != CLOSE) {
        return Err(PyErr::value_error("Single '}' encountered in format string"));
    }
    if at_end && c == OPEN {
        return Err(PyErr::value_error("Single '{' encountered in format string"));
    }
    if !at_end {
        if fmt[*pos].code() == c {
            *pos += 1;
            markup_follows = false;
        } else {
            literal_len -= 1;
        }
    }
    let literal = &fmt[start..start + literal_len];
    if !markup_follows {
        return Ok((literal, None));
    }
    Ok((literal, Some(parse_field(fmt, pos)?)))
}

/// One item of `_string.formatter_parser`: literal text, then the field's name, spec and
/// conversion (all `None` when no field follows the text).
pub type MarkupItem = (Value, Option<(Value, Value, Option<Value>)>);

/// What `_string.formatter_parser(fmt)` yields (used by `string.Formatter`).
///
/// # Errors
/// The `ValueError` of a malformed format string.
pub fn formatter_parser(fmt: &crate::types::str::PyStr) -> PyResult<Vec<MarkupItem>> {
    let fmt = cps(fmt);
    let mut items = Vec::new();
    let mut pos = 0;
    while pos < fmt.len() {
        let (literal, field) = next_markup(&fmt, &mut pos)?;
        let field = field.map(|f| (new_str(f.name), new_str(f.spec), f.conversion.map(|c| new_str(&[c]))));
        items.push((new_str(literal), field));
    }
    Ok(items)
}

/// `_string.formatter_field_name_split(name)`: the first part (an int when it is
/// digits) and the `(is_attribute, key)` parts after it.
///
/// # Errors
/// The `ValueError` of a malformed field name.
pub fn field_name_split(name: &crate::types::str::PyStr) -> PyResult<(Value, Vec<(bool, Value)>)> {
    let name = cps(name);
    let split = name.iter().position(|&c| c == u32::from(b'.') || c == u32::from(b'[')).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let first = match integer(first)? {
        Some(i) if !first.is_empty() => Value::from(i),
        _ => new_str(first),
    };
    let mut parts = Vec::new();
    while let Some(next) = next_field_part(&mut rest) {
        let (is_attribute, part) = next?;
        let key = match integer(part)? {
            Some(i) if !is_attribute => Value::from(i),
            _ => new_str(part),
        };
        parts.push((is_attribute, key));
    }
    Ok((first, parts))
}

/// Parses a field after its `{`, leaving `pos` after the closing `}`.
fn parse_field<'f, T: Unit>(fmt: &'f [T], pos: &mut usize) -> PyResult<Field<'f, T>> {
    let name_start = *pos;
    let mut c = 0;
    while *pos < fmt.len() {
        c = fmt[*pos].code();
        *pos += 1;
        match u8::try_from(c).unwrap_or(0) {
            b'{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            b'[' => {
                while *pos < fmt.len() && fmt[*pos].code() != u32::from(b']') {
                    *pos += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let name = &fmt[name_start..*pos - 1];
    if c != u32::from(b'!') && c != u32::from(b':') {
        if c != CLOSE {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        return Ok(Field { name, conversion: None, spec: &[], spec_needs_expanding: false });
    }
    let mut conversion = None;
    if c == u32::from(b'!') {
        let Some(conv) = fmt.get(*pos).map(|u| u.code()) else {
            return Err(PyErr::value_error("end of string while looking for conversion specifier"));
        };
        conversion = Some(conv);
        *pos += 1;
        if let Some(next) = fmt.get(*pos).map(|u| u.code()) {
            *pos += 1;
            if next == CLOSE {
                return Ok(Field { name, conversion, spec: &[], spec_needs_expanding: false });
            }
            if next != u32::from(b':') {
                return Err(PyErr::value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut count = 1;
    let mut spec_needs_expanding = false;
    while *pos < fmt.len() {
        let c = fmt[*pos].code();
        *pos += 1;
        if c == OPEN {
            spec_needs_expanding = true;
            count += 1;
        } else if c == CLOSE {
            count -= 1;
            if count == 0 {
                return Ok(Field { name, conversion, spec: &fmt[spec_start..*pos - 1], spec_needs_expanding });
            }
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

fn render_field<T: Unit>(
    ctx: &mut Ctx,
    field: &Field<'_, T>,
    mut value: Value,
    source: &Source<'_>,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult {
    if let Some(conversion) = field.conversion {
        value = match u8::try_from(conversion).unwrap_or(0) {
            b'r' => protocol::repr(ctx, &value)?,
            b's' => protocol::str_(ctx, &value)?,
            b'a' => Value::str(&ascii_escape(&protocol::repr_string(ctx, &value)?)),
            _ => {
                let shown = match char::from_u32(conversion) {
                    Some(ch) if conversion > 32 && conversion < 127 => ch.to_string(),
                    _ => format!("\\x{conversion:x}"),
                };
                return Err(PyErr::value_error(format!("Unknown conversion specifier {shown}")));
            }
        };
    }
    let spec = if field.spec_needs_expanding {
        let mut spec = Out::Ascii(String::new());
        build_string(ctx, field.spec, source, depth - 1, auto, &mut spec)?;
        match spec {
            Out::Ascii(spec) => spec,
            Out::Wide(code_points) => text(&code_points),
        }
    } else if field.spec.is_empty() {
        String::new()
    } else {
        T::to_text(field.spec)
    };
    format(ctx, &value, &spec)
}

/// Whether `c` starts an attribute or index part of a field name.
fn is_part_start(c: u32) -> bool {
    c == u32::from(b'.') || c == u32::from(b'[')
}

/// The decimal value of a field-name part, or `None` when it is not all ASCII digits.
fn integer<T: Unit>(part: &[T]) -> PyResult<Option<usize>> {
    if part.is_empty() || !part.iter().all(|&c| (u32::from(b'0')..=u32::from(b'9')).contains(&c.code())) {
        return Ok(None);
    }
    let mut value: usize = 0;
    for &c in part {
        let digit = (c.code() - u32::from(b'0')) as usize;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(digit))
            .filter(|&v| i64::try_from(v).is_ok())
            .ok_or_else(|| PyErr::value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(value))
}

/// The next `.attr` or `[key]` of a field name, advancing `rest` past it: whether it is an
/// attribute, and its text; `None` at the end.
fn next_field_part<'f, T: Unit>(rest: &mut &'f [T]) -> Option<PyResult<(bool, &'f [T])>> {
    let (&c, tail) = rest.split_first()?;
    let c = c.code();
    let is_attribute = c == u32::from(b'.');
    let part;
    if is_attribute {
        let end = tail.iter().position(|&c| is_part_start(c.code())).unwrap_or(tail.len());
        part = &tail[..end];
        *rest = &tail[end..];
    } else if c == u32::from(b'[') {
        let Some(end) = tail.iter().position(|&c| c.code() == u32::from(b']')) else {
            return Some(Err(PyErr::value_error("Missing ']' in format string")));
        };
        part = &tail[..end];
        *rest = &tail[end + 1..];
    } else {
        return Some(Err(PyErr::value_error("Only '.' or '[' may follow ']' in format field specifier")));
    }
    if part.is_empty() {
        return Some(Err(PyErr::value_error("Empty attribute in format string")));
    }
    Some(Ok((is_attribute, part)))
}

/// Looks up `name` (`first(.attr|[key])*`).
fn field_value<T: Unit>(ctx: &mut Ctx, name: &[T], source: &Source<'_>, auto: &mut AutoNumber) -> PyResult {
    let split = name.iter().position(|&c| is_part_start(c.code())).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(split);
    let mut index = integer(first)?;
    if first.is_empty() || index.is_some() {
        auto.check(first.is_empty())?;
        if first.is_empty() {
            index = Some(auto.next);
            auto.next += 1;
        }
    }
    let mut value = match (index, source) {
        (None, Source::Args { keywords, .. }) => {
            let found = keywords.iter().find(|(k, _)| {
                k.as_str().is_some_and(|k| k.len() == first.len() && k.code_points().eq(first.iter().map(|c| c.code())))
            });
            match found {
                Some((_, v)) => (*v).clone(),
                None => return Err(PyErr::key_error(T::to_str(first))),
            }
        }
        (None, Source::Mapping(mapping)) => protocol::getitem(ctx, mapping, &T::to_str(first))?,
        (Some(_), Source::Mapping(_)) => {
            return Err(PyErr::value_error("Format string contains positional fields"));
        }
        (Some(i), Source::Args { positional, .. }) => match positional.get(i) {
            Some(v) => v.clone(),
            None => {
                return Err(PyErr::index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                )));
            }
        },
    };
    // Parts are parsed one at a time, so a lookup error comes before a later syntax error,
    // as in CPython's lazy `FieldNameIterator`.
    while let Some(next) = next_field_part(&mut rest) {
        let (is_attribute, part) = next?;
        value = if is_attribute {
            protocol::getattr(ctx, &value, &T::to_str(part))?
        } else {
            let key = match integer(part)? {
                Some(i) => Value::from(i),
                None => T::to_str(part),
            };
            protocol::getitem(ctx, &value, &key)?
        };
    }
    Ok(value)
}
