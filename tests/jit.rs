//! The JIT as a user sees it: loops really get compiled (stress mode is not a no-op), exits and
//! exceptions inside traces behave exactly as in the interpreter, W^X holds, and the
//! `--stats`/`--dump` views print what they promise.

mod common;

use std::time::Duration;

use common::*;

const LIMIT: Duration = Duration::from_secs(60);

/// Runs `source` saved as `name` (the same path for the same name, so that tracebacks compare
/// equal across runs). Tests run in parallel and share names: the file is written under a
/// unique temporary name and renamed into place, so a reader never sees it half-written.
fn run(name: &str, source: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("stitch-jit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = dir.join(format!("{name}.{n}.tmp"));
    std::fs::write(&temp, source).expect("write program");
    std::fs::rename(&temp, &path).expect("rename program into place");
    run_stitch_env(&path, args, env, LIMIT)
}

/// The number after `label` in `--stats` output.
fn stat(stderr: &str, label: &str) -> u64 {
    let line = stderr.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label:?} in:\n{stderr}"));
    line[label.len()..].split_whitespace().next().unwrap().parse().unwrap()
}

const LOOPS: &str = "\
def f(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * 2
        i += 1
    return total

def g(xs):
    s = 0.0
    for x in xs:
        s += x * 0.5
    return s

print(f(100000))
print(g([1, 2, 3.5] * 1000))
";

#[test]
fn hot_loops_are_compiled_and_entered() {
    for threshold in ["--jit-threshold=1", "--jit-threshold=200"] {
        let r = run("loops.py", LOOPS, &["--stats", threshold], &[]);
        assert_eq!(r.status, Some(0), "{}", r.stderr);
        assert_eq!(r.stdout, "9999900000\n3250.0\n");
        assert!(stat(&r.stderr, "traces compiled:") >= 2, "{}", r.stderr);
        assert!(r.stderr.contains("trace 0: f line 4"), "{}", r.stderr);
        // Top-of-stack caching: the loop's values start uops in registers.
        assert!(stat(&r.stderr, "stack in registers:") > 0, "{}", r.stderr);
    }
    let off = run("loops.py", LOOPS, &["--stats", "--jit-cache=off"], &[]);
    assert_eq!(off.stdout, "9999900000\n3250.0\n");
    assert!(off.stderr.contains("stack in registers:  off (--jit-cache=off)"), "{}", off.stderr);
}

#[test]
fn jit_off_compiles_nothing() {
    let r = run("loops.py", LOOPS, &["--jit=off", "--stats"], &[]);
    assert_eq!(r.status, Some(0));
    assert_eq!(r.stdout, "9999900000\n3250.0\n");
    assert!(!r.stderr.contains("traces compiled"), "{}", r.stderr);
}

#[test]
fn a_type_change_mid_loop_leaves_the_trace_and_the_answer_is_right() {
    let src = "\
def f(xs):
    t = 0
    for x in xs:
        t = t + x
    return t

print(f([1] * 500 + [0.5] * 500 + [2 ** 62] * 4))
";
    let on = run("mixed.py", src, &["--jit-threshold=1", "--stats"], &[]);
    let off = run("mixed.py", src, &["--jit=off"], &[]);
    assert_eq!(on.stdout, off.stdout);
    assert_eq!(on.stdout, "1.8446744073709552e+19\n");
    assert!(on.stderr.contains("taken"), "the type guard exit was taken: {}", on.stderr);
}

#[test]
fn exceptions_inside_traces_unwind_like_the_interpreter() {
    // d[i + 1000] runs through the interpreter from inside the trace (_EXECUTE_BYTECODE) and
    // raises KeyError at i == 99; the handler in the same function must see it, then the
    // uncaught second error must print the same traceback.
    let src = "\
def f():
    d = {}
    for i in range(200):
        d[i + 1000] = i
    total = 0
    for i in range(200):
        try:
            total += d[i + 1000 if i != 99 else i]
        except KeyError as e:
            print('caught', e)
    return total

print(f())
def g():
    d = {}
    for i in range(10):
        d[i] = i
    for i in range(100):
        x = d[i]
g()
";
    let on = run("exc.py", src, &["--jit-threshold=1"], &[]);
    let off = run("exc.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(1));
    assert_eq!((on.stdout.as_str(), on.stderr.as_str()), (off.stdout.as_str(), off.stderr.as_str()));
    assert!(on.stdout.starts_with("caught 99\n"), "{}", on.stdout);
    assert!(on.stderr.ends_with("KeyError: 10\n"), "{}", on.stderr);
    assert!(on.stderr.contains("line 19, in g"), "{}", on.stderr);
}

#[test]
fn no_mapping_is_ever_writable_and_executable() {
    // The engine checks /proc/self/maps after compiling each trace and on each trace's first
    // entry (exit status 70 if any mapping is W+X).
    let r = run("loops.py", LOOPS, &["--jit-threshold=1", "--stats"], &[("STITCH_CHECK_WX", "1")]);
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert!(stat(&r.stderr, "traces compiled:") >= 2, "{}", r.stderr);
}

#[test]
fn dump_asm_shows_each_uops_patched_machine_code() {
    let r = run("loops.py", LOOPS, &["--dump=asm"], &[]);
    assert_eq!(r.status, Some(0));
    assert!(r.stderr.contains("---- machine code of trace 0 at 0x"), "{}", r.stderr);
    // Every uop heads its instructions; patched holes are marked with what filled them.
    // The whole trace: the entry shim, every uop under its listing line, the exit stubs, and
    // which register holds what.
    for needle in [
        "registers at each stencil's entry",
        "_TRACE_ENTRY (called from Rust)",
        "_LOAD_FAST                   slot",
        // The variant top-of-stack caching chose, with operands in registers.
        "  [_GUARD_COMPARE_INT_LT_c",
        // The comparison the fused guard's exit restores, in front of the exit's stub.
        "_COMPARE_OP_INT for exit ",
        "top-of-stack cache (tag:payload",
        "; ← oparg",
        "_JUMP_TO_TOP",
        "_EXIT_TRACE for exit 0 (@",
        "_EXIT_TRACE for the error exit",
        "  data, trampolines and GOT: ",
    ] {
        assert!(r.stderr.contains(needle), "{needle:?} missing:\n{}", r.stderr);
    }
    // Guards jump to their exit stub (clang) or to their cold part, which jumps there (gcc).
    assert!(r.stderr.contains("; ← exit") || r.stderr.contains("; ← &cold"), "{}", r.stderr);
    // Without caching, every uop runs the stencil of its own name, on the stack in memory.
    let off = run("loops.py", LOOPS, &["--dump=asm", "--jit-cache=off"], &[]);
    assert_eq!(off.status, Some(0));
    assert!(off.stderr.contains("_GUARD_COMPARE_INT_LT         -> exit"), "{}", off.stderr);
    assert!(!off.stderr.contains("_c0]") && !off.stderr.contains("_SPILL_c"), "{}", off.stderr);
}

#[test]
fn dump_trace_shows_uops_guards_and_exits() {
    let r = run("loops.py", LOOPS, &["--dump=trace"], &[]);
    assert_eq!(r.status, Some(0));
    // As recorded, then as optimized, with what each pass removed.
    assert!(r.stderr.contains("---- trace 0: f line 4, loop at @"), "{}", r.stderr);
    assert!(r.stderr.contains(": recorded ("), "{}", r.stderr);
    assert!(r.stderr.contains(": optimized ("), "{}", r.stderr);
    assert!(r.stderr.contains("      ; guards: removed "), "{}", r.stderr);
    // Each stage on its own.
    let rec = run("loops.py", LOOPS, &["--dump=rec"], &[]);
    assert!(rec.stderr.contains(": recorded (") && !rec.stderr.contains(": optimized ("), "{}", rec.stderr);
    let opt = run("loops.py", LOOPS, &["--dump=opt"], &[]);
    assert!(opt.stderr.contains(": optimized (") && !opt.stderr.contains(": recorded ("), "{}", opt.stderr);
    let off = run("loops.py", LOOPS, &["--dump=opt", "--jit-opt=off"], &[]);
    assert!(off.stderr.contains(": not optimized (--jit-opt=off) ("), "{}", off.stderr);
    for needle in ["-- loop --", "_COMPARE_OP_INT", "_GUARD_IS_TRUE_POP", "-> exit", "_JUMP_TO_TOP"] {
        assert!(r.stderr.contains(needle), "{needle} missing:\n{}", r.stderr);
    }
}

#[test]
fn hot_exits_grow_side_traces_linked_through_data() {
    // The branch goes one way for the first iterations (recorded), then alternates: the
    // exit becomes hot, a side trace grows from it and links back to the loop, so the loop is
    // entered a handful of times instead of once per iteration.
    let src = "\
def f(n):
    a = 0
    b = 0
    i = 0
    while i < n:
        if i < 100 or i % 2 == 0:
            a += 1
        else:
            b += 1
        i += 1
    return a, b

print(f(100000))
";
    let r = run("side.py", src, &["--stats"], &[]);
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "(50050, 49950)\n");
    assert!(r.stderr.contains("side trace 1: from trace 0"), "{}", r.stderr);
    let entries: u64 = r
        .stderr
        .lines()
        .find(|l| l.starts_with("trace 0:"))
        .and_then(|l| l.split("entered ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("trace 0 entry count");
    assert!(entries < 1000, "the loop kept leaving its trace: entered {entries} times\n{}", r.stderr);
    let off = run("side.py", src, &["--jit=off"], &[]);
    assert_eq!(off.stdout, r.stdout);
}

#[test]
fn rebinding_globals_and_class_attributes_invalidates_what_traces_assumed() {
    // Globals are loaded through a dict-version guard, methods and slots through shape and
    // class-epoch guards: a change mid-loop must be seen on the very next iteration.
    let src = "\
def mylen(x):
    return 42

def f():
    global len
    t = 0
    for i in range(1000):
        t += len([1, 2])
        if i == 500:
            len = mylen
    return t

class A:
    def m(self):
        return 1

def other(self):
    return 2

def g(a):
    t = 0
    for i in range(1000):
        t += a.m() + a.x
        if i == 300:
            A.m = other
        if i == 600:
            a.y = 5
        if i == 700:
            a.x = 10
    return t

print(f())
a = A()
a.x = 1
print(g(a))
";
    for args in [&["--jit-threshold=1"][..], &["--jit-threshold=50"][..], &["--jit=off"][..]] {
        let r = run("invalidate.py", src, args, &[]);
        assert_eq!(r.status, Some(0), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, format!("{}\n{}\n", 501 * 2 + 499 * 42, 301 * 2 + 699 * 3 + 299 * 9), "{args:?}");
    }
}

#[test]
fn stats_count_every_bytecode_once_whether_jitted_or_not() {
    // Traces add the bytecodes they complete to a counter; the interpreter counts the rest. The
    // total must not depend on where the bytecodes ran, and this loop runs almost entirely in
    // machine code (after a side trace for the `if`).
    // (The README's example; also a `--dump=trace` snapshot.)
    let src = include_str!("traces/small_loop.py");
    let jit = run("count.py", src, &["--stats"], &[]);
    let interp = run("count.py", src, &["--stats", "--jit-threshold=4000000000"], &[]);
    assert_eq!(jit.stdout, "166666833333\n");
    let executed = stat(&jit.stderr, "bytecodes executed:");
    assert_eq!(executed, stat(&interp.stderr, "bytecodes executed:"), "{}\n{}", jit.stderr, interp.stderr);
    let in_code = stat(&jit.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 99, "{in_code} of {executed}:\n{}", jit.stderr);
    assert_eq!(stat(&interp.stderr, "  in machine code:"), 0);
}

/// The `--stats` lines per code object: (bytecodes, share in machine code in %, name).
fn by_code(stderr: &str) -> Vec<(u64, f64, String)> {
    let lines = stderr.lines().skip_while(|l| !l.starts_with("  by code object")).skip(1);
    lines
        .take_while(|l| l.starts_with("    "))
        .map(|l| {
            let mut words = l.split_whitespace();
            let n = words.next().unwrap().parse().unwrap();
            let share = words.next().unwrap().trim_end_matches('%').parse().unwrap();
            (n, share, words.next().unwrap().to_string())
        })
        .collect()
}

#[test]
fn stats_say_where_each_function_ran() {
    // Per code object, the bytecodes it ran and the share in machine code: the loop and the
    // functions it calls ran in traces, the loop that calls with a keyword ran through the
    // interpreter; together they are every bytecode executed.
    let jit = run("calls.py", CALLS, &["--stats"], &[]);
    let rows = by_code(&jit.stderr);
    let share = |name: &str| rows.iter().find(|r| r.2 == name).unwrap_or_else(|| panic!("{name}:\n{}", jit.stderr)).1;
    assert!(share("total") > 95.0 && share("bump") > 95.0 && share("mix") > 95.0, "{}", jit.stderr);
    assert!(share("stepped") < 5.0, "{}", jit.stderr);
    let listed: u64 = rows.iter().map(|r| r.0).sum();
    assert_eq!(listed, stat(&jit.stderr, "bytecodes executed:"), "{}", jit.stderr);
    assert!(rows.windows(2).all(|w| w[0].0 >= w[1].0), "{}", jit.stderr);
}

/// Calls of functions and methods (also a `--dump=trace` snapshot).
const CALLS: &str = include_str!("traces/calls.py");

#[test]
fn calls_and_returns_run_inside_traces() {
    let jit = run("calls.py", CALLS, &["--stats", "--dump=trace"], &[]);
    let interp = run("calls.py", CALLS, &["--stats", "--jit-threshold=4000000000"], &[]);
    assert_eq!(jit.status, Some(0), "{}", jit.stderr);
    assert_eq!(jit.stdout, interp.stdout);
    assert_eq!(jit.stdout, "(521774, 22858)\n4501500\n");
    // The calls to mix and Counter.bump are followed into the callees' frames ...
    assert!(jit.stderr.contains("_PUSH_FRAME"), "{}", jit.stderr);
    assert!(jit.stderr.contains(". ; mix line 19 @0 LOAD_FAST (a)"), "{}", jit.stderr);
    assert!(jit.stderr.contains("_POP_FRAME"), "{}", jit.stderr);
    // ... the branch in bump grows a side trace that starts in bump's frame (its exit is said
    // as the dump says it, with the function and line) ...
    assert!(jit.stderr.contains("(bump line 11,"), "{}", jit.stderr);
    assert!(
        jit.stderr.lines().any(|l| l.starts_with("    exit ") && l.contains(", frame +1) bump line 11: taken ")),
        "{}",
        jit.stderr
    );
    // ... and the keyword call runs through the interpreter (its bytecodes are not counted
    // as machine code, nor twice).
    let executed = stat(&jit.stderr, "bytecodes executed:");
    assert_eq!(executed, stat(&interp.stderr, "bytecodes executed:"), "{}\n{}", jit.stderr, interp.stderr);
    let in_code = stat(&jit.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 80, "{in_code} of {executed}:\n{}", jit.stderr);
}

#[test]
fn exceptions_and_exits_inside_inlined_calls_resume_in_the_callee() {
    // inv(x) divides by zero at i == 150: the guard exits in inv's frame and the interpreter
    // raises there; later, lookup() raises KeyError from a bytecode the trace runs through the
    // interpreter inside the inlined frame. The tracebacks must name both frames, like the
    // interpreter's.
    let src = "\
def inv(x):
    return 1000 // x

def lookup(d, k):
    return d[k]

def f():
    t = 0
    for i in range(300):
        try:
            t += inv(150 - i)
        except ZeroDivisionError:
            print('div at', i)
    d = {i: i for i in range(50)}
    for i in range(100):
        t += lookup(d, i)
    return t

print(f())
";
    let on = run("callexc.py", src, &["--jit-threshold=1"], &[]);
    let off = run("callexc.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(1));
    assert_eq!((on.stdout.as_str(), on.stderr.as_str()), (off.stdout.as_str(), off.stderr.as_str()));
    assert_eq!(on.stdout, "div at 150\n");
    assert!(on.stderr.contains("line 5, in lookup"), "{}", on.stderr);
    assert!(on.stderr.ends_with("KeyError: 50\n"), "{}", on.stderr);
}

#[test]
fn a_recursion_error_raised_entering_an_inlined_call_unwinds_like_the_interpreter() {
    // The loop's trace (recorded in deep(5)) calls leaf when i > 0. deep(L - 2) runs the loop
    // at the recursion limit L: the interpreter's first iteration makes no call, the trace's
    // first _PUSH_FRAME hits the limit and raises RecursionError.
    let src = "\
import sys

def leaf(x):
    return x + 1

def deep(n):
    if n > 0:
        return deep(n - 1)
    t = 0
    for i in range(300):
        if i > 0:
            t = leaf(t)
    return t

print(deep(5))
sys.setrecursionlimit(30)
try:
    deep(28)
except RecursionError as e:
    print('caught', e)
print(deep(3))
";
    let on = run("recursion.py", src, &["--jit-threshold=1", "--stats"], &[]);
    let off = run("recursion.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert_eq!(on.stdout, "299\ncaught maximum recursion depth exceeded\n299\n");
}

#[test]
fn rebinding_a_called_function_or_method_leaves_the_inlined_code() {
    let src = "\
def f(x):
    return x + 1

def g(x):
    return x * 2

class A:
    def m(self):
        return 1

def run(n):
    global f
    a = A()
    t = 0
    for i in range(n):
        t += f(i) + a.m()
        if i == 500:
            f = g
        if i == 700:
            A.m = lambda self: 100
    return t

print(run(1000))
";
    let on = run("rebind.py", src, &["--jit-threshold=1"], &[]);
    let off = run("rebind.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert_eq!(
        on.stdout,
        format!(
            "{}\n",
            (0..1000).map(|i: i64| if i <= 500 { i + 1 } else { i * 2 } + if i <= 700 { 1 } else { 100 }).sum::<i64>()
        )
    );
}

#[test]
fn a_loop_around_inner_loops_runs_through_their_traces_by_links() {
    // The outer loop's trace ends where the first inner loop begins and continues in that
    // loop's trace; side traces grown from each inner loop's end carry on to the next inner
    // loop and back to the outer loop's trace. Nearly every bytecode runs in machine code, and
    // the bytecode total is the interpreter's.
    let src = include_str!("traces/nested_loops.py");
    let jit = run("nested.py", src, &["--stats", "--dump=trace"], &[]);
    let interp = run("nested.py", src, &["--stats", "--jit-threshold=4000000000"], &[]);
    assert_eq!(jit.status, Some(0), "{}", jit.stderr);
    assert_eq!(jit.stdout, interp.stdout);
    assert!(jit.stderr.contains(", continues in trace"), "{}", jit.stderr);
    assert!(jit.stderr.contains("_FOR_ITER_EXHAUSTED"), "{}", jit.stderr);
    // --stats names where recordings aborted: the outer loop reached the inner `for k` loop's
    // back-edge before that loop had a trace.
    let aborted = jit.stderr.lines().find(|l| l.contains("  inner loop: ")).unwrap_or("");
    assert!(aborted.contains("work line 8 ("), "{}", jit.stderr);
    let executed = stat(&jit.stderr, "bytecodes executed:");
    assert_eq!(executed, stat(&interp.stderr, "bytecodes executed:"));
    let in_code = stat(&jit.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", jit.stderr);
}

#[test]
fn class_calls_are_followed_into_init_and_give_the_instance() {
    // Point(i) creates the instance and enters __init__ inside the trace; rebinding __init__
    // mid-loop leaves that code (class epoch); an __init__ that returns a value raises the
    // interpreter's TypeError, with the same traceback.
    let src = "\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y * 2

class Bad:
    def __init__(self, k):
        self.k = k
        if k == 250:
            return k

def init3(self, x, y):
    self.x = x
    self.y = y * 3

def make(n):
    t = 0
    for i in range(n):
        p = Point(i, 1)
        t += p.x + p.y
        if i == 300:
            Point.__init__ = init3
    return t

def bad(n):
    for i in range(n):
        b = Bad(i)
    return b.k

print(make(600))
print(bad(200))
print(bad(400))
";
    let on = run("classes.py", src, &["--jit-threshold=1", "--dump=trace"], &[]);
    let off = run("classes.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(1));
    assert_eq!(on.stdout, off.stdout);
    assert_eq!(on.stdout, format!("{}\n199\n", (0..600).map(|i| i + if i <= 300 { 2 } else { 3 }).sum::<i64>()));
    assert!(on.stderr.contains(". ; __init__ line 3 @0 LOAD_FAST_LOAD_FAST (x, self)"), "{}", on.stderr);
    let traceback = |s: &str| s[s.find("Traceback").unwrap_or(0)..].to_string();
    assert_eq!(traceback(&on.stderr), traceback(&off.stderr));
    assert!(on.stderr.ends_with("TypeError: __init__() should return None, not 'int'\n"), "{}", on.stderr);
}

#[test]
fn generators_drained_by_builtins_yield_inside_traces_and_suspend_otherwise() {
    // gen(n)'s loop gets a trace while list() drains it (yields append to the list without
    // suspending); the same code iterated by a for loop must suspend at each yield, so the
    // trace's yield guard exits there.
    let src = "\
def gen(n, k):
    for i in range(n):
        yield i * k

def use(n):
    total = 0
    for rep in range(n):
        total += len(list(gen(300, rep)))
        total += sum(set(x % 7 for x in range(50)))
        g = gen(5, rep)
        for v in g:
            total += v
            if v > 8:
                break
    return total

print(use(40))
print([x for x in gen(4, 3)])
";
    let on = run("gens.py", src, &["--jit-threshold=1", "--stats"], &[]);
    let off = run("gens.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    // (CPython prints the same.)
    assert_eq!(on.stdout, "13734\n[0, 3, 6, 9]\n");
    assert!(stat(&on.stderr, "traces compiled:") >= 2, "{}", on.stderr);
}

#[test]
fn recursive_functions_run_in_function_traces_with_continuations() {
    // fib: the function trace's recursive calls jump back to its start and each return continues
    // in the continuation after the call (`_RETURN_DISPATCH`). walk: a recursion whose argument
    // changes type half-way (int, then float: guards leave, and continuations re-check what they
    // read) and which catches an exception raised deep down, unwinding frames the trace pushed.
    // down: recursion past the limit, raised where the trace pushes a frame, with the
    // interpreter's traceback.
    let src = "\
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def walk(x, depth):
    if depth == 0:
        if x > 1000:
            raise ValueError(x)
        return x
    try:
        return walk(x * 2, depth - 1) + walk(x + 1, depth - 1)
    except ValueError as e:
        return -1

def down(n):
    return down(n + 1) + 1

print(fib(20))
print(walk(1, 8), walk(1.5, 8), walk(3, 9), walk(2.5, 10), walk(1, 10))
sys.setrecursionlimit(200)
down(0)
";
    let on = run("recursive.py", src, &["--stats"], &[]);
    let stress = run("recursive.py", src, &["--jit-threshold=1"], &[]);
    let off = run("recursive.py", src, &["--jit=off"], &[]);
    assert_eq!(off.status, Some(1), "{}", off.stderr);
    for r in [&on, &stress] {
        assert_eq!(r.status, off.status, "{}", r.stderr);
        assert_eq!(r.stdout, off.stdout);
        // (The traceback ends at the exception's line; `--stats` prints after it.)
        let traceback = |s: &str| {
            let lines: Vec<&str> = s.lines().collect();
            let end = lines.iter().position(|l| l.starts_with("RecursionError")).map_or(lines.len(), |i| i + 1);
            lines[..end].join("\n")
        };
        assert_eq!(traceback(&r.stderr), traceback(&off.stderr));
        assert!(r.stderr.contains("RecursionError: maximum recursion depth exceeded"), "{}", r.stderr);
    }
    // (CPython prints the same.)
    assert_eq!(off.stdout, "6765\n12866 16146.5 74376 179706.5 113998\n");
    // The recursion runs in machine code: fib's and walk's traces and their side traces (84%
    // here; without function traces, none of it would: the program has no loop).
    let share = on.stderr.lines().find(|l| l.contains("in machine code:")).unwrap_or_default().to_string();
    let percent: f64 = share.rsplit('(').next().and_then(|p| p.trim_end_matches("%)").parse().ok()).unwrap_or(0.0);
    assert!(percent > 75.0, "{}", on.stderr);
    assert!(on.stderr.contains("trace 0: fib line"), "{}", on.stderr);
}

#[test]
fn closure_variables_load_in_machine_code_and_an_emptied_cell_exits() {
    // `_LOAD_DEREF` reads the cell in the trace; after `del x` the cell is empty, the guard
    // exits and the interpreter raises CPython's NameError.
    let src = "\
def outer():
    x = 1
    def inner(n):
        t = 0
        for i in range(n):
            t += x
        return t
    r = inner(100)
    del x
    try:
        inner(100)
    except NameError as e:
        print(e)
    return r

print(outer())
";
    let on = run("deref.py", src, &["--jit-threshold=1", "--dump=trace"], &[]);
    let off = run("deref.py", src, &["--jit=off"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    // (CPython prints the same.)
    assert_eq!(
        on.stdout,
        "cannot access free variable 'x' where it is not associated with a value in enclosing scope\n100\n"
    );
    assert!(on.stderr.contains("_LOAD_DEREF"), "{}", on.stderr);
}

/// A function inlined at two call sites of one loop, whose branch goes the other way later: the
/// side trace grown in one call site's frame continues, after the return, with that call site's
/// caller, so each call site's frame has exits of its own (the fuzzer found them shared: the
/// side trace recorded from the second call site ran after a return to the first).
#[test]
fn exits_inside_an_inlined_function_belong_to_their_call_site() {
    let src = "\
def h2(x):
    if x > 3:
        return 1
    return 0.5

def f1(n):
    v0 = 15.5
    v1 = -6
    v2 = -26
    v3 = 2.6
    acc = 0
    for i in range(n):
        v3 = (v0 - v3) % 1009
        for j in range(2):
            acc += h2(v2)
            acc += h2(v3)
            v2 = (v1 + v2) % 1009
    return acc, v2, v3

print(f1(215))
";
    let off = run("call_sites.py", src, &["--jit=off"], &[]);
    assert_eq!(off.stdout, "(752.0, 421, 12.9)\n");
    for opt in ["--jit-opt=on", "--jit-opt=off"] {
        let on = run("call_sites.py", src, &["--jit-threshold=1", opt], &[]);
        assert_eq!(on.stdout, off.stdout, "{opt}");
    }
}

#[test]
fn a_side_trace_goes_on_past_its_loops_return_into_the_caller() {
    // The loop's trace lives in `escape`; its exits at the two returns are taken on almost every
    // call. Side traces grown there return into `render` (checking it is the call site they
    // saw) and go on to `render`'s back-edge, linked to its trace: nearly everything runs in
    // machine code.
    let src = "\
def escape(c, limit):
    z = 0.0
    n = 0
    while n < limit:
        z = z * z + c
        if z > 2.0:
            return n
        n += 1
    return limit

def render(width, limit):
    total = 0
    for i in range(width):
        total += escape(i / width * 0.6 - 0.1, limit)
    return total

print(render(3000, 300))
";
    let off = run("escape.py", src, &["--jit-threshold=4000000000", "--stats"], &[]);
    let on = run("escape.py", src, &["--stats", "--dump=opt"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("_GUARD_CALLER"), "{}", on.stderr);
    assert!(on.stderr.contains(", frame -1)"), "{}", on.stderr);
    let executed = stat(&on.stderr, "bytecodes executed:");
    assert_eq!(executed, stat(&off.stderr, "bytecodes executed:"));
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", on.stderr);
}

#[test]
fn a_return_past_the_loop_goes_where_the_call_came_from() {
    // `total` is called from three call sites, and `down` has its loop at the same instruction
    // as `total`: a side trace that returned from `total` and saw one call site must leave when
    // the call came from another, and must not take `down`'s loop for `total`'s.
    let src = "\
def total(xs):
    t = 0
    for x in xs:
        t += x
    return t

def down(xs):
    t = 0
    for x in xs:
        t -= x
    return t

def main(n):
    xs = [1, 2, 3]
    r = 0
    for i in range(n):
        r += total(xs)
        r += down(xs) * 3
        if i % 7 == 0:
            r -= total(xs)
    r += total([5, 6]) * 1000
    return r

for k in range(30):
    print(main(40 + k))
";
    let off = run("callers.py", src, &["--jit=off"], &[]);
    for args in [&["--jit-threshold=1"][..], &["--jit-threshold=1", "--jit-opt=off"], &["--jit-threshold=5"], &[]] {
        let on = run("callers.py", src, args, &[]);
        assert_eq!(on.status, Some(0), "{args:?}: {}", on.stderr);
        assert_eq!(on.stdout, off.stdout, "{args:?}");
    }
}

#[test]
fn a_comprehension_made_anew_each_time_does_not_chain_side_traces() {
    // Each run of the comprehension makes a new function object: a guard on the function's
    // identity would fail every time and grow a side trace from the last one's exit, a chain as
    // long as the program runs. The call is guarded on the function's code instead.
    let src = "\
def f(lst):
    for i in range(300):
        c = [y * 2 for y in lst if y == y]
    return c

for k in range(30):
    r = f(list(range(20)))
print(sum(r))
";
    let on = run("chain.py", src, &["--jit-threshold=1", "--stats", "--dump=opt"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, "380\n");
    assert!(on.stderr.contains("_CHECK_FUNCTION_CODE"), "{}", on.stderr);
    let traces = stat(&on.stderr, "traces compiled:");
    assert!(traces <= 12, "{traces} traces:\n{}", on.stderr);
}

#[test]
fn a_trace_tree_stops_growing_side_traces_at_its_limit() {
    // 300 different ways through the loop body, each a guard whose exit gets hot: the tree
    // grows 200 side traces (MAX_SIDE_TRACES), then says so in --stats; the other exits stay
    // exits.
    let mut src = String::from("def f(n):\n    t = 0\n    for i in range(n):\n        x = i % 300\n");
    for k in 0..300 {
        src += &format!("        {}if x == {k}:\n            t += {}\n", if k == 0 { "" } else { "el" }, k * 7 + 1);
    }
    src += "    return t\n\nprint(f(60000))\n";
    let off = run("wide.py", &src, &["--jit=off"], &[]);
    let on = run("wide.py", &src, &["--jit-threshold=1", "--stats"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("trace trees full:    1 (grew 200 side traces"), "{}", on.stderr);
    assert!(stat(&on.stderr, "traces compiled:") <= 201, "{}", on.stderr);
}

#[test]
fn every_iterable_runs_its_for_loop_in_machine_code() {
    // Dicts and their views, sets, strings, zip, reversed, enumerate over a string and a class
    // with __next__: FOR_ITER asks the iterator through the runtime exactly once per item, and an
    // exhausted iterator leaves past the loop without being asked again.
    let src = "\
def gen(n):
    i = 0
    while i < n:
        yield i * 2
        i += 1

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

def main():
    d = {i: i * i for i in range(50)}
    s = set(range(40))
    t = 0
    for rep in range(200):
        for k in d:
            t += k
        for k, v in d.items():
            t += v - k
        for x in s:
            t ^= x
        for c in 'hello world':
            t += ord(c)
        for a, b in zip(range(10), range(5, 15)):
            t += a * b
        for x in gen(10):
            t += x
        for x in Countdown(5):
            t -= x
        for x in reversed([1, 2, 3]):
            t += x
        for i, c in enumerate('abc'):
            t += i
    return t

print(main())
";
    let off = run("iterables.py", src, &["--jit=off"], &[]);
    assert_eq!(off.stdout, "8428000\n");
    for args in [&["--jit-threshold=1"][..], &["--jit-threshold=1", "--jit-opt=off"], &["--jit-threshold=7"]] {
        let on = run("iterables.py", src, args, &[]);
        assert_eq!(on.stdout, off.stdout, "{args:?}: {}", on.stderr);
    }
    let on = run("iterables.py", src, &["--stats", "--dump=opt"], &[]);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("_FOR_ITER_NEXT"), "{}", on.stderr);
    // The generator is resumed in its frame by the trace, which follows it to its yield.
    assert!(on.stderr.contains("_PUSH_GENERATOR_FRAME") && on.stderr.contains("_YIELD_VALUE"), "{}", on.stderr);
    assert!(!on.stderr.contains("iteration over"), "{}", on.stderr);
}

#[test]
fn branches_on_any_value_test_its_truth_in_machine_code() {
    // `if items:`, `while pending:`, `x or default` and `not name` on lists, strings, None and
    // instances: a guard on the truth found without running Python code; a class with
    // __len__ leaves for the interpreter, which calls it.
    let src = "\
class Bag:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

def main():
    total = 0
    for i in range(3000):
        items = [1] * (i % 3)
        if items:
            total += len(items)
        name = '' if i % 5 else 'x'
        total += len(name or 'default')
        pending = [i, i + 1] if i % 2 else []
        while pending:
            total += pending.pop()
        if not name:
            total += 1
        if Bag(i % 2):
            total += 100
    return total

print(main())
";
    let off = run("truth.py", src, &["--jit=off"], &[]);
    for args in [&["--jit-threshold=1"][..], &["--jit-threshold=1", "--jit-opt=off"], &[]] {
        let on = run("truth.py", src, args, &[]);
        assert_eq!(on.stdout, off.stdout, "{args:?}: {}", on.stderr);
    }
    let on = run("truth.py", src, &["--stats", "--dump=opt"], &[]);
    assert!(on.stderr.contains("_GUARD_TRUTH_POP"), "{}", on.stderr);
    assert!(on.stderr.contains("_GUARD_TRUTH "), "{}", on.stderr);
    assert!(!on.stderr.contains("branch on another type"), "{}", on.stderr);
}

#[test]
fn python_code_called_back_from_a_trace_enters_its_own_traces() {
    // `score` runs from `sorted`, called inside `main`'s trace; its loop has a trace of its own,
    // entered while `main`'s is on the native stack.
    let src = "\
def score(word):
    s = 0
    for c in word:
        s = (s * 31 + ord(c)) % 1000003
    return s

def main():
    words = ['w' + str(i) * 30 for i in range(40)]
    total = 0
    for rep in range(100):
        ranked = sorted(words, key=score)
        total += score(ranked[0]) + len(ranked)
    return total

print(main())
";
    let off = run("callback.py", src, &["--jit-threshold=4000000000", "--stats"], &[]);
    let on = run("callback.py", src, &["--stats"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    let executed = stat(&on.stderr, "bytecodes executed:");
    assert_eq!(executed, stat(&off.stderr, "bytecodes executed:"));
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 90, "{in_code} of {executed}:\n{}", on.stderr);
}

#[test]
fn a_loop_too_long_for_one_trace_continues_in_another() {
    // 300 statements in the loop body: more uops than one trace holds. The recording ends with
    // an exit where its continuation grows (a side trace), which closes the loop.
    let mut src = String::from("def f(n):\n    a = 1\n    b = 2\n    for i in range(n):\n");
    for k in 0..300 {
        src += &format!("        a = (a * {} + b + i) % 1000003\n", k % 7 + 2);
        if k % 3 == 0 {
            src += "        b = (b + a) % 999\n";
        }
    }
    src += "    return a, b\n\nprint(f(8000))\n";
    let off = run("long.py", &src, &["--jit-threshold=4000000000", "--stats"], &[]);
    let on = run("long.py", &src, &["--stats"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(!on.stderr.contains("trace too long"), "{}", on.stderr);
    assert!(on.stderr.contains("side trace"), "{}", on.stderr);
    let executed = stat(&on.stderr, "bytecodes executed:");
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", on.stderr);
}

#[test]
fn stats_name_the_bytecodes_that_keep_a_loop_out_of_machine_code() {
    // A loop made mostly of set displays and unpackings (which the interpreter runs, each by a
    // whole `Vm::step`) is not worth compiling; --stats says so and names the bytecodes, most
    // costly first.
    let src = "\
def f(n):
    out = []
    d = {'a': 1}
    for i in range(n):
        out.append(({i, i + 1}, {i + 2, i + 3}, {**d}, {*d}))
    return len(out), sorted(out[-1][0])

print(f(3000))
";
    let on = run("refused.py", src, &["--stats"], &[]);
    assert_eq!(on.stdout, "(3000, [2999, 3000])\n");
    assert!(on.stderr.contains("mostly bytecodes run by the interpreter: f line 5"), "{}", on.stderr);
    let line = on.stderr.lines().find(|l| l.contains("what the interpreter ran for them")).unwrap_or_default();
    assert!(line.contains("by cost: BUILD_SET "), "{}", on.stderr);
    assert!(line.contains("DICT_UPDATE "), "{}", on.stderr);
}

#[test]
fn operator_methods_run_in_frames_the_trace_follows() {
    // `a + b`, `a - b`, `-a` on instances call Python methods: the trace guards the operand's
    // shape and pushes the method's frame, as the interpreter does; `NotImplemented` from
    // `__sub__` leaves at its return and the interpreter finishes with `__rsub__`.
    let src = "\
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        if isinstance(o, W):
            return NotImplemented
        return V(self.x - o.x, self.y - o.y)
    def __neg__(self):
        return V(-self.x, -self.y)

class W:
    def __rsub__(self, o):
        return V(o.x // 2, o.y // 2)

def main(n):
    acc = V(0, 0)
    for i in range(n):
        acc = -(acc + V(i, 1) - V(1, i))
        if i % 1000 == 0:
            acc = acc - W()
    return acc.x, acc.y

print(main(30000))
";
    let off = run("operators.py", src, &["--jit=off"], &[]);
    let on = run("operators.py", src, &["--stats"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    let executed = stat(&on.stderr, "bytecodes executed:");
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", on.stderr);
    for (_, share, name) in by_code(&on.stderr).iter().filter(|(n, _, _)| *n > 50_000) {
        assert!(*share > 90.0, "{name} ran {share}% in machine code:\n{}", on.stderr);
    }
}

#[test]
fn functions_called_through_the_runtime_enter_their_function_traces() {
    // `visit` recurses from inside its own loop (the loop's trace calls it through the runtime)
    // and `weight` is a callback of `sorted`: both run in function traces entered in frames
    // Rust code pushed, which they leave at the return for the interpreter to return from.
    let src = "\
class Node:
    def __init__(self, depth):
        self.kids = [Node(depth - 1) for _ in range(3)] if depth else None
        self.w = depth * 0.5 + 1.0

    def visit(self, scale):
        if self.kids is None:
            return self.w * scale
        total = 0.0
        for kid in self.kids:
            total += kid.visit(scale * 0.5)
        return total

def weight(p):
    return (p * 7919) % 1009 - p // 3

def main():
    root = Node(5)
    s = 0.0
    for i in range(60):
        s += root.visit(1.0 + i)
    order = []
    for r in range(40):
        order = sorted(range(300), key=weight)
    return s, order[:5]

print(main())
";
    let off = run("reentry.py", src, &["--jit=off"], &[]);
    let on = run("reentry.py", src, &["--stats"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    // (The interpreter runs the return from such a frame: one of `weight`'s 10 bytecodes.)
    let shares = by_code(&on.stderr);
    for (name, least) in [("visit", 90.0), ("weight", 80.0)] {
        let (_, share, _) = shares.iter().find(|(_, _, n)| n == name).unwrap_or_else(|| panic!("{}", on.stderr));
        assert!(*share > least, "{name} ran {share}% in machine code:\n{}", on.stderr);
    }
}

#[test]
fn module_attributes_and_builtin_methods_load_in_machine_code() {
    // `math.sqrt` is a guarded load from the module dict's entry (rebinding it is seen at once);
    // `items.append` and `d.get` are guarded on the object's kind; neither runs in the
    // interpreter (`_EXECUTE_BYTECODE`).
    let src = "\
import math

def f(n):
    items = []
    d = {0: 1, 2: 3}
    hits = 0
    for i in range(n):
        items.append(math.sqrt(i))
        hits += d.get(i % 5, 0)
        if i == n - 100:
            math.sqrt = abs
    return sum(items), hits

print(f(30000))
";
    let off = run("modattr.py", src, &["--jit=off"], &[]);
    let on = run("modattr.py", src, &["--stats", "--dump=opt"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("_GUARD_TOS_IS") && on.stderr.contains("module math"), "{}", on.stderr);
    assert!(on.stderr.contains("_GUARD_TOS_KIND"), "{}", on.stderr);
    let loads_by_interpreter = on
        .stderr
        .lines()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[0].contains("LOAD_ATTR") && w[1].contains("_EXECUTE_BYTECODE"));
    assert!(!loads_by_interpreter, "{}", on.stderr);
    let executed = stat(&on.stderr, "bytecodes executed:");
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", on.stderr);
}

#[test]
fn a_recording_does_not_stay_open_through_a_long_call() {
    // At threshold 1, `main`'s loop is recorded on its first iteration, and its call of
    // `work` (through the runtime: it has a default argument) runs the whole simulation step
    // in the interpreter while the recording waits, with no trace entered meanwhile. The
    // recording gives up instead, and `work`'s own loop runs in its trace.
    let src = "\
def work(n, scale=3):
    t = 0
    for i in range(n):
        t = (t + i * scale) % 1000003
    return t

def main():
    total = 0
    for chunk in range(4):
        total += work(100000)
    return total

print(main())
";
    let off = run("longcall.py", src, &["--jit=off"], &[]);
    let on = run("longcall.py", src, &["--stats", "--jit-threshold=1"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("a call runs too long to record through: work line"), "{}", on.stderr);
    let executed = stat(&on.stderr, "bytecodes executed:");
    let in_code = stat(&on.stderr, "  in machine code:");
    assert!(in_code * 100 > executed * 95, "{in_code} of {executed}:\n{}", on.stderr);
}

#[test]
fn a_loop_whose_first_runs_end_early_is_still_compiled() {
    // At threshold 1 every recording of `steps` starts on a run that ends within a few
    // iterations (the first 300 calls); recordings that end with the loop back off but never
    // give the loop up, so the long runs that follow are compiled.
    let src = "\
def steps(x, inc, limit):
    n = 0
    while n < limit:
        if x > 1000:
            return n
        x = x + inc
        n += 1
    return limit

def main():
    total = 0
    for k in range(300):
        total += steps(999, 2, 50)
    for k in range(300):
        total += steps(k, 0, 3000 + k)
    return total

print(main())
";
    let off = run("early.py", src, &["--jit=off"], &[]);
    let on = run("early.py", src, &["--stats", "--jit-threshold=1"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    let shares = by_code(&on.stderr);
    let (_, share, _) = shares.iter().find(|(_, _, n)| n == "steps").unwrap_or_else(|| panic!("{}", on.stderr));
    assert!(*share > 90.0, "steps ran {share}% in machine code:\n{}", on.stderr);
}

/// A call with keywords inside a trace runs as one interpreter step; a side trace recorded in
/// the function it calls must end where that function returns into the stepped frame, not go on
/// into whatever the interpreter runs next (here the `__hash__` the trace calls): found on
/// pyperformance's mdp, where such a side trace ran a caller's code on another frame's stack.
#[test]
fn a_side_trace_does_not_return_into_a_stepped_frame() {
    let src = "\
class Box:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other.v

def inner(values, **kw):
    out = list(values)
    for i in range(len(out)):
        out[i] = out[i] + kw['add']
    return out

def middle(values, add):
    return inner(values, add=add)

def outer(n):
    seen = {}
    total = 0
    for i in range(n):
        vals = [] if i < 300 else [i, i + 1, i + 2]
        res = middle(vals, 1)
        seen[Box(len(res))] = i
        total += sum(res)
    return total, len(seen)

print(outer(2000))
";
    let r = run("stepped_return.py", src, &["--dump=opt"], &[]);
    assert_eq!(r.status, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "(5872650, 2)\n");
    // Every trace recorded in `inner` stays in `inner` or returns to a frame the trace owns: none
    // goes on into `__hash__` below `inner`'s frame.
    let traces: Vec<&str> = r.stderr.split("---- ").filter(|t| t.contains("inner line")).collect();
    assert!(!traces.is_empty(), "{}", r.stderr);
    for t in traces {
        assert!(!t.contains("__hash__ line"), "a trace of inner went on into __hash__:\n{t}");
    }
}

#[test]
fn stats_name_the_bytecodes_compiled_traces_hand_to_the_interpreter() {
    // A set display in a compiled loop runs its BUILD_SET as an interpreter step inside the
    // trace; --stats counts those steps by opcode. The f-string's FORMAT_VALUE runs in machine
    // code (a generic uop), so it is not among them.
    let src = "\
def f(n):
    out = 0
    for i in range(n):
        out += len(f'{i}') + len({i, 1})
    return out

print(f(20000))
";
    let on = run("stepped.py", src, &["--stats"], &[]);
    assert_eq!(on.stdout, "128889\n");
    let line = on.stderr.lines().find(|l| l.contains("traces ran through the interpreter, most first:"));
    let line = line.unwrap_or_else(|| panic!("no stepped-bytecode line:\n{}", on.stderr));
    assert!(line.contains("BUILD_SET "), "{line}");
    assert!(!line.contains("FORMAT_VALUE"), "{line}");
}

const RETURNS_A_PAIR: &str = "\
def divide(a, b):
    return a // b, a % b

def f(n):
    total = 0
    for i in range(1, n):
        q, r = divide(n, i)
        total += q - r
    return total

print(f(3000))
";

#[test]
fn a_tuple_returned_and_unpacked_is_never_built_unless_the_pass_is_off() {
    let on = run("pair.py", RETURNS_A_PAIR, &["--dump=opt", "--stats"], &[]);
    assert_eq!(on.stdout, "-1570335\n", "{}", on.stderr);
    assert!(on.stderr.contains("_POP_FRAME_N                 2"), "{}", on.stderr);
    assert!(!on.stderr.contains("_BUILD_TUPLE"), "{}", on.stderr);
    assert!(on.stderr.contains("  virtuals   removed "), "{}", on.stderr);
    let off = run("pair.py", RETURNS_A_PAIR, &["--dump=opt", "--stats", "--jit-opt=-virtuals"], &[]);
    assert_eq!(off.stdout, on.stdout);
    assert!(off.stderr.contains("_BUILD_TUPLE") && !off.stderr.contains("_POP_FRAME_N"), "{}", off.stderr);
    assert!(off.stderr.contains("  virtuals   off (--jit-opt=-virtuals)"), "{}", off.stderr);
    let bad = run("pair.py", RETURNS_A_PAIR, &["--jit-opt=-nonesuch"], &[]);
    assert_eq!(bad.status, Some(2));
    assert!(bad.stderr.contains("the passes are fold, guards, virtuals, forward, dce, fuse"), "{}", bad.stderr);
}

const GROWS: &str = "\
def grow(n):
    x = 1
    s = 0.5
    k = 0
    while k < n:
        x = x * 3 + 1
        s = s * 0.5 + 1.0
        k += 1
    return x, s, k


print(grow(30))
print(grow(80))
";

#[test]
fn unboxed_locals_stay_in_registers_and_every_exit_writes_them_back() {
    // x outgrows 64 bits in the second call: the multiply's exit is taken with the loop's
    // locals in registers, and the interpreter must find them in memory.
    let off = run("grow.py", GROWS, &["--jit=off"], &[]);
    let on = run("grow.py", GROWS, &["--dump=asm", "--stats", "--jit-threshold=1"], &[]);
    assert_eq!(on.status, Some(0), "{}", on.stderr);
    assert_eq!(on.stdout, off.stdout);
    assert!(on.stderr.contains("_LOAD_FAST_UNBOXED"), "{}", on.stderr);
    assert!(on.stderr.contains("locals in registers: "), "{}", on.stderr);
    // Where the stencils have room for them (clang's preserve_none; gcc's convention has none).
    if on.stderr.contains("unboxed locals of a loop: ") {
        for needle in [
            "locals in registers through the loop (payloads): ",
            "(slot 3 into ",
            "[_LOAD_REG_0_c",
            "[_STORE_REG_",
            "back to memory)",
        ] {
            assert!(on.stderr.contains(needle), "{needle:?} missing:\n{}", on.stderr);
        }
    }
    let plain = run("grow.py", GROWS, &["--dump=asm", "--jit-opt=-unbox", "--jit-threshold=1"], &[]);
    assert_eq!(plain.stdout, off.stdout);
    assert!(!plain.stderr.contains("_LOAD_REG_") && !plain.stderr.contains("_UNBOXED"), "{}", plain.stderr);
}
