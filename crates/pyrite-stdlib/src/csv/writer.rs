//! `_csv.writer`: formats rows by the dialect (quoting, doubled quotes or escapes) and
//! passes each line to the file's `write`.

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::add_methods;
use pyrite_object::methods::attrdescr::{Kind, add_getset};
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::{StaticType, lookup_str, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::csv_error;
use super::dialect::{Dialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC};

/// A writer: the bound `write` of its file and its dialect.
pub struct Writer {
    write: Value,
    dialect: Value,
}

impl Trace for Writer {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.write.traverse(visit);
        self.dialect.traverse(visit);
    }
}

payload!(Writer, "_csv.writer", tracked);

/// The `_csv.writer` type.
pub fn writer_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("writer", "_csv", None, 0, |_| {});
        add_methods(&ty, "writer", &[("writerow", writerow), ("writerows", writerows)]);
        add_getset(&ty, Kind::Member, &[("dialect", |_, v| Ok(this(v)?.dialect.clone()), None)]);
        ty
    })
}

/// A writer calling `write` for each line.
pub fn new_writer(write: Value, dialect: Value) -> Value {
    Value::Obj(ObjRef::new(Writer { write, dialect }, Some(writer_type())))
}

fn this(v: &Value) -> PyResult<&Writer> {
    v.downcast::<Writer>().ok_or_else(|| PyErr::type_error("descriptor requires a '_csv.writer' object"))
}

/// Whether a value counts as a number for `QUOTE_NONNUMERIC` (CPython's `PyNumber_Check`).
fn is_number(v: &Value) -> bool {
    let t = types();
    if matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) || protocol::isinstance(v, &t.complex) {
        return true;
    }
    let ty = v.type_ref();
    ["__index__", "__int__", "__float__"].iter().any(|name| lookup_str(ty, name).is_some())
}

/// Appends one field to `line`, as CPython's `join_append_data`.
fn append_field(d: &Dialect, line: &mut Vec<u32>, first: bool, field: &[u32], mut quoted: bool) -> PyResult<()> {
    let mut body = Vec::with_capacity(field.len());
    for &c in field {
        let special =
            c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || d.lineterminator.contains(&c);
        if special {
            let mut escape = false;
            if d.quoting == QUOTE_NONE {
                escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    escape = true;
                }
                if !escape {
                    quoted = true;
                }
            }
            if escape {
                let Some(e) = d.escapechar else {
                    return Err(csv_error("need to escape, but no escapechar set"));
                };
                body.push(e);
            }
        }
        body.push(c);
    }
    if !first {
        line.push(d.delimiter);
    }
    let quote = d.quotechar.filter(|_| quoted);
    line.extend(quote);
    line.extend_from_slice(&body);
    line.extend(quote);
    Ok(())
}

fn writerow(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = pyrite_object::methods::method_args("writerow", args, 1, 1)?;
    write_row(ctx, this(me)?, &rest[0])
}

fn write_row(ctx: &mut Ctx, w: &Writer, row: &Value) -> PyResult {
    let d = w.dialect.downcast::<Dialect>().ok_or_else(|| PyErr::new_system("csv writer without a dialect"))?;
    let iter = protocol::get_iter(ctx, row).map_err(|e| {
        if e.matches(&types().type_error) {
            csv_error(format!("iterable expected, not {}", row.type_name()))
        } else {
            e
        }
    })?;
    let mut line: Vec<u32> = Vec::new();
    let mut count = 0usize;
    while let Some(field) = protocol::next(ctx, &iter)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text: Vec<u32> = if field.is_none() {
            Vec::new()
        } else if let Some(s) = field.as_str().filter(|_| protocol::isinstance(&field, &types().str)) {
            s.code_points().collect()
        } else {
            let s = protocol::str_(ctx, &field)?;
            s.as_str().map(|s| s.code_points().collect()).unwrap_or_default()
        };
        append_field(d, &mut line, count == 0, &text, quoted)?;
        count += 1;
    }
    if count > 0 && line.is_empty() {
        // A row of one empty field would read back as no fields: it is quoted.
        if d.quoting == QUOTE_NONE {
            return Err(csv_error("single empty field record must be quoted"));
        }
        append_field(d, &mut line, true, &[], true)?;
    }
    line.extend_from_slice(&d.lineterminator);
    let line = Value::Obj(PyStr::from_code_points_obj(&line));
    protocol::call_positional(ctx, &w.write, &[line])
}

fn writerows(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (me, rest) = pyrite_object::methods::method_args("writerows", args, 1, 1)?;
    let w = this(me)?;
    let rows = protocol::get_iter(ctx, &rest[0])?;
    while let Some(row) = protocol::next(ctx, &rows)? {
        write_row(ctx, w, &row)?;
    }
    Ok(Value::None)
}
