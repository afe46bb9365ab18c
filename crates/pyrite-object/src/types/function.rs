//! Callables: Python functions, their code, cells, native functions and bound methods.

use pyrite_bytecode::exceptiontable::ExceptionTableEntry;
use pyrite_bytecode::{CodeObject, CodeUnit, Opcode};
use pyrite_memory::{ObjRef, PayloadCell, Trace, payload};

use crate::ctx::{Args, Ctx};
use crate::error::PyResult;
use crate::registry::types;
use crate::value::Value;

/// A function implemented in Rust: receives the context and the arguments (for methods,
/// `self` first).
pub type NativeFn = fn(&mut Ctx, Args<'_>) -> PyResult;

/// The runtime form of a code object: the bytecode plus its constants and names turned
/// into values once.
pub struct Code {
    /// The compiled code as the compiler produced it.
    pub bytecode: CodeObject,
    /// `co_consts` as values.
    pub consts: Box<[Value]>,
    /// `co_names` as str values.
    pub names: Box<[Value]>,
    /// `co_varnames` as str values.
    pub varnames: Box<[Value]>,
    /// `co_name`.
    pub name: Value,
    /// `co_qualname`.
    pub qualname: Value,
    /// The code units the eval loop runs: a copy of `bytecode.code` that the VM
    /// specializes in place (PEP 659). `bytecode` keeps the unspecialized form, which is
    /// what serialization, `dis` and tracebacks read.
    pub units: Box<[std::cell::Cell<CodeUnit>]>,
    /// Inline-cache entries of the instructions whose caches need more room than their
    /// cache units give: the first cache unit of such an instruction holds its entry's
    /// position here (see [`Code::cache_entry_of`]).
    pub caches: Box<[CacheEntry]>,
    /// The exception table decoded, the first time something is raised in this code (a
    /// lookup then bisects entries rather than decoding the table's varints each time).
    handlers: std::cell::OnceCell<Box<[ExceptionTableEntry]>>,
    /// [`Code::nlocalsplus`], counted once.
    nlocalsplus: usize,
    /// How many slots a frame of this code has: the locals plus, cells and free variables,
    /// then the value stack (one more than its depth, which the eval loop's writes may
    /// touch).
    pub frame_slots: usize,
    /// The number of positional parameters, when a call giving exactly that many
    /// positional arguments binds them to the first locals as they are: no `*args`,
    /// `**kwargs` or keyword-only parameters, and not a generator or coroutine function.
    /// `usize::MAX` (which no call gives) otherwise. One compare for the call fast paths.
    pub plain_argcount: usize,
}

/// The run-time cache of one instruction (`LOAD_GLOBAL`, `LOAD_ATTR`, `STORE_ATTR`):
/// plain numbers only, never references, so a cache keeps nothing alive. What each field
/// means depends on the instruction and its specialized form.
#[derive(Default)]
pub struct CacheEntry {
    /// A guard: a type's version tag, or a dict's version.
    pub version: std::cell::Cell<u64>,
    /// A second guard: another dict's version.
    pub version2: std::cell::Cell<u64>,
    /// A position in a dict's entries.
    pub index: std::cell::Cell<u32>,
    /// A depth in an MRO, or which dict `index` is in (`LOAD_ATTR_METHOD` also keeps a
    /// flag in its high bit: the instances cannot have a `__dict__`).
    pub depth: std::cell::Cell<u16>,
    /// Executions left before the next attempt to specialize.
    pub counter: std::cell::Cell<u16>,
    /// More guards with their positions, for sites that see several types (0 for a free
    /// place): `LOAD_ATTR_INSTANCE_VALUE` keeps a type's version tag and a position in its
    /// shared keys, `LOAD_ATTR_METHOD` a class's method guard and the method's MRO depth
    /// and dict position, packed.
    pub more: [(std::cell::Cell<u64>, std::cell::Cell<u16>); 3],
}

/// The first cache unit of an instruction without a [`CacheEntry`].
pub const NO_CACHE_ENTRY: u16 = u16::MAX;

/// Whether instructions of `op` get a [`CacheEntry`].
#[must_use]
pub fn has_cache_entry(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR | Opcode::STORE_ATTR)
}

impl Trace for Code {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for value in self.consts.iter().chain(self.names.iter()).chain(self.varnames.iter()) {
            value.traverse(visit);
        }
        self.name.traverse(visit);
        self.qualname.traverse(visit);
    }
}

payload!(Code, "code", tracked);

impl Code {
    /// The runtime code for compiled code whose constants and names are already values.
    #[must_use]
    pub fn new(bytecode: CodeObject, consts: Box<[Value]>, names: Box<[Value]>, varnames: Box<[Value]>) -> Code {
        let units: Box<[std::cell::Cell<CodeUnit>]> = bytecode.code.iter().map(|u| std::cell::Cell::new(*u)).collect();
        let mut entries = 0usize;
        let mut ip = 0;
        while ip < units.len() {
            let unit = units[ip].get();
            let op = Opcode::from_u8(unit.op);
            let caches = op.map_or(0, Opcode::cache_units);
            if let Some(op) = op
                && has_cache_entry(op)
                && let Some(first) = units.get(ip + 1)
            {
                let position = u16::try_from(entries).ok().filter(|&p| p != NO_CACHE_ENTRY);
                let [lo, hi] = position.unwrap_or(NO_CACHE_ENTRY).to_le_bytes();
                first.set(CodeUnit { op: lo, arg: hi });
                entries += usize::from(position.is_some());
            }
            ip += 1 + caches;
        }
        write_superinstructions(&units);
        let caches = (0..entries).map(|_| CacheEntry::default()).collect();
        let nlocalsplus = bytecode.varnames.len() + bytecode.cellvars.len() + bytecode.freevars.len();
        let unusual = pyrite_bytecode::flags::GENERATOR
            | pyrite_bytecode::flags::COROUTINE
            | pyrite_bytecode::flags::ASYNC_GENERATOR
            | pyrite_bytecode::flags::VARARGS
            | pyrite_bytecode::flags::VARKEYWORDS;
        let plain = bytecode.flags & unusual == 0 && bytecode.kwonlyargcount == 0;
        Code {
            nlocalsplus,
            frame_slots: nlocalsplus + bytecode.stacksize as usize + 1,
            plain_argcount: if plain { bytecode.argcount as usize } else { usize::MAX },
            name: Value::Obj(crate::types::intern::intern_str(&bytecode.name)),
            qualname: Value::str(&bytecode.qualname),
            consts,
            names,
            varnames,
            units,
            caches,
            handlers: std::cell::OnceCell::new(),
            bytecode,
        }
    }

    /// The handler of an exception raised at code unit `index` (CPython 3.11's
    /// `get_exception_handler`): entries are sorted by start and do not overlap.
    #[must_use]
    pub fn handler_for(&self, index: u32) -> Option<ExceptionTableEntry> {
        let handlers = self
            .handlers
            .get_or_init(|| pyrite_bytecode::exceptiontable::decode(&self.bytecode.exceptiontable).into_boxed_slice());
        let after = handlers.partition_point(|e| e.start <= index);
        let entry = handlers.get(after.checked_sub(1)?)?;
        (index < entry.end).then_some(*entry)
    }

    /// The cache entry of the instruction whose first cache unit is at `ip`.
    #[inline]
    #[must_use]
    pub fn cache_entry_of(&self, ip: usize) -> Option<&CacheEntry> {
        let unit = self.units.get(ip)?.get();
        self.caches.get(usize::from(u16::from_le_bytes([unit.op, unit.arg])))
    }

    /// Number of local slots: parameters and locals, then cells, then free variables.
    #[inline]
    #[must_use]
    pub fn nlocalsplus(&self) -> usize {
        self.nlocalsplus
    }
}

/// Writes CPython 3.11's superinstructions over the first of each pair of instructions
/// they join ([`Opcode::superinstruction`]), pairs read from the code as compiled. The
/// second of a pair may itself start the next pair (its unit keeps its argument, which is
/// all the first reads of it), and it never has an `EXTENDED_ARG` prefix (the first sits
/// right before it); a first with one is left alone.
fn write_superinstructions(units: &[std::cell::Cell<CodeUnit>]) {
    let code: Vec<CodeUnit> = units.iter().map(std::cell::Cell::get).collect();
    let mut ip = 0;
    let mut extended = false;
    while ip < code.len() {
        let Some(op) = Opcode::from_u8(code[ip].op) else { return };
        if !extended
            && let Some(second) = code.get(ip + 1).and_then(|next| Opcode::from_u8(next.op))
            && let Some(joined) = Opcode::superinstruction(op, second)
        {
            units[ip].set(CodeUnit { op: joined as u8, arg: code[ip].arg });
        }
        extended = op == Opcode::EXTENDED_ARG;
        ip += 1 + op.cache_units();
    }
}

/// A function defined in Python.
pub struct Function {
    /// The `Code` object; `__code__` can be reassigned.
    pub code: PayloadCell<ObjRef>,
    /// The module globals dict.
    pub globals: ObjRef,
    /// `__name__`.
    pub name: PayloadCell<Value>,
    /// `__qualname__`.
    pub qualname: PayloadCell<Value>,
    /// `__defaults__`: a tuple or None.
    pub defaults: PayloadCell<Value>,
    /// `__kwdefaults__`: a dict or None.
    pub kwdefaults: PayloadCell<Value>,
    /// `__closure__`: a tuple of cells or None.
    pub closure: PayloadCell<Value>,
    /// `__doc__`.
    pub doc: PayloadCell<Value>,
    /// `__module__`.
    pub module: PayloadCell<Value>,
    /// `__annotations__`: a dict or None.
    pub annotations: PayloadCell<Value>,
    /// `__dict__`, created on first use.
    pub dict: PayloadCell<Option<ObjRef>>,
}

impl Trace for Function {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code.borrow());
        visit(&self.globals);
        for cell in [
            &self.name,
            &self.qualname,
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.doc,
            &self.module,
            &self.annotations,
        ] {
            cell.borrow().traverse(visit);
        }
        if let Some(dict) = &*self.dict.borrow() {
            visit(dict);
        }
    }

    fn clear(&self) {
        let old = (
            self.defaults.replace(Value::None),
            self.kwdefaults.replace(Value::None),
            self.closure.replace(Value::None),
            self.annotations.replace(Value::None),
            self.dict.replace(None),
        );
        drop(old);
    }
}

payload!(Function, "function", tracked);

impl Function {
    /// The function's current code object.
    #[inline]
    #[must_use]
    pub fn code_obj(&self) -> ObjRef {
        self.code.borrow().clone()
    }
}

/// A cell: one variable shared between a function and the functions nested in it.
#[derive(Default)]
pub struct Cell {
    /// The contents; `None` when empty (unbound).
    pub value: PayloadCell<Option<Value>>,
}

impl Trace for Cell {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(value) = &*self.value.borrow() {
            value.traverse(visit);
        }
    }

    fn clear(&self) {
        let old = self.value.replace(None);
        drop(old);
    }
}

payload!(Cell, "cell", tracked);

impl Cell {
    /// A new cell object.
    #[must_use]
    pub fn new_obj(value: Option<Value>) -> ObjRef {
        ObjRef::new(Cell { value: PayloadCell::new(value) }, Some(&types().cell))
    }
}

/// A function implemented in Rust; bound to `self` when `bound` is set.
pub struct BuiltinFunction {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// For methods: the object it is bound to.
    pub bound: Option<Value>,
    /// For methods: the name of the owning type (for `__qualname__` and messages).
    pub owner: Option<&'static str>,
    /// For functions of a module: the module's name (`__module__`, a str).
    pub module: Option<Value>,
    /// For method descriptors of builtin types: the type, which the first argument of an
    /// unbound call must be an instance of.
    pub owner_type: Option<ObjRef>,
}

impl Trace for BuiltinFunction {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Some(bound) = &self.bound {
            bound.traverse(visit);
        }
        if let Some(module) = &self.module {
            module.traverse(visit);
        }
        if let Some(owner) = &self.owner_type {
            visit(owner);
        }
    }
}

payload!(BuiltinFunction, "builtin_function_or_method", tracked);

impl BuiltinFunction {
    /// A module-level native function (`len`, `print`, ...).
    #[must_use]
    pub fn new_obj(name: &'static str, func: NativeFn) -> ObjRef {
        ObjRef::new(
            BuiltinFunction { name, func, bound: None, owner: None, module: None, owner_type: None },
            Some(&types().builtin_function),
        )
    }

    /// A native function of the module `module` (its `__module__`).
    #[must_use]
    pub fn new_in_module(module: &str, name: &'static str, func: NativeFn) -> ObjRef {
        let function = BuiltinFunction {
            name,
            func,
            bound: None,
            owner: None,
            module: Some(Value::str(module)),
            owner_type: None,
        };
        ObjRef::new(function, Some(&types().builtin_function))
    }

    /// An unbound method descriptor of a builtin type.
    #[must_use]
    pub fn new_method(owner: &'static str, name: &'static str, func: NativeFn) -> ObjRef {
        let method = BuiltinFunction { name, func, bound: None, owner: Some(owner), module: None, owner_type: None };
        ObjRef::new(method, Some(&types().method_descriptor))
    }

    /// An unbound method descriptor of the builtin type `ty` (named `owner`): calling it
    /// unbound checks that the first argument is an instance of `ty`, as CPython's
    /// `method_descriptor` does.
    #[must_use]
    pub fn new_method_of(ty: &ObjRef, owner: &'static str, name: &'static str, func: NativeFn) -> ObjRef {
        let method =
            BuiltinFunction { name, func, bound: None, owner: Some(owner), module: None, owner_type: Some(ty.clone()) };
        ObjRef::new(method, Some(&types().method_descriptor))
    }

    /// The method bound to `obj`.
    #[must_use]
    pub fn bind(&self, obj: Value) -> ObjRef {
        ObjRef::new(
            BuiltinFunction {
                name: self.name,
                func: self.func,
                bound: Some(obj),
                owner: self.owner,
                module: self.module.clone(),
                owner_type: None,
            },
            Some(&types().builtin_function),
        )
    }
}

/// A Python function bound to an object (`obj.method`).
pub struct BoundMethod {
    /// The function.
    pub func: Value,
    /// The object (`__self__`).
    pub this: Value,
}

impl Trace for BoundMethod {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        self.func.traverse(visit);
        self.this.traverse(visit);
    }
}

payload!(BoundMethod, "method", tracked);

impl BoundMethod {
    /// A new bound method object.
    #[must_use]
    pub fn new_obj(func: Value, this: Value) -> ObjRef {
        ObjRef::new(BoundMethod { func, this }, Some(&types().method))
    }
}

/// A module object: a namespace dict with a name.
pub struct Module {
    /// The module's globals.
    pub dict: ObjRef,
    /// Whether it is a native (built-in) module, shown by its repr.
    pub builtin: bool,
}

impl Trace for Module {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.dict);
    }
}

payload!(Module, "module", tracked);

impl Module {
    /// A module object around a dict.
    #[must_use]
    pub fn new_obj(dict: ObjRef) -> ObjRef {
        ObjRef::new(Module { dict, builtin: false }, Some(&types().module))
    }

    /// A built-in module object around a dict (`sys`, `builtins`, native modules).
    #[must_use]
    pub fn new_builtin(dict: ObjRef) -> ObjRef {
        ObjRef::new(Module { dict, builtin: true }, Some(&types().module))
    }

    /// A native module named `name` holding `functions` (module-level native functions, so
    /// `__self__` is None where CPython's is the module).
    #[must_use]
    pub fn new_native(name: &str, functions: &[(&'static str, NativeFn)]) -> ObjRef {
        let dict = crate::types::dict::PyDict::new_obj();
        let module = Module::new_builtin(dict.clone());
        if let Some(d) = dict.downcast::<crate::types::dict::PyDict>() {
            crate::types::intern::set_name(d, "__name__", Value::str(name));
            crate::types::intern::set_name(d, "__doc__", Value::None);
            crate::types::intern::set_name(d, "__package__", Value::str(""));
            crate::types::intern::set_name(d, "__loader__", Value::None);
            crate::types::intern::set_name(d, "__spec__", Value::None);
            for &(fname, func) in functions {
                // Interned keys: the names code looks them up by are interned too.
                let key = Value::Obj(crate::types::intern::intern_str(fname));
                drop(d.store_str(&key, Value::Obj(BuiltinFunction::new_in_module(name, fname, func))));
            }
        }
        module
    }

    /// Sets an attribute of a module (for building native modules).
    pub fn set(module: &ObjRef, name: &str, value: Value) {
        if let Some(d) = module.downcast::<Module>().and_then(|m| m.dict.downcast::<crate::types::dict::PyDict>()) {
            crate::types::intern::set_name(d, name, value);
        }
    }
}

/// A builtin type's dunder method that calls one of its slots (`object.__init__`,
/// `int.__add__`): CPython's `wrapper_descriptor`, bound as `method-wrapper`.
pub struct SlotWrapper {
    /// The dunder's name.
    pub name: &'static str,
    /// The type whose slot is called.
    pub owner: ObjRef,
    /// Which slot.
    pub kind: crate::methods::slots::SlotKind,
    /// The object it is bound to, if any.
    pub bound: Option<Value>,
}

impl Trace for SlotWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.owner);
        if let Some(bound) = &self.bound {
            bound.traverse(visit);
        }
    }
}

payload!(SlotWrapper, "wrapper_descriptor", tracked);
