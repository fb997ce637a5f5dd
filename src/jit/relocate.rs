//! Applying a stencil's holes: the "patch" of copy-and-patch, one stencil instance at a time.
//!
//! The JIT copies a stencil's code, cold code and data to their places in a trace and then calls
//! [`patch_stencil`] with the run-time address of each part and a function giving the value of
//! every [`HoleValue`] (the next stencil, the exit stub, an operand, a helper's address). Each
//! hole is dispatched on its relocation kind to one of the small functions of
//! [`patch`](super::patch). Two things need room outside the stencil, which the caller provides
//! through [`Linker`]: GOT slots (for relocations that load the value from memory) and
//! trampolines (for calls whose target is beyond the reach of a relative branch: ±2 GiB on
//! x86-64, ±128 MiB on AArch64).

use super::extract::{Arch, Hole, HoleValue, Part, Reloc, Stencil};
use super::patch;

/// Run-time addresses of the three parts of one stencil instance.
#[derive(Clone, Copy, Debug)]
pub struct Placement {
    pub code: u64,
    pub cold: u64,
    pub data: u64,
}

impl Placement {
    pub fn of(&self, part: Part) -> u64 {
        match part {
            Part::Code => self.code,
            Part::Cold => self.cold,
            Part::Data => self.data,
        }
    }
}

/// Room outside the stencil: the trace's GOT and trampolines.
pub trait Linker {
    /// The address of a GOT slot holding `value` (slots may be shared).
    fn got_slot(&mut self, value: u64) -> u64;
    /// The address of a trampoline that jumps to `target`, within branch range of `place`.
    fn trampoline(&mut self, target: u64, place: u64) -> u64;
}

/// The bytes of a trampoline to `target` for `arch`: an indirect jump through an inline literal
/// (x86-64: `jmp [rip+0]; .quad target`; AArch64: `ldr x16, #8; br x16; .quad target`, x16
/// being the intra-procedure-call scratch register).
pub fn trampoline_bytes(arch: Arch, target: u64) -> Vec<u8> {
    match arch {
        Arch::X86_64 => {
            let mut bytes = vec![0xFF, 0x25, 0, 0, 0, 0];
            bytes.extend(target.to_le_bytes());
            bytes
        }
        Arch::Aarch64 => patch::aarch64_veneer(target).to_vec(),
    }
}

/// Whether a rel32 from `place` (the field's address) reaches `target`.
fn x86_64_in_range(place: u64, target: u64) -> bool {
    let delta = target.wrapping_sub(place) as i64;
    i32::try_from(delta).is_ok()
}

/// Patches every hole of `stencil`, whose parts have been copied into `code` and `cold` and will
/// run at the addresses of `at`. `value` gives each hole's value before its addend.
pub fn patch_stencil(
    stencil: &Stencil,
    code: &mut [u8],
    cold: &mut [u8],
    at: &Placement,
    value: &mut dyn FnMut(&HoleValue) -> u64,
    linker: &mut dyn Linker,
) {
    for hole in stencil.holes.iter() {
        let target = match &hole.value {
            HoleValue::Here(part) => at.of(*part),
            other => value(other),
        };
        let bytes = match hole.part {
            Part::Code => &mut *code,
            Part::Cold => &mut *cold,
            Part::Data => unreachable!("holes are in code (extract never makes data holes)"),
        };
        let place = at.of(hole.part) + hole.offset as u64;
        patch_hole(bytes, hole, place, target, linker);
    }
}

/// Patches one hole at `place` (its run-time address) with `target` (its value before the addend).
pub fn patch_hole(bytes: &mut [u8], hole: &Hole, place: u64, target: u64, linker: &mut dyn Linker) {
    let offset = hole.offset as usize;
    let value = target.wrapping_add(hole.addend as u64);
    match hole.reloc {
        Reloc::X86_64_64 | Reloc::Aarch64_ABS64 => patch::patch_64(bytes, offset, value),
        Reloc::X86_64_32 => patch::patch_x86_64_32(bytes, offset, value),
        Reloc::X86_64_32S => patch::patch_x86_64_32s(bytes, offset, value),
        Reloc::X86_64_PC32 => patch::patch_x86_64_32r(bytes, offset, place, value),
        Reloc::X86_64_PLT32 => {
            // The value is S + A with A = -4 (the field is 4 bytes before the next instruction).
            let value = if x86_64_in_range(place, value) {
                value
            } else {
                linker.trampoline(target, place).wrapping_add(hole.addend as u64)
            };
            patch::patch_x86_64_32r(bytes, offset, place, value);
        }
        Reloc::X86_64_GOTPCREL => {
            // G + GOT + A - P: the slot holds S, the addend applies to the slot's address.
            let slot = linker.got_slot(target);
            patch::patch_x86_64_32r(bytes, offset, place, slot.wrapping_add(hole.addend as u64));
        }
        Reloc::X86_64_GOTPCRELX | Reloc::X86_64_REX_GOTPCRELX => {
            let slot = linker.got_slot(target);
            if hole.addend == -4 {
                // The usual form (the field ends the instruction): relaxable to S itself.
                patch::patch_x86_64_gotpcrelx(bytes, offset, place, slot, target);
            } else {
                patch::patch_x86_64_32r(bytes, offset, place, slot.wrapping_add(hole.addend as u64));
            }
        }
        Reloc::Aarch64_CALL26 | Reloc::Aarch64_JUMP26 => {
            let value =
                if patch::aarch64_branch_in_range(place, value) { value } else { linker.trampoline(value, place) };
            patch::patch_aarch64_26r(bytes, offset, place, value);
        }
        Reloc::Aarch64_CONDBR19 => patch::patch_aarch64_19r(bytes, offset, place, value),
        Reloc::Aarch64_TSTBR14 => patch::patch_aarch64_14r(bytes, offset, place, value),
        Reloc::Aarch64_ADR_PREL_PG_HI21 => patch::patch_aarch64_21r(bytes, offset, place, value),
        Reloc::Aarch64_ADD_ABS_LO12_NC
        | Reloc::Aarch64_LDST8_ABS_LO12_NC
        | Reloc::Aarch64_LDST16_ABS_LO12_NC
        | Reloc::Aarch64_LDST32_ABS_LO12_NC
        | Reloc::Aarch64_LDST64_ABS_LO12_NC
        | Reloc::Aarch64_LDST128_ABS_LO12_NC => patch::patch_aarch64_12(bytes, offset, value),
        Reloc::Aarch64_MOVW_UABS_G0_NC => patch::patch_aarch64_16a(bytes, offset, value),
        Reloc::Aarch64_MOVW_UABS_G1_NC => patch::patch_aarch64_16b(bytes, offset, value),
        Reloc::Aarch64_MOVW_UABS_G2_NC => patch::patch_aarch64_16c(bytes, offset, value),
        Reloc::Aarch64_MOVW_UABS_G3 => patch::patch_aarch64_16d(bytes, offset, value),
        Reloc::Aarch64_ADR_GOT_PAGE => {
            let slot = linker.got_slot(value);
            patch::patch_aarch64_21r(bytes, offset, place, slot);
        }
        Reloc::Aarch64_LD64_GOT_LO12_NC => {
            let slot = linker.got_slot(value);
            patch::patch_aarch64_12(bytes, offset, slot);
        }
    }
}
