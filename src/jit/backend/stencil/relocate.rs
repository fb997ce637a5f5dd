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

use crate::jit::backend::stencil::extract::{Arch, Hole, HoleValue, Part, Reloc, Stencil};
use crate::jit::backend::stencil::patch;

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    /// GOT slots from 0x9a48 (one per value, as the JIT's linker shares them), trampolines from
    /// 0xa000; records what each holds.
    #[derive(Default)]
    struct Recorder {
        got: Vec<u64>,
        trampolines: Vec<u64>,
    }

    impl Linker for Recorder {
        fn got_slot(&mut self, value: u64) -> u64 {
            let index = self.got.iter().position(|&v| v == value).unwrap_or_else(|| {
                self.got.push(value);
                self.got.len() - 1
            });
            0x9a48 + 8 * index as u64
        }
        fn trampoline(&mut self, target: u64, _place: u64) -> u64 {
            self.trampolines.push(target);
            0xa000 + 16 * (self.trampolines.len() as u64 - 1)
        }
    }

    fn hole(reloc: Reloc, offset: u32, addend: i64) -> Hole {
        Hole { part: Part::Code, offset, reloc, value: HoleValue::Helper(Cow::Borrowed("h")), addend }
    }

    fn rel32(bytes: &[u8], at: usize) -> i32 {
        i32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    #[test]
    fn gotpcrel_slot_holds_the_symbol_and_the_field_its_address() {
        // mov rax, [rip + GOT(S)] at 0x1000: the field at 0x1003 ends the instruction.
        let mut code = vec![0x48, 0x8b, 0x05, 0, 0, 0, 0];
        let mut linker = Recorder::default();
        patch_hole(&mut code, &hole(Reloc::X86_64_GOTPCREL, 3, -4), 0x1003, 0x5555_0000, &mut linker);
        assert_eq!(linker.got, [0x5555_0000]);
        assert_eq!(0x1007 + rel32(&code, 3) as i64, 0x9a48, "rip-relative to the slot");
        assert_eq!(&code[..3], &[0x48, 0x8b, 0x05], "GOTPCREL is never relaxed");
    }

    #[test]
    fn gotpcrelx_relaxes_to_lea_of_the_symbol_when_in_range() {
        let mut code = vec![0x48, 0x8b, 0x05, 0, 0, 0, 0];
        let mut linker = Recorder::default();
        patch_hole(&mut code, &hole(Reloc::X86_64_REX_GOTPCRELX, 3, -4), 0x1003, 0x5555_0000, &mut linker);
        assert_eq!(&code[..3], &[0x48, 0x8d, 0x05], "mov became lea");
        assert_eq!(0x1007 + rel32(&code, 3) as i64, 0x5555_0000);
    }

    #[test]
    fn plt32_goes_through_a_trampoline_only_when_far() {
        let mut code = vec![0xe8, 0, 0, 0, 0];
        let mut linker = Recorder::default();
        patch_hole(&mut code, &hole(Reloc::X86_64_PLT32, 1, -4), 0x1001, 0x2000, &mut linker);
        assert_eq!(0x1005 + rel32(&code, 1) as i64, 0x2000);
        assert!(linker.trampolines.is_empty());
        patch_hole(&mut code, &hole(Reloc::X86_64_PLT32, 1, -4), 0x1001, 0x7fff_0000_0000, &mut linker);
        assert_eq!(linker.trampolines, [0x7fff_0000_0000]);
        assert_eq!(0x1005 + rel32(&code, 1) as i64, 0xa000);
        assert_eq!(trampoline_bytes(Arch::X86_64, 0x7fff_0000_0000)[..2], [0xff, 0x25]);
    }

    #[test]
    fn aarch64_got_page_and_offset_address_one_slot_holding_s_plus_a() {
        // adrp x0, GOT(S+A); ldr x0, [x0, #lo12(GOT(S+A))]
        let mut code = [0x9000_0000u32, 0xf940_0000].iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
        let mut linker = Recorder::default();
        patch_hole(&mut code, &hole(Reloc::Aarch64_ADR_GOT_PAGE, 0, 8), 0x40_0000, 0x1234_5678, &mut linker);
        patch_hole(&mut code, &hole(Reloc::Aarch64_LD64_GOT_LO12_NC, 4, 8), 0x40_0004, 0x1234_5678, &mut linker);
        assert_eq!(linker.got, [0x1234_5680], "both instructions use the slot of S+A");
        let adrp = u32::from_le_bytes(code[0..4].try_into().unwrap());
        let ldr = u32::from_le_bytes(code[4..8].try_into().unwrap());
        let page = (((adrp >> 5) & 0x7_ffff) << 2 | (adrp >> 29) & 3) as i64;
        let delta = (page << 43 >> 43) << 12; // 21-bit signed page count
        assert_eq!(0x40_0000 + delta, 0x9000);
        assert_eq!(((ldr >> 10) & 0xfff) * 8, 0xa48);
    }

    #[test]
    fn abs64_writes_s_plus_a() {
        let mut data = vec![0u8; 8];
        let mut linker = Recorder::default();
        patch_hole(&mut data, &hole(Reloc::Aarch64_ABS64, 0, 16), 0, 0x1122_3344_5566_7700, &mut linker);
        assert_eq!(u64::from_le_bytes(data.try_into().unwrap()), 0x1122_3344_5566_7710);
    }
}
