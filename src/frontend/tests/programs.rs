//! The program corpus (`tests/programs/*.py`, `benches/programs/*.py`) must compile, and the
//! result must pass the verifier; only the constructs stitch documents as unsupported may be
//! rejected.

use std::path::{Path, PathBuf};

use super::verify::verify;
use crate::frontend::compile;

/// Constructs a corpus program may use deliberately, to test the error path.
const DOCUMENTED_UNSUPPORTED: &[&str] = &[
    "unsupported: async functions",
    "unsupported: '**' in class keyword arguments",
    "unsupported: relative imports",
    "unsupported: 'except*'",
    "unsupported: type parameters",
];

fn python_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn corpus_programs_compile() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut compiled = 0;
    for dir in ["tests/programs", "benches/programs"] {
        for path in python_files(&root.join(dir)) {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            match compile(&source, &path.to_string_lossy()) {
                Ok(code) => {
                    compiled += 1;
                    if let Err(problem) = verify(&code) {
                        failures.push(format!("{}: invalid bytecode: {problem}", path.display()));
                    }
                }
                Err(error) if DOCUMENTED_UNSUPPORTED.contains(&error.message.as_str()) => {}
                Err(error) => failures.push(format!("{}:{error}", path.display())),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("{compiled} corpus programs compiled");
}

/// Opt-in: compiles and verifies every `.py` file under `$STITCH_EXTRA_PY_DIR` (for example a
/// CPython `Lib/` directory), ignoring unsupported constructs. Run with
/// `STITCH_EXTRA_PY_DIR=... cargo test extra_python_files -- --ignored`.
#[test]
#[ignore]
fn extra_python_files() {
    let Some(root) = std::env::var_os("STITCH_EXTRA_PY_DIR") else {
        return;
    };
    let mut pending = vec![PathBuf::from(root)];
    let (mut compiled, mut failures) = (0, Vec::new());
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        pending.extend(entries.flatten().map(|entry| entry.path()).filter(|path| path.is_dir()));
        for path in python_files(&dir) {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            match compile(&source, "extra.py") {
                Ok(code) => {
                    compiled += 1;
                    if let Err(problem) = verify(&code) {
                        failures.push(format!("{}: {problem}", path.display()));
                    }
                }
                Err(error) if error.message.contains("internal") => {
                    failures.push(format!("{}:{error}", path.display()));
                }
                Err(_) => {}
            }
        }
    }
    eprintln!("{compiled} extra files compiled");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
