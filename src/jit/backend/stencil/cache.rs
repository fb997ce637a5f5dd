//! Top-of-stack caching: which variant of its stencil runs each uop, and where the cached values
//! go back to memory.
//!
//! Uops work on the interpreter's value stack, so a stencil that pushes a value stores it and the
//! next one loads it back: a float loop spends most of its time forwarding values through memory.
//! Stencils written with `CACHED(...)` in `stencils/uops.c` come in variants by how many of the
//! top stack values are in registers when they start (`_LOAD_FAST_c0` .. `_LOAD_FAST_c3`; the
//! number of registers is the stencil set's [`max_depth`], 3 with clang's `preserve_none`, fewer
//! with gcc's C convention). The depth at each point of a trace is known when it is compiled, so
//! [`plan`] walks the trace once, picks for each uop the variant of its depth and computes the
//! depth after it ([`out_depth`], the same rule the C macro applies). Where a uop has no cached
//! variant (anything that calls a helper with the stack pointer), where a jump lands (the loop's
//! head, a continuation) and before the end, the depth must be 0: a `_SPILL_cN` stencil after the
//! previous uop stores the cached values. Each cached uop also has a stencil of its plain name
//! that works on memory alone, which runs when caching is off (`--jit-cache=off`). A variant
//! leaves by its exit with its entry registers untouched; the backend aims that exit at an
//! `_EXIT_SPILL_cN` that stores them and jumps to the exit stub (one per exit and depth), so the
//! interpreter always finds the whole stack in memory and the stencil's exit path is a single
//! branch.

use std::collections::BTreeSet;

use super::check::stencil_for;
use super::extract::{Stencil, StencilSet};
use crate::jit::ir::Trace;

/// The most values a stencil set keeps in registers (0: it has no cached variants).
pub fn max_depth(set: &StencilSet) -> usize {
    (1..=8).take_while(|d| set.get(&spill_name(*d)).is_some()).last().unwrap_or(0)
}

/// The stencil that stores `depth` cached values to memory.
pub fn spill_name(depth: usize) -> String {
    format!("_SPILL_c{depth}")
}

/// The stencil that stores `depth` cached values to memory and jumps to its exit stub.
pub fn exit_spill_name(depth: usize) -> String {
    format!("_EXIT_SPILL_c{depth}")
}

/// The name of the variant of stencil `base` entered with `depth` values in registers.
pub fn variant_name(base: &str, depth: usize) -> String {
    format!("{base}_c{depth}")
}

/// Whether stencil `base` comes in cached variants in `set`.
pub fn is_cached(set: &StencilSet, base: &str) -> bool {
    set.get(&variant_name(base, 0)).is_some()
}

/// The depth after a cached variant entered at `depth` that removes `pops` values and pushes
/// `pushes`, with room for `max`: what is left of the cached values and the outputs, the deepest
/// of them stored to memory when they do not all fit.
pub fn out_depth(depth: usize, pops: usize, pushes: usize, max: usize) -> usize {
    (depth.saturating_sub(pops) + pushes).min(max)
}

/// The stencils that compile a trace: one per uop, and the spill (if any) placed after each.
pub struct Plan<'a> {
    pub ops: Vec<&'a Stencil>,
    pub spill_after: Vec<Option<&'a Stencil>>,
    /// The depth each uop starts at: a variant entered at depth `d > 0` leaves by its exit with
    /// `d` values in registers, so its exit goes through an `_EXIT_SPILL_cd` to the exit stub.
    pub depths: Vec<usize>,
    /// How many uops run a variant entered with values in registers.
    pub cached_entries: usize,
}

/// Chooses the stencils for `trace`: the cached variants when `caching` (and the set has them),
/// else every uop's depth-0 stencil. `bases[i]`, where given, is the stencil uop `i` runs instead
/// of its own (a local kept in a register: [`super::regs`]).
pub fn plan<'a>(
    trace: &Trace,
    set: &'a StencilSet,
    caching: bool,
    bases: &[Option<String>],
) -> Result<Plan<'a>, String> {
    let max = if caching { max_depth(set) } else { 0 };
    let get = |name: &str| set.get(name).ok_or_else(|| format!("no stencil {name} for {}", set.arch.name()));
    // Where jumps land, entered with nothing in registers.
    let entries: BTreeSet<usize> =
        std::iter::once(trace.loop_start).chain(trace.continuations.iter().map(|c| c.0)).collect();
    let n = trace.ops.len();
    let mut plan =
        Plan { ops: Vec::with_capacity(n), spill_after: vec![None; n], depths: vec![0; n], cached_entries: 0 };
    let mut depth = 0;
    for (i, op) in trace.ops.iter().enumerate() {
        let base = bases.get(i).and_then(|b| b.as_deref()).unwrap_or_else(|| stencil_for(op));
        let cached = is_cached(set, base);
        let effect = op.uop.info().stack.counts(op.oparg);
        if (max == 0 || !cached || entries.contains(&i)) && depth > 0 {
            plan.spill_after[i - 1] = Some(get(&spill_name(depth))?);
            depth = 0;
        }
        if max == 0 || !cached {
            plan.ops.push(get(base)?);
            continue;
        }
        let (pops, pushes) =
            effect.ok_or_else(|| format!("{} has cached variants but no fixed stack effect", op.uop))?;
        plan.ops.push(get(&variant_name(base, depth))?);
        plan.depths[i] = depth;
        plan.cached_entries += (depth > 0) as usize;
        depth = out_depth(depth, pops as usize, pushes as usize, max);
    }
    if depth > 0 {
        return Err(format!("the trace ends with {depth} values in registers"));
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::backend::stencil::tables;
    use crate::jit::ir::uops::Uop;
    use crate::jit::ir::TraceOp;

    #[test]
    fn depth_after_a_variant() {
        // A push at depth 3 of 3 keeps the top three: the deepest goes to memory.
        assert_eq!(out_depth(3, 0, 1, 3), 3);
        assert_eq!(out_depth(0, 0, 1, 3), 1);
        // A binary operator with one operand in memory leaves its result in a register.
        assert_eq!(out_depth(1, 2, 1, 3), 1);
        assert_eq!(out_depth(2, 1, 0, 3), 1);
        // gcc's convention on x86-64 has room for one.
        assert_eq!(out_depth(1, 1, 2, 1), 1);
        assert_eq!(out_depth(2, 2, 2, 1), 1);
    }

    fn trace(ops: &[(Uop, u32)], loop_start: usize) -> Trace {
        let mut t = Trace::default();
        t.ops = ops.iter().map(|&(u, a)| TraceOp::new(u).oparg(a)).collect();
        t.loop_start = loop_start;
        t
    }

    #[test]
    fn a_float_loop_keeps_its_values_in_registers_and_spills_before_the_back_edge() {
        let set = tables::host();
        let max = max_depth(set);
        assert!(max >= 1, "the host's stencils have cached variants");
        use Uop::*;
        let t = trace(
            &[
                (_LOAD_FAST, 1),
                (_LOAD_FAST, 2),
                (_BINARY_OP_MULTIPLY_FLOAT, 0),
                (_STORE_FAST, 1),
                (_LOAD_FAST, 1),
                (_JUMP_TO_TOP, 0),
            ],
            0,
        );
        let p = plan(&t, set, true, &[]).unwrap();
        let names: Vec<&str> = p.ops.iter().map(|s| s.name.as_ref()).collect();
        assert_eq!(names[0], "_LOAD_FAST_c0");
        assert_eq!(names[1], "_LOAD_FAST_c1");
        let mul = format!("_BINARY_OP_MULTIPLY_FLOAT_c{}", 2.min(max));
        assert_eq!(names[2], mul);
        assert_eq!(names[3], "_STORE_FAST_c1");
        assert_eq!(names[4], "_LOAD_FAST_c0");
        assert_eq!(names[5], "_JUMP_TO_TOP");
        // The value the last load left in a register goes back to memory before the jump.
        assert_eq!(p.spill_after[4].map(|s| s.name.as_ref()), Some("_SPILL_c1"));
        assert_eq!(p.spill_after.iter().flatten().count(), 1);
        // Without caching: the stencils that work on memory alone, and no spills.
        let p = plan(&t, set, false, &[]).unwrap();
        assert_eq!(p.ops[2].name, "_BINARY_OP_MULTIPLY_FLOAT");
        assert!(p.spill_after.iter().all(Option::is_none));
    }

    #[test]
    fn helpers_and_jump_targets_start_at_depth_zero() {
        let set = tables::host();
        use Uop::*;
        // The loop body starts at uop 2: the preamble's pushed value is spilled before it.
        let t = trace(&[(_LOAD_FAST, 0), (_LOAD_FAST, 1), (_BINARY_SUBSCR_DICT, 0), (_JUMP_TO_TOP, 0)], 1);
        let p = plan(&t, set, true, &[]).unwrap();
        assert_eq!(p.spill_after[0].map(|s| s.name.as_ref()), Some("_SPILL_c1"));
        assert_eq!(p.ops[1].name, "_LOAD_FAST_c0");
        // The subscript calls a helper with the stack pointer: its operands go to memory first.
        assert_eq!(p.spill_after[1].map(|s| s.name.as_ref()), Some("_SPILL_c1"));
        assert_eq!(p.ops[2].name, "_BINARY_SUBSCR_DICT");
    }
}
