//! The `_ast` module: the AST node classes (`ast.AST`, `ast.Module`, `ast.Name`, ...) that
//! CPython's `ast.py` re-exports, built from `nodes.txt` (one line per class of Python
//! 3.11's grammar: `name:base:fields:attributes:optional fields`). The classes are defined
//! in Python source run when the module is first imported. Turning source into these
//! nodes (`ast.parse`) is not supported yet: `compile()` says so.

use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::Module;
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value, protocol};

const NODES: &str = include_str!("nodes.txt");

const BUILD: &str = r#"
class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            plural = "" if len(fields) == 1 else "s"
            raise TypeError(f"{type(self).__name__} constructor takes at most "
                            f"{len(fields)} positional argument{plural}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(f"{type(self).__name__} got multiple values for argument {name!r}")
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__ or None


def _build(table):
    namespace = globals()
    for line in table.splitlines():
        if not line:
            continue
        name, base, fields, attributes, optional = line.split(":")
        body = {"_fields": tuple(fields.split()), "__match_args__": tuple(fields.split())}
        if attributes:
            body["_attributes"] = tuple(attributes.split())
        for field in optional.split():
            body[field] = None
        namespace[name] = type(name, (namespace[base],), body)


_build(_NODES)
del _build, _NODES
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192
"#;

/// Makes the module by running [`BUILD`] in its namespace.
pub fn make(ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_ast", &[]);
    let dict = module.downcast::<Module>().map(|m| m.dict.clone()).ok_or_else(|| PyErr::new_system("_ast"))?;
    if let Some(d) = dict.downcast::<PyDict>() {
        // Classes defined here belong to `ast`, as CPython's do.
        d.set_str("__name__", Value::str("ast"));
        d.set_str("_NODES", Value::str(NODES));
        let builtins = pyrite_vm::import_module(ctx, "builtins")?;
        d.set_str("__builtins__", builtins.clone());
        let exec = protocol::getattr(ctx, &builtins, &Value::str("exec"))?;
        protocol::call_positional(ctx, &exec, &[Value::str(BUILD), Value::Obj(dict.clone())])?;
        d.set_str("__name__", Value::str("_ast"));
    }
    Ok(module)
}
