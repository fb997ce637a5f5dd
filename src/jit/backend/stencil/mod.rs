//! The copy-and-patch backend: from a trace to machine code, by copying stencils and patching
//! their holes.
//!
//! A compiled trace is one span of executable memory laid out as
//!
//! ```text
//! _TRACE_ENTRY | uop 0 | uop 1 | ... | uop n-1 | exit stubs | cold parts | trampolines | data | GOT
//!               ^ head (where the interpreter, linked exits and side traces enter; `_JUMP_TO_TOP`
//!                 goes to the loop body, after the preamble)
//! ```
//!
//! Hot code falls through from one uop to the next (extraction dropped each stencil's trailing
//! jump to `_JIT_CONTINUE`); paths to exits sit out of line in the cold parts; every exit has a
//! stub (`_EXIT_TRACE`) whose operand is the exit's [`ExitRecord`], kept in ordinary writable
//! memory beside the trace, so linking a side trace writes data, never code. Errors leave through
//! one more stub with its own record. Trampolines and GOT slots are created on demand by the
//! patcher ([`relocate`]) within room reserved for the worst case. The whole span is written
//! while read+write and then made read+execute ([`CodeArena::install`]).

use std::cell::UnsafeCell;
use std::collections::BTreeSet;

use super::{Backend, CompiledTrace, OpPlacement, RegMove};
use crate::jit::ir::Trace;
use crate::jit::runtime::abi::{ExitRecord, TraceEntry};
use crate::jit::runtime::codemem::CodeArena;
use check::stencil_for;
use extract::{Arch, HoleValue, Reloc, Stencil, StencilSet};
use relocate::{Linker, Placement};

pub mod cache;
pub mod check;
pub mod extract;
pub mod listing;
pub mod patch;
pub mod regs;
pub mod relocate;
pub mod tables;
pub mod toolchain;

/// The GOT slots and trampolines of one trace, created while patching into room reserved after
/// the code.
struct TraceLinker {
    arch: Arch,
    trampolines_at: u64,
    trampolines_room: usize,
    trampolines: Vec<u64>,
    got_at: u64,
    got_room: usize,
    got: Vec<u64>,
}

const TRAMPOLINE_SIZE: usize = 16;

impl Linker for TraceLinker {
    fn got_slot(&mut self, value: u64) -> u64 {
        let index = self.got.iter().position(|&v| v == value).unwrap_or_else(|| {
            assert!(self.got.len() < self.got_room, "GOT room is one slot per GOT hole");
            self.got.push(value);
            self.got.len() - 1
        });
        self.got_at + 8 * index as u64
    }

    fn trampoline(&mut self, target: u64, _place: u64) -> u64 {
        // Trampolines are in the same span as every place that uses them, so always in range.
        let index = self.trampolines.iter().position(|&t| t == target).unwrap_or_else(|| {
            assert!(self.trampolines.len() < self.trampolines_room, "trampoline room is one per helper");
            self.trampolines.push(target);
            self.trampolines.len() - 1
        });
        self.trampolines_at + (TRAMPOLINE_SIZE * index) as u64
    }
}

/// One stencil placed in the trace, with the values of its holes.
struct Instance<'a> {
    stencil: &'a Stencil,
    code: usize,
    cold: usize,
    data: usize,
    continue_to: Option<usize>,
    exit_stub: Option<usize>,
    oparg: u64,
    operands: [u64; 2],
}

impl<'a> Instance<'a> {
    /// `stencil` placed at `code`, continuing nowhere, leaving by no exit, its holes zero (its
    /// cold part and data are placed later).
    fn at(stencil: &'a Stencil, code: usize) -> Instance<'a> {
        Instance { stencil, code, cold: 0, data: 0, continue_to: None, exit_stub: None, oparg: 0, operands: [0, 0] }
    }
}

/// What a piece of a trace's hot code is.
#[derive(Clone, Copy)]
enum Piece {
    /// Uop `i`.
    Op(usize),
    /// The spill after uop `i` (top-of-stack caching).
    Spill(usize),
    /// A register move in front of uop `i` ([`regs`]); `true`: one of the reloads before the
    /// loop's head.
    Move(usize, regs::Move, bool),
}

impl RegMove {
    fn new(at: usize, m: regs::Move, at_head: bool, placed: OpPlacement) -> RegMove {
        RegMove { at, reg: m.reg, slot: m.slot, writeback: m.writeback, at_head, placed }
    }
}

fn align(n: usize, to: usize) -> usize {
    n.div_ceil(to) * to
}

/// The copy-and-patch backend, with the stencils of the host.
pub struct StencilBackend {
    pub set: &'static StencilSet,
    /// Keep the top of the value stack in registers ([`cache`]).
    pub caching: bool,
}

impl StencilBackend {
    pub fn host(caching: bool) -> StencilBackend {
        StencilBackend { set: tables::host(), caching }
    }
}

impl Backend for StencilBackend {
    fn name(&self) -> &'static str {
        "stencils"
    }

    fn compile(&self, trace: &Trace, arena: &mut CodeArena) -> Result<CompiledTrace, String> {
        let helper = |name: &str| tables::helper_address(name).map(|a| a as u64);
        compile(trace, self.set, self.caching, arena, &helper)
    }

    fn disassemble(&self, trace: &Trace, compiled: &CompiledTrace) -> String {
        listing::render_compiled_trace(self.set, trace, compiled)
    }
}

/// Compiles `trace` with the stencils of `set` (which must be the host's) into `arena`, with
/// top-of-stack caching when `caching`. `helper` gives the address of each runtime helper a
/// stencil names.
pub fn compile(
    trace: &Trace,
    set: &StencilSet,
    caching: bool,
    arena: &mut CodeArena,
    helper: &dyn Fn(&str) -> Option<u64>,
) -> Result<CompiledTrace, String> {
    trace.validate()?;
    let get = |name: &str| set.get(name).ok_or_else(|| format!("no stencil {name} for {}", set.arch.name()));
    let entry_stencil = get("_TRACE_ENTRY")?;
    let exit_stencil = get("_EXIT_TRACE")?;
    let n_records = trace.exits.len() + 1;
    let records: Box<[UnsafeCell<ExitRecord>]> =
        (0..n_records).map(|_| UnsafeCell::new(ExitRecord { target: std::ptr::null(), count: 0 })).collect();

    // Place hot code: entry, uops, exit stubs.
    let mut instances: Vec<Instance> = Vec::with_capacity(trace.ops.len() + n_records + 1);
    let mut at = 0;
    let place = |stencil: &Stencil, at: &mut usize| {
        let code = *at;
        *at += stencil.code.len();
        code
    };
    let entry_code = place(entry_stencil, &mut at);
    let regs = regs::plan(trace, set, regs::max_regs(set));
    let plan = cache::plan(trace, set, caching, &regs.bases)?;
    let max_depth = if caching { cache::max_depth(set) } else { 0 };
    // A register move runs the variant of the depth where it stands (nothing in registers in
    // front of an exit stub).
    let move_stencil = |m: &regs::Move, depth: usize| match max_depth {
        0 => get(&m.stencil()),
        _ => get(&cache::variant_name(&m.stencil(), depth)),
    };
    // The hot code in the order it runs: each uop, preceded by the register moves in front of it
    // (at the loop's head, the reloads that run once come before the jump target) and followed
    // by its spill, if any.
    let mut pieces: Vec<(Piece, &Stencil)> = Vec::with_capacity(trace.ops.len() * 2);
    for (i, &stencil) in plan.ops.iter().enumerate() {
        if i == trace.loop_start {
            for m in &regs.at_head {
                pieces.push((Piece::Move(i, *m, true), move_stencil(m, 0)?));
            }
        }
        for m in &regs.before[i] {
            pieces.push((Piece::Move(i, *m, false), move_stencil(m, plan.depths[i])?));
        }
        pieces.push((Piece::Op(i), stencil));
        if let Some(spill) = plan.spill_after[i] {
            pieces.push((Piece::Spill(i), spill));
        }
    }
    let piece_code: Vec<usize> = pieces.iter().map(|(_, stencil)| place(stencil, &mut at)).collect();
    let mut op_code = vec![0; trace.ops.len()];
    for (&(piece, _), &code) in pieces.iter().zip(&piece_code) {
        if let Piece::Op(i) = piece {
            op_code[i] = code;
        }
    }
    // An exit taken while locals are in registers writes them back first; then, for an exit
    // that restores the interpreter's state (objects the optimizer kept virtual), its restore
    // uops, each the plain stencil working on memory; then the stub. Each falls through to the
    // next, and the uops that leave by the exit enter where their state needs.
    let writebacks = regs.writeback_all();
    let live_exits: BTreeSet<usize> = trace
        .ops
        .iter()
        .zip(&regs.live)
        .filter_map(|(op, &live)| op.exit.filter(|_| live).map(|e| e.index()))
        .collect();
    let mut stub_code = Vec::with_capacity(n_records);
    let mut restore_code: Vec<(usize, &[crate::jit::ir::TraceOp], Vec<(&Stencil, usize)>)> = Vec::new();
    let mut writeback_code: Vec<(usize, Vec<(regs::Move, &Stencil, usize)>)> = Vec::new();
    let mut exit_target = Vec::with_capacity(n_records);
    let mut live_exit_target = Vec::with_capacity(n_records);
    for e in 0..n_records {
        let mut moves = Vec::new();
        if live_exits.contains(&e) {
            for m in &writebacks {
                let stencil = move_stencil(m, 0)?;
                moves.push((*m, stencil, place(stencil, &mut at)));
            }
        }
        let ops = trace.exits.get(e).map_or(&[][..], |_| trace.restore_ops(crate::jit::ir::ExitId(e as u32)));
        let mut placed = Vec::new();
        for op in ops {
            let stencil = get(stencil_for(op))?;
            placed.push((stencil, place(stencil, &mut at)));
        }
        let stub = place(exit_stencil, &mut at);
        stub_code.push(stub);
        let target = placed.first().map_or(stub, |&(_, code)| code);
        exit_target.push(target);
        live_exit_target.push(moves.first().map_or(target, |&(_, _, code)| code));
        if !placed.is_empty() {
            restore_code.push((e, ops, placed));
        }
        if !moves.is_empty() {
            writeback_code.push((e, moves));
        }
    }
    // A variant entered with values in registers leaves through a spill of them that jumps to its
    // exit: one per (exit, depth, whether locals are in registers) the trace needs.
    let mut exit_spills: Vec<((usize, usize, bool), usize)> = Vec::new();
    for (i, op) in trace.ops.iter().enumerate() {
        let depth = plan.depths[i];
        if let (Some(e), true) = (op.exit, depth > 0) {
            let key = (e.index(), depth, regs.live[i]);
            if !exit_spills.iter().any(|&(k, _)| k == key) {
                let code = place(get(&cache::exit_spill_name(depth))?, &mut at);
                exit_spills.push((key, code));
            }
        }
    }
    let exit_of = |e: crate::jit::ir::ExitId, depth: usize, live: bool| -> usize {
        match (depth, live) {
            (0, false) => exit_target[e.index()],
            (0, true) => live_exit_target[e.index()],
            _ => exit_spills.iter().find(|&&(key, _)| key == (e.index(), depth, live)).expect("placed above").1,
        }
    };
    let head = piece_code[0];
    let loop_head = pieces
        .iter()
        .zip(&piece_code)
        .find(|((piece, _), _)| match *piece {
            Piece::Op(i) | Piece::Move(i, _, false) => i == trace.loop_start,
            _ => false,
        })
        .map_or(op_code[trace.loop_start.min(trace.ops.len() - 1)], |(_, &code)| code);

    instances.push(Instance { continue_to: Some(head), ..Instance::at(entry_stencil, entry_code) });
    // The hot pieces, each continuing to the next.
    let first_piece = instances.len();
    for (j, &(piece, stencil)) in pieces.iter().enumerate() {
        let (exit_stub, oparg, operands) = match piece {
            Piece::Op(i) => {
                let op = &trace.ops[i];
                (op.exit.map(|e| exit_of(e, plan.depths[i], regs.live[i])), op.oparg as u64, op.operands)
            }
            Piece::Move(_, m, _) => (None, m.slot as u64, [0, 0]),
            Piece::Spill(_) => (None, 0, [0, 0]),
        };
        instances.push(Instance {
            continue_to: piece_code.get(j + 1).copied(),
            exit_stub,
            oparg,
            operands,
            ..Instance::at(stencil, piece_code[j])
        });
    }
    let first_stub = instances.len();
    for (j, &code) in stub_code.iter().enumerate() {
        instances.push(Instance { operands: [records[j].get() as u64, 0], ..Instance::at(exit_stencil, code) });
    }
    let first_exit_spill = instances.len();
    for &((e, depth, live), code) in &exit_spills {
        instances.push(Instance {
            exit_stub: Some(if live { live_exit_target[e] } else { exit_target[e] }),
            ..Instance::at(get(&cache::exit_spill_name(depth))?, code)
        });
    }
    let first_restore = instances.len();
    for (e, ops, placed) in &restore_code {
        for (k, (op, &(stencil, code))) in ops.iter().zip(placed).enumerate() {
            let next = placed.get(k + 1).map_or(stub_code[*e], |&(_, c)| c);
            instances.push(Instance {
                continue_to: Some(next),
                oparg: op.oparg as u64,
                operands: op.operands,
                ..Instance::at(stencil, code)
            });
        }
    }
    let first_writeback = instances.len();
    for (e, moves) in &writeback_code {
        for (k, &(m, stencil, code)) in moves.iter().enumerate() {
            let next = moves.get(k + 1).map_or(exit_target[*e], |&(_, _, c)| c);
            instances.push(Instance { continue_to: Some(next), oparg: m.slot as u64, ..Instance::at(stencil, code) });
        }
    }
    let error_stub = stub_code[n_records - 1];
    // A stencil whose jump to the next was dropped falls through: what it continues to must
    // follow it.
    for instance in &instances {
        let next = instance.code + instance.stencil.code.len();
        if !instance.stencil.ends_in_jump && instance.continue_to.is_some_and(|to| to != next) {
            return Err(format!("{} would fall through to code it does not continue to", instance.stencil.name));
        }
    }

    // Cold parts, then trampolines and data.
    for instance in instances.iter_mut() {
        instance.cold = at;
        at += instance.stencil.cold.len();
    }
    let code_bytes = at;
    let mut helpers: BTreeSet<&str> = BTreeSet::new();
    let mut got_holes = 0;
    for instance in &instances {
        for hole in instance.stencil.holes.iter() {
            if let HoleValue::Helper(name) = &hole.value {
                if helper(name).is_none() {
                    return Err(format!("stencil {} needs helper {name}, which is unknown", instance.stencil.name));
                }
                if matches!(hole.reloc, Reloc::X86_64_PLT32 | Reloc::Aarch64_CALL26 | Reloc::Aarch64_JUMP26) {
                    helpers.insert(name);
                }
            }
            if hole.reloc.uses_got() {
                got_holes += 1;
            }
        }
    }
    at = align(at, 16);
    let trampolines_at = at;
    at += helpers.len() * TRAMPOLINE_SIZE;
    for instance in instances.iter_mut() {
        if !instance.stencil.data.is_empty() {
            at = align(at, 16);
            instance.data = at;
            at += instance.stencil.data.len();
        }
    }
    at = align(at, 8);
    let got_at = at;
    at += got_holes * 8;
    let total = at;

    let mut failure = None;
    let mut trampolines = Vec::new();
    let mut got = Vec::new();
    let span = arena
        .install(total, |base, bytes| {
            let mut linker = TraceLinker {
                arch: set.arch,
                trampolines_at: base + trampolines_at as u64,
                trampolines_room: helpers.len(),
                trampolines: Vec::new(),
                got_at: base + got_at as u64,
                got_room: got_holes,
                got: Vec::new(),
            };
            for instance in &instances {
                let mut code = instance.stencil.code.to_vec();
                let mut cold = instance.stencil.cold.to_vec();
                let at = Placement {
                    code: base + instance.code as u64,
                    cold: base + instance.cold as u64,
                    data: base + instance.data as u64,
                };
                let mut value = |v: &HoleValue| -> u64 {
                    match v {
                        HoleValue::Continue => match instance.continue_to {
                            Some(off) => base + off as u64,
                            None => {
                                failure =
                                    Some(format!("{} continues past the end of the trace", instance.stencil.name));
                                0
                            }
                        },
                        HoleValue::Exit => match instance.exit_stub {
                            Some(off) => base + off as u64,
                            None => {
                                failure = Some(format!("{} can exit but has no exit", instance.stencil.name));
                                0
                            }
                        },
                        HoleValue::Error => base + error_stub as u64,
                        HoleValue::Target => base + loop_head as u64,
                        HoleValue::Oparg => instance.oparg,
                        HoleValue::LocalOffset => {
                            instance.oparg * std::mem::size_of::<crate::runtime::value::Value>() as u64
                        }
                        HoleValue::Operand0 => instance.operands[0],
                        HoleValue::Operand1 => instance.operands[1],
                        HoleValue::Helper(name) => helper(name).expect("helpers were checked"),
                        HoleValue::Here(_) => unreachable!("patch_stencil resolves Here itself"),
                    }
                };
                relocate::patch_stencil(instance.stencil, &mut code, &mut cold, &at, &mut value, &mut linker);
                bytes[instance.code..instance.code + code.len()].copy_from_slice(&code);
                bytes[instance.cold..instance.cold + cold.len()].copy_from_slice(&cold);
                let data = &instance.stencil.data;
                bytes[instance.data..instance.data + data.len()].copy_from_slice(data);
            }
            for (i, &target) in linker.trampolines.iter().enumerate() {
                let t = relocate::trampoline_bytes(linker.arch, target);
                let off = trampolines_at + i * TRAMPOLINE_SIZE;
                bytes[off..off + t.len()].copy_from_slice(&t);
                trampolines.push((base + off as u64, target));
            }
            for (i, &value) in linker.got.iter().enumerate() {
                let off = got_at + 8 * i;
                bytes[off..off + 8].copy_from_slice(&value.to_le_bytes());
                got.push((base + off as u64, value));
            }
        })
        .map_err(|e| format!("cannot install trace code: {e}"))?;
    if let Some(failure) = failure {
        return Err(failure);
    }
    let placement = |instance: &Instance| OpPlacement {
        code: span.address + instance.code as u64,
        code_len: instance.stencil.code.len(),
        cold: span.address + instance.cold as u64,
        cold_len: instance.stencil.cold.len(),
        stencil: instance.stencil.name.to_string(),
    };
    let mut ops = Vec::with_capacity(trace.ops.len());
    let mut spills = Vec::new();
    let mut reg_moves = Vec::new();
    for (j, &(piece, _)) in pieces.iter().enumerate() {
        let placed = placement(&instances[first_piece + j]);
        match piece {
            Piece::Op(_) => ops.push(placed),
            Piece::Spill(i) => spills.push((i, placed)),
            Piece::Move(i, m, at_head) => reg_moves.push(RegMove::new(i, m, at_head, placed)),
        }
    }
    let stubs = instances[first_stub..first_exit_spill].iter().map(placement).collect();
    let exit_spills = exit_spills
        .iter()
        .enumerate()
        .map(|(k, &((e, _, _), _))| (e, placement(&instances[first_exit_spill + k])))
        .collect();
    let restore_exits = restore_code.iter().flat_map(|(e, _, placed)| placed.iter().map(move |_| *e));
    let restores =
        restore_exits.zip(&instances[first_restore..first_writeback]).map(|(e, i)| (e, placement(i))).collect();
    let exit_writebacks = writeback_code
        .iter()
        .flat_map(|(e, moves)| moves.iter().map(move |&(m, _, _)| (*e, m)))
        .zip(&instances[first_writeback..])
        .map(|((e, m), i)| RegMove::new(e, m, false, placement(i)))
        .collect();
    let entry_placement = placement(&instances[0]);
    // SAFETY: the span starts with `_TRACE_ENTRY`, a C-ABI function with the `TraceEntry`
    // signature (stencils/uops.c), followed by the code it enters; the span is executable.
    let entry: TraceEntry =
        unsafe { std::mem::transmute::<usize, TraceEntry>((span.address + entry_code as u64) as usize) };
    Ok(CompiledTrace {
        span,
        entry,
        head: span.address + head as u64,
        records,
        entry_placement,
        ops,
        spills,
        stubs,
        exit_spills,
        restores,
        reg_slots: regs.slots.clone(),
        reg_moves,
        exit_writebacks,
        cached_entries: plan.cached_entries,
        trampolines,
        got,
        code_bytes,
        data_bytes: total - code_bytes,
    })
}

#[cfg(test)]
mod tests;
