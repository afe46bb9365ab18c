//! pyrite-object
