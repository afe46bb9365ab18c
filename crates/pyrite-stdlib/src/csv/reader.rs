//! `_csv.reader`: an iterator of records parsed from an iterator of lines, by CPython's
//! character state machine (quoted fields may span lines; `strict` turns its lenient
//! recoveries into `csv.Error`).

use std::cell::Cell;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{Kind, add_getset};
use pyrite_object::types::list::PyList;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol, types};

use super::dialect::{Dialect, QUOTE_NONE, QUOTE_NONNUMERIC};
use super::{csv_error, field_limit};

/// A reader: the line iterator, its dialect and the number of lines read.
pub struct Reader {
    lines: Value,
    dialect: Value,
    line_num: Cell<u64>,
}

impl Trace for Reader {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.lines.traverse(visit);
        self.dialect.traverse(visit);
    }
}

payload!(Reader, "_csv.reader", tracked);

/// The `_csv.reader` type.
pub fn reader_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("reader", "_csv", None, 0, |s| {
            s.iter = Some(|_, v| Ok(v.clone()));
            s.next = Some(reader_next);
        });
        add_getset(
            &ty,
            Kind::Member,
            &[
                ("dialect", |_, v| Ok(this(v)?.dialect.clone()), None),
                ("line_num", |_, v| Ok(Value::Int(i64::try_from(this(v)?.line_num.get()).unwrap_or(i64::MAX))), None),
            ],
        );
        ty
    })
}

/// A reader over the iterator of `lines`.
pub fn new_reader(lines: Value, dialect: Value) -> Value {
    Value::Obj(ObjRef::new(Reader { lines, dialect, line_num: Cell::new(0) }, Some(reader_type())))
}

fn this(v: &Value) -> PyResult<&Reader> {
    v.downcast::<Reader>().ok_or_else(|| PyErr::type_error("descriptor requires a '_csv.reader' object"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrNl,
    AfterEscapedCrNl,
}

/// One character of input, or the end of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Char(u32),
    EndOfLine,
}

const LF: u32 = b'\n' as u32;
const CR: u32 = b'\r' as u32;

/// The parse of one record.
struct Parser<'a> {
    d: &'a Dialect,
    state: State,
    field: Vec<u32>,
    numeric: bool,
    fields: Vec<Value>,
    limit: usize,
}

impl Parser<'_> {
    fn add(&mut self, c: u32) -> PyResult<()> {
        if self.field.len() >= self.limit {
            return Err(csv_error(format!("field larger than field limit ({})", self.limit)));
        }
        self.field.push(c);
        Ok(())
    }

    fn save(&mut self, ctx: &mut Ctx) -> PyResult<()> {
        let text = Value::Obj(PyStr::from_code_points_obj(&self.field));
        self.field.clear();
        let value = if self.numeric {
            self.numeric = false;
            let float = Value::Obj(types().float.clone());
            protocol::call_positional(ctx, &float, &[text])?
        } else {
            text
        };
        self.fields.push(value);
        Ok(())
    }

    /// The state after a line end (`EndOfLine` ends the record, CR/LF wait for it).
    fn after_line_end(c: Input) -> State {
        if c == Input::EndOfLine { State::StartRecord } else { State::EatCrNl }
    }

    fn is(c: Input, wanted: Option<u32>) -> bool {
        matches!((c, wanted), (Input::Char(a), Some(b)) if a == b)
    }

    fn line_end(c: Input) -> bool {
        matches!(c, Input::EndOfLine | Input::Char(LF | CR))
    }

    fn process(&mut self, ctx: &mut Ctx, c: Input) -> PyResult<()> {
        let d = self.d;
        let quoting_on = d.quoting != QUOTE_NONE;
        let mut state = self.state;
        if state == State::StartRecord {
            match c {
                Input::EndOfLine => return Ok(()),
                Input::Char(LF | CR) => {
                    self.state = State::EatCrNl;
                    return Ok(());
                }
                Input::Char(_) => state = State::StartField,
            }
        }
        if state == State::AfterEscapedCrNl {
            if c == Input::EndOfLine {
                return Ok(());
            }
            state = State::InField;
        }
        self.state = match state {
            State::StartField => {
                if Self::line_end(c) {
                    self.save(ctx)?;
                    Self::after_line_end(c)
                } else if quoting_on && Self::is(c, d.quotechar) {
                    State::InQuotedField
                } else if Self::is(c, d.escapechar) {
                    State::EscapedChar
                } else if c == Input::Char(u32::from(b' ')) && d.skipinitialspace {
                    State::StartField
                } else if Self::is(c, Some(d.delimiter)) {
                    self.save(ctx)?;
                    State::StartField
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    if let Input::Char(ch) = c {
                        self.add(ch)?;
                    }
                    State::InField
                }
            }
            State::EscapedChar => match c {
                Input::Char(ch @ (LF | CR)) => {
                    self.add(ch)?;
                    State::AfterEscapedCrNl
                }
                Input::Char(ch) => {
                    self.add(ch)?;
                    State::InField
                }
                Input::EndOfLine => {
                    self.add(LF)?;
                    State::InField
                }
            },
            State::InField => {
                if Self::line_end(c) {
                    self.save(ctx)?;
                    Self::after_line_end(c)
                } else if Self::is(c, d.escapechar) {
                    State::EscapedChar
                } else if Self::is(c, Some(d.delimiter)) {
                    self.save(ctx)?;
                    State::StartField
                } else {
                    if let Input::Char(ch) = c {
                        self.add(ch)?;
                    }
                    State::InField
                }
            }
            State::InQuotedField => match c {
                Input::EndOfLine => State::InQuotedField,
                _ if Self::is(c, d.escapechar) => State::EscapeInQuotedField,
                _ if quoting_on && Self::is(c, d.quotechar) => {
                    if d.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    }
                }
                Input::Char(ch) => {
                    self.add(ch)?;
                    State::InQuotedField
                }
            },
            State::EscapeInQuotedField => {
                let ch = match c {
                    Input::Char(ch) => ch,
                    Input::EndOfLine => LF,
                };
                self.add(ch)?;
                State::InQuotedField
            }
            State::QuoteInQuotedField => {
                if quoting_on && Self::is(c, d.quotechar) {
                    if let Input::Char(ch) = c {
                        self.add(ch)?;
                    }
                    State::InQuotedField
                } else if Self::is(c, Some(d.delimiter)) {
                    self.save(ctx)?;
                    State::StartField
                } else if Self::line_end(c) {
                    self.save(ctx)?;
                    Self::after_line_end(c)
                } else if !d.strict {
                    if let Input::Char(ch) = c {
                        self.add(ch)?;
                    }
                    State::InField
                } else {
                    let delimiter = char::from_u32(d.delimiter).unwrap_or('?');
                    let quote = d.quotechar.and_then(char::from_u32).unwrap_or('?');
                    return Err(csv_error(format!("'{delimiter}' expected after '{quote}'")));
                }
            }
            State::EatCrNl => match c {
                Input::Char(LF | CR) => State::EatCrNl,
                Input::EndOfLine => State::StartRecord,
                Input::Char(_) => {
                    return Err(csv_error(
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            },
            State::StartRecord | State::AfterEscapedCrNl => state,
        };
        Ok(())
    }
}

fn reader_next(ctx: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let r = this(v)?;
    let dialect = r.dialect.clone();
    let d = dialect.downcast::<Dialect>().ok_or_else(|| PyErr::new_system("csv reader without a dialect"))?;
    let mut p = Parser {
        d,
        state: State::StartRecord,
        field: Vec::new(),
        numeric: false,
        fields: Vec::new(),
        limit: field_limit(),
    };
    loop {
        let Some(line) = protocol::next(ctx, &r.lines)? else {
            if !p.field.is_empty() || p.state == State::InQuotedField {
                if d.strict {
                    return Err(csv_error("unexpected end of data"));
                }
                p.save(ctx)?;
                break;
            }
            return Ok(None);
        };
        let Some(text) = line.as_str().filter(|_| protocol::isinstance(&line, &types().str)) else {
            return Err(csv_error(format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                line.type_name()
            )));
        };
        r.line_num.set(r.line_num.get() + 1);
        for c in text.code_points() {
            p.process(ctx, Input::Char(c))?;
        }
        p.process(ctx, Input::EndOfLine)?;
        if p.state == State::StartRecord {
            break;
        }
    }
    Ok(Some(Value::Obj(PyList::new_obj(p.fields))))
}
