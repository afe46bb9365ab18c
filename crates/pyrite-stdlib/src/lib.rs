//! Pyrite's native modules beyond the core (`math`, `time`, `itertools`, ...): the Rust
//! side of the standard library, written against `pyrite-object`'s API and registered
//! with an interpreter by [`install`].
//!
//! Each module is one file (or a directory for large ones) with a `make` function that
//! builds the module object when it is first imported.

use pyrite_vm::Interpreter;

mod abc;
mod ast;
mod atexit;
mod binascii;
mod bisect;
mod codecs;
mod collections;
mod contextvars;
mod csv;
mod dis;
mod errno;
mod fcntl;
mod functools;
mod hashes;
mod heapq;
mod io;
mod itertools;
mod json;
mod locale;
mod marshal;
mod math;
mod operator;
mod posix;
mod posixsubprocess;
mod pysource;
mod random;
mod select;
mod signal;
mod socket;
mod sre;
mod stat;
mod string;
mod structmod;
mod thread;
mod time;
mod unicodedata;
mod warnings;
mod weakref;

/// Registers every native module of this crate with `interp`.
pub fn install(interp: &mut Interpreter) {
    interp.add_native_module("math", math::make);
    interp.add_native_module("time", time::make);
    interp.add_native_module("_string", string::make);
    interp.add_native_module("_collections", collections::make);
    interp.add_native_module("_codecs", codecs::make);
    pyrite_object::methods::codecs::set_codec_fallback(codecs::run_text_codec);
    pyrite_object::methods::codecs::set_error_handler_lookup(codecs::registered_handler);
    interp.add_native_module("_ast", ast::make);
    pyrite_vm::set_ast_hooks(ast::hooks());
    interp.add_native_module("_random", random::make);
    interp.add_native_module("_md5", hashes::make_md5);
    interp.add_native_module("_sha1", hashes::make_sha1);
    interp.add_native_module("_sha256", hashes::make_sha256);
    interp.add_native_module("_sha512", hashes::make_sha512);
    interp.add_native_module("_sha3", hashes::make_sha3);
    interp.add_native_module("_blake2", hashes::make_blake2);
    interp.add_native_module("_contextvars", contextvars::make);
    interp.add_native_module("itertools", itertools::make);
    interp.add_native_module("_thread", thread::make);
    interp.add_native_module("_weakref", weakref::make);
    interp.add_native_module("posix", posix::make);
    interp.add_native_module("errno", errno::make);
    interp.add_native_module("_stat", stat::make);
    interp.add_native_module("atexit", atexit::make);
    interp.add_native_module("_signal", signal::make);
    interp.add_native_module("_locale", locale::make);
    interp.add_native_module("_io", io::make);
    interp.add_native_module("_sre", sre::make);
    interp.add_native_module("_opcode", dis::make_opcode_native);
    interp.add_native_module("opcode", dis::make_opcode);
    interp.add_native_module("dis", dis::make_dis);
    interp.add_native_module("marshal", marshal::make);
    interp.add_native_module("_warnings", warnings::make);
    interp.add_native_module("_struct", structmod::make);
    interp.add_native_module("binascii", binascii::make);
    interp.add_native_module("_heapq", heapq::make);
    interp.add_native_module("_bisect", bisect::make);
    interp.add_native_module("_operator", operator::make);
    interp.add_native_module("_functools", functools::make);
    interp.add_native_module("_abc", abc::make);
    interp.add_native_module("unicodedata", unicodedata::make);
    pyrite_object::methods::codecs::set_char_name_lookup(unicodedata::char_name);
    interp.add_native_module("_json", json::make);
    interp.add_native_module("select", select::make);
    interp.add_native_module("_socket", socket::make);
    interp.add_native_module("_posixsubprocess", posixsubprocess::make);
    interp.add_native_module("_csv", csv::make);
    interp.add_native_module("fcntl", fcntl::make);
    io::install_std_streams(interp);
}
