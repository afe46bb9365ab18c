//! What CPython's `site` module adds to the builtins, made natively so start-up stays
//! fast: `exit` and `quit` (`_sitebuiltins.Quitter` objects).

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::instance::Instance;
use pyrite_object::types::typeobj::{self, StaticType, TYPE_BASETYPE};
use pyrite_object::{Args, Ctx, ObjRef, PyErr, PyResult, Value, protocol, types};

use crate::state::vm;

fn quitter_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        typeobj::new_native_type_with("Quitter", "_sitebuiltins", None, TYPE_BASETYPE, |slots| {
            slots.repr = Some(quitter_repr);
            slots.call = Some(quitter_call);
        })
    })
}

fn quitter(name: &str) -> Value {
    let obj = ObjRef::new(Instance::default(), Some(quitter_type()));
    if let Some(d) = protocol::instance_dict(&obj, true).as_ref().and_then(|d| d.downcast::<PyDict>()) {
        d.set_str("name", Value::str(name));
        d.set_str("eof", Value::str("Ctrl-D (i.e. EOF)"));
    }
    Value::Obj(obj)
}

/// Adds `exit` and `quit` to the builtins.
pub fn install(builtins: &PyDict) {
    builtins.set_str("exit", quitter("exit"));
    builtins.set_str("quit", quitter("quit"));
}

fn quitter_repr(ctx: &mut Ctx, this: &Value) -> PyResult {
    let name = protocol::getattr_str(ctx, this, "name")?;
    let eof = protocol::getattr_str(ctx, this, "eof")?;
    let (name, eof) = (protocol::str_string(ctx, &name)?, protocol::str_string(ctx, &eof)?);
    Ok(Value::str(&format!("Use {name}() or {eof} to exit")))
}

/// `exit(code=None)`: closes `sys.stdin` (ignoring any error) and raises `SystemExit(code)`.
fn quitter_call(ctx: &mut Ctx, _: &Value, args: Args<'_>) -> PyResult {
    let positional = args.pos();
    if positional.len() > 1 || !args.kwnames.is_empty() {
        let given = positional.len() + args.kwnames.len();
        return Err(PyErr::type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            given + 1
        )));
    }
    let code = positional.first().cloned().unwrap_or(Value::None);
    let sys = vm(ctx).sys.clone();
    let stdin = sys.downcast::<PyDict>().and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("stdin")));
    if let Some(stdin) = stdin
        && let Ok(close) = protocol::getattr_str(ctx, &stdin, "close")
    {
        let _ = protocol::call_positional(ctx, &close, &[]);
    }
    Err(PyErr::with_args(&types().system_exit, vec![code]))
}
