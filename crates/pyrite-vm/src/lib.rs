//! pyrite-vm
