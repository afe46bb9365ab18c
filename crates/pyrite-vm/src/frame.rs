//! Frames and the per-thread stack of chunks their slots live in.
//!
//! A frame's local variables, cells and value stack are one run of slots carved from a
//! chunk of the [`SlotStack`]. Chunks never move once allocated, so the eval loop can
//! keep a pointer to the current frame's slots; frames are pushed and popped in LIFO
//! order, and a Python-to-Python call neither allocates (once the chunk exists) nor
//! recurses on the Rust stack.

use std::ptr::NonNull;

use pyrite_object::types::function::Code;
use pyrite_object::{ObjRef, Value};

/// Slots per chunk (a chunk also grows to fit one large frame).
const CHUNK_SLOTS: usize = 32 * 1024;

/// One slot: a value, or nothing (an unbound local, or the NULL of a call sequence).
pub type Slot = Option<Value>;

/// The per-thread stack of slot chunks.
///
/// The current chunk is kept as three pointers (its start, its first free slot and its
/// end), so carving and releasing a frame's slots is a compare and an add: the calls of
/// Python functions do both once each.
pub struct SlotStack {
    chunks: Vec<Box<[Slot]>>,
    /// How many slots of each chunk before the current one are in use (the current
    /// chunk's index is this vector's length).
    below: Vec<usize>,
    /// The current chunk's first slot (null before the first chunk is made).
    base: *mut Slot,
    /// The current chunk's first free slot.
    top: *mut Slot,
    /// The end of the current chunk.
    limit: *mut Slot,
}

impl Default for SlotStack {
    fn default() -> Self {
        let null = std::ptr::null_mut();
        SlotStack { chunks: Vec::new(), below: Vec::new(), base: null, top: null, limit: null }
    }
}

impl SlotStack {
    /// Carves `n` empty slots. The pointer stays valid until the matching [`SlotStack::pop`].
    #[inline(always)]
    pub fn push(&mut self, n: usize) -> NonNull<Slot> {
        // Byte distances: before the first chunk all three pointers are null (room 0).
        let room = (self.limit as usize - self.top as usize) / std::mem::size_of::<Slot>();
        if n <= room
            && let Some(start) = NonNull::new(self.top)
        {
            // SAFETY: `n` slots fit between `top` and the end of the current chunk.
            self.top = unsafe { self.top.add(n) };
            return start;
        }
        self.push_in_new_chunk(n)
    }

    /// [`SlotStack::push`] when the current chunk is full: moves on to the next chunk,
    /// allocating it (or a larger one) when it does not exist or is too small.
    #[cold]
    #[inline(never)]
    fn push_in_new_chunk(&mut self, n: usize) -> NonNull<Slot> {
        let index = if self.base.is_null() {
            0
        } else {
            // SAFETY: `top` and `base` point into the current chunk, `top` at or after `base`.
            self.below.push(unsafe { self.top.offset_from_unsigned(self.base) });
            self.below.len()
        };
        let reusable = self.chunks.get(index).is_some_and(|c| c.len() >= n.max(1));
        if !reusable {
            let size = CHUNK_SLOTS.max(n);
            let chunk: Box<[Slot]> = (0..size).map(|_| None).collect();
            self.chunks.truncate(index);
            self.chunks.push(chunk);
        }
        let chunk = &mut self.chunks[index];
        let len = chunk.len();
        self.base = chunk.as_mut_ptr();
        // SAFETY: `n <= len`, and `len` is the chunk's length.
        unsafe {
            self.top = self.base.add(n);
            self.limit = self.base.add(len);
        }
        NonNull::new(self.base).unwrap_or(NonNull::dangling())
    }

    /// Releases the last `n` slots carved (which the caller has already emptied).
    #[inline(always)]
    pub fn pop(&mut self, n: usize) {
        let top = self.top.wrapping_sub(n);
        self.top = top;
        if top == self.base && !self.below.is_empty() {
            self.pop_chunk();
        }
    }

    /// [`SlotStack::pop`] of the last frame in a chunk after the first: back to the
    /// previous chunk, where the frames below it are.
    #[cold]
    #[inline(never)]
    fn pop_chunk(&mut self) {
        let Some(used) = self.below.pop() else { return };
        let chunk = &mut self.chunks[self.below.len()];
        let len = chunk.len();
        self.base = chunk.as_mut_ptr();
        // SAFETY: `used <= len`, both within the chunk.
        unsafe {
            self.top = self.base.add(used);
            self.limit = self.base.add(len);
        }
    }
}

/// Takes the value out of `slot`, leaving it empty, with two word-sized loads.
///
/// A stack slot is often written a word at a time (a tag, then a payload) just before it
/// is read. A single 16-byte load of it, which the compiler prefers, cannot be forwarded
/// from two narrower stores and waits for them to reach the cache (about a dozen cycles
/// per instruction); two word loads are each forwarded. Volatile keeps them from being
/// merged back into one.
///
/// # Safety
/// `slot` must be valid for reads and writes and initialized.
#[inline(always)]
pub unsafe fn take_slot(slot: *mut Slot) -> Slot {
    const { assert!(std::mem::size_of::<Slot>() == 16) };
    let words = slot.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: the slot is 16 initialized-or-padding bytes, read as two possibly
    // uninitialized words and reassembled into the same `Slot` bit pattern.
    let value = unsafe {
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Slot>([
            words.read_volatile(),
            words.add(1).read_volatile(),
        ])
    };
    // SAFETY: the value moved out; the slot is left empty without a drop.
    unsafe { slot.write(None) };
    value
}

/// A copy of the value in `slot` (a new reference), read with two word-sized loads like
/// [`take_slot`]: a local is often read right after a store to it (`x = ...; x`, which the
/// superinstruction `STORE_FAST__LOAD_FAST` runs back to back), and one 16-byte load
/// would wait for the two word stores to reach the cache.
///
/// # Safety
/// `slot` must be valid for reads and initialized.
#[inline(always)]
pub unsafe fn clone_slot(slot: *const Slot) -> Slot {
    let words = slot.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: as in `take_slot`; the bits are borrowed (ManuallyDrop), never dropped.
    let value = unsafe {
        std::mem::ManuallyDrop::new(std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Slot>([
            words.read_volatile(),
            words.add(1).read_volatile(),
        ]))
    };
    (*value).clone()
}

/// What a frame is run for ([`Frame::kind`]). A whole word rather than a byte: moves of a
/// frame then copy whole words, so none waits for a one-byte store to reach the cache (see
/// `generator::push_inline`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u64)]
pub enum FrameKind {
    /// A call; its slots are carved from the [`SlotStack`] and released when it is popped.
    Call,
    /// A generator's or coroutine's frame, whose slots the generator owns.
    Generator,
    /// The `__init__` of an instance that `CALL` of its class made in the register loop:
    /// the instance waits on the caller's stack, and the return value must be `None`
    /// (CPython's `type.__call__` checks it).
    Init,
}

/// A frame's globals or builtins dict, read as an `ObjRef` (`frame.globals.clone()` is
/// an owned reference). A frame running a function borrows both, as CPython's frames do:
/// the function holds its globals (which never change) and the frame holds the function,
/// and the VM holds the builtins for as long as frames run. A frame without a function
/// (a module body, `exec`) owns them, and [`Frame`]'s drop releases them. A call then
/// counts no references for them.
pub struct Namespace(std::mem::ManuallyDrop<ObjRef>);

impl Namespace {
    /// A borrowed namespace for the object `owned` refers to, giving up that reference.
    ///
    /// # Safety
    /// Something else must keep the object alive for as long as the namespace is used.
    #[inline(always)]
    pub unsafe fn borrow_from(owned: ObjRef) -> Namespace {
        // SAFETY: the count `owned` held is given back; the caller keeps the object alive.
        let borrowed = unsafe { Namespace::borrowed(&owned) };
        drop(owned);
        borrowed
    }

    /// A borrowed namespace for `obj`, without counting a reference.
    ///
    /// # Safety
    /// As [`Namespace::borrow_from`].
    #[inline(always)]
    #[must_use]
    pub unsafe fn borrowed(obj: &ObjRef) -> Namespace {
        // SAFETY: a bitwise copy that is never dropped: it holds no count of its own.
        Namespace(std::mem::ManuallyDrop::new(unsafe { std::ptr::read(obj) }))
    }
}

impl std::ops::Deref for Namespace {
    type Target = ObjRef;
    #[inline(always)]
    fn deref(&self) -> &ObjRef {
        &self.0
    }
}

/// A running Python frame.
pub struct Frame {
    /// The `Code` object.
    pub code: ObjRef,
    /// The payload of `code`, cached so the loop does not downcast per instruction.
    code_ptr: std::ptr::NonNull<Code>,
    /// The function being run, if any.
    pub func: Option<ObjRef>,
    /// The globals dict: borrowed from `func` when there is one, owned otherwise (see
    /// [`Namespace`]).
    pub globals: Namespace,
    /// The builtins dict: borrowed from the VM when there is a `func`, owned otherwise.
    pub builtins: Namespace,
    /// The locals mapping, for module and class bodies.
    pub locals: Option<ObjRef>,
    /// `nlocalsplus + stacksize` slots: locals, cells, free variables, then the value stack.
    pub slots: NonNull<Slot>,
    /// Number of slots.
    pub nslots: usize,
    /// Index of the first value-stack slot.
    pub stack_base: usize,
    /// Index of the next free value-stack slot.
    pub sp: usize,
    /// Index of the next instruction's code unit.
    pub ip: usize,
    /// Index of the instruction being run (for tracebacks and `lasti`).
    pub lasti: usize,
    /// What the frame is run for; a generator's frame owns its slots.
    pub kind: FrameKind,
    /// The frame object made for this frame, once Python code asked for one; it is kept
    /// up to date while the frame runs and gets its final state when the frame finishes.
    pub frame_obj: Option<ObjRef>,
    /// The generator whose frame this is, while it runs in its resumer's loop, as a call
    /// does, rather than in a nested loop (resumed by the resumer's `FOR_ITER` or `SEND`):
    /// when it yields, the frame goes back to the generator and the value to the resumer;
    /// where the resumer continues when it finishes is kept in the generator
    /// (`generator::InlineExit`).
    pub inline_generator: Option<ObjRef>,
    /// For a generator's frame while it runs: the exception its resumer is handling, which
    /// is the current one wherever the generator handles none of its own (CPython finds it
    /// through the `exc_info` chain).
    pub resumer_exc: Option<ObjRef>,
}

impl Drop for Frame {
    #[inline(always)]
    fn drop(&mut self) {
        if self.func.is_none() {
            // SAFETY: a frame without a function owns its namespaces (see `Namespace`),
            // and drops them once, here.
            unsafe {
                std::mem::ManuallyDrop::drop(&mut self.globals.0);
                std::mem::ManuallyDrop::drop(&mut self.builtins.0);
            }
        }
    }
}

impl Frame {
    /// A frame for `code` (which must be a code object) over `nslots` carved slots. With
    /// a `func`, `globals` must be the function's and `builtins` the VM's: the frame
    /// borrows them (see [`Namespace`]).
    ///
    /// # Panics
    /// If `code` is not a code object (frames are only made from code objects).
    #[must_use]
    #[inline(always)]
    #[expect(clippy::too_many_arguments, reason = "a frame is a plain record of its parts")]
    pub fn new(
        code: ObjRef,
        func: Option<ObjRef>,
        globals: ObjRef,
        builtins: ObjRef,
        locals: Option<ObjRef>,
        slots: NonNull<Slot>,
        nslots: usize,
        stack_base: usize,
    ) -> Frame {
        let code_ptr = NonNull::from(code.downcast::<Code>().expect("frames run code objects"));
        // SAFETY: `code_ptr` is `code`'s payload.
        unsafe { Frame::with_code_ptr(code, code_ptr, func, globals, builtins, locals, slots, nslots, stack_base) }
    }

    /// [`Frame::new`] for `code`, whose `Code` payload `code_ptr` points at (already
    /// downcast by the caller).
    ///
    /// # Safety
    /// `code_ptr` must point at the payload of `code`; with a `func`, `globals` must be
    /// the function's globals and `builtins` the VM's (see [`Namespace`]).
    #[must_use]
    #[inline(always)]
    #[expect(clippy::too_many_arguments, reason = "a frame is a plain record of its parts")]
    pub unsafe fn with_code_ptr(
        code: ObjRef,
        code_ptr: NonNull<Code>,
        func: Option<ObjRef>,
        globals: ObjRef,
        builtins: ObjRef,
        locals: Option<ObjRef>,
        slots: NonNull<Slot>,
        nslots: usize,
        stack_base: usize,
    ) -> Frame {
        // A function's frame borrows them (see `Namespace`): the references given up here
        // are the function's and the VM's.
        debug_assert!(
            func.as_ref().is_none_or(|f| f
                .downcast::<pyrite_object::types::function::Function>()
                .is_some_and(|f| f.globals.is_same(&globals))),
            "a function's frame runs in the function's globals"
        );
        let (globals, builtins) = if func.is_some() {
            // SAFETY: a frame's `func` holds its globals and the VM its builtins (see
            // `Namespace`); the frame holds `func`.
            unsafe { (Namespace::borrow_from(globals), Namespace::borrow_from(builtins)) }
        } else {
            (Namespace(std::mem::ManuallyDrop::new(globals)), Namespace(std::mem::ManuallyDrop::new(builtins)))
        };
        Frame {
            code,
            code_ptr,
            func,
            globals,
            builtins,
            locals,
            slots,
            nslots,
            stack_base,
            sp: stack_base,
            ip: 0,
            lasti: 0,
            kind: FrameKind::Call,
            frame_obj: None,
            inline_generator: None,
            resumer_exc: None,
        }
    }

    /// The frame of a call of the function `func`, whose code is `code` (with `code_ptr`
    /// its payload) and whose namespaces `globals` and `builtins` borrow.
    ///
    /// # Safety
    /// `code_ptr` must point at the payload of `code`; `globals` must be `func`'s globals
    /// and `builtins` the VM's (see [`Namespace`]).
    #[must_use]
    #[inline(always)]
    #[expect(clippy::too_many_arguments, reason = "a frame is a plain record of its parts")]
    pub unsafe fn for_function(
        code: ObjRef,
        code_ptr: NonNull<Code>,
        func: ObjRef,
        globals: Namespace,
        builtins: Namespace,
        slots: NonNull<Slot>,
        nslots: usize,
        stack_base: usize,
    ) -> Frame {
        Frame {
            code,
            code_ptr,
            func: Some(func),
            globals,
            builtins,
            locals: None,
            slots,
            nslots,
            stack_base,
            sp: stack_base,
            ip: 0,
            lasti: 0,
            kind: FrameKind::Call,
            frame_obj: None,
            inline_generator: None,
            resumer_exc: None,
        }
    }

    /// Drops the frame at `frame` in place, as its drop glue would (a call), with each
    /// reference it holds released in line: the end of every call.
    ///
    /// # Safety
    /// `frame` must point at a frame that is not used again, not a generator's: its
    /// `frame_obj`, `inline_generator` and `resumer_exc` are `None` (they are not looked
    /// at). A field added to `Frame` that holds a reference must be released here too.
    #[inline(always)]
    pub unsafe fn drop_plain(frame: *mut Frame) {
        // SAFETY: the caller gives the frame up; each field is read (moved out) once, and
        // the frame itself is never dropped.
        unsafe {
            let f = &mut *frame;
            debug_assert!(f.frame_obj.is_none() && f.inline_generator.is_none());
            if f.func.is_none() {
                std::mem::ManuallyDrop::drop(&mut f.globals.0);
                std::mem::ManuallyDrop::drop(&mut f.builtins.0);
            }
            drop(std::ptr::read(&f.code));
            drop(std::ptr::read(&f.func));
            // Tested here: the drop of an `Option` may be a call that tests it again.
            if f.locals.is_some() {
                drop(std::ptr::read(&f.locals));
            }
            // Only a generator's frame has a resumer's exception (`generator::begin_run`),
            // and such a frame never comes here.
            debug_assert!(f.resumer_exc.is_none());
        }
    }

    /// Visits the namespaces the frame owns (a frame without a function; see
    /// [`Namespace`]), for the collector's traversal of a suspended frame: a borrowed one
    /// holds no reference of the frame's to report.
    pub fn visit_owned_namespaces(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if self.func.is_none() {
            visit(&self.globals);
            visit(&self.builtins);
        }
    }

    /// The code's payload.
    #[inline]
    #[must_use]
    pub fn code(&self) -> &Code {
        // SAFETY: `code_ptr` points at the payload of `self.code`, which this frame keeps
        // alive and never replaces.
        unsafe { self.code_ptr.as_ref() }
    }

    /// The slots as a mutable slice.
    #[inline]
    pub fn slots_mut(&mut self) -> &mut [Slot] {
        // SAFETY: `slots` points at `nslots` slots carved from the SlotStack for this frame
        // alone; chunks never move, and the frame is popped before its slots are released.
        unsafe { std::slice::from_raw_parts_mut(self.slots.as_ptr(), self.nslots) }
    }

    /// The slot at `index`, which must be below `nslots`.
    #[inline]
    fn slot_ptr(&self, index: usize) -> *mut Slot {
        debug_assert!(index < self.nslots, "slot {index} out of {} slots", self.nslots);
        // SAFETY: the compiler's stack-depth computation bounds every index the eval loop
        // uses by `nslots` (checked in debug builds above); the slots are this frame's own.
        unsafe { self.slots.as_ptr().add(index) }
    }

    /// Pushes a value on the value stack.
    #[inline]
    pub fn push(&mut self, value: Value) {
        let slot = self.slot_ptr(self.sp);
        // SAFETY: `slot` is a valid, initialized slot of this frame (see `slot_ptr`). Slots
        // at and above `sp` are empty (see `clear`), so overwriting without a drop loses
        // nothing (and at worst, were one not empty, would leak rather than misbehave).
        unsafe {
            debug_assert!((*slot).is_none(), "a value above the stack top");
            slot.write(Some(value));
        }
        self.sp += 1;
    }

    /// Pushes a NULL.
    #[inline]
    pub fn push_null(&mut self) {
        let slot = self.slot_ptr(self.sp);
        // SAFETY: as in `push`.
        unsafe { *slot = None };
        self.sp += 1;
    }

    /// Pops a slot (which may be NULL).
    #[inline]
    pub fn pop_slot(&mut self) -> Slot {
        self.sp -= 1;
        let slot = self.slot_ptr(self.sp);
        // SAFETY: as in `push`.
        unsafe { take_slot(slot) }
    }

    /// Pops a value; a NULL becomes `None` (the compiler never asks for that).
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.pop_slot().unwrap_or(Value::None)
    }

    /// Replaces the top two values with `value`, skipping their drops: the caller knows
    /// both own nothing (inline numbers, bools, `None`), and a drop the compiler cannot
    /// prove empty costs a call per arithmetic instruction.
    #[inline]
    pub fn replace_inline_pair(&mut self, value: Value) {
        debug_assert!(
            !matches!(self.peek_ref(1), Some(Value::Obj(_))) && !matches!(self.peek_ref(2), Some(Value::Obj(_)))
        );
        self.sp -= 1;
        // SAFETY: both slots are this frame's (see `slot_ptr`) and hold nothing to drop.
        unsafe {
            self.slot_ptr(self.sp).write(None);
            self.slot_ptr(self.sp - 1).write(Some(value));
        }
    }

    /// The value `depth` slots below the top (1 = top).
    #[inline]
    pub fn peek(&mut self, depth: usize) -> &mut Slot {
        let slot = self.slot_ptr(self.sp - depth);
        // SAFETY: as in `push`; the borrow is tied to `&mut self`.
        unsafe { &mut *slot }
    }

    /// The value `depth` slots below the top (1 = top), for reading.
    #[inline]
    #[must_use]
    pub fn peek_ref(&self, depth: usize) -> &Slot {
        let slot = self.slot_ptr(self.sp - depth);
        // SAFETY: as in `push`; the borrow is tied to `&self`.
        unsafe { &*slot }
    }

    /// Local slot `index` (a parameter, local, cell or free variable).
    #[inline]
    pub fn local(&mut self, index: usize) -> &mut Slot {
        let slot = self.slot_ptr(index);
        // SAFETY: as in `push`: the compiler only emits local indexes below `nlocalsplus`.
        unsafe { &mut *slot }
    }

    /// Empties every slot (locals and stack), dropping their values.
    ///
    /// Slots at and above `sp` are always empty (every pop takes its slot, and the few
    /// places that lower `sp` directly empty the slots first), so only the locals and the
    /// live part of the value stack are visited.
    #[inline(always)]
    pub fn clear(&mut self) {
        if let Some(obj) = self.frame_obj.take() {
            crate::frameobject::detach(self, &obj);
        }
        if let Some(generator) = self.inline_generator.take() {
            crate::generator::finish_inline(&generator);
        }
        self.clear_slots();
    }

    /// Empties the locals and the live part of the value stack (the slots below `sp`; see
    /// [`Frame::clear`]), for a frame without a frame object or inline generator.
    #[inline(always)]
    pub fn clear_slots(&mut self) {
        let live = self.sp;
        debug_assert!(live <= self.nslots, "the stack top past the slots");
        let slots = self.slots.as_ptr();
        for i in 0..live {
            // SAFETY: as in `slots_mut`; `i < sp <= nslots`. The value is moved out and
            // the slot left empty before the value is dropped (which may only queue a
            // finalizer).
            unsafe {
                let slot = slots.add(i);
                if (*slot).is_some() {
                    drop(take_slot(slot));
                }
            }
        }
        debug_assert!(self.slots_mut()[live..].iter().all(Option::is_none), "a value above the stack top");
    }
}

#[cfg(test)]
mod tests {
    /// Moves of larger values become calls of `memcpy`; a frame moves at every generator
    /// resumption.
    #[test]
    fn a_frame_moves_inline() {
        assert!(std::mem::size_of::<super::Frame>() <= 128, "Frame is {} bytes", std::mem::size_of::<super::Frame>());
    }
}
