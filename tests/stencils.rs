//! The stencil pipeline on both architectures and with both compilers, from this one machine.
//!
//! Each test compiles `stencils/uops.c` for x86-64 and AArch64 with gcc (`gcc`,
//! `aarch64-linux-gnu-gcc`) and with clang 19+ (`--target=...`), extracts the stencils with the
//! crate's own `extract`, and checks them:
//! - `golden_tables`: the listing (bytes, holes, disassembly) equals the checked-in golden copy
//!   under `tests/stencils/` (`scripts/bless-stencils.sh` re-blesses; a diff is reviewed like code);
//! - `build_rs_table_is_the_extraction_of_its_compiler`: the table build.rs generated is exactly
//!   what extraction gives for the same compiler;
//! - `patched_stencils_decode_to_their_targets`: every hole of every stencil, patched for code
//!   placed near and far from its helpers, decodes (by iced-x86, or by the AArch64 encoding
//!   fields read independently of the patcher) to the value it was patched with, and no byte
//!   outside a hole changed;
//! - `uop_table_matches_every_build` and `compilers_emit_the_relocations_we_expect`.
//!
//! A missing compiler is reported loudly on stderr and the combination skipped; with
//! `STITCH_REQUIRE_CROSS` set (as `.ci/run` does) it fails the test instead.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use stitch::jit::backend::stencil::extract::{self, Arch, Hole, HoleValue, Part, Reloc, Stencil, StencilSet};
use stitch::jit::backend::stencil::relocate::{self, Linker, Placement};
use stitch::jit::backend::stencil::{check, listing, tables as stencils, toolchain};

const FAMILIES: [&str; 2] = ["gcc", "clang"];
const ARCHES: [Arch; 2] = [Arch::X86_64, Arch::Aarch64];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compiler(arch: Arch, family: &str) -> Option<toolchain::Compiler> {
    match family {
        "gcc" => toolchain::find_gcc(arch),
        _ => toolchain::find_clang(),
    }
}

fn missing(arch: Arch, family: &str) {
    let install = match (arch, family) {
        (_, "clang") => "clang-19".to_string(),
        (Arch::Aarch64, _) => "gcc-aarch64-linux-gnu".to_string(),
        _ => "gcc".to_string(),
    };
    let message = format!(
        "\n\
         ************************************************************************\n\
         * NOT TESTED: {family} stencils for {arch}: no compiler found.\n\
         * Install it (apt-get install -y {install}) to run this check.\n\
         ************************************************************************\n",
        arch = arch.name()
    );
    if std::env::var_os("STITCH_REQUIRE_CROSS").is_some() {
        panic!("STITCH_REQUIRE_CROSS is set and a stencil compiler is missing:{message}");
    }
    loud(&message);
}

/// Compiles and extracts the stencils for one (arch, compiler family), once per test process.
fn built(arch: Arch, family: &'static str) -> Option<&'static StencilSet> {
    static SETS: OnceLock<HashMap<(&'static str, &'static str), Option<StencilSet>>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let helpers = toolchain::helpers_in(&root());
        let names: Vec<&str> = helpers.iter().map(String::as_str).collect();
        let dir = std::env::temp_dir().join(format!("stitch-stencil-tests-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let mut sets = HashMap::new();
        for arch in ARCHES {
            for family in FAMILIES {
                let set = compiler(arch, family).map(|cc| {
                    let object = dir.join(format!("{}-{family}.o", arch.name()));
                    toolchain::compile(&cc, arch, &root().join("stencils/uops.c"), &object)
                        .unwrap_or_else(|e| panic!("{e}"));
                    let bytes = std::fs::read(&object).expect("read object");
                    extract::extract(&bytes, &cc.version, &names)
                        .unwrap_or_else(|e| panic!("{} {}: {e}", cc.version, arch.name()))
                });
                sets.insert((arch.name(), family), set);
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
        sets
    });
    let set = sets[&(arch.name(), family)].as_ref();
    if set.is_none() {
        missing(arch, family);
    }
    set
}

fn golden_path(arch: Arch, family: &str) -> PathBuf {
    root().join("tests/stencils").join(format!("{}-{family}.txt", arch.name()))
}

#[test]
fn golden_tables() {
    let bless = std::env::var_os("STITCH_BLESS").is_some();
    let mut failures = Vec::new();
    for arch in ARCHES {
        for family in FAMILIES {
            let Some(set) = built(arch, family) else { continue };
            let listing = listing::render(set, &[], true).expect("render");
            let path = golden_path(arch, family);
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &listing).unwrap();
                eprintln!("blessed {}", path.display());
                continue;
            }
            let golden = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (scripts/bless-stencils.sh writes it)", path.display()));
            let golden_compiler = golden.lines().next().unwrap_or("").rsplit("compiled by ").next().unwrap_or("");
            if golden_compiler != set.compiler {
                // The goldens pin one compiler version (Debian 12's); another version compiles
                // different code, which is not a defect of stitch.
                let message = format!(
                    "{}: golden table is for {golden_compiler}, this machine has {}",
                    path.display(),
                    set.compiler
                );
                if std::env::var_os("STITCH_REQUIRE_CROSS").is_some() {
                    failures.push(message);
                } else {
                    loud(&format!("\n*** NOT COMPARED: {message} ***\n"));
                }
                continue;
            }
            if listing != golden {
                let (n, (got, want)) = listing
                    .lines()
                    .zip(golden.lines())
                    .enumerate()
                    .find(|(_, (a, b))| a != b)
                    .unwrap_or((listing.lines().count().min(golden.lines().count()), ("<end>", "<end>")));
                failures.push(format!(
                    "{} differs at line {}:\n  golden: {want}\n  now:    {got}\n(review the change, then run scripts/bless-stencils.sh)",
                    path.display(),
                    n + 1
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn build_rs_table_is_the_extraction_of_its_compiler() {
    let host = stencils::host();
    let family = if host.compiler.starts_with("gcc") { "gcc" } else { "clang" };
    let Some(fresh) = built(stencils::HOST, family) else { return };
    if fresh.compiler != host.compiler {
        // build.rs used STITCH_STENCIL_CC naming a different version than the one found here.
        loud(&format!("\n*** NOT COMPARED: build.rs used {}, tests found {} ***\n", host.compiler, fresh.compiler));
        return;
    }
    assert_eq!(fresh.stencils.len(), host.stencils.len());
    for (a, b) in fresh.stencils.iter().zip(host.stencils.iter()) {
        assert_eq!(a, b, "stencil {} differs between build.rs and a fresh extraction", a.name);
    }
}

#[test]
fn uop_table_matches_every_build() {
    for arch in ARCHES {
        for family in FAMILIES {
            if let Some(set) = built(arch, family) {
                assert!(set.stencils.len() >= 40, "{} {}: {} stencils", set.compiler, arch.name(), set.stencils.len());
                assert_eq!(check::check_against(set), Vec::<String>::new(), "{} for {}", set.compiler, arch.name());
            }
        }
    }
}

#[test]
fn compilers_emit_the_relocations_we_expect() {
    // What each compiler emits with our flags (docs/ARCHITECTURE.md explains why): if a compiler
    // upgrade changes this, the patch tests below may no longer exercise what they should.
    let expect: [(Arch, &str, &[Reloc]); 4] = [
        (Arch::X86_64, "gcc", &[Reloc::X86_64_64, Reloc::X86_64_32, Reloc::X86_64_PLT32]),
        (Arch::X86_64, "clang", &[Reloc::X86_64_64, Reloc::X86_64_32, Reloc::X86_64_PLT32]),
        (
            Arch::Aarch64,
            "gcc",
            &[
                Reloc::Aarch64_ADR_GOT_PAGE,
                Reloc::Aarch64_LD64_GOT_LO12_NC,
                Reloc::Aarch64_CALL26,
                Reloc::Aarch64_JUMP26,
            ],
        ),
        (
            Arch::Aarch64,
            "clang",
            &[
                Reloc::Aarch64_MOVW_UABS_G0_NC,
                Reloc::Aarch64_MOVW_UABS_G1_NC,
                Reloc::Aarch64_MOVW_UABS_G2_NC,
                Reloc::Aarch64_MOVW_UABS_G3,
                Reloc::Aarch64_CALL26,
                Reloc::Aarch64_JUMP26,
            ],
        ),
    ];
    for (arch, family, relocs) in expect {
        let Some(set) = built(arch, family) else { continue };
        let seen: BTreeSet<&str> = set.stencils.iter().flat_map(|s| s.holes.iter()).map(|h| h.reloc.name()).collect();
        for reloc in relocs {
            assert!(
                seen.contains(reloc.name()),
                "{} for {}: no {} (seen: {seen:?})",
                set.compiler,
                arch.name(),
                reloc.name()
            );
        }
        eprintln!("{} for {}: {seen:?}", set.compiler, arch.name());
    }
}

/// A linker that records what it hands out, so that tests can follow GOT slots and trampolines.
struct FakeLinker {
    got_base: u64,
    got: Vec<u64>,
    trampoline_base: u64,
    trampolines: Vec<u64>,
}

impl Linker for FakeLinker {
    fn got_slot(&mut self, value: u64) -> u64 {
        let index = self.got.iter().position(|&v| v == value).unwrap_or_else(|| {
            self.got.push(value);
            self.got.len() - 1
        });
        self.got_base + 8 * index as u64
    }

    fn trampoline(&mut self, target: u64, _place: u64) -> u64 {
        self.trampolines.push(target);
        self.trampoline_base + 16 * (self.trampolines.len() - 1) as u64
    }
}

impl FakeLinker {
    /// Whether `address` is `value`, or a GOT slot holding it, or a trampoline to it.
    fn reaches(&self, address: u64, value: u64) -> bool {
        if address == value {
            return true;
        }
        let slot = address.wrapping_sub(self.got_base);
        if slot % 8 == 0 && self.got.get((slot / 8) as usize) == Some(&value) {
            return true;
        }
        let tramp = address.wrapping_sub(self.trampoline_base);
        tramp % 16 == 0 && self.trampolines.get((tramp / 16) as usize) == Some(&value)
    }
}

/// The addresses one test placement gives to everything a hole can refer to.
struct World {
    at: Placement,
    helpers_far: bool,
}

impl World {
    fn value(&self, value: &HoleValue) -> u64 {
        match value {
            HoleValue::Here(part) => self.at.of(*part),
            HoleValue::Continue => self.at.code + 0x1000,
            HoleValue::Exit => self.at.cold + 0x2000,
            HoleValue::Error => self.at.cold + 0x3008,
            HoleValue::Target => self.at.code - 0x4000,
            // Opargs are 32-bit by contract (R_X86_64_32 holds them); operands are 64-bit.
            HoleValue::Oparg => 0x8765_4321,
            // A local's byte offset: a 32-bit displacement (R_X86_64_32S), so below 2**31.
            HoleValue::LocalOffset => 0x0765_4320,
            HoleValue::Operand0 => 0x1234_5678_9abc_def0,
            HoleValue::Operand1 => 0xfedc_ba98_7654_3210,
            HoleValue::Helper(name) => {
                let h = name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)) & 0xff_fff0;
                if self.helpers_far {
                    0x0000_5555_0000_0000 + h
                } else {
                    self.at.code - 0x100_0000 + h
                }
            }
        }
    }
}

fn sign_extend(value: u64, bits: u32) -> i64 {
    ((value << (64 - bits)) as i64) >> (64 - bits)
}

/// Checks one patched AArch64 instruction against the value its hole was patched with.
fn check_aarch64(word: u32, hole: &Hole, place: u64, value: u64, linker: &FakeLinker) -> Result<(), String> {
    let w = word as u64;
    let page = |x: u64| x & !0xfff;
    let ok = match hole.reloc {
        Reloc::Aarch64_CALL26 | Reloc::Aarch64_JUMP26 => {
            let target = place.wrapping_add((sign_extend(w & 0x3ff_ffff, 26) * 4) as u64);
            linker.reaches(target, value)
        }
        Reloc::Aarch64_CONDBR19 => place.wrapping_add((sign_extend((w >> 5) & 0x7_ffff, 19) * 4) as u64) == value,
        Reloc::Aarch64_TSTBR14 => place.wrapping_add((sign_extend((w >> 5) & 0x3fff, 14) * 4) as u64) == value,
        Reloc::Aarch64_ADR_PREL_PG_HI21 | Reloc::Aarch64_ADR_GOT_PAGE => {
            let imm = ((w >> 5) & 0x7_ffff) << 2 | (w >> 29) & 3;
            let target_page = page(place).wrapping_add((sign_extend(imm, 21) << 12) as u64);
            if hole.reloc == Reloc::Aarch64_ADR_GOT_PAGE {
                (0..linker.got.len() as u64)
                    .map(|i| linker.got_base + 8 * i)
                    .any(|slot| page(slot) == target_page && linker.reaches(slot, value))
            } else {
                target_page == page(value)
            }
        }
        Reloc::Aarch64_ADD_ABS_LO12_NC => (w >> 10) & 0xfff == value & 0xfff,
        Reloc::Aarch64_LDST8_ABS_LO12_NC
        | Reloc::Aarch64_LDST16_ABS_LO12_NC
        | Reloc::Aarch64_LDST32_ABS_LO12_NC
        | Reloc::Aarch64_LDST64_ABS_LO12_NC
        | Reloc::Aarch64_LDST128_ABS_LO12_NC => {
            let scale = match hole.reloc {
                Reloc::Aarch64_LDST8_ABS_LO12_NC => 1,
                Reloc::Aarch64_LDST16_ABS_LO12_NC => 2,
                Reloc::Aarch64_LDST32_ABS_LO12_NC => 4,
                Reloc::Aarch64_LDST64_ABS_LO12_NC => 8,
                _ => 16,
            };
            ((w >> 10) & 0xfff) * scale == value & 0xfff
        }
        Reloc::Aarch64_LD64_GOT_LO12_NC => {
            let lo12 = ((w >> 10) & 0xfff) * 8;
            (0..linker.got.len() as u64)
                .map(|i| linker.got_base + 8 * i)
                .any(|slot| slot & 0xfff == lo12 && linker.reaches(slot, value))
        }
        Reloc::Aarch64_MOVW_UABS_G0_NC
        | Reloc::Aarch64_MOVW_UABS_G1_NC
        | Reloc::Aarch64_MOVW_UABS_G2_NC
        | Reloc::Aarch64_MOVW_UABS_G3 => {
            let k = match hole.reloc {
                Reloc::Aarch64_MOVW_UABS_G0_NC => 0,
                Reloc::Aarch64_MOVW_UABS_G1_NC => 1,
                Reloc::Aarch64_MOVW_UABS_G2_NC => 2,
                _ => 3,
            };
            (w >> 21) & 3 == k && (w >> 5) & 0xffff == (value >> (16 * k)) & 0xffff
        }
        other => return Err(format!("{} is not an AArch64 instruction relocation", other.name())),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{} at {place:#x}: instruction {word:08x} does not encode {value:#x}", hole.reloc.name()))
    }
}

/// Checks one patched x86-64 field by decoding the instruction that holds it.
fn check_x86_64(bytes: &[u8], base: u64, hole: &Hole, value: u64, linker: &FakeLinker) -> Result<(), String> {
    use iced_x86::{Decoder, DecoderOptions, OpKind};
    let mut decoder = Decoder::with_ip(64, bytes, base, DecoderOptions::NONE);
    let field = base + hole.offset as u64;
    let instruction = decoder
        .iter()
        .find(|i| (i.ip()..i.next_ip()).contains(&field))
        .ok_or_else(|| format!("no instruction holds offset {:#x}", hole.offset))?;
    let ok = match hole.reloc {
        // movabs: a 64-bit immediate, or a 64-bit absolute address (`mov rax, [moffs64]`).
        Reloc::X86_64_64 => (0..instruction.op_count()).any(|i| match instruction.op_kind(i) {
            OpKind::Immediate64 => instruction.immediate64() == value,
            OpKind::Memory => instruction.memory_displacement64() == value,
            _ => false,
        }),
        Reloc::X86_64_32 | Reloc::X86_64_32S => (0..instruction.op_count()).any(|i| match instruction.op_kind(i) {
            OpKind::Immediate32 => instruction.immediate32() as u64 == value,
            OpKind::Immediate32to64 => instruction.immediate32to64() as u64 == value,
            OpKind::Memory => instruction.memory_displacement64() == value,
            _ => false,
        }),
        Reloc::X86_64_PC32
        | Reloc::X86_64_PLT32
        | Reloc::X86_64_GOTPCREL
        | Reloc::X86_64_GOTPCRELX
        | Reloc::X86_64_REX_GOTPCRELX => {
            // The field holds T + A - P, T being the symbol S itself, or a GOT slot holding S,
            // or a trampoline to S; the CPU adds it to the next instruction's address.
            let referenced = if instruction.is_ip_rel_memory_operand() {
                instruction.ip_rel_memory_address()
            } else {
                instruction.near_branch_target()
            };
            let symbol = value.wrapping_sub(hole.addend as u64);
            let t =
                referenced.wrapping_sub((hole.addend as u64).wrapping_add(instruction.next_ip()).wrapping_sub(field));
            linker.reaches(t, symbol)
        }
        other => return Err(format!("{} is not an x86-64 relocation", other.name())),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{} at {field:#x}: `{instruction}` does not refer to {value:#x}", hole.reloc.name()))
    }
}

/// Patches one stencil at `world` and checks every hole; returns the problems found.
fn patch_and_check(arch: Arch, stencil: &Stencil, world: &World) -> Vec<String> {
    let mut code = stencil.code.to_vec();
    let mut cold = stencil.cold.to_vec();
    let mut linker = FakeLinker {
        got_base: world.at.data + 0x800,
        got: Vec::new(),
        trampoline_base: world.at.code + 0x8000,
        trampolines: Vec::new(),
    };
    relocate::patch_stencil(stencil, &mut code, &mut cold, &world.at, &mut |v| world.value(v), &mut linker);
    let mut problems = Vec::new();
    for (part, original, patched) in [(Part::Code, &stencil.code, &code), (Part::Cold, &stencil.cold, &cold)] {
        let holes: Vec<&Hole> = stencil.holes.iter().filter(|h| h.part == part).collect();
        let base = world.at.of(part);
        for hole in &holes {
            let value = world.value(&hole.value).wrapping_add(hole.addend as u64);
            let place = base + hole.offset as u64;
            let result = match arch {
                Arch::Aarch64 => {
                    let at = hole.offset as usize;
                    let word = u32::from_le_bytes(patched[at..at + 4].try_into().unwrap());
                    check_aarch64(word, hole, place, value, &linker)
                }
                Arch::X86_64 => check_x86_64(patched, base, hole, value, &linker),
            };
            if let Err(e) = result {
                problems.push(format!("{} {}+{:#x} ({}): {e}", stencil.name, part.name(), hole.offset, hole.value));
            }
        }
        // Nothing outside the holes changed: x86-64 fields are 4 or 8 bytes (a relaxed GOT
        // load also rewrites the two opcode bytes before its field); AArch64 holes are whole
        // instructions.
        for (i, (a, b)) in original.iter().zip(patched.iter()).enumerate() {
            let inside = holes.iter().any(|h| {
                let start = h.offset as usize;
                let (before, width) = match h.reloc {
                    Reloc::X86_64_64 | Reloc::Aarch64_ABS64 => (0, 8),
                    Reloc::X86_64_GOTPCRELX | Reloc::X86_64_REX_GOTPCRELX => (3, 4),
                    _ => (0, 4),
                };
                (start.saturating_sub(before)..start + width).contains(&i)
            });
            if a != b && !inside {
                problems.push(format!("{} {}+{i:#x}: byte changed outside any hole", stencil.name, part.name()));
            }
        }
    }
    problems
}

#[test]
fn patched_stencils_decode_to_their_targets() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for arch in ARCHES {
        for family in FAMILIES {
            let Some(set) = built(arch, family) else { continue };
            for helpers_far in [false, true] {
                for stencil in set.stencils.iter() {
                    let world = World {
                        at: Placement { code: 0x7f12_3456_7000, cold: 0x7f12_3460_0100, data: 0x7f12_3470_0000 },
                        helpers_far,
                    };
                    problems.extend(patch_and_check(arch, stencil, &world));
                    checked += stencil.holes.len();
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(checked > 0 || std::env::var_os("STITCH_REQUIRE_CROSS").is_none(), "no holes checked");
}

#[test]
fn trampolines_are_used_only_out_of_range() {
    // Far helpers (±2 GiB on x86-64, ±128 MiB on AArch64) go through trampolines; near ones not.
    for arch in ARCHES {
        for family in FAMILIES {
            let Some(set) = built(arch, family) else { continue };
            let Some(stencil) = set.stencils.iter().find(|s| {
                s.holes.iter().any(|h| {
                    matches!(h.value, HoleValue::Helper(_))
                        && matches!(h.reloc, Reloc::X86_64_PLT32 | Reloc::Aarch64_CALL26 | Reloc::Aarch64_JUMP26)
                })
            }) else {
                panic!("{} for {}: no stencil calls a helper directly", set.compiler, arch.name())
            };
            for far in [false, true] {
                let world = World {
                    at: Placement { code: 0x7f12_3456_7000, cold: 0x7f12_3460_0100, data: 0x7f12_3470_0000 },
                    helpers_far: far,
                };
                let mut linker = FakeLinker {
                    got_base: 0x7f12_3470_0800,
                    got: vec![],
                    trampoline_base: 0x7f12_3457_0000,
                    trampolines: vec![],
                };
                let (mut code, mut cold) = (stencil.code.to_vec(), stencil.cold.to_vec());
                relocate::patch_stencil(stencil, &mut code, &mut cold, &world.at, &mut |v| world.value(v), &mut linker);
                assert_eq!(!linker.trampolines.is_empty(), far, "{} {} far={far}", set.compiler, stencil.name);
            }
        }
    }
}

#[test]
fn golden_tables_exist_for_both_targets() {
    for arch in ARCHES {
        for family in FAMILIES {
            let path = golden_path(arch, family);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                text.starts_with(&format!("stencils for {} compiled by {family} ", arch.name())),
                "{}",
                path.display()
            );
            assert!(text.contains("_LOAD_FAST"), "{}", path.display());
            assert!(Path::new(&path).exists());
        }
    }
}

/// Writes straight to the process's stderr: the test harness captures `eprintln!` of passing
/// tests, and a check that could not run must not pass silently.
fn loud(message: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(message.as_bytes());
}
