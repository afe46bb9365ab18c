//! Pyrite's virtual machine: frames, the eval loop, calls, exceptions, the builtins, and
//! the interpreter API that the command line and embedders use.
//!
//! Everything runs with an explicit [`Ctx`] (the thread's interpreter context); the VM's
//! own state lives in it (see [`state`]). Nothing is kept in thread-locals.

mod asyncgen;
mod builtins;
mod call;
mod classes;
mod core_extras;
mod eval;
mod execution;
mod frame;
mod frameobject;
mod gcmodule;
mod generator;
mod imports;
mod materialize;
mod namespace;
mod reduce;
pub mod state;
mod syshooks;
mod sysinfo;
mod sysmodule;
pub mod traceback;
mod typeparams;

use std::io::IsTerminal;

pub use execution::{AstHooks, set_ast_hooks, syntax_error};
use pyrite_compiler::CompileError;
use pyrite_object::types::dict::PyDict;
use pyrite_object::types::exception::PyException;
use pyrite_object::types::str::PyStr;
use pyrite_object::{Ctx, ObjRef, PyErr, PyResult, Value, protocol};
pub use pyrite_parser::{Mode, SyntaxError};

use crate::state::{Streams, VmState, vm};
use crate::traceback::SourceCache;

/// Why running a program failed.
pub enum RunError {
    /// The source did not compile.
    Syntax(SyntaxError),
    /// An exception escaped.
    Exception(PyErr),
    /// `-m`: the module could not be found (the message to print).
    NoModule(String),
}

/// `sys.implementation`: Pyrite, implementing the language of CPython 3.11.
fn implementation() -> ObjRef {
    use pyrite_object::types::list::PyTuple;
    let version =
        PyTuple::new_obj(vec![Value::Int(0), Value::Int(1), Value::Int(0), Value::str("alpha"), Value::Int(0)]);
    namespace::new_namespace(&[
        ("name", Value::str("pyrite")),
        ("cache_tag", Value::None),
        ("version", Value::Obj(version)),
        ("hexversion", Value::Int(0x0001_00A0)),
        ("_multiarch", Value::str("x86_64-linux-gnu")),
    ])
}

/// The standard streams and `open`, made by the standard library's `_io` (the VM cannot
/// depend on it) and given to the interpreter by [`Interpreter::install_stdio`].
pub struct StdIo {
    /// `sys.stdin` (and `sys.__stdin__`).
    pub stdin: Value,
    /// `sys.stdout` (and `sys.__stdout__`).
    pub stdout: Value,
    /// `sys.stderr` (and `sys.__stderr__`).
    pub stderr: Value,
    /// The builtin `open`.
    pub open: Value,
    /// `print`'s native path for the stream objects' type.
    pub fast_write: state::FastWrite,
}

/// `import name` for native code (CPython's `PyImport_ImportModule`): the module itself,
/// also for dotted names.
///
/// # Errors
/// The `ImportError` or the exception the module's body raised.
pub fn import_module(ctx: &mut Ctx, name: &str) -> PyResult {
    imports::import_module_level(ctx, name, None, &Value::None, 0)?;
    let modules = vm(ctx).modules.clone();
    let found = modules.downcast::<PyDict>().and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str(name)));
    found.ok_or_else(|| PyErr::new(&pyrite_object::types().import_error, format!("import of {name} failed")))
}

/// The script's directory that [`Interpreter::init_sys_path`] put first on `sys.path`.
static SCRIPT_PATH_ENTRY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Imports a module CPython has already imported when a program starts (`encodings`,
/// `codecs`): as then, without the script's directory on `sys.path`, so a script's own
/// `codecs.py` does not stand in for the standard library's.
///
/// # Errors
/// As [`import_module`].
pub fn import_startup_module(ctx: &mut Ctx, name: &str) -> PyResult {
    use pyrite_object::types::list::PyList;
    let path = imports::sys_path_list(ctx);
    let list = path.as_ref().and_then(|p| p.downcast::<PyList>());
    let first = SCRIPT_PATH_ENTRY.get();
    let leads = |list: &PyList| {
        list.get(0).zip(first).is_some_and(|(v, first)| v.as_str().is_some_and(|s| s.as_str() == first))
    };
    let removed = match list {
        Some(list) if leads(list) => {
            let entry = list.items.borrow_mut().remove(0);
            Some(entry)
        }
        _ => None,
    };
    let result = import_module(ctx, name);
    if let (Some(entry), Some(list)) = (removed, list) {
        list.items.borrow_mut().insert(0, entry);
    }
    result
}

/// A `types.SimpleNamespace` with the given attributes (`sys.implementation`'s type).
#[must_use]
pub fn new_namespace(attrs: &[(&str, Value)]) -> ObjRef {
    namespace::new_namespace(attrs)
}

/// One interpreter with its main thread's context.
pub struct Interpreter {
    ctx: Ctx,
    sources: SourceCache,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// Creates an interpreter: the builtin types, the `builtins` module, the streams.
    #[must_use]
    pub fn new() -> Interpreter {
        pyrite_object::init();
        generator::install();
        asyncgen::install();
        reduce::install();
        core_extras::install();
        pyrite_object::methods::add_methods(
            &pyrite_object::types().object,
            "object",
            &[("__dir__", builtins::object_dir), ("__sizeof__", sysmodule::object_sizeof)],
        );
        let mut ctx = Ctx::new();
        ctx.hooks.call_function = eval::call_function_hook;
        ctx.hooks.current_globals = frameobject::current_globals;
        ctx.hooks.refresh_frame = frameobject::refresh_live;
        let stdout = std::io::stdout();
        let stdout_is_tty = stdout.is_terminal();
        let builtins = builtins::make_builtins();
        if let Some(d) = builtins.downcast::<PyDict>() {
            execution::install(d);
            imports::install(d);
            d.set_str("IOError", Value::Obj(pyrite_object::types().os_error.clone()));
            d.set_str("EnvironmentError", Value::Obj(pyrite_object::types().os_error.clone()));
        }
        let modules = PyDict::new_obj();
        let sys = sysmodule::make_sys(&modules, &[]);
        let sys_dict = sys.downcast::<pyrite_object::types::function::Module>().map(|m| m.dict.clone());
        let sys_dict = sys_dict.unwrap_or_else(PyDict::new_obj);
        if let Some(d) = modules.downcast::<PyDict>() {
            d.set_str("sys", Value::Obj(sys));
            if let Some(sys_dict) = sys_dict.downcast::<PyDict>() {
                frameobject::install(sys_dict);
                syshooks::install(sys_dict);
                let no_cache = std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some_and(|v| !v.is_empty());
                sysinfo::install(sys_dict, no_cache);
            }
            d.set_str("gc", Value::Obj(gcmodule::make_gc()));
            d.set_str("builtins", Value::Obj(pyrite_object::types::function::Module::new_builtin(builtins.clone())));
        }
        ctx.set_vm(VmState {
            builtins,
            modules,
            sys: sys_dict,
            initializing: Vec::new(),
            slots: frame::SlotStack::default(),
            arg_buffers: Vec::new(),
            native_modules: Vec::new(),
            loops: Vec::new(),
            streams: Streams {
                stdout: std::io::BufWriter::with_capacity(1 << 16, stdout),
                stdout_is_tty,
                installed: false,
                fast_write: None,
            },
            calling_frame: None,
            typeparams: None,
            import_lock_depth: 0,
            importlib: None,
        });
        let mut interp = Interpreter { ctx, sources: SourceCache::default() };
        interp.set_sys("implementation", Value::Obj(implementation()));
        interp.add_native_module("_imp", imports::imp::make);
        interp
    }

    /// The context, for embedders that call the object API directly.
    pub fn ctx(&mut self) -> &mut Ctx {
        &mut self.ctx
    }

    /// Makes a native module importable: `import name` calls `init` once and keeps the
    /// module in `sys.modules`. Native modules are found before `sys.path` is searched,
    /// as CPython's built-in modules are; `sys.builtin_module_names` lists them.
    pub fn add_native_module(&mut self, name: &'static str, init: state::NativeModuleInit) {
        let natives = &mut vm(&mut self.ctx).native_modules;
        natives.retain(|(n, _)| *n != name);
        natives.push((name, init));
        let names = imports::imp::builtin_names(&mut self.ctx).into_iter().map(Value::str).collect();
        self.set_sys("builtin_module_names", Value::Obj(pyrite_object::types::list::PyTuple::new_obj(names)));
    }

    /// Installs the standard streams as `sys.stdin`/`sys.stdout`/`sys.stderr` (and their
    /// `__stdin__`-style originals) and the builtin `open`; from then on `print`, `input`
    /// and the flush at exit go through these objects.
    pub fn install_stdio(&mut self, io: StdIo) {
        self.flush();
        for (name, value) in [("stdin", &io.stdin), ("stdout", &io.stdout), ("stderr", &io.stderr)] {
            self.set_sys(name, value.clone());
            self.set_sys(&format!("__{name}__"), value.clone());
        }
        if let Some(d) = vm(&mut self.ctx).builtins.downcast::<PyDict>() {
            d.set_str("open", io.open);
        }
        let streams = &mut vm(&mut self.ctx).streams;
        streams.installed = true;
        streams.fast_write = Some(io.fast_write);
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: &[String]) {
        let list = pyrite_object::types::list::PyList::new_obj(argv.iter().map(|a| Value::str(a)).collect());
        self.set_sys("argv", Value::Obj(list));
    }

    fn set_sys(&mut self, name: &str, value: Value) {
        if let Some(d) = vm(&mut self.ctx).sys.downcast::<PyDict>() {
            d.set_str(name, value);
        }
    }

    /// Sets `sys.path` to `first` (the script's directory, or `''` for `-c` and stdin),
    /// the `PYTHONPATH` entries, and the standard library: `stdlib` if given, else the
    /// one found in the usual install locations (`PYRITE_STDLIB`, pyenv, `/usr/local`, `/usr`). Sets `sys.prefix` and its kin to match.
    pub fn init_sys_path(&mut self, first: &str, stdlib: Option<&std::path::Path>) {
        let stdlib = imports::stdlib::find(stdlib);
        let path = imports::initial_path(first, stdlib.as_deref());
        let _ = SCRIPT_PATH_ENTRY.set(first.to_owned());
        let list = pyrite_object::types::list::PyList::new_obj(path.iter().map(|a| Value::str(a)).collect());
        self.set_sys("path", Value::Obj(list));
        let prefix = stdlib.as_deref().and_then(imports::stdlib::prefix).map(|p| p.display().to_string());
        let prefix = Value::str(prefix.as_deref().unwrap_or(""));
        for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
            self.set_sys(name, prefix.clone());
        }
        self.set_sys("platlibdir", Value::str("lib"));
    }

    /// Turns writing of the bytecode cache off (`-B`), as `sys.dont_write_bytecode = True`.
    pub fn set_dont_write_bytecode(&mut self) {
        self.set_sys("dont_write_bytecode", Value::Bool(true));
        self.set_sys("flags", sysinfo::flags(true));
    }

    /// Sets the start-up limit on int/str conversion digits (`-X int_max_str_digits`,
    /// `PYTHONINTMAXSTRDIGITS`), also shown as `sys.flags.int_max_str_digits`.
    ///
    /// # Errors
    /// CPython's explanation when the limit is below 640 but not 0.
    pub fn set_int_max_str_digits(&mut self, limit: usize) -> Result<(), &'static str> {
        if !sysinfo::configure_int_max_str_digits(limit) {
            return Err("invalid limit; must be >= 640 or 0 for unlimited.");
        }
        let dont_write = matches!(self.sys_value("dont_write_bytecode"), Some(Value::Bool(true)));
        self.set_sys("flags", sysinfo::flags(dont_write));
        Ok(())
    }

    /// Records a `-X` option in `sys._xoptions` (`-X name=value`, or `-X name` as `True`).
    pub fn add_xoption(&mut self, option: &str) {
        let (name, value) = match option.split_once('=') {
            Some((name, value)) => (name, Value::str(value)),
            None => (option, Value::Bool(true)),
        };
        if let Some(Value::Obj(d)) = self.sys_value("_xoptions")
            && let Some(d) = d.downcast::<PyDict>()
        {
            d.set_str(name, value);
        }
    }

    fn sys_value(&mut self, name: &str) -> Option<Value> {
        let sys = vm(&mut self.ctx).sys.clone();
        sys.downcast::<PyDict>().and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str(name)))
    }

    /// The `builtins` module, which `__main__`'s `__builtins__` names (other modules get
    /// its dict, as in CPython).
    fn builtins_module(&mut self) -> Value {
        let modules = vm(&mut self.ctx).modules.clone();
        let module = modules
            .downcast::<PyDict>()
            .and_then(|d| d.get_str(&pyrite_object::types::str::PyStr::from_str("builtins")));
        module.unwrap_or_else(|| Value::Obj(vm(&mut self.ctx).builtins.clone()))
    }

    fn main_module(&mut self, globals: &ObjRef) {
        let module = pyrite_object::types::function::Module::new_obj(globals.clone());
        if let Some(d) = vm(&mut self.ctx).modules.downcast::<PyDict>() {
            d.set_str("__main__", Value::Obj(module));
        }
    }

    /// `pyrite -m name`: runs the module (or the package's `__main__`) as `__main__`, with
    /// `sys.argv[0]` its file; `args` are the rest of `sys.argv`.
    ///
    /// # Errors
    /// The module was not found, a syntax error, or the exception that escaped.
    pub fn run_module(&mut self, name: &str, args: &[String]) -> Result<(), RunError> {
        let found = match imports::find_main_module(&mut self.ctx, name) {
            Ok(found) => found,
            Err(Ok(message)) => return Err(RunError::NoModule(message)),
            Err(Err(e)) => return Err(RunError::Exception(e)),
        };
        let file = found.file.display().to_string();
        let argv: Vec<String> = std::iter::once(file.clone()).chain(args.iter().cloned()).collect();
        self.set_argv(&argv);
        let code = match imports::source_code(&mut self.ctx, &found.file) {
            Ok(code) => code,
            Err(e) => return Err(RunError::Exception(e)),
        };
        let (spec, loader) = match imports::spec::make_spec(&mut self.ctx, &found.spec) {
            Ok(made) => made,
            Err(e) => return Err(RunError::Exception(e)),
        };
        let cached = protocol::getattr_str(&mut self.ctx, &spec, "cached").unwrap_or(Value::None);
        let globals = PyDict::new_obj();
        if let Some(d) = globals.downcast::<PyDict>() {
            d.set_str("__name__", Value::str("__main__"));
            d.set_str("__doc__", Value::None);
            d.set_str("__package__", Value::str(&found.package));
            d.set_str("__loader__", loader);
            d.set_str("__spec__", spec);
            d.set_str("__file__", Value::str(&file));
            d.set_str("__cached__", cached);
            d.set_str("__builtins__", self.builtins_module());
        }
        self.main_module(&globals);
        let result = imports::run_module_code(&mut self.ctx, code, &globals).map(drop).map_err(RunError::Exception);
        self.run_atexit();
        result
    }

    /// Runs the `atexit` callbacks when `atexit` was imported, as CPython's finalization.
    fn run_atexit(&mut self) {
        let modules = vm(&mut self.ctx).modules.clone();
        let atexit = modules.downcast::<PyDict>().and_then(|d| d.get_str(&PyStr::from_str("atexit")));
        if let Some(run) = atexit.and_then(|m| protocol::getattr_str(&mut self.ctx, &m, "_run_exitfuncs").ok()) {
            let _ = protocol::call_positional(&mut self.ctx, &run, &[]);
        }
    }

    /// Sets `sys.setrecursionlimit`'s value.
    pub fn set_recursion_limit(&mut self, limit: u32) {
        self.ctx.recursion_limit = limit;
    }

    /// Compiles and runs `source` as the `__main__` module.
    ///
    /// # Errors
    /// A syntax error, or the exception that escaped.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Result<(), RunError> {
        let code = match pyrite_compiler::compile(source, filename, Mode::Exec) {
            Ok(code) => code,
            Err(CompileError::Syntax(e)) => return Err(RunError::Syntax(e)),
            Err(CompileError::Internal(message)) => {
                return Err(RunError::Exception(PyErr::new_system(format!("compiler error: {message}"))));
            }
        };
        let globals = PyDict::new_obj();
        if let Some(d) = globals.downcast::<PyDict>() {
            d.set_str("__name__", Value::str("__main__"));
            d.set_str("__doc__", Value::None);
            d.set_str("__package__", Value::None);
            d.set_str("__loader__", Value::None);
            d.set_str("__spec__", Value::None);
            d.set_str("__builtins__", self.builtins_module());
            if filename != "<string>" && filename != "<stdin>" {
                d.set_str("__file__", Value::str(filename));
                d.set_str("__cached__", Value::None);
                d.set_str("__loader__", imports::spec::source_loader("__main__", filename));
            }
        }
        self.main_module(&globals);
        let result = self.exec_code(code, &globals).map(drop).map_err(RunError::Exception);
        self.run_atexit();
        result
    }

    /// Runs compiled module code with `globals` as both globals and locals.
    ///
    /// # Errors
    /// The exception that escaped.
    pub fn exec_code(&mut self, code: pyrite_bytecode::CodeObject, globals: &ObjRef) -> PyResult {
        let code = materialize::materialize(code)?;
        let builtins = vm(&mut self.ctx).builtins.clone();
        let frame = eval::new_frame(&mut self.ctx, code, None, globals.clone(), builtins, Some(globals.clone()));
        eval::run_frame(&mut self.ctx, frame)
    }

    /// Formats an exception's traceback as CPython prints it.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        traceback::format_exception(&mut self.ctx, &mut self.sources, err.value())
    }

    /// The exit status and message for an uncaught `SystemExit`, as CPython handles it.
    pub fn system_exit_status(&mut self, err: &PyErr) -> (i32, Option<String>) {
        let code = err
            .value()
            .downcast::<PyException>()
            .map(|e| e.args_vec())
            .map(|args| match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::Obj(pyrite_object::types::list::PyTuple::new_obj(args)),
            })
            .unwrap_or(Value::None);
        match code {
            Value::None => (0, None),
            Value::Int(i) => (i32::try_from(i).unwrap_or(-1), None),
            Value::Bool(b) => (i32::from(b), None),
            other => (1, Some(protocol::str_string(&mut self.ctx, &other).unwrap_or_default())),
        }
    }

    /// Whether the error is a `SystemExit`.
    #[must_use]
    pub fn is_system_exit(&self, err: &PyErr) -> bool {
        traceback::is_system_exit(err)
    }

    /// Flushes `sys.stdout` and `sys.stderr` (and the original streams, if replaced), as
    /// CPython does at exit; errors are ignored.
    pub fn flush(&mut self) {
        builtins::flush_stdout(&mut self.ctx);
    }
}
