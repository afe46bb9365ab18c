//! How payloads report the references they own, for the cycle collector.

use crate::header::ObjRef;

/// Implemented by every payload. `traverse` must visit exactly the strong references the
/// payload owns (one edge too many frees a live object); `clear` drops them to break a
/// cycle, leaving the payload in a valid (possibly empty) state.
pub trait Trace {
    /// Visits each owned reference once.
    fn traverse(&self, _visit: &mut dyn FnMut(&ObjRef)) {}

    /// Drops the owned references that may take part in cycles.
    fn clear(&self) {}
}
