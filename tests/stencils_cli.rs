//! `stitch stencils`: the listing of the stencils built into the binary, for the host and (when
//! build.rs found a compiler for it) the other architecture.

mod common;

use std::process::{Command, Output};

fn stencils(args: &[&str]) -> Output {
    Command::new(common::stitch()).arg("stencils").args(args).output().expect("run stitch")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "stitch failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Rows of the summary table: lines after the `stencil  code  cold  data` heading, up to the
/// first blank line.
fn rows(listing: &str) -> Vec<&str> {
    listing.lines().skip_while(|l| !l.starts_with("stencil ")).skip(1).take_while(|l| !l.is_empty()).collect()
}

#[test]
fn lists_at_least_forty_host_stencils_with_sizes_and_holes() {
    let listing = stdout(&stencils(&[]));
    let host = if cfg!(target_arch = "x86_64") { "x86_64" } else { "aarch64" };
    assert!(listing.starts_with(&format!("stencils for {host} compiled by ")), "{listing}");
    let rows = rows(&listing);
    assert!(rows.len() >= 40, "only {} stencils:\n{listing}", rows.len());
    let load_fast = rows.iter().find(|r| r.starts_with("_LOAD_FAST ")).expect("_LOAD_FAST listed");
    let columns: Vec<&str> = load_fast.split_whitespace().collect();
    assert!(columns[1].parse::<usize>().unwrap() > 0, "code size: {load_fast}");
    assert_eq!(&columns[4..], &["local", "offset"], "{load_fast}");
    // Without --disasm there is no disassembly.
    assert!(!listing.contains("  code:"), "{listing}");
}

#[test]
fn disasm_marks_the_local_offset_holes_of_load_fast() {
    let listing = stdout(&stencils(&["--disasm", "_LOAD_FAST"]));
    assert_eq!(rows(&listing).len(), 1, "{listing}");
    let marked: Vec<&str> = listing.lines().filter(|l| l.contains("; ← local offset")).collect();
    assert!(!marked.is_empty(), "{listing}");
    if cfg!(target_arch = "x86_64") {
        // gcc and clang both make the local's offset the displacement of its two loads: the
        // tag's, and the payload's 8 bytes further.
        assert_eq!(marked.len(), 2, "{listing}");
        assert!(marked.iter().all(|l| l.ends_with("(R_X86_64_32S)")), "{listing}");
        assert!(marked[1].contains("local offset + 8"), "{listing}");
    }
}

#[test]
fn a_uop_name_lists_the_stencil_that_implements_it() {
    let listing = stdout(&stencils(&["_GUARD_GLOBALS_VERSION"]));
    assert!(listing.starts_with("uop _GUARD_GLOBALS_VERSION is implemented by stencil _GUARD_WORD_EQ\n"), "{listing}");
    assert_eq!(rows(&listing).len(), 1);
    assert!(rows(&listing)[0].starts_with("_GUARD_WORD_EQ "), "{listing}");
}

#[test]
fn aarch64_stencils_disassemble_on_any_host() {
    let out = stencils(&["--target", "aarch64", "--disasm", "_BINARY_OP_ADD_INT"]);
    if !out.status.success() {
        // Only acceptable when this build had no compiler for AArch64, and then it says so.
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no aarch64 stencils"), "{err}");
        assert!(std::env::var_os("STITCH_REQUIRE_CROSS").is_none(), "CI builds AArch64 stencils: {err}");
        loud(&format!("\n*** NOT TESTED: this build has no AArch64 stencils ({err}) ***\n"));
        return;
    }
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.starts_with("stencils for aarch64 compiled by "), "{listing}");
    // The overflow-checked add is `adds` followed by a branch on overflow to the exit.
    assert!(listing.lines().any(|l| l.contains("  adds ")), "{listing}");
    assert!(listing.contains("; ← exit"), "{listing}");
}

#[test]
fn unknown_names_and_targets_are_errors() {
    let out = stencils(&["_NO_SUCH_STENCIL"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no stencil named '_NO_SUCH_STENCIL'"), "{err}");

    let out = stencils(&["--target", "riscv64"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown target 'riscv64'"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(common::stitch())
        .args(["stencils", "--disasm"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read one byte, then close the pipe, like `stitch stencils --disasm | head -c1`.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    stdout.read_exact(&mut byte).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn readme_listing_is_what_stitch_prints() {
    // The README shows `stitch stencils --disasm _LOAD_FAST` for gcc on x86-64; CI's gcc pass
    // builds exactly that table, so the example cannot drift from the tool.
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).unwrap();
    let command = "$ stitch stencils --disasm _LOAD_FAST\n";
    let start = readme.find(command).expect("README shows the listing") + command.len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let listing = stdout(&stencils(&["--disasm", "_LOAD_FAST"]));
    if listing.lines().next() != shown.lines().next() {
        loud(&format!(
            "\n*** NOT COMPARED: README shows {:?}, this build is {:?} ***\n",
            shown.lines().next(),
            listing.lines().next()
        ));
        return;
    }
    assert_eq!(listing, shown);
}

/// Writes straight to the process's stderr: the test harness captures `eprintln!` of passing
/// tests, and a check that could not run must not pass silently.
fn loud(message: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(message.as_bytes());
}
