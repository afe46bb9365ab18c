//! The thread context passed to every operation that may run Python code.
//!
//! `pyrite-object` cannot depend on the VM, yet a list's `repr` may call a user's
//! `__repr__`. The VM registers its entry points in [`Hooks`] (plain function pointers)
//! and keeps its own state in [`Ctx::vm`]; everything here receives `&mut Ctx` explicitly.
//! There is no thread-local interpreter state.

use std::any::{Any, TypeId};

use pyrite_memory::ObjRef;

use crate::error::{PyErr, PyResult};
use crate::value::Value;

/// Arguments of a call: positional values followed by keyword values, and the names of the
/// keyword values (str objects), as in CPython's vectorcall convention.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional values, then keyword values.
    pub values: &'a [Value],
    /// Names of the trailing keyword values.
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional-only arguments.
    #[must_use]
    pub fn positional(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }

    /// The positional part.
    #[must_use]
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }

    /// The keyword part, as (name, value) pairs.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a Value, &'a Value)> {
        let start = self.values.len() - self.kwnames.len();
        self.kwnames.iter().zip(&self.values[start..])
    }
}

/// Entry points the VM registers.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// Calls a Python function object (payload `Function`) with arguments.
    pub call_function: fn(&mut Ctx, &ObjRef, Args<'_>) -> PyResult,
    /// The globals of the innermost running Python frame, if any (CPython's
    /// `PyEval_GetGlobals`).
    pub current_globals: fn(&mut Ctx) -> Option<ObjRef>,
    /// Brings a live frame object (payload `FrameObject`) up to date with its running frame:
    /// its line and locals.
    pub refresh_frame: fn(&mut Ctx, &ObjRef) -> PyResult<()>,
}

fn no_vm(_: &mut Ctx, _: &ObjRef, _: Args<'_>) -> PyResult {
    Err(PyErr::new_system("no virtual machine is registered to run Python functions"))
}

/// Native stack kept free for unwinding and error reporting once RecursionError is raised.
const NATIVE_STACK_RED_ZONE: usize = 2 * 1024 * 1024;

thread_local! {
    /// The lowest stack address native calls may start from on this thread (the stack's
    /// limit plus [`NATIVE_STACK_RED_ZONE`]); 0 until first needed, 1 when the limit is
    /// unknown (nothing is refused).
    static STACK_FLOOR: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// [`Ctx::check_native_stack`] below the floor, or before the floor is known: works the
/// floor out (the stack grows down) and refuses when `here` is below it.
#[cold]
#[inline(never)]
fn native_stack_low(here: usize, what: &str) -> PyResult<()> {
    let mut floor = STACK_FLOOR.get();
    if floor == 0 {
        floor = match stacker::remaining_stack() {
            Some(remaining) => here.saturating_sub(remaining).saturating_add(NATIVE_STACK_RED_ZONE).max(1),
            None => 1,
        };
        STACK_FLOOR.set(floor);
    }
    if here < floor {
        return Err(PyErr::recursion(what));
    }
    Ok(())
}

/// Per-thread interpreter context.
pub struct Ctx {
    /// The VM's entry points.
    pub hooks: Hooks,
    /// Current depth of nested Python and native calls.
    pub recursion_depth: u32,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// The exception being handled (`sys.exception()`), saved and restored by the
    /// `PUSH_EXC_INFO`/`POP_EXCEPT` instructions as CPython's `exc_info` is.
    pub exc_info: Option<ObjRef>,
    /// The containers whose `repr` is in progress (CPython's `Py_ReprEnter` list), so a
    /// container that contains itself shows as `[...]`.
    pub repr_active: Vec<ObjRef>,
    /// The VM's own per-thread state (see [`Ctx::set_vm`]); owned here, reached through `vm_ptr`.
    _vm: Box<dyn Any>,
    /// The type of `vm` and its address, so [`Ctx::vm_mut`] is a compare and a cast (the
    /// eval loop asks for its state on every call).
    vm_type: TypeId,
    vm_ptr: *mut (),
}

impl Ctx {
    /// A context with no VM attached (for tests of this crate).
    #[must_use]
    pub fn new() -> Ctx {
        crate::registry::init();
        Ctx {
            hooks: Hooks { call_function: no_vm, current_globals: |_| None, refresh_frame: |_, _| Ok(()) },
            recursion_depth: 0,
            recursion_limit: 1000,
            exc_info: None,
            repr_active: Vec::new(),
            _vm: Box::new(()),
            vm_type: TypeId::of::<()>(),
            vm_ptr: std::ptr::null_mut(),
        }
    }

    /// Attaches the VM's per-thread state.
    pub fn set_vm<T: Any>(&mut self, state: T) {
        let mut boxed = Box::new(state);
        self.vm_ptr = std::ptr::from_mut(&mut *boxed).cast::<()>();
        self.vm_type = TypeId::of::<T>();
        self._vm = boxed;
    }

    /// The VM's per-thread state, if it is a `T`.
    #[inline(always)]
    pub fn vm_mut<T: Any>(&mut self) -> Option<&mut T> {
        if self.vm_type == TypeId::of::<T>() {
            // SAFETY: `vm_ptr` is the address of the boxed `vm`, whose type is `vm_type`
            // (both set together by `set_vm`, the only writer); the box lives as long as
            // `self` and the borrow is tied to `&mut self`.
            Some(unsafe { &mut *self.vm_ptr.cast::<T>() })
        } else {
            None
        }
    }

    /// Enters a nested call, failing with RecursionError past the limit.
    #[inline]
    pub fn enter_call(&mut self, what: &str) -> PyResult<()> {
        self.recursion_depth += 1;
        if self.recursion_depth > self.recursion_limit {
            self.recursion_depth -= 1;
            return Err(PyErr::recursion(what));
        }
        Ok(())
    }

    /// Enters a call made from native code (a dunder method called by `repr`, a sort key,
    /// a native function): counted like [`Ctx::enter_call`], and also refused when the
    /// native stack is nearly exhausted, so deep native recursion raises RecursionError
    /// instead of overflowing the stack.
    #[inline]
    pub fn enter_native_call(&mut self, what: &str) -> PyResult<()> {
        self.check_native_stack(what)?;
        self.enter_call(what)
    }

    /// RecursionError when the native stack is nearly exhausted; for native code that
    /// recurses without counting a call (CPython counts no call when C code calls a Python
    /// function: the function's frame counts).
    #[inline]
    pub fn check_native_stack(&self, what: &str) -> PyResult<()> {
        // The address of a local stands for the stack pointer; the lowest address allowed
        // is worked out once per thread (asking for the stack pointer and the thread's
        // stack limit each time cost a few dozen instructions per native call).
        let marker = 0u8;
        let here = std::hint::black_box(&raw const marker) as usize;
        let floor = STACK_FLOOR.get();
        if here < floor || floor == 0 {
            return native_stack_low(here, what);
        }
        Ok(())
    }

    /// Leaves a nested call.
    #[inline]
    pub fn leave_call(&mut self) {
        self.recursion_depth -= 1;
    }
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx::new()
    }
}
