//! `print` and `input`, and the flush of the standard streams: through the `sys.stdout`,
//! `sys.stderr` and `sys.stdin` objects once the standard library has installed them
//! (natively when `Streams::fast_write` knows the object), straight to the process's
//! stdout before that.

use std::io::Write as _;

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

use super::{check_keywords, keyword, optional_str};
use crate::state::vm;

/// Where output goes.
enum Target {
    /// No stream objects installed: the process's stdout, directly.
    Direct,
    /// `sys.stdout` is None: output is dropped, as CPython does.
    Nowhere,
    Stream(Value),
}

/// `sys.<name>` (`None` if unset).
fn sys_attr(ctx: &mut Ctx, name: &str) -> Option<Value> {
    let sys = vm(ctx).sys.clone();
    sys.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str(name)))
}

fn stdout_target(ctx: &mut Ctx) -> PyResult<Target> {
    if !vm(ctx).streams.installed {
        return Ok(Target::Direct);
    }
    match sys_attr(ctx, "stdout") {
        None => Err(PyErr::runtime_error("lost sys.stdout")),
        Some(Value::None) => Ok(Target::Nowhere),
        Some(stream) => Ok(Target::Stream(stream)),
    }
}

/// Calls `obj.name(*args)`.
fn call_method(ctx: &mut Ctx, obj: &Value, name: &str, args: &[Value]) -> PyResult {
    let (callable, this) = protocol::get_method(ctx, obj, &Value::str(name))?;
    let mut all = Vec::with_capacity(args.len() + 1);
    all.extend(this);
    all.extend_from_slice(args);
    protocol::call(ctx, &callable, Args::positional(&all))
}

/// Writes text to a stream object: natively when possible, else by its `write` method.
fn write_to(ctx: &mut Ctx, stream: &Value, text: &str) -> PyResult<()> {
    if let Some(fast) = vm(ctx).streams.fast_write
        && let Some(result) = fast(ctx, stream, text)
    {
        return result;
    }
    call_method(ctx, stream, "write", &[Value::str(text)]).map(drop)
}

fn write_direct(ctx: &mut Ctx, text: &str) -> PyResult<()> {
    vm(ctx).streams.write_stdout(text).map_err(|e| PyErr::new(&types().os_error, e.to_string()))
}

/// Writes text to `sys.stdout` (the interactive display hook's output).
pub fn write_stdout(ctx: &mut Ctx, text: &str) -> PyResult<()> {
    match stdout_target(ctx)? {
        Target::Direct => write_direct(ctx, text),
        Target::Nowhere => Ok(()),
        Target::Stream(stream) => write_to(ctx, &stream, text),
    }
}

/// Flushes `sys.stdout` and `sys.stderr`, and the original streams when they were
/// replaced (before writing to the process's stderr directly, and at exit). Errors are
/// ignored.
pub fn flush_std_streams(ctx: &mut Ctx) {
    let _ = vm(ctx).streams.stdout.flush();
    if !vm(ctx).streams.installed {
        return;
    }
    let mut done: Vec<Value> = Vec::new();
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        let Some(stream) = sys_attr(ctx, name) else { continue };
        if stream.is_none() || done.iter().any(|d| d.is(&stream)) {
            continue;
        }
        let _ = call_method(ctx, &stream, "flush", &[]);
        done.push(stream);
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn builtin_print(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    check_keywords(&args, "print", &["sep", "end", "file", "flush"])?;
    let sep = optional_str(keyword(&args, "sep"), " ", "sep")?;
    let end = optional_str(keyword(&args, "end"), "\n", "end")?;
    let target = match keyword(&args, "file") {
        Some(file) if !file.is_none() => Target::Stream(file.clone()),
        _ => stdout_target(ctx)?,
    };
    let stream = match target {
        Target::Nowhere => return Ok(Value::None),
        Target::Direct => {
            let text = print_text(ctx, args.pos(), &sep, &end)?;
            write_direct(ctx, &text)?;
            if let Some(flush) = keyword(&args, "flush")
                && protocol::truthy(ctx, flush)?
            {
                let _ = vm(ctx).streams.stdout.flush();
            }
            return Ok(Value::None);
        }
        Target::Stream(stream) => stream,
    };
    let native = vm(ctx).streams.fast_write;
    let mut handled = false;
    if let Some(fast) = native {
        let text = print_text(ctx, args.pos(), &sep, &end)?;
        if let Some(result) = fast(ctx, &stream, &text) {
            result?;
            handled = true;
        }
    }
    if !handled {
        // As CPython: one `write` call per piece.
        let sep_value = Value::str(&sep);
        for (i, value) in args.pos().iter().enumerate() {
            if i > 0 {
                call_method(ctx, &stream, "write", std::slice::from_ref(&sep_value))?;
            }
            let text = protocol::str_(ctx, value)?;
            call_method(ctx, &stream, "write", &[text])?;
        }
        call_method(ctx, &stream, "write", &[Value::str(&end)])?;
    }
    if let Some(flush) = keyword(&args, "flush")
        && protocol::truthy(ctx, flush)?
    {
        call_method(ctx, &stream, "flush", &[])?;
    }
    Ok(Value::None)
}

fn print_text(ctx: &mut Ctx, values: &[Value], sep: &str, end: &str) -> PyResult<String> {
    let mut text = String::new();
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            text.push_str(sep);
        }
        text.push_str(&protocol::str_string(ctx, value)?);
    }
    text.push_str(end);
    Ok(text)
}

/// `input(prompt='')`: writes the prompt to `sys.stdout`, reads a line from `sys.stdin`;
/// `EOFError` at the end of the input.
pub fn builtin_input(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = pyrite_object::methods::check_args("input", args, 0, 1)?;
    if !vm(ctx).streams.installed {
        return input_direct(ctx, values.first());
    }
    let lost = |name: &str| PyErr::runtime_error(format!("input(): lost sys.{name}"));
    let stdin = sys_attr(ctx, "stdin").filter(|v| !v.is_none()).ok_or_else(|| lost("stdin"))?;
    let stdout = sys_attr(ctx, "stdout").filter(|v| !v.is_none()).ok_or_else(|| lost("stdout"))?;
    if let Some(stderr) = sys_attr(ctx, "stderr").filter(|v| !v.is_none()) {
        let _ = call_method(ctx, &stderr, "flush", &[]);
    }
    if let Some(prompt) = values.first() {
        let text = protocol::str_string(ctx, prompt)?;
        write_to(ctx, &stdout, &text)?;
    }
    call_method(ctx, &stdout, "flush", &[])?;
    let line = call_method(ctx, &stdin, "readline", &[])?;
    let Some(s) = line.as_str() else {
        return Err(PyErr::type_error("object.readline() returned non-string"));
    };
    if s.is_empty() {
        return Err(PyErr::new(&types().eof_error, "EOF when reading a line"));
    }
    let cps: Vec<u32> = s.code_points().collect();
    let cps = cps.strip_suffix(&[u32::from('\n')]).unwrap_or(&cps);
    Ok(Value::Obj(PyStr::from_code_points_obj(cps)))
}

fn input_direct(ctx: &mut Ctx, prompt: Option<&Value>) -> PyResult {
    if let Some(prompt) = prompt {
        let text = protocol::str_string(ctx, prompt)?;
        write_direct(ctx, &text)?;
    }
    let _ = vm(ctx).streams.stdout.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(&types().eof_error, "EOF when reading a line")),
        Ok(_) => Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line))),
        Err(e) => Err(PyErr::new(&types().os_error, e.to_string())),
    }
}
