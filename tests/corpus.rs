//! The program corpus: every program in `tests/programs/` and `benches/programs/` runs
//! through the `stitch` binary and must reproduce the output CPython 3.11 produced (committed
//! next to it as `.out`, plus `.err` with the exit status and last stderr line for programs
//! that fail). A second test compares live against `python3` when it is installed.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;

fn run_corpus(dir: &Path, limit: Duration) {
    run_corpus_env(dir, &[], &[], limit);
}

fn run_corpus_env(dir: &Path, args: &[&str], env: &[(&str, &str)], limit: Duration) {
    let programs = corpus(dir);
    assert!(!programs.is_empty(), "no programs in {}", dir.display());
    let mut failures = Vec::new();
    for p in &programs {
        let run = run_stitch_env(p, args, env, limit);
        if let Some(f) = check(p, &run, &expected(p)) {
            failures.push(f);
        }
    }
    assert!(failures.is_empty(), "{} of {} programs failed:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn test_programs_match_cpython() {
    run_corpus(&repo_root().join("tests/programs"), Duration::from_secs(60));
}

/// The same programs with a garbage collection at every safepoint: any value that Rust code
/// holds across a call into Python without rooting it shows up here as a wrong result or a
/// crash.
#[test]
fn test_programs_survive_gc_stress() {
    run_corpus_env(&repo_root().join("tests/programs"), &[], &[("STITCH_GC_STRESS", "1")], Duration::from_secs(120));
}

/// The corpus with the JIT off: the interpreter alone, the oracle for the JIT.
#[test]
fn test_programs_match_cpython_without_jit() {
    run_corpus_env(&repo_root().join("tests/programs"), &["--jit=off"], &[], Duration::from_secs(60));
}

/// JIT stress: every loop is recorded the first time its back-edge runs, so every loop the
/// recorder can translate runs as machine code from its second iteration on.
#[test]
fn test_programs_match_cpython_jit_stress() {
    run_corpus_env(&repo_root().join("tests/programs"), &["--jit-threshold=1"], &[], Duration::from_secs(60));
}

/// JIT stress with the optimizer off: the traces as recorded must be right on their own (and the
/// two modes are what `--jit-opt` lets users compare).
#[test]
fn test_programs_match_cpython_jit_stress_unoptimized() {
    run_corpus_env(
        &repo_root().join("tests/programs"),
        &["--jit-threshold=1", "--jit-opt=off"],
        &[],
        Duration::from_secs(60),
    );
}

#[test]
fn benchmark_programs_match_cpython_jit_stress_unoptimized() {
    run_corpus_env(
        &repo_root().join("benches/programs"),
        &["--jit-threshold=1", "--jit-opt=off"],
        &[],
        Duration::from_secs(300),
    );
}

#[test]
fn benchmark_programs_match_cpython_jit_stress() {
    run_corpus_env(&repo_root().join("benches/programs"), &["--jit-threshold=1"], &[], Duration::from_secs(300));
}

/// JIT stress with a collection at every safepoint: traces leave at their back-edge whenever a
/// collection is due, and the collector must find every value they left on the stack.
#[test]
fn test_programs_survive_gc_stress_with_jit_stress() {
    run_corpus_env(
        &repo_root().join("tests/programs"),
        &["--jit-threshold=1"],
        &[("STITCH_GC_STRESS", "1")],
        Duration::from_secs(120),
    );
}

#[test]
fn benchmark_programs_match_cpython() {
    run_corpus(&repo_root().join("benches/programs"), Duration::from_secs(300));
}

#[test]
fn corpus_is_large_enough() {
    let n = corpus(&repo_root().join("tests/programs")).len();
    assert!(n >= 80, "the corpus has {n} programs; at least 80 are required");
}

/// Compares against a live `python3`, when one is installed (the committed `.out` files are
/// what CI relies on; this catches stale expectations).
#[test]
fn live_comparison_with_python3() {
    let Ok(version) = std::process::Command::new("python3").arg("--version").output() else {
        eprintln!("NOTE: python3 not found; live comparison skipped");
        return;
    };
    let version = String::from_utf8_lossy(&version.stdout).to_string();
    if !version.starts_with("Python 3.11") {
        eprintln!("NOTE: {version} is not CPython 3.11; live comparison skipped");
        return;
    }
    let mut failures = Vec::new();
    for p in corpus(&repo_root().join("tests/programs")) {
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&p);
        let py = match std::fs::read(p.with_extension("in")) {
            Ok(input) => run_with_input(cmd, &input, Duration::from_secs(60)),
            Err(_) => run_with_timeout(cmd, Duration::from_secs(60)),
        };
        let ours = run_stitch(&p, &[], Duration::from_secs(60));
        let exp = Expected {
            stdout: py.stdout.clone(),
            status: py.status.unwrap_or(-1),
            last_stderr: if py.status == Some(0) { None } else { py.stderr.lines().last().map(|s| s.to_string()) },
        };
        if let Some(f) = check(&p, &ours, &exp) {
            failures.push(f);
        }
    }
    assert!(failures.is_empty(), "differences from live python3:\n{}", failures.join("\n"));
}
