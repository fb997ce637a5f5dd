//! stitch: a copy-and-patch JIT for a subset of Python.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! source ──frontend──▶ Code (bytecode) ──interpreter──▶ output
//!                                   │ (runtime: values, objects, GC, builtins)
//!                                   └─JitHook─▶ jit: record ─▶ opt ─▶ backend ─▶ machine code
//! ```
//!
//! [`frontend`] parses Python with `ruff_python_parser` and compiles the AST to the
//! CPython-style bytecode defined in [`bytecode`]; [`dis`] lists it like `python3 -m dis`.
//! [`interpreter`] runs it on a contiguous VM stack of frames, using the values, objects,
//! collector and built-ins of [`runtime`]. The tracing [`jit`] attaches to the interpreter's loop
//! back-edges and calls through one hook (`interpreter::JitHook`): it records hot loops and
//! functions into traces of micro-ops, optimizes them, and compiles them by copying and
//! patching stencils; [`cli`] is the `stitch` command.

pub mod bytecode;
pub mod cli;
pub mod dis;
pub mod frontend;
pub mod interpreter;
pub mod jit;
pub mod repl;
pub mod runtime;
