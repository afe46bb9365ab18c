//! The constant table of one code object: insertion-ordered, de-duplicated with
//! [`Constant::same_as`] semantics (so `1`, `1.0`, `True` and `-0.0` stay apart).

use std::collections::HashMap;

use pyrite_bytecode::Constant;

/// Constants in index order with a lookup for de-duplication.
#[derive(Debug, Default)]
pub(crate) struct ConstTable {
    pub items: Vec<Constant>,
    index: HashMap<Vec<u8>, u32>,
    /// Counter that makes every code object constant unique.
    unique: u64,
}

fn write_key(c: &Constant, out: &mut Vec<u8>, unique: &mut u64) {
    let bytes = |out: &mut Vec<u8>, b: &[u8]| {
        out.extend_from_slice(&(b.len() as u64).to_le_bytes());
        out.extend_from_slice(b);
    };
    match c {
        Constant::None => out.push(0),
        Constant::Ellipsis => out.push(1),
        Constant::Bool(b) => out.extend([2, u8::from(*b)]),
        Constant::Int(i) => {
            out.push(3);
            out.extend_from_slice(&i.to_le_bytes());
        }
        Constant::BigInt(b) => {
            out.push(4);
            bytes(out, b);
        }
        Constant::Float(f) => {
            out.push(5);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Constant::Complex { re, im } => {
            out.push(6);
            out.extend_from_slice(&re.to_bits().to_le_bytes());
            out.extend_from_slice(&im.to_bits().to_le_bytes());
        }
        Constant::Str(s) => {
            out.push(7);
            bytes(out, s.as_bytes());
        }
        Constant::Bytes(b) => {
            out.push(8);
            bytes(out, b);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            out.push(if matches!(c, Constant::Tuple(_)) { 9 } else { 10 });
            out.extend_from_slice(&(items.len() as u64).to_le_bytes());
            for item in items {
                write_key(item, out, unique);
            }
        }
        Constant::Code(_) => {
            out.push(11);
            *unique += 1;
            out.extend_from_slice(&unique.to_le_bytes());
        }
    }
}

impl ConstTable {
    /// The index of `c`, adding it if no identical constant is present.
    pub fn add(&mut self, c: Constant) -> u32 {
        let mut key = Vec::new();
        write_key(&c, &mut key, &mut self.unique);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = u32::try_from(self.items.len()).unwrap_or(u32::MAX);
        self.items.push(c);
        self.index.insert(key, i);
        i
    }

    /// The constant at `i`.
    pub fn get(&self, i: u32) -> Option<&Constant> {
        self.items.get(i as usize)
    }
}
