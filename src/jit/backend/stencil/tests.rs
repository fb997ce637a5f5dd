//! Hand-written traces compiled by the copy-and-patch backend and run on a made-up frame: the
//! machine code must compute what the uops say and leave by the right exit with the right stack.

use super::*;
use crate::jit::backend::stencil::tables as stencils;
use crate::jit::backend::Left;
use crate::jit::ir::uops::Uop::*;
use crate::jit::ir::ExitId;
use crate::jit::ir::{ExitPoint, Trace, TraceOp};
use crate::jit::runtime::abi::JitState;
use crate::runtime::value::Value;

const CMP_LT: u32 = 0;
const TAG_INT: u64 = 3;

/// `while i < n: i = i + step` over locals 0 (i) and 1 (n), with exits 0 (loop done), 1 (types
/// or overflow) and 2 (collection requested).
fn counting_loop(step: i64, gc_flag: &bool) -> Trace {
    let mut t = Trace::default();
    let done = t.add_exit(ExitPoint::guard(10));
    let slow = t.add_exit(ExitPoint::guard(20));
    let gc = t.add_exit(ExitPoint::guard(30));
    t.ops = vec![
        TraceOp::new(_LOAD_FAST).oparg(0),
        TraceOp::new(_LOAD_FAST).oparg(1),
        TraceOp::new(_GUARD_BOTH_INT).exit(slow),
        TraceOp::new(_COMPARE_OP_INT).oparg(CMP_LT),
        TraceOp::new(_GUARD_IS_TRUE_POP).exit(done),
        TraceOp::new(_LOAD_FAST).oparg(0),
        TraceOp::new(_LOAD_CONST_INLINE).operands(TAG_INT, step as u64),
        TraceOp::new(_BINARY_OP_ADD_INT).exit(slow),
        TraceOp::new(_STORE_FAST).oparg(0),
        TraceOp::new(_JUMP_TO_TOP).operands(gc_flag as *const bool as u64, 0).exit(gc),
    ];
    t
}

/// Values compared as Python's `is` does (exact payload, even for floats).
#[track_caller]
fn assert_is(got: &[Value], want: &[Value]) {
    assert!(got.len() == want.len() && got.iter().zip(want).all(|(a, b)| a.is(*b)), "got {got:?}, want {want:?}");
}

fn no_helpers(_: &str) -> Option<u64> {
    None
}

/// Runs `compiled` on a frame with `locals` and an empty value stack; returns how it left, the
/// frame's slots, and the stack depth it left with.
fn run(compiled: &CompiledTrace, locals: &[Value]) -> (Left, Vec<Value>, usize) {
    let mut slots = vec![Value::Null; locals.len() + 64];
    slots[..locals.len()].copy_from_slice(locals);
    let base = slots.as_mut_ptr();
    let mut st = JitState::detached();
    // SAFETY: the trace only touches locals 0..2 and at most 4 stack slots above them, all in
    // `slots`; it calls no helper (the JitState's vm is never read).
    let returned = unsafe { (compiled.entry)(base, base.add(locals.len()), &mut st) };
    let left = compiled.left_by(returned).expect("the trace returned one of its exit records");
    assert_eq!(st.exit_locals, base, "the trace left in the frame it entered");
    // SAFETY: exit_sp points into `slots`.
    let depth = unsafe { st.exit_sp.offset_from(base.add(locals.len())) } as usize;
    (left, slots, depth)
}

fn compile_host(trace: &Trace, arena: &mut CodeArena) -> CompiledTrace {
    compile(trace, stencils::host(), true, arena, &no_helpers).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_counting_loop_runs_to_its_exit() {
    for caching in [true, false] {
        counting_loop_runs_to_its_exit(caching);
    }
}

fn counting_loop_runs_to_its_exit(caching: bool) {
    let flag = false;
    let mut arena = CodeArena::new();
    let trace = counting_loop(1, &flag);
    let compiled = compile(&trace, stencils::host(), caching, &mut arena, &no_helpers).unwrap();
    // With caching, the loop's values stay in registers between uops (the store leaves none
    // there before the back-edge, so nothing is spilled); without, every uop starts at depth 0.
    assert_eq!(compiled.cached_entries > 0, caching);
    assert!(compiled.spills.is_empty());
    let (left, slots, depth) = run(&compiled, &[Value::Int(0), Value::Int(1000)]);
    assert_eq!(left, Left::Exit(ExitId(0)));
    assert_is(&slots[0..1], &[Value::Int(1000)]);
    // `_GUARD_IS_TRUE_POP` leaves before popping: the interpreter finds the False it branches on.
    assert_eq!(depth, 1);
    assert_is(&slots[2..3], &[Value::Bool(false)]);
    assert_eq!(compiled.exit_count(ExitId(0)), 1);
    assert_eq!(compiled.exit_count(ExitId(1)), 0);
    assert_eq!(crate::jit::runtime::codemem::writable_and_executable_mappings().unwrap(), Vec::<String>::new());
}

#[test]
fn a_type_guard_leaves_before_any_effect() {
    let flag = false;
    let mut arena = CodeArena::new();
    let compiled = compile_host(&counting_loop(1, &flag), &mut arena);
    let (left, slots, depth) = run(&compiled, &[Value::Int(5), Value::Float(7.5)]);
    assert_eq!(left, Left::Exit(ExitId(1)));
    assert_eq!(depth, 2, "both operands still on the stack for the interpreter's COMPARE_OP");
    assert_is(&slots[2..4], &[Value::Int(5), Value::Float(7.5)]);
}

#[test]
fn overflow_leaves_with_the_operands_in_place() {
    let flag = false;
    let mut arena = CodeArena::new();
    let compiled = compile_host(&counting_loop(i64::MAX, &flag), &mut arena);
    let (left, slots, depth) = run(&compiled, &[Value::Int(1), Value::Int(2)]);
    assert_eq!(left, Left::Exit(ExitId(1)));
    assert_is(&slots[0..1], &[Value::Int(1)]);
    assert_eq!(depth, 2);
    assert_is(&slots[2..4], &[Value::Int(1), Value::Int(i64::MAX)]);
}

#[test]
fn a_collection_request_leaves_at_the_back_edge() {
    let flag = true;
    let mut arena = CodeArena::new();
    let compiled = compile_host(&counting_loop(3, &flag), &mut arena);
    let (left, slots, depth) = run(&compiled, &[Value::Int(0), Value::Int(100)]);
    assert_eq!(left, Left::Exit(ExitId(2)));
    assert_is(&slots[0..1], &[Value::Int(3)]);
    assert_eq!(depth, 0);
}

#[test]
fn a_linked_exit_continues_in_the_other_trace() {
    // Trace B: `i = i + 1000` then leave by its exit 0 (a side trace's end).
    let mut b = Trace::default();
    let b_exit = b.add_exit(ExitPoint::guard(99));
    b.ops = vec![
        TraceOp::new(_POP_TOP), // the False the guard left
        TraceOp::new(_LOAD_FAST).oparg(0),
        TraceOp::new(_LOAD_CONST_INLINE).operands(TAG_INT, 1000),
        TraceOp::new(_BINARY_OP_ADD_INT).exit(b_exit),
        TraceOp::new(_STORE_FAST).oparg(0),
        TraceOp::new(_DEOPT).exit(b_exit),
    ];
    let flag = false;
    let mut arena = CodeArena::new();
    let a = compile_host(&counting_loop(1, &flag), &mut arena);
    let b = compile_host(&b, &mut arena);
    // SAFETY: b expects the frame a's exit 0 leaves with (the False on the stack), and outlives
    // every run of a below.
    unsafe { a.link(ExitId(0), b.head) };
    let mut slots = vec![Value::Null; 16];
    slots[0] = Value::Int(0);
    slots[1] = Value::Int(10);
    let base = slots.as_mut_ptr();
    let mut st = JitState::detached();
    // SAFETY: as in `run`.
    let returned = unsafe { (a.entry)(base, base.add(2), &mut st) };
    assert_eq!(a.left_by(returned), None, "left by b's exit, not a's");
    assert_eq!(b.left_by(returned), Some(Left::Exit(ExitId(0))));
    assert_is(&slots[0..1], &[Value::Int(1010)]);
    assert_eq!(a.exit_count(ExitId(0)), 0, "a linked exit is not counted as taken");
}

#[test]
fn traces_that_do_not_end_or_lack_exits_are_refused() {
    let mut arena = CodeArena::new();
    let mut t = Trace::default();
    t.ops = vec![TraceOp::new(_LOAD_FAST).oparg(0)];
    assert!(compile(&t, stencils::host(), true, &mut arena, &no_helpers)
        .err()
        .expect("refused")
        .contains("continues past the end"));
    t.ops = vec![TraceOp::new(_GUARD_BOTH_INT), TraceOp::new(_DEOPT)];
    assert!(compile(&t, stencils::host(), true, &mut arena, &no_helpers)
        .err()
        .expect("refused")
        .contains("has no exit"));
}

#[test]
fn helpers_must_be_known() {
    let mut arena = CodeArena::new();
    let mut t = Trace::default();
    let e = t.add_exit(ExitPoint::guard(0));
    t.ops = vec![TraceOp::new(_GET_ITER_SEQUENCE).exit(e), TraceOp::new(_DEOPT).exit(e)];
    let err = compile(&t, stencils::host(), true, &mut arena, &no_helpers).err().expect("unknown helper");
    assert!(err.contains("stitch_get_iter_sequence"), "{err}");
}

/// Runs `ops` (ending in `_DEOPT`) on locals and returns them afterwards.
fn run_straight(ops: Vec<TraceOp>, locals: &[Value]) -> Vec<Value> {
    let mut t = Trace::default();
    let e = t.add_exit(ExitPoint::guard(0));
    t.ops = ops;
    t.ops.push(TraceOp::new(_DEOPT).exit(e));
    let mut arena = CodeArena::new();
    let compiled = compile_host(&t, &mut arena);
    let (left, slots, _) = run(&compiled, locals);
    assert_eq!(left, Left::Exit(ExitId(0)));
    slots
}

#[test]
fn every_comparison_code_compares_as_python_does() {
    // Each oparg value selects a different comparison: a compiler that assumed something about
    // the hole's value (it is the address of a symbol) would get some of these wrong.
    let ops: [(&str, fn(f64, f64) -> bool); 6] = [
        ("<", |a, b| a < b),
        ("<=", |a, b| a <= b),
        ("==", |a, b| a == b),
        ("!=", |a, b| a != b),
        (">", |a, b| a > b),
        (">=", |a, b| a >= b),
    ];
    for (code, (name, expect)) in ops.iter().enumerate() {
        for (a, b) in [(1i64, 2i64), (2, 2), (3, 2), (-5, 7)] {
            let slots = run_straight(
                vec![
                    TraceOp::new(_LOAD_FAST).oparg(0),
                    TraceOp::new(_LOAD_FAST).oparg(1),
                    TraceOp::new(_COMPARE_OP_INT).oparg(code as u32),
                    TraceOp::new(_STORE_FAST).oparg(2),
                ],
                &[Value::Int(a), Value::Int(b), Value::None],
            );
            assert!(slots[2].is(Value::Bool(expect(a as f64, b as f64))), "{a} {name} {b}: {:?}", slots[2]);
        }
        for (a, b) in [(1.5f64, 2.5f64), (2.5, 2.5), (f64::NAN, 1.0), (1.0, f64::NAN)] {
            let slots = run_straight(
                vec![
                    TraceOp::new(_LOAD_FAST).oparg(0),
                    TraceOp::new(_LOAD_FAST).oparg(1),
                    TraceOp::new(_COMPARE_OP_FLOAT).oparg(code as u32),
                    TraceOp::new(_STORE_FAST).oparg(2),
                ],
                &[Value::Float(a), Value::Float(b), Value::None],
            );
            assert!(slots[2].is(Value::Bool(expect(a, b))), "{a} {name} {b}: {:?}", slots[2]);
        }
    }
}

#[test]
fn oparg_zero_and_large_opargs_reach_the_stencil() {
    // _IS_OP with oparg 0 (`is`) and 1 (`is not`); _LOAD_FAST of local 0 and of a far local.
    for (oparg, expect) in [(0, true), (1, false)] {
        let slots = run_straight(
            vec![
                TraceOp::new(_LOAD_FAST).oparg(0),
                TraceOp::new(_LOAD_FAST).oparg(0),
                TraceOp::new(_IS_OP).oparg(oparg),
                TraceOp::new(_STORE_FAST).oparg(1),
            ],
            &[Value::None, Value::Null],
        );
        assert!(slots[1].is(Value::Bool(expect)), "is_op {oparg}: {:?}", slots[1]);
    }
    let mut locals = vec![Value::Null; 40];
    locals[37] = Value::Int(37);
    let slots = run_straight(vec![TraceOp::new(_LOAD_FAST).oparg(37), TraceOp::new(_STORE_FAST).oparg(0)], &locals);
    assert!(slots[0].is(Value::Int(37)));
}

/// `while i < n: i = i + step` with both locals unboxed (as the optimizer leaves it): their tags
/// checked in the preamble, then payloads alone.
fn unboxed_counting_loop(step: i64, gc_flag: &bool) -> Trace {
    let mut t = Trace { kind: crate::jit::ir::TraceKind::Loop, loop_start: 2, ..Trace::default() };
    let done = t.add_exit(ExitPoint::guard(10));
    let slow = t.add_exit(ExitPoint::guard(20));
    let gc = t.add_exit(ExitPoint::guard(30));
    let load = |k| TraceOp::new(_LOAD_FAST_UNBOXED).oparg(k).operands(TAG_INT, 0);
    t.ops = vec![
        TraceOp::new(_GUARD_FAST_TAG).oparg(0).operands(TAG_INT, 0).exit(slow),
        TraceOp::new(_GUARD_FAST_TAG).oparg(1).operands(TAG_INT, 0).exit(slow),
        load(0),
        load(1),
        TraceOp::new(_GUARD_COMPARE_INT_LT).exit(done),
        load(0),
        TraceOp::new(_LOAD_CONST_INLINE).operands(TAG_INT, step as u64),
        TraceOp::new(_BINARY_OP_ADD_INT).exit(slow),
        TraceOp::new(_STORE_FAST_UNBOXED).oparg(0),
        TraceOp::new(_JUMP_TO_TOP).operands(gc_flag as *const bool as u64, 0).exit(gc),
    ];
    t
}

#[test]
fn unboxed_locals_in_registers_are_written_back_by_every_exit() {
    let regs = regs::max_regs(stencils::host()).min(2);
    for caching in [true, false] {
        let flag = false;
        let mut arena = CodeArena::new();
        let trace = unboxed_counting_loop(1, &flag);
        let compiled = compile(&trace, stencils::host(), caching, &mut arena, &no_helpers).unwrap();
        // i (three uses) and n (one) each get a register where the stencils have room; the
        // loop's uops all pass the registers on, so nothing is written back inside it.
        assert_eq!(compiled.reg_slots, [0, 1][..regs]);
        assert!(compiled.reg_moves.iter().all(|m| m.at_head), "{:?}", compiled.reg_moves);
        // The loop ends by the comparison's exit, with i in a register: the exit writes it back.
        let (left, slots, depth) = run(&compiled, &[Value::Int(0), Value::Int(1000)]);
        assert_eq!(left, Left::Exit(ExitId(0)));
        assert_is(&slots[0..2], &[Value::Int(1000), Value::Int(1000)]);
        assert_eq!(depth, 2);
        assert_is(&slots[2..4], &[Value::Int(1000), Value::Int(1000)]);
        // An add that overflows leaves with the last value stored, which only the register had.
        let trace = unboxed_counting_loop(i64::MAX / 3, &flag);
        let compiled = compile(&trace, stencils::host(), caching, &mut arena, &no_helpers).unwrap();
        let (left, slots, _) = run(&compiled, &[Value::Int(0), Value::Int(i64::MAX)]);
        assert_eq!(left, Left::Exit(ExitId(1)));
        assert_is(&slots[0..1], &[Value::Int(i64::MAX / 3 * 3)]);
        // The collector's flag stops the loop at its back-edge, after one iteration's store.
        let set = true;
        let trace = unboxed_counting_loop(5, &set);
        let compiled = compile(&trace, stencils::host(), caching, &mut arena, &no_helpers).unwrap();
        let (left, slots, _) = run(&compiled, &[Value::Int(0), Value::Int(100)]);
        assert_eq!(left, Left::Exit(ExitId(2)));
        assert_is(&slots[0..1], &[Value::Int(5)]);
    }
}
