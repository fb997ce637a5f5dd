//! The trace IR: what the recorder produces, the optimizer rewrites and the backends compile.
//!
//! A trace is a straight line of uops ([`TraceOp`]) that loops back to its head (a loop trace),
//! returns (a function trace) or ends by leaving (a side trace). Each uop may carry an argument
//! and two 64-bit operands, whose meaning the uop table ([`uops`]) gives, and each uop that can
//! leave the trace names one of the trace's exits ([`ExitPoint`], by [`ExitId`]): the bytecode
//! at which the interpreter resumes. Uops work on the interpreter's own value stack and frame
//! slots, so a trace needs no state of its own beyond what the table says each uop reads and
//! writes. [`print`] renders a trace for people; every dump uses it.

use std::fmt;

pub mod print;
pub mod uops;

use uops::{Exits, Uop};

/// An exit of a trace (an index into [`Trace::exits`]); prints as `exit 3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExitId(pub u32);

impl ExitId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for ExitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

/// A compiled trace, numbered in compilation order; prints as `trace 3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TraceId(pub u32);

impl TraceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for TraceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "trace {}", self.0)
    }
}

/// One uop of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceOp {
    pub uop: Uop,
    /// The uop's argument (below 2**32; what it means, the uop table says).
    pub oparg: u32,
    /// The uop's two operands.
    pub operands: [u64; 2],
    /// The exit this uop leaves by, for uops that can.
    pub exit: Option<ExitId>,
    /// The bytecode (instruction index) the recorder translated into this uop, if any, ...
    pub pc: Option<u32>,
    /// ... in which of the recorder's code objects (0: the loop's), run how many frames above
    /// the loop's frame (calls the trace entered; negative below it, where a side trace went on
    /// after the loop's function returned).
    pub code: u16,
    pub level: i16,
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

    pub fn exit(mut self, exit: ExitId) -> TraceOp {
        self.exit = Some(exit);
        self
    }

    /// The same uop, said to come from instruction `pc` of code `code` in frame `level`.
    pub fn at(mut self, pc: u32, code: u16, level: i16) -> TraceOp {
        self.pc = Some(pc);
        self.code = code;
        self.level = level;
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
    pub level: i16,
    /// Whether a side trace may grow from this exit when it gets hot (not for the safepoint
    /// and entry checks, nor for the exit that links a side trace back to its loop).
    pub side: bool,
    /// Whether this is where the loop ends (its iterator exhausted): taken once per run of the
    /// loop, so taking it often says nothing against the trace.
    pub ends_loop: bool,
    /// A function trace's return to a caller (see [`Resume`]).
    pub resume: Resume,
    /// Where a recording too long for one trace stopped: its continuation grows here at the
    /// first exit.
    pub continues: bool,
    /// What the exit does before it leaves, when the trace's state there is not yet the
    /// interpreter's (an index into [`Trace::restores`]): the optimizer kept objects virtual
    /// past this exit, and these uops allocate them.
    pub restore: Option<u32>,
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
        ExitPoint {
            pc,
            code: 0,
            level: 0,
            side: true,
            ends_loop: false,
            resume: Resume::At,
            continues: false,
            restore: None,
        }
    }

    /// An exit no side trace grows from.
    pub fn plain(pc: u32) -> ExitPoint {
        ExitPoint { side: false, ..ExitPoint::guard(pc) }
    }

    /// The same exit, resuming as `resume` says.
    pub fn resuming(mut self, resume: Resume) -> ExitPoint {
        self.resume = resume;
        self
    }

    /// The same exit in frame `level` running code object `code`.
    pub fn in_frame(mut self, code: u16, level: i16) -> ExitPoint {
        self.code = code;
        self.level = level;
        self
    }
}

/// What a trace is, which says where it starts and how it ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TraceKind {
    /// A loop's trace: starts at the loop header and jumps back to its body.
    #[default]
    Loop,
    /// A function's trace: starts at the function's entry and ends with its return.
    Function,
    /// A side trace, grown from a hot exit of another trace.
    Side,
}

/// A recorded trace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    pub kind: TraceKind,
    /// The instruction where the trace starts, in the frame it starts in: the loop header, the
    /// function's entry, or a side trace's exit.
    pub header: u32,
    pub ops: Vec<TraceOp>,
    pub exits: Vec<ExitPoint>,
    /// The first uop of the loop body (`_JUMP_TO_TOP` goes there); the uops before it are a
    /// preamble that runs once on entry.
    pub loop_start: usize,
    /// For a side trace: the exit at its end, which the engine links to its loop's body.
    pub link_exit: Option<ExitId>,
    /// For a function trace: the continuations after its recursive calls, (uop index, the call
    /// site's resume instruction). Each is an entry point in the caller's frame, with the
    /// callee's result pushed, reached from a return (`_RETURN_DISPATCH`).
    pub continuations: Vec<(usize, u32)>,
    /// The uops exits run before they leave (see [`ExitPoint::restore`]): each list works on
    /// the stack as the exit finds it, in memory, and leaves it as the interpreter expects.
    pub restores: Vec<Vec<TraceOp>>,
}

impl Trace {
    /// Adds an exit and returns its id.
    pub fn add_exit(&mut self, exit: ExitPoint) -> ExitId {
        self.exits.push(exit);
        ExitId((self.exits.len() - 1) as u32)
    }

    /// The exit `id` names.
    pub fn exit(&self, id: ExitId) -> &ExitPoint {
        &self.exits[id.index()]
    }

    /// The uops exit `id` runs before it leaves (none for most exits).
    pub fn restore_ops(&self, id: ExitId) -> &[TraceOp] {
        match self.exit(id).restore {
            Some(r) => &self.restores[r as usize],
            None => &[],
        }
    }

    /// (uops, checks) in the loop body (from `loop_start` to the end, without `--stats`
    /// counters): what one iteration that reaches the back-edge executes. Checks are the uops
    /// that only check ([`Uop::is_check`]).
    pub fn body_counts(&self) -> (usize, usize) {
        let body = self.ops[self.loop_start..].iter().filter(|op| op.uop != Uop::_ADD_TO_COUNTER);
        body.fold((0, 0), |(uops, checks), op| (uops + 1, checks + op.uop.is_check() as usize))
    }

    /// Whether the trace ends by jumping back to its loop's body.
    pub fn loops(&self) -> bool {
        self.ops.last().is_some_and(|op| op.uop == Uop::_JUMP_TO_TOP)
    }

    /// Checks what the backends rely on: every uop that can leave names an existing exit, and
    /// the last uop never continues.
    pub fn validate(&self) -> Result<(), String> {
        let Some(last) = self.ops.last() else { return Err("empty trace".to_string()) };
        if self.loop_start >= self.ops.len() {
            return Err(format!("loop start {} of a {}-uop trace", self.loop_start, self.ops.len()));
        }
        if !matches!(last.uop, Uop::_JUMP_TO_TOP | Uop::_DEOPT | Uop::_EXIT_TRACE | Uop::_RETURN_DISPATCH) {
            return Err(format!("trace ends with {}, which continues past the end", last.uop));
        }
        for (i, op) in self.ops.iter().enumerate() {
            let exits = op.uop.info().exits;
            match (exits, op.exit) {
                (Exits::Guard | Exits::Always | Exits::Branch, None) if op.uop != Uop::_EXIT_TRACE => {
                    return Err(format!("uop {i} ({}) can exit but has no exit", op.uop))
                }
                (_, Some(e)) if e.index() >= self.exits.len() => {
                    return Err(format!("uop {i} ({}) names {e} of {}", op.uop, self.exits.len()))
                }
                _ => {}
            }
        }
        for (i, exit) in self.exits.iter().enumerate() {
            let Some(r) = exit.restore else { continue };
            let Some(ops) = self.restores.get(r as usize) else {
                return Err(format!("exit {i} restores with list {r} of {}", self.restores.len()));
            };
            if let Some(op) = ops.iter().find(|op| op.uop.info().exits != Exits::Never || op.exit.is_some()) {
                return Err(format!("exit {i} restores with {}, which can exit", op.uop));
            }
        }
        Ok(())
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&print::listing(self, &print::Plain))
    }
}
