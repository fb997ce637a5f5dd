//! Backends: from an (optimized) trace to machine code.
//!
//! Every backend consumes the same [`Trace`] and produces the same thing: a [`CompiledTrace`],
//! one span of W^X code memory with an entry point, a head other traces link to, and one exit
//! record per exit (kept in ordinary memory, so linking traces writes data, never code). What
//! differs is how the code is made; [`stencil`] copies stencils compiled from C ahead of time
//! and patches their holes (copy-and-patch). The engine talks to a backend only through the
//! [`Backend`] trait, and backends see only the IR.

use std::cell::UnsafeCell;

use crate::jit::ir::{ExitId, Trace};
use crate::jit::runtime::abi::{ExitRecord, TraceEntry};
use crate::jit::runtime::codemem::{CodeArena, CodeSpan};

pub mod stencil;

/// A code generator for traces.
pub trait Backend {
    /// Its name, as `--dump` and `--stats` show it.
    fn name(&self) -> &'static str;

    /// Compiles `trace` into `arena`.
    fn compile(&self, trace: &Trace, arena: &mut CodeArena) -> Result<CompiledTrace, String>;

    /// The listing of `--dump=asm`: the machine code of a trace this backend compiled, uop by
    /// uop, with what was patched where.
    fn disassemble(&self, trace: &Trace, compiled: &CompiledTrace) -> String;
}

/// Where one uop's code landed (for dumps and tests).
#[derive(Clone, Debug)]
pub struct OpPlacement {
    pub code: u64,
    pub code_len: usize,
    pub cold: u64,
    pub cold_len: usize,
    /// The stencil (or template) placed there, by name: the variant chosen, for dumps.
    pub stencil: String,
}

/// How a trace left, decoded from the record its exit stub returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Left {
    /// By exit `i` of the trace.
    Exit(ExitId),
    /// With an exception set by a helper.
    Error,
}

/// A move of a local between its register and memory, placed in front of uop `at` (or, in front
/// of an exit stub, of exit `at`); `at_head`: one of the reloads before the loop's head.
#[derive(Clone, Debug)]
pub struct RegMove {
    pub at: usize,
    /// Which register (0 is the first after the top-of-stack cache), and which local.
    pub reg: usize,
    pub slot: u32,
    /// To memory, or from it.
    pub writeback: bool,
    pub at_head: bool,
    pub placed: OpPlacement,
}

/// A trace in executable memory, with its exit records.
pub struct CompiledTrace {
    pub span: CodeSpan,
    /// Called from Rust with the C calling convention.
    pub entry: TraceEntry,
    /// The first uop: where linked exits of other traces enter, side traces back at their loop
    /// included, so they pass the preamble (`_JUMP_TO_TOP` goes to the loop body's first uop).
    pub head: u64,
    /// One record per trace exit, then the error record. Stencils read `target` and increment
    /// `count` through raw pointers, hence the cells.
    pub(crate) records: Box<[UnsafeCell<ExitRecord>]>,
    /// Where the entry shim, each uop and each exit stub (the error exit's last) landed.
    pub entry_placement: OpPlacement,
    pub ops: Vec<OpPlacement>,
    /// Code placed after a uop that is no uop of the trace: the spills of top-of-stack caching,
    /// as (the uop it follows, where it went).
    pub spills: Vec<(usize, OpPlacement)>,
    pub stubs: Vec<OpPlacement>,
    /// The spills in front of exit stubs, for variants that leave with values in registers, as
    /// (the exit they lead to, where they went).
    pub exit_spills: Vec<(usize, OpPlacement)>,
    /// The restore uops in front of exit stubs, for exits that allocate what the optimizer kept
    /// virtual, as (the exit they lead to, where they went), in the order they run.
    pub restores: Vec<(usize, OpPlacement)>,
    /// The local of the loop's frame each register holds (stencil backend: `regs`), if any.
    pub reg_slots: Vec<u32>,
    /// The moves of those locals between registers and memory in the hot code.
    pub reg_moves: Vec<RegMove>,
    /// The write-backs in front of exit stubs, for exits taken while locals are in registers
    /// (`at` is the exit).
    pub exit_writebacks: Vec<RegMove>,
    /// How many uops started with stack values in registers (top-of-stack caching).
    pub cached_entries: usize,
    /// Trampolines to far helpers and GOT slots, as (address, what they reach or hold).
    pub trampolines: Vec<(u64, u64)>,
    pub got: Vec<(u64, u64)>,
    /// Bytes of hot code (entry and uops), cold code and exit stubs, and data (data, GOT,
    /// trampolines).
    pub code_bytes: usize,
    pub data_bytes: usize,
}

impl CompiledTrace {
    fn record(&self, index: usize) -> *mut ExitRecord {
        self.records[index].get()
    }

    /// How the trace left, from the address its entry returned.
    pub fn left_by(&self, returned: usize) -> Option<Left> {
        let first = self.record(0) as usize;
        let size = std::mem::size_of::<ExitRecord>();
        let index = returned.checked_sub(first)? / size;
        if returned != first + index * size || index >= self.records.len() {
            return None;
        }
        Some(if index == self.records.len() - 1 { Left::Error } else { Left::Exit(ExitId(index as u32)) })
    }

    /// How often exit `exit` was taken while unlinked.
    pub fn exit_count(&self, exit: ExitId) -> u64 {
        // SAFETY: the record lives as long as `self`; stencils update it only while the trace
        // runs, on this thread, never concurrently with this read.
        unsafe { (*self.record(exit.index())).count }
    }

    /// Makes exit `exit` continue into the code at `target` (another trace's head) instead of
    /// leaving. Only data changes: the exit stub reads the record each time.
    ///
    /// # Safety
    /// `target` must be the head of a compiled trace of the same backend that stays alive as
    /// long as this trace can run, and expects the frame and stack this exit leaves with.
    pub unsafe fn link(&self, exit: ExitId, target: u64) {
        // SAFETY: as for `exit_count`; the caller vouches for `target`.
        unsafe { (*self.record(exit.index())).target = target as *const u8 };
    }

    /// Makes exit `exit` leave the trace again (undoes [`CompiledTrace::link`]).
    pub fn unlink(&self, exit: ExitId) {
        // SAFETY: as for `exit_count`; a null target is the unlinked state.
        unsafe { (*self.record(exit.index())).target = std::ptr::null() };
    }

    /// The address of exit `exit`'s record (`exit_count_total()` is the error exit's).
    pub fn record_address(&self, exit: usize) -> usize {
        self.record(exit) as usize
    }

    /// The number of trace exits (without the error exit).
    pub fn exit_count_total(&self) -> usize {
        self.records.len() - 1
    }
}
