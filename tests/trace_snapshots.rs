//! Snapshot tests for `stitch run --dump=trace`: the traces the JIT records for each program in
//! `tests/traces/` must equal the checked-in `.trace` file next to it, so that a change in what
//! the recorder emits shows up as a reviewable diff. Addresses (operands that point into memory)
//! and code sizes (which depend on the compiler that built the stencils) are replaced by
//! placeholders, and so are the class epoch and dict versions (counters that the built-ins move). Re-bless with `STITCH_BLESS=1 cargo test --test trace_snapshots`.

mod common;

use std::process::Command;

/// The dump with machine-dependent numbers replaced: hex numbers of nine digits or more (heap,
/// arena and static addresses) by `0x<addr>`, and byte counts by `<n> bytes`.
fn normalize(dump: &str) -> String {
    let mut out = String::with_capacity(dump.len());
    for line in dump.lines() {
        let mut rest = line;
        while let Some(i) = rest.find("0x") {
            out.push_str(&rest[..i]);
            let digits = rest[i + 2..].chars().take_while(|c| c.is_ascii_hexdigit()).count();
            if digits >= 9 {
                out.push_str("0x<addr>");
            } else {
                out.push_str(&rest[i..i + 2 + digits]);
            }
            rest = &rest[i + 2 + digits..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    // "(N uops, M bytes of code)" -> "(N uops, <n> bytes of code)"
    let mut normalized = String::with_capacity(out.len());
    for line in out.lines() {
        match (line.find(" uops, "), line.find(" bytes of code)")) {
            (Some(a), Some(b)) if a < b => {
                normalized.push_str(&line[..a + 7]);
                normalized.push_str("<n>");
                normalized.push_str(&line[b..]);
            }
            _ => normalized.push_str(line),
        }
        normalized.push('\n');
    }
    // "the class epoch, 95" -> "the class epoch, <n>", "the globals' version, 115" -> "...,
    // <n>", "shape 82" -> "shape <n>": the epoch counts every class created or changed since
    // start-up, and dict versions and shape ids come from counters, so all move whenever the
    // built-ins gain a class or a function.
    let mut counters = String::with_capacity(normalized.len());
    for line in normalized.lines() {
        let found = ["epoch, ", "version, ", "shape "].iter().find_map(|m| {
            let at = line.find(m)? + m.len();
            line[at..].starts_with(|c: char| c.is_ascii_digit()).then_some(at)
        });
        match found {
            Some(at) => {
                let rest = &line[at..];
                let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
                counters.push_str(&line[..at]);
                counters.push_str("<n>");
                counters.push_str(&rest[digits..]);
            }
            None => counters.push_str(line),
        }
        counters.push('\n');
    }
    counters
}

#[test]
fn trace_dumps_match_snapshots() {
    let dir = common::repo_root().join("tests/traces");
    let programs = common::programs_in(&dir);
    assert!(programs.len() >= 3);
    let mut failures = Vec::new();
    for p in programs {
        let out = Command::new(common::stitch())
            .current_dir(&dir)
            .args(["run", "--dump=trace"])
            .arg(p.file_name().expect("file name"))
            .output()
            .expect("run stitch");
        assert!(out.status.success(), "stitch run {} failed: {}", p.display(), String::from_utf8_lossy(&out.stderr));
        let dump = normalize(&String::from_utf8_lossy(&out.stderr));
        assert!(dump.contains("---- trace 0"), "{} compiled no trace:\n{dump}", p.display());
        common::check_snapshot(&p.with_extension("trace"), &dump, &mut failures);
    }
    assert!(failures.is_empty(), "trace dumps changed (re-bless with STITCH_BLESS=1):\n{}", failures.join("\n"));
}

#[test]
fn normalizing_keeps_small_constants_and_hides_addresses() {
    let line = "  16  _LOAD_CONST_INLINE           0x3 0xf4243\n   7  _GUARD_GLOBALS_VERSION       0x200008ca650 0x71  -> exit 1 (pc 12)\n---- trace 0: f line 3, loop at instruction 6 (9 uops, 608 bytes of code) ----\n";
    assert_eq!(
        normalize(line),
        "  16  _LOAD_CONST_INLINE           0x3 0xf4243\n   7  _GUARD_GLOBALS_VERSION       0x<addr> 0x71  -> exit 1 (pc 12)\n---- trace 0: f line 3, loop at instruction 6 (9 uops, <n> bytes of code) ----\n"
    );
}
