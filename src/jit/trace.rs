//! The trace IR: what the recorder produces and the backends compile.
//!
//! A trace is a straight line of uops ([`TraceOp`]) that loops back to its head (or, for a side
//! trace, ends by leaving). Each uop may carry an argument and two 64-bit operands, whose meaning
//! the uop table ([`super::uops`]) gives, and each uop that can leave the trace names one of the
//! trace's exits ([`ExitPoint`]): the bytecode at which the interpreter resumes. Backends see
//! only this IR, never the interpreter.

use std::fmt;

use super::uops::{Exits, Uop};

/// One uop of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceOp {
    pub uop: Uop,
    /// `_JIT_OPARG` (below 2**32).
    pub oparg: u32,
    /// `_JIT_OPERAND0`, `_JIT_OPERAND1`.
    pub operands: [u64; 2],
    /// The exit this uop leaves by (index into [`Trace::exits`]), for uops that can.
    pub exit: Option<u32>,
    /// The bytecode (instruction index) the recorder translated into this uop, if any, ...
    pub pc: Option<u32>,
    /// ... in which of the recorder's code objects (0: the loop's), run how many frames above
    /// the loop's frame (calls the trace entered).
    pub code: u16,
    pub level: u16,
}

impl TraceOp {
    pub fn new(uop: Uop) -> TraceOp {
        TraceOp { uop, oparg: 0, operands: [0, 0], exit: None, pc: None, code: 0, level: 0 }
    }

    pub fn oparg(mut self, oparg: u32) -> TraceOp {
        self.oparg = oparg;
        self
    }

    pub fn operands(mut self, op0: u64, op1: u64) -> TraceOp {
        self.operands = [op0, op1];
        self
    }

    pub fn exit(mut self, exit: u32) -> TraceOp {
        self.exit = Some(exit);
        self
    }
}

/// Where the interpreter resumes when a trace leaves by an exit: instruction `pc` of the frame
/// that is on top when the trace leaves, with the stack pointer the trace left with. Frames the
/// trace entered are real frames of the VM, so that top frame is `level` frames above the
/// loop's and runs code object `code` (an index the recorder assigns; 0 is the loop's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitPoint {
    pub pc: u32,
    pub code: u16,
    pub level: u16,
    /// Whether a side trace may grow from this exit when it gets hot (not for the safepoint
    /// and entry checks, nor for the exit that links a side trace back to its loop).
    pub side: bool,
    /// Whether this is where the loop ends (its iterator exhausted): taken once per run of the
    /// loop, so taking it often says nothing against the trace.
    pub ends_loop: bool,
    /// A function trace's return to a caller (see [`Resume`]).
    pub resume: Resume,
}

/// How a function trace's exit after a return finds where to resume.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// At `pc` (every exit but the two below).
    At,
    /// At the function's entry, in the frame a recursive call of a side trace pushed: the
    /// engine links this exit to the start of the function's trace.
    Entry,
    /// At whatever instruction the caller's frame record says (a caller without a
    /// continuation, e.g. the interpreter's call of the function).
    Caller,
}

impl ExitPoint {
    /// A guard's exit at instruction `pc`, where a side trace may start.
    pub fn guard(pc: u32) -> ExitPoint {
        ExitPoint { pc, code: 0, level: 0, side: true, ends_loop: false, resume: Resume::At }
    }

    /// An exit no side trace grows from.
    pub fn plain(pc: u32) -> ExitPoint {
        ExitPoint { pc, code: 0, level: 0, side: false, ends_loop: false, resume: Resume::At }
    }

    /// The same exit, resuming as `resume` says.
    pub fn resuming(mut self, resume: Resume) -> ExitPoint {
        self.resume = resume;
        self
    }

    /// The same exit in frame `level` running code object `code`.
    pub fn in_frame(mut self, code: u16, level: u16) -> ExitPoint {
        self.code = code;
        self.level = level;
        self
    }
}

/// A recorded trace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub ops: Vec<TraceOp>,
    pub exits: Vec<ExitPoint>,
    /// The first uop of the loop body (`_JUMP_TO_TOP` goes there); the uops before it are a
    /// preamble that runs once on entry.
    pub loop_start: usize,
    /// For a side trace: the exit at its end, which the engine links to its loop's body.
    pub link_exit: Option<u32>,
    /// For a function trace: the continuations after its recursive calls, (uop index, the call
    /// site's resume instruction). Each is an entry point in the caller's frame, with the
    /// callee's result pushed, reached from a return (`_IF_CALLER_AT`).
    pub continuations: Vec<(usize, u32)>,
}

impl Trace {
    /// Adds an exit and returns its index.
    pub fn add_exit(&mut self, exit: ExitPoint) -> u32 {
        self.exits.push(exit);
        (self.exits.len() - 1) as u32
    }

    /// Checks what the backend relies on: every uop that can leave names an existing exit, no
    /// argument exceeds 32 bits (by construction), and the last uop never continues.
    pub fn validate(&self) -> Result<(), String> {
        let Some(last) = self.ops.last() else { return Err("empty trace".to_string()) };
        if self.loop_start >= self.ops.len() {
            return Err(format!("loop start {} of a {}-uop trace", self.loop_start, self.ops.len()));
        }
        if !matches!(last.uop, Uop::_JUMP_TO_TOP | Uop::_DEOPT | Uop::_EXIT_TRACE | Uop::_RETURN_DISPATCH) {
            return Err(format!("trace ends with {:?}, which continues past the end", last.uop));
        }
        for (i, op) in self.ops.iter().enumerate() {
            let exits = op.uop.info().exits;
            match (exits, op.exit) {
                (Exits::Guard | Exits::Always, None) if op.uop != Uop::_EXIT_TRACE => {
                    return Err(format!("uop {i} ({:?}) can exit but has no exit", op.uop))
                }
                (_, Some(e)) if e as usize >= self.exits.len() => {
                    return Err(format!("uop {i} ({:?}) names exit {e} of {}", op.uop, self.exits.len()))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

impl Trace {
    /// The listing of `--dump=trace`: every uop with its argument, operands and exit, under a
    /// heading for the bytecode it came from (`bytecode(code, pc)` describes one, e.g. with its
    /// line), indented by the frame level it ran in.
    pub fn listing(&self, bytecode: &dyn Fn(u16, u32) -> String) -> String {
        let mut out = String::new();
        let mut last_pc = None;
        for (i, op) in self.ops.iter().enumerate() {
            if i == self.loop_start && i > 0 {
                // Before: the preamble, run once on entry.
                let looped = self.ops.last().is_some_and(|op| op.uop == Uop::_JUMP_TO_TOP);
                out.push_str(if looped { "      -- loop --\n" } else { "      -- body --\n" });
            }
            if let Some(&(_, resume)) = self.continuations.iter().find(|c| c.0 == i) {
                out.push_str(&format!("      -- continuation: returned to pc {resume} --\n"));
                last_pc = None;
            }
            if let Some(pc) = op.pc.filter(|_| Some((op.code, op.pc)) != last_pc) {
                last_pc = Some((op.code, op.pc));
                let indent = ". ".repeat(op.level as usize);
                out.push_str(&format!("      {indent}{}\n", bytecode(op.code, pc)));
            }
            let info = op.uop.info();
            let mut line = format!("{i:4}  {:<28}", info.name);
            if info.oparg.is_some() {
                line += &format!(" {}", op.oparg);
            }
            for (k, meaning) in info.operands.iter().enumerate() {
                if meaning.is_some() {
                    line += &format!(" {:#x}", op.operands[k]);
                }
            }
            if let Some(e) = op.exit {
                let exit = self.exits[e as usize];
                line += &match exit.resume {
                    Resume::Caller => format!("  -> exit {e} (the caller's pc"),
                    _ => format!("  -> exit {e} (pc {}", exit.pc),
                };
                if exit.level > 0 {
                    line += &format!(", frame +{}", exit.level);
                }
                line.push(')');
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.listing(&|code, pc| format!("; code {code} pc {pc}")))
    }
}
