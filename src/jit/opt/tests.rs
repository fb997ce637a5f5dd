//! Tests of the passes: a trace in, the pass's listing out (snapshots written inline), and the
//! pipeline's invariants.

use super::*;
use crate::jit::ir::print::{listing, Plain};
use crate::jit::ir::uops::Uop::{self, *};
use crate::jit::ir::{ExitId, ExitPoint, Trace, TraceKind, TraceOp};
use crate::runtime::value::tag;

/// A uop; guards get an exit each (at their position), as the recorder gives them.
fn op(uop: Uop) -> TraceOp {
    TraceOp::new(uop)
}

fn int(v: i64) -> TraceOp {
    op(_LOAD_CONST_INLINE).operands(tag::INT, v as u64)
}

fn float(v: f64) -> TraceOp {
    op(_LOAD_CONST_INLINE).operands(tag::FLOAT, v.to_bits())
}

fn load(k: u32) -> TraceOp {
    op(_LOAD_FAST).oparg(k)
}

fn store(k: u32) -> TraceOp {
    op(_STORE_FAST).oparg(k)
}

/// A trace of `kind` made of `preamble` then `body`; every uop that can exit gets its own exit.
fn trace(kind: TraceKind, preamble: &[TraceOp], body: &[TraceOp]) -> Trace {
    let mut t = Trace { kind, header: 0, loop_start: preamble.len(), ..Trace::default() };
    for (i, o) in preamble.iter().chain(body).enumerate() {
        let mut o = *o;
        if o.uop.info().exits != crate::jit::ir::uops::Exits::Never && o.exit.is_none() {
            o.exit = Some(t.add_exit(ExitPoint::guard(i as u32)));
        }
        t.ops.push(o);
    }
    t
}

/// A loop: the body and the back-edge.
fn looping(preamble: &[TraceOp], body: &[TraceOp]) -> Trace {
    let mut body = body.to_vec();
    body.push(op(_JUMP_TO_TOP));
    trace(TraceKind::Loop, preamble, &body)
}

/// A straight trace that leaves at its end (a side trace).
fn straight(body: &[TraceOp]) -> Trace {
    let mut body = body.to_vec();
    body.push(op(_DEOPT));
    trace(TraceKind::Side, &[], &body)
}

fn cx() -> Context<'static> {
    Context::new(&[], None)
}

/// Runs one pass; returns its listing and its (removed, added).
fn pass(run: Pass, t: &Trace) -> (String, (usize, usize)) {
    let rewrite = run(t, &cx());
    let (removed, added, _) = rewrite.counts(t);
    let counts = (removed, added);
    let out = rewrite.apply(t);
    assert_eq!(out.validate(), Ok(()));
    (listing(&out, &Plain), counts)
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(|l| l.trim_end().to_string()).collect()
}

#[track_caller]
fn assert_listing(actual: &str, expected: &str) {
    let expected: Vec<String> = expected.lines().skip(1).map(|l| l.trim_end().to_string()).collect();
    assert_eq!(lines(actual), expected, "\nactual:\n{actual}");
}

/// `while i < n: acc += x * x * dx; x += dx; i += 1` as the recorder makes it (locals: n 0,
/// dx 1, i 2, x 3, acc 4).
fn float_loop() -> Trace {
    let check = |k| [op(_LOAD_FAST_CHECK).oparg(k), op(_POP_TOP)];
    let preamble: Vec<TraceOp> = [2, 0, 4, 3, 1].into_iter().flat_map(check).collect();
    looping(
        &preamble,
        &[
            load(2),
            load(0),
            op(_GUARD_NOS_INT),
            op(_GUARD_TOS_INT),
            op(_COMPARE_OP_INT),
            op(_GUARD_IS_TRUE_POP),
            load(4),
            load(3),
            load(3),
            op(_GUARD_NOS_FLOAT),
            op(_GUARD_TOS_FLOAT),
            op(_BINARY_OP_MULTIPLY_FLOAT),
            load(1),
            op(_GUARD_TOS_FLOAT),
            op(_BINARY_OP_MULTIPLY_FLOAT),
            op(_GUARD_NOS_FLOAT),
            op(_BINARY_OP_ADD_FLOAT),
            store(4),
            load(3),
            load(1),
            op(_GUARD_NOS_FLOAT),
            op(_GUARD_TOS_FLOAT),
            op(_BINARY_OP_ADD_FLOAT),
            store(3),
            load(2),
            int(1),
            op(_GUARD_NOS_INT),
            op(_BINARY_OP_ADD_INT),
            store(2),
        ],
    )
}

#[test]
fn guards_of_a_float_loop_move_to_the_preamble() {
    let (out, counts) = pass(guards::run, &float_loop());
    assert_listing(
        &out,
        r"
   0  _GUARD_FAST_TAG              slot 2, int  -> exit 17 (@0)
   1  _GUARD_FAST_TAG              slot 0, int  -> exit 17 (@0)
   2  _GUARD_FAST_TAG              slot 4, float  -> exit 17 (@0)
   3  _GUARD_FAST_TAG              slot 3, float  -> exit 17 (@0)
   4  _GUARD_FAST_TAG              slot 1, float  -> exit 17 (@0)
      -- loop --
   5  _LOAD_FAST                   slot 2
   6  _LOAD_FAST                   slot 0
   7  _COMPARE_OP_INT              <
   8  _GUARD_IS_TRUE_POP            -> exit 7 (@30)
   9  _LOAD_FAST                   slot 4
  10  _LOAD_FAST                   slot 3
  11  _LOAD_FAST                   slot 3
  12  _BINARY_OP_MULTIPLY_FLOAT
  13  _LOAD_FAST                   slot 1
  14  _BINARY_OP_MULTIPLY_FLOAT
  15  _BINARY_OP_ADD_FLOAT
  16  _STORE_FAST                  slot 4
  17  _LOAD_FAST                   slot 3
  18  _LOAD_FAST                   slot 1
  19  _BINARY_OP_ADD_FLOAT
  20  _STORE_FAST                  slot 3
  21  _LOAD_FAST                   slot 2
  22  _LOAD_CONST_INLINE           int 1
  23  _BINARY_OP_ADD_INT            -> exit 15 (@74)
  24  _STORE_FAST                  slot 2
  25  _JUMP_TO_TOP                 0x0  -> exit 16 (@78)",
    );
    // Nine guards in the body go; each boundness check of the preamble (a load and a pop)
    // becomes one check of the local's type.
    assert_eq!(counts, (14, 0));
}

#[test]
fn a_value_guarded_once_is_not_guarded_again() {
    // x * x in a straight trace: the guard on the first use proves the second.
    let t = straight(&[load(3), load(3), op(_GUARD_NOS_FLOAT), op(_GUARD_TOS_FLOAT), op(_BINARY_OP_MULTIPLY_FLOAT)]);
    let (out, counts) = pass(guards::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 3
   1  _LOAD_FAST                   slot 3
   2  _GUARD_NOS_FLOAT              -> exit 0 (@4)
   3  _BINARY_OP_MULTIPLY_FLOAT
   4  _DEOPT                        -> exit 2 (@10)",
    );
    assert_eq!(counts, (1, 0));
}

#[test]
fn results_carry_their_type() {
    // (a + b) * 2.0: the sum of two guarded floats is a float.
    let t = straight(&[
        load(0),
        load(1),
        op(_GUARD_BOTH_FLOAT),
        op(_BINARY_OP_ADD_FLOAT),
        float(2.0),
        op(_GUARD_BOTH_FLOAT),
        op(_BINARY_OP_MULTIPLY_FLOAT),
    ]);
    let (out, _) = pass(guards::run, &t);
    assert!(!out.lines().skip(3).any(|l| l.contains("_GUARD")), "{out}");
}

#[test]
fn a_guard_half_known_narrows_to_the_other_half() {
    let t = straight(&[load(0), int(1), op(_GUARD_BOTH_INT), op(_BINARY_OP_ADD_INT)]);
    let (out, _) = pass(guards::run, &t);
    assert!(out.contains("_GUARD_NOS_INT"), "{out}");
    assert!(!out.contains("_GUARD_BOTH_INT"), "{out}");
}

#[test]
fn a_call_forgets_versions_and_shapes() {
    let epoch = |_| op(_GUARD_CLASS_EPOCH).operands(0x1000, 7);
    let shape = op(_GUARD_TYPE_VERSION).operands(0x2000, 0);
    let t = straight(&[
        load(0),
        shape,
        epoch(()),
        op(_POP_TOP),
        load(0),
        shape,
        epoch(()),
        op(_POP_TOP),
        op(_PUSH_NULL),
        op(_PUSH_NULL),
        op(_CALL).oparg(0),
        op(_POP_TOP),
        load(0),
        shape,
        epoch(()),
        op(_POP_TOP),
    ]);
    let (out, counts) = pass(guards::run, &t);
    // The second shape and epoch checks go; after the call both are checked again.
    assert_eq!(counts, (2, 0), "{out}");
    assert_eq!(out.matches("_GUARD_TYPE_VERSION").count(), 2, "{out}");
    assert_eq!(out.matches("_GUARD_CLASS_EPOCH").count(), 2, "{out}");
}

#[test]
fn a_method_load_names_its_callee() {
    // self.m(): the method load pushes function 0x3000, so the call's check goes.
    let t = straight(&[
        load(0),
        op(_GUARD_TYPE_VERSION).operands(0x2000, 0),
        op(_LOAD_ATTR_METHOD_WITH_VALUES).operands(0x3000, 0),
        op(_CHECK_FUNCTION).oparg(0).operands(0x3000, 0),
        op(_CHECK_FUNCTION).oparg(0).operands(0x4000, 0),
    ]);
    let (out, counts) = pass(guards::run, &t);
    assert_eq!(counts, (1, 0), "{out}");
    // (A check for another function stays: it would fail, and the exit handles it.)
    assert!(out.contains("_CHECK_FUNCTION              0, 0x4000"), "{out}");
}

#[test]
fn a_local_that_changes_type_keeps_its_guard() {
    // i is guarded int at the top but the body stores a float into it: nothing is assumed.
    let t = looping(&[], &[load(2), op(_GUARD_TOS_INT), op(_POP_TOP), float(0.5), store(2)]);
    let (out, counts) = pass(guards::run, &t);
    assert_eq!(counts, (0, 0), "{out}");
}

#[test]
fn checks_outside_the_loop_frame_are_not_hoisted() {
    // A guard on a callee's local (level 1) is not a fact about the loop's frame.
    let mut callee_load = load(0);
    callee_load.level = 1;
    let mut guard = op(_GUARD_TOS_INT);
    guard.level = 1;
    let t = looping(&[], &[callee_load, guard, op(_POP_TOP)]);
    let (_, counts) = pass(guards::run, &t);
    assert_eq!(counts, (0, 0));
}

#[test]
fn continuations_start_knowing_nothing() {
    // A function trace with a continuation at uop 4: the guard after it stays.
    let mut t = trace(
        TraceKind::Function,
        &[],
        &[load(0), op(_GUARD_TOS_INT), op(_POP_TOP), op(_DEOPT), load(0), op(_GUARD_TOS_INT), op(_POP_TOP), op(_DEOPT)],
    );
    t.continuations = vec![(4, 9)];
    let (out, counts) = pass(guards::run, &t);
    assert_eq!(counts, (0, 0), "{out}");
}

#[test]
fn constants_fold_where_the_result_is_exact() {
    let t = straight(&[int(2), int(3), op(_BINARY_OP_MULTIPLY_INT), store(0)]);
    let (out, counts) = pass(fold::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_CONST_INLINE           int 6
   1  _STORE_FAST                  slot 0
   2  _DEOPT                        -> exit 1 (@8)",
    );
    assert_eq!(counts, (2, 0));
    // An overflow stays for the uop to exit on (Python makes a big int).
    let t = straight(&[int(i64::MAX), int(1), op(_BINARY_OP_ADD_INT), store(0)]);
    let (_, counts) = pass(fold::run, &t);
    assert_eq!(counts, (0, 0));
    // Floats fold as IEEE arithmetic; comparisons to bools; a branch on a true constant goes.
    let t = straight(&[float(0.1), float(0.2), op(_BINARY_OP_ADD_FLOAT), store(0)]);
    let (out, _) = pass(fold::run, &t);
    assert!(out.contains("float 0.30000000000000004"), "{out}");
    let t = straight(&[int(1), int(2), op(_COMPARE_OP_INT).oparg(0), op(_GUARD_IS_TRUE_POP)]);
    let (out, counts) = pass(fold::run, &t);
    assert_eq!(counts, (4, 0), "{out}");
    // A branch on a false constant always exits: it stays.
    let t = straight(&[int(3), int(2), op(_COMPARE_OP_INT).oparg(0), op(_GUARD_IS_TRUE_POP)]);
    let (out, _) = pass(fold::run, &t);
    assert!(out.contains("False") && out.contains("_GUARD_IS_TRUE_POP"), "{out}");
}

#[test]
fn folding_stops_at_entry_points() {
    // The second constant is loaded after the loop head: the add may not use the first.
    let t = looping(&[int(2)], &[int(3), op(_BINARY_OP_ADD_INT), op(_POP_TOP)]);
    let (_, counts) = pass(fold::run, &t);
    assert_eq!(counts, (0, 0));
}

#[test]
fn a_store_read_back_stays_on_the_stack() {
    let t = straight(&[load(0), store(1), load(1), op(_GUARD_TOS_INT), op(_POP_TOP)]);
    let (out, counts) = pass(forward::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 0
   1  _STORE_FAST_KEEP             slot 1
   2  _GUARD_TOS_INT                -> exit 0 (@6)
   3  _POP_TOP
   4  _DEOPT                        -> exit 1 (@10)",
    );
    assert_eq!(counts, (1, 0));
    // x = x: nothing.
    let t = straight(&[load(0), store(0)]);
    let (_, counts) = pass(forward::run, &t);
    assert_eq!(counts, (2, 0));
}

#[test]
fn dead_values_go_with_what_made_them() {
    // (a * b) + c computed and dropped: every uop goes.
    let t =
        straight(&[load(0), load(1), op(_BINARY_OP_MULTIPLY_FLOAT), load(2), op(_BINARY_OP_ADD_FLOAT), op(_POP_TOP)]);
    let (out, counts) = pass(dce::run, &t);
    assert_listing(
        &out,
        r"
   0  _DEOPT                        -> exit 0 (@12)",
    );
    assert_eq!(counts, (6, 0));
    // A value that was checked keeps its check (and the load the check needs).
    let t = straight(&[load(0), op(_GUARD_TOS_INT), op(_POP_TOP)]);
    let (_, counts) = pass(dce::run, &t);
    assert_eq!(counts, (0, 0));
    // A kept store whose copy is dropped is a plain store.
    let t = straight(&[load(0), op(_STORE_FAST_KEEP).oparg(1), op(_POP_TOP)]);
    let (out, _) = pass(dce::run, &t);
    assert!(out.contains("_STORE_FAST                  slot 1") && !out.contains("KEEP"), "{out}");
}

#[test]
fn rewrites_keep_entry_points_in_place() {
    let mut t = trace(
        TraceKind::Function,
        &[],
        &[load(0), op(_POP_TOP), op(_DEOPT), load(1), op(_POP_TOP), load(2), op(_DEOPT)],
    );
    t.continuations = vec![(3, 7)];
    let (out, _) = pass(dce::run, &t);
    let optimized = {
        let rewrite = dce::run(&t, &cx());
        rewrite.apply(&t)
    };
    // Uop 3 (the continuation) was dropped: the continuation is the next uop that stayed.
    assert_eq!(optimized.continuations, vec![(1, 7)], "{out}");
    assert_eq!(optimized.ops[1].uop, _LOAD_FAST);
}

#[test]
fn the_pipeline_keeps_exits_and_reports_each_pass() {
    let t = float_loop();
    let (out, reports) = optimize(&t, &cx());
    assert_eq!(out.validate(), Ok(()));
    // Exits are never renumbered: the recorded ones keep their ids and meaning; the guards pass
    // adds one, at the loop header, for the checks it moved to the preamble, and fuse a copy of
    // the loop condition's branch exit that restores the comparison's bool first.
    assert_eq!(out.exits[..t.exits.len()], t.exits[..]);
    assert_eq!(out.exits.len(), t.exits.len() + 2);
    assert_eq!(out.exits[t.exits.len()], ExitPoint::guard(t.header));
    let fused = out.exits[t.exits.len() + 1];
    assert_eq!(out.restore_ops(ExitId(t.exits.len() as u32 + 1))[0].uop, _COMPARE_OP_INT);
    assert_eq!(
        ExitPoint { restore: None, ..fused },
        t.exits
            [t.ops.iter().position(|o| o.uop == _GUARD_IS_TRUE_POP).map(|i| t.ops[i].exit.unwrap().index()).unwrap()]
    );
    let names: Vec<&str> = reports.iter().map(|r| r.pass).collect();
    assert_eq!(names, ["fold", "guards", "virtuals", "forward", "dce", "fuse", "unbox"]);
    assert_eq!(reports[1].to_string(), "guards: removed 14 uops, rewrote 5");
    assert!(reports[6].to_string().starts_with("unbox: rewrote "), "{}", reports[6]);
    // Every uop of the result that exits names one of the trace's exits, unchanged.
    for op in &out.ops {
        if let Some(ExitId(e)) = op.exit {
            assert!((e as usize) < out.exits.len());
        }
    }
}

#[test]
fn a_side_trace_starts_with_what_its_parent_knew_at_the_exit() {
    // The parent's loop: i from a range iterator (an int), then a branch on i % 3 == 0.
    let parent = looping(
        &[],
        &[
            op(_FOR_ITER_RANGE),
            op(_STORE_FAST_KEEP).oparg(2),
            int(3),
            op(_BINARY_OP_MODULO_INT),
            int(0),
            op(_COMPARE_OP_INT).oparg(2),
            op(_GUARD_IS_FALSE_POP),
        ],
    );
    let cx = cx();
    let _ = guards::run(&parent, &cx);
    let states = cx.exit_states.take();
    let branch = parent.ops.iter().find(|o| o.uop == _GUARD_IS_FALSE_POP).and_then(|o| o.exit).expect("an exit");
    let at_branch = states[branch.index()].clone().expect("facts at the branch's exit");
    assert!(at_branch.locals.contains(&(2, facts::Facts::tagged(tag::INT))), "{at_branch:?}");
    assert_eq!(at_branch.stack.last().and_then(|f| f.tag), Some(tag::BOOL), "{at_branch:?}");
    // The side trace grown there: t += i guards only t.
    let side = straight(&[
        op(_LOAD_FAST_CHECK).oparg(2),
        op(_POP_TOP),
        op(_GUARD_IS_TRUE_POP),
        load(1),
        load(2),
        op(_GUARD_NOS_INT),
        op(_GUARD_TOS_INT),
        op(_BINARY_OP_ADD_INT),
        store(1),
    ]);
    let entry = Context::new(&[], Some(&at_branch));
    let rewrite = guards::run(&side, &entry);
    let out = listing(&rewrite.apply(&side), &Plain);
    assert!(!out.contains("_GUARD_TOS_INT"), "{out}");
    assert!(!out.contains("_LOAD_FAST_CHECK"), "{out}");
    assert!(out.contains("_GUARD_NOS_INT") && out.contains("_GUARD_IS_TRUE_POP"), "{out}");
    // Without the parent's facts, both guards stay.
    let out = listing(&guards::run(&side, &cx).apply(&side), &Plain);
    assert!(out.contains("_GUARD_TOS_INT"), "{out}");
}

#[test]
fn arguments_reach_the_callee_in_order() {
    // `f(i, x)` with `i` known to be an int and `x` not: in the callee, local 0 is `i` and the
    // guard on local 1 (`x`) stays. (The machine once took the arguments in reverse.)
    let call = |k: u32| op(_PUSH_FRAME).oparg(k);
    let t = straight(&[
        load(0),
        op(_GUARD_TOS_INT),
        store(0),
        op(_PUSH_NULL),
        op(_PUSH_NULL),
        load(0),
        load(1),
        call(2),
        load(0),
        op(_GUARD_TOS_INT),
        load(1),
        op(_GUARD_TOS_INT),
        op(_BINARY_OP_ADD_INT),
        op(_POP_FRAME),
    ]);
    let (out, _) = pass(guards::run, &t);
    let guards: Vec<&str> = out.lines().filter(|l| l.contains("_GUARD_TOS_INT")).collect();
    assert_eq!(guards.len(), 2, "the first argument's guard goes, the second's stays:\n{out}");
    assert!(out.lines().skip_while(|l| !l.contains("_PUSH_FRAME")).any(|l| l.contains("_GUARD_TOS_INT")), "{out}");
}

#[test]
fn a_tuple_taken_apart_is_never_built() {
    let t = straight(&[load(0), load(1), op(_BUILD_TUPLE).oparg(2), op(_UNPACK_SEQUENCE_TWO), store(2), store(3)]);
    let (out, counts) = pass(virtuals::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 0
   1  _LOAD_FAST                   slot 1
   2  _STORE_FAST                  slot 3
   3  _STORE_FAST                  slot 2
   4  _DEOPT                        -> exit 1 (@12)",
    );
    assert_eq!(counts, (3, 1));
}

#[test]
fn a_guard_while_a_tuple_is_virtual_allocates_it_on_the_way_out() {
    // `(a, b), c = (x, y), z * 2`: the multiplication can overflow while the tuple is pending.
    let t = straight(&[
        load(0),
        load(1),
        op(_BUILD_TUPLE).oparg(2),
        load(2),
        int(2),
        op(_BINARY_OP_MULTIPLY_INT),
        op(_SWAP).oparg(2),
        op(_UNPACK_SEQUENCE_TWO),
        store(3),
        store(4),
        store(5),
    ]);
    let (out, _) = pass(virtuals::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 0
   1  _LOAD_FAST                   slot 1
   2  _LOAD_FAST                   slot 2
   3  _LOAD_CONST_INLINE           int 2
   4  _BINARY_OP_MULTIPLY_INT       -> exit 3 (@10) after _MATERIALIZE_TUPLE 2, 2
   5  _SWAP                        3
   6  _SWAP                        2
   7  _STORE_FAST                  slot 4
   8  _STORE_FAST                  slot 3
   9  _STORE_FAST                  slot 5
  10  _DEOPT                        -> exit 2 (@22)",
    );
}

#[test]
fn a_tuple_that_escapes_is_built_where_it_was() {
    let t = straight(&[load(0), load(1), op(_BUILD_TUPLE).oparg(2), load(2), op(_GUARD_TOS_INT), store(3), store(4)]);
    let (out, counts) = pass(virtuals::run, &t);
    assert_eq!(counts, (0, 0), "{out}");
    // Taken apart on one path only, it still escapes on the other: the loop's end.
    let t = looping(&[], &[load(0), load(1), op(_BUILD_TUPLE).oparg(2), store(2)]);
    assert_eq!(pass(virtuals::run, &t).1, (0, 0));
}

#[test]
fn a_returned_tuple_crosses_the_frame_and_dies_with_pops() {
    let t = straight(&[
        load(0),
        load(1),
        op(_BUILD_TUPLE).oparg(2),
        op(_POP_FRAME),
        op(_UNPACK_SEQUENCE_TWO),
        store(0),
        op(_POP_TOP),
        load(1),
        load(2),
        load(3),
        op(_BUILD_TUPLE).oparg(3),
        op(_POP_TOP),
    ]);
    let (out, _) = pass(virtuals::run, &t);
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 0
   1  _LOAD_FAST                   slot 1
   2  _POP_FRAME_N                 2
   3  _SWAP                        2
   4  _STORE_FAST                  slot 0
   5  _POP_TOP
   6  _LOAD_FAST                   slot 1
   7  _LOAD_FAST                   slot 2
   8  _LOAD_FAST                   slot 3
   9  _POP_TOP
  10  _POP_TOP
  11  _POP_TOP
  12  _DEOPT                        -> exit 1 (@24)",
    );
}

#[test]
fn swaps_rearrange_any_permutation() {
    let at = op(_POP_TOP);
    for n in 1..=7usize {
        // Every rotation and the reversal of n slots.
        let mut targets: Vec<Vec<usize>> = (0..n).map(|r| (0..n).map(|j| (j + r) % n).collect()).collect();
        targets.push((0..n).rev().collect());
        for target in targets {
            let mut slots: Vec<usize> = (0..n).collect();
            for s in virtuals::swaps(n, &target, &at) {
                let (top, other) = (n - 1, n - s.oparg as usize);
                slots.swap(top, other);
            }
            assert_eq!(slots, target, "n = {n}");
        }
    }
}

#[test]
fn a_comparison_and_its_branch_are_one_guard() {
    let t = straight(&[
        load(0),
        load(1),
        op(_COMPARE_OP_INT).oparg(0),
        op(_GUARD_IS_FALSE_POP),
        load(2),
        float(0.5),
        op(_COMPARE_OP_FLOAT).oparg(4),
        op(_GUARD_IS_FALSE_POP),
        load(2),
        float(0.5),
        op(_COMPARE_OP_FLOAT).oparg(4),
        op(_GUARD_IS_TRUE_POP),
    ]);
    let (out, counts) = pass(fuse::run, &t);
    // Between ints "not <" is ">="; between floats it is not (NaN), so it keeps its own form.
    // Each fused guard leaves through a copy of the branch's exit that computes the bool first.
    assert_listing(
        &out,
        r"
   0  _LOAD_FAST                   slot 0
   1  _LOAD_FAST                   slot 1
   2  _GUARD_COMPARE_INT_GE         -> exit 4 (@6) after _COMPARE_OP_INT <
   3  _LOAD_FAST                   slot 2
   4  _LOAD_CONST_INLINE           float 0.5
   5  _GUARD_COMPARE_FLOAT_NOT_GT   -> exit 5 (@14) after _COMPARE_OP_FLOAT >
   6  _LOAD_FAST                   slot 2
   7  _LOAD_CONST_INLINE           float 0.5
   8  _GUARD_COMPARE_FLOAT_GT       -> exit 6 (@22) after _COMPARE_OP_FLOAT >
   9  _DEOPT                        -> exit 3 (@24)",
    );
    assert_eq!(counts, (3, 0));
}

#[test]
fn locals_whose_tag_the_loop_keeps_are_loaded_and_stored_unboxed() {
    // i (slot 0) and x (slot 1) are checked in the preamble and keep their tags: every access
    // in the body is unboxed. y (slot 2) is checked int, but the body stores a float into it,
    // so at the head nothing is known of it: its first load stays whole, the store that changes
    // its tag stays whole, and the load after it (a float now, known) is unboxed.
    let guard = |k, t| op(_GUARD_FAST_TAG).oparg(k).operands(t, 0);
    let t = looping(
        &[guard(0, tag::INT), guard(1, tag::FLOAT), guard(2, tag::INT)],
        &[
            load(0),
            int(1),
            op(_BINARY_OP_ADD_INT),
            store(0),
            load(1),
            float(0.5),
            op(_BINARY_OP_MULTIPLY_FLOAT),
            op(_STORE_FAST_KEEP).oparg(1),
            store(2),
            load(2),
            op(_POP_TOP),
            load(2),
            store(3),
        ],
    );
    let (out, counts) = pass(unbox::run, &t);
    assert_listing(
        &out,
        r"
   0  _GUARD_FAST_TAG              slot 0, int  -> exit 0 (@0)
   1  _GUARD_FAST_TAG              slot 1, float  -> exit 1 (@2)
   2  _GUARD_FAST_TAG              slot 2, int  -> exit 2 (@4)
      -- loop --
   3  _LOAD_FAST_UNBOXED           slot 0, int
   4  _LOAD_CONST_INLINE           int 1
   5  _BINARY_OP_ADD_INT            -> exit 3 (@10)
   6  _STORE_FAST_UNBOXED          slot 0
   7  _LOAD_FAST_UNBOXED           slot 1, float
   8  _LOAD_CONST_INLINE           float 0.5
   9  _BINARY_OP_MULTIPLY_FLOAT
  10  _STORE_FAST_KEEP_UNBOXED     slot 1
  11  _STORE_FAST                  slot 2
  12  _LOAD_FAST_UNBOXED           slot 2, float
  13  _POP_TOP
  14  _LOAD_FAST_UNBOXED           slot 2, float
  15  _STORE_FAST                  slot 3
  16  _JUMP_TO_TOP                 0x0  -> exit 4 (@32)",
    );
    assert_eq!(counts, (0, 0));
}

#[test]
fn a_local_is_unboxed_only_where_its_tag_is_proved() {
    // No preamble: the loop starts knowing nothing, and a guard in the body proves the tag
    // from there on. A bytecode the interpreter runs may rebind locals: nothing is known after.
    let t = looping(
        &[],
        &[
            load(0),
            op(_GUARD_TOS_INT),
            op(_POP_TOP),
            load(0),
            op(_EXECUTE_BYTECODE).operands(0, 0),
            load(0),
            op(_JUMP_TO_TOP),
        ],
    );
    let (out, _) = pass(unbox::run, &t);
    assert!(out.contains("   0  _LOAD_FAST                   slot 0\n"), "{out}");
    assert!(out.contains("   3  _LOAD_FAST_UNBOXED           slot 0, int\n"), "{out}");
    assert!(out.contains("   5  _LOAD_FAST                   slot 0\n"), "{out}");
}
