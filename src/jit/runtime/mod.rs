//! What machine code needs while it runs.
//!
//! A trace's code works on the interpreter's own frames and value stack, calls back into Rust for
//! anything that needs the runtime, and lives in memory that is never writable and executable at
//! once. [`abi`] pins the layouts Rust and C share (checked from both sides), [`helpers`] are the
//! Rust functions stencils call, and [`codemem`] hands out W^X executable memory. Every backend
//! uses all three.

pub mod abi;
pub mod codemem;
pub mod helpers;
