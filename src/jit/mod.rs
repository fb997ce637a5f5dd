//! The tracing JIT: from a hot loop of bytecode to machine code, one folder per stage.
//!
//! The interpreter runs everything first and counts loop back-edges and function entries. When
//! one gets hot, the JIT *records* what the interpreter executes next as a straight line of
//! micro-ops (uops) specialized on the types, shapes and callees it sees, protected by guards;
//! *optimizes* that line by abstract interpretation (guards the trace already implies, pushes
//! that are popped at once, constants); and hands it to a *backend*, which turns it into machine
//! code by copying and patching stencils compiled from C ahead of time. A failing guard leaves
//! the machine code at the exact bytecode it belongs to, and the interpreter goes on.
//!
//! ```text
//!                  ┌──────────────────── engine/ ─────────────────────┐
//! interpreter ─hook─▶ record/ ──Trace──▶ opt/ ──Trace──▶ backend/ ──▶ machine code
//!   (bytecode)      (bytecode → uops)   (passes)      (stencil/: copy  (runtime/: code memory,
//!                                                      and patch)       helpers, ABI)
//! ```
//!
//! * [`ir`]: the trace IR every stage shares: uops, their table of meanings, exits, the printer.
//! * [`record`]: the recorder, which turns executed bytecodes into a trace.
//! * [`opt`]: the optimizer, a pipeline of passes from a trace to a better trace.
//! * [`backend`]: the [`backend::Backend`] trait and its implementations; [`backend::stencil`]
//!   is copy-and-patch (stencil tables, relocation, patching, listings, and the build-time
//!   extraction and toolchain that `build.rs` shares).
//! * [`runtime`]: what machine code needs while it runs: the Rust/C binary interface, the
//!   helpers stencils call, and W^X code memory.
//! * [`engine`]: the JIT as the interpreter sees it: counting, recording, compiling, linking
//!   traces, entering them and resuming after exits; `--stats` and `--dump`.
//!
//! The interpreter knows the JIT only through [`crate::interpreter::JitHook`]; backends see only
//! the IR.

pub mod backend;
pub mod engine;
pub mod ir;
pub mod opt;
pub mod record;
pub mod runtime;
