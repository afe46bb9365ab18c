//! How a program's run is recorded: shared by `cargo xtask bless` (which writes the
//! `.expected` files) and the end-to-end harness in `crates/pyrite-cli/tests/programs.rs`
//! (which includes this file with `#[path]`), so both see output exactly alike.

use std::path::Path;

/// Output with the program's directory (an absolute path that differs between checkouts)
/// replaced by `<dir>`, so recordings are portable.
pub fn portable(output: &[u8], dir: &Path) -> Vec<u8> {
    let Ok(absolute) = dir.canonicalize() else { return output.to_vec() };
    let needle = absolute.display().to_string().into_bytes();
    let mut out = Vec::with_capacity(output.len());
    let mut rest = output;
    while let Some(at) = rest.windows(needle.len()).position(|w| w == needle.as_slice()) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(b"<dir>");
        rest = &rest[at + needle.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// The last line of `stderr` that is not blank, without trailing whitespace.
pub fn last_stderr_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines().map(str::trim_end).rfind(|line| !line.is_empty()).unwrap_or("").to_owned()
}
