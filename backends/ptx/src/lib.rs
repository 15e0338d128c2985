//! Placeholder: see the crate description and ARCHITECTURE.md.
