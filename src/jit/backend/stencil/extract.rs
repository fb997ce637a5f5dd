//! Stencil extraction: from an ELF object file of compiled stencils to a table of machine code
//! and holes.
//!
//! `stencils/uops.c` is compiled with one section per function (`-ffunction-sections`), so each
//! stencil `NAME` is the section `.text.NAME`, plus `.text.unlikely.NAME` when the compiler moved
//! its cold paths out of line (the paths that reach an exit). Every relocation in those sections
//! becomes a [`Hole`]: where it is (part and offset), how to patch it ([`Reloc`]) and what value
//! fills it ([`HoleValue`] plus an addend). Read-only data a stencil uses (`.rodata*`, e.g. float
//! constants) is copied into the stencil's own data. A trailing jump to the continuation is
//! dropped so that stencils fall through into each other.
//!
//! This file is compiled twice: by `build.rs` (through `#[path]`) to generate the stencil table
//! of the target being built, and by the crate, so that tests run the very same extraction on
//! object files compiled for the other architecture. It therefore depends on nothing but `std`
//! and the `object` crate. Anything it does not understand is an error naming the stencil:
//! never a silently wrong stencil.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use object::elf;
use object::{Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget, SectionKind};

/// The two instruction sets stitch generates code for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arch {
    X86_64,
    Aarch64,
}

impl Arch {
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }

    pub fn from_name(name: &str) -> Option<Arch> {
        match name {
            "x86_64" => Some(Arch::X86_64),
            "aarch64" => Some(Arch::Aarch64),
            _ => None,
        }
    }
}

/// A relocation kind: how a hole is patched. Names follow the ELF psABI of each target.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reloc {
    /// 8-byte absolute value.
    X86_64_64,
    /// 4-byte PC-relative value (S + A - P).
    X86_64_PC32,
    /// Same as `PC32` for a call or jump (no PLT: the JIT knows the target).
    X86_64_PLT32,
    /// 4-byte absolute value, zero-extended.
    X86_64_32,
    /// 4-byte absolute value, sign-extended.
    X86_64_32S,
    /// PC-relative address of a GOT slot holding the value.
    X86_64_GOTPCREL,
    /// As `GOTPCREL`, on an instruction the linker may relax.
    X86_64_GOTPCRELX,
    /// As `GOTPCRELX`, with a REX prefix.
    X86_64_REX_GOTPCRELX,
    /// 8-byte absolute value.
    Aarch64_ABS64,
    /// `BL`: 26-bit word offset.
    Aarch64_CALL26,
    /// `B`: 26-bit word offset.
    Aarch64_JUMP26,
    /// `B.cond`, `CBZ`, `CBNZ`: 19-bit word offset.
    Aarch64_CONDBR19,
    /// `TBZ`, `TBNZ`: 14-bit word offset.
    Aarch64_TSTBR14,
    /// `ADRP`: 21-bit page offset.
    Aarch64_ADR_PREL_PG_HI21,
    /// `ADD` immediate: low 12 bits.
    Aarch64_ADD_ABS_LO12_NC,
    /// Loads and stores: low 12 bits scaled by the access size.
    Aarch64_LDST8_ABS_LO12_NC,
    Aarch64_LDST16_ABS_LO12_NC,
    Aarch64_LDST32_ABS_LO12_NC,
    Aarch64_LDST64_ABS_LO12_NC,
    Aarch64_LDST128_ABS_LO12_NC,
    /// `MOVZ`/`MOVK`: 16-bit chunk 0..3 of the value.
    Aarch64_MOVW_UABS_G0_NC,
    Aarch64_MOVW_UABS_G1_NC,
    Aarch64_MOVW_UABS_G2_NC,
    Aarch64_MOVW_UABS_G3,
    /// `ADRP` of the page of a GOT slot holding the value.
    Aarch64_ADR_GOT_PAGE,
    /// `LDR` of a GOT slot holding the value (low 12 bits, scaled by 8).
    Aarch64_LD64_GOT_LO12_NC,
}

impl Reloc {
    fn from_elf(arch: Arch, r_type: u32) -> Option<Reloc> {
        use Reloc::*;
        Some(match (arch, r_type) {
            (Arch::X86_64, elf::R_X86_64_64) => X86_64_64,
            (Arch::X86_64, elf::R_X86_64_PC32) => X86_64_PC32,
            (Arch::X86_64, elf::R_X86_64_PLT32) => X86_64_PLT32,
            (Arch::X86_64, elf::R_X86_64_32) => X86_64_32,
            (Arch::X86_64, elf::R_X86_64_32S) => X86_64_32S,
            (Arch::X86_64, elf::R_X86_64_GOTPCREL) => X86_64_GOTPCREL,
            (Arch::X86_64, elf::R_X86_64_GOTPCRELX) => X86_64_GOTPCRELX,
            (Arch::X86_64, elf::R_X86_64_REX_GOTPCRELX) => X86_64_REX_GOTPCRELX,
            (Arch::Aarch64, elf::R_AARCH64_ABS64) => Aarch64_ABS64,
            (Arch::Aarch64, elf::R_AARCH64_CALL26) => Aarch64_CALL26,
            (Arch::Aarch64, elf::R_AARCH64_JUMP26) => Aarch64_JUMP26,
            (Arch::Aarch64, elf::R_AARCH64_CONDBR19) => Aarch64_CONDBR19,
            (Arch::Aarch64, elf::R_AARCH64_TSTBR14) => Aarch64_TSTBR14,
            (Arch::Aarch64, elf::R_AARCH64_ADR_PREL_PG_HI21) => Aarch64_ADR_PREL_PG_HI21,
            (Arch::Aarch64, elf::R_AARCH64_ADD_ABS_LO12_NC) => Aarch64_ADD_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_LDST8_ABS_LO12_NC) => Aarch64_LDST8_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_LDST16_ABS_LO12_NC) => Aarch64_LDST16_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_LDST32_ABS_LO12_NC) => Aarch64_LDST32_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_LDST64_ABS_LO12_NC) => Aarch64_LDST64_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_LDST128_ABS_LO12_NC) => Aarch64_LDST128_ABS_LO12_NC,
            (Arch::Aarch64, elf::R_AARCH64_MOVW_UABS_G0_NC) => Aarch64_MOVW_UABS_G0_NC,
            (Arch::Aarch64, elf::R_AARCH64_MOVW_UABS_G1_NC) => Aarch64_MOVW_UABS_G1_NC,
            (Arch::Aarch64, elf::R_AARCH64_MOVW_UABS_G2_NC) => Aarch64_MOVW_UABS_G2_NC,
            (Arch::Aarch64, elf::R_AARCH64_MOVW_UABS_G3) => Aarch64_MOVW_UABS_G3,
            (Arch::Aarch64, elf::R_AARCH64_ADR_GOT_PAGE) => Aarch64_ADR_GOT_PAGE,
            (Arch::Aarch64, elf::R_AARCH64_LD64_GOT_LO12_NC) => Aarch64_LD64_GOT_LO12_NC,
            _ => return None,
        })
    }

    /// The ELF name, for listings.
    pub fn name(self) -> &'static str {
        use Reloc::*;
        match self {
            X86_64_64 => "R_X86_64_64",
            X86_64_PC32 => "R_X86_64_PC32",
            X86_64_PLT32 => "R_X86_64_PLT32",
            X86_64_32 => "R_X86_64_32",
            X86_64_32S => "R_X86_64_32S",
            X86_64_GOTPCREL => "R_X86_64_GOTPCREL",
            X86_64_GOTPCRELX => "R_X86_64_GOTPCRELX",
            X86_64_REX_GOTPCRELX => "R_X86_64_REX_GOTPCRELX",
            Aarch64_ABS64 => "R_AARCH64_ABS64",
            Aarch64_CALL26 => "R_AARCH64_CALL26",
            Aarch64_JUMP26 => "R_AARCH64_JUMP26",
            Aarch64_CONDBR19 => "R_AARCH64_CONDBR19",
            Aarch64_TSTBR14 => "R_AARCH64_TSTBR14",
            Aarch64_ADR_PREL_PG_HI21 => "R_AARCH64_ADR_PREL_PG_HI21",
            Aarch64_ADD_ABS_LO12_NC => "R_AARCH64_ADD_ABS_LO12_NC",
            Aarch64_LDST8_ABS_LO12_NC => "R_AARCH64_LDST8_ABS_LO12_NC",
            Aarch64_LDST16_ABS_LO12_NC => "R_AARCH64_LDST16_ABS_LO12_NC",
            Aarch64_LDST32_ABS_LO12_NC => "R_AARCH64_LDST32_ABS_LO12_NC",
            Aarch64_LDST64_ABS_LO12_NC => "R_AARCH64_LDST64_ABS_LO12_NC",
            Aarch64_LDST128_ABS_LO12_NC => "R_AARCH64_LDST128_ABS_LO12_NC",
            Aarch64_MOVW_UABS_G0_NC => "R_AARCH64_MOVW_UABS_G0_NC",
            Aarch64_MOVW_UABS_G1_NC => "R_AARCH64_MOVW_UABS_G1_NC",
            Aarch64_MOVW_UABS_G2_NC => "R_AARCH64_MOVW_UABS_G2_NC",
            Aarch64_MOVW_UABS_G3 => "R_AARCH64_MOVW_UABS_G3",
            Aarch64_ADR_GOT_PAGE => "R_AARCH64_ADR_GOT_PAGE",
            Aarch64_LD64_GOT_LO12_NC => "R_AARCH64_LD64_GOT_LO12_NC",
        }
    }

    /// Whether the instruction reads the value from a GOT slot rather than holding it.
    pub fn uses_got(self) -> bool {
        matches!(
            self,
            Reloc::X86_64_GOTPCREL
                | Reloc::X86_64_GOTPCRELX
                | Reloc::X86_64_REX_GOTPCRELX
                | Reloc::Aarch64_ADR_GOT_PAGE
                | Reloc::Aarch64_LD64_GOT_LO12_NC
        )
    }
}

/// Which part of a stencil a hole (or a reference) is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The hot code, laid end to end with the other stencils of a trace.
    Code,
    /// The cold code (paths to exits), placed after all hot code of the trace.
    Cold,
    /// The stencil's read-only data, placed after the trace's code.
    Data,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Code => "code",
            Part::Cold => "cold",
            Part::Data => "data",
        }
    }
}

/// What a hole is filled with (before adding its addend).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HoleValue {
    /// Address of a part of this same stencil instance.
    Here(Part),
    /// The next stencil (`_JIT_CONTINUE`).
    Continue,
    /// This uop's exit stub (`_JIT_EXIT`).
    Exit,
    /// The stub that leaves with an exception set (`_JIT_ERROR`).
    Error,
    /// A jump target inside the trace (`_JIT_TARGET`).
    Target,
    /// The uop's argument (`_JIT_OPARG`).
    Oparg,
    /// The byte offset of local `oparg` from the frame's first local, `oparg * 16`
    /// (`_JIT_LOCAL`): on x86-64 a displacement of the load or store itself.
    LocalOffset,
    /// The uop's 64-bit operands (`_JIT_OPERAND0`, `_JIT_OPERAND1`).
    Operand0,
    Operand1,
    /// The address of a runtime helper (a Rust `extern "C"` function) by name.
    Helper(Cow<'static, str>),
}

impl fmt::Display for HoleValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HoleValue::Here(part) => write!(f, "&{}", part.name()),
            HoleValue::Continue => f.write_str("continue"),
            HoleValue::Exit => f.write_str("exit"),
            HoleValue::Error => f.write_str("error"),
            HoleValue::Target => f.write_str("target"),
            HoleValue::Oparg => f.write_str("oparg"),
            HoleValue::LocalOffset => f.write_str("local offset"),
            HoleValue::Operand0 => f.write_str("operand0"),
            HoleValue::Operand1 => f.write_str("operand1"),
            HoleValue::Helper(name) => f.write_str(name),
        }
    }
}

/// One place in a stencil the JIT patches.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hole {
    /// The part the patched bytes are in (`Code` or `Cold`).
    pub part: Part,
    /// Byte offset of the relocated field (x86-64) or instruction (AArch64) in that part.
    pub offset: u32,
    pub reloc: Reloc,
    pub value: HoleValue,
    pub addend: i64,
}

/// The machine code of one uop with its holes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stencil {
    pub name: Cow<'static, str>,
    pub code: Cow<'static, [u8]>,
    pub cold: Cow<'static, [u8]>,
    pub data: Cow<'static, [u8]>,
    pub holes: Cow<'static, [Hole]>,
    /// Whether the code still ends in a jump to the continuation (it could not be dropped
    /// because other code follows it).
    pub ends_in_jump: bool,
}

/// The stencils of one target, as compiled by one compiler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StencilSet {
    pub arch: Arch,
    /// The compiler that produced them (`gcc 12.2.0`, `clang 19.1.7`, ...).
    pub compiler: Cow<'static, str>,
    pub stencils: Cow<'static, [Stencil]>,
}

impl StencilSet {
    pub fn get(&self, name: &str) -> Option<&Stencil> {
        self.stencils.iter().find(|s| s.name == name)
    }

    /// How many stencils still end in a jump to the next one.
    pub fn ending_in_jump(&self) -> usize {
        self.stencils.iter().filter(|s| s.ends_in_jump).count()
    }
}

/// Symbols that are holes of the stencil vocabulary (`stencils/stitch.h`).
fn vocabulary(name: &str) -> Option<HoleValue> {
    Some(match name {
        "_JIT_CONTINUE" => HoleValue::Continue,
        "_JIT_EXIT" => HoleValue::Exit,
        "_JIT_ERROR" => HoleValue::Error,
        "_JIT_TARGET" => HoleValue::Target,
        "_JIT_OPARG" => HoleValue::Oparg,
        "_JIT_LOCAL" => HoleValue::LocalOffset,
        "_JIT_OPERAND0" => HoleValue::Operand0,
        "_JIT_OPERAND1" => HoleValue::Operand1,
        _ => return None,
    })
}

/// Sections that carry nothing a stencil needs.
fn ignorable(name: &str) -> bool {
    matches!(name, "" | ".comment" | ".note.GNU-stack" | ".note.gnu.property" | ".llvm_addrsig" | ".group")
        || name.starts_with(".rela")
        || name.starts_with(".symtab")
        || name.starts_with(".strtab")
        || name.starts_with(".shstrtab")
}

/// Extracts every stencil of an object file. `helpers` lists the runtime helpers a stencil may
/// call; any other undefined symbol is an error.
pub fn extract(bytes: &[u8], compiler: &str, helpers: &[&str]) -> Result<StencilSet, String> {
    let file = object::File::parse(bytes).map_err(|e| format!("cannot parse the stencil object file: {e}"))?;
    let arch = match file.architecture() {
        object::Architecture::X86_64 => Arch::X86_64,
        object::Architecture::Aarch64 => Arch::Aarch64,
        other => return Err(format!("stencils compiled for an unsupported architecture: {other:?}")),
    };

    // Which sections are which.
    let mut hot: BTreeMap<String, object::SectionIndex> = BTreeMap::new();
    let mut cold: BTreeMap<String, object::SectionIndex> = BTreeMap::new();
    for section in file.sections() {
        let name = section.name().map_err(|e| e.to_string())?;
        if let Some(stencil) = name.strip_prefix(".text.unlikely.") {
            cold.insert(stencil.to_string(), section.index());
        } else if let Some(stencil) = name.strip_prefix(".text.") {
            hot.insert(stencil.to_string(), section.index());
        } else if name.starts_with(".rodata") || ignorable(name) {
        } else if section.size() == 0 && matches!(name, ".text" | ".data" | ".bss") {
        } else {
            return Err(format!(
                "section `{name}` ({:?}, {} bytes) is not understood by the stencil pipeline: stencils \
                 must not use writable data, and each function needs its own section",
                section.kind(),
                section.size()
            ));
        }
    }
    // A function whose every path is cold (one that only exits) lives entirely in
    // .text.unlikely.NAME: it is still an ordinary stencil.
    let only_cold: Vec<String> = cold.keys().filter(|name| !hot.contains_key(*name)).cloned().collect();
    for name in only_cold {
        let index = cold.remove(&name).expect("listed above");
        hot.insert(name, index);
    }

    let mut stencils = Vec::new();
    for (name, &index) in &hot {
        let fail = |message: String| format!("stencil {name}: {message}");
        let mut code = section_bytes(&file, index).map_err(fail)?;
        let cold_code = match cold.get(name) {
            Some(&c) => section_bytes(&file, c).map_err(fail)?,
            None => Vec::new(),
        };
        let mut data = Vec::new();
        let mut placed: Vec<(object::SectionIndex, u64)> = Vec::new();
        let mut holes = Vec::new();
        for (part, section) in [(Part::Code, Some(index)), (Part::Cold, cold.get(name).copied())] {
            let Some(section) = section else { continue };
            let section = file.section_by_index(section).map_err(|e| fail(e.to_string()))?;
            for (offset, relocation) in section.relocations() {
                let RelocationFlags::Elf { r_type } = relocation.flags() else {
                    return Err(fail(format!("non-ELF relocation at {offset:#x}")));
                };
                let reloc = Reloc::from_elf(arch, r_type).ok_or_else(|| {
                    fail(format!("unknown relocation type {r_type} at {part:?}+{offset:#x} (add it to Reloc)"))
                })?;
                let RelocationTarget::Symbol(symbol) = relocation.target() else {
                    return Err(fail(format!("relocation at {offset:#x} does not target a symbol")));
                };
                let symbol = file.symbol_by_index(symbol).map_err(|e| fail(e.to_string()))?;
                let addend = relocation.addend();
                let (value, addend) = if let Some(target) = symbol.section_index() {
                    // A reference into a section of this object file: our own hot or cold code,
                    // or read-only data that travels with the stencil.
                    let base = symbol.address() as i64 + addend;
                    if target == index {
                        (HoleValue::Here(Part::Code), base)
                    } else if Some(&target) == cold.get(name) {
                        (HoleValue::Here(Part::Cold), base)
                    } else {
                        let target_section = file.section_by_index(target).map_err(|e| fail(e.to_string()))?;
                        let target_name = target_section.name().unwrap_or("?").to_string();
                        if !matches!(target_section.kind(), SectionKind::ReadOnlyData | SectionKind::ReadOnlyString)
                            && !target_name.starts_with(".rodata")
                        {
                            return Err(fail(format!(
                                "refers to section `{target_name}`: stencils may only refer to their own code \
                                 and read-only data (call helpers in Rust, inline local functions)"
                            )));
                        }
                        let start = match placed.iter().find(|(s, _)| *s == target).map(|(_, start)| start) {
                            Some(&start) => start,
                            None => {
                                let align = target_section.align().max(1);
                                while data.len() as u64 % align != 0 {
                                    data.push(0);
                                }
                                let start = data.len() as u64;
                                data.extend(target_section.data().map_err(|e| fail(e.to_string()))?);
                                placed.push((target, start));
                                start
                            }
                        };
                        (HoleValue::Here(Part::Data), start as i64 + base)
                    }
                } else {
                    let symbol_name = symbol.name().map_err(|e| fail(e.to_string()))?;
                    if let Some(value) = vocabulary(symbol_name) {
                        (value, addend)
                    } else if helpers.contains(&symbol_name) {
                        (HoleValue::Helper(Cow::Owned(symbol_name.to_string())), addend)
                    } else {
                        return Err(fail(format!(
                            "undefined symbol `{symbol_name}`: not a hole of stencils/stitch.h and not a \
                             runtime helper of src/jit/runtime/helpers (a libc call? a missing helper?)"
                        )));
                    }
                };
                let bytes = if part == Part::Code { &code } else { &cold_code };
                // The entry shim is the one stencil that may *call* the trace (see uops.c).
                if name != "_TRACE_ENTRY" {
                    check_jump_not_call(arch, reloc, &value, bytes, offset).map_err(fail)?;
                }
                holes.push(Hole { part, offset: offset as u32, reloc, value, addend });
            }
        }

        invert_branch_over_jump(arch, &mut code, &mut holes);
        branch_straight_to_exit(arch, &mut code, &mut holes);
        let ends_in_jump = drop_trailing_jump(arch, &mut code, &mut holes);
        // A stencil that jumps to its own hot code from its cold part (gcc does for some
        // partitioned paths) keeps working because those references are holes too.
        holes.sort_by_key(|h| (h.part != Part::Code, h.offset));
        stencils.push(Stencil {
            name: Cow::Owned(name.clone()),
            code: Cow::Owned(code),
            cold: Cow::Owned(cold_code),
            data: Cow::Owned(data),
            holes: Cow::Owned(holes),
            ends_in_jump,
        });
    }
    Ok(StencilSet { arch, compiler: Cow::Owned(compiler.to_string()), stencils: Cow::Owned(stencils) })
}

fn section_bytes(file: &object::File, index: object::SectionIndex) -> Result<Vec<u8>, String> {
    let section = file.section_by_index(index).map_err(|e| e.to_string())?;
    Ok(section.data().map_err(|e| e.to_string())?.to_vec())
}

/// Continuations and exits must be reached by jumps: a call would push a return address for
/// every stencil the trace runs through.
fn check_jump_not_call(arch: Arch, reloc: Reloc, value: &HoleValue, code: &[u8], offset: u64) -> Result<(), String> {
    if !matches!(value, HoleValue::Continue | HoleValue::Exit | HoleValue::Error | HoleValue::Target) {
        return Ok(());
    }
    let is_call = match arch {
        // `call rel32` is E8; the relocation covers the 4 bytes after the opcode.
        Arch::X86_64 => offset >= 1 && code[offset as usize - 1] == 0xE8,
        Arch::Aarch64 => reloc == Reloc::Aarch64_CALL26,
    };
    if is_call {
        return Err(format!(
            "the continuation `{value}` is reached by a call at {offset:#x}, not a jump: the compiler did not \
             turn the tail call into a jump (check the optimization level and that every path ends in \
             CONTINUE()/EXIT()/ERROR() with the stencil signature)"
        ));
    }
    Ok(())
}

/// A stencil that ends `jcc continue; jmp X` (clang places a guard's exit last this way) takes
/// a branch every time it continues. This rewrites the end to `j!cc X`, so that it falls through
/// to the next stencil, as CPython's JIT build does: the conditional branch gets the opposite
/// condition and the final jump's target, and the final jump goes. On AArch64 only `B.cond`,
/// `CBZ` and `CBNZ` are inverted (their ±1 MiB reach covers any trace; `TBZ`'s ±32 KiB may not).
fn invert_branch_over_jump(arch: Arch, code: &mut Vec<u8>, holes: &mut Vec<Hole>) {
    let len = code.len();
    let (jump_len, branch_len) = match arch {
        // jmp rel32 (E9 +4), after jcc rel32 (0F 8x +4).
        Arch::X86_64 => (5, 6),
        Arch::Aarch64 => (4, 4),
    };
    if len < jump_len + branch_len {
        return;
    }
    let (jump_at, branch_at) = match arch {
        Arch::X86_64 => (len - 4, len - jump_len - 4),
        Arch::Aarch64 => (len - 4, len - 8),
    };
    let find = |at: usize| holes.iter().position(|h| h.part == Part::Code && h.offset as usize == at);
    let (Some(jump), Some(branch)) = (find(jump_at), find(branch_at)) else { return };
    if holes[branch].value != HoleValue::Continue || holes[jump].value == HoleValue::Continue {
        return;
    }
    if branches_to(arch, code, holes, jump_at + 4 - jump_len) {
        // Some other path of the stencil ends at that jump too: it must stay.
        return;
    }
    match arch {
        Arch::X86_64 => {
            let ok = code[len - 5] == 0xE9
                && code[len - 11] == 0x0F
                && (code[len - 10] & 0xF0) == 0x80
                && holes[jump].addend == -4
                && holes[branch].addend == -4;
            if !ok {
                return;
            }
            // The low bit of a condition code is its negation (JE 84 / JNE 85, JO 80 / JNO 81).
            code[len - 10] ^= 1;
        }
        Arch::Aarch64 => {
            let word = u32::from_le_bytes(code[len - 8..len - 4].try_into().unwrap());
            let last = u32::from_le_bytes(code[len - 4..].try_into().unwrap());
            let is_b = last & 0xFC00_0000 == 0x1400_0000 && holes[jump].reloc == Reloc::Aarch64_JUMP26;
            if !is_b || holes[branch].reloc != Reloc::Aarch64_CONDBR19 || holes[branch].addend != 0 {
                return;
            }
            let inverted = if word & 0xFF00_0010 == 0x5400_0000 {
                // B.cond: the low bit of the condition negates it (EQ 0 / NE 1).
                word ^ 1
            } else if word & 0x7E00_0000 == 0x3400_0000 {
                // CBZ / CBNZ differ in bit 24.
                word ^ (1 << 24)
            } else {
                return;
            };
            code[len - 8..len - 4].copy_from_slice(&inverted.to_le_bytes());
        }
    }
    let target = holes[jump].clone();
    holes[branch].value = target.value;
    holes[branch].addend = target.addend;
    if arch == Arch::X86_64 {
        holes[branch].reloc = target.reloc;
    }
    holes.remove(jump);
    code.truncate(len - jump_len);
}

/// clang's other shape of a guard's end on x86-64: `jcc.8 L; jmp continue; L: jmp X`, a taken
/// branch and a jump every time it continues. This rewrites it to `jcc X` (near), which falls
/// through to the next stencil: the short branch becomes a near one with the final jump's target,
/// and both jumps go. Only when nothing else lands on either jump.
fn branch_straight_to_exit(arch: Arch, code: &mut Vec<u8>, holes: &mut Vec<Hole>) {
    let len = code.len();
    if arch != Arch::X86_64 || len < 12 {
        return;
    }
    let (branch_at, continue_at, exit_at) = (len - 12, len - 10, len - 5);
    let shape = (0x70..=0x7F).contains(&code[branch_at])
        && code[branch_at + 1] == 5
        && code[continue_at] == 0xE9
        && code[exit_at] == 0xE9;
    if !shape {
        return;
    }
    let find = |at: usize| holes.iter().position(|h| h.part == Part::Code && h.offset as usize == at);
    let (Some(cont), Some(exit)) = (find(continue_at + 1), find(exit_at + 1)) else { return };
    if holes[cont].value != HoleValue::Continue
        || holes[exit].value == HoleValue::Continue
        || holes[cont].addend != -4
        || holes[exit].addend != -4
    {
        return;
    }
    // Nothing but the short branch may land on the two jumps (the probe ignores its bytes).
    let mut probe = code.clone();
    probe[branch_at] = 0x90;
    probe[branch_at + 1] = 0x90;
    if branches_to(arch, &probe, holes, continue_at) || branches_to(arch, &probe, holes, exit_at) {
        return;
    }
    let condition = code[branch_at] & 0x0F;
    code.truncate(branch_at);
    code.extend_from_slice(&[0x0F, 0x80 | condition, 0, 0, 0, 0]);
    let mut target = holes[exit].clone();
    target.offset = (branch_at + 2) as u32;
    let (first, second) = if cont > exit { (cont, exit) } else { (exit, cont) };
    holes.remove(first);
    holes.remove(second);
    holes.push(target);
}

/// Whether any branch of `code` other than those with holes may land on offset `at`. On x86-64
/// it tries every byte as the start of a direct jump (short or near, conditional or not,
/// `jrcxz`/`loop`), so a false match only costs an optimization; AArch64 words decode exactly.
fn branches_to(arch: Arch, code: &[u8], holes: &[Hole], at: usize) -> bool {
    let hole_at = |offset: usize| holes.iter().any(|h| h.part == Part::Code && h.offset as usize == offset);
    let lands = |next: usize, rel: i64| next as i64 + rel == at as i64;
    match arch {
        Arch::X86_64 => (0..code.len()).any(|p| {
            let b = code[p];
            let rel8 = || code.get(p + 1).map(|&r| r as i8 as i64);
            let rel32 =
                |from: usize| code.get(from..from + 4).map(|r| i32::from_le_bytes(r.try_into().unwrap()) as i64);
            match b {
                0x70..=0x7F | 0xEB | 0xE0..=0xE3 => rel8().is_some_and(|r| lands(p + 2, r)),
                0xE9 => !hole_at(p + 1) && rel32(p + 1).is_some_and(|r| lands(p + 5, r)),
                0x0F if code.get(p + 1).is_some_and(|c| c & 0xF0 == 0x80) => {
                    !hole_at(p + 2) && rel32(p + 2).is_some_and(|r| lands(p + 6, r))
                }
                _ => false,
            }
        }),
        Arch::Aarch64 => (0..code.len() / 4).map(|i| i * 4).filter(|&p| !hole_at(p)).any(|p| {
            let w = u32::from_le_bytes(code[p..p + 4].try_into().unwrap());
            let sext = |v: u32, bits: u32| ((v << (32 - bits)) as i32 >> (32 - bits)) as i64 * 4;
            let rel = if w & 0x7C00_0000 == 0x1400_0000 {
                sext(w & 0x03FF_FFFF, 26) // B, BL
            } else if w & 0xFF00_0010 == 0x5400_0000 || w & 0x7E00_0000 == 0x3400_0000 {
                sext((w >> 5) & 0x7FFFF, 19) // B.cond, CBZ, CBNZ
            } else if w & 0x7E00_0000 == 0x3600_0000 {
                sext((w >> 5) & 0x3FFF, 14) // TBZ, TBNZ
            } else {
                return false;
            };
            lands(p, rel)
        }),
    }
}

/// Drops a final jump to the continuation so the next stencil follows directly. Returns whether
/// the code still ends in such a jump elsewhere (a jump not at the end).
fn drop_trailing_jump(arch: Arch, code: &mut Vec<u8>, holes: &mut Vec<Hole>) -> bool {
    let (jump_len, reloc_at) = match arch {
        // jmp rel32: E9 xx xx xx xx, relocated at +1 with addend -4.
        Arch::X86_64 => (5, code.len().wrapping_sub(4)),
        // b imm26: one word, relocated at its own offset.
        Arch::Aarch64 => (4, code.len().wrapping_sub(4)),
    };
    let last = holes.iter().position(|h| {
        h.part == Part::Code
            && h.value == HoleValue::Continue
            && h.offset as usize == reloc_at
            && match arch {
                Arch::X86_64 => code.len() >= 5 && code[code.len() - 5] == 0xE9 && h.addend == -4,
                Arch::Aarch64 => h.reloc == Reloc::Aarch64_JUMP26 && h.addend == 0,
            }
    });
    if let Some(i) = last {
        holes.remove(i);
        code.truncate(code.len() - jump_len);
    }
    holes.iter().any(|h| h.part == Part::Code && h.value == HoleValue::Continue)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hole(offset: u32, reloc: Reloc, value: HoleValue, addend: i64) -> Hole {
        Hole { part: Part::Code, offset, reloc, value, addend }
    }

    #[test]
    fn x86_64_branch_over_an_exit_jump_is_inverted() {
        // cmp rax, rcx; je continue; jmp exit
        let mut code = vec![0x48, 0x39, 0xC8, 0x0F, 0x84, 0, 0, 0, 0, 0xE9, 0, 0, 0, 0];
        let mut holes = vec![
            hole(5, Reloc::X86_64_PLT32, HoleValue::Continue, -4),
            hole(10, Reloc::X86_64_PLT32, HoleValue::Exit, -4),
        ];
        invert_branch_over_jump(Arch::X86_64, &mut code, &mut holes);
        // jne exit, and the stencil falls through to the next.
        assert_eq!(code, vec![0x48, 0x39, 0xC8, 0x0F, 0x85, 0, 0, 0, 0]);
        assert_eq!(holes, vec![hole(5, Reloc::X86_64_PLT32, HoleValue::Exit, -4)]);
    }

    #[test]
    fn x86_64_exit_jump_another_path_reaches_stays() {
        // jne L; cmp rax, rcx; je continue; L: jmp exit: the short jne lands on the final jump.
        let mut code = vec![0x75, 0x09, 0x48, 0x39, 0xC8, 0x0F, 0x84, 0, 0, 0, 0, 0xE9, 0, 0, 0, 0];
        let mut holes = vec![
            hole(7, Reloc::X86_64_PLT32, HoleValue::Continue, -4),
            hole(12, Reloc::X86_64_PLT32, HoleValue::Exit, -4),
        ];
        let before = (code.clone(), holes.clone());
        invert_branch_over_jump(Arch::X86_64, &mut code, &mut holes);
        assert_eq!((code, holes), before);
    }

    #[test]
    fn aarch64_conditional_branches_over_an_exit_jump_are_inverted() {
        // b.eq continue; b exit  →  b.ne exit
        let beq = 0x5400_0000u32.to_le_bytes();
        let b = 0x1400_0000u32.to_le_bytes();
        let mut code = [beq, b].concat();
        let mut holes = vec![
            hole(0, Reloc::Aarch64_CONDBR19, HoleValue::Continue, 0),
            hole(4, Reloc::Aarch64_JUMP26, HoleValue::Exit, 0),
        ];
        invert_branch_over_jump(Arch::Aarch64, &mut code, &mut holes);
        assert_eq!(code, 0x5400_0001u32.to_le_bytes().to_vec());
        assert_eq!(holes, vec![hole(0, Reloc::Aarch64_CONDBR19, HoleValue::Exit, 0)]);
        // cbz x0, continue; b exit  →  cbnz x0, exit
        let mut code = [0xB400_0000u32.to_le_bytes(), b].concat();
        let mut holes = vec![
            hole(0, Reloc::Aarch64_CONDBR19, HoleValue::Continue, 0),
            hole(4, Reloc::Aarch64_JUMP26, HoleValue::Exit, 0),
        ];
        invert_branch_over_jump(Arch::Aarch64, &mut code, &mut holes);
        assert_eq!(code, 0xB500_0000u32.to_le_bytes().to_vec());
        // b.ne L (2 words ahead); b.eq continue; L: b exit: stays.
        let bne_l = (0x5400_0001u32 | (2 << 5)).to_le_bytes();
        let mut code = [bne_l, beq, b].concat();
        let mut holes = vec![
            hole(4, Reloc::Aarch64_CONDBR19, HoleValue::Continue, 0),
            hole(8, Reloc::Aarch64_JUMP26, HoleValue::Exit, 0),
        ];
        let before = (code.clone(), holes.clone());
        invert_branch_over_jump(Arch::Aarch64, &mut code, &mut holes);
        assert_eq!((code, holes), before);
    }
}
