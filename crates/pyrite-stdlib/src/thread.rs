//! The `_thread` module: locks (`LockType`, `RLock`), thread identities, and the names
//! `threading.py` imports. Pyrite runs one thread until the GIL work lands: starting a
//! thread raises `NotImplementedError`, and a lock can only block forever when no other
//! thread exists to release it, which is reported instead of hanging.

use std::cell::Cell;
use std::time::Duration;

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::methods::{add_methods, check_args, method_args};
use pyrite_object::types::function::Module;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_thread",
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", |_, _| Ok(Value::Int(0))),
            ("stack_size", stack_size),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("_set_sentinel", allocate_lock),
            ("interrupt_main", interrupt_main),
            ("exit", thread_exit),
            ("exit_thread", thread_exit),
        ],
    );
    Module::set(&module, "LockType", Value::Obj(lock_type().clone()));
    Module::set(&module, "RLock", Value::Obj(rlock_type().clone()));
    Module::set(&module, "error", Value::Obj(types().runtime_error.clone()));
    // CPython's PY_TIMEOUT_MAX in seconds on 64-bit Linux.
    Module::set(&module, "TIMEOUT_MAX", Value::Float(9_223_372_036.0));
    Ok(module)
}

/// A plain lock.
struct Lock {
    locked: Cell<bool>,
}

impl Trace for Lock {}

payload!(Lock, "_thread.lock", untracked);

/// A reentrant lock: the owning thread's identity and its recursion count.
struct RLock {
    owner: Cell<usize>,
    count: Cell<usize>,
}

impl Trace for RLock {}

payload!(RLock, "_thread.RLock", untracked);

fn lock_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("lock", "_thread", None, 0, |s| {
            s.repr = Some(lock_repr);
        });
        add_methods(
            &ty,
            "lock",
            &[
                ("acquire", lock_acquire),
                ("acquire_lock", lock_acquire),
                ("__enter__", lock_acquire),
                ("release", lock_release),
                ("release_lock", lock_release),
                ("__exit__", lock_exit),
                ("locked", lock_locked),
                ("locked_lock", lock_locked),
                ("_at_fork_reinit", lock_reinit),
            ],
        );
        ty
    })
}

fn rlock_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("RLock", "_thread", None, pyrite_object::types::typeobj::TYPE_BASETYPE, |s| {
            s.new = Some(|_, ty, _| Ok(Value::Obj(new_rlock(ty))));
            s.repr = Some(rlock_repr);
        });
        add_methods(
            &ty,
            "RLock",
            &[
                ("acquire", rlock_acquire),
                ("__enter__", rlock_acquire),
                ("release", rlock_release),
                ("__exit__", rlock_exit),
                ("_is_owned", rlock_is_owned),
                ("_release_save", rlock_release_save),
                ("_acquire_restore", rlock_acquire_restore),
                ("_at_fork_reinit", rlock_reinit),
            ],
        );
        ty
    })
}

fn new_rlock(ty: &ObjRef) -> ObjRef {
    ObjRef::new(RLock { owner: Cell::new(0), count: Cell::new(0) }, Some(ty))
}

fn allocate_lock(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("allocate_lock", args, 0, 0)?;
    Ok(Value::Obj(ObjRef::new(Lock { locked: Cell::new(false) }, Some(lock_type()))))
}

fn current_ident() -> usize {
    unsafe extern "C" {
        fn pthread_self() -> usize;
    }
    // SAFETY: `pthread_self` has no preconditions and always succeeds.
    unsafe { pthread_self() }
}

fn get_ident(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("get_ident", args, 0, 0)?;
    Ok(Value::from(current_ident()))
}

fn get_native_id(_: &mut Ctx, args: Args<'_>) -> PyResult {
    check_args("get_native_id", args, 0, 0)?;
    unsafe extern "C" {
        fn gettid() -> i32;
    }
    // SAFETY: `gettid` has no preconditions and always succeeds.
    Ok(Value::Int(i64::from(unsafe { gettid() })))
}

fn stack_size(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let values = check_args("stack_size", args, 0, 1)?;
    if let Some(size) = values.first() {
        let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
        let size = pyrite_object::methods::int::to_i64(&protocol::index(ctx, size, what)?)?;
        if size != 0 && size < 32_768 {
            return Err(PyErr::value_error("size not valid: 32768 bytes minimum"));
        }
    }
    Ok(Value::Int(0))
}

fn start_new_thread(_: &mut Ctx, _: Args<'_>) -> PyResult {
    Err(PyErr::not_implemented("threads are not supported yet: Pyrite runs one thread until the GIL lands"))
}

fn interrupt_main(_: &mut Ctx, _: Args<'_>) -> PyResult {
    Err(PyErr::not_implemented("_thread.interrupt_main() is not supported yet"))
}

fn thread_exit(_: &mut Ctx, _: Args<'_>) -> PyResult {
    Err(PyErr::with_args(&types().system_exit, Vec::new()))
}

fn lock(v: &Value) -> PyResult<&Lock> {
    v.downcast::<Lock>().ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.lock' object"))
}

const ACQUIRE: Params = Params::new("acquire", &["blocking", "timeout"]);

/// `(blocking, timeout)` of `acquire`, checked as CPython's `lock_acquire_parse_args`.
fn acquire_args(ctx: &mut Ctx, rest: Args<'_>) -> PyResult<(bool, f64)> {
    let [blocking, timeout] = ACQUIRE.bind(rest)?;
    let blocking = match blocking {
        Some(b) => protocol::truthy(ctx, b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => pyrite_object::methods::float::as_double(ctx, t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(PyErr::value_error("timeout value must be a non-negative number"));
    }
    if timeout > 9_223_372_036.0 {
        return Err(PyErr::overflow("timeout value is too large"));
    }
    Ok((blocking, timeout))
}

/// Waiting for a lock no other thread can release: sleep out a timeout, refuse to wait
/// forever.
fn wait_unavailable(blocking: bool, timeout: f64) -> PyResult<bool> {
    if !blocking {
        return Ok(false);
    }
    if timeout < 0.0 {
        return Err(PyErr::runtime_error(
            "deadlock: the lock is held and Pyrite has no other thread that could release it",
        ));
    }
    std::thread::sleep(Duration::from_secs_f64(timeout));
    Ok(false)
}

fn split_self<'a>(name: &str, args: Args<'a>) -> PyResult<(&'a Value, Args<'a>)> {
    let npos = args.values.len() - args.kwnames.len();
    if npos == 0 {
        return Err(PyErr::type_error(format!("descriptor '{name}' needs an argument")));
    }
    Ok((&args.values[0], Args { values: &args.values[1..], kwnames: args.kwnames }))
}

fn lock_acquire(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = split_self("acquire", args)?;
    let (blocking, timeout) = acquire_args(ctx, rest)?;
    let l = lock(this)?;
    if !l.locked.get() {
        l.locked.set(true);
        return Ok(Value::Bool(true));
    }
    Ok(Value::Bool(wait_unavailable(blocking, timeout)?))
}

fn lock_release(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("release", args, 0, 0)?;
    let l = lock(this)?;
    if !l.locked.get() {
        return Err(PyErr::runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::None)
}

fn lock_exit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    lock_release(ctx, Args::positional(std::slice::from_ref(&this)))
}

fn lock_locked(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("locked", args, 0, 0)?;
    Ok(Value::Bool(lock(this)?.locked.get()))
}

fn lock_reinit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("_at_fork_reinit", args, 0, 0)?;
    lock(this)?.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let state = if lock(v)?.locked.get() { "locked" } else { "unlocked" };
    Ok(Value::str(&format!("<{state} _thread.lock object at {:#x}>", v.id())))
}

fn rlock(v: &Value) -> PyResult<&RLock> {
    v.downcast::<RLock>().ok_or_else(|| PyErr::type_error("descriptor requires a '_thread.RLock' object"))
}

fn rlock_acquire(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = split_self("acquire", args)?;
    let (blocking, timeout) = acquire_args(ctx, rest)?;
    let r = rlock(this)?;
    let me = current_ident();
    if r.count.get() > 0 && r.owner.get() != me {
        return Ok(Value::Bool(wait_unavailable(blocking, timeout)?));
    }
    if r.count.get() == usize::MAX {
        return Err(PyErr::overflow("Internal lock count overflowed"));
    }
    r.owner.set(me);
    r.count.set(r.count.get() + 1);
    Ok(Value::Bool(true))
}

fn rlock_release(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("release", args, 0, 0)?;
    let r = rlock(this)?;
    if r.count.get() == 0 || r.owner.get() != current_ident() {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(Value::None)
}

fn rlock_exit(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    rlock_release(ctx, Args::positional(std::slice::from_ref(&this)))
}

fn rlock_is_owned(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("_is_owned", args, 0, 0)?;
    let r = rlock(this)?;
    Ok(Value::Bool(r.count.get() > 0 && r.owner.get() == current_ident()))
}

fn rlock_release_save(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("_release_save", args, 0, 0)?;
    let r = rlock(this)?;
    if r.count.get() == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    let saved = vec![Value::from(r.count.get()), Value::from(r.owner.get())];
    r.count.set(0);
    r.owner.set(0);
    Ok(Value::Obj(pyrite_object::types::list::PyTuple::new_obj(saved)))
}

fn rlock_acquire_restore(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, rest) = method_args("_acquire_restore", args, 1, 1)?;
    let r = rlock(this)?;
    let state = rest[0].downcast::<pyrite_object::types::list::PyTuple>().map(|t| t.items().to_vec());
    let Some([count, owner]) = state.as_deref() else {
        return Err(PyErr::type_error("_acquire_restore() argument 1 must be tuple"));
    };
    let as_u64 = |v: &Value| {
        pyrite_object::methods::int::to_i64(v).map(|i| usize::try_from(i.unsigned_abs()).unwrap_or(usize::MAX))
    };
    r.count.set(as_u64(count)?);
    r.owner.set(as_u64(owner)?);
    Ok(Value::None)
}

fn rlock_reinit(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (this, _) = method_args("_at_fork_reinit", args, 0, 0)?;
    let r = rlock(this)?;
    r.count.set(0);
    r.owner.set(0);
    Ok(Value::None)
}

fn rlock_repr(_: &mut Ctx, v: &Value) -> PyResult {
    let r = rlock(v)?;
    let state = if r.count.get() > 0 { "locked" } else { "unlocked" };
    Ok(Value::str(&format!(
        "<{state} {} object owner={} count={} at {:#x}>",
        protocol::qualified_type_name(v.type_ref()),
        r.owner.get(),
        r.count.get(),
        v.id()
    )))
}
