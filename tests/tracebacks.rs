//! Tracebacks exactly as CPython 3.11 prints them: each program in `tests/tracebacks/` raises,
//! and stitch's stderr must equal the `.tb` file CPython wrote for it (the programs' folder
//! written as `DIR`): the frames, the source lines, the `^^^^`/`~~^~~` markers under them,
//! `[Previous line repeated N more times]`, and chained exceptions. Regenerate an expectation
//! with `python3 NAME.py 2> NAME.tb` (then replace the folder by `DIR`).

mod common;

use std::process::Command;

#[test]
fn tracebacks_match_cpython() {
    let dir = common::repo_root().join("tests/tracebacks");
    let programs = common::programs_in(&dir);
    assert!(programs.len() >= 30, "only {} programs", programs.len());
    let prefix = format!("{}/", dir.display());
    let mut failures = Vec::new();
    // The interpreter, and the JIT compiling every loop at once (errors then come out of
    // traces, which must leave the same positions behind).
    for mode in [&[][..], &["--jit-threshold=1"][..]] {
        for p in &programs {
            let out = Command::new(common::stitch()).arg("run").args(mode).arg(p).output().expect("run stitch");
            assert_eq!(out.status.code(), Some(1), "{}: {}", p.display(), String::from_utf8_lossy(&out.stderr));
            let got = String::from_utf8_lossy(&out.stderr).replace(&prefix, "DIR/");
            let expected = std::fs::read_to_string(p.with_extension("tb")).expect("the .tb file next to the program");
            if got != expected {
                failures.push(format!("{} {mode:?}:\n--- CPython\n{expected}--- stitch\n{got}", p.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} tracebacks differ:\n{}", failures.len(), failures.join("\n"));
}
