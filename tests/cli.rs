//! The command line: reading a program from stdin, `sys.argv`, `--version`, and `dis` errors.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn program_from_stdin_gets_dash_as_argv0() {
    let mut child = Command::new(common::stitch())
        .args(["run", "-", "a", "b"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"import sys\nprint(sys.argv)\n").expect("write program");
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "['-', 'a', 'b']\n");
}

#[test]
fn version_is_printed() {
    let out = Command::new(common::stitch()).arg("--version").output().expect("run");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("stitch {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn dis_of_invalid_source_reports_location() {
    let dir = std::env::temp_dir().join(format!("stitch-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.py");
    std::fs::write(&path, "def f(:\n    pass\n").expect("write");
    let out = Command::new(common::stitch()).arg("dis").arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("{}:1:", path.display())), "got {err}");
    assert!(err.contains("SyntaxError"), "got {err}");
}

#[test]
fn a_jit_threshold_of_zero_is_refused() {
    // A loop is recorded on one of its back-edges: 0 would mean before the first, which does not
    // exist. The argument parser says so and nothing runs.
    let out = Command::new(common::stitch()).args(["run", "--jit-threshold=0", "-"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--jit-threshold") && err.contains("0 is not in 1.."), "got {err}");
}
