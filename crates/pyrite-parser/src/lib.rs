//! pyrite-parser
