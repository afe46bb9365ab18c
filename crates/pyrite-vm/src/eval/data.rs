//! Operators, container building, unpacking, iteration and formatting.

use pyrite_bytecode::opcodes::INPLACE_OFFSET;
use pyrite_bytecode::{BinaryOp, CompareOp, Opcode};
use pyrite_object::methods::int::{compare_numbers, small_binary};
use pyrite_object::methods::{iters, views};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::list::{PyList, PyTuple};
use pyrite_object::types::misc::RangeIter;
use pyrite_object::types::set::PySet;
use pyrite_object::types::str::PyStr;
use pyrite_object::types::typeobj::UnaryOp;
use pyrite_object::{Ctx, PyErr, PyResult, Value, protocol};

use crate::frame::{Frame, Slot};

/// `BINARY_OP` on two small ints, or floats (an int operand converted): the result, from
/// the two operand slots; `None` when the general path is needed. The operands own
/// nothing (inline numbers), so the caller overwrites their slots without drops.
#[inline(always)]
pub(super) fn binary_inline(left: &Slot, right: &Slot, arg: u32) -> Option<Value> {
    match (left, right) {
        (Some(Value::Float(a)), Some(Value::Float(b))) => float_binary(*a, *b, arg),
        (Some(Value::Int(a)), Some(Value::Int(b))) => small_binary(*a, *b, BinaryOp::from_arg(arg)?.0),
        // An i64 converts to the nearest double, ties to even, as `PyLong_AsDouble` rounds.
        #[allow(clippy::cast_precision_loss)]
        (Some(Value::Float(a)), Some(Value::Int(b))) => float_binary(*a, *b as f64, arg),
        #[allow(clippy::cast_precision_loss)]
        (Some(Value::Int(a)), Some(Value::Float(b))) => float_binary(*a as f64, *b, arg),
        _ => None,
    }
}

/// `a <op> b` on two floats for a `BINARY_OP` argument (plain or in-place: the same for
/// floats), as a `Value`; `None` when the general path is needed.
#[inline(always)]
fn float_binary(a: f64, b: f64, arg: u32) -> Option<Value> {
    float_op(a, b, arg).map(Value::Float)
}

/// `a <op> b` on two floats for a `BINARY_OP` argument (plain or in-place: the same for
/// floats), when the result is an inline float and nothing raises; `None` otherwise.
#[inline(always)]
pub(super) fn float_op(a: f64, b: f64, arg: u32) -> Option<f64> {
    const ADD: u32 = BinaryOp::Add as u32;
    const SUB: u32 = BinaryOp::Subtract as u32;
    const MUL: u32 = BinaryOp::Multiply as u32;
    const DIV: u32 = BinaryOp::TrueDivide as u32;
    const POW: u32 = BinaryOp::Power as u32;
    let base = if arg >= INPLACE_OFFSET { arg - INPLACE_OFFSET } else { arg };
    let result = match base {
        ADD => a + b,
        SUB => a - b,
        MUL => a * b,
        // Overflow to an infinity is no error for these four, as in CPython.
        DIV if b != 0.0 => a / b,
        // A positive finite base to a finite power is libm's `pow` in CPython too; zero,
        // negative and non-finite operands and overflow (OverflowError) have their own
        // rules and errors.
        POW if a > 0.0 && a.is_finite() && b.is_finite() => {
            let r = a.powf(b);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    // A NaN (from an infinite operand) is boxed: the general path makes it.
    if result.is_nan() { None } else { Some(result) }
}

/// Empties a slot known to hold a heap object or nothing that needs dropping: only the
/// object's reference is dropped (a general `Slot` drop is a call that tests the tag).
#[inline(always)]
fn release_slot(slot: &mut Slot) {
    match slot.take() {
        Some(Value::Obj(obj)) => drop(obj),
        other => std::mem::forget(other),
    }
}

/// `container[key]` for an exact list and an inline int key in range, read where both lie
/// (`BINARY_SUBSCR`'s most frequent case, run by the register loop on its own stack
/// pointer); `None` otherwise (nothing changed).
#[inline(always)]
pub(super) fn list_item(container: &Slot, key: &Slot) -> Option<Value> {
    let (Some(Value::Obj(container)), Some(Value::Int(index))) = (container, key) else { return None };
    let list = container.downcast::<PyList>()?;
    if !container.type_ref().is_same(&pyrite_object::types().list) {
        return None;
    }
    list.get_signed(*index)
}

/// Replaces the `container` and `key` slots of a `BINARY_SUBSCR` whose [`list_item`] gave
/// `item`: the key (an inline int) is left empty, the container's slot takes the item.
#[inline(always)]
pub(super) fn finish_list_item(container: &mut Slot, key: &mut Slot, item: Value) {
    std::mem::forget(key.take());
    let mut list = container.replace(item);
    release_slot(&mut list);
}

/// `container[key] = value` for an exact list and an inline int key in range, the three
/// operands read where they lie (a `STORE_SUBSCR`, or the `SWAP 3; SWAP 2; STORE_SUBSCR`
/// that ends `x[i] += y`): `true` with the three slots emptied, or `false` with nothing
/// changed.
#[inline(always)]
pub(super) fn store_list_item(container: &mut Slot, key: &mut Slot, value: &mut Slot) -> bool {
    let (Some(Value::Obj(obj)), Some(Value::Int(index))) = (&*container, &*key) else { return false };
    let Some(list) = obj.downcast::<PyList>() else { return false };
    if !obj.type_ref().is_same(&pyrite_object::types().list) {
        return false;
    }
    let index = *index;
    let Some(item) = value.take() else { return false };
    // The old item is dropped inside, after the storage borrow ends; a finalizer it
    // queues runs at a later instruction boundary.
    match list.set_signed(index, item) {
        Ok(()) => {
            std::mem::forget(key.take());
            release_slot(container);
            true
        }
        Err(item) => {
            *value = Some(item);
            false
        }
    }
}

/// `UNPACK_SEQUENCE n` of an exact tuple of `n` items, in place on the register loop's
/// stack: the tuple's slot at `sp - 1` is replaced by its items, last item deepest.
/// `false` (nothing changed) for anything else. Only exact tuples: a subclass's
/// `__iter__` decides what it unpacks to.
#[inline(always)]
pub(super) fn unpack_exact_tuple(slots: *mut Slot, sp: usize, n: usize) -> bool {
    // SAFETY: `sp - 1` is the stack top, a slot of the frame (the caller's contract).
    let top = unsafe { &mut *slots.add(sp - 1) };
    let taken = top.take();
    if let Some(Value::Obj(obj)) = &taken
        && let Some(tuple) = obj.downcast::<PyTuple>()
        && tuple.items().len() == n
        && obj.type_ref().is_same(&pyrite_object::types().tuple)
    {
        for (k, item) in tuple.items().iter().rev().enumerate() {
            // SAFETY: the compiler's stack depth leaves room for the `n` items from
            // `sp - 1`; those slots are empty (the top was just taken), so nothing is
            // lost by writing.
            unsafe { slots.add(sp - 1 + k).write(Some(item.clone())) };
        }
        let mut taken = taken;
        release_slot(&mut taken);
        return true;
    }
    // SAFETY: the top was emptied above: nothing to drop.
    unsafe { std::ptr::write(top, taken) };
    false
}

/// `COMPARE_OP` on two small ints or two floats, in place on the stack; `false` when the
/// general path is needed.
#[inline(always)]
pub(super) fn compare_op_fast(frame: &mut Frame, arg: u32) -> bool {
    let ordering = match (frame.peek_ref(2), frame.peek_ref(1)) {
        (Some(Value::Int(a)), Some(Value::Int(b))) => Some(a.cmp(b)),
        (Some(Value::Float(a)), Some(Value::Float(b))) => a.partial_cmp(b),
        _ => return false,
    };
    let Some(op) = CompareOp::from_arg(arg) else { return false };
    let result = match op {
        CompareOp::Lt => ordering == Some(std::cmp::Ordering::Less),
        CompareOp::Le => matches!(ordering, Some(std::cmp::Ordering::Less | std::cmp::Ordering::Equal)),
        CompareOp::Eq => ordering == Some(std::cmp::Ordering::Equal),
        CompareOp::Ne => ordering != Some(std::cmp::Ordering::Equal),
        CompareOp::Gt => ordering == Some(std::cmp::Ordering::Greater),
        CompareOp::Ge => matches!(ordering, Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)),
    };
    frame.replace_inline_pair(Value::Bool(result));
    true
}

pub(super) fn binary_op(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let right = frame.pop();
    let left = frame.pop();
    let Some((op, inplace)) = BinaryOp::from_arg(arg) else {
        return Err(PyErr::new_system(format!("bad BINARY_OP argument {arg}")));
    };
    if let (Value::Int(a), Value::Int(b)) = (&left, &right)
        && let Some(result) = small_binary(*a, *b, op)
    {
        frame.push(result);
        return Ok(());
    }
    if let (Value::Float(a), Value::Float(b)) = (&left, &right) {
        let fast = match op {
            BinaryOp::Add => Some(a + b),
            BinaryOp::Subtract => Some(a - b),
            BinaryOp::Multiply => Some(a * b),
            BinaryOp::TrueDivide if *b != 0.0 => Some(a / b),
            _ => None,
        };
        if let Some(result) = fast {
            frame.push(Value::float(result));
            return Ok(());
        }
    }
    let (left, right) = match (left, right) {
        (Value::Obj(a), Value::Obj(b)) if op == BinaryOp::Add && is_exact_str(&a) && is_exact_str(&b) => {
            release_store_target(frame, &a);
            frame.push(Value::Obj(PyStr::append(a, &b)));
            return Ok(());
        }
        pair => pair,
    };
    let result = if inplace {
        protocol::inplace_op(ctx, &left, &right, op)?
    } else {
        protocol::binary_op(ctx, &left, &right, op)?
    };
    frame.push(result);
    Ok(())
}

#[inline]
fn is_exact_str(obj: &pyrite_memory::ObjRef) -> bool {
    obj.is::<PyStr>() && obj.type_ref().is_same(&pyrite_object::types().str)
}

/// For `s += t` (or `s = s + t`) on strs: when the next instruction stores the result to
/// the local that holds `left`, empties that local first (the store refills it), so that
/// `left`'s only reference may be the operand's and its text can grow in place
/// ([`PyStr::append`]), as CPython's `BINARY_OP_INPLACE_ADD_UNICODE` does. Nothing runs
/// between this and the store that could see the local empty, unless a tracer runs at
/// every instruction (`f_trace_opcodes`): then the local is left alone.
fn release_store_target(frame: &mut Frame, left: &pyrite_memory::ObjRef) {
    if super::trace::tracing() {
        return;
    }
    let Some(next) = frame.code().units.get(frame.ip).map(std::cell::Cell::get) else { return };
    // A superinstruction that starts with the store (`STORE_FAST__LOAD_FAST`) counts too.
    if Opcode::from_u8(next.op).map(Opcode::generic) != Some(Opcode::STORE_FAST) {
        return;
    }
    let local = frame.local(usize::from(next.arg));
    if let Some(Value::Obj(held)) = local
        && held.is_same(left)
    {
        drop(local.take());
    }
}

pub(super) fn compare_op(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let right = frame.pop();
    let left = frame.pop();
    let Some(op) = CompareOp::from_arg(arg) else {
        return Err(PyErr::new_system(format!("bad COMPARE_OP argument {arg}")));
    };
    if matches!((&left, &right), (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)))
        && let Some(result) = compare_numbers(&left, &right, op)
    {
        frame.push(result);
        return Ok(());
    }
    let result = protocol::rich_compare(ctx, &left, &right, op)?;
    frame.push(result);
    Ok(())
}

pub(super) fn unary(ctx: &mut Ctx, frame: &mut Frame, op: Opcode) -> PyResult<()> {
    let value = frame.pop();
    let result = match op {
        Opcode::UNARY_NOT => Value::Bool(!protocol::truthy(ctx, &value)?),
        Opcode::UNARY_NEGATIVE => protocol::unary_op(ctx, &value, UnaryOp::Negative)?,
        Opcode::UNARY_POSITIVE => protocol::unary_op(ctx, &value, UnaryOp::Positive)?,
        _ => protocol::unary_op(ctx, &value, UnaryOp::Invert)?,
    };
    frame.push(result);
    Ok(())
}

fn pop_n(frame: &mut Frame, n: usize) -> Vec<Value> {
    let mut items: Vec<Value> = (0..n).map(|_| frame.pop()).collect();
    items.reverse();
    items
}

pub(super) fn build(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    let n = arg as usize;
    let result = match op {
        Opcode::BUILD_TUPLE => Value::Obj(PyTuple::new_obj(pop_n(frame, n))),
        Opcode::BUILD_LIST => Value::Obj(PyList::new_obj(pop_n(frame, n))),
        Opcode::BUILD_MAP => {
            let items = pop_n(frame, 2 * n);
            let dict = PyDict::new_obj();
            let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict"))?;
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                d.set_item(ctx, k, v)?;
            }
            Value::Obj(dict)
        }
        Opcode::BUILD_CONST_KEY_MAP => {
            let keys = frame.pop();
            let values = pop_n(frame, n);
            let keys = keys.downcast::<PyTuple>().map(|t| t.items().to_vec()).unwrap_or_default();
            let dict = PyDict::new_obj();
            let d = dict.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("dict"))?;
            for (k, v) in keys.into_iter().zip(values) {
                d.set_item(ctx, k, v)?;
            }
            Value::Obj(dict)
        }
        _ => build_string(frame, n)?,
    };
    frame.push(result);
    Ok(())
}

/// `BUILD_STRING`: the parts are measured where they lie on the stack, then copied once
/// into a str of the exact size (ASCII parts, the common case, byte for byte).
fn build_string(frame: &mut Frame, n: usize) -> PyResult<Value> {
    fn part(frame: &Frame, depth: usize) -> Option<&PyStr> {
        frame.peek_ref(depth).as_ref().and_then(Value::as_str)
    }
    let mut total = 0usize;
    let mut ascii = true;
    for depth in 1..n + 1 {
        let Some(s) = part(frame, depth) else {
            drop(pop_n(frame, n));
            return Err(PyErr::new_system("BUILD_STRING of a non-str"));
        };
        total = total.saturating_add(s.len());
        ascii &= s.is_ascii();
    }
    let result = if ascii {
        let parts = (1..n + 1).rev().filter_map(|depth| part(frame, depth)).map(PyStr::as_str);
        PyStr::from_ascii_parts_obj(total, parts)
    } else {
        let mut code_points: Vec<u32> = Vec::with_capacity(total);
        for depth in (1..=n).rev() {
            code_points.extend(part(frame, depth).into_iter().flat_map(PyStr::code_points));
        }
        PyStr::from_code_points_obj(&code_points)
    };
    for _ in 0..n {
        drop(frame.pop_slot());
    }
    Ok(Value::Obj(result))
}

/// `LIST_APPEND`, `MAP_ADD` and `SET_ADD` (comprehensions), in place on the stack: an
/// item appended to a list, and a key whose hash and equality run no Python code stored in
/// a dict or added to a set; `false` (stack unchanged) when the general path is needed.
/// The target is the comprehension's own list, dict or set (exact: the compiler built it),
/// borrowed where it lies, without a reference-count change.
#[inline(always)]
pub(super) fn collection_add_fast(frame: &mut Frame, byte: u8, arg: u32) -> bool {
    let depth = arg as usize;
    match byte {
        super::op::LIST_APPEND => {
            let item = frame.pop();
            if let Some(list) = frame.peek_ref(depth).as_ref().and_then(Value::downcast::<PyList>) {
                list.push(item);
                return true;
            }
            frame.push(item);
            false
        }
        super::op::MAP_ADD => {
            let value = frame.pop();
            let key = frame.pop();
            let (key, value) = match frame.peek_ref(depth).as_ref().and_then(Value::downcast::<PyDict>) {
                Some(dict) => match dict.store_fast(key, value) {
                    Ok(old) => {
                        drop(old);
                        return true;
                    }
                    Err(pair) => pair,
                },
                None => (key, value),
            };
            frame.push(key);
            frame.push(value);
            false
        }
        _ => {
            let item = frame.pop();
            let item = match frame.peek_ref(depth).as_ref().and_then(Value::downcast::<PySet>) {
                Some(set) => match set.add_fast_unhashed(item) {
                    Ok(()) => return true,
                    Err(item) => item,
                },
                None => item,
            };
            frame.push(item);
            false
        }
    }
}

pub(super) fn collection_update(ctx: &mut Ctx, frame: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    if op == Opcode::LIST_TO_TUPLE {
        let list = frame.pop();
        let items = list.downcast::<PyList>().map(PyList::to_vec).unwrap_or_default();
        frame.push(Value::Obj(PyTuple::new_obj(items)));
        return Ok(());
    }
    if op == Opcode::MAP_ADD {
        let value = frame.pop();
        let key = frame.pop();
        let target = frame.peek(arg as usize).clone().unwrap_or(Value::None);
        let d = target.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("MAP_ADD target"))?;
        return d.set_item(ctx, key, value);
    }
    let item = frame.pop();
    let target = frame.peek(arg as usize).clone().unwrap_or(Value::None);
    match op {
        Opcode::LIST_APPEND => {
            target.downcast::<PyList>().ok_or_else(|| PyErr::new_system("LIST_APPEND target"))?.push(item)
        }
        Opcode::LIST_EXTEND => {
            let list = target.downcast::<PyList>().ok_or_else(|| PyErr::new_system("LIST_EXTEND target"))?;
            pyrite_object::methods::list::extend(ctx, list, &item).map_err(|e| {
                if e.matches(&pyrite_object::types().type_error)
                    && pyrite_object::types::typeobj::type_payload(item.type_ref()).slots().iter.is_none()
                {
                    PyErr::type_error(format!("Value after * must be an iterable, not {}", item.type_name()))
                } else {
                    e
                }
            })?;
        }
        _ => {
            let d = target.downcast::<PyDict>().ok_or_else(|| PyErr::new_system("DICT_UPDATE target"))?;
            let pairs = match item.downcast::<PyDict>() {
                Some(source) => source.items(),
                None => match mapping_items(ctx, &item) {
                    Ok(pairs) => pairs,
                    Err(e) if e.matches(&pyrite_object::types().attribute_error) => {
                        if op == Opcode::DICT_MERGE {
                            let func = frame.peek(arg as usize + 2).clone().unwrap_or(Value::None);
                            return Err(PyErr::type_error(format!(
                                "{} argument after ** must be a mapping, not {}",
                                function_str(ctx, &func),
                                item.type_name()
                            )));
                        }
                        return Err(PyErr::type_error(format!("'{}' object is not a mapping", item.type_name())));
                    }
                    Err(e) => return Err(e),
                },
            };
            for (k, v) in pairs {
                if op == Opcode::DICT_MERGE && d.get_item(ctx, &k)?.is_some() {
                    let key = protocol::str_string(ctx, &k)?;
                    let func = frame.peek(arg as usize + 2).clone().unwrap_or(Value::None);
                    return Err(PyErr::type_error(format!(
                        "{} got multiple values for keyword argument '{key}'",
                        function_str(ctx, &func)
                    )));
                }
                d.set_item(ctx, k, v)?;
            }
        }
    }
    Ok(())
}

pub(super) fn unpack_sequence(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let n = arg as usize;
    let seq = frame.pop();
    // Exact tuples and lists: items taken straight from the sequence. A subclass unpacks
    // through its iterator, which it may override.
    let t = pyrite_object::types();
    let exact = |ty: &pyrite_memory::ObjRef| seq.type_ref().is_same(ty);
    let items = if let Some(tuple) = seq.downcast::<PyTuple>()
        && exact(&t.tuple)
    {
        if tuple.items().len() == n {
            for item in tuple.items().iter().rev() {
                frame.push(item.clone());
            }
            return Ok(());
        }
        tuple.items().to_vec()
    } else if let Some(list) = seq.downcast::<PyList>()
        && exact(&t.list)
    {
        {
            // Pushing drops nothing (the slots above the stack top are empty), so nothing
            // runs while the items are borrowed.
            let items = list.items.storage();
            if items.len() == n {
                for i in (0..n).rev() {
                    frame.push(items.get(i).unwrap_or(Value::None));
                }
                return Ok(());
            }
        }
        list.to_vec()
    } else {
        // At most one item past `n` is taken, as CPython's `unpack_iterable` (the
        // iterable may be endless).
        let iterator = iter_for_unpack(ctx, &seq)?;
        let mut items = Vec::with_capacity(n);
        while items.len() <= n {
            match protocol::next(ctx, &iterator)? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        items
    };
    if items.len() != n {
        return Err(if items.len() > n {
            PyErr::value_error(format!("too many values to unpack (expected {n})"))
        } else {
            PyErr::value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
        });
    }
    for item in items.into_iter().rev() {
        frame.push(item);
    }
    Ok(())
}

/// `iter(seq)` for unpacking, with CPython's message for a value that is not iterable.
fn iter_for_unpack(ctx: &mut Ctx, seq: &Value) -> PyResult {
    match protocol::get_iter(ctx, seq) {
        Ok(iterator) => Ok(iterator),
        Err(e) if e.matches(&pyrite_object::types().type_error) => {
            let slots = pyrite_object::types::typeobj::type_payload(seq.type_ref()).slots();
            if slots.iter.is_none() && slots.getitem.is_none() {
                return Err(PyErr::type_error(format!("cannot unpack non-iterable {} object", seq.type_name())));
            }
            Err(e)
        }
        Err(e) => Err(e),
    }
}

fn collect_for_unpack(ctx: &mut Ctx, seq: &Value) -> PyResult<Vec<Value>> {
    let iterator = iter_for_unpack(ctx, seq)?;
    protocol::collect(ctx, &iterator)
}

pub(super) fn unpack_ex(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let before = (arg & 0xFF) as usize;
    let after = (arg >> 8) as usize;
    let seq = frame.pop();
    let mut items = collect_for_unpack(ctx, &seq)?;
    if items.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    for item in tail.into_iter().rev() {
        frame.push(item);
    }
    frame.push(Value::Obj(PyList::new_obj(middle)));
    for item in items.into_iter().rev() {
        frame.push(item);
    }
    Ok(())
}

/// `FOR_ITER` over a `range` or `list` iterator, without a call or a reference-count
/// change of the iterator; `None` (nothing done) for other iterators (see
/// [`for_iter_pairs`] for dict iterators and `enumerate`).
#[inline(always)]
pub(super) fn for_iter_fast(frame: &mut Frame, arg: u32) -> Option<()> {
    let Some(Value::Obj(iterator)) = frame.peek_ref(1) else { return None };
    let next = iters::simple_step(iterator)?;
    match next {
        Some(value) => frame.push(value),
        None => {
            drop(frame.pop_slot());
            frame.ip += arg as usize;
        }
    }
    Some(())
}

/// What one step of an iterator gives `FOR_ITER`.
enum Step {
    Exhausted,
    One(Value),
    /// A pair the next `UNPACK_SEQUENCE 2` would take apart: first, second.
    Two(Value, Value),
}

/// [`for_iter_fast`] for a dict iterator or an `enumerate`, out of line (the register loop
/// tries a generator between the two). A pair (a dict
/// item, an enumerate's count and item) that the next instruction, `UNPACK_SEQUENCE 2`,
/// takes apart (`for k, v in d.items()`) is pushed as its two items and the unpack
/// skipped: the tuple would be made only to be dropped. (No Python code runs between the
/// two instructions, and this loop does not run while tracing, which would see the unpack.)
#[inline(never)]
pub(super) fn for_iter_pairs(frame: &mut Frame, arg: u32) -> Option<()> {
    let unpacks = frame
        .code()
        .units
        .get(frame.ip)
        .map(std::cell::Cell::get)
        .is_some_and(|unit| unit.op == super::op::UNPACK_SEQUENCE && unit.arg == 2);
    let Some(Value::Obj(iterator)) = frame.peek_ref(1) else { return None };
    let step = if let Some(step) = iters::enumerate_step_fast(iterator) {
        match step {
            None => Step::Exhausted,
            Some((count, item)) if unpacks => Step::Two(count, item),
            Some((count, item)) => Step::One(iters::enumerate_tuple(iterator, count, item)),
        }
    } else {
        match views::dict_iter_step_fast(iterator)? {
            None => Step::Exhausted,
            Some((first, None)) => Step::One(first),
            Some((key, Some(value))) if unpacks => Step::Two(key, value),
            Some((key, Some(value))) => Step::One(views::item_tuple(iterator, key, value)),
        }
    };
    match step {
        Step::One(value) => frame.push(value),
        Step::Two(first, second) => {
            // As `UNPACK_SEQUENCE` leaves them: the first item on top.
            frame.push(second);
            frame.push(first);
            frame.ip += 1 + Opcode::UNPACK_SEQUENCE.cache_units();
        }
        Step::Exhausted => {
            drop(frame.pop_slot());
            frame.ip += arg as usize;
        }
    }
    Some(())
}

/// `BINARY_SUBSCR` of an exact tuple or str by a small int (the register loop tries an exact
/// list with [`list_item`] before this), or of an exact dict by a key
/// whose hash and equality run no Python code ([`PyDict::get_fast`]), in place on the
/// stack; `false` (nothing popped) when the general path is needed (other containers, an
/// index out of range or a missing key, which raise there; dict subclasses, whose
/// `__missing__` and `__getitem__` the general path runs).
#[inline(always)]
pub(super) fn subscr_fast(frame: &mut Frame) -> bool {
    let (Some(Value::Obj(container)), Some(key)) = (frame.peek_ref(2), frame.peek_ref(1)) else {
        return false;
    };
    let t = pyrite_object::types();
    if let Value::Int(index) = key {
        // (Exact lists were tried first, by `list_item`.)
        let item = if let Some(tuple) = container.downcast::<PyTuple>()
            && container.type_ref().is_same(&t.tuple)
        {
            item_at(tuple.items(), *index)
        } else if let Some(text) = container.downcast::<PyStr>()
            && container.type_ref().is_same(&t.str)
        {
            str_char_at(text, *index)
        } else {
            None
        };
        if let Some(item) = item {
            // The key is an inline int: nothing to drop.
            frame.sp -= 1;
            *frame.peek(0) = None;
            let container = frame.peek(1).replace(item);
            drop(container);
            return true;
        }
    }
    let Some(dict) = container.downcast::<PyDict>() else { return false };
    if !container.type_ref().is_same(&t.dict) {
        return false;
    }
    let Some(Some(item)) = dict.get_fast(key) else { return false };
    let key = frame.pop_slot();
    let container = frame.peek(1).replace(item);
    drop(key);
    drop(container);
    true
}

/// `s[index]` for an exact str when the character is one of the cached Latin-1 ones (as
/// CPython, the result is a shared object); anything else, including an index out of range
/// (whose IndexError the general path raises), gives None.
#[inline]
fn str_char_at(text: &PyStr, index: i64) -> Option<Value> {
    let len = i64::try_from(text.len()).ok()?;
    let index = if index < 0 { index + len } else { index };
    if !(0..len).contains(&index) {
        return None;
    }
    let c = text.code_point(usize::try_from(index).ok()?);
    (c < 0x100).then(|| Value::Obj(PyStr::latin1_char(c)))
}

#[inline(always)]
fn item_at(items: &[Value], index: i64) -> Option<Value> {
    let index = if index < 0 { index.checked_add(i64::try_from(items.len()).ok()?)? } else { index };
    items.get(usize::try_from(index).ok()?).cloned()
}

pub(super) fn for_iter(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let iterator = frame.peek(1).clone().unwrap_or(Value::None);
    let next = if let Some(range) = iterator.downcast::<RangeIter>() {
        range.next_item().map(Value::Int)
    } else if iterator.downcast::<crate::generator::Generator>().is_some()
        && iterator.type_ref().is_same(&pyrite_object::types().generator)
    {
        // A generator resumed directly, as its `__next__` would: a return ends the loop.
        match crate::generator::resume(ctx, &iterator, Value::None, None)? {
            crate::eval::Suspension::Yielded(value) => Some(value),
            crate::eval::Suspension::Returned(_) => None,
        }
    } else {
        protocol::next(ctx, &iterator)?
    };
    match next {
        Some(value) => frame.push(value),
        None => {
            drop(frame.pop_slot());
            frame.ip += arg as usize;
        }
    }
    Ok(())
}

/// `STORE_SUBSCR` on an exact dict and a key whose hash and equality run no Python code,
/// in place on the stack; `false` (stack unchanged) when the general path is needed.
#[inline(always)]
pub(super) fn store_subscr_fast(frame: &mut Frame) -> bool {
    match frame.peek_ref(2) {
        Some(Value::Obj(container)) if container.type_ref().is_same(&pyrite_object::types().dict) => {}
        _ => return false,
    }
    let key = frame.pop();
    let container = frame.pop();
    let value = frame.pop();
    let Some(dict) = container.downcast::<PyDict>() else {
        frame.push(value);
        frame.push(container);
        frame.push(key);
        return false;
    };
    match dict.store_fast(key, value) {
        Ok(old) => {
            drop(old);
            drop(container);
            true
        }
        Err((key, value)) => {
            frame.push(value);
            frame.push(container);
            frame.push(key);
            false
        }
    }
}

/// `STORE_SUBSCR`: `container[key] = value`, in place for a list and an int index.
pub(super) fn store_subscr(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    let key = frame.pop();
    let container = frame.pop();
    let value = frame.pop();
    if let Value::Obj(obj) = &container {
        let t = pyrite_object::types();
        if let Value::Int(index) = &key
            && obj.type_ref().is_same(&t.list)
            && let Some(list) = obj.downcast::<PyList>()
        {
            // The old item is dropped after the borrow ends: a finalizer it queues runs later.
            match list.set_signed(*index, value) {
                Ok(()) => return Ok(()),
                Err(value) => return protocol::setitem(ctx, &container, &key, Some(value)),
            }
        }
        // (The register loop tried `store_subscr_fast` first.)
        if let Some(dict) = obj.downcast::<PyDict>()
            && obj.type_ref().is_same(&t.dict)
        {
            return dict.set_item(ctx, key, value);
        }
    }
    protocol::setitem(ctx, &container, &key, Some(value))
}

/// `GET_ITER`.
pub(super) fn get_iter(ctx: &mut Ctx, frame: &mut Frame) -> PyResult<()> {
    // A generator (whose type has no subclasses) is its own iterator: nothing to change.
    if let Some(Value::Obj(obj)) = frame.peek_ref(1)
        && obj.type_ref().is_same(&pyrite_object::types().generator)
    {
        return Ok(());
    }
    let iterable = frame.pop();
    let iterator = protocol::get_iter(ctx, &iterable)?;
    frame.push(iterator);
    Ok(())
}

/// `CONTAINS_OP` on an exact dict, set or frozenset and an item whose hash and equality run
/// no Python code, in place on the stack; `false` (nothing popped) when the general path
/// is needed.
#[inline(always)]
pub(super) fn contains_fast(frame: &mut Frame, arg: u32) -> bool {
    let (Some(item), Some(Value::Obj(container))) = (frame.peek_ref(2), frame.peek_ref(1)) else {
        return false;
    };
    let t = pyrite_object::types();
    let ty = container.type_ref();
    let found = if ty.is_same(&t.dict) {
        container.downcast::<PyDict>().and_then(|dict| dict.contains_fast(item))
    } else if ty.is_same(&t.set) || ty.is_same(&t.frozenset) {
        container.downcast::<PySet>().and_then(|set| set.contains_fast(item))
    } else {
        None
    };
    let Some(found) = found else { return false };
    let container = frame.pop_slot();
    let item = frame.peek(1).replace(Value::Bool(found != (arg == 1)));
    drop(container);
    drop(item);
    true
}

/// `CONTAINS_OP`: `in` (argument 0) or `not in` (1).
pub(super) fn contains_op(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    let container = frame.pop();
    let item = frame.pop();
    let found = protocol::contains(ctx, &container, &item)?;
    frame.push(Value::Bool(found != (arg == 1)));
    Ok(())
}

pub(super) fn format_value(ctx: &mut Ctx, frame: &mut Frame, arg: u32) -> PyResult<()> {
    // No spec and no conversion, the common `{x}`: a str is its own result, and a small
    // int's digits are written straight into a new str.
    if arg & 7 == 0 {
        match frame.peek_ref(1) {
            Some(Value::Obj(o)) if o.type_ref().is_same(&pyrite_object::types().str) => return Ok(()),
            Some(Value::Int(i)) => {
                let text = protocol::small_int_str(*i);
                *frame.peek(1) = Some(Value::Obj(text));
                return Ok(());
            }
            _ => {}
        }
    }
    let spec = if arg & 4 != 0 { Some(frame.pop()) } else { None };
    let value = frame.pop();
    let converted = match arg & 3 {
        1 => protocol::str_(ctx, &value)?,
        2 => protocol::repr(ctx, &value)?,
        3 => {
            let r = protocol::repr_string(ctx, &value)?;
            Value::str(&pyrite_object::methods::format::ascii_escape(&r))
        }
        _ => value,
    };
    let spec_text = spec.as_ref().and_then(Value::as_str).map_or("", PyStr::as_str);
    let result = pyrite_object::methods::format::format(ctx, &converted, spec_text)?;
    frame.push(result);
    Ok(())
}

/// The items of a mapping that is not a dict: `keys()` then `m[key]` for each.
fn mapping_items(ctx: &mut Ctx, mapping: &Value) -> PyResult<Vec<(Value, Value)>> {
    let keys_method = protocol::getattr_str(ctx, mapping, "keys")?;
    let keys = protocol::call_positional(ctx, &keys_method, &[])?;
    let mut pairs = Vec::new();
    for key in protocol::collect(ctx, &keys)? {
        let value = protocol::getitem(ctx, mapping, &key)?;
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// CPython's `_PyObject_FunctionStr`: `module.qualname()` for error messages.
pub(super) fn function_str(ctx: &mut Ctx, func: &Value) -> String {
    let qualname =
        protocol::getattr_str(ctx, func, "__qualname__").ok().and_then(|q| q.as_str().map(|s| s.as_str().to_owned()));
    let Some(qualname) = qualname else {
        return protocol::str_string(ctx, func).unwrap_or_default();
    };
    let module =
        protocol::getattr_str(ctx, func, "__module__").ok().and_then(|m| m.as_str().map(|s| s.as_str().to_owned()));
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}
