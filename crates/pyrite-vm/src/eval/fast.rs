//! The register loop: runs the simplest and most frequent instructions of one frame with
//! its instruction and stack pointers in local variables (registers), as CPython keeps
//! `next_instr` and `stack_pointer`, instead of reading and writing them in the frame for
//! every instruction.
//!
//! Instructions it does not finish itself go, with the pointers written back, to a handler
//! called directly or to `eval::general`; it returns to `eval::dispatch_loop` only for a
//! change of frames it does not make itself, or an error. Nothing else looks at the frame
//! while it runs with the pointers in locals: drops only queue finalizers, and allocations
//! only request collections; both run at the slow path of an instruction boundary, after a
//! write-back (`trace::at_boundary`).

use pyrite_bytecode::Opcode;
use pyrite_object::{Ctx, PyErr, Value};

use super::{Flow, data, op, specialize};
use crate::frame::{Frame, FrameKind, Slot};

// Instructions of calls and closures this loop runs besides those `eval::op` names.
const CACHE: u8 = Opcode::CACHE as u8;
const COPY_FREE_VARS: u8 = Opcode::COPY_FREE_VARS as u8;
const LIST_EXTEND: u8 = Opcode::LIST_EXTEND as u8;
const LIST_TO_TUPLE: u8 = Opcode::LIST_TO_TUPLE as u8;
const CALL_FUNCTION_EX: u8 = Opcode::CALL_FUNCTION_EX as u8;
const UNARY_NOT: u8 = Opcode::UNARY_NOT as u8;
const JUMP_IF_FALSE_OR_POP: u8 = Opcode::JUMP_IF_FALSE_OR_POP as u8;
const JUMP_IF_TRUE_OR_POP: u8 = Opcode::JUMP_IF_TRUE_OR_POP as u8;
const JUMP_BACKWARD_NO_INTERRUPT: u8 = Opcode::JUMP_BACKWARD_NO_INTERRUPT as u8;

/// Why the register loop stopped.
pub(super) enum Exit {
    /// An instruction asks the eval loop to change frames (a call, a return, a yield).
    Flow(Flow),
    /// An instruction raised.
    Error(PyErr),
    /// The instruction pointer ran past the end of the code (a compiler bug).
    PastEnd,
}

/// Runs instructions of `frame` until one changes frames or raises. Instructions it does
/// not finish itself go to [`super::general`] with the pointers written back. When it
/// returns, `frame.ip`, `frame.sp` and `frame.lasti` are current.
///
/// Calls of Python functions that take their arguments exactly, and returns to a caller in
/// the same list, switch frames here without leaving the loop.
#[inline(never)]
pub(super) fn run(ctx: &mut Ctx, frames: &mut Vec<Frame>, kwnames: &mut Option<Value>) -> Exit {
    'frame: loop {
        let Some(frame) = frames.last_mut() else { return Exit::PastEnd };
        let code = frame.code();
        // SAFETY (for the raw reads below): `units`, `consts` and `slots` belong to the
        // frame's code object and the frame's slots, both kept alive and in place by the
        // frame for as long as this function borrows it.
        let units: *const [std::cell::Cell<pyrite_bytecode::CodeUnit>] = &raw const *code.units;
        let consts: *const [Value] = &raw const *code.consts;
        let slots: *mut Slot = frame.slots.as_ptr();
        let nslots = frame.nslots;
        let mut ip = frame.ip;
        let mut sp = frame.sp;

        // An instruction boundary that may need the slow path: the loop below continues
        // here after an instruction that may have dropped a reference (queuing a
        // finalizer), allocated (making a collection due), or called anything (which may
        // have turned tracing on). Loads, pushes and jumps on inline values do none of
        // these and continue at `'fast`, skipping the check.
        'checked: loop {
            // Slot access with the bound the compiler's stack-depth computation guarantees
            // (checked in debug builds).
            macro_rules! slot {
                ($index:expr) => {{
                    let index = $index;
                    debug_assert!(index < nslots, "slot {index} out of {nslots}");
                    // SAFETY: see above; `index < nslots`.
                    unsafe { &mut *slots.add(index) }
                }};
            }
            // Empties a slot, returning its value (see `frame::take_slot`).
            macro_rules! take {
                ($index:expr) => {{
                    let slot: *mut Slot = slot!($index);
                    // SAFETY: see `slot!`.
                    unsafe { crate::frame::take_slot(slot) }
                }};
            }
            // A new reference to a local's value (see `frame::clone_slot`: often the local was
            // just stored, as by `STORE_FAST__LOAD_FAST`).
            macro_rules! clone_local {
                ($index:expr) => {{
                    let slot: *mut Slot = slot!($index);
                    // SAFETY: see `slot!`.
                    unsafe { crate::frame::clone_slot(slot) }
                }};
            }
            macro_rules! push {
                ($value:expr) => {{
                    let value = $value;
                    let slot = slot!(sp);
                    debug_assert!(slot.is_none(), "a value above the stack top");
                    // SAFETY: slots at and above `sp` are empty, so nothing is lost by writing.
                    unsafe { std::ptr::write(slot, Some(value)) };
                    sp += 1;
                }};
            }
            macro_rules! write_back {
                ($start:expr) => {{
                    frame.ip = ip;
                    frame.sp = sp;
                    frame.lasti = $start;
                }};
            }
            // Runs the current instruction through the general dispatch.
            macro_rules! general {
                ($byte:expr, $arg:expr, $start:expr) => {{
                    write_back!($start);
                    match super::general(ctx, frame, $byte, $arg, kwnames) {
                        Ok(Flow::Next) => {
                            reload!();
                            continue 'checked;
                        }
                        Ok(flow) => return Exit::Flow(flow),
                        Err(e) => return Exit::Error(e),
                    }
                }};
            }
            // Runs a handler that never changes frames, after skipping the instruction's caches.
            macro_rules! handler {
                ($start:expr, $opcode:ident, $call:expr) => {{
                    write_back!($start);
                    frame.ip += const { Opcode::$opcode.cache_units() };
                    match $call {
                        Ok(()) => reload!(),
                        Err(e) => return Exit::Error(e),
                    }
                }};
            }
            // The code ran out (a compiler bug): no instruction.
            macro_rules! past_end {
                ($start:expr) => {{
                    write_back!($start);
                    Exit::PastEnd
                }};
            }
            // The truth of the `bool`, `int` or `None` on top of the stack (what the branches
            // and `not` decide here); anything else, whose `__bool__`/`__len__` must be called,
            // runs the instruction the general way.
            macro_rules! truth_of_top {
                ($byte:expr, $arg:expr, $start:expr) => {
                    match slot!(sp - 1) {
                        Some(Value::Bool(b)) => *b,
                        Some(Value::Int(i)) => *i != 0,
                        Some(Value::None) => false,
                        _ => general!($byte, $arg, $start),
                    }
                };
            }
            macro_rules! reload {
                () => {{
                    // Two word loads, never one merged vector load: the handler just wrote
                    // both words separately (see `frame::take_slot`).
                    // SAFETY: plain reads of the frame's own fields.
                    (ip, sp) = unsafe {
                        (std::ptr::read_volatile(&raw const frame.ip), std::ptr::read_volatile(&raw const frame.sp))
                    };
                }};
            }

            // One word says whether this boundary needs the slow path: finalizers (`__del__`)
            // queued by drops and due collections run here, and tracing takes the frame, from
            // the start of this instruction, to the traced loop (`eval::trace`).
            if super::trace::slow_path() {
                if super::trace::at_boundary(ctx, frame, ip, sp) {
                    return Exit::Flow(Flow::Next);
                }
                sp = frame.sp;
            }
            'fast: loop {
                // SAFETY: see above.
                let units = unsafe { &*units };
                let start = ip;
                let Some(unit) = units.get(start).map(std::cell::Cell::get) else { return past_end!(start) };
                let arg = u32::from(unit.arg);
                ip = start + 1;
                let byte = unit.op;
                match byte {
                    op::LOAD_FAST => match slot!(arg as usize) {
                        Some(value) => {
                            let value = value.clone();
                            push!(value);
                            continue 'fast;
                        }
                        None => general!(byte, arg, start),
                    },
                    op::STORE_FAST => {
                        sp -= 1;
                        let value = take!(sp);
                        let old = std::mem::replace(slot!(arg as usize), value);
                        drop(old);
                    }
                    // Superinstructions (see `Opcode::superinstruction`): both instructions
                    // here, the second's unit skipped. When the second would raise (an unbound
                    // local), it is not skipped but runs next on its own; a first that would
                    // raise, or a missing second unit (hand-made code), goes the general way,
                    // which runs the first alone.
                    op::LOAD_FAST__LOAD_FAST | op::LOAD_FAST__LOAD_CONST | op::LOAD_CONST__LOAD_FAST => {
                        let Some(second) = units.get(ip).map(|unit| unit.get().arg as usize) else {
                            general!(byte, arg, start)
                        };
                        if byte == op::LOAD_CONST__LOAD_FAST {
                            // SAFETY: as for LOAD_CONST.
                            let value = unsafe { &*consts }[arg as usize].clone();
                            push!(value);
                        } else {
                            let Some(value) = slot!(arg as usize).clone() else { general!(byte, arg, start) };
                            push!(value);
                        }
                        if byte == op::LOAD_FAST__LOAD_CONST {
                            // SAFETY: as for LOAD_CONST.
                            let value = unsafe { &*consts }[second].clone();
                            push!(value);
                            ip += 1;
                        } else if let Some(value) = clone_local!(second) {
                            push!(value);
                            ip += 1;
                        }
                        continue 'fast;
                    }
                    op::STORE_FAST__LOAD_FAST | op::STORE_FAST__STORE_FAST => {
                        let Some(second) = units.get(ip).map(|unit| unit.get().arg as usize) else {
                            general!(byte, arg, start)
                        };
                        sp -= 1;
                        let value = take!(sp);
                        drop(std::mem::replace(slot!(arg as usize), value));
                        if byte == op::STORE_FAST__STORE_FAST {
                            sp -= 1;
                            let value = take!(sp);
                            drop(std::mem::replace(slot!(second), value));
                            ip += 1;
                        } else if let Some(value) = clone_local!(second) {
                            push!(value);
                            ip += 1;
                        }
                    }
                    op::LOAD_CONST => {
                        // SAFETY: see above; the compiler only emits indexes into `consts`.
                        let value = unsafe { &*consts }[arg as usize].clone();
                        push!(value);
                        continue 'fast;
                    }
                    op::POP_TOP => {
                        sp -= 1;
                        drop(take!(sp));
                    }
                    op::PUSH_NULL => {
                        let slot: *mut Slot = slot!(sp);
                        // SAFETY: slots at and above `sp` are empty: nothing to drop.
                        unsafe { slot.write(None) };
                        sp += 1;
                        continue 'fast;
                    }
                    // A cache unit is never executed; listed so the dispatch table starts at
                    // opcode 0 (no subtraction before the jump).
                    op::NOP | CACHE => continue 'fast,
                    op::JUMP_FORWARD => {
                        ip += arg as usize;
                        continue 'fast;
                    }
                    // A due collection runs at the next boundary's slow path (the collector
                    // sets the eval breaker), as do queued finalizers.
                    op::RESUME => {}
                    // `yield from`'s loop: the boundary checks here handle no signals either.
                    op::JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => ip -= arg as usize,
                    // An argument wider than a byte: rare enough (a jump over more than 255
                    // units, a 257th constant) to be decoded here rather than tested for at every
                    // dispatch. Jumps run here; anything else the general way.
                    op::EXTENDED_ARG => {
                        // Decoded again from the units (not from this dispatch's registers,
                        // which would then stay live across every instruction).
                        let Some((start, byte, arg)) = super::decode_at(units, start) else {
                            return past_end!(start);
                        };
                        ip = start + 1;
                        match byte {
                            op::JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => ip -= arg as usize,
                            op::JUMP_FORWARD => ip += arg as usize,
                            byte => general!(byte, arg, start),
                        }
                    }
                    op::POP_JUMP_IF_FALSE | op::POP_JUMP_IF_TRUE => {
                        let truth = truth_of_top!(byte, arg, start);
                        sp -= 1;
                        let slot: *mut Slot = slot!(sp);
                        // SAFETY: the popped value is a bool, an inline int or None (see
                        // `truth_of_top!`): emptied without a drop, nothing is lost.
                        unsafe { slot.write(None) };
                        if truth == (byte == op::POP_JUMP_IF_TRUE) {
                            ip += arg as usize;
                        }
                        // A bool, an inline int or None was popped: nothing dropped.
                        continue 'fast;
                    }
                    op::POP_JUMP_IF_NONE | op::POP_JUMP_IF_NOT_NONE => {
                        sp -= 1;
                        let is_none = matches!(take!(sp), Some(Value::None));
                        if is_none == (byte == op::POP_JUMP_IF_NONE) {
                            ip += arg as usize;
                        }
                    }
                    JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                        let truth = truth_of_top!(byte, arg, start);
                        if truth == (byte == JUMP_IF_TRUE_OR_POP) {
                            ip += arg as usize;
                        } else {
                            sp -= 1;
                            drop(slot!(sp).take());
                        }
                    }
                    UNARY_NOT => {
                        let truth = truth_of_top!(byte, arg, start);
                        *slot!(sp - 1) = Some(Value::Bool(!truth));
                    }
                    op::IS_OP => {
                        sp -= 1;
                        let b = take!(sp);
                        let a = take!(sp - 1);
                        let same = match (&a, &b) {
                            (Some(a), Some(b)) => a.is(b),
                            _ => false,
                        };
                        *slot!(sp - 1) = Some(Value::Bool(same != (arg == 1)));
                    }
                    op::BINARY_OP => {
                        let (left, right): (*mut Slot, *mut Slot) = (slot!(sp - 2), slot!(sp - 1));
                        // SAFETY: two distinct slots of this frame (see `slot!`).
                        let (left, right) = unsafe { (&mut *left, &mut *right) };
                        // Two small ints or two floats: the result goes into the left operand's
                        // payload (its tag stays), the right operand's slot is emptied (an
                        // inline number: no drop).
                        match (&mut *left, &*right) {
                            (Some(Value::Int(a)), Some(Value::Int(b))) => {
                                let Some((operator, _)) = pyrite_bytecode::BinaryOp::from_arg(arg) else {
                                    general!(byte, arg, start)
                                };
                                let Some(Value::Int(result)) =
                                    pyrite_object::methods::int::small_binary(*a, *b, operator)
                                else {
                                    general!(byte, arg, start)
                                };
                                *a = result;
                            }
                            (Some(Value::Float(a)), Some(Value::Float(b))) => {
                                let Some(result) = data::float_op(*a, *b, arg) else { general!(byte, arg, start) };
                                *a = result;
                            }
                            _ => {
                                let Some(value) = data::binary_inline(left, right, arg) else {
                                    general!(byte, arg, start)
                                };
                                // SAFETY: both operands were inline numbers: nothing to drop.
                                unsafe { std::ptr::write(left, Some(value)) };
                            }
                        }
                        std::mem::forget(right.take());
                        sp -= 1;
                        ip += const { Opcode::BINARY_OP.cache_units() };
                    }
                    op::COMPARE_OP => {
                        frame.sp = sp;
                        if !data::compare_op_fast(frame, arg) {
                            general!(byte, arg, start);
                        }
                        sp = frame.sp;
                        ip += const { Opcode::COMPARE_OP.cache_units() };
                    }
                    op::BINARY_SUBSCR => {
                        if let Some(item) = data::list_item(slot!(sp - 2), slot!(sp - 1)) {
                            data::finish_list_item(slot!(sp - 2), slot!(sp - 1), item);
                            sp -= 1;
                            ip += const { Opcode::BINARY_SUBSCR.cache_units() };
                            continue 'checked;
                        }
                        frame.sp = sp;
                        if !data::subscr_fast(frame) {
                            general!(byte, arg, start);
                        }
                        sp = frame.sp;
                        ip += const { Opcode::BINARY_SUBSCR.cache_units() };
                    }
                    op::LOAD_ATTR_INSTANCE_VALUE => {
                        write_back!(start);
                        if !specialize::load_attr_instance_value(frame, arg) {
                            general!(byte, arg, start);
                        }
                        sp = frame.sp;
                        ip += const { Opcode::LOAD_ATTR_INSTANCE_VALUE.cache_units() };
                    }
                    op::FOR_ITER => {
                        write_back!(start);
                        frame.ip = ip + const { Opcode::FOR_ITER.cache_units() };
                        if data::for_iter_fast(frame, arg).is_none() {
                            // A plain generator runs in this loop, as a call does.
                            if let Some(Value::Obj(iterator)) = frame.peek_ref(1)
                                && crate::generator::can_push_inline(ctx, iterator, true, false)
                            {
                                let (iterator, exit_ip) = (iterator.clone(), frame.ip + arg as usize);
                                crate::generator::push_inline(ctx, frames, iterator, Value::None, exit_ip, false);
                                continue 'frame;
                            }
                            // Any other iterator's `__next__`, called from here (the pointers
                            // are written back, the caches skipped), after the pairs `for k, v`
                            // takes apart.
                            if data::for_iter_pairs(frame, arg).is_none()
                                && let Err(e) = data::for_iter(ctx, frame, arg)
                            {
                                return Exit::Error(e);
                            }
                        }
                        reload!();
                    }
                    op::SEND => {
                        // The receiver runs in this loop, as a call does, when it is a plain
                        // generator or coroutine; the general `SEND` resumes anything else.
                        if let (Some(Value::Obj(receiver)), Some(sent)) = (&*slot!(sp - 2), &*slot!(sp - 1))
                            && crate::generator::can_push_inline(ctx, receiver, sent.is_none(), true)
                        {
                            let receiver = receiver.clone();
                            sp -= 1;
                            let sent = take!(sp).unwrap_or(Value::None);
                            write_back!(start);
                            crate::generator::push_inline(ctx, frames, receiver, sent, ip + arg as usize, true);
                            continue 'frame;
                        }
                        // Any other receiver (`yield from` a list's iterator) is resumed by a
                        // direct call, this frame going on.
                        handler!(start, SEND, crate::generator::send_op(ctx, frame, arg).map(drop));
                    }
                    op::YIELD_VALUE if frame.inline_generator.is_some() => {
                        // The generator's frame goes back to its generator, the value to the caller.
                        // The frame moves before its pointers are written (see
                        // `generator::push_inline`).
                        sp -= 1;
                        let value = take!(sp).unwrap_or(Value::None);
                        ctx.leave_call();
                        crate::generator::park_top(ctx, frames, ip, sp, start);
                        match frames.last_mut() {
                            Some(caller) => caller.push(value),
                            // Resumed from native code (`eval::resume_inline`).
                            None => return Exit::Flow(Flow::Yield(value)),
                        }
                        continue 'frame;
                    }
                    // `x[i] op= y` starts `COPY 2; COPY 2; BINARY_SUBSCR`: on an exact list and an
                    // int index, the three run here as one, without copying the list reference.
                    op::COPY
                        if arg == 2
                            && units.get(ip..ip + 2).is_some_and(|next| {
                                let copy = pyrite_bytecode::CodeUnit { op: op::COPY, arg: 2 };
                                next[0].get() == copy && next[1].get().op == op::BINARY_SUBSCR
                            }) =>
                    {
                        if let Some(item) = data::list_item(slot!(sp - 2), slot!(sp - 1)) {
                            push!(item);
                            ip += 2 + const { Opcode::BINARY_SUBSCR.cache_units() };
                        } else {
                            let value = slot!(sp - 2).clone();
                            let slot: *mut Slot = slot!(sp);
                            // SAFETY: slots at and above `sp` are empty: nothing to drop.
                            unsafe { slot.write(value) };
                            sp += 1;
                        }
                    }
                    op::COPY => {
                        let value = slot!(sp - arg as usize).clone();
                        let slot: *mut Slot = slot!(sp);
                        // SAFETY: slots at and above `sp` are empty: nothing to drop.
                        unsafe { slot.write(value) };
                        sp += 1;
                        continue 'fast;
                    }
                    // ... and ends `SWAP 3; SWAP 2; STORE_SUBSCR`: the store runs here, from the
                    // operands' places before the swaps.
                    op::SWAP
                        if arg == 3
                            && units.get(ip..ip + 2).is_some_and(|next| {
                                let swap = pyrite_bytecode::CodeUnit { op: op::SWAP, arg: 2 };
                                next[0].get() == swap && next[1].get().op == op::STORE_SUBSCR
                            })
                            && data::store_list_item(slot!(sp - 3), slot!(sp - 2), slot!(sp - 1)) =>
                    {
                        sp -= 3;
                        ip += 2 + const { Opcode::STORE_SUBSCR.cache_units() };
                    }
                    op::SWAP => {
                        let (top, other) = (sp - 1, sp - arg as usize);
                        debug_assert!(top < nslots && other < nslots);
                        // SAFETY: both are slots of this frame (see `slot!`).
                        unsafe { std::ptr::swap(slots.add(top), slots.add(other)) };
                        continue 'fast;
                    }
                    op::UNPACK_SEQUENCE if data::unpack_exact_tuple(slots, sp, arg as usize) => {
                        sp += arg as usize;
                        sp -= 1;
                        ip += const { Opcode::UNPACK_SEQUENCE.cache_units() };
                    }
                    op::UNPACK_SEQUENCE => handler!(start, UNPACK_SEQUENCE, data::unpack_sequence(ctx, frame, arg)),
                    op::STORE_SUBSCR if data::store_list_item(slot!(sp - 2), slot!(sp - 1), slot!(sp - 3)) => {
                        sp -= 3;
                        ip += const { Opcode::STORE_SUBSCR.cache_units() };
                    }
                    op::STORE_SUBSCR => {
                        frame.sp = sp;
                        if data::store_subscr_fast(frame) {
                            sp = frame.sp;
                            ip += const { Opcode::STORE_SUBSCR.cache_units() };
                        } else {
                            handler!(start, STORE_SUBSCR, data::store_subscr(ctx, frame));
                        }
                    }
                    op::LOAD_DEREF => match super::names::cell_contents(frame, arg) {
                        Some(value) => {
                            push!(value);
                            continue 'fast;
                        }
                        None => handler!(start, LOAD_DEREF, super::names::load_deref(ctx, frame, arg, false)),
                    },
                    op::STORE_DEREF => {
                        sp -= 1;
                        let value = slot!(sp).take().unwrap_or(Value::None);
                        if let Err(value) = super::names::store_cell(frame, arg, value) {
                            push!(value);
                            handler!(start, STORE_DEREF, super::names::store_deref(frame, arg, true));
                        }
                    }
                    COPY_FREE_VARS => {
                        if !super::names::copy_free_vars_fast(frame, arg) {
                            handler!(start, COPY_FREE_VARS, super::names::copy_free_vars(frame, arg));
                        }
                    }
                    LIST_EXTEND if super::calls::list_extend_exact(frame, arg, sp) => sp -= 1,
                    LIST_TO_TUPLE if super::calls::list_to_tuple_owned(frame, sp, ip) => {}
                    CALL_FUNCTION_EX => {
                        write_back!(start);
                        match super::calls::push_ex(ctx, frames, arg) {
                            Ok(true) => continue 'frame,
                            Ok(false) => {
                                let Some(top) = frames.last_mut() else { return Exit::PastEnd };
                                match super::general(ctx, top, byte, arg, kwnames) {
                                    Ok(Flow::Next) => continue 'frame,
                                    Ok(flow) => return Exit::Flow(flow),
                                    Err(e) => return Exit::Error(e),
                                }
                            }
                            Err(e) => return Exit::Error(e),
                        }
                    }
                    // The list a call's `*` arguments are gathered in.
                    op::BUILD_LIST if arg == 0 => {
                        push!(Value::Obj(pyrite_object::types::list::PyList::new_obj(Vec::new())))
                    }
                    op::BUILD_TUPLE | op::BUILD_LIST | op::BUILD_MAP | op::BUILD_STRING => {
                        let opcode = match byte {
                            op::BUILD_TUPLE => Opcode::BUILD_TUPLE,
                            op::BUILD_LIST => Opcode::BUILD_LIST,
                            op::BUILD_MAP => Opcode::BUILD_MAP,
                            _ => Opcode::BUILD_STRING,
                        };
                        handler!(start, BUILD_TUPLE, data::build(ctx, frame, opcode, arg));
                    }
                    op::LIST_APPEND | op::MAP_ADD | op::SET_ADD => {
                        frame.sp = sp;
                        if data::collection_add_fast(frame, byte, arg) {
                            sp = frame.sp;
                        } else if byte == op::SET_ADD {
                            handler!(start, SET_ADD, super::sets::execute(ctx, frame, Opcode::SET_ADD, arg));
                        } else {
                            let opcode = if byte == op::LIST_APPEND { Opcode::LIST_APPEND } else { Opcode::MAP_ADD };
                            handler!(start, LIST_APPEND, data::collection_update(ctx, frame, opcode, arg));
                        }
                    }
                    op::GET_ITER => handler!(start, GET_ITER, data::get_iter(ctx, frame)),
                    op::CONTAINS_OP => {
                        frame.sp = sp;
                        if data::contains_fast(frame, arg) {
                            sp = frame.sp;
                        } else {
                            handler!(start, CONTAINS_OP, data::contains_op(ctx, frame, arg));
                        }
                    }
                    op::FORMAT_VALUE => handler!(start, FORMAT_VALUE, data::format_value(ctx, frame, arg)),
                    op::LOAD_GLOBAL => match specialize::load_global_cached(frame, start) {
                        Some(value) => {
                            if arg & 1 == 1 {
                                let slot: *mut Slot = slot!(sp);
                                // SAFETY: slots at and above `sp` are empty: nothing to drop.
                                unsafe { slot.write(None) };
                                sp += 1;
                            }
                            push!(value);
                            ip += const { Opcode::LOAD_GLOBAL.cache_units() };
                            // A cached read: nothing dropped or allocated.
                            continue 'fast;
                        }
                        None => handler!(start, LOAD_GLOBAL, specialize::load_global(ctx, frame, arg)),
                    },
                    op::LOAD_ATTR => handler!(start, LOAD_ATTR, specialize::load_attr(ctx, frame, arg)),
                    op::LOAD_ATTR_METHOD => {
                        write_back!(start);
                        if specialize::load_attr_method_fast(frame) {
                            sp = frame.sp;
                            ip += const { Opcode::LOAD_ATTR_METHOD.cache_units() };
                        } else {
                            handler!(start, LOAD_ATTR_METHOD, specialize::load_attr_method(ctx, frame, arg));
                        }
                    }
                    op::LOAD_ATTR_WITH_HINT => {
                        handler!(start, LOAD_ATTR_WITH_HINT, specialize::load_attr_with_hint(ctx, frame, arg));
                    }
                    op::LOAD_ATTR_CLASS => {
                        handler!(start, LOAD_ATTR_CLASS, specialize::load_attr_class(ctx, frame, arg))
                    }
                    op::LOAD_ATTR_MODULE => {
                        handler!(start, LOAD_ATTR_MODULE, specialize::load_attr_module(ctx, frame, arg))
                    }
                    op::STORE_ATTR => handler!(start, STORE_ATTR, specialize::store_attr(ctx, frame, arg)),
                    op::STORE_ATTR_INSTANCE_VALUE => {
                        let (owner, value): (*mut Slot, *mut Slot) = (slot!(sp - 1), slot!(sp - 2));
                        // SAFETY: two distinct slots of this frame (see `slot!`).
                        let (owner, value) = unsafe { (&mut *owner, &mut *value) };
                        if specialize::store_attr_instance_value_top(frame.code(), start, owner, value) {
                            sp -= 2;
                            ip += const { Opcode::STORE_ATTR_INSTANCE_VALUE.cache_units() };
                        } else {
                            handler!(
                                start,
                                STORE_ATTR_INSTANCE_VALUE,
                                specialize::store_attr_instance_value(ctx, frame, arg)
                            );
                        }
                    }
                    op::STORE_ATTR_WITH_HINT => {
                        handler!(start, STORE_ATTR_WITH_HINT, specialize::store_attr_with_hint(ctx, frame, arg));
                    }
                    op::CALL if kwnames.is_none() => {
                        write_back!(start);
                        frame.ip += const { Opcode::CALL.cache_units() };
                        // A native function with a few positional arguments is called right
                        // here, and this frame goes on (native code runs Python code in loops
                        // of its own, never in this frame list); a Python function's frame is
                        // pushed; anything else goes to the general call.
                        let python = super::calls::python_call(frame, arg as usize);
                        if python.is_none()
                            && let Some(done) = super::calls::call_native(ctx, frame, arg as usize)
                        {
                            match done {
                                Ok(()) => {
                                    reload!();
                                    continue 'checked;
                                }
                                Err(e) => return Exit::Error(e),
                            }
                        }
                        match super::calls::push_exact(ctx, frames, arg as usize, python) {
                            Ok(true) => continue 'frame,
                            Ok(false) => {
                                // A generator function's call makes the generator right here.
                                if let Some(top) = frames.last_mut()
                                    && let Some(done) = super::calls::call_generator(ctx, top, arg as usize)
                                {
                                    match done {
                                        Ok(()) => continue 'frame,
                                        Err(e) => return Exit::Error(e),
                                    }
                                }
                                return Exit::Flow(Flow::Call(arg));
                            }
                            Err(e) => return Exit::Error(e),
                        }
                    }
                    op::RETURN_VALUE | op::RETURN_CONST => {
                        let value = if byte == op::RETURN_VALUE {
                            sp -= 1;
                            take!(sp).unwrap_or(Value::None)
                        } else {
                            // SAFETY: as for LOAD_CONST.
                            let consts = unsafe { &*consts };
                            consts[arg as usize].clone()
                        };
                        // A call's frame goes right here (only its stack top is still
                        // read); the eval loop finishes generators' frames and those with
                        // frame objects.
                        if super::calls::plain_return(frame) {
                            frame.sp = sp;
                            let kind = frame.kind;
                            super::calls::pop_plain(super::calls::VmPtr::of(ctx), frames);
                            if frames.is_empty() {
                                // This loop's entry frame: whoever started the loop leaves
                                // its call (see `calls::run_plain`).
                                return Exit::Flow(Flow::Return(value));
                            }
                            ctx.leave_call();
                            if kind == FrameKind::Init {
                                // The instance is already on the caller's stack.
                                if let Err(e) = super::calls::finish_init(frames, value) {
                                    return Exit::Error(e);
                                }
                            } else if let Some(caller) = frames.last_mut() {
                                caller.push(value);
                            }
                            continue 'frame;
                        }
                        write_back!(start);
                        return Exit::Flow(Flow::Return(value));
                    }
                    _ => general!(byte, arg, start),
                }
                continue 'checked;
            }
        }
    }
}
