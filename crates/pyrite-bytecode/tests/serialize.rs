//! The binary form of code objects: round trips of every constant kind, the header checks,
//! and corrupt or truncated input that must give an error, never a panic.

use pyrite_bytecode::serialize::{DeserializeErrorKind, MAGIC, MAX_DEPTH, tag};
use pyrite_bytecode::{CodeObject, CodeUnit, Constant, FORMAT_VERSION, Opcode, deserialize, serialize};

fn code(name: &str, constants: Vec<Constant>) -> CodeObject {
    CodeObject {
        name: name.into(),
        qualname: format!("outer.<locals>.{name}").into(),
        filename: "tést.py".into(),
        first_line: 300,
        flags: 0x23,
        argcount: 2,
        posonlyargcount: 1,
        kwonlyargcount: 1,
        stacksize: 7,
        code: vec![
            CodeUnit::new(Opcode::RESUME, 0),
            CodeUnit::new(Opcode::LOAD_CONST, 0),
            CodeUnit::new(Opcode::RETURN_VALUE, 0),
        ],
        constants,
        names: vec!["print".into(), "λ".into()],
        varnames: vec!["a".into(), "b".into(), "c".into()],
        cellvars: vec!["a".into(), "x".into()],
        freevars: vec!["y".into()],
        cell2arg: vec![Some(0), None],
        linetable: vec![0x80, 1, 2, 0xFF],
        exceptiontable: vec![0x81, 0x02, 0x03],
    }
}

fn every_constant() -> Vec<Constant> {
    vec![
        Constant::None,
        Constant::Ellipsis,
        Constant::Bool(false),
        Constant::Bool(true),
        Constant::Int(0),
        Constant::Int(-1),
        Constant::Int(i64::MIN),
        Constant::Int(i64::MAX),
        Constant::BigInt(vec![0, 0, 0, 0, 0, 0, 0, 0, 1].into()),
        Constant::Float(-0.0),
        Constant::Float(f64::NAN),
        Constant::Float(f64::INFINITY),
        Constant::Complex { re: 1.5, im: -2.0 },
        Constant::Str("".into()),
        Constant::Str("héllo \u{1F600}".into()),
        Constant::Bytes(vec![0, 255, 10].into()),
        Constant::Tuple(vec![Constant::Int(1), Constant::Tuple(vec![].into())].into()),
        Constant::FrozenSet(vec![Constant::Str("a".into())].into()),
        Constant::Code(Box::new(code("inner", vec![Constant::None]))),
    ]
}

/// `PartialEq` on floats calls NaN unequal; compare constants bit for bit instead.
fn assert_same(a: &CodeObject, b: &CodeObject) {
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}

#[test]
fn round_trips_every_field_and_constant_kind() {
    let original = code("f", every_constant());
    let bytes = serialize(&original);
    assert_eq!(&bytes[..4], &MAGIC);
    assert_eq!(&bytes[4..8], &FORMAT_VERSION.to_le_bytes());
    let back = deserialize(&bytes).expect("round trip");
    assert_same(&original, &back);
    assert_eq!(serialize(&back), bytes);
}

#[test]
fn cache_units_are_written_zeroed() {
    let mut original = code("f", vec![Constant::None]);
    let caches = Opcode::LOAD_GLOBAL.cache_units();
    assert!(caches > 0, "LOAD_GLOBAL has caches");
    original.code = vec![CodeUnit::new(Opcode::LOAD_GLOBAL, 1)];
    original.code.extend((0..caches).map(|i| CodeUnit { op: 0xAB, arg: u8::try_from(i).unwrap() }));
    original.code.push(CodeUnit::new(Opcode::RETURN_VALUE, 0));
    let back = deserialize(&serialize(&original)).expect("round trip");
    assert_eq!(back.code[0], original.code[0]);
    assert!(back.code[1..=caches].iter().all(|u| *u == CodeUnit::default()));
    assert_eq!(back.code[caches + 1], CodeUnit::new(Opcode::RETURN_VALUE, 0));
}

#[test]
fn rejects_bad_magic() {
    let mut bytes = serialize(&code("f", vec![]));
    bytes[0] = b'X';
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::BadMagic);
    assert_eq!(deserialize(b"").unwrap_err().kind, DeserializeErrorKind::UnexpectedEnd);
    assert_eq!(deserialize(b"\x7fELF\x02\x01\x01\x00").unwrap_err().kind, DeserializeErrorKind::BadMagic);
}

#[test]
fn rejects_other_format_versions() {
    for version in [0, FORMAT_VERSION + 1, u32::MAX] {
        let mut bytes = serialize(&code("f", vec![]));
        bytes[4..8].copy_from_slice(&version.to_le_bytes());
        let err = deserialize(&bytes).unwrap_err();
        assert_eq!(err.kind, DeserializeErrorKind::UnsupportedVersion(version));
        assert!(err.to_string().contains("not supported"), "{err}");
    }
}

#[test]
fn rejects_trailing_bytes() {
    let mut bytes = serialize(&code("f", vec![]));
    bytes.push(0);
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::TrailingBytes);
}

#[test]
fn rejects_unknown_opcodes_and_tags() {
    let unknown = (0..=u8::MAX).find(|&b| Opcode::from_u8(b).is_none()).expect("a free opcode number");
    let mut original = code("f", vec![]);
    original.code[1].op = unknown;
    let err = deserialize(&serialize(&original)).unwrap_err();
    assert_eq!(err.kind, DeserializeErrorKind::UnknownOpcode(unknown));

    // `-3` zigzags to 5: find the constant by its tag and payload and corrupt the tag.
    let mut bytes = serialize(&code("f", vec![Constant::Int(-3)]));
    let at = bytes.windows(2).position(|w| w == [tag::INT, 5]).expect("the Int constant");
    bytes[at] = 200;
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::UnknownConstant(200));
}

#[test]
fn rejects_huge_lengths_without_allocating() {
    // A header, then a name whose length claims 4 GiB.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::LengthTooLarge(u32::MAX));
    // A varint that never ends.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&[0xFF; 12]);
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::VarintOverflow);
}

#[test]
fn rejects_invalid_utf8() {
    let bytes = serialize(&code("f", vec![]));
    let mut bad = bytes.clone();
    bad[9] = 0xFF; // first byte of the name "f"
    assert_eq!(deserialize(&bad).unwrap_err().kind, DeserializeErrorKind::InvalidUtf8);
}

#[test]
fn bounds_nesting_depth() {
    let mut constant = Constant::None;
    for _ in 0..MAX_DEPTH + 10 {
        constant = Constant::Tuple(vec![constant].into());
    }
    let bytes = serialize(&code("f", vec![constant]));
    assert_eq!(deserialize(&bytes).unwrap_err().kind, DeserializeErrorKind::TooDeep);

    let mut nested = code("f", vec![]);
    for _ in 0..MAX_DEPTH {
        nested = code("g", vec![Constant::Code(Box::new(nested))]);
    }
    assert_eq!(deserialize(&serialize(&nested)).unwrap_err().kind, DeserializeErrorKind::TooDeep);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = serialize(&code("f", every_constant()));
    for len in 0..bytes.len() {
        assert!(deserialize(&bytes[..len]).is_err(), "truncated to {len} bytes");
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

#[test]
fn corrupt_input_never_panics() {
    let bytes = serialize(&code("f", every_constant()));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let mut corrupt = bytes.clone();
        for _ in 0..=rng.below(4) {
            let at = 8 + rng.below(corrupt.len() - 8);
            match rng.below(3) {
                0 => corrupt[at] = rng.next().to_le_bytes()[0],
                1 => corrupt[at] ^= 1 << rng.below(8),
                _ => {
                    corrupt.insert(at, rng.next().to_le_bytes()[0]);
                }
            }
        }
        corrupt.truncate(corrupt.len() - rng.below(3));
        if let Ok(code) = deserialize(&corrupt) {
            // Whatever decodes must serialize again without trouble.
            let _ = serialize(&code);
        }
    }
    // Random bytes behind a valid header.
    for _ in 0..5_000 {
        let mut random = bytes[..8].to_vec();
        random.extend((0..rng.below(64)).map(|_| rng.next().to_le_bytes()[0]));
        let _ = deserialize(&random);
    }
}

#[test]
fn big_int_constants_disassemble_in_decimal() {
    use pyrite_bytecode::repr::int_bytes_repr;
    // 2**100 and -(2**100) - 1, as little-endian two's complement.
    let mut positive = vec![0u8; 12];
    positive.push(0x10);
    assert_eq!(int_bytes_repr(&positive), "1267650600228229401496703205376");
    let negative: Vec<u8> = positive.iter().map(|b| !b).collect();
    assert_eq!(int_bytes_repr(&negative), "-1267650600228229401496703205377");
    assert_eq!(int_bytes_repr(&[0xff]), "-1");
    assert_eq!(int_bytes_repr(&[]), "0");
}
