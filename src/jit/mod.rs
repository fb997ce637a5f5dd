//! The tracing JIT's backend pieces: the stencil pipeline and the patcher.
//!
//! ```text
//! stencils/uops.c ──build.rs: cc + extract──▶ stencil tables ──patch──▶ machine code
//! ```
//!
//! [`uops`] is the table of micro-ops a trace is made of, each implemented by a stencil of
//! `stencils/uops.c`. At build time [`toolchain`] compiles those stencils and [`extract`] turns
//! the object file into [`stencils`] tables (code bytes, holes, data). [`patch`] has one small
//! function per relocation kind; [`listing`] prints stencils for people (`stitch stencils`). The
//! runtime side of the interface, layouts and helpers, is [`abi`] and [`helpers`].

pub mod abi;
pub mod backend;
pub mod codemem;
pub mod engine;
pub mod extract;
pub mod helpers;
pub mod listing;
pub mod patch;
pub mod recorder;
pub mod relocate;
pub mod stencils;
pub mod toolchain;
pub mod trace;
pub mod uops;
