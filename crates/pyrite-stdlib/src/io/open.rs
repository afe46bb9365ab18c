//! `open()` (CPython's `_io.open`: mode checking, then `FileIO`, a buffer, and a
//! `TextIOWrapper` for text modes), `open_code`, `text_encoding`, and the standard streams.

use pyrite_object::methods::params::Params;
use pyrite_object::types::dict::PyDict;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

use super::{DEFAULT_BUFFER_SIZE, buffered, call_method, fileio, int_arg, textio};

const OPEN: Params =
    Params::new("open", &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"])
        .required(1);

fn optional_str(value: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match value {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().to_owned())),
            None => {
                Err(PyErr::type_error(format!("open() argument '{what}' must be str or None, not {}", v.type_name())))
            }
        },
    }
}

fn call(ctx: &mut Ctx, ty: &pyrite_memory::ObjRef, args: &[Value]) -> PyResult {
    protocol::call_positional(ctx, &Value::Obj(ty.clone()), args)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = OPEN.bind(args)?;
    let file = file.cloned().unwrap_or(Value::None);
    let mode = match mode {
        None => "r".to_owned(),
        Some(m) => match m.as_str() {
            Some(s) => s.as_str().to_owned(),
            None => {
                return Err(PyErr::type_error(format!("open() argument 'mode' must be str, not {}", m.type_name())));
            }
        },
    };
    let mut buffering = match buffering {
        None => -1,
        Some(Value::Float(_)) => {
            return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
        }
        Some(b) => int_arg(ctx, b)?,
    };
    let encoding = optional_str(encoding, "encoding")?;
    let errors = optional_str(errors, "errors")?;
    let newline = optional_str(newline, "newline")?;
    let closefd = match closefd {
        None => true,
        Some(c) => protocol::truthy(ctx, c)?,
    };
    let is_fd =
        matches!(file, Value::Int(_) | Value::Bool(_)) || file.downcast::<pyrite_object::types::int::PyInt>().is_some();
    if !is_fd && file.as_str().is_none() && fileio::fspath(ctx, &file)?.is_none() {
        return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", file.type_name())));
    }
    let (mut creating, mut reading, mut writing, mut appending, mut updating, mut text, mut binary) =
        (false, false, false, false, false, false, false);
    let chars: Vec<char> = mode.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let flag = match c {
            'x' => &mut creating,
            'r' => &mut reading,
            'w' => &mut writing,
            'a' => &mut appending,
            '+' => &mut updating,
            't' => &mut text,
            'b' => &mut binary,
            _ => return Err(PyErr::value_error(format!("invalid mode: '{mode}'"))),
        };
        *flag = true;
        if chars[i + 1..].contains(&c) {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
    }
    let mut rawmode = String::new();
    for (on, c) in [(creating, 'x'), (reading, 'r'), (writing, 'w'), (appending, 'a'), (updating, '+')] {
        if on {
            rawmode.push(c);
        }
    }
    if text && binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    if u8::from(creating) + u8::from(reading) + u8::from(writing) + u8::from(appending) > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if binary && encoding.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
    }
    let opener = opener.cloned().unwrap_or(Value::None);
    let raw = call(ctx, fileio::fileio_type(), &[file, Value::str(&rawmode), Value::Bool(closefd), opener])?;
    let result = wrap(
        ctx,
        &raw,
        &mode,
        &mut buffering,
        binary,
        updating,
        [encoding, errors, newline],
        (creating, writing, appending),
    );
    if result.is_err() {
        let _ = call_method(ctx, &raw, "close", &[]);
    }
    result
}

#[expect(clippy::too_many_arguments, reason = "the steps of one algorithm, split out for length")]
fn wrap(
    ctx: &mut Ctx,
    raw: &Value,
    mode: &str,
    buffering: &mut i64,
    binary: bool,
    updating: bool,
    [encoding, errors, newline]: [Option<String>; 3],
    (creating, writing, appending): (bool, bool, bool),
) -> PyResult {
    let mut line_buffering = false;
    if *buffering == 1 || *buffering < 0 {
        let tty = call_method(ctx, raw, "isatty", &[])?;
        if *buffering == 1 || protocol::truthy(ctx, &tty)? {
            line_buffering = *buffering == 1 || !binary;
            if *buffering == 1 && binary {
                line_buffering = false;
            }
            *buffering = -1;
        }
    }
    if *buffering < 0 {
        *buffering = raw
            .downcast::<fileio::FileIo>()
            .map_or(DEFAULT_BUFFER_SIZE as i64, |f| i64::try_from(f.blksize()).unwrap_or(8192));
    }
    if *buffering == 0 {
        if binary {
            return Ok(raw.clone());
        }
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    let buffer_type = if updating {
        buffered::random_type()
    } else if creating || writing || appending {
        buffered::writer_type()
    } else {
        buffered::reader_type()
    };
    let buffer = call(ctx, buffer_type, &[raw.clone(), Value::Int(*buffering)])?;
    if binary {
        return Ok(buffer);
    }
    let opt = |s: Option<String>| s.map_or(Value::None, |s| Value::str(&s));
    let wrapper = call(
        ctx,
        textio::textiowrapper_type(),
        &[buffer, opt(encoding), opt(errors), opt(newline), Value::Bool(line_buffering)],
    )?;
    protocol::setattr(ctx, &wrapper, &Value::str("mode"), Some(Value::str(mode)))?;
    Ok(wrapper)
}

/// `open_code(path)`: the file opened for reading as bytes.
pub fn open_code(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let [path] = Params::new("open_code", &["path"]).required(1).bind(args)?;
    let path = path.cloned().unwrap_or(Value::None);
    if path.as_str().is_none() {
        return Err(PyErr::type_error(format!("open_code() argument 'path' must be str, not {}", path.type_name())));
    }
    open(ctx, Args::positional(&[path, Value::str("rb")]))
}

/// `text_encoding(encoding, stacklevel=2)`: the encoding, or `"locale"` for `None`.
pub fn text_encoding(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let [encoding, _] = Params::new("text_encoding", &["encoding", "stacklevel"]).required(1).bind(args)?;
    Ok(match encoding {
        None | Some(Value::None) => Value::str("locale"),
        Some(e) => e.clone(),
    })
}

/// `sys.stdin`, `sys.stdout` or `sys.stderr` over descriptor `fd` (None when the
/// descriptor is not open).
pub fn std_stream(ctx: &mut Ctx, fd: i64) -> PyResult<Value> {
    let raw_mode = if fd == 0 { "rb" } else { "wb" };
    let raw = call(ctx, fileio::fileio_type(), &[Value::Int(fd), Value::str(raw_mode), Value::Bool(false)])?;
    let name = ["<stdin>", "<stdout>", "<stderr>"][usize::try_from(fd).unwrap_or(0).min(2)];
    if let Some(dict) = raw.as_obj().and_then(|o| protocol::instance_dict(o, true))
        && let Some(d) = dict.downcast::<PyDict>()
    {
        d.set_str("name", Value::str(name));
    }
    let tty = call_method(ctx, &raw, "isatty", &[])?;
    let tty = protocol::truthy(ctx, &tty)?;
    let buffer_type = if fd == 0 { buffered::reader_type() } else { buffered::writer_type() };
    let buffer = call(ctx, buffer_type, &[raw])?;
    let errors = if fd == 2 { "backslashreplace" } else { "strict" };
    let line_buffering = tty || fd == 2;
    let text = call(
        ctx,
        textio::textiowrapper_type(),
        &[buffer, Value::str("utf-8"), Value::str(errors), Value::str("\n"), Value::Bool(line_buffering)],
    )?;
    protocol::setattr(ctx, &text, &Value::str("mode"), Some(Value::str(if fd == 0 { "r" } else { "w" })))?;
    Ok(text)
}
