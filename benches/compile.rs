//! Compile time of the copy-and-patch backend: a typical loop trace (a counting loop, 11 uops
//! with three exits) and one of 101 uops, from trace IR to installed read+execute code. Each iteration uses a fresh code arena, so the time includes
//! mapping its first chunk, which a running JIT pays once per 8 MiB.
//!
//! `cargo bench --bench compile`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use stitch::jit::backend::stencil as backend;
use stitch::jit::backend::stencil::tables as stencils;
use stitch::jit::ir::uops::Uop::*;
use stitch::jit::ir::{ExitPoint, Trace, TraceOp};
use stitch::jit::runtime::codemem::CodeArena;

static GC_FLAG: bool = false;

/// `while i < n: i = i + 1` as the recorder would produce it, with the body repeated `copies`
/// times.
fn counting_loop(copies: usize) -> Trace {
    let mut t = Trace::default();
    let done = t.add_exit(ExitPoint::guard(10));
    let slow = t.add_exit(ExitPoint::guard(20));
    let gc = t.add_exit(ExitPoint::plain(30));
    for _ in 0..copies {
        t.ops.extend([
            TraceOp::new(_LOAD_FAST).oparg(0),
            TraceOp::new(_LOAD_FAST).oparg(1),
            TraceOp::new(_GUARD_NOS_INT).exit(slow),
            TraceOp::new(_GUARD_TOS_INT).exit(slow),
            TraceOp::new(_COMPARE_OP_INT).oparg(0),
            TraceOp::new(_GUARD_IS_TRUE_POP).exit(done),
            TraceOp::new(_LOAD_FAST).oparg(0),
            TraceOp::new(_LOAD_CONST_INLINE).operands(3, 1),
            TraceOp::new(_BINARY_OP_ADD_INT).exit(slow),
            TraceOp::new(_STORE_FAST).oparg(0),
        ]);
    }
    t.ops.push(TraceOp::new(_JUMP_TO_TOP).operands(&GC_FLAG as *const bool as u64, 0).exit(gc));
    t
}

fn compile(c: &mut Criterion) {
    let helper = |name: &str| stencils::helper_address(name).map(|a| a as u64);
    for (name, copies) in [("loop_11_uops", 1), ("loop_101_uops", 10)] {
        let trace = counting_loop(copies);
        c.bench_function(name, |b| {
            b.iter_batched(
                CodeArena::new,
                |mut arena| backend::compile(&trace, stencils::host(), &mut arena, &helper).map(|t| t.code_bytes),
                BatchSize::SmallInput,
            )
        });
    }
}

criterion_group!(benches, compile);
criterion_main!(benches);
