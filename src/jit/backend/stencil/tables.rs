//! The stencil tables build.rs generated, one per architecture.
//!
//! The table of the target being built is always present; the other architecture's is present
//! when build.rs found a compiler for it (clang 19+, or `aarch64-linux-gnu-gcc` on x86-64), so that
//! `stitch stencils --target` can show both from any machine.

#![allow(clippy::all)]

use std::borrow::Cow;

pub use crate::jit::backend::stencil::extract::{Arch, Hole, HoleValue, Part, Reloc, Stencil, StencilSet};

mod x86_64 {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/stencils_x86_64.rs"));
}

mod aarch64 {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/stencils_aarch64.rs"));
}

/// The architecture this binary runs on.
#[cfg(target_arch = "x86_64")]
pub const HOST: Arch = Arch::X86_64;
#[cfg(target_arch = "aarch64")]
pub const HOST: Arch = Arch::Aarch64;

/// The stencils of `arch`, if they were built.
pub fn for_arch(arch: Arch) -> Option<&'static StencilSet> {
    match arch {
        Arch::X86_64 => x86_64::STENCILS.as_ref(),
        Arch::Aarch64 => aarch64::STENCILS.as_ref(),
    }
}

/// The stencils of the host (build.rs always builds them).
pub fn host() -> &'static StencilSet {
    for_arch(HOST).expect("build.rs builds the host's stencils")
}

/// The address of the runtime helper named by a `HoleValue::Helper` hole.
pub fn helper_address(name: &str) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    return x86_64::helper_address(name);
    #[cfg(target_arch = "aarch64")]
    return aarch64::helper_address(name);
}
