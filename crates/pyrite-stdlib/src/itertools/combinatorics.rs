//! The combinatoric iterators: `product(*iterables, repeat=1)`,
//! `combinations(iterable, r)`, `combinations_with_replacement(iterable, r)` and
//! `permutations(iterable, r=None)`. Each reads its input into a pool first and then
//! steps a vector of indices into the pool, yielding tuples in CPython's order.

use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};
use pyrite_object::methods::params::Params;
use pyrite_object::types::typeobj::StaticType;
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value};

use super::{alloc, bind_clinic, iterator_type, keyword_name, sequence_items, ssize, tuple};

/// Which of the combinatoric iterators a [`Combinatoric`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Combinations,
    WithReplacement,
    Permutations,
}

/// The pools (product's inputs, else the one input), the indices into them, the cycles
/// of the permutation algorithm, the result length, and whether the first result was
/// returned and the last one passed. Product's position `i` draws from pool
/// `i % pools.len()` (`repeat=` repeats the pools without copying them).
#[derive(Default)]
struct State {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

impl State {
    fn pool(&self, position: usize) -> &[Value] {
        &self.pools[position % self.pools.len()]
    }
}

struct Combinatoric {
    kind: Kind,
    state: PayloadCell<State>,
}

impl Trace for Combinatoric {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for pool in &self.state.borrow().pools {
            for item in pool {
                item.traverse(visit);
            }
        }
    }

    fn clear(&self) {
        drop(self.state.replace(State { stopped: true, ..State::default() }));
    }
}

payload!(Combinatoric, "itertools combinatoric iterator", tracked);

fn combinatoric_type(name: &str, new: pyrite_object::types::typeobj::NewFn) -> ObjRef {
    iterator_type(name, true, |s| {
        s.new = Some(new);
        s.next = Some(combinatoric_next);
    })
}

pub(super) fn product_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| combinatoric_type("product", product_new))
}

pub(super) fn combinations_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| combinatoric_type("combinations", combinations_new))
}

pub(super) fn cwr_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| combinatoric_type("combinations_with_replacement", cwr_new))
}

pub(super) fn permutations_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| combinatoric_type("permutations", permutations_new))
}

fn new_combinatoric(ty: &ObjRef, kind: Kind, state: State) -> Value {
    alloc(ty, Combinatoric { kind, state: PayloadCell::new(state) })
}

fn product_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let mut repeat = 1;
    for (name, value) in args.keywords() {
        if keyword_name(name) != "repeat" {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for product()",
                keyword_name(name)
            )));
        }
        repeat = ssize(ctx, value)?;
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let inputs = if repeat == 0 { &[][..] } else { args.pos() };
    let repeat = usize::try_from(repeat).unwrap_or(usize::MAX);
    if inputs.len().checked_mul(repeat).is_none_or(|n| n > isize::MAX as usize / 8) {
        return Err(PyErr::overflow("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(inputs.len());
    for input in inputs {
        pools.push(sequence_items(ctx, input)?);
    }
    let r = pools.len() * repeat;
    Ok(new_combinatoric(ty, Kind::Product, State { pools, r, ..State::default() }))
}

/// `(iterable, r)` of combinations and combinations_with_replacement: the pool and `r`.
fn pool_and_r(ctx: &mut Ctx, params: &Params, args: Args<'_>) -> PyResult<(Vec<Value>, usize)> {
    let [Some(iterable), Some(r)] = bind_clinic(params, args)? else { return Err(PyErr::new_system(params.name)) };
    let r = ssize(ctx, r)?;
    let pool = sequence_items(ctx, iterable)?;
    let r = usize::try_from(r).map_err(|_| PyErr::value_error("r must be non-negative"))?;
    Ok((pool, r))
}

const COMBINATIONS: Params = Params::new("combinations", &["iterable", "r"]).required(2);

fn combinations_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let (pool, r) = pool_and_r(ctx, &COMBINATIONS, args)?;
    let stopped = r > pool.len();
    let state = State { pools: vec![pool], indices: (0..r).collect(), r, stopped, ..State::default() };
    Ok(new_combinatoric(ty, Kind::Combinations, state))
}

const CWR: Params = Params::new("combinations_with_replacement", &["iterable", "r"]).required(2);

fn cwr_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let (pool, r) = pool_and_r(ctx, &CWR, args)?;
    let stopped = pool.is_empty() && r > 0;
    let state = State { pools: vec![pool], indices: vec![0; r], r, stopped, ..State::default() };
    Ok(new_combinatoric(ty, Kind::WithReplacement, state))
}

const PERMUTATIONS: Params = Params::new("permutations", &["iterable", "r"]).required(1);

fn permutations_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(iterable), r] = bind_clinic(&PERMUTATIONS, args)? else {
        return Err(PyErr::new_system("permutations()"));
    };
    let pool = sequence_items(ctx, iterable)?;
    let n = pool.len();
    let r = match r {
        None | Some(Value::None) => n,
        Some(r) => {
            if pyrite_object::methods::int::as_int(r).is_none() {
                return Err(PyErr::type_error("Expected int as r"));
            }
            let r = pyrite_object::methods::int::to_i64(r)?;
            usize::try_from(r).map_err(|_| PyErr::value_error("r must be non-negative"))?
        }
    };
    let stopped = r > n;
    let cycles = if stopped { Vec::new() } else { (n - r + 1..=n).rev().collect() };
    let state = State { pools: vec![pool], indices: (0..n).collect(), cycles, r, stopped, ..State::default() };
    Ok(new_combinatoric(ty, Kind::Permutations, state))
}

fn combinatoric_next(_: &mut Ctx, v: &Value) -> PyResult<Option<Value>> {
    let Some(c) = v.downcast::<Combinatoric>() else { return Ok(None) };
    let mut state = c.state.borrow_mut();
    if state.stopped {
        return Ok(None);
    }
    if state.started {
        let more = match c.kind {
            Kind::Product => advance_product(&mut state),
            Kind::Combinations => advance_combinations(&mut state),
            Kind::WithReplacement => advance_with_replacement(&mut state),
            Kind::Permutations => advance_permutations(&mut state),
        };
        if !more {
            let old = std::mem::take(&mut *state);
            drop(state);
            drop(old);
            c.state.borrow_mut().stopped = true;
            return Ok(None);
        }
    } else {
        state.started = true;
        if c.kind == Kind::Product {
            if state.pools.iter().any(Vec::is_empty) {
                state.stopped = true;
                return Ok(None);
            }
            state.indices = vec![0; state.r];
        }
    }
    let items = match c.kind {
        Kind::Product => state.indices.iter().enumerate().map(|(p, &i)| state.pool(p)[i].clone()).collect(),
        _ => {
            let pool = &state.pools[0];
            state.indices[..state.r].iter().map(|&i| pool[i].clone()).collect()
        }
    };
    drop(state);
    Ok(Some(tuple(items)))
}

/// The next product: the rightmost index that can move does, those after it restart.
fn advance_product(state: &mut State) -> bool {
    for i in (0..state.indices.len()).rev() {
        state.indices[i] += 1;
        if state.indices[i] < state.pool(i).len() {
            return true;
        }
        state.indices[i] = 0;
    }
    false
}

/// The next combination: the rightmost index below its maximum (`i + n - r`) moves up,
/// those after it follow consecutively.
fn advance_combinations(state: &mut State) -> bool {
    let n = state.pools[0].len();
    let r = state.r;
    let indices = &mut state.indices;
    let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else { return false };
    indices[i] += 1;
    for j in i + 1..r {
        indices[j] = indices[j - 1] + 1;
    }
    true
}

/// The next combination with replacement: the rightmost index below `n - 1` moves up,
/// those after it take the same value.
fn advance_with_replacement(state: &mut State) -> bool {
    let n = state.pools[0].len();
    let r = state.r;
    let indices = &mut state.indices;
    let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else { return false };
    let index = indices[i] + 1;
    for slot in &mut indices[i..r] {
        *slot = index;
    }
    true
}

/// The next permutation, by the cycles algorithm (lexicographic in the pool's order).
fn advance_permutations(state: &mut State) -> bool {
    let n = state.pools[0].len();
    if n == 0 {
        return false;
    }
    let State { indices, cycles, r, .. } = state;
    for i in (0..*r).rev() {
        cycles[i] -= 1;
        if cycles[i] == 0 {
            indices[i..].rotate_left(1);
            cycles[i] = n - i;
        } else {
            let j = cycles[i];
            indices.swap(i, n - j);
            return true;
        }
    }
    false
}
