//! The optimizer: a pipeline of passes from the recorded trace to the one the backend compiles.
//!
//! The recorder translates one bytecode at a time and knows little beyond it, so its traces
//! guard the same value again and again (once per use, and again on every iteration), push
//! values only to pop them, and compute with constants at run time. Each pass here reads a
//! whole trace and writes a better one, with the same exits, so that every exit still resumes
//! the interpreter in exactly the state it would have had:
//!
//! ```text
//! recorded ──fold──▶ ──guards──▶ ──virtuals──▶ ──forward──▶ ──dce──▶ ──fuse──▶ ──unbox──▶ optimized
//! ```
//!
//! * [`fold`]: constant folding of arithmetic, comparisons and branches on constants;
//! * [`guards`]: type and guard propagation, an abstract interpretation ([`facts`]) that drops
//!   every guard implied by earlier guards or by the uops that made the value, and moves the
//!   checks a loop needs on every iteration into its preamble when they hold across the
//!   back-edge (LuaJIT's and PyPy's loop-invariant guards, without peeling);
//! * [`virtuals`]: allocation removal: a tuple built only to be taken apart (`return a, b`
//!   unpacked by the caller) is never allocated; exits that need it allocate it first;
//! * [`forward`]: a local stored and read back at once keeps its value on the stack;
//! * [`dce`]: values pushed and popped with no use in between, and the uops that made them;
//! * [`fuse`]: a comparison and the branch on it become one guard per operator;
//! * [`unbox`]: a local whose tag the loop keeps is loaded and stored as its payload alone.
//!
//! Each pass reports what it removed and added ([`PassReport`]); `--dump=opt` and `--stats` show
//! it, and `--jit-opt=off` skips the pipeline so the two can be compared.

pub mod dce;
pub mod facts;
pub mod fold;
pub mod forward;
pub mod fuse;
pub mod guards;
mod rewrite;
pub mod unbox;
pub mod virtuals;

#[cfg(test)]
mod tests;

use std::fmt;

use crate::interpreter::code::CodeObject;
use crate::jit::ir::Trace;

pub use rewrite::Rewrite;

/// What the passes may know about the program beyond the trace: the code objects its uops
/// came from (`TraceOp::code`), for the stack effect of bytecodes run by the interpreter.
pub struct Context<'a> {
    pub codes: &'a [&'static CodeObject],
    /// For a side trace: what its parent knew at the exit it grew from, which holds when the
    /// side trace starts (it is entered from that exit only).
    pub entry: Option<&'a facts::State>,
    /// Filled by the guards pass: what is known at each exit of the optimized trace, for the
    /// side traces that may grow there (`None` where nothing is).
    pub exit_states: std::cell::RefCell<Vec<Option<facts::State>>>,
}

impl<'a> Context<'a> {
    pub fn new(codes: &'a [&'static CodeObject], entry: Option<&'a facts::State>) -> Context<'a> {
        Context { codes, entry, exit_states: Default::default() }
    }
}

impl Context<'_> {
    /// (values consumed, values pushed, whether it may write a fast local) of bytecode `pc` of
    /// code `code`, as `_EXECUTE_BYTECODE` runs it (the opcode table says); `None` when unknown.
    pub fn bytecode_effect(&self, code: u16, pc: u64) -> Option<(u32, u32, bool)> {
        use crate::bytecode::{ArgKind, Opcode};
        let instr = self.codes.get(code as usize)?.code.instrs.get(pc as usize)?;
        let writes_local = matches!(instr.op.arg_kind(), ArgKind::Local | ArgKind::LocalPair | ArgKind::Deref)
            || matches!(instr.op, Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS);
        let inputs = instr.op.inputs(instr.arg);
        let pushes = (inputs as i32 + instr.op.stack_effect(instr.arg, false)).max(0) as u32;
        Some((inputs, pushes, writes_local))
    }
}

/// What one pass did to one trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassReport {
    pub pass: &'static str,
    pub removed: usize,
    pub added: usize,
    /// Uops replaced one for one by another (`_LOAD_FAST` by `_LOAD_FAST_UNBOXED`).
    pub rewritten: usize,
}

impl fmt::Display for PassReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut parts = Vec::new();
        if self.removed > 0 || self.added + self.rewritten == 0 {
            parts.push(format!("removed {} uop{}", self.removed, plural(self.removed)));
        }
        if self.added > 0 {
            parts.push(format!("added {}", self.added));
        }
        if self.rewritten > 0 {
            parts.push(format!("rewrote {}", self.rewritten));
        }
        write!(f, "{}: {}", self.pass, parts.join(", "))
    }
}

/// A pass: rewrites a trace, returning (uops removed, uops added).
type Pass = fn(&Trace, &Context) -> Rewrite;

/// The pipeline, in order.
pub const PASSES: &[(&str, Pass)] = &[
    ("fold", fold::run),
    ("guards", guards::run),
    ("virtuals", virtuals::run),
    ("forward", forward::run),
    ("dce", dce::run),
    ("fuse", fuse::run),
    ("unbox", unbox::run),
];

/// Runs every pass over `trace`.
pub fn optimize(trace: &Trace, cx: &Context) -> (Trace, Vec<PassReport>) {
    optimize_without(trace, cx, &[])
}

/// Runs every pass over `trace` but those named in `off` (`--jit-opt=-virtuals`).
pub fn optimize_without(trace: &Trace, cx: &Context, off: &[&str]) -> (Trace, Vec<PassReport>) {
    let mut trace = trace.clone();
    let mut reports = Vec::new();
    for &(name, pass) in PASSES.iter().filter(|(name, _)| !off.contains(name)) {
        let rewrite = pass(&trace, cx);
        let (removed, added, rewritten) = rewrite.counts(&trace);
        trace = rewrite.apply(&trace);
        debug_assert_eq!(trace.validate(), Ok(()), "after {name}");
        reports.push(PassReport { pass: name, removed, added, rewritten });
    }
    (trace, reports)
}
