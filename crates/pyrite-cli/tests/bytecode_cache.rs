//! The bytecode cache: written on the first run, reused while the source is unchanged,
//! rewritten after the source changes, and a corrupt cache file is ignored and replaced.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrite-cache-test-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("main.py"), "from pkg import mod\nprint(mod.VALUE)\n").unwrap();
    std::fs::write(dir.join("pkg/__init__.py"), "").unwrap();
    std::fs::write(dir.join("pkg/mod.py"), "VALUE = 'first'\n").unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .output()
        .unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn cache_file(dir: &Path) -> PathBuf {
    let cache = dir.join("pkg/__pycache__");
    let name = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("mod.pyrite-") && n.ends_with(".pyc"))
        .expect("a cache file for pkg/mod.py");
    assert!(!name.contains("cpython"));
    cache.join(name)
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn written_reused_and_rewritten() {
    let dir = project("written");
    assert_eq!(run(&dir, &["main.py"]), "first\n");
    let cache = cache_file(&dir);
    let written = modified(&cache);
    let bytes = std::fs::read(&cache).unwrap();
    assert_eq!(&bytes[..4], b"PYRC");
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(run(&dir, &["main.py"]), "first\n");
    assert_eq!(modified(&cache), written, "an unchanged source reuses the cache");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(dir.join("pkg/mod.py"), "VALUE = 'second, longer'\n").unwrap();
    assert_eq!(run(&dir, &["main.py"]), "second, longer\n");
    assert!(modified(&cache) > written, "a changed source rewrites the cache");
    assert_ne!(std::fs::read(&cache).unwrap(), bytes);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corrupt_cache_is_ignored_and_replaced() {
    let dir = project("corrupt");
    assert_eq!(run(&dir, &["main.py"]), "first\n");
    let cache = cache_file(&dir);
    let good = std::fs::read(&cache).unwrap();
    let mut corrupt = good.clone();
    let n = corrupt.len();
    corrupt.truncate(n / 2 + 20);
    for b in &mut corrupt[40..] {
        *b ^= 0x5a;
    }
    std::fs::write(&cache, &corrupt).unwrap();
    assert_eq!(run(&dir, &["main.py"]), "first\n");
    assert_eq!(std::fs::read(&cache).unwrap(), good, "a corrupt cache file is rewritten");
    std::fs::write(&cache, b"garbage").unwrap();
    assert_eq!(run(&dir, &["main.py"]), "first\n");
    assert_eq!(std::fs::read(&cache).unwrap(), good);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dont_write_bytecode() {
    let dir = project("nowrite");
    assert_eq!(run(&dir, &["-B", "main.py"]), "first\n");
    assert!(!dir.join("pkg/__pycache__").exists(), "-B writes no cache");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .arg("main.py")
        .current_dir(&dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "first\n");
    assert!(!dir.join("pkg/__pycache__").exists(), "PYTHONDONTWRITEBYTECODE writes no cache");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn run_module_and_package() {
    let dir = project("module");
    std::fs::write(dir.join("pkg/__main__.py"), "import sys\nprint(__name__, __package__, sys.argv[1:])\n").unwrap();
    assert_eq!(run(&dir, &["-m", "pkg", "a", "b"]), "__main__ pkg ['a', 'b']\n");
    std::fs::write(dir.join("pkg/tool.py"), "import sys\nprint(__name__, sys.argv[0].endswith('tool.py'))\n").unwrap();
    assert_eq!(run(&dir, &["-m", "pkg.tool"]), "__main__ True\n");
    let out = Command::new(env!("CARGO_BIN_EXE_pyrite")).args(["-m", "nosuch"]).current_dir(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).ends_with(": No module named nosuch\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
