//! Recorder tests: a program in, the traces the recorder made out (`--dump=rec`), with the
//! numbers that vary between runs (addresses, versions) masked.

use std::sync::{Arc, Mutex};

use crate::cli::{run_source, JitConfig};
use crate::jit::engine::Options;

/// Runs `source` with the JIT at `threshold` and returns every trace as recorded, with
/// addresses (hex of nine digits or more) and dict versions and epochs masked.
fn recorded(source: &str, threshold: u32) -> String {
    let log = Arc::new(Mutex::new(String::new()));
    let options = Options { dump_recorded: true, log: Some(log.clone()), ..Options::default() };
    let status = run_source(source, "<test>", vec![], &JitConfig { enabled: true, threshold, options });
    assert_eq!(status, 0);
    let text = log.lock().expect("the log").clone();
    mask(&text)
}

fn mask(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut words: Vec<String> = Vec::new();
        let mut masked_next = false;
        for word in line.split(' ') {
            let hex = word.trim_end_matches(',').strip_prefix("0x");
            let w = if hex.is_some_and(|h| h.len() >= 9) {
                word.replacen(word.trim_end_matches(','), "0x<addr>", 1)
            } else if masked_next && word.trim_end_matches(',').parse::<u64>().is_ok() {
                word.replacen(word.trim_end_matches(','), "<n>", 1)
            } else {
                word.to_string()
            };
            masked_next = matches!(word, "version," | "epoch,") || word.starts_with("shape");
            words.push(w);
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// The lines of the first trace's body (after `-- loop --`, or all of it).
fn body(dump: &str) -> Vec<String> {
    let first: Vec<&str> = dump.split("\n\n").next().unwrap_or("").lines().skip(1).collect();
    let from = first.iter().position(|l| l.contains("-- loop --")).map_or(0, |i| i + 1);
    first[from..].iter().map(|l| l.trim_end().to_string()).collect()
}

#[track_caller]
fn assert_body(source: &str, expected: &str) {
    let dump = recorded(source, 2);
    let expected: Vec<String> = expected.lines().skip(1).map(|l| l.trim_end().to_string()).collect();
    assert_eq!(body(&dump), expected, "\n{dump}");
}

#[test]
fn an_int_loop_becomes_guards_and_int_uops() {
    assert_body(
        "def f(n):\n    t = 0\n    for i in range(n):\n        t += i * 3\n    return t\nprint(f(10))\n",
        r"
      ; line 3 @12 FOR_ITER (to 28)
   2  _FOR_ITER_RANGE               -> exit 0 (@12)
      ; line 3 @14 STORE_FAST_LOAD_FAST (i, t)
   3  _STORE_FAST                  slot 2 (i)
   4  _LOAD_FAST                   slot 1 (t)
      ; line 4 @16 LOAD_FAST (i)
   5  _LOAD_FAST                   slot 2 (i)
      ; line 4 @18 LOAD_CONST (3)
   6  _LOAD_CONST_INLINE           int 3
      ; line 4 @20 BINARY_OP (*)
   7  _BINARY_OP_MULTIPLY_INT       -> exit 1 (@20)
      ; line 4 @22 BINARY_OP (+=)
   8  _GUARD_NOS_INT                -> exit 2 (@22)
   9  _BINARY_OP_ADD_INT            -> exit 2 (@22)
      ; line 4 @24 STORE_FAST (t)
  10  _STORE_FAST                  slot 1 (t)
      ; line 4 @26 JUMP_BACKWARD (to 12)
  11  _JUMP_TO_TOP                 the collector's flag  -> exit 3 (@26)",
    );
}

#[test]
fn a_float_comparison_guards_both_operands_and_the_branch_its_direction() {
    assert_body(
        "def f(n):\n    x = 0.0\n    k = 0\n    while x < n:\n        x += 0.5\n        k += 1\n    return k\nprint(f(5.0))\n",
        r"
      ; line 4 @8 LOAD_FAST_LOAD_FAST (x, n)
   6  _LOAD_FAST                   slot 1 (x)
   7  _LOAD_FAST                   slot 0 (n)
      ; line 4 @10 COMPARE_OP (<)
   8  _GUARD_NOS_FLOAT              -> exit 0 (@10)
   9  _GUARD_TOS_FLOAT              -> exit 0 (@10)
  10  _COMPARE_OP_FLOAT            <
      ; line 4 @12 POP_JUMP_IF_FALSE (to 30)
  11  _GUARD_IS_TRUE_POP            -> exit 1 (@12)
      ; line 5 @14 LOAD_FAST (x)
  12  _LOAD_FAST                   slot 1 (x)
      ; line 5 @16 LOAD_CONST (0.5)
  13  _LOAD_CONST_INLINE           float 0.5
      ; line 5 @18 BINARY_OP (+=)
  14  _GUARD_NOS_FLOAT              -> exit 2 (@18)
  15  _BINARY_OP_ADD_FLOAT
      ; line 5 @20 STORE_FAST_LOAD_FAST (x, k)
  16  _STORE_FAST                  slot 1 (x)
  17  _LOAD_FAST                   slot 2 (k)
      ; line 6 @22 LOAD_CONST (1)
  18  _LOAD_CONST_INLINE           int 1
      ; line 6 @24 BINARY_OP (+=)
  19  _GUARD_NOS_INT                -> exit 3 (@24)
  20  _BINARY_OP_ADD_INT            -> exit 3 (@24)
      ; line 6 @26 STORE_FAST (k)
  21  _STORE_FAST                  slot 2 (k)
      ; line 6 @28 JUMP_BACKWARD (to 8)
  22  _JUMP_TO_TOP                 the collector's flag  -> exit 4 (@28)",
    );
}

#[test]
fn an_attribute_is_a_shape_guard_and_a_slot_load() {
    let dump = recorded(
        "class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\ndef f(p, n):\n    t = 0\n    for i in range(n):\n        t += p.y\n    return t\nprint(f(P(), 10))\n",
        2,
    );
    let lines = body(&dump);
    let at = lines.iter().position(|l| l.contains("LOAD_ATTR (y)")).expect("the attribute load");
    assert!(lines[at + 1].contains("_GUARD_TYPE_VERSION          shape <n> of P"), "{dump}");
    assert!(lines[at + 2].contains("_GUARD_CLASS_EPOCH           the class epoch, <n>"), "{dump}");
    // The slot is the second one (y), and an empty slot exits.
    assert!(lines[at + 3].contains("_LOAD_ATTR_INSTANCE_VALUE    1  -> exit"), "{dump}");
}

#[test]
fn a_call_is_followed_into_the_callee_frame() {
    let dump = recorded("def sq(x):\n    return x * x\ndef f(n):\n    t = 0\n    for i in range(n):\n        t += sq(i)\n    return t\nprint(f(10))\n", 2);
    let lines = body(&dump).join("\n");
    for needle in [
        "_GUARD_GLOBALS_VERSION       the globals' version, <n>",
        "_CHECK_FUNCTION              1, function sq",
        "_PUSH_FRAME                  1, 0x<addr>",
        "      . ; sq line 2 @0 LOAD_FAST_LOAD_FAST (x, x)",
        "_BINARY_OP_MULTIPLY_INT       -> exit",
        "_POP_FRAME",
    ] {
        assert!(lines.contains(needle), "{needle:?} missing:\n{dump}");
    }
    // The product of two ints is known to be an int: the add after the return guards only t.
    let after_return = &lines[lines.find("_POP_FRAME").expect("a return")..];
    assert!(!after_return.contains("_GUARD_TOS_INT"), "{dump}");
}

#[test]
fn bytecodes_without_a_specialization_run_through_the_runtime() {
    // String concatenation and f-strings have no specialized uop: the generic uops call the
    // runtime's operation for the bytecode. A set display has none: the trace runs the bytecode
    // through the interpreter.
    let dump = recorded(
        "def f(n):\n    s = ''\n    for i in range(n):\n        s = s + 'a'\n        t = f'{i!r:>3}'\n        u = {i, 1}\n    return len(s)\nprint(f(10))\n",
        1,
    );
    assert!(dump.contains("      ; line 4 @18 BINARY_OP (+)\n   6  _BINARY_OP                   +, @18\n"), "{dump}");
    assert!(dump.contains("_FORMAT_WITH_SPEC            repr, with format, @"), "{dump}");
    assert!(dump.contains("BUILD_SET\n") && dump.contains("_EXECUTE_BYTECODE            @"), "{dump}");
    // (A string constant is an object, named by its address.)
    assert!(dump.contains("_LOAD_CONST_INLINE           object 0x<addr>"), "{dump}");
}

#[test]
fn a_slice_of_a_list_makes_no_slice_object() {
    // BUILD_SLICE followed by the list's subscript is one uop that slices with the bounds on the
    // stack (its exit goes back to the BUILD_SLICE); the subscript adds nothing (the listing
    // shows no heading for it).
    let dump = recorded(
        "def f(xs, n):\n    t = 0\n    for i in range(n):\n        t += len(xs[1:i])\n        xs[:2] = xs[1::-1]\n    return t\nprint(f(list(range(9)), 10))\n",
        1,
    );
    for needle in [
        "; line 4 @24 BUILD_SLICE\n  14  _BINARY_SLICE_LIST           2  -> exit 2 (@24)\n      ; line 4 @28 CALL\n",
        "_BINARY_SLICE_LIST           3  -> exit",
        "; line 5 @50 BUILD_SLICE\n  27  _STORE_SLICE_LIST            2  -> exit 6 (@50)\n      ; line 5 @54 JUMP_BACKWARD",
    ] {
        assert!(dump.contains(needle), "{needle:?} missing:\n{dump}");
    }
    assert!(!dump.contains("_BUILD_SLICE") && !dump.contains("_SUBSCR_LIST_SLICE"), "{dump}");
}

#[test]
fn a_math_function_of_a_float_and_len_are_one_uop() {
    // `sqrt(x)` of a float and `len(s)` of a str: guarded on the function object and the
    // argument, computed in place of the three call slots; `float(i)` (a class) still goes
    // through the runtime.
    let dump = recorded(
        "from math import sqrt\ndef f(n):\n    t = 0.0\n    for i in range(n):\n        t += sqrt(i * 0.5) + float(i) + len('ab' * i)\n    return t\nprint(f(10))\n",
        1,
    );
    assert!(dump.contains("_CALL_MATH1                  0, function sqrt  -> exit"), "{dump}");
    assert!(dump.contains("_CALL_LEN                    function len  -> exit"), "{dump}");
    assert!(dump.contains("_CALL                        1, @"), "{dump}");
}

#[test]
fn appending_to_a_list_is_one_uop() {
    // `xs.append(v)` on a list: one uop guarded on the method and the list; on a list subclass's
    // instance (whose append may be overridden elsewhere) the call goes through the runtime.
    let dump = recorded(
        "class L(list):\n    pass\ndef f(n):\n    xs = []\n    ys = L()\n    for i in range(n):\n        xs.append(i)\n        ys.append(i)\n    return len(xs) + len(ys)\nprint(f(10))\n",
        1,
    );
    assert_eq!(dump.matches("_CALL_LIST_APPEND").count(), 1, "{dump}");
    assert!(dump.contains("_CALL                        1, @"), "{dump}");
}
