//! `property`, `classmethod`, `staticmethod` and `super`.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::value::Value;

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: PayloadCell<Value>,
    pub fset: PayloadCell<Value>,
    pub fdel: PayloadCell<Value>,
    pub doc: PayloadCell<Value>,
    /// The attribute name `__set_name__` gave (None until then), for error messages.
    pub name: PayloadCell<Value>,
}

impl Property {
    /// A property with these accessors and docstring, not yet named.
    #[must_use]
    pub fn new(fget: Value, fset: Value, fdel: Value, doc: Value) -> Property {
        Property {
            fget: PayloadCell::new(fget),
            fset: PayloadCell::new(fset),
            fdel: PayloadCell::new(fdel),
            doc: PayloadCell::new(doc),
            name: PayloadCell::new(Value::None),
        }
    }
}

impl Trace for Property {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for cell in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            cell.borrow().traverse(visit);
        }
    }

    fn clear(&self) {
        let old = (self.fget.replace(Value::None), self.fset.replace(Value::None), self.fdel.replace(Value::None));
        drop(old);
    }
}

payload!(Property, "property", tracked);

/// `classmethod(func)`.
pub struct ClassMethod {
    pub func: PayloadCell<Value>,
}

impl Trace for ClassMethod {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.borrow().traverse(visit);
    }

    fn clear(&self) {
        drop(self.func.replace(Value::None));
    }
}

payload!(ClassMethod, "classmethod", tracked);

/// `staticmethod(func)`.
pub struct StaticMethod {
    pub func: PayloadCell<Value>,
}

impl Trace for StaticMethod {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.borrow().traverse(visit);
    }

    fn clear(&self) {
        drop(self.func.replace(Value::None));
    }
}

payload!(StaticMethod, "staticmethod", tracked);

/// `super(type, obj)`: attribute lookup starting after `this_type` in the MRO of `obj_type`.
pub struct Super {
    pub this_type: ObjRef,
    pub obj: Value,
    pub obj_type: ObjRef,
}

impl Trace for Super {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.this_type);
        self.obj.traverse(visit);
        visit(&self.obj_type);
    }
}

payload!(Super, "super", tracked);
