//! Constants and f-strings: numbers, implicitly concatenated strings (one `Constant`, `kind`
//! `'u'` for a `u` prefix) and f-strings as CPython 3.11 shapes them (`JoinedStr` of
//! `Constant` and `FormattedValue`, adjacent text merged, the pieces located at the whole
//! f-string as 3.11 does).

use num_bigint::BigInt;
use pyrite_object::{PyErr, PyResult, Value};
use pyrite_parser::{Ranged, TextRange, TextSize, ast};

use super::{Conv, list};

/// One piece of an f-string after adjacent text is merged.
enum Piece<'a> {
    Text(String),
    /// A replacement field and the range of the f-string literal it is in (where 3.11
    /// locates its format spec).
    Value(&'a ast::InterpolatedElement, TextRange),
}

fn push_text(pieces: &mut Vec<Piece<'_>>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(t)) = pieces.last_mut() {
        t.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_owned()));
    }
}

fn collect<'a>(pieces: &mut Vec<Piece<'a>>, elements: &'a ast::InterpolatedStringElements, part: TextRange) {
    for element in elements.iter() {
        match element {
            ast::InterpolatedStringElement::Literal(l) => push_text(pieces, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_text(pieces, debug.leading());
                    push_text(pieces, debug.expression());
                    push_text(pieces, debug.trailing());
                }
                pieces.push(Piece::Value(i, part));
            }
        }
    }
}

/// An int literal's value from its text (`0x...`, `0o...`, `0b...`, underscores).
fn parse_int(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|c| *c != '_').collect::<String>().to_ascii_lowercase();
    let (digits, radix) = match clean.get(..2) {
        Some("0x") => (&clean[2..], 16),
        Some("0o") => (&clean[2..], 8),
        Some("0b") => (&clean[2..], 2),
        _ => (clean.as_str(), 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

impl Conv<'_> {
    pub(super) fn number(&mut self, n: &ast::Number) -> PyResult {
        Ok(match n {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Value::Int(v),
                None => Value::from_bigint(
                    parse_int(&i.to_string()).ok_or_else(|| PyErr::value_error("invalid integer literal"))?,
                ),
            },
            ast::Number::Float(f) => Value::float(*f),
            ast::Number::Complex { real, imag } => pyrite_object::types::complex::complex_value(*real, *imag),
        })
    }

    pub(super) fn string(&mut self, s: &ast::ExprStringLiteral) -> PyResult {
        let kind = if s.value.is_unicode() { Value::str("u") } else { Value::None };
        self.node("Constant", &[("value", Value::str(s.value.to_str())), ("kind", kind)], Some(s.range()))
    }

    pub(super) fn fstring(&mut self, f: &ast::ExprFString) -> PyResult {
        let mut pieces = Vec::new();
        for part in &f.value {
            match part {
                ast::FStringPart::Literal(s) => push_text(&mut pieces, s.as_str()),
                ast::FStringPart::FString(fs) => collect(&mut pieces, &fs.elements, fs.range()),
            }
        }
        self.joined(&pieces, f.range())
    }

    /// A `JoinedStr` of `pieces`, every piece located at `range` (the whole f-string).
    fn joined(&mut self, pieces: &[Piece<'_>], range: TextRange) -> PyResult {
        let mut values = Vec::new();
        for piece in pieces {
            values.push(match piece {
                Piece::Text(t) => {
                    self.node("Constant", &[("value", Value::str(t)), ("kind", Value::None)], Some(range))?
                }
                Piece::Value(v, part) => {
                    let value = self.expr(&v.expression)?;
                    if let ast::Expr::Tuple(t) = &*v.expression
                        && !t.parenthesized
                    {
                        // 3.11 parses a replacement field's text in parentheses made of the
                        // characters around it, so a bare tuple spans from `{` to the
                        // character after it (`}`, `!`, `:` or `=`).
                        let after = self.next_token(t.range().end());
                        let end = (after + TextSize::new(1)).min(v.range().end());
                        self.set_location(&value, TextRange::new(v.range().start(), end))?;
                    }
                    let mut conversion = match v.conversion {
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => i64::from(b's'),
                        ast::ConversionFlag::Repr => i64::from(b'r'),
                        ast::ConversionFlag::Ascii => i64::from(b'a'),
                    };
                    if v.debug_text.is_some() && conversion == -1 && v.format_spec.is_none() {
                        conversion = i64::from(b'r');
                    }
                    let spec = match &v.format_spec {
                        Some(spec) => {
                            let mut spec_pieces = Vec::new();
                            collect(&mut spec_pieces, &spec.elements, *part);
                            self.joined(&spec_pieces, *part)?
                        }
                        None => Value::None,
                    };
                    let fields = [("value", value), ("conversion", Value::Int(conversion)), ("format_spec", spec)];
                    self.node("FormattedValue", &fields, Some(range))?
                }
            });
        }
        self.node("JoinedStr", &[("values", list(values))], Some(range))
    }
}
