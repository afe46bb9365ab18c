//! Every snapshot fixture compiles, serializes, deserializes and disassembles identically.

use std::path::Path;

#[test]
fn every_fixture_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures directory") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let file = path.file_name().and_then(|s| s.to_str()).expect("file name").to_owned();
        let source = std::fs::read_to_string(&path).expect("fixture text");
        let Ok(code) = pyrite_compiler::compile(&source, &file, pyrite_compiler::Mode::Exec) else {
            continue; // fixtures of compile errors have nothing to serialize
        };
        let bytes = pyrite_bytecode::serialize(&code);
        let back = pyrite_bytecode::deserialize(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            pyrite_bytecode::dis::disassemble(&back),
            pyrite_bytecode::dis::disassemble(&code),
            "{file}: disassembly changed by a round trip"
        );
        assert_eq!(pyrite_bytecode::serialize(&back), bytes, "{file}: bytes changed by a round trip");
        count += 1;
    }
    assert!(count > 0, "no fixture compiled");
}
