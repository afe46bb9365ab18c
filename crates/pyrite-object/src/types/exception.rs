//! Exception instances and traceback entries.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::registry::types;
use crate::types::list::PyTuple;
use crate::value::Value;

/// The payload of every exception instance (`BaseException` and subclasses).
pub struct PyException {
    /// `args`: a tuple.
    pub args: PayloadCell<Value>,
    /// `__traceback__`: a `Traceback` object or None.
    pub traceback: PayloadCell<Option<ObjRef>>,
    /// `__cause__`.
    pub cause: PayloadCell<Option<ObjRef>>,
    /// `__context__`.
    pub context: PayloadCell<Option<ObjRef>>,
    /// `__suppress_context__`.
    pub suppress_context: std::cell::Cell<bool>,
    /// `__dict__` (attributes of subclasses, `__notes__`), created on first use.
    pub dict: PayloadCell<Option<ObjRef>>,
    /// For `BaseExceptionGroup` instances: the message (a str) and the exceptions tuple.
    pub group: PayloadCell<Option<(Value, ObjRef)>>,
}

impl Trace for PyException {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.args.borrow().traverse(visit);
        if let Some((message, excs)) = &*self.group.borrow() {
            message.traverse(visit);
            visit(excs);
        }
        for slot in [&self.traceback, &self.cause, &self.context, &self.dict] {
            if let Some(obj) = &*slot.borrow() {
                visit(obj);
            }
        }
    }

    fn clear(&self) {
        let old = (
            self.args.replace(Value::None),
            self.traceback.replace(None),
            self.cause.replace(None),
            self.context.replace(None),
            self.dict.replace(None),
            self.group.replace(None),
        );
        drop(old);
    }
}

payload!(PyException, "BaseException", tracked);

/// Creates an exception instance of type `ty` with `args`.
#[must_use]
pub fn new_exception(ty: &ObjRef, args: Vec<Value>) -> ObjRef {
    let payload = PyException {
        args: PayloadCell::new(Value::Obj(PyTuple::new_obj(args))),
        traceback: PayloadCell::new(None),
        cause: PayloadCell::new(None),
        context: PayloadCell::new(None),
        suppress_context: std::cell::Cell::new(false),
        dict: PayloadCell::new(None),
        group: PayloadCell::new(None),
    };
    ObjRef::new(payload, Some(ty))
}

impl PyException {
    /// The `args` tuple's items.
    #[must_use]
    pub fn args_vec(&self) -> Vec<Value> {
        self.args.borrow().downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default()
    }

    /// For an exception group: its sub-exceptions.
    #[must_use]
    pub fn group_exceptions(&self) -> Option<Vec<Value>> {
        let group = self.group.borrow();
        let (_, excs) = group.as_ref()?;
        Some(excs.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default())
    }

    /// For an exception group: its message.
    #[must_use]
    pub fn group_message(&self) -> Option<Value> {
        self.group.borrow().as_ref().map(|(m, _)| m.clone())
    }
}

/// One entry of a traceback: where an exception passed through.
pub struct Traceback {
    /// The next (inner) entry.
    pub next: PayloadCell<Option<ObjRef>>,
    /// The `Code` object running at this entry.
    pub code: ObjRef,
    /// The globals of the frame it ran in (for `tb_frame`).
    pub globals: ObjRef,
    /// Index of the code unit that was executing.
    pub lasti: u32,
}

impl Trace for Traceback {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(next) = &*self.next.borrow() {
            visit(next);
        }
        visit(&self.code);
        visit(&self.globals);
    }

    fn clear(&self) {
        let old = self.next.replace(None);
        drop(old);
    }
}

payload!(Traceback, "traceback", tracked);

impl Traceback {
    /// A new traceback entry in front of `next`.
    #[must_use]
    pub fn new_obj(code: ObjRef, globals: ObjRef, lasti: u32, next: Option<ObjRef>) -> ObjRef {
        ObjRef::new(Traceback { next: PayloadCell::new(next), code, globals, lasti }, Some(&types().traceback))
    }
}

/// Whether loading and storing `name` on instances of `ty` is plain `object` attribute
/// access: the type keeps `BaseException`'s attribute slots (no Python `__getattribute__`
/// or `__setattr__`), and `name` is none of those the slots answer themselves (`args`,
/// the chaining fields, the fields of `OSError`, `SyntaxError`, `StopIteration`,
/// `SystemExit` and exception groups; every dunder, to be safe). The caller still checks
/// the MRO for a data descriptor (a property, a `__slots__` member) and guards on the
/// type's version tag, which any change of the slots bumps.
#[must_use]
pub fn attrs_are_generic(ty: &ObjRef, name: &str) -> bool {
    use crate::types::typeobj::{GetAttrFn, SetAttrFn, type_payload};
    let slots = type_payload(ty).slots();
    let getattro =
        slots.getattro.is_some_and(|f| std::ptr::fn_addr_eq(f, crate::methods::exception_getattro as GetAttrFn));
    let setattro =
        slots.setattro.is_some_and(|f| std::ptr::fn_addr_eq(f, crate::methods::exception_setattro as SetAttrFn));
    getattro
        && setattro
        && !name.starts_with("__")
        && !matches!(
            name,
            "args"
                | "value"
                | "errno"
                | "strerror"
                | "filename"
                | "filename2"
                | "characters_written"
                | "winerror"
                | "msg"
                | "lineno"
                | "offset"
                | "text"
                | "end_lineno"
                | "end_offset"
                | "print_file_and_line"
                | "code"
                | "message"
                | "exceptions"
                | "name"
                | "path"
                | "obj"
                | "object"
                | "start"
                | "end"
                | "reason"
                | "encoding"
        )
}
