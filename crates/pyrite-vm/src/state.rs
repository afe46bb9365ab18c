//! The VM's per-thread state, kept in [`Ctx::vm`].

use std::io::Write;

use pyrite_object::{Ctx, ObjRef};

use crate::frame::SlotStack;

/// Where `print` goes.
///
/// Once the standard library has installed its stream objects (`Interpreter::install_stdio`),
/// `sys.stdout` and its kin are Python objects that `print` writes to (natively through
/// `fast_write` when it knows them); before that, and for embedders without the standard
/// library, output goes straight to the process's stdout through `stdout`.
pub struct Streams {
    /// Standard output, buffered (used until stream objects are installed).
    pub stdout: std::io::BufWriter<std::io::Stdout>,
    /// Whether stdout is a terminal (then it is flushed at each newline).
    pub stdout_is_tty: bool,
    /// Whether `sys.stdin`/`sys.stdout`/`sys.stderr` are installed stream objects.
    pub installed: bool,
    /// Writes text to a stream object natively when it knows the object's type.
    pub fast_write: Option<FastWrite>,
}

/// Writes text to a stream object without a Python call: `None` when the object is not of a
/// type the writer knows (the caller then calls its `write` method).
pub type FastWrite = fn(&mut Ctx, &pyrite_object::Value, &str) -> Option<pyrite_object::PyResult<()>>;

impl Streams {
    /// Writes text to stdout.
    pub fn write_stdout(&mut self, text: &str) -> std::io::Result<()> {
        self.stdout.write_all(text.as_bytes())?;
        if self.stdout_is_tty && text.contains('\n') {
            self.stdout.flush()?;
        }
        Ok(())
    }
}

/// Makes a native module (its functions, types and constants) when it is first imported.
pub type NativeModuleInit = fn(&mut Ctx) -> pyrite_object::PyResult<ObjRef>;

/// The VM's state for one thread.
pub struct VmState {
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    /// The `sys` module's dict (for `sys.path` and `sys.dont_write_bytecode`).
    pub sys: ObjRef,
    /// The modules whose body is running now, innermost last (for the "partially
    /// initialized module" error).
    pub initializing: Vec<String>,
    /// Slots of the running frames.
    pub slots: SlotStack,
    /// Scratch space for moving call arguments off the value stack.
    pub arg_buffers: Vec<Vec<pyrite_object::Value>>,
    /// Standard streams.
    pub streams: Streams,
    /// Native modules importable by name (CPython's built-in modules), made on first import.
    pub native_modules: Vec<(&'static str, NativeModuleInit)>,
    /// The frame lists of the eval loops running now, outermost first (each loop's list is
    /// on its Rust stack and does not move while the loop runs); for `sys._getframe`.
    pub loops: Vec<std::ptr::NonNull<Vec<crate::frame::Frame>>>,
    /// The Python frame that is calling native code right now (for `super()` and
    /// `sys._getframe`); valid only during that call.
    pub calling_frame: Option<std::ptr::NonNull<crate::frame::Frame>>,
    /// The namespace of the run-time support of type parameter syntax, made on first use
    /// (see [`crate::typeparams`]).
    pub typeparams: Option<ObjRef>,
    /// How many times `_imp.acquire_lock()` was called without a matching release.
    pub import_lock_depth: usize,
    /// CPython's `importlib`, once a program has imported it (see `imports/importlib.rs`).
    pub importlib: Option<crate::imports::importlib::Importlib>,
}

/// The VM state of a context.
///
/// # Panics
/// If the context was not made by [`crate::Interpreter`] (a Pyrite bug).
#[inline(always)]
pub fn vm(ctx: &mut Ctx) -> &mut VmState {
    ctx.vm_mut::<VmState>().expect("the context belongs to a pyrite VM")
}
