//! Unboxed locals in registers: a loop's counters and accumulators stay in registers across
//! iterations and reach memory only where something may read them there.
//!
//! The optimizer's `unbox` pass proves which locals keep their tag through a loop and rewrites
//! their accesses to `_LOAD_FAST_UNBOXED` and `_STORE_FAST_UNBOXED`, which move the payload
//! alone. Here the backend gives the most used of those locals a register each (the stencil set's
//! [`max_regs`]: the words after the top-of-stack cache in the stencils' signature, two on
//! x86-64 and four on AArch64 with clang's `preserve_none`, none with gcc's convention). Their
//! loads and stores in the loop body become `_LOAD_REG_k` and `_STORE_REG_k`: register moves,
//! with the tag an immediate. The register is loaded once, before the loop's head, and the local
//! in memory goes stale while the register is *live*; memory is brought up to date
//! (`_WRITEBACK_REG_k`, payload only: the tag in memory is already right) only
//!
//! * before a plain stencil (one without cached variants: it may call a helper that reads the
//!   frame, and it does not pass the registers on): then the registers are dead until the next
//!   uop in the loop's frame that needs them reloads them (`_RELOAD_REG_k`); only registers
//!   stored since they were last in memory are written back;
//! * on the way out of every exit taken while they are live: the exit's stub is preceded by a
//!   write-back of every register (one block per exit, placed in front of its restore uops and
//!   stub, so they fall through), and the uops that leave while the registers are live aim their
//!   exits at it. So the interpreter, and any side trace linked to the exit, find each local in
//!   memory exactly as the interpreter would have left it.
//!
//! `_JUMP_TO_TOP` reloads anything dead before it jumps back, so the body always starts with the
//! registers live. Registers belong to the loop's frame: a uop of another frame never runs while
//! they are live (entering a call is a plain stencil). LuaJIT keeps a loop's values in registers
//! and restores them from its snapshots at exits; here the snapshot is the fixed map from
//! register to local, the same at every exit.

use std::collections::{BTreeMap, BTreeSet};

use super::cache;
use super::check::stencil_for;
use super::extract::StencilSet;
use crate::jit::ir::uops::{Operand, Uop::*};
use crate::jit::ir::{Trace, TraceKind, TraceOp};

/// How many locals a stencil set can keep in registers.
pub fn max_regs(set: &StencilSet) -> usize {
    (0..8).take_while(|k| set.get(&format!("_LOAD_REG_{k}")).is_some()).count()
}

/// The stencils of register `k`, without their `_cN` suffixes.
pub fn stencils_of(k: usize) -> [String; 5] {
    ["_LOAD_REG_", "_STORE_REG_", "_STORE_KEEP_REG_", "_RELOAD_REG_", "_WRITEBACK_REG_"]
        .map(|prefix| format!("{prefix}{k}"))
}

/// Whether a stencil named `name` (without its `_cN` suffix) is one of this module's.
pub fn is_reg_stencil(name: &str) -> bool {
    (0..8).any(|k| stencils_of(k).iter().any(|s| s == name))
}

/// A move between a register and the local it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub reg: usize,
    pub slot: u32,
    /// To memory (`_WRITEBACK_REG_k`), or from it (`_RELOAD_REG_k`).
    pub writeback: bool,
}

impl Move {
    /// The stencil's name (without a `_cN` suffix).
    pub fn stencil(&self) -> String {
        format!("_{}_REG_{}", if self.writeback { "WRITEBACK" } else { "RELOAD" }, self.reg)
    }
}

/// Where the registers go in one trace.
#[derive(Clone, Debug, Default)]
pub struct RegPlan {
    /// The local each register holds (empty: the trace keeps none in registers).
    pub slots: Vec<u32>,
    /// Per uop: the stencil it runs instead of its own (a load or store of a local in a register).
    pub bases: Vec<Option<String>>,
    /// Per uop: moves placed right before it.
    pub before: Vec<Vec<Move>>,
    /// Reloads placed before the loop's head (they run once, after the preamble).
    pub at_head: Vec<Move>,
    /// Per uop: whether the registers are live while it runs (its exit then writes them back).
    pub live: Vec<bool>,
}

impl RegPlan {
    fn none(n: usize) -> RegPlan {
        RegPlan { bases: vec![None; n], before: vec![Vec::new(); n], live: vec![false; n], ..RegPlan::default() }
    }

    /// The write-back of every register: what an exit taken while they are live runs.
    pub fn writeback_all(&self) -> Vec<Move> {
        self.slots.iter().enumerate().map(|(reg, &slot)| Move { reg, slot, writeback: true }).collect()
    }
}

/// Whether `op`'s stencil passes the registers on untouched: every stencil with cached variants
/// does (the `CACHED` macro), and `_JUMP_TO_TOP`.
fn keeps_registers(set: &StencilSet, op: &TraceOp) -> bool {
    op.uop == _JUMP_TO_TOP || cache::is_cached(set, stencil_for(op))
}

fn is_unboxed_access(op: &TraceOp) -> bool {
    matches!(op.uop, _LOAD_FAST_UNBOXED | _STORE_FAST_UNBOXED | _STORE_FAST_KEEP_UNBOXED)
}

/// Chooses the locals `trace` keeps in registers (at most `max`) and where they move.
pub fn plan(trace: &Trace, set: &StencilSet, max: usize) -> RegPlan {
    let n = trace.ops.len();
    let none = RegPlan::none(n);
    if max == 0 || trace.kind != TraceKind::Loop || !trace.loops() || !trace.continuations.is_empty() {
        return none;
    }
    let body = &trace.ops[trace.loop_start..];
    if body.iter().any(|op| op.level < 0) {
        return none;
    }
    // The unboxed accesses to each local of the loop's frame; locals anything else names stay
    // in memory.
    let mut uses: BTreeMap<u32, usize> = BTreeMap::new();
    let mut other: BTreeSet<u32> = BTreeSet::new();
    for op in body.iter().filter(|op| op.level == 0 && op.uop.info().oparg == Operand::Local) {
        if is_unboxed_access(op) {
            *uses.entry(op.oparg).or_default() += 1;
        } else {
            other.insert(op.oparg);
        }
    }
    // Each run of plain stencils in the loop's frame costs a write-back and a reload: a local
    // goes in a register only if the body uses it more often than that.
    let mut boundaries = 0;
    let mut previous_keeps = true;
    for op in body {
        let keeps = keeps_registers(set, op);
        boundaries += (previous_keeps && !keeps) as usize;
        previous_keeps = keeps;
    }
    let mut candidates: Vec<(usize, u32)> =
        uses.into_iter().filter(|&(k, count)| !other.contains(&k) && count > boundaries).map(|(k, c)| (c, k)).collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let slots: Vec<u32> = candidates.into_iter().take(max).map(|(_, k)| k).collect();
    if slots.is_empty() {
        return none;
    }
    let reg_of = |slot: u32| slots.iter().position(|&s| s == slot);
    let mut p = RegPlan { slots: slots.clone(), ..none };
    p.at_head = slots.iter().enumerate().map(|(reg, &slot)| Move { reg, slot, writeback: false }).collect();
    // At the head the registers are live, and those the body stores may not be in memory yet
    // (the previous iteration's stores).
    let stored: BTreeSet<usize> = body
        .iter()
        .filter(|op| op.level == 0 && matches!(op.uop, _STORE_FAST_UNBOXED | _STORE_FAST_KEEP_UNBOXED))
        .filter_map(|op| reg_of(op.oparg))
        .collect();
    let mut live = true;
    let mut dirty = stored;
    for i in trace.loop_start..n {
        let op = &trace.ops[i];
        if keeps_registers(set, op) {
            if op.level == 0 {
                if !live {
                    p.before[i] = p.at_head.clone();
                    live = true;
                }
                if let (Some(reg), true) = (reg_of(op.oparg), is_unboxed_access(op)) {
                    let name = match op.uop {
                        _LOAD_FAST_UNBOXED => "_LOAD_REG",
                        _STORE_FAST_UNBOXED => "_STORE_REG",
                        _ => "_STORE_KEEP_REG",
                    };
                    p.bases[i] = Some(format!("{name}_{reg}"));
                    if op.uop != _LOAD_FAST_UNBOXED {
                        dirty.insert(reg);
                    }
                }
            } else if live {
                // Another frame's uop with the loop frame's registers live: the write-backs of
                // its exits would go to the wrong frame. (Entering a call is a plain stencil,
                // so this does not happen; if it did, keep everything in memory.)
                return RegPlan::none(n);
            }
            p.live[i] = live;
        } else {
            if live {
                if op.level != 0 {
                    return RegPlan::none(n);
                }
                p.before[i] = dirty.iter().map(|&reg| Move { reg, slot: slots[reg], writeback: true }).collect();
                live = false;
                dirty.clear();
            }
            p.live[i] = false;
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::backend::stencil::tables;
    use crate::jit::ir::ExitPoint;
    use crate::runtime::value::tag;

    fn load(k: u32) -> TraceOp {
        TraceOp::new(_LOAD_FAST_UNBOXED).oparg(k).operands(tag::INT, 0)
    }

    fn store(k: u32) -> TraceOp {
        TraceOp::new(_STORE_FAST_UNBOXED).oparg(k)
    }

    /// A loop trace: one preamble uop, then `body` and the back-edge.
    fn looping(body: &[TraceOp]) -> Trace {
        let mut t = Trace { kind: TraceKind::Loop, loop_start: 1, ..Trace::default() };
        let exit = t.add_exit(ExitPoint::guard(0));
        t.ops.push(TraceOp::new(_GUARD_FAST_TAG).oparg(0).operands(tag::INT, 0).exit(exit));
        t.ops.extend_from_slice(body);
        t.ops.push(TraceOp::new(_JUMP_TO_TOP).exit(exit));
        t
    }

    #[test]
    fn the_most_used_locals_get_the_registers() {
        let t = looping(&[load(0), load(1), load(2), store(2), load(2), load(1), store(1), TraceOp::new(_POP_TOP)]);
        let p = plan(&t, tables::host(), 2);
        assert_eq!(p.slots, [1, 2]);
        assert_eq!(p.bases[1], None, "local 0 stays in memory");
        assert_eq!(p.bases[2].as_deref(), Some("_LOAD_REG_0"));
        assert_eq!(p.bases[4].as_deref(), Some("_STORE_REG_1"));
        assert_eq!(p.at_head.len(), 2);
        assert!(p.before.iter().all(Vec::is_empty));
        assert!(p.live[1..].iter().all(|&l| l), "{:?}", p.live);
        assert!(!p.live[0], "the preamble runs before the reloads");
        // A stencil set without room keeps everything in memory.
        assert!(plan(&t, tables::host(), 0).slots.is_empty());
    }

    #[test]
    fn a_plain_stencil_gets_what_was_stored_in_memory_and_the_registers_come_back_after() {
        // `_BINARY_SUBSCR_DICT` calls a helper: the store before it is written back, the
        // register is dead while it runs (its exit writes nothing back) and reloaded for the
        // next load.
        let body = [
            load(1),
            TraceOp::new(_LOAD_CONST_INLINE).operands(tag::INT, 1),
            TraceOp::new(_BINARY_OP_ADD_INT).exit(crate::jit::ir::ExitId(0)),
            store(1),
            TraceOp::new(_BINARY_SUBSCR_DICT).exit(crate::jit::ir::ExitId(0)),
            TraceOp::new(_POP_TOP),
            load(1),
            load(1),
            TraceOp::new(_POP_TOP),
            TraceOp::new(_POP_TOP),
        ];
        let t = looping(&body);
        let p = plan(&t, tables::host(), 2);
        assert_eq!(p.slots, [1]);
        assert_eq!(p.before[5], [Move { reg: 0, slot: 1, writeback: true }]);
        assert!(!p.live[5]);
        assert_eq!(p.before[6], [Move { reg: 0, slot: 1, writeback: false }]);
        assert!(p.live[3] && p.live[6] && p.live[11]);
        // A local some other uop names (here a plain `_LOAD_FAST`) stays in memory.
        let mut other = body.to_vec();
        other.push(TraceOp::new(_LOAD_FAST).oparg(1));
        other.push(TraceOp::new(_POP_TOP));
        assert!(plan(&looping(&other), tables::host(), 2).slots.is_empty());
    }

    #[test]
    fn a_local_used_less_often_than_plain_stencils_interrupt_stays_in_memory() {
        let call = TraceOp::new(_BINARY_SUBSCR_DICT).exit(crate::jit::ir::ExitId(0));
        let t = looping(&[load(1), TraceOp::new(_POP_TOP), call, TraceOp::new(_POP_TOP), load(1), call]);
        assert!(plan(&t, tables::host(), 2).slots.is_empty());
    }
}
