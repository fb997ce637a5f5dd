//! Whole-program benchmarks: each program in `benches/programs/` run by the `stitch` binary
//! (one process per iteration, so start-up is included, as in the README's comparisons), with
//! the JIT off (group `interpreter`) and on (group `jit`).
//!
//! `cargo bench --bench programs` runs them all; `cargo bench --bench programs -- nbody` one
//! program in both modes; `-- jit/` the JIT group only.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

fn programs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.retain(|p| p.extension().map(|e| e == "py").unwrap_or(false));
    v.sort();
    v
}

fn run(program: &PathBuf, jit: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_stitch")).arg("run").arg(jit).arg(program).output().expect("run stitch");
    assert!(out.status.success(), "{} failed: {}", program.display(), String::from_utf8_lossy(&out.stderr));
}

fn group(c: &mut Criterion, name: &str, jit: &str) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).measurement_time(Duration::from_secs(20)).warm_up_time(Duration::from_secs(1));
    for p in programs() {
        let name = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        group.bench_function(name, |b| b.iter(|| run(&p, jit)));
    }
    group.finish();
}

fn interpreter(c: &mut Criterion) {
    group(c, "interpreter", "--jit=off");
}

fn jit(c: &mut Criterion) {
    group(c, "jit", "--jit=on");
}

criterion_group!(benches, interpreter, jit);
criterion_main!(benches);
