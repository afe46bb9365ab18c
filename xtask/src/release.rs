//! Release builds of the `pyrite` binary for `bench` and `pgo`, and where cargo put them
//! (`target/<host triple>/release/pyrite` with the workspace's `.cargo/config.toml`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `cargo build --release -p pyrite-cli`, into `target_dir` when given (else the workspace's
/// default, whatever `CARGO_TARGET_DIR` says, so everyone measures one binary), with
/// `rustflags` added to those `.cargo/config.toml` sets. Returns the binary's path.
pub fn build(root: &Path, target_dir: Option<&str>, rustflags: &[String]) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(&cargo);
    command
        .current_dir(root)
        .args(["build", "--release", "-p", "pyrite-cli", "--message-format=json-render-diagnostics"])
        .env_remove("CARGO_TARGET_DIR")
        .stdout(Stdio::piped());
    if let Some(dir) = target_dir {
        command.args(["--target-dir", dir]);
    }
    if !rustflags.is_empty() {
        // Cargo joins the flags of every `[target.<cfg>]` table that matches; `cfg(all())`
        // always does. (RUSTFLAGS would replace the configuration's flags instead.)
        let quoted: Vec<String> = rustflags.iter().map(|f| format!("{f:?}")).collect();
        command.arg("--config").arg(format!("target.'cfg(all())'.rustflags = [{}]", quoted.join(", ")));
    }
    eprintln!(
        "cargo build --release -p pyrite-cli{}",
        target_dir.map(|d| format!(" --target-dir {d}")).unwrap_or_default()
    );
    let output = command.output().map_err(|e| format!("cannot run `{cargo}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("release build failed ({})", output.status));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .filter(|line| line.contains("\"reason\":\"compiler-artifact\"") && line.contains("\"name\":\"pyrite\""))
        .find_map(executable_of)
        .ok_or_else(|| "cargo reported no `pyrite` executable".to_owned())
}

/// The `"executable"` path of one of cargo's JSON artifact messages.
fn executable_of(line: &str) -> Option<PathBuf> {
    let key = "\"executable\":\"";
    let start = line.find(key)? + key.len();
    let end = start + line[start..].find('"')?;
    Some(PathBuf::from(line[start..end].replace("\\\\", "\\")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_executable_in_an_artifact_message() {
        let line = r#"{"reason":"compiler-artifact","target":{"name":"pyrite"},"executable":"/w/target/x/release/pyrite","fresh":true}"#;
        assert_eq!(executable_of(line), Some(PathBuf::from("/w/target/x/release/pyrite")));
        assert_eq!(executable_of(r#"{"reason":"compiler-artifact","executable":null}"#), None);
    }
}
