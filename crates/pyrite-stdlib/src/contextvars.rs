//! The `_contextvars` module (`ContextVar`, `Token`, `Context`, `copy_context`) for one
//! thread: the current context is a mapping replaced (never mutated) by `ContextVar.set`,
//! so copies are cheap snapshots, as CPython's immutable mappings make them. Written in
//! Python source run when the module is first imported.

use pyrite_object::{Ctx, ObjRef, PyResult, Value};

const SOURCE: &str = r#"
_NO_DEFAULT = object()


class Token:
    MISSING = type("_MissingType", (), {"__repr__": lambda self: "<Token.MISSING>"})()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"

    __class_getitem__ = classmethod(lambda cls, item: _GenericAlias(cls, item))


class ContextVar:
    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _current[0]._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _current[0]
        old = context._data.get(self, Token.MISSING)
        data = dict(context._data)
        data[self] = value
        context._data = data
        return Token(context, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {type(token).__name__!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        context = _current[0]
        if token._context is not context:
            raise ValueError(f"{token!r} was created in a different Context")
        data = dict(context._data)
        if token._old_value is Token.MISSING:
            data.pop(self, None)
        else:
            data[self] = token._old_value
        context._data = data
        token._used = True

    def __hash__(self):
        return object.__hash__(self)

    def __repr__(self):
        default = "" if self._default is _NO_DEFAULT else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"

    __class_getitem__ = classmethod(lambda cls, item: _GenericAlias(cls, item))


class Context:
    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        previous = _current[0]
        self._entered = True
        _current[0] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current[0] = previous
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    return _current[0].copy()


_current = [Context()]
for _cls in (Token, ContextVar, Context):
    _cls.__module__ = "_contextvars"
del _cls
"#;

/// Makes the module by running [`SOURCE`] in its namespace.
pub fn make(ctx: &mut Ctx) -> PyResult<ObjRef> {
    let alias = Value::Obj(pyrite_object::methods::generic_alias::generic_alias_type().clone());
    crate::pysource::module_from_source(ctx, "_contextvars", SOURCE, &[("_GenericAlias", alias)])
}
