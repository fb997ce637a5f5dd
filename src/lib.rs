//! stitch: a copy-and-patch JIT for a subset of Python.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! source ──frontend──▶ Code (bytecode) ──interpreter──▶ output
//!                                   (runtime: values, objects, GC, builtins)
//! ```
//!
//! [`frontend`] parses Python with `ruff_python_parser` and compiles the AST to the
//! CPython-style bytecode defined in [`bytecode`]; [`dis`] lists it like `python3 -m dis`.
//! [`interpreter`] runs it on a contiguous VM stack of frames, using the values, objects,
//! collector and built-ins of [`runtime`]. The tracing JIT will attach to the interpreter's
//! loop back-edges.

pub mod bytecode;
pub mod cli;
pub mod dis;
pub mod frontend;
pub mod interpreter;
pub mod jit;
pub mod runtime;
