//! The `_ast` module: the AST node classes (`ast.AST`, `ast.Module`, `ast.Name`, ...) that
//! CPython's `ast.py` re-exports, built from `nodes.txt` (one line per class of Python
//! 3.11's grammar: `name:base:fields:attributes:optional fields`). The classes are defined
//! in Python source run when the module is first imported, with `to_source.py` (how
//! `compile()` turns AST objects back into code). [`convert`] turns source into nodes
//! (`ast.parse`); both directions reach `compile()` through [`pyrite_vm::AstHooks`].

mod convert;

use pyrite_object::{Ctx, ObjRef, PyResult, Value, protocol};

const NODES: &str = include_str!("nodes.txt");
const TO_SOURCE: &str = include_str!("to_source.py");

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

/// Makes the module by running [`BUILD`] in its namespace (named `ast` while it runs, so
/// the classes belong to `ast` as CPython's do).
pub fn make(ctx: &mut Ctx) -> PyResult<ObjRef> {
    crate::pysource::module_from_source(
        ctx,
        "_ast",
        &format!("{BUILD}\n{TO_SOURCE}"),
        &[("__name__", Value::str("ast")), ("_NODES", Value::str(NODES))],
    )
}

/// The conversions `compile()` uses, for [`pyrite_vm::set_ast_hooks`].
pub fn hooks() -> pyrite_vm::AstHooks {
    pyrite_vm::AstHooks { parse: convert::parse, to_source }
}

/// If `source` is an AST object, checks it for `mode` and returns the source text to compile.
fn to_source(ctx: &mut Ctx, source: &Value, mode: &str) -> PyResult<Option<String>> {
    let module = pyrite_vm::import_module(ctx, "_ast")?;
    let base = protocol::getattr_str(ctx, &module, "AST")?;
    let Some(base) = base.as_obj() else { return Ok(None) };
    if !protocol::isinstance(source, base) {
        return Ok(None);
    }
    let convert = protocol::getattr_str(ctx, &module, "_to_source")?;
    let text = protocol::call_positional(ctx, &convert, &[source.clone(), Value::str(mode)])?;
    Ok(Some(text.as_str().map(|s| s.as_str().to_owned()).unwrap_or_default()))
}
