//! The one interior-mutability cell for object payloads, and the cell for process-wide
//! state that the GIL protects.
//!
//! The rule (see the crate docs): no borrow of an object's insides is held across anything
//! that can run Python code or allocate. Debug builds check it and panic on a violation (a
//! bug in Pyrite, never something a Python program can cause); release builds do not pay
//! for the check.

#[cfg(debug_assertions)]
use std::cell::Cell;
use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};

/// Interior mutability for the mutable parts of object payloads.
pub struct PayloadCell<T> {
    value: UnsafeCell<T>,
    /// Debug-only borrow state: 0 free, >0 shared borrows, -1 exclusive.
    #[cfg(debug_assertions)]
    state: Cell<isize>,
}

impl<T: Default> Default for PayloadCell<T> {
    fn default() -> Self {
        PayloadCell::new(T::default())
    }
}

impl<T> PayloadCell<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        PayloadCell {
            value: UnsafeCell::new(value),
            #[cfg(debug_assertions)]
            state: Cell::new(0),
        }
    }

    /// Borrows the contents for reading.
    #[inline]
    pub fn borrow(&self) -> PayloadRef<'_, T> {
        #[cfg(debug_assertions)]
        {
            let s = self.state.get();
            assert!(s >= 0, "payload borrowed while mutably borrowed");
            self.state.set(s + 1);
        }
        PayloadRef { cell: self }
    }

    /// Borrows the contents for writing.
    #[inline]
    pub fn borrow_mut(&self) -> PayloadMut<'_, T> {
        #[cfg(debug_assertions)]
        {
            assert!(self.state.get() == 0, "payload mutably borrowed while borrowed");
            self.state.set(-1);
        }
        PayloadMut { cell: self }
    }

    /// Replaces the contents, returning the old value (dropped by the caller after the
    /// borrow ends, so a `__del__` it triggers sees a consistent object).
    #[inline]
    pub fn replace(&self, value: T) -> T {
        std::mem::replace(&mut *self.borrow_mut(), value)
    }

    /// Consumes the cell.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

/// A shared borrow of a [`PayloadCell`].
pub struct PayloadRef<'a, T> {
    cell: &'a PayloadCell<T>,
}

impl<T> Deref for PayloadRef<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the borrow rule of this module: while a PayloadRef lives no PayloadMut of
        // the same cell exists (checked in debug builds).
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for PayloadRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        #[cfg(debug_assertions)]
        self.cell.state.set(self.cell.state.get() - 1);
    }
}

/// An exclusive borrow of a [`PayloadCell`].
pub struct PayloadMut<'a, T> {
    cell: &'a PayloadCell<T>,
}

impl<T> Deref for PayloadMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: exclusive borrow, see `PayloadCell::borrow_mut`.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for PayloadMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: exclusive borrow, see `PayloadCell::borrow_mut`.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for PayloadMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        #[cfg(debug_assertions)]
        self.cell.state.set(0);
    }
}

/// Process-wide state that only the thread holding the GIL touches.
///
/// Safety contract: `with` may only be called by the GIL holder, and the closure must not
/// re-enter `with` on the same cell (nothing in it may free objects or run Python code).
pub struct GilCell<T> {
    value: UnsafeCell<T>,
}

// SAFETY: every access goes through `with`, whose contract requires holding the GIL, so
// accesses from different threads never overlap.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        GilCell { value: UnsafeCell::new(value) }
    }

    /// Runs `f` with exclusive access.
    ///
    /// # Safety
    /// The caller holds the GIL and `f` does not re-enter `with` on this cell.
    #[inline]
    pub unsafe fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: guaranteed by the caller (see the contract above).
        f(unsafe { &mut *self.value.get() })
    }
}
