//! The `_random` module: `Random`, the Mersenne Twister (MT19937) generator that CPython's
//! `random.py` subclasses, seeded and drawn exactly as CPython's `_randommodule.c` does so
//! that `random.seed(n)` gives CPython's sequences.

use std::cell::RefCell;

use num_bigint::{BigInt, BigUint, Sign};
use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::function::Module;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, TYPE_BASETYPE, TYPE_HEAPTYPE, new_native_type_with, type_payload};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol};

const N: usize = 624;
const M: usize = 397;

/// The generator's state.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        if self.index >= N {
            for k in 0..N {
                let y = (self.state[k] & UPPER) | (self.state[(k + 1) % N] & LOWER);
                let mag = if y & 1 == 0 { 0 } else { MATRIX_A };
                self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// A `_random.Random` object.
pub struct Random {
    mt: RefCell<Mt>,
}

impl Trace for Random {}

payload!(Random, "_random.Random", untracked);

/// Makes the module.
pub fn make(_ctx: &mut Ctx) -> PyResult<ObjRef> {
    let module = Module::new_native("_random", &[]);
    Module::set(&module, "Random", Value::Obj(random_type().clone()));
    Ok(module)
}

fn random_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("Random", "_random", None, TYPE_BASETYPE, |s| {
            s.new = Some(random_new);
        });
        add_methods(
            &ty,
            "Random",
            &[
                ("seed", random_seed),
                ("random", random_random),
                ("getrandbits", random_getrandbits),
                ("getstate", random_getstate),
                ("setstate", random_setstate),
            ],
        );
        ty
    })
}

fn this(v: &Value) -> PyResult<&Random> {
    v.downcast::<Random>().ok_or_else(|| PyErr::type_error("descriptor requires a '_random.Random' object"))
}

fn random_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    if ty.is_same(random_type()) && !args.kwnames.is_empty() {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if args.pos().len() > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    let random = Random { mt: RefCell::new(Mt { state: [0; N], index: N + 1 }) };
    let heap = type_payload(ty).flags.get() & TYPE_HEAPTYPE != 0;
    let obj = Value::Obj(if heap { ObjRef::new_with_dict(random, Some(ty)) } else { ObjRef::new(random, Some(ty)) });
    seed_with(ctx, &obj, args.pos().first())?;
    Ok(obj)
}

/// CPython's `random_seed`: None seeds from the OS, an int by its absolute value's 32-bit
/// words, anything else by its hash.
fn seed_with(ctx: &mut Ctx, v: &Value, arg: Option<&Value>) -> PyResult<()> {
    let r = this(v)?;
    let key: Vec<u32> = match arg {
        None | Some(Value::None) => {
            let mut bytes = [0u8; N * 4];
            if std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes))
                .is_err()
            {
                let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
                return {
                    r.mt.borrow_mut().init_by_array(&[t.as_nanos() as u32, std::process::id()]);
                    Ok(())
                };
            }
            bytes.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
        }
        Some(value) => {
            let number = match pyrite_object::methods::int::as_int(value) {
                Some(i) => i.into_owned(),
                None => BigInt::from(protocol::hash(ctx, value)?),
            };
            let words = number.magnitude().to_u32_digits();
            if words.is_empty() { vec![0] } else { words }
        }
    };
    r.mt.borrow_mut().init_by_array(&key);
    Ok(())
}

fn random_seed(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("seed", args, 0, 1)?;
    seed_with(ctx, v, rest.first())?;
    Ok(Value::None)
}

fn random_random(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("random", args, 0, 0)?;
    Ok(Value::Float(this(v)?.mt.borrow_mut().random()))
}

fn random_getrandbits(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("getrandbits", args, 1, 1)?;
    let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
    let k = pyrite_object::methods::int::to_i64(&protocol::index(ctx, &rest[0], what)?)?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let mut mt = this(v)?.mt.borrow_mut();
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        return Ok(Value::Int(i64::from(mt.next_u32() >> (32 - k))));
    }
    let k = usize::try_from(k).map_err(|_| PyErr::overflow("getrandbits() argument too large"))?;
    let words = k.div_ceil(32);
    let mut digits = Vec::with_capacity(words);
    let mut remaining = k;
    for _ in 0..words {
        let mut r = mt.next_u32();
        if remaining < 32 {
            r >>= 32 - remaining;
        }
        digits.push(r);
        remaining = remaining.saturating_sub(32);
    }
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&digits))))
}

fn random_getstate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("getstate", args, 0, 0)?;
    let mt = this(v)?.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::from(mt.index));
    Ok(Value::Obj(PyTuple::new_obj(items)))
}

fn random_setstate(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, rest) = method_args("setstate", args, 1, 1)?;
    let Some(items) = rest[0].downcast::<PyTuple>().map(|t| t.items().to_vec()) else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (slot, item) in state.iter_mut().zip(&items) {
        let word = pyrite_object::methods::int::to_i64(item)?;
        *slot =
            u32::try_from(word).map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned long"))?;
    }
    let index = pyrite_object::methods::int::to_i64(&items[N])?;
    let index = usize::try_from(index).ok().filter(|&i| i <= N).ok_or_else(|| PyErr::value_error("invalid state"))?;
    let mut mt = this(v)?.mt.borrow_mut();
    mt.state = state;
    mt.index = index;
    Ok(Value::None)
}
