//! Stencil toolchain: finding a C compiler for a target and compiling `stencils/uops.c` with it.
//!
//! The compiler is `STITCH_STENCIL_CC` when set; otherwise clang 19 or newer when one is found
//! (it has `preserve_none` and `musttail`); otherwise the target's gcc, which every machine that
//! builds Rust has for the host. Every flag says why it is there. Like `extract.rs`, this file is
//! compiled both by `build.rs` (through `#[path]`) and by the crate's tests, which compile the
//! stencils for the other architecture and with the other compiler to check them against the
//! golden tables. It depends on `std` only.

use std::path::Path;
use std::process::Command;

use super::extract::Arch;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Gcc,
    Clang,
}

/// A C compiler able to produce stencils for one target.
#[derive(Clone, Debug)]
pub struct Compiler {
    /// The command (a name looked up on `PATH`, or a path).
    pub command: String,
    pub family: Family,
    /// `gcc 12.2.0`, `clang 19.1.7`: recorded with the stencils and in the golden tables.
    pub version: String,
    pub major: u32,
}

/// Runs `command --version` and recognizes gcc or clang.
pub fn identify(command: &str) -> Option<Compiler> {
    let output = Command::new(command).arg("--version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next()?;
    let (family, version) = if first.contains("clang version") {
        let version = first.split("clang version ").nth(1)?.split_whitespace().next()?;
        (Family::Clang, version.to_string())
    } else if text.contains("Free Software Foundation") {
        // "gcc (Debian 12.2.0-14+deb12u1) 12.2.0": the version is the last word.
        (Family::Gcc, first.split_whitespace().last()?.to_string())
    } else {
        return None;
    };
    let major = version.split('.').next()?.parse().ok()?;
    let name = match family {
        Family::Gcc => "gcc",
        Family::Clang => "clang",
    };
    Some(Compiler { command: command.to_string(), family, version: format!("{name} {version}"), major })
}

/// The gcc that targets `arch`: the plain `gcc` if it does (asked with `-dumpmachine`: the
/// process asking may itself run emulated on another architecture, as the AArch64 tests do under
/// qemu), else the cross compiler named for `arch`.
pub fn find_gcc(arch: Arch) -> Option<Compiler> {
    let cross = match arch {
        Arch::X86_64 => "x86_64-linux-gnu-gcc",
        Arch::Aarch64 => "aarch64-linux-gnu-gcc",
    };
    ["gcc", cross]
        .iter()
        .filter(|c| gcc_target(c) == Some(arch))
        .filter_map(|c| identify(c))
        .find(|c| c.family == Family::Gcc)
}

/// The architecture gcc `command` generates code for (`gcc -dumpmachine`: `x86_64-linux-gnu`).
fn gcc_target(command: &str) -> Option<Arch> {
    let output = Command::new(command).arg("-dumpmachine").output().ok()?;
    let machine = String::from_utf8_lossy(&output.stdout);
    Arch::from_name(machine.trim().split('-').next()?)
}

/// A clang of version 19 or newer (clang targets every architecture it was built for).
pub fn find_clang() -> Option<Compiler> {
    let mut candidates: Vec<String> = (19..=30).rev().map(|v| format!("clang-{v}")).collect();
    candidates.push("clang".to_string());
    candidates.iter().filter_map(|c| identify(c)).find(|c| c.family == Family::Clang && c.major >= 19)
}

/// The compiler build.rs uses for `arch`: `STITCH_STENCIL_CC`, else clang 19+, else gcc.
pub fn choose(arch: Arch, override_cc: Option<&str>) -> Result<Compiler, String> {
    if let Some(cc) = override_cc {
        return identify(cc).ok_or_else(|| format!("STITCH_STENCIL_CC={cc} is not a working gcc or clang"));
    }
    find_clang().or_else(|| find_gcc(arch)).ok_or_else(|| {
        format!(
            "no C compiler for {} stencils: install gcc{} (or clang 19+)",
            arch.name(),
            if arch == Arch::Aarch64 { "-aarch64-linux-gnu" } else { "" }
        )
    })
}

/// The flags for compiling stencils for `arch` with `compiler`, each with its reason.
pub fn flags(compiler: &Compiler, arch: Arch) -> Vec<(&'static str, &'static str)> {
    let mut flags = vec![
        ("-O2", "optimize; at -O2 gcc turns the stencils' tail calls into jumps (sibling calls)"),
        ("-std=c11", "the language the stencils are written in"),
        ("-ffreestanding", "no libc: only the compiler's own headers, so cross builds need no target libc"),
        ("-fno-asynchronous-unwind-tables", "no .eh_frame: stencils are copied without unwind info"),
        ("-fno-unwind-tables", "same, for targets where unwind tables are on by default"),
        ("-fno-stack-protector", "no stack canary (it would reference __stack_chk_guard)"),
        ("-ffp-contract=off", "never fuse a*b+c into one FMA: Python rounds every operation"),
        ("-ffunction-sections", "one section per function: each function is one stencil"),
        ("-fno-jump-tables", "no tables of code addresses in data (they would need relocating)"),
        ("-fno-common", "no common symbols"),
        ("-Wall", "warnings are cheap here"),
    ];
    if compiler.family == Family::Gcc {
        flags.extend([
            (
                "-freorder-blocks-and-partition",
                "move paths to exits (the cold `_JIT_EXIT`) into .text.unlikely.NAME, placed after the trace",
            ),
            ("-falign-functions=1", "no padding before a stencil"),
            ("-falign-jumps=1", "no padding inside a stencil"),
            ("-falign-labels=1", "no padding inside a stencil"),
            ("-falign-loops=1", "no padding inside a stencil"),
            (
                "-fno-ipa-icf",
                "no merging of identical stencils (a cached variant and the memory one can be the same code): \
                 one would jump into the other's section",
            ),
            (
                "-fno-tree-slp-vectorize",
                "a value read as two words (`load_value`) is stored as two words, not rebuilt in a vector register",
            ),
        ]);
    } else {
        flags.extend([
            ("-falign-functions=1", "no padding before a stencil"),
            ("-Wno-unknown-attributes", "cold on an extern is advisory"),
        ]);
    }
    match arch {
        Arch::X86_64 => {
            if compiler.family == Family::Clang {
                flags.push(("--target=x86_64-linux-gnu", "compile for x86-64 whatever the host"));
            }
            flags.extend([
                ("-fno-pic", "operands are absolute values, not addresses to reach through a GOT"),
                ("-mcmodel=medium", "operands become 64-bit immediates (movabs); calls and jumps stay rel32"),
                ("-fcf-protection=none", "no endbr64 at the start of every stencil"),
            ]);
        }
        Arch::Aarch64 => {
            if compiler.family == Family::Clang {
                flags.extend([
                    ("--target=aarch64-linux-gnu", "compile for AArch64 whatever the host"),
                    ("-fno-pic", "operands are absolute values"),
                    ("-mcmodel=large", "operands become MOVZ/MOVK sequences (no literal pools with clang)"),
                ]);
            } else {
                flags.push((
                    "-fPIC",
                    "operands are loaded from GOT slots (ADRP + LDR); gcc's large model would put literal \
                     pools inside the code",
                ));
            }
            flags.extend([
                ("-mbranch-protection=none", "no BTI/PAC instructions"),
                ("-mno-outline-atomics", "no calls to libgcc's atomics helpers"),
            ]);
        }
    }
    flags
}

/// Compiles `source` (including `stencils/stitch.h` from its directory) to the object `out`.
pub fn compile(compiler: &Compiler, arch: Arch, source: &Path, out: &Path) -> Result<(), String> {
    let mut command = Command::new(&compiler.command);
    for (flag, _why) in flags(compiler, arch) {
        command.arg(flag);
    }
    command.arg("-c").arg(source).arg("-o").arg(out);
    let output = command.output().map_err(|e| format!("cannot run {}: {e}", compiler.command))?;
    if !output.status.success() {
        return Err(format!(
            "{} failed compiling {} for {}:\n{}",
            compiler.version,
            source.display(),
            arch.name(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}

/// The Rust files that define runtime helpers (relative to the package root).
pub const HELPER_SOURCES: &[&str] = &["src/jit/runtime/helpers.rs", "src/jit/runtime/helpers/generic.rs"];

/// The names of the runtime helpers: every `pub extern "C" fn stitch_*` of the
/// [`HELPER_SOURCES`] under `root`.
pub fn helpers_in(root: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for file in HELPER_SOURCES {
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("read {file}: {e}"));
        names.extend(helper_names(&text));
    }
    names
}

/// The names of the runtime helpers a Rust source defines: every `pub extern "C" fn stitch_*`.
pub fn helper_names(helpers_rs: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in helpers_rs.lines() {
        let line = line.trim();
        if let Some(rest) =
            line.strip_prefix("pub extern \"C\" fn ").or(line.strip_prefix("pub unsafe extern \"C\" fn "))
        {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name.starts_with("stitch_") {
                names.push(name);
            }
        }
    }
    names
}
