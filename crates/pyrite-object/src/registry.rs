//! The builtin type objects and singletons, created once per process.
//!
//! Builtin types are immortal, like CPython's static types: they are made by [`init`]
//! before anything else runs and are reachable from anywhere through [`types`]. They are
//! not interpreter state (nothing in them changes while Python code runs), so sharing
//! them process-wide does not conflict with passing the interpreter context explicitly.

use std::sync::OnceLock;

use pyrite_memory::ObjRef;

use crate::types::dict::PyDict;
use crate::types::list::PyTuple;
use crate::types::misc::Singleton;
use crate::types::typeobj::{Slots, TYPE_BASETYPE, new_type, type_payload};

macro_rules! exception_types {
    ($( $field:ident = $name:literal : $base:ident ),* $(,)?) => {
        /// The builtin types, exception types and singletons.
        pub struct TypeTable {
            pub object: ObjRef,
            pub type_: ObjRef,
            pub none_type: ObjRef,
            pub bool: ObjRef,
            pub int: ObjRef,
            pub float: ObjRef,
            pub str: ObjRef,
            pub list: ObjRef,
            pub tuple: ObjRef,
            pub dict: ObjRef,
            pub function: ObjRef,
            pub builtin_function: ObjRef,
            pub method_descriptor: ObjRef,
            pub method: ObjRef,
            pub code: ObjRef,
            pub cell: ObjRef,
            pub module: ObjRef,
            pub range: ObjRef,
            pub range_iterator: ObjRef,
            pub list_iterator: ObjRef,
            pub tuple_iterator: ObjRef,
            pub str_iterator: ObjRef,
            pub dict_keyiterator: ObjRef,
            pub not_implemented_type: ObjRef,
            pub ellipsis_type: ObjRef,
            pub traceback: ObjRef,
            pub property: ObjRef,
            pub classmethod: ObjRef,
            pub staticmethod: ObjRef,
            pub super_: ObjRef,
            pub wrapper_descriptor: ObjRef,
            pub method_wrapper: ObjRef,
            pub iterator: ObjRef,
            pub generator: ObjRef,
            pub coroutine: ObjRef,
            pub async_generator: ObjRef,
            pub slice: ObjRef,
            pub set: ObjRef,
            pub frozenset: ObjRef,
            pub set_iterator: ObjRef,
            pub enumerate: ObjRef,
            pub zip: ObjRef,
            pub map: ObjRef,
            pub filter: ObjRef,
            pub reversed: ObjRef,
            pub list_reverseiterator: ObjRef,
            pub callable_iterator: ObjRef,
            pub dict_keys: ObjRef,
            pub dict_values: ObjRef,
            pub dict_items: ObjRef,
            pub dict_valueiterator: ObjRef,
            pub dict_itemiterator: ObjRef,
            pub dict_reversekeyiterator: ObjRef,
            pub dict_reversevalueiterator: ObjRef,
            pub dict_reverseitemiterator: ObjRef,
            pub bytes: ObjRef,
            pub bytearray: ObjRef,
            pub memoryview: ObjRef,
            pub bytes_iterator: ObjRef,
            pub bytearray_iterator: ObjRef,
            pub memory_iterator: ObjRef,
            pub complex: ObjRef,
            /// The `NotImplemented` singleton.
            pub not_implemented: ObjRef,
            /// The `Ellipsis` singleton.
            pub ellipsis: ObjRef,
            /// The one empty tuple.
            pub empty_tuple: ObjRef,
            $( pub $field: ObjRef, )*
        }

        impl TypeTable {
            /// Every builtin type that is not an exception type, base types first.
            #[must_use]
            pub fn all_core(&self) -> Vec<&ObjRef> {
                vec![
            &self.object,
            &self.type_,
            &self.none_type,
            &self.bool,
            &self.int,
            &self.float,
            &self.str,
            &self.list,
            &self.tuple,
            &self.dict,
            &self.function,
            &self.builtin_function,
            &self.method_descriptor,
            &self.method,
            &self.code,
            &self.cell,
            &self.module,
            &self.range,
            &self.range_iterator,
            &self.list_iterator,
            &self.tuple_iterator,
            &self.str_iterator,
            &self.dict_keyiterator,
            &self.not_implemented_type,
            &self.ellipsis_type,
            &self.traceback,
            &self.property,
            &self.classmethod,
            &self.staticmethod,
            &self.super_,
            &self.wrapper_descriptor,
            &self.method_wrapper,
            &self.iterator,
            &self.generator,
            &self.coroutine,
            &self.async_generator,
            &self.slice,
            &self.set,
            &self.frozenset,
            &self.set_iterator,
            &self.enumerate,
            &self.zip,
            &self.map,
            &self.filter,
            &self.reversed,
            &self.list_reverseiterator,
            &self.callable_iterator,
            &self.dict_keys,
            &self.dict_values,
            &self.dict_items,
            &self.dict_valueiterator,
            &self.dict_itemiterator,
            &self.dict_reversekeyiterator,
            &self.dict_reversevalueiterator,
            &self.dict_reverseitemiterator,
            &self.bytes,
            &self.bytearray,
            &self.memoryview,
            &self.bytes_iterator,
            &self.bytearray_iterator,
            &self.memory_iterator,
            &self.complex,
            &self.dict,
                ]
            }

            /// Every builtin type, exception types included, base types first.
            #[must_use]
            pub fn all(&self) -> Vec<&ObjRef> {
                let mut all = self.all_core();
                all.extend(exception_types().into_iter().map(|(_, ty)| ty));
                all
            }
        }

        /// Names and objects of the builtin exception types, for the `builtins` module.
        #[must_use]
        pub fn exception_types() -> Vec<(&'static str, &'static ObjRef)> {
            let t = types();
            vec![$( ($name, &t.$field), )*]
        }

        fn make_exceptions(object: &ObjRef, metatype: &ObjRef) -> Vec<ObjRef> {
            let mut made: Vec<(&'static str, ObjRef)> = Vec::new();
            $(
                let base = if stringify!($base) == "object" {
                    object.clone()
                } else {
                    made.iter().find(|(n, _)| *n == stringify!($base)).map(|(_, t)| t.clone()).unwrap_or_else(|| object.clone())
                };
                made.push((stringify!($field), builtin_type(metatype, $name, Some(&base))));
            )*
            made.into_iter().map(|(_, t)| t).collect()
        }

        fn assemble(core: Vec<ObjRef>, exceptions: Vec<ObjRef>, singletons: [ObjRef; 3]) -> TypeTable {
            let mut core = core.into_iter();
            let mut next = || core.next().expect("core type list matches the table");
            let mut exceptions = exceptions.into_iter();
            let [not_implemented, ellipsis, empty_tuple] = singletons;
            TypeTable {
                object: next(), type_: next(), none_type: next(), bool: next(), int: next(), float: next(),
                str: next(), list: next(), tuple: next(), dict: next(), function: next(),
                builtin_function: next(), method_descriptor: next(), method: next(), code: next(),
                cell: next(), module: next(), range: next(), range_iterator: next(), list_iterator: next(),
                tuple_iterator: next(), str_iterator: next(), dict_keyiterator: next(),
                not_implemented_type: next(), ellipsis_type: next(), traceback: next(),
                property: next(), classmethod: next(), staticmethod: next(), super_: next(),
                wrapper_descriptor: next(), method_wrapper: next(), iterator: next(),
                generator: next(), coroutine: next(), async_generator: next(),
                slice: next(), set: next(), frozenset: next(), set_iterator: next(), enumerate: next(), zip: next(), map: next(), filter: next(), reversed: next(), list_reverseiterator: next(), callable_iterator: next(), dict_keys: next(), dict_values: next(), dict_items: next(), dict_valueiterator: next(), dict_itemiterator: next(), dict_reversekeyiterator: next(), dict_reversevalueiterator: next(), dict_reverseitemiterator: next(),
                bytes: next(), bytearray: next(), memoryview: next(), bytes_iterator: next(),
                bytearray_iterator: next(), memory_iterator: next(), complex: next(),
                not_implemented, ellipsis, empty_tuple,
                $( $field: exceptions.next().expect("exception list matches the table"), )*
            }
        }
    };
}

exception_types! {
    base_exception = "BaseException": object,
    system_exit = "SystemExit": base_exception,
    keyboard_interrupt = "KeyboardInterrupt": base_exception,
    generator_exit = "GeneratorExit": base_exception,
    exception = "Exception": base_exception,
    base_exception_group = "BaseExceptionGroup": base_exception,
    exception_group = "ExceptionGroup": base_exception_group,
    stop_iteration = "StopIteration": exception,
    stop_async_iteration = "StopAsyncIteration": exception,
    arithmetic_error = "ArithmeticError": exception,
    floating_point_error = "FloatingPointError": arithmetic_error,
    overflow_error = "OverflowError": arithmetic_error,
    zero_division_error = "ZeroDivisionError": arithmetic_error,
    assertion_error = "AssertionError": exception,
    attribute_error = "AttributeError": exception,
    buffer_error = "BufferError": exception,
    eof_error = "EOFError": exception,
    import_error = "ImportError": exception,
    module_not_found_error = "ModuleNotFoundError": import_error,
    lookup_error = "LookupError": exception,
    index_error = "IndexError": lookup_error,
    key_error = "KeyError": lookup_error,
    memory_error = "MemoryError": exception,
    name_error = "NameError": exception,
    unbound_local_error = "UnboundLocalError": name_error,
    os_error = "OSError": exception,
    blocking_io_error = "BlockingIOError": os_error,
    child_process_error = "ChildProcessError": os_error,
    connection_error = "ConnectionError": os_error,
    broken_pipe_error = "BrokenPipeError": connection_error,
    connection_aborted_error = "ConnectionAbortedError": connection_error,
    connection_refused_error = "ConnectionRefusedError": connection_error,
    connection_reset_error = "ConnectionResetError": connection_error,
    file_exists_error = "FileExistsError": os_error,
    file_not_found_error = "FileNotFoundError": os_error,
    interrupted_error = "InterruptedError": os_error,
    is_a_directory_error = "IsADirectoryError": os_error,
    not_a_directory_error = "NotADirectoryError": os_error,
    permission_error = "PermissionError": os_error,
    process_lookup_error = "ProcessLookupError": os_error,
    timeout_error = "TimeoutError": os_error,
    reference_error = "ReferenceError": exception,
    runtime_error = "RuntimeError": exception,
    not_implemented_error = "NotImplementedError": runtime_error,
    recursion_error = "RecursionError": runtime_error,
    syntax_error = "SyntaxError": exception,
    indentation_error = "IndentationError": syntax_error,
    tab_error = "TabError": indentation_error,
    system_error = "SystemError": exception,
    type_error = "TypeError": exception,
    value_error = "ValueError": exception,
    unicode_error = "UnicodeError": value_error,
    unicode_decode_error = "UnicodeDecodeError": unicode_error,
    unicode_encode_error = "UnicodeEncodeError": unicode_error,
    unicode_translate_error = "UnicodeTranslateError": unicode_error,
    warning = "Warning": exception,
    deprecation_warning = "DeprecationWarning": warning,
    runtime_warning = "RuntimeWarning": warning,
    syntax_warning = "SyntaxWarning": warning,
    user_warning = "UserWarning": warning,
    pending_deprecation_warning = "PendingDeprecationWarning": warning,
    future_warning = "FutureWarning": warning,
    import_warning = "ImportWarning": warning,
    unicode_warning = "UnicodeWarning": warning,
    bytes_warning = "BytesWarning": warning,
    resource_warning = "ResourceWarning": warning,
    encoding_warning = "EncodingWarning": warning,
}

struct Registry(TypeTable);

// SAFETY: the builtin types are immortal and, like all objects, only touched by the
// thread holding the GIL (see pyrite-memory's safety contract).
unsafe impl Sync for Registry {}
// SAFETY: as above.
unsafe impl Send for Registry {}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// The builtin types. [`init`] must have run (the VM runs it when it starts).
#[inline]
#[must_use]
pub fn types() -> &'static TypeTable {
    &REGISTRY.get().expect("pyrite_object::init() runs before any object is made").0
}

fn builtin_type(metatype: &ObjRef, name: &str, base: Option<&ObjRef>) -> ObjRef {
    let dict = ObjRef::new(PyDict::default(), None);
    let ty = new_type(Some(metatype), name, base.into_iter().cloned().collect(), dict, Slots::default(), TYPE_BASETYPE);
    ty.make_immortal();
    ty
}

/// Creates the builtin types (once per process; later calls do nothing).
pub fn init() {
    if REGISTRY.get().is_some() {
        return;
    }
    // `type` is its own type: make it with no type, then point it at itself.
    let type_dict = ObjRef::new(PyDict::default(), None);
    let object_dict = ObjRef::new(PyDict::default(), None);
    let object = new_type(None, "object", Vec::new(), object_dict, Slots::default(), TYPE_BASETYPE);
    let type_ = new_type(None, "type", vec![object.clone()], type_dict, Slots::default(), TYPE_BASETYPE);
    object.set_type(&type_);
    type_.set_type(&type_);
    object.make_immortal();
    type_.make_immortal();
    let mut core = vec![object.clone(), type_.clone()];
    let int = builtin_type(&type_, "int", Some(&object));
    for (name, base) in [("NoneType", &object), ("bool", &int)] {
        core.push(builtin_type(&type_, name, Some(base)));
    }
    core.push(int);
    for name in [
        "float",
        "str",
        "list",
        "tuple",
        "dict",
        "function",
        "builtin_function_or_method",
        "method_descriptor",
        "method",
        "code",
        "cell",
        "module",
        "range",
        "range_iterator",
        "list_iterator",
        "tuple_iterator",
        "str_ascii_iterator",
        "dict_keyiterator",
        "NotImplementedType",
        "ellipsis",
        "traceback",
        "property",
        "classmethod",
        "staticmethod",
        "super",
        "wrapper_descriptor",
        "method-wrapper",
        "iterator",
        "generator",
        "coroutine",
        "async_generator",
        "slice",
        "set",
        "frozenset",
        "set_iterator",
        "enumerate",
        "zip",
        "map",
        "filter",
        "reversed",
        "list_reverseiterator",
        "callable_iterator",
        "dict_keys",
        "dict_values",
        "dict_items",
        "dict_valueiterator",
        "dict_itemiterator",
        "dict_reversekeyiterator",
        "dict_reversevalueiterator",
        "dict_reverseitemiterator",
        "bytes",
        "bytearray",
        "memoryview",
        "bytes_iterator",
        "bytearray_iterator",
        "memory_iterator",
        "complex",
    ] {
        core.push(builtin_type(&type_, name, Some(&object)));
    }
    // Order in `core` must match `assemble`: object, type, NoneType, bool, int, ...
    let exceptions = make_exceptions(&object, &type_);
    let not_implemented = ObjRef::new(Singleton("NotImplemented"), Some(&core[23]));
    let ellipsis = ObjRef::new(Singleton("Ellipsis"), Some(&core[24]));
    let empty_tuple = ObjRef::new(PyTuple::empty(), Some(&core[8]));
    for singleton in [&not_implemented, &ellipsis, &empty_tuple] {
        singleton.make_immortal();
    }
    let table = assemble(core, exceptions, [not_implemented, ellipsis, empty_tuple]);
    // `ExceptionGroup` derives from both `BaseExceptionGroup` and `Exception`.
    let group_bases = vec![table.base_exception_group.clone(), table.exception.clone()];
    if let Ok(mro) = crate::types::heaptype::c3_mro(&table.exception_group, &group_bases) {
        *type_payload(&table.exception_group).mro.borrow_mut() = mro;
        *type_payload(&table.exception_group).bases.borrow_mut() = group_bases;
    }
    // The type dicts were made before `dict` existed: give them their type now.
    let all: Vec<&ObjRef> = [&table.object, &table.type_].into_iter().collect();
    for ty in all {
        type_payload(ty).dict.set_type(&table.dict);
    }
    if REGISTRY.set(Registry(table)).is_err() {
        return;
    }
    let t = types();
    for (_, ty) in exception_types() {
        type_payload(ty).dict.set_type(&t.dict);
    }
    for ty in t.all_core() {
        type_payload(ty).dict.set_type(&t.dict);
    }
    // `object()` has no `__dict__`; classes defined in Python add one.
    let object = type_payload(&t.object);
    object.flags.set(object.flags.get() | crate::types::typeobj::TYPE_NO_DICT);
    crate::methods::setup_all(t);
}
