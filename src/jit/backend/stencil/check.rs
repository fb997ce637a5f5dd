//! Which stencil implements each uop, and a check of the uop table against a stencil set.
//!
//! Most uops have a stencil of their own name in `stencils/uops.c`; a few share one (every "this
//! word still holds that value" guard is `_GUARD_WORD_EQ`, both global loads `_LOAD_VALUE_AT`).
//! [`check_against`] holds the IR's uop table and the stencils to each other: every uop has its
//! stencil (and, when it is cached, a variant for every depth of top-of-stack caching), every
//! hole is one the table declares, every guard can exit, and every stencil implements some uop.
//! A uop may also have stencils for single values of its argument ([`by_oparg`]).
//! Tests run it on the stencils of every target and compiler.

use super::cache;
use super::extract::{HoleValue, StencilSet};
use crate::jit::ir::uops::{Exits, StackEffect, Uop, ALL};
use crate::jit::ir::TraceOp;

/// The name of the stencil that implements `uop`.
pub fn stencil_of(uop: Uop) -> &'static str {
    use Uop::*;
    match uop {
        _GUARD_GLOBALS_VERSION | _GUARD_BUILTINS_VERSION | _GUARD_CLASS_EPOCH => "_GUARD_WORD_EQ",
        _LOAD_GLOBAL_MODULE | _LOAD_GLOBAL_BUILTINS => "_LOAD_VALUE_AT",
        other => other.name(),
    }
}

/// The stencils a uop has for one value of its argument, besides its general one: (oparg,
/// stencil). `_COPY 2` runs `_COPY_2`, which has cached variants where `_COPY` has none.
pub fn by_oparg(uop: Uop) -> &'static [(u32, &'static str)] {
    match uop {
        Uop::_COPY => &[(1, "_COPY_1"), (2, "_COPY_2"), (3, "_COPY_3")],
        Uop::_SWAP => &[(2, "_SWAP_2"), (3, "_SWAP_3")],
        _ => &[],
    }
}

/// The stencil that runs `op`: the one for its argument if its uop has one, else its uop's.
pub fn stencil_for(op: &TraceOp) -> &'static str {
    match by_oparg(op.uop).iter().find(|&&(oparg, _)| oparg == op.oparg) {
        Some(&(_, name)) => name,
        None => stencil_of(op.uop),
    }
}

/// Checks the uop table against a stencil set (of any target or compiler). Returns the problems
/// found.
pub fn check_against(set: &StencilSet) -> Vec<String> {
    let mut problems = Vec::new();
    let max = cache::max_depth(set);
    for &uop in ALL {
        let info = uop.info();
        let name = stencil_of(uop);
        let Some(stencil) = set.get(name) else {
            problems.push(format!("{}: no stencil {name}", info.name));
            continue;
        };
        let mut stencils = vec![stencil];
        for &(oparg, special) in by_oparg(uop) {
            if info.stack.counts(oparg).is_none() {
                problems.push(format!("{}: {special} for argument {oparg} but no stack effect for it", info.name));
            }
            match set.get(special) {
                Some(s) => stencils.push(s),
                None => problems.push(format!("{}: no stencil {special} for argument {oparg}", info.name)),
            }
            for depth in 0..=max {
                if set.get(&cache::variant_name(special, depth)).is_none() {
                    problems.push(format!("{}: no variant of {special} at depth {depth}", info.name));
                }
            }
        }
        if cache::is_cached(set, name) {
            // Top-of-stack caching needs the uop's stack effect and a variant per depth.
            if !matches!(info.stack, StackEffect::Fixed(..)) {
                problems.push(format!("{}: cached variants but no fixed stack effect", info.name));
            }
            for depth in 0..=max {
                match set.get(&cache::variant_name(name, depth)) {
                    Some(v) => stencils.push(v),
                    None => problems.push(format!("{}: no variant of {name} at depth {depth}", info.name)),
                }
            }
        }
        for stencil in stencils {
            for hole in stencil.holes.iter() {
                let declared = match hole.value {
                    HoleValue::Oparg => info.oparg.is_some(),
                    HoleValue::LocalOffset => info.oparg == crate::jit::ir::uops::Operand::Local,
                    HoleValue::Operand0 => info.operands[0].is_some(),
                    HoleValue::Operand1 => info.operands[1].is_some(),
                    HoleValue::Exit => matches!(info.exits, Exits::Guard | Exits::Always | Exits::Branch),
                    HoleValue::Error => matches!(info.exits, Exits::Error | Exits::Branch),
                    _ => true,
                };
                if !declared {
                    problems
                        .push(format!("{}: stencil {} has an undeclared {} hole", info.name, stencil.name, hole.value));
                }
            }
            if matches!(info.exits, Exits::Guard | Exits::Branch)
                && !stencil.holes.iter().any(|h| h.value == HoleValue::Exit)
            {
                problems.push(format!("{} is declared a guard but {} never exits", info.name, stencil.name));
            }
        }
    }
    // The stencils of locals kept in registers: all five for each register, with every variant.
    for k in 0..super::regs::max_regs(set) {
        for name in super::regs::stencils_of(k) {
            let variants = (0..=max).map(|depth| cache::variant_name(&name, depth));
            for missing in std::iter::once(name.clone()).chain(variants).filter(|n| set.get(n).is_none()) {
                problems.push(format!("register {k}: no stencil {missing}"));
            }
        }
    }
    for stencil in set.stencils.iter() {
        let implements =
            |name: &str| ALL.iter().any(|&u| stencil_of(u) == name || by_oparg(u).iter().any(|&(_, s)| s == name));
        let variant_of = stencil.name.rsplit_once("_c").filter(|(_, d)| d.parse::<usize>().is_ok());
        let known = implements(&stencil.name)
            || super::regs::is_reg_stencil(&stencil.name)
            || variant_of.is_some_and(|(base, _)| {
                implements(base) || base == "_SPILL" || base == "_EXIT_SPILL" || super::regs::is_reg_stencil(base)
            });
        if !known {
            problems.push(format!("stencil {} implements no uop", stencil.name));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::backend::stencil::tables as stencils;

    #[test]
    fn table_matches_host_stencils() {
        assert_eq!(check_against(stencils::host()), Vec::<String>::new());
        assert!(stencils::host().stencils.len() >= 40);
    }

    #[test]
    fn table_matches_other_stencils_when_built() {
        for arch in [stencils::Arch::X86_64, stencils::Arch::Aarch64] {
            if let Some(set) = stencils::for_arch(arch) {
                assert_eq!(check_against(set), Vec::<String>::new(), "{}", set.compiler);
            }
        }
    }
}
