//! How payloads report the references they own, for the cycle collector.

use crate::header::ObjRef;

/// Implemented by every payload. `traverse` must visit exactly the strong references the
/// payload owns (one edge too many frees a live object); `clear` drops them to break a
/// cycle, leaving the payload in a valid (possibly empty) state.
///
/// The header's references (the managed `__dict__` and the type) are reported by
/// [`ObjRef::traverse`] itself: a payload must not report them again. Report an `ObjRef`
/// field with `visit(&field)`; `field.traverse(visit)` would report the field's own
/// references instead. `traverse` must not allocate, drop references or run Python code.
pub trait Trace {
    /// Visits each owned reference once.
    fn traverse(&self, _visit: &mut dyn FnMut(&ObjRef)) {}

    /// Drops the owned references that may take part in cycles.
    fn clear(&self) {}
}
