//! `functools._lru_cache_wrapper`, the object `lru_cache` returns: it calls the user
//! function through a cache keyed as CPython's `lru_cache_make_key` builds keys (a lone
//! str or int argument is its own key), unbounded (`maxsize=None`), disabled
//! (`maxsize=0`) or least-recently-used; `cache_info()`, `cache_clear()`, a `__dict__` for
//! `update_wrapper`, and method binding.
//!
//! The bounded cache follows `bounded_lru_cache_wrapper`: a dict from key to link, and the
//! links in a doubly linked list (here a slab of nodes, indexed from the dict), with the
//! same behaviour when the user function or a key's `__eq__` re-enters the cache.

use std::cell::{Cell, RefCell};

use pyrite_memory::{ObjRef, Trace, payload};
use pyrite_object::methods::attrdescr::{self, Kind};
use pyrite_object::methods::{add_methods, method_args};
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::function::BoundMethod;
use pyrite_object::types::list::PyTuple;
use pyrite_object::types::typeobj::{StaticType, new_native_type_with};
use pyrite_object::{Args, Ctx, PyErr, PyResult, Value, protocol, types};

/// A link of the bounded cache's list; index 0 is the list's root.
struct Node {
    key: Value,
    result: Value,
    hash: i64,
    prev: usize,
    next: usize,
}

impl Default for Node {
    fn default() -> Node {
        Node { key: Value::None, result: Value::None, hash: 0, prev: 0, next: 0 }
    }
}

/// The recency list: the root's `next` is the oldest link, its `prev` the newest.
struct Links {
    nodes: Vec<Node>,
    free: Vec<usize>,
    /// Bumped by `cache_clear`, so a call in progress notices its links are gone.
    generation: u64,
}

impl Links {
    fn new() -> Links {
        Links { nodes: vec![Node::default()], free: Vec::new(), generation: 0 }
    }

    fn alloc(&mut self, key: Value, result: Value, hash: i64) -> usize {
        let node = Node { key, result, hash, prev: 0, next: 0 };
        match self.free.pop() {
            Some(i) => {
                self.nodes[i] = node;
                i
            }
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        }
    }

    fn release(&mut self, i: usize) -> Node {
        self.free.push(i);
        std::mem::take(&mut self.nodes[i])
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        self.nodes[prev].next = next;
        self.nodes[next].prev = prev;
    }

    fn append(&mut self, i: usize) {
        let last = self.nodes[0].prev;
        self.nodes[last].next = i;
        self.nodes[0].prev = i;
        self.nodes[i].prev = last;
        self.nodes[i].next = 0;
    }

    fn is_empty(&self) -> bool {
        self.nodes[0].next == 0
    }

    fn valid(&self, i: usize) -> bool {
        i > 0 && i < self.nodes.len() && !self.free.contains(&i)
    }
}

/// How the wrapper caches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Uncached,
    Unbounded,
    Bounded(usize),
}

/// An `_lru_cache_wrapper`.
struct LruWrapper {
    func: Value,
    typed: bool,
    mode: Mode,
    cache_info_type: Value,
    /// Separates positional from keyword arguments in keys.
    kwd_mark: Value,
    /// Key → result (unbounded) or key → link index (bounded).
    cache: ObjRef,
    links: RefCell<Links>,
    hits: Cell<u64>,
    misses: Cell<u64>,
}

impl Trace for LruWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.traverse(visit);
        self.cache_info_type.traverse(visit);
        self.kwd_mark.traverse(visit);
        visit(&self.cache);
        if let Ok(links) = self.links.try_borrow() {
            for node in &links.nodes {
                node.key.traverse(visit);
                node.result.traverse(visit);
            }
        }
    }

    fn clear(&self) {
        if let Some(d) = self.cache.downcast::<PyDict>() {
            d.clear_items();
        }
        let old = self.links.replace(Links::new());
        drop(old);
    }
}

payload!(LruWrapper, "functools._lru_cache_wrapper", tracked);

pub(super) fn lru_type() -> &'static ObjRef {
    static TYPE: StaticType = StaticType::new();
    TYPE.get_or_init(|| {
        let ty = new_native_type_with("_lru_cache_wrapper", "functools", None, 0, |s| {
            s.new = Some(lru_new);
            s.call = Some(lru_call);
            s.descr_get = Some(lru_descr_get);
        });
        add_methods(
            &ty,
            "_lru_cache_wrapper",
            &[
                ("cache_info", cache_info),
                ("cache_clear", cache_clear),
                ("__reduce__", lru_reduce),
                ("__copy__", lru_copy),
                ("__deepcopy__", lru_deepcopy),
            ],
        );
        attrdescr::add(&ty, Kind::GetSet, &["__dict__"]);
        ty
    })
}

fn this(v: &Value) -> PyResult<&LruWrapper> {
    v.downcast::<LruWrapper>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'functools._lru_cache_wrapper' object but received '{}'",
            v.type_name()
        ))
    })
}

const NEW: pyrite_object::methods::params::Params =
    pyrite_object::methods::params::Params::new("lru_cache", &["user_function", "maxsize", "typed", "cache_info_type"])
        .required(4);

fn lru_new(ctx: &mut Ctx, ty: &ObjRef, args: Args<'_>) -> PyResult {
    let [Some(func), Some(maxsize), Some(typed), Some(info)] = NEW.bind(args)? else {
        return Err(PyErr::new_system("lru_cache"));
    };
    let typed = protocol::truthy(ctx, typed)?;
    if !protocol::callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let mode = if maxsize.is_none() {
        Mode::Unbounded
    } else if protocol::has_index(maxsize) {
        let what = |v: &Value| format!("'{}' object cannot be interpreted as an integer", v.type_name());
        let n = protocol::index(ctx, maxsize, what)?;
        let n = pyrite_object::methods::int::as_int(&n).map(std::borrow::Cow::into_owned).unwrap_or_default();
        let n = i64::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C ssize_t"))?;
        match usize::try_from(n) {
            Ok(0) | Err(_) => Mode::Uncached,
            Ok(n) => Mode::Bounded(n),
        }
    } else {
        return Err(PyErr::type_error("maxsize should be integer or None"));
    };
    let object = protocol::call_positional(ctx, &Value::Obj(types().object.clone()), &[])?;
    let wrapper = LruWrapper {
        func: func.clone(),
        typed,
        mode,
        cache_info_type: info.clone(),
        kwd_mark: object,
        cache: PyDict::new_obj(),
        links: RefCell::new(Links::new()),
        hits: Cell::new(0),
        misses: Cell::new(0),
    };
    Ok(Value::Obj(ObjRef::new_with_dict(wrapper, Some(ty))))
}

/// CPython's `lru_cache_make_key`.
fn make_key(w: &LruWrapper, args: &Args<'_>) -> Value {
    let positional = args.pos();
    let keywords: Vec<(&Value, &Value)> = args.keywords().collect();
    if !w.typed && keywords.is_empty() {
        if let [only] = positional {
            let t = types();
            let exact = |ty: &ObjRef| only.as_obj().is_none_or(|o| o.type_ref().is_same(ty));
            let scalar = match only {
                Value::Int(_) => true,
                Value::Obj(o) => o.type_ref().is_same(&t.str) || (o.type_ref().is_same(&t.int) && exact(&t.int)),
                _ => false,
            };
            if scalar {
                return only.clone();
            }
        }
        return Value::Obj(PyTuple::new_obj(positional.to_vec()));
    }
    let mut key: Vec<Value> = positional.to_vec();
    if !keywords.is_empty() {
        key.push(w.kwd_mark.clone());
        for (k, v) in &keywords {
            key.push((*k).clone());
            key.push((*v).clone());
        }
    }
    if w.typed {
        key.extend(positional.iter().map(|v| Value::Obj(v.type_ref().clone())));
        key.extend(keywords.iter().map(|(_, v)| Value::Obj(v.type_ref().clone())));
    }
    Value::Obj(PyTuple::new_obj(key))
}

fn lru_call(ctx: &mut Ctx, v: &Value, args: Args<'_>) -> PyResult {
    let w = this(v)?;
    let func = w.func.clone();
    if w.mode == Mode::Uncached {
        w.misses.set(w.misses.get() + 1);
        return protocol::call(ctx, &func, args);
    }
    let key = make_key(w, &args);
    let hash = protocol::hash(ctx, &key)?;
    let cache = w.cache.clone();
    let Some(dict) = cache.downcast::<PyDict>() else { return Err(PyErr::new_system("lru cache")) };
    let found = dict.get_item_hashed(ctx, &key, hash)?;
    let Mode::Bounded(maxsize) = w.mode else {
        if let Some(result) = found {
            w.hits.set(w.hits.get() + 1);
            return Ok(result);
        }
        w.misses.set(w.misses.get() + 1);
        let result = protocol::call(ctx, &func, args)?;
        dict.set_item_hashed(ctx, key, hash, result.clone())?;
        return Ok(result);
    };
    if let Some(Value::Int(index)) = found {
        let mut links = w.links.borrow_mut();
        let index = usize::try_from(index).unwrap_or(0);
        if links.valid(index) {
            links.unlink(index);
            links.append(index);
            w.hits.set(w.hits.get() + 1);
            return Ok(links.nodes[index].result.clone());
        }
    }
    w.misses.set(w.misses.get() + 1);
    let result = protocol::call(ctx, &func, args)?;
    if dict.get_item_hashed(ctx, &key, hash)?.is_some() {
        // The user function added this key itself: its link is already in place.
        return Ok(result);
    }
    let generation = w.links.borrow().generation;
    if dict.len() < maxsize || w.links.borrow().is_empty() {
        let index = w.links.borrow_mut().alloc(key.clone(), result.clone(), hash);
        dict.set_item_hashed(ctx, key, hash, Value::from(index))?;
        let mut links = w.links.borrow_mut();
        if links.generation == generation {
            links.append(index);
        }
        return Ok(result);
    }
    // Full: reuse the oldest link for the new key.
    let oldest = {
        let mut links = w.links.borrow_mut();
        let oldest = links.nodes[0].next;
        links.unlink(oldest);
        oldest
    };
    let (old_key, old_hash) = {
        let links = w.links.borrow();
        (links.nodes[oldest].key.clone(), links.nodes[oldest].hash)
    };
    let popped = dict.remove_hashed(ctx, &old_key, old_hash)?;
    if popped.is_none() || w.links.borrow().generation != generation {
        // Someone removed the old key meanwhile: the link is an orphan and is dropped.
        let mut links = w.links.borrow_mut();
        if links.generation == generation {
            let node = links.release(oldest);
            drop(links);
            drop(node);
        }
        return Ok(result);
    }
    let old = {
        let mut links = w.links.borrow_mut();
        let node = &mut links.nodes[oldest];
        let old = (std::mem::replace(&mut node.key, key.clone()), std::mem::replace(&mut node.result, result.clone()));
        node.hash = hash;
        old
    };
    dict.set_item_hashed(ctx, key, hash, Value::from(oldest))?;
    {
        let mut links = w.links.borrow_mut();
        if links.generation == generation {
            links.append(oldest);
        }
    }
    drop((old, popped));
    Ok(result)
}

fn lru_descr_get(_: &mut Ctx, v: &Value, obj: Option<&Value>, _: &ObjRef) -> PyResult {
    match obj {
        None | Some(Value::None) => Ok(v.clone()),
        Some(obj) => Ok(Value::Obj(BoundMethod::new_obj(v.clone(), obj.clone()))),
    }
}

fn cache_info(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("cache_info", args, 0, 0)?;
    let w = this(v)?;
    let maxsize = match w.mode {
        Mode::Unbounded => Value::None,
        Mode::Uncached => Value::Int(0),
        Mode::Bounded(n) => Value::from(n),
    };
    let size = w.cache.downcast::<PyDict>().map_or(0, PyDict::len);
    let info = w.cache_info_type.clone();
    let values = [Value::from(w.hits.get() as usize), Value::from(w.misses.get() as usize), maxsize, Value::from(size)];
    protocol::call_positional(ctx, &info, &values)
}

fn cache_clear(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("cache_clear", args, 0, 0)?;
    let w = this(v)?;
    w.hits.set(0);
    w.misses.set(0);
    let old_links = {
        let mut links = w.links.borrow_mut();
        let generation = links.generation + 1;
        std::mem::replace(&mut *links, Links { generation, ..Links::new() })
    };
    let old_items = w.cache.downcast::<PyDict>().map(|d| {
        let items = d.items();
        d.clear_items();
        items
    });
    drop((old_links, old_items));
    Ok(Value::None)
}

fn lru_reduce(ctx: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__reduce__", args, 0, 0)?;
    protocol::getattr_str(ctx, v, "__qualname__")
}

fn lru_copy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__copy__", args, 0, 0)?;
    Ok(v.clone())
}

fn lru_deepcopy(_: &mut Ctx, args: Args<'_>) -> PyResult {
    let (v, _) = method_args("__deepcopy__", args, 1, 1)?;
    Ok(v.clone())
}
