//! Relocation patching: the linker's last step, done by the copy-and-patch backend at run time.
//!
//! A stencil's machine code comes out of the C compiler with holes: every reference to an
//! `extern` symbol (an operand, the next stencil, an exit stub, a runtime helper) is left as a
//! zero field plus a relocation record saying which bits of which instruction must receive which
//! address. Once the JIT has copied the bytes to their final run-time address it has to fill those
//! fields in exactly as a linker would, for x86-64 and AArch64. A wrong bit here is not an error
//! message but a jump to the wrong place, so this module keeps the encoding apart from everything
//! else: one small pure function per relocation kind, taking the buffer being patched (`code`),
//! the byte offset of the field or instruction in it (`offset`), the run-time address P of that
//! field (`place`) and the already-resolved S+A (`value`). Each merges its bits into the
//! little-endian instruction word without touching the other bits. A displacement that does not
//! fit, or is misaligned, is a bug in the JIT (it should have gone through a trampoline, veneer or
//! GOT slot), never a property of the Python program, so every limit is an `assert!` naming what
//! overflowed instead of a silently truncated field. The tests check every function bit for bit
//! against the encodings GNU `as` and `ld` produce for the same instruction and target.

/// Reads the little-endian 32-bit word at `offset` (an instruction, on AArch64).
pub fn read_u32(code: &[u8], offset: usize) -> u32 {
    u32::from_le_bytes(code[offset..offset + 4].try_into().unwrap())
}

/// Writes `word` little-endian at `offset`.
pub fn write_u32(code: &mut [u8], offset: usize, word: u32) {
    code[offset..offset + 4].copy_from_slice(&word.to_le_bytes());
}

/// Replaces the bits of the instruction word at `offset` selected by `mask` with `bits`.
fn merge_u32(code: &mut [u8], offset: usize, mask: u32, bits: u32) {
    debug_assert_eq!(bits & !mask, 0);
    let word = read_u32(code, offset);
    write_u32(code, offset, (word & !mask) | bits);
}

/// `value - place` as a signed displacement (addresses wrap like the hardware's adders).
fn displacement(place: u64, value: u64) -> i64 {
    value.wrapping_sub(place) as i64
}

// ---- Both architectures --------------------------------------------------------------------

/// R_X86_64_64 and R_AARCH64_ABS64: the 8 bytes of `value`.
pub fn patch_64(code: &mut [u8], offset: usize, value: u64) {
    code[offset..offset + 8].copy_from_slice(&value.to_le_bytes());
}

// ---- x86-64 --------------------------------------------------------------------------------

/// R_X86_64_32: `value` zero-extended from 32 bits (e.g. `mov eax, imm32`).
pub fn patch_x86_64_32(code: &mut [u8], offset: usize, value: u64) {
    let Ok(imm) = u32::try_from(value) else {
        panic!(
            "R_X86_64_32 out of range: {value:#x} does not fit 32 unsigned bits; the JIT only fills \
             such holes with operands known to fit, addresses go through 64-bit or PC-relative holes"
        )
    };
    write_u32(code, offset, imm);
}

/// R_X86_64_32S: `value` sign-extended from 32 bits (e.g. `mov rax, simm32`).
pub fn patch_x86_64_32s(code: &mut [u8], offset: usize, value: u64) {
    let Ok(imm) = i32::try_from(value as i64) else {
        panic!(
            "R_X86_64_32S out of range: {value:#x} does not fit 32 signed bits; the JIT only fills \
             such holes with operands known to fit, addresses go through 64-bit or PC-relative holes"
        )
    };
    write_u32(code, offset, imm as u32);
}

/// R_X86_64_PC32, R_X86_64_PLT32 and R_X86_64_GOTPCREL: the rel32 `value - place`. For GOTPCREL
/// `value` is the address of the JIT's GOT slot plus the addend.
pub fn patch_x86_64_32r(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let delta = displacement(place, value);
    let Ok(rel) = i32::try_from(delta) else {
        panic!(
            "rel32 out of range: {value:#x} is {delta:#x} bytes from the field at {place:#x}, beyond \
             ±2 GiB; the JIT must route far helper calls through a trampoline and far data through a \
             GOT slot near the code"
        )
    };
    write_u32(code, offset, rel as u32);
}

/// R_X86_64_GOTPCRELX and R_X86_64_REX_GOTPCRELX: an instruction reading a GOT slot through
/// `[rip+rel32]`, with the rel32 at `offset` ending the instruction (addend -4, the only form
/// compilers emit and the only one linkers relax; for any other addend use [`patch_x86_64_32r`]
/// with `slot + addend`). `slot` is the address of the GOT slot the JIT created, holding `target`.
///
/// Like `ld`, this first tries [`relax_x86_64_gotpcrelx`], which makes the instruction use
/// `target` directly when it is a `mov`, `call` or `jmp` within ±2 GiB; otherwise the rel32 points
/// at `slot`. (To never relax, call `patch_x86_64_32r(code, offset, place, slot.wrapping_sub(4))`.)
/// Relaxing is only sound because the JIT never changes a GOT slot after patching.
pub fn patch_x86_64_gotpcrelx(code: &mut [u8], offset: usize, place: u64, slot: u64, target: u64) {
    if !relax_x86_64_gotpcrelx(code, offset, place, target) {
        patch_x86_64_32r(code, offset, place, slot.wrapping_sub(4));
    }
}

/// The GOTPCRELX relaxations of GNU ld (`elf_x86_64_convert_load_reloc`) that keep code
/// position-independent, for a displacement at `offset` (address `place`) that ends its
/// instruction:
///
/// ```text
/// [rex] 8b /r   mov reg, [rip+GOT]    =>  [rex] 8d /r   lea reg, [rip+target]
///       ff 15   call [rip+GOT]        =>  67 e8         addr32 call target
///       ff 25   jmp  [rip+GOT]        =>  e9 rel32 90   jmp target; nop
/// ```
///
/// Each rewrite has the same length and effect as the original. Returns false, leaving the bytes
/// alone, for any other instruction or when `target` is beyond ±2 GiB of the new instruction's end.
/// The `call`/`jmp` forms assume no REX prefix, as compilers emit them (GOTPCRELX, not REX_).
pub fn relax_x86_64_gotpcrelx(code: &mut [u8], offset: usize, place: u64, target: u64) -> bool {
    assert!(
        offset >= 2 && offset + 4 <= code.len(),
        "GOTPCRELX field at offset {offset} of a {}-byte stencil: the relocation always follows an \
         opcode and a ModRM byte and ends the instruction, so the relocation table is corrupt",
        code.len()
    );
    // The rel32 of a jump ending at address `end`, if it reaches `target`.
    let rel = |end: u64| i32::try_from(displacement(end, target)).ok();
    match (code[offset - 2], code[offset - 1]) {
        // mov r32/r64, [rip+disp32]: ModRM mod=00, rm=101, any reg.
        (0x8b, modrm) if modrm & 0xc7 == 0x05 => {
            let Some(rel) = rel(place.wrapping_add(4)) else { return false };
            code[offset - 2] = 0x8d;
            write_u32(code, offset, rel as u32);
        }
        // call [rip+disp32] (ff /2): the addr32 prefix pads `call rel32` to the same 6 bytes.
        (0xff, 0x15) => {
            let Some(rel) = rel(place.wrapping_add(4)) else { return false };
            code[offset - 2] = 0x67;
            code[offset - 1] = 0xe8;
            write_u32(code, offset, rel as u32);
        }
        // jmp [rip+disp32] (ff /4): `jmp rel32` is one byte shorter and ends one byte earlier,
        // the trailing nop is never executed.
        (0xff, 0x25) => {
            let Some(rel) = rel(place.wrapping_add(3)) else { return false };
            code[offset - 2] = 0xe9;
            write_u32(code, offset - 1, rel as u32);
            code[offset + 3] = 0x90;
        }
        _ => return false,
    }
    true
}

// ---- AArch64 -------------------------------------------------------------------------------

/// Checks that `value - place` is a multiple of 4 within ±2^(bits-1) bytes and returns it in
/// instructions, truncated to the `bits - 2` bits of an immediate field.
fn aarch64_branch_imm(place: u64, value: u64, bits: u32, reloc: &str, reach: &str, why: &str) -> u32 {
    let delta = displacement(place, value);
    assert!(
        delta & 3 == 0,
        "{reloc}: displacement {delta:#x} from {place:#x} to {value:#x} is not a multiple of 4; branch \
         targets are instructions, so the symbol or addend the JIT computed is wrong"
    );
    let half = 1i64 << (bits - 1);
    assert!(
        (-half..half).contains(&delta),
        "{reloc} out of range: {value:#x} is {delta:#x} bytes from the branch at {place:#x}, beyond \
         {reach}; {why}"
    );
    ((delta >> 2) as u32) & ((1 << (bits - 2)) - 1)
}

/// R_AARCH64_CALL26 and R_AARCH64_JUMP26 (`bl`, `b`): `(value - place) >> 2` into bits [25:0].
/// Targets beyond ±128 MiB (see [`aarch64_branch_in_range`]) need an [`aarch64_veneer`].
pub fn patch_aarch64_26r(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let imm = aarch64_branch_imm(
        place,
        value,
        28,
        "CALL26/JUMP26",
        "±128 MiB",
        "the JIT must branch to far targets through a veneer (aarch64_veneer)",
    );
    merge_u32(code, offset, 0x03ff_ffff, imm);
}

/// Whether a `b`/`bl` at `place` reaches `target` directly (±128 MiB).
pub fn aarch64_branch_in_range(place: u64, target: u64) -> bool {
    (-(1i64 << 27)..1i64 << 27).contains(&displacement(place, target))
}

/// A 16-byte veneer reaching any `target`: `ldr x16, .+8; br x16; .quad target`. It clobbers only
/// x16 (IP0), which the AAPCS64 reserves for exactly this between a call and its callee. Placing
/// it 8-byte aligned keeps the literal naturally aligned.
pub fn aarch64_veneer(target: u64) -> [u8; 16] {
    let mut veneer = [0; 16];
    write_u32(&mut veneer, 0, 0x5800_0050); // ldr x16, .+8
    write_u32(&mut veneer, 4, 0xd61f_0200); // br x16
    patch_64(&mut veneer, 8, target);
    veneer
}

/// R_AARCH64_CONDBR19 (`b.cond`, `cbz`, `cbnz`): `(value - place) >> 2` into bits [23:5], ±1 MiB.
pub fn patch_aarch64_19r(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let imm = aarch64_branch_imm(
        place,
        value,
        21,
        "CONDBR19",
        "±1 MiB",
        "conditional branches only target labels inside a stencil or trace, which the JIT keeps \
         within 1 MiB of each other",
    );
    merge_u32(code, offset, 0x7ffff << 5, imm << 5);
}

/// R_AARCH64_TSTBR14 (`tbz`, `tbnz`): `(value - place) >> 2` into bits [18:5], ±32 KiB.
pub fn patch_aarch64_14r(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let imm = aarch64_branch_imm(
        place,
        value,
        16,
        "TSTBR14",
        "±32 KiB",
        "test-and-branch only targets labels inside a stencil or trace, which the JIT keeps within \
         32 KiB of each other",
    );
    merge_u32(code, offset, 0x3fff << 5, imm << 5);
}

/// Merges a 21-bit ADR/ADRP immediate: low 2 bits to immlo [30:29], high 19 bits to immhi [23:5].
fn merge_adr_imm(code: &mut [u8], offset: usize, imm: i64) {
    let imm = imm as u32 & 0x1f_ffff;
    merge_u32(code, offset, (3 << 29) | (0x7ffff << 5), ((imm & 3) << 29) | ((imm >> 2) << 5));
}

/// R_AARCH64_ADR_PREL_PG_HI21 and R_AARCH64_ADR_GOT_PAGE (`adrp`): the page delta
/// `(value >> 12) - (place >> 12)`, ±4 GiB.
pub fn patch_aarch64_21r(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let pages = displacement(place >> 12, value >> 12);
    assert!(
        (-(1i64 << 20)..1i64 << 20).contains(&pages),
        "ADRP out of range: the page of {value:#x} is {pages:#x} pages from the page of {place:#x}, \
         beyond ±4 GiB; the JIT must keep its GOT and the data stencils address with adrp within \
         4 GiB of the code (holes naming arbitrary addresses go through the GOT)"
    );
    merge_adr_imm(code, offset, pages);
}

/// R_AARCH64_ADR_PREL_LO21 (`adr`): the byte delta `value - place`, ±1 MiB.
pub fn patch_aarch64_21x(code: &mut [u8], offset: usize, place: u64, value: u64) {
    let delta = displacement(place, value);
    assert!(
        (-(1i64 << 20)..1i64 << 20).contains(&delta),
        "ADR_PREL_LO21 out of range: {value:#x} is {delta:#x} bytes from the adr at {place:#x}, beyond \
         ±1 MiB; adr only addresses the stencil's own code and constants, which the JIT copies with it"
    );
    merge_adr_imm(code, offset, delta);
}

/// The log2 of the scale of the 12-bit unsigned immediate of `insn`: 0 for ADD/SUB (immediate),
/// the access size for a load/store with unsigned offset.
fn aarch64_lo12_shift(insn: u32) -> u32 {
    if insn & 0x1f80_0000 == 0x1100_0000 {
        // ADD/ADDS/SUB/SUBS (immediate): sf op S 100010 sh imm12 Rn Rd.
        assert!(
            insn & (1 << 22) == 0,
            "lo12 relocation on {insn:#010x}, an ADD immediate shifted by 12; compilers pair the low \
             12 bits with an unshifted ADD, so the stencil's relocation table is corrupt"
        );
        0
    } else if insn & 0x3b00_0000 == 0x3900_0000 {
        // Load/store register (unsigned immediate): size 111 V 01 opc imm12 Rn Rt.
        let size = insn >> 30;
        let simd = insn & (1 << 26) != 0;
        let opc_hi = insn & (1 << 23) != 0;
        if simd && size == 0 && opc_hi {
            4 // ldr/str q: 128 bits
        } else {
            size
        }
    } else {
        panic!(
            "lo12 relocation on {insn:#010x}, which is neither ADD (immediate) nor a load/store with \
             unsigned offset; compilers attach ADD_ABS_LO12_NC/LDST*_ABS_LO12_NC/LD64_GOT_LO12_NC only \
             to those, so the stencil's relocation table is corrupt"
        )
    }
}

/// R_AARCH64_ADD_ABS_LO12_NC, R_AARCH64_LDST{8,16,32,64,128}_ABS_LO12_NC and
/// R_AARCH64_LD64_GOT_LO12_NC: `value & 0xfff` scaled by the access size into bits [21:10]. The
/// scale is read off the instruction itself, so one function serves every relocation of the kind.
pub fn patch_aarch64_12(code: &mut [u8], offset: usize, value: u64) {
    let shift = aarch64_lo12_shift(read_u32(code, offset));
    patch_aarch64_12_scaled(code, offset, value, shift);
}

/// `(value & 0xfff) >> shift` into bits [21:10], asserting that the bits shifted out are zero.
pub fn patch_aarch64_12_scaled(code: &mut [u8], offset: usize, value: u64, shift: u32) {
    assert!(shift <= 4, "lo12 scale {shift} is not the log2 of a 1- to 16-byte access");
    let lo12 = value as u32 & 0xfff;
    assert!(
        lo12 & ((1 << shift) - 1) == 0,
        "LDST{}_ABS_LO12_NC misaligned: {value:#x} is not a multiple of the {}-byte access size; the JIT \
         aligns its GOT slots and constants naturally and stencils only access aligned data",
        8 << shift,
        1 << shift
    );
    merge_u32(code, offset, 0xfff << 10, (lo12 >> shift) << 10);
}

/// Chunk `k` (bits 16k..16k+15) of `value` into the imm16 field [20:5] of a `movz`/`movk`; the hw
/// field stays as the compiler emitted it.
fn patch_aarch64_16(code: &mut [u8], offset: usize, value: u64, k: u32) {
    let imm16 = (value >> (16 * k)) as u32 & 0xffff;
    merge_u32(code, offset, 0xffff << 5, imm16 << 5);
}

/// R_AARCH64_MOVW_UABS_G0_NC: bits [15:0] of `value`.
pub fn patch_aarch64_16a(code: &mut [u8], offset: usize, value: u64) {
    patch_aarch64_16(code, offset, value, 0);
}

/// R_AARCH64_MOVW_UABS_G1_NC: bits [31:16] of `value`.
pub fn patch_aarch64_16b(code: &mut [u8], offset: usize, value: u64) {
    patch_aarch64_16(code, offset, value, 1);
}

/// R_AARCH64_MOVW_UABS_G2_NC: bits [47:32] of `value`.
pub fn patch_aarch64_16c(code: &mut [u8], offset: usize, value: u64) {
    patch_aarch64_16(code, offset, value, 2);
}

/// R_AARCH64_MOVW_UABS_G3: bits [63:48] of `value` (nothing above them can overflow).
pub fn patch_aarch64_16d(code: &mut [u8], offset: usize, value: u64) {
    patch_aarch64_16(code, offset, value, 3);
}

#[cfg(test)]
mod tests {
    //! Expected encodings come from GNU binutils: `aarch64-linux-gnu-as` / `as` for the
    //! instruction with the field as shown, and, where a symbol is named, the same source linked
    //! by `aarch64-linux-gnu-ld` / `ld` at the `place` used here (`-Ttext=0x7f0012340000` with the
    //! symbols `--defsym`ed as listed). The "zero" words are the unrelocated instructions of the
    //! object file. `.` is the instruction's own address.

    use super::*;

    /// Base of the linked AArch64 test (`-Ttext=0x7f0012340000`), also used for `.`-relative cases.
    const P: u64 = 0x7f00_1234_0000;

    /// Places the unrelocated word `zero` at offset 4 of a buffer of guard bytes, applies
    /// `patch`, checks the guards survived and returns the patched word.
    fn a64(zero: u32, patch: impl FnOnce(&mut [u8], usize)) -> u32 {
        let mut code = [0xa5; 12];
        code[4..8].copy_from_slice(&zero.to_le_bytes());
        patch(&mut code, 4);
        assert_eq!(code[..4], [0xa5; 4], "bytes before the instruction changed");
        assert_eq!(code[8..], [0xa5; 4], "bytes after the instruction changed");
        u32::from_le_bytes(code[4..8].try_into().unwrap())
    }

    fn b26(zero: u32, place: u64, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_26r(c, o, place, value))
    }
    fn b19(zero: u32, place: u64, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_19r(c, o, place, value))
    }
    fn b14(zero: u32, place: u64, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_14r(c, o, place, value))
    }
    fn adrp(zero: u32, place: u64, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_21r(c, o, place, value))
    }
    fn adr(zero: u32, place: u64, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_21x(c, o, place, value))
    }
    fn lo12(zero: u32, value: u64) -> u32 {
        a64(zero, |c, o| patch_aarch64_12(c, o, value))
    }

    /// x86-64: patches a copy of `bytes` with `patch` and returns it.
    fn x86(bytes: &[u8], patch: impl FnOnce(&mut [u8])) -> Vec<u8> {
        let mut code = bytes.to_vec();
        patch(&mut code);
        code
    }

    #[test]
    fn words_are_little_endian() {
        // b fwd (fwd=0x7f0012340040), linked; `objdump -s` shows the bytes 10000014.
        let mut code = 0x1400_0000u32.to_le_bytes();
        patch_aarch64_26r(&mut code, 0, P, P + 0x40);
        assert_eq!(code, [0x10, 0x00, 0x00, 0x14]);
        assert_eq!(read_u32(&code, 0), 0x1400_0010);
        write_u32(&mut code, 0, 0x5400_0201);
        assert_eq!(code, [0x01, 0x02, 0x00, 0x54]);
    }

    // ---- AArch64 B/BL --------------------------------------------------------------------

    #[test]
    fn aarch64_26r() {
        assert_eq!(b26(0x1400_0000, P, P + 0x40), 0x1400_0010); // b fwd (linked) / b .+0x40
        assert_eq!(b26(0x9400_0000, P + 4, 0x7f00_1233_ffc0), 0x97ff_ffef); // bl back (linked)
        assert_eq!(b26(0x9400_0000, P, P - 0x40), 0x97ff_fff0); // bl .-0x40
        assert_eq!(b26(0x1400_0000, P, P), 0x1400_0000); // b .
        assert_eq!(b26(0x1400_0000, P, P + 0x7ff_fffc), 0x15ff_ffff); // b .+0x7fffffc (max)
        assert_eq!(b26(0x9400_0000, P, P - 0x800_0000), 0x9600_0000); // bl .-0x8000000 (min)

        // A non-zero field is replaced, not ORed: b .+0x7fffffc patched back to b .+0x40.
        assert_eq!(b26(0x15ff_ffff, P, P + 0x40), 0x1400_0010);
    }

    #[test]
    #[should_panic(expected = "CALL26/JUMP26 out of range")]
    fn aarch64_26r_forward_overflow() {
        b26(0x1400_0000, P, P + 0x800_0000);
    }

    #[test]
    #[should_panic(expected = "CALL26/JUMP26 out of range")]
    fn aarch64_26r_backward_overflow() {
        b26(0x9400_0000, P, P - 0x800_0004);
    }

    #[test]
    #[should_panic(expected = "not a multiple of 4")]
    fn aarch64_26r_misaligned() {
        b26(0x1400_0000, P, P + 0x42);
    }

    #[test]
    fn aarch64_branch_range() {
        assert!(aarch64_branch_in_range(P, P + 0x7ff_fffc));
        assert!(!aarch64_branch_in_range(P, P + 0x800_0000));
        assert!(aarch64_branch_in_range(P, P - 0x800_0000));
        assert!(!aarch64_branch_in_range(P, P - 0x800_0004));
    }

    #[test]
    fn aarch64_veneer_bytes() {
        let v = aarch64_veneer(0x1234_5678_9abc_def0);
        assert_eq!(read_u32(&v, 0), 0x5800_0050); // ldr x16, .+8
        assert_eq!(read_u32(&v, 4), 0xd61f_0200); // br x16
        assert_eq!(v[8..], [0xf0, 0xde, 0xbc, 0x9a, 0x78, 0x56, 0x34, 0x12]); // .xword 0x123456789abcdef0
    }

    // ---- AArch64 B.cond/CBZ/CBNZ ---------------------------------------------------------

    #[test]
    fn aarch64_19r() {
        assert_eq!(b19(0x5400_0001, P + 8, P + 0x40), 0x5400_01c1); // b.ne fwd (linked)
        assert_eq!(b19(0xb400_0000, P + 0xc, 0x7f00_1233_ffc0), 0xb4ff_fda0); // cbz x0, back (linked)
        assert_eq!(b19(0x5400_0001, P, P + 0x40), 0x5400_0201); // b.ne .+0x40
        assert_eq!(b19(0x5400_0000, P, P - 0x40), 0x54ff_fe00); // b.eq .-0x40
        assert_eq!(b19(0xb400_0000, P, P + 0x80), 0xb400_0400); // cbz x0, .+0x80
        assert_eq!(b19(0x3500_0001, P, P - 0x80), 0x35ff_fc01); // cbnz w1, .-0x80
        assert_eq!(b19(0x5400_0001, P, P + 0xf_fffc), 0x547f_ffe1); // b.ne .+0xffffc (max)
        assert_eq!(b19(0x5400_000b, P, P - 0x10_0000), 0x5480_000b); // b.lt .-0x100000 (min)
    }

    #[test]
    #[should_panic(expected = "CONDBR19 out of range")]
    fn aarch64_19r_forward_overflow() {
        b19(0x5400_0001, P, P + 0x10_0000);
    }

    #[test]
    #[should_panic(expected = "CONDBR19 out of range")]
    fn aarch64_19r_backward_overflow() {
        b19(0x5400_000b, P, P - 0x10_0004);
    }

    #[test]
    #[should_panic(expected = "not a multiple of 4")]
    fn aarch64_19r_misaligned() {
        b19(0x5400_0001, P, P + 2);
    }

    // ---- AArch64 TBZ/TBNZ ----------------------------------------------------------------

    #[test]
    fn aarch64_14r() {
        assert_eq!(b14(0x3618_0000, P + 0x10, P + 0x40), 0x3618_0180); // tbz w0, #3, fwd (linked)
        assert_eq!(b14(0x37f8_0005, P + 0x14, 0x7f00_1233_ffc0), 0x37ff_fd65); // tbnz w5, #31, back (linked)
        assert_eq!(b14(0x3618_0000, P, P + 0x40), 0x3618_0200); // tbz x0, #3, .+0x40
        assert_eq!(b14(0x37f8_0005, P, P - 0x40), 0x37ff_fe05); // tbnz w5, #31, .-0x40
        assert_eq!(b14(0x3618_0000, P, P + 0x7ffc), 0x361b_ffe0); // tbz x0, #3, .+0x7ffc (max)
        assert_eq!(b14(0xb7f8_0002, P, P - 0x8000), 0xb7fc_0002); // tbnz x2, #63, .-0x8000 (min)
    }

    #[test]
    #[should_panic(expected = "TSTBR14 out of range")]
    fn aarch64_14r_forward_overflow() {
        b14(0x3618_0000, P, P + 0x8000);
    }

    #[test]
    #[should_panic(expected = "TSTBR14 out of range")]
    fn aarch64_14r_backward_overflow() {
        b14(0xb7f8_0002, P, P - 0x8004);
    }

    // ---- AArch64 ADRP/ADR ----------------------------------------------------------------

    /// `adrp.s` linked at `-Ttext=0x200000000`: one adrp per word from Q.
    const Q: u64 = 0x2_0000_0000;

    #[test]
    fn aarch64_21r() {
        assert_eq!(adrp(0x9000_0000, Q, Q), 0x9000_0000); // adrp x0, .
        assert_eq!(adrp(0x9000_0000, Q + 4, Q + 4 + 0x1000), 0xb000_0000); // adrp x0, .+0x1000
        assert_eq!(adrp(0x9000_0001, Q + 8, Q + 8 - 0x1000), 0xf0ff_ffe1); // adrp x1, .-0x1000
        assert_eq!(adrp(0x9000_0002, Q + 0xc, Q + 0xc + 0x1234_5000), 0xb009_1a22); // adrp x2, .+0x12345000
        assert_eq!(adrp(0x9000_0005, Q + 0x18, Q + 0x18 + 0x3000), 0xf000_0005); // adrp x5, .+0x3000
        assert_eq!(adrp(0x9000_0006, Q + 0x1c, Q + 0x1c - 0x5000), 0xf0ff_ffc6); // adrp x6, .-0x5000

        // The extremes, 0xfffff pages forward and 0x100000 back:
        assert_eq!(adrp(0x9000_0003, Q + 0x10, Q + 0x10 + 0xffff_f000), 0xf07f_ffe3); // adrp x3, .+0xfffff000
        assert_eq!(adrp(0x9000_0004, Q + 0x14, Q + 0x14 - 0x1_0000_0000), 0x9080_0004); // adrp x4, .-0x100000000

        // Only the pages count: from a page's last word one byte ahead is the next page, and
        // from a page's first word one byte back is the previous page.
        assert_eq!(adrp(0x9000_0000, Q + 0xffc, Q + 0x1000), 0xb000_0000); // adrp x0, .+0x1000 (from Q)
        assert_eq!(adrp(0x9000_0000, Q + 0x1000, Q + 0xfff), 0xf0ff_ffe0); // adrp x0, .-0x1000 (from Q)

        // Linked: adrp x0, data (data=0x7f00f2345678) and adrp x1, :got:data (slot 0x7f001235ffe0).
        assert_eq!(adrp(0x9000_0000, P + 0x18, 0x7f00_f234_5678), 0xb070_0020);
        assert_eq!(adrp(0x9000_0001, P + 0x1c, 0x7f00_1235_ffe0), 0xf000_00e1);
    }

    #[test]
    #[should_panic(expected = "ADRP out of range")]
    fn aarch64_21r_forward_overflow() {
        // `adrp x3, .+0x100000000`: ld says "relocation truncated to fit: R_AARCH64_ADR_PREL_PG_HI21".
        adrp(0x9000_0003, Q, Q + 0x1_0000_0000);
    }

    #[test]
    #[should_panic(expected = "ADRP out of range")]
    fn aarch64_21r_backward_overflow() {
        adrp(0x9000_0004, Q, Q - 0x1_0000_1000);
    }

    #[test]
    fn aarch64_21x() {
        assert_eq!(adr(0x1000_0002, P + 0x20, P + 0x40), 0x1000_0102); // adr x2, fwd (linked)
        assert_eq!(adr(0x1000_0000, P, P), 0x1000_0000); // adr x0, .
        assert_eq!(adr(0x1000_0000, P, P + 0x41), 0x3000_0200); // adr x0, .+0x41
        assert_eq!(adr(0x1000_0001, P, P - 0x43), 0x30ff_fde1); // adr x1, .-0x43
        assert_eq!(adr(0x1000_0002, P, P + 0xf_ffff), 0x707f_ffe2); // adr x2, .+0xfffff (max)
        assert_eq!(adr(0x1000_0003, P, P - 0x10_0000), 0x1080_0003); // adr x3, .-0x100000 (min)
    }

    #[test]
    #[should_panic(expected = "ADR_PREL_LO21 out of range")]
    fn aarch64_21x_forward_overflow() {
        adr(0x1000_0002, P, P + 0x10_0000);
    }

    #[test]
    #[should_panic(expected = "ADR_PREL_LO21 out of range")]
    fn aarch64_21x_backward_overflow() {
        adr(0x1000_0003, P, P - 0x10_0001);
    }

    // ---- AArch64 lo12 --------------------------------------------------------------------

    #[test]
    fn aarch64_12_add() {
        // add x0, x1, #:lo12:data_b (data_b=0x7f0012345ab9)  => add x0, x1, #0xab9
        assert_eq!(lo12(0x9100_0020, 0x7f00_1234_5ab9), 0x912a_e420);
        // add w2, w3, #0xfff
        assert_eq!(lo12(0x1100_0062, 0x7f00_1234_5fff), 0x113f_fc62);
    }

    #[test]
    fn aarch64_12_ldst8() {
        let v = 0x7f00_1234_5ab9; // data_b
        assert_eq!(lo12(0x3940_0020, v), 0x396a_e420); // ldrb w0, [x1, #:lo12:data_b]  => #2745
        assert_eq!(lo12(0x3900_0020, v), 0x392a_e420); // strb w0, [x1, #:lo12:data_b]
        assert_eq!(lo12(0x3980_0020, v), 0x39aa_e420); // ldrsb x0, [x1, #:lo12:data_b]
        assert_eq!(lo12(0x3d40_0020, v), 0x3d6a_e420); // ldr b0, [x1, #:lo12:data_b]
    }

    #[test]
    fn aarch64_12_ldst16() {
        let v = 0x7f00_1234_5aba; // data_h
        assert_eq!(lo12(0x7940_0020, v), 0x7955_7420); // ldrh w0, [x1, #:lo12:data_h]  => #2746
        assert_eq!(lo12(0x7900_0020, v), 0x7915_7420); // strh w0, [x1, #:lo12:data_h]
        assert_eq!(lo12(0x7d40_0020, v), 0x7d55_7420); // ldr h0, [x1, #:lo12:data_h]
    }

    #[test]
    fn aarch64_12_ldst32() {
        let v = 0x7f00_1234_5abc; // data_w
        assert_eq!(lo12(0xb940_0020, v), 0xb94a_bc20); // ldr w0, [x1, #:lo12:data_w]  => #2748
        assert_eq!(lo12(0xb900_0020, v), 0xb90a_bc20); // str w0, [x1, #:lo12:data_w]
        assert_eq!(lo12(0xb980_0020, v), 0xb98a_bc20); // ldrsw x0, [x1, #:lo12:data_w]
        assert_eq!(lo12(0xbd40_0020, v), 0xbd4a_bc20); // ldr s0, [x1, #:lo12:data_w]
    }

    #[test]
    fn aarch64_12_ldst64() {
        let v = 0x7f00_1234_5ab8; // data_x
        assert_eq!(lo12(0xf940_0020, v), 0xf945_5c20); // ldr x0, [x1, #:lo12:data_x]  => #2744
        assert_eq!(lo12(0xf900_0020, v), 0xf905_5c20); // str x0, [x1, #:lo12:data_x]
        assert_eq!(lo12(0xfd40_0020, v), 0xfd45_5c20); // ldr d0, [x1, #:lo12:data_x]
        assert_eq!(lo12(0xf940_0020, 0xff8), 0xf947_fc20); // ldr x0, [x1, #4088] (largest offset)

        // ldr x1, [x1, #:got_lo12:data] (GOT slot 0x7f001235ffe0)  => #4064
        assert_eq!(lo12(0xf940_0021, 0x7f00_1235_ffe0), 0xf947_f021);
    }

    #[test]
    fn aarch64_12_ldst128() {
        let v = 0x7f00_1234_5ab0; // data_q
        assert_eq!(lo12(0x3dc0_0020, v), 0x3dc2_ac20); // ldr q0, [x1, #:lo12:data_q]  => #2736
        assert_eq!(lo12(0x3d80_0020, v), 0x3d82_ac20); // str q0, [x1, #:lo12:data_q]
    }

    #[test]
    fn aarch64_12_scaled() {
        // ldr x0, [x1, #2744] with an explicit scale.
        assert_eq!(a64(0xf940_0020, |c, o| patch_aarch64_12_scaled(c, o, 0xab8, 3)), 0xf945_5c20);
    }

    #[test]
    #[should_panic(expected = "LDST128_ABS_LO12_NC misaligned")]
    fn aarch64_12_misaligned_128() {
        lo12(0x3dc0_0020, 0x7f00_1234_5ab8); // ldr q0 needs a multiple of 16
    }

    #[test]
    #[should_panic(expected = "LDST64_ABS_LO12_NC misaligned")]
    fn aarch64_12_misaligned_64() {
        lo12(0xf940_0020, 0x7f00_1234_5abc);
    }

    #[test]
    #[should_panic(expected = "LDST16_ABS_LO12_NC misaligned")]
    fn aarch64_12_misaligned_16() {
        lo12(0x7940_0020, 0x7f00_1234_5ab9);
    }

    #[test]
    #[should_panic(expected = "neither ADD (immediate) nor a load/store")]
    fn aarch64_12_wrong_instruction() {
        lo12(0xa940_0440, 0xab8); // ldp x0, x1, [x2]
    }

    #[test]
    #[should_panic(expected = "ADD immediate shifted by 12")]
    fn aarch64_12_shifted_add() {
        lo12(0x9140_0020, 0xab8); // add x0, x1, #0, lsl #12
    }

    // ---- AArch64 MOVZ/MOVK ---------------------------------------------------------------

    #[test]
    fn aarch64_16() {
        let v = 0x1234_5678_9abc_def0; // big
        let g0 = |zero| a64(zero, |c, o| patch_aarch64_16a(c, o, v));
        let g1 = |zero| a64(zero, |c, o| patch_aarch64_16b(c, o, v));
        let g2 = |zero| a64(zero, |c, o| patch_aarch64_16c(c, o, v));
        let g3 = |zero| a64(zero, |c, o| patch_aarch64_16d(c, o, v));
        assert_eq!(g3(0xd2e0_0000), 0xd2e2_4680); // movz x0, #:abs_g3:big  => movz x0, #0x1234, lsl #48
        assert_eq!(g3(0xf2e0_0000), 0xf2e2_4680); // movk x0, #0x1234, lsl #48
        assert_eq!(g2(0xf2c0_0000), 0xf2ca_cf00); // movk x0, #:abs_g2_nc:big  => #0x5678, lsl #32
        assert_eq!(g1(0xf2a0_0000), 0xf2b3_5780); // movk x0, #:abs_g1_nc:big  => #0x9abc, lsl #16
        assert_eq!(g0(0xf280_0000), 0xf29b_de00); // movk x0, #:abs_g0_nc:big  => #0xdef0
        assert_eq!(g0(0xd280_0000), 0xd29b_de00); // movz x0, #:abs_g0_nc:big  => mov x0, #0xdef0
        assert_eq!(g1(0x52a0_0000), 0x52b3_5780); // movz w0, #:abs_g1_nc:big  => mov w0, #0x9abc0000
    }

    // ---- x86-64 ----------------------------------------------------------------------------

    #[test]
    fn x86_64_64() {
        // .quad big (big=0x123456789abcdef0); the same bytes for AArch64's .xword (ABS64).
        let bytes = x86(&[0; 8], |c| patch_64(c, 0, 0x1234_5678_9abc_def0));
        assert_eq!(bytes, [0xf0, 0xde, 0xbc, 0x9a, 0x78, 0x56, 0x34, 0x12]);
    }

    #[test]
    fn x86_64_32() {
        let zero = [0xb8, 0, 0, 0, 0]; // mov eax, OFFSET small
        let patch = |v: u64| x86(&zero, |c| patch_x86_64_32(c, 1, v));
        assert_eq!(patch(0xfedc_ba98), [0xb8, 0x98, 0xba, 0xdc, 0xfe]); // mov eax, 0xfedcba98 (linked)
        assert_eq!(patch(0x1234_5678), [0xb8, 0x78, 0x56, 0x34, 0x12]); // mov eax, 0x12345678
        assert_eq!(patch(0xffff_ffff), [0xb8, 0xff, 0xff, 0xff, 0xff]); // mov eax, 0xffffffff
    }

    #[test]
    #[should_panic(expected = "R_X86_64_32 out of range")]
    fn x86_64_32_overflow() {
        x86(&[0xb8, 0, 0, 0, 0], |c| patch_x86_64_32(c, 1, 0x1_0000_0000));
    }

    #[test]
    fn x86_64_32s() {
        let zero = [0x48, 0xc7, 0xc0, 0, 0, 0, 0]; // mov rax, OFFSET neg
        let patch = |v: u64| x86(&zero, |c| patch_x86_64_32s(c, 3, v));
        // mov rax, OFFSET neg (neg=0xffffffff80000000, linked)  => mov rax, -0x80000000
        assert_eq!(patch(0xffff_ffff_8000_0000), [0x48, 0xc7, 0xc0, 0x00, 0x00, 0x00, 0x80]);
        // mov rax, -0x12345678
        assert_eq!(patch(-0x1234_5678i64 as u64), [0x48, 0xc7, 0xc0, 0x88, 0xa9, 0xcb, 0xed]);
        // mov rax, 0x7fffffff
        assert_eq!(patch(0x7fff_ffff), [0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0x7f]);
    }

    #[test]
    #[should_panic(expected = "R_X86_64_32S out of range")]
    fn x86_64_32s_overflow_positive() {
        x86(&[0x48, 0xc7, 0xc0, 0, 0, 0, 0], |c| patch_x86_64_32s(c, 3, 0x8000_0000));
    }

    #[test]
    #[should_panic(expected = "R_X86_64_32S out of range")]
    fn x86_64_32s_overflow_negative() {
        x86(&[0x48, 0xc7, 0xc0, 0, 0, 0, 0], |c| patch_x86_64_32s(c, 3, 0xffff_ffff_7fff_ffff));
    }

    #[test]
    fn x86_64_32r() {
        // Linked at -Ttext=0x7f0012340000 with back=0x7f0012330000, fwd=0x7f0012341000; the
        // addend is -4 (the rel32 ends the instruction).
        let call = [0xe8, 0, 0, 0, 0]; // call back@PLT (R_X86_64_PLT32 back-0x4)
        let got = x86(&call, |c| patch_x86_64_32r(c, 1, P + 1, 0x7f00_1233_0000 - 4));
        assert_eq!(got, [0xe8, 0xfb, 0xff, 0xfe, 0xff]); // call 0x7f0012330000 (negative rel32)
        let jmp = [0xe9, 0, 0, 0, 0]; // jmp fwd (R_X86_64_PLT32 fwd-0x4), at P+5
        let got = x86(&jmp, |c| patch_x86_64_32r(c, 1, P + 6, 0x7f00_1234_1000 - 4));
        assert_eq!(got, [0xe9, 0xf6, 0x0f, 0x00, 0x00]);
        let lea = [0x48, 0x8d, 0x05, 0, 0, 0, 0]; // lea rax, [rip + fwd] (R_X86_64_PC32 fwd-0x4), at P+0xa
        let got = x86(&lea, |c| patch_x86_64_32r(c, 3, P + 0xd, 0x7f00_1234_1000 - 4));
        assert_eq!(got, [0x48, 0x8d, 0x05, 0xef, 0x0f, 0x00, 0x00]);
        let got = x86(&call, |c| patch_x86_64_32r(c, 1, P + 1, P - 0x100 - 4));
        assert_eq!(got, [0xe8, 0xfb, 0xfe, 0xff, 0xff]); // call .-0x100

        // The extremes (value - place = rel32 whatever the addend).
        let got = x86(&lea, |c| patch_x86_64_32r(c, 3, P, P + 0x7fff_ffff));
        assert_eq!(got, [0x48, 0x8d, 0x05, 0xff, 0xff, 0xff, 0x7f]); // lea rax, [rip+0x7fffffff]
        let got = x86(&lea, |c| patch_x86_64_32r(c, 3, P, P - 0x8000_0000));
        assert_eq!(got, [0x48, 0x8d, 0x05, 0x00, 0x00, 0x00, 0x80]); // lea rax, [rip-0x80000000]
    }

    #[test]
    #[should_panic(expected = "rel32 out of range")]
    fn x86_64_32r_forward_overflow() {
        x86(&[0xe8, 0, 0, 0, 0], |c| patch_x86_64_32r(c, 1, P, P + 0x8000_0000));
    }

    #[test]
    #[should_panic(expected = "rel32 out of range")]
    fn x86_64_32r_backward_overflow() {
        x86(&[0xe8, 0, 0, 0, 0], |c| patch_x86_64_32r(c, 1, P, P - 0x8000_0001));
    }

    // GOTPCRELX: `gotx.s` assembled by `as` (which emits the relaxable relocations with addend
    // -4) and linked by `ld -pie -Ttext=0x401000`, with the hidden symbol foo at 0x401100; the
    // unrelaxable `add` got the GOT slot 0x402fe0. Field addresses are those of the object file
    // plus 0x401000.
    const FOO: u64 = 0x40_1100;
    const SLOT: u64 = 0x40_2fe0;

    #[test]
    fn x86_64_gotpcrelx_mov_rex() {
        // mov rax, QWORD PTR [rip + foo@GOTPCREL]  (R_X86_64_REX_GOTPCRELX at 0x401003)
        let zero = [0x48, 0x8b, 0x05, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 3, 0x40_1003, SLOT, FOO));
        assert_eq!(got, [0x48, 0x8d, 0x05, 0xf9, 0x00, 0x00, 0x00]); // lea rax, [rip+0xf9]

        // mov r9, QWORD PTR [rip + foo@GOTPCREL]  (at 0x401010)
        let zero = [0x4c, 0x8b, 0x0d, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 3, 0x40_1010, SLOT, FOO));
        assert_eq!(got, [0x4c, 0x8d, 0x0d, 0xec, 0x00, 0x00, 0x00]); // lea r9, [rip+0xec]
    }

    #[test]
    fn x86_64_gotpcrelx_mov() {
        // mov eax, DWORD PTR [rip + foo@GOTPCREL]  (R_X86_64_GOTPCRELX at 0x401009)
        let zero = [0x8b, 0x05, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 2, 0x40_1009, SLOT, FOO));
        assert_eq!(got, [0x8d, 0x05, 0xf3, 0x00, 0x00, 0x00]); // lea eax, [rip+0xf3]
    }

    #[test]
    fn x86_64_gotpcrelx_call() {
        // call QWORD PTR [rip + foo@GOTPCREL]  (at 0x401016)
        let zero = [0xff, 0x15, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 2, 0x40_1016, SLOT, FOO));
        assert_eq!(got, [0x67, 0xe8, 0xe6, 0x00, 0x00, 0x00]); // addr32 call foo
    }

    #[test]
    fn x86_64_gotpcrelx_jmp() {
        // jmp QWORD PTR [rip + foo@GOTPCREL]  (at 0x40101c)
        let zero = [0xff, 0x25, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 2, 0x40_101c, SLOT, FOO));
        assert_eq!(got, [0xe9, 0xe1, 0x00, 0x00, 0x00, 0x90]); // jmp foo; nop

        // Backward: the rel32 counts from the end of the 5-byte jmp, one byte before the field's end.
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 2, 0x40_101c, SLOT, 0x40_1000));
        assert_eq!(got, [0xe9, 0xe1, 0xff, 0xff, 0xff, 0x90]); // jmp .-0x1a (from 0x40101a to 0x401000)
    }

    #[test]
    fn x86_64_gotpcrelx_unrelaxable_uses_slot() {
        // add rax, QWORD PTR [rip + foo@GOTPCREL]  (at 0x401023): ld keeps the GOT load.
        let zero = [0x48, 0x03, 0x05, 0, 0, 0, 0];
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 3, 0x40_1023, SLOT, FOO));
        assert_eq!(got, [0x48, 0x03, 0x05, 0xb9, 0x1f, 0x00, 0x00]); // add rax, [rip+0x1fb9]
        let mut code = zero;
        assert!(!relax_x86_64_gotpcrelx(&mut code, 3, 0x40_1023, FOO));
        assert_eq!(code, zero);
    }

    #[test]
    fn x86_64_gotpcrelx_far_target_uses_slot() {
        // A target beyond rel32 range cannot be relaxed: the instruction keeps reading the slot.
        let far = 0x7f00_0000_0000;
        let zero = [0x48, 0x8b, 0x05, 0, 0, 0, 0];
        let mut code = zero;
        assert!(!relax_x86_64_gotpcrelx(&mut code, 3, 0x40_1003, far));
        assert_eq!(code, zero);
        let got = x86(&zero, |c| patch_x86_64_gotpcrelx(c, 3, 0x40_1003, SLOT, far));
        assert_eq!(got, [0x48, 0x8b, 0x05, 0xd9, 0x1f, 0x00, 0x00]); // mov rax, [rip+0x1fd9] (the slot)

        // The relaxation boundary is rel32's: exactly i32::MAX past the end still relaxes.
        let mut code = [0xff, 0x15, 0, 0, 0, 0];
        assert!(!relax_x86_64_gotpcrelx(&mut code, 2, P, P + 4 + 0x8000_0000));
        assert!(relax_x86_64_gotpcrelx(&mut code, 2, P, P + 4 + 0x7fff_ffff));
        assert_eq!(code, [0x67, 0xe8, 0xff, 0xff, 0xff, 0x7f]);
    }

    #[test]
    fn x86_64_gotpcrelx_other_modrm_is_left_alone() {
        // mov eax, [rbp+disp32] (ModRM 0x85) is not RIP-relative, so not a GOT load.
        let zero = [0x8b, 0x85, 0, 0, 0, 0];
        let mut code = zero;
        assert!(!relax_x86_64_gotpcrelx(&mut code, 2, P, P));
        assert_eq!(code, zero);
    }
}
