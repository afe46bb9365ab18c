//! The `pyrite` command: a `python`-compatible command line.
//!
//! `pyrite FILE [ARGS]`, `pyrite -c CODE`, a program on stdin, `-V`, `-h`, and
//! `--dis FILE` to show the compiled bytecode. The interpreter runs on a thread with a
//! large stack so deep native recursion (compiler, repr of nested data) has room.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use pyrite_vm::{Interpreter, RunError};

/// Small allocations come from size-class pools (see `pyrite_memory::pool`): the buffers
/// of strs, lists and dicts are as cheap to make and free as objects.
#[global_allocator]
static ALLOCATOR: pyrite_memory::PoolAllocator = pyrite_memory::PoolAllocator;

const VERSION: &str = env!("CARGO_PKG_VERSION");
const STACK_SIZE: usize = 512 * 1024 * 1024;

const USAGE: &str = "usage: pyrite [option] ... [-c cmd | file | -] [arg] ...
Options:
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-V     : print the Python version number and exit (also --version)
-X stdlib=DIR : CPython 3.11's standard library directory (also PYRITE_STDLIB=DIR;
         default: found among the usual install locations)
--dis  : print the disassembly of the program's bytecode instead of running it
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// What the command line asks for.
enum Action {
    Run { source: Source, args: Vec<String>, options: Options },
    Help,
    Version,
}

/// Options that apply to every kind of program.
#[derive(Clone, Default)]
struct Options {
    /// `--dis`: show the bytecode instead of running.
    dis: bool,
    /// `-B`: don't write the bytecode cache.
    dont_write_bytecode: bool,
    /// `-X stdlib=DIR`: where CPython's standard library is.
    stdlib: Option<std::path::PathBuf>,
    /// Every `-X` option, for `sys._xoptions`.
    xoptions: Vec<String>,
}

enum Source {
    Command(String),
    Module(String),
    File(String),
    Stdin,
}

fn parse_args() -> Result<Action, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut options = Options::default();
    loop {
        let Some(arg) = parser.next().map_err(|e| e.to_string())? else {
            return Ok(Action::Run { source: Source::Stdin, args: Vec::new(), options });
        };
        match arg {
            Short('h' | '?') | Long("help") => return Ok(Action::Help),
            Short('V') | Long("version") => return Ok(Action::Version),
            Long("dis") => options.dis = true,
            Short('B') => options.dont_write_bytecode = true,
            Short('X') => {
                let value = parser.value().map_err(|_| "Argument expected for the -X option".to_owned())?;
                let value = value.to_string_lossy();
                // Other -X options are CPython's implementation-specific ones; accepted and ignored.
                if let Some(dir) = value.strip_prefix("stdlib=") {
                    options.stdlib = Some(dir.into());
                }
                options.xoptions.push(value.into_owned());
            }
            Short('m') => {
                let module = parser.value().map_err(|_| "Argument expected for the -m option".to_owned())?;
                let args =
                    parser.raw_args().map_err(|e| e.to_string())?.map(|a| a.to_string_lossy().into_owned()).collect();
                return Ok(Action::Run {
                    source: Source::Module(module.to_string_lossy().into_owned()),
                    args,
                    options,
                });
            }
            Short('c') => {
                let code = parser.value().map_err(|_| "Argument expected for the -c option".to_owned())?;
                let args =
                    parser.raw_args().map_err(|e| e.to_string())?.map(|a| a.to_string_lossy().into_owned()).collect();
                return Ok(Action::Run { source: Source::Command(code.to_string_lossy().into_owned()), args, options });
            }
            Short('E' | 's' | 'S' | 'u' | 'I' | 'O' | 'q') => {}
            Value(file) => {
                let file = file.to_string_lossy().into_owned();
                let args =
                    parser.raw_args().map_err(|e| e.to_string())?.map(|a| a.to_string_lossy().into_owned()).collect();
                let source = if file == "-" { Source::Stdin } else { Source::File(file) };
                return Ok(Action::Run { source, args, options });
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
}

fn read_source(source: &Source) -> Result<(Vec<u8>, String), ExitCode> {
    match source {
        Source::Command(code) => Ok((code.clone().into_bytes(), "<string>".to_owned())),
        Source::Module(_) => Ok((Vec::new(), String::new())),
        Source::Stdin => {
            if std::io::stdin().is_terminal() {
                eprintln!("pyrite: the interactive prompt is not available yet; pass a file, -c or a program on stdin");
                return Err(ExitCode::from(2));
            }
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("pyrite: can't read stdin: {e}");
                return Err(ExitCode::from(2));
            }
            Ok((bytes, "<stdin>".to_owned()))
        }
        Source::File(path) => match std::fs::read(path) {
            // CPython gives the main script's code an absolute file name.
            Ok(bytes) => {
                Ok((bytes, std::path::absolute(path).map_or_else(|_| path.clone(), |p| p.display().to_string())))
            }
            Err(e) => {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.into());
                let errno = e.raw_os_error().unwrap_or(2);
                let reason = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_owned(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_owned(),
                    _ => e.to_string(),
                };
                eprintln!("pyrite: can't open file '{}': [Errno {errno}] {reason}", absolute.display());
                Err(ExitCode::from(2))
            }
        },
    }
}

fn exit_code(status: i32) -> ExitCode {
    ExitCode::from(u8::try_from(status & 0xff).unwrap_or(1))
}

/// `sys.path[0]`: the directory of the script (symbolic links resolved), or `''`.
fn path0(source: &Source) -> String {
    match source {
        Source::File(path) => {
            let real = std::fs::canonicalize(path).or_else(|_| std::path::absolute(path));
            real.ok().and_then(|p| p.parent().map(|d| d.display().to_string())).unwrap_or_default()
        }
        Source::Module(_) => std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default(),
        Source::Command(_) | Source::Stdin => String::new(),
    }
}

/// An interpreter with the native modules, `sys.path` and the options set.
fn new_interpreter(source: &Source, options: &Options) -> Interpreter {
    let mut interpreter = Interpreter::new();
    pyrite_stdlib::install(&mut interpreter);
    interpreter.init_sys_path(&path0(source), options.stdlib.as_deref());
    if options.dont_write_bytecode {
        interpreter.set_dont_write_bytecode();
    }
    for option in &options.xoptions {
        interpreter.add_xoption(option);
    }
    configure_int_max_str_digits(&mut interpreter, options);
    interpreter
}

/// The digit limit of int/str conversions from `-X int_max_str_digits=N` (which wins) or
/// `PYTHONINTMAXSTRDIGITS`; an invalid one is fatal, as in CPython.
fn configure_int_max_str_digits(interpreter: &mut Interpreter, options: &Options) {
    let from_x = options.xoptions.iter().rev().find_map(|o| match o.split_once('=') {
        Some(("int_max_str_digits", value)) => Some(value),
        None if o == "int_max_str_digits" => Some(""),
        _ => None,
    });
    let (source, text) = match from_x {
        Some(text) => ("-X int_max_str_digits", text.to_owned()),
        None => match std::env::var("PYTHONINTMAXSTRDIGITS") {
            Ok(text) if !text.is_empty() => ("PYTHONINTMAXSTRDIGITS", text),
            _ => return,
        },
    };
    let result = match text.parse::<usize>() {
        Ok(limit) => interpreter.set_int_max_str_digits(limit),
        Err(_) => Err("invalid limit; must be >= 640 or 0 for unlimited."),
    };
    if let Err(why) = result {
        eprintln!("Fatal Python error: config_init_int_max_str_digits: {source}: {why}");
        eprintln!("Python runtime state: preinitialized");
        eprintln!();
        std::process::exit(1);
    }
}

fn run_module(name: &str, args: &[String], options: &Options) -> ExitCode {
    let mut interpreter = new_interpreter(&Source::Module(String::new()), options);
    let result = interpreter.run_module(name, args);
    finish(&mut interpreter, result)
}

fn run(source: &Source, args: &[String], options: &Options) -> ExitCode {
    if let Source::Module(name) = source {
        return run_module(name, args, options);
    }
    let dis = options.dis;
    let (bytes, filename) = match read_source(source) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let text = match pyrite_parser::decode_source(&bytes, &filename) {
        Ok(text) => text,
        Err(e) => {
            eprint!("{}", pyrite_vm::traceback::format_syntax_error(&e));
            return ExitCode::from(1);
        }
    };
    if dis {
        return match pyrite_compiler::compile(&text, &filename, pyrite_vm::Mode::Exec) {
            Ok(code) => {
                print!("{}", pyrite_bytecode::dis::disassemble(&code));
                ExitCode::SUCCESS
            }
            Err(pyrite_compiler::CompileError::Syntax(e)) => {
                eprint!("{}", pyrite_vm::traceback::format_syntax_error(&e));
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("pyrite: internal compiler error: {e}");
                ExitCode::from(1)
            }
        };
    }
    let mut interpreter = new_interpreter(source, options);
    let argv0 = match source {
        Source::Command(_) => "-c".to_owned(),
        Source::Module(name) => name.clone(),
        Source::Stdin => String::new(),
        Source::File(path) => path.clone(),
    };
    let argv: Vec<String> = std::iter::once(argv0).chain(args.iter().cloned()).collect();
    interpreter.set_argv(&argv);
    let result = interpreter.run_main(&text, &filename);
    finish(&mut interpreter, result)
}

/// Flushes stdout and reports how the program ended.
fn finish(interpreter: &mut Interpreter, result: Result<(), RunError>) -> ExitCode {
    interpreter.flush();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(RunError::Syntax(e)) => {
            eprint!("{}", pyrite_vm::traceback::format_syntax_error(&e));
            ExitCode::from(1)
        }
        Err(RunError::NoModule(message)) => {
            let executable = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
            eprintln!("{executable}: {message}");
            ExitCode::from(1)
        }
        Err(RunError::Exception(err)) => {
            if interpreter.is_system_exit(&err) {
                let (status, message) = interpreter.system_exit_status(&err);
                if let Some(message) = message {
                    eprintln!("{message}");
                }
                return exit_code(status);
            }
            let text = interpreter.format_exception(&err);
            let _ = std::io::stderr().write_all(text.as_bytes());
            ExitCode::from(1)
        }
    }
}

/// Keeps memory the C allocator gets back (blocks too large for Pyrite's pools, such as big
/// ints' digits and the buffers of long lists) instead of returning it to the system at
/// each free:
/// - glibc trims the interpreter thread's arena with a `madvise` call whenever its top
///   grows past a moving threshold, which cost a third of `benches/pidigits.py`'s time in
///   system calls;
/// - setting the trim threshold also freezes glibc's moving mmap threshold at 128 KiB, so
///   every buffer above it (a list of 8,192 items) was mapped fresh, faulted in page by
///   page, and unmapped at its free: 10% of `benches/comprehensions.py`'s time. 32 MiB is
///   where glibc's own moving threshold stops.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only sets allocator parameters; it is called before any other
    // thread exists.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}

fn main() -> ExitCode {
    let action = match parse_args() {
        Ok(action) => action,
        Err(message) => {
            eprintln!("pyrite: {message}");
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match action {
        Action::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Action::Version => {
            println!("Pyrite {VERSION} (Python 3.11.7)");
            ExitCode::SUCCESS
        }
        Action::Run { source, args, options } => {
            keep_freed_memory();
            let worker = std::thread::Builder::new()
                .name("pyrite-main".into())
                .stack_size(STACK_SIZE)
                .spawn(move || run(&source, &args, &options));
            match worker.map(std::thread::JoinHandle::join) {
                Ok(Ok(code)) => code,
                _ => {
                    eprintln!("pyrite: internal error: the interpreter thread stopped unexpectedly");
                    ExitCode::from(70)
                }
            }
        }
    }
}
