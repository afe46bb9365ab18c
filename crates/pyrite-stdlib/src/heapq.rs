//! The `_heapq` module: the heap operations `heapq.py` replaces its Python versions with
//! (`heappush`, `heappop`, `heapify`, `heapreplace`, `heappushpop` and the max-heap helpers
//! `merge` and `nlargest` use), comparing with `<` exactly where CPython's `_heapqmodule.c`
//! does, so results and the order of comparisons are the same, and raising
//! `RuntimeError` when a comparison changes the list's size.

use pyrite_bytecode::CompareOp;
use pyrite_memory::ObjRef;
use pyrite_object::methods::check_args;
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyList;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native(
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    );
    Module::set(&module, "__doc__", Value::str(DOC));
    Ok(module)
}

const DOC: &str = "Heap queue algorithm (a.k.a. priority queue).

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.

Usage:

heap = []            # creates an empty heap
heappush(heap, item) # pushes a new item on the heap
item = heappop(heap) # pops the smallest item from the heap
item = heap[0]       # smallest item on the heap without popping it
heapify(x)           # transforms list into a heap, in-place, in linear time
item = heapreplace(heap, item) # pops and returns smallest item, and adds
                               # new item; the heap size is unchanged

Our API differs from textbook heap algorithms as follows:

- We use 0-based indexing.  This makes the relationship between the
  index for a node and the indexes for its children slightly less
  obvious, but is more suitable since Python uses 0-based indexing.

- Our heappop() method returns the smallest item, not the largest.

These two make it possible to view the heap as a regular Python list
without surprises: heap[0] is the smallest item, and heap.sort()
maintains the heap invariant!
";

/// Min-heap or max-heap ordering.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

impl Order {
    /// Whether `a` goes above `b` (CPython compares `a < b`, or `b < a` for max-heaps).
    fn before(self, ctx: &mut Ctx, a: &Value, b: &Value) -> PyResult<bool> {
        match self {
            Order::Min => protocol::compare_bool(ctx, a, b, CompareOp::Lt),
            Order::Max => protocol::compare_bool(ctx, b, a, CompareOp::Lt),
        }
    }
}

fn changed_size() -> PyErr {
    PyErr::runtime_error("list changed size during iteration")
}

/// The list argument, or CPython's clinic `TypeError`.
fn heap_arg<'a>(name: &str, v: &'a Value, only: bool) -> PyResult<&'a PyList> {
    if let Some(list) = v.downcast::<PyList>() {
        return Ok(list);
    }
    let position = if only { "argument" } else { "argument 1" };
    Err(PyErr::type_error(format!("{name}() {position} must be list, not {}", v.type_name())))
}

fn item(list: &PyList, i: usize) -> PyResult<Value> {
    list.get(i).ok_or_else(|| PyErr::index_error("list index out of range"))
}

fn swap(list: &PyList, i: usize, j: usize) {
    let mut items = list.items.borrow_mut();
    if i < items.len() && j < items.len() {
        items.swap(i, j);
    }
}

/// Moves the item at `pos` up towards `start` while it goes above its parent.
fn sift_down(ctx: &mut Ctx, list: &PyList, start: usize, mut pos: usize, order: Order) -> PyResult<()> {
    let size = list.len();
    if pos >= size {
        return Err(PyErr::index_error("list index out of range"));
    }
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let (new, parent) = (item(list, pos)?, item(list, parent_pos)?);
        let above = order.before(ctx, &new, &parent)?;
        if size != list.len() {
            return Err(changed_size());
        }
        if !above {
            break;
        }
        swap(list, parent_pos, pos);
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the smaller child up from `pos` down to a leaf, then sifts the item there back.
fn sift_up(ctx: &mut Ctx, list: &PyList, mut pos: usize, order: Order) -> PyResult<()> {
    let end = list.len();
    let start = pos;
    if pos >= end {
        return Err(PyErr::index_error("list index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (item(list, child)?, item(list, child + 1)?);
            if !order.before(ctx, &a, &b)? {
                child += 1;
            }
            if end != list.len() {
                return Err(changed_size());
            }
        }
        swap(list, child, pos);
        pos = child;
    }
    sift_down(ctx, list, start, pos, order)
}

fn push(ctx: &mut Ctx, name: &str, args: Args<'_>) -> PyResult {
    no_keywords(name, &args)?;
    let values = check_args(name, args, 2, 2)?;
    let list = heap_arg(name, &values[0], false)?;
    list.push(values[1].clone());
    sift_down(ctx, list, 0, list.len() - 1, Order::Min)?;
    Ok(Value::None)
}

fn heappush(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    push(ctx, "heappush", args)
}

fn no_keywords(name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("_heapq.{name}() takes no keyword arguments")))
    }
}

/// The list of a one-argument (`METH_O`) function.
fn only_list<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a PyList> {
    no_keywords(name, args)?;
    match args.values {
        [v] => heap_arg(name, v, true),
        _ => {
            Err(PyErr::type_error(format!("_heapq.{name}() takes exactly one argument ({} given)", args.values.len())))
        }
    }
}

fn pop(ctx: &mut Ctx, name: &str, args: Args<'_>, order: Order) -> PyResult {
    let list = only_list(name, &args)?;
    let Some(last) = list.items.borrow_mut().pop() else {
        return Err(PyErr::index_error("index out of range"));
    };
    if list.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut list.items.borrow_mut()[0], last);
    sift_up(ctx, list, 0, order)?;
    Ok(top)
}

fn heappop(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    pop(ctx, "heappop", args, Order::Min)
}

fn heappop_max(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    pop(ctx, "_heappop_max", args, Order::Max)
}

fn replace(ctx: &mut Ctx, name: &str, args: Args<'_>, order: Order) -> PyResult {
    no_keywords(name, &args)?;
    let values = check_args(name, args, 2, 2)?;
    let list = heap_arg(name, &values[0], false)?;
    let top = {
        let mut items = list.items.borrow_mut();
        let Some(first) = items.first_mut() else { return Err(PyErr::index_error("index out of range")) };
        std::mem::replace(first, values[1].clone())
    };
    sift_up(ctx, list, 0, order)?;
    Ok(top)
}

fn heapreplace(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    replace(ctx, "heapreplace", args, Order::Min)
}

fn heapreplace_max(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    replace(ctx, "_heapreplace_max", args, Order::Max)
}

fn heappushpop(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    no_keywords("heappushpop", &args)?;
    let values = check_args("heappushpop", args, 2, 2)?;
    let list = heap_arg("heappushpop", &values[0], false)?;
    let new = &values[1];
    let Some(top) = list.get(0) else { return Ok(new.clone()) };
    if !protocol::compare_bool(ctx, &top, new, CompareOp::Lt)? {
        return Ok(new.clone());
    }
    let top = {
        let mut items = list.items.borrow_mut();
        let Some(first) = items.first_mut() else { return Err(PyErr::index_error("index out of range")) };
        std::mem::replace(first, new.clone())
    };
    sift_up(ctx, list, 0, Order::Min)?;
    Ok(top)
}

/// CPython's `heapify`: bottom-up, and for large heaps in the cache-friendly order (each
/// node still sifted once, after its children), which also fixes the comparisons made.
fn heapify_list(ctx: &mut Ctx, list: &PyList, order: Order) -> PyResult<()> {
    let n = list.len();
    if n > 2500 {
        let m = n >> 1;
        let leftmost = keep_top_bit(m + 1) - 1;
        let half = m >> 1;
        for range in [(half..leftmost).rev().collect::<Vec<_>>(), (leftmost..m).rev().collect()] {
            for i in range {
                let mut j = i;
                loop {
                    sift_up(ctx, list, j, order)?;
                    if j & 1 == 0 {
                        break;
                    }
                    j >>= 1;
                }
            }
        }
        return Ok(());
    }
    for i in (0..n / 2).rev() {
        sift_up(ctx, list, i, order)?;
    }
    Ok(())
}

fn keep_top_bit(mut n: usize) -> usize {
    let mut shift = 0;
    while n > 1 {
        n >>= 1;
        shift += 1;
    }
    n << shift
}

fn heapify(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let list = only_list("heapify", &args)?;
    heapify_list(ctx, list, Order::Min)?;
    Ok(Value::None)
}

fn heapify_max(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let list = only_list("_heapify_max", &args)?;
    heapify_list(ctx, list, Order::Max)?;
    Ok(Value::None)
}
