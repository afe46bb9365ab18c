//! Bytecode snapshots: every `tests/fixtures/*.py` is compiled and its disassembly locked
//! in `tests/snapshots/<fixture>.snap`. Accept new ones with `INSTA_UPDATE=always` and
//! compare them with `python3 -m dis` (3.11) of the same file.

use std::path::Path;

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("file name").to_owned();
        let file = path.file_name().and_then(|s| s.to_str()).expect("file name").to_owned();
        let source = std::fs::read_to_string(&path).expect("fixture text");
        let text = match pyrite_compiler::compile(&source, &file, pyrite_compiler::Mode::Exec) {
            Ok(code) => pyrite_bytecode::dis::disassemble(&code),
            Err(e) => format!("ERROR: {e}"),
        };
        insta::with_settings!({snapshot_path => "snapshots", prepend_module_to_snapshot => false, input_file => &path}, {
            insta::assert_snapshot!(name, text);
        });
    }
}
