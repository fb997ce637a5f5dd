//! Differential fuzzing of the JIT: random loop-heavy programs must print exactly the same with
//! the JIT off (the interpreter, our oracle) and with the JIT forced on every loop.
//!
//! Each program is generated from a seed: functions whose loops mix ints, floats and bools that
//! change type mid-loop, read and write attributes of objects of several shapes, call small
//! functions, break out early, raise and catch exceptions, iterate generators (with a `yield` in
//! a loop), dicts and their views, sets, `zip`, `map`, `filter`, `reversed` and a class with
//! `__next__`, call closures and lambdas made anew each iteration and methods up a `super()`
//! chain, branch on the truth of lists and objects, and have built-ins (`sorted(key=...)`,
//! `map`) call back into Python functions with loops of their own. `cargo test` runs a fixed budget
//! (`FUZZ_PROGRAMS` seeds from 1). For a longer run:
//!
//! ```sh
//! STITCH_FUZZ_PROGRAMS=2000 STITCH_FUZZ_SEED=12345 cargo test --test jit_fuzz -- --nocapture
//! ```
//!
//! A failing seed's program is kept in the temp directory and named in the failure
//! (`STITCH_FUZZ_KEEP=1` keeps them all).

mod common;

use std::fmt::Write;
use std::time::Duration;

use common::*;

const FUZZ_PROGRAMS: u64 = 40;

/// A small deterministic generator (64-bit LCG, high bits).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const VARS: usize = 4;

fn literal(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}", rng.below(50)),
        1 => format!("{}.{}", rng.below(20), rng.below(10)),
        2 => rng.pick(&["True", "False"]).to_string(),
        _ => format!("-{}", rng.below(30) + 1),
    }
}

fn var(rng: &mut Rng) -> String {
    format!("v{}", rng.below(VARS as u64))
}

fn statement(rng: &mut Rng, out: &mut String, indent: &str, n: u64, depth: u32) {
    let c = rng.below(n.max(2));
    let tier = match rng.below(6) {
        0 | 1 => 11,
        2 => 22,
        _ => 0,
    };
    match rng.below(if depth > 0 { 9 } else { 11 }) + tier {
        0 | 1 => {
            let op = rng.pick(&["+", "-", "*", "+"]);
            let _ = writeln!(out, "{indent}{} = ({} {op} {}) % 1009", var(rng), var(rng), var(rng));
        }
        2 => {
            let _ = writeln!(out, "{indent}if i == {c}:\n{indent}    {} = {}", var(rng), literal(rng));
        }
        3 => {
            let cmp = rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
            let _ = writeln!(
                out,
                "{indent}if {} {cmp} {}:\n{indent}    acc += 1\n{indent}else:\n{indent}    acc -= 2",
                var(rng),
                var(rng)
            );
        }
        4 => {
            let _ = writeln!(out, "{indent}o = objs[i % 3]\n{indent}acc += o.a");
        }
        5 => {
            let _ = writeln!(out, "{indent}objs[i % 3].a = {}", var(rng));
        }
        6 => {
            let f = rng.pick(&["h1", "h2"]);
            let _ = writeln!(out, "{indent}acc += {f}({})", var(rng));
        }
        7 => {
            let _ = writeln!(
                out,
                "{indent}try:\n{indent}    acc += 100 // (i - {c})\n{indent}except ZeroDivisionError:\n{indent}    acc += 7"
            );
        }
        8 => {
            let _ = writeln!(out, "{indent}acc = acc % 100003");
        }
        9 => {
            let _ = writeln!(out, "{indent}if i == {c}:\n{indent}    break");
        }
        11 => {
            // A method call on objects of two classes (and three shapes).
            let _ = writeln!(out, "{indent}acc += objs[i % 3].m({})", var(rng));
        }
        12 => {
            // Nested calls, a closure, recursion.
            let f = rng.pick(&["h3", "add3", "rec"]);
            let _ = writeln!(out, "{indent}acc += {f}({} % 7)", var(rng));
        }
        13 => {
            // A callee that raises (ZeroDivisionError at i == c), caught by the caller.
            let _ = writeln!(
                out,
                "{indent}try:\n{indent}    acc += inv(i - {c})\n{indent}except ZeroDivisionError:\n{indent}    acc += 3"
            );
        }
        14 => {
            // Rebinding the called functions mid-loop.
            let _ = writeln!(out, "{indent}if i == {c}:\n{indent}    swap_hs()");
        }
        15 => {
            let _ = writeln!(
                out,
                "{indent}for j, w in enumerate([{}, {}, i]):\n{indent}    acc += j\n{indent}    {} = w",
                var(rng),
                literal(rng),
                var(rng)
            );
        }
        16 if rng.below(2) == 0 => {
            // Keyword arguments: to a Python function and to a built-in.
            let _ = writeln!(out, "{indent}acc += kwf({}, b={}) + max({}, 1, key=abs)", var(rng), var(rng), var(rng));
        }
        16 => {
            let (a, b) = (var(rng), var(rng));
            let _ = writeln!(out, "{indent}pair = ({a}, {b})\n{indent}{b}, {a} = pair");
        }
        17 if rng.below(2) == 0 => {
            // Instances created in the loop (two classes, __init__ followed by the trace).
            let _ = writeln!(out, "{indent}objs[i % 3] = P({}, i) if i % 2 else Q({})", var(rng), var(rng));
        }
        17 => {
            // Uncaught, rarely: the traceback must match.
            let _ = writeln!(out, "{indent}if i == {c} and n < 40:\n{indent}    acc += inv(0)");
        }
        18 => {
            // Tuples returned and taken apart (the optimizer never builds them), through two
            // frames, in a nested target with a guard while one is pending, and kept whole.
            let (a, b, c) = (var(rng), var(rng), var(rng));
            let _ = match rng.below(3) {
                0 => writeln!(out, "{indent}{a}, {b} = dm({c}, {})", var(rng)),
                1 => writeln!(out, "{indent}({a}, {b}), {c} = pr({}), {} * 3 % 1009", var(rng), var(rng)),
                _ => writeln!(
                    out,
                    "{indent}tt = dm({c}, i)
{indent}{a}, {b} = tt
{indent}acc += len(tt)"
                ),
            };
        }
        22 => {
            // A generator with a yield inside its loop, iterated.
            let _ = writeln!(out, "{indent}for g in gen3({} % 5):\n{indent}    acc += g", var(rng));
        }
        23 => {
            let view = rng.pick(&["dd.items()", "zip(dd.keys(), dd.values())", "enumerate(dd)"]);
            let _ = writeln!(out, "{indent}for k, w in {view}:\n{indent}    acc += k * w + {}", var(rng));
        }
        24 => {
            let it =
                rng.pick(&["st", "reversed(lst)", "map(h1, lst)", "filter(None, lst)", "Cnt(3)", "tuple(lst)", "dd"]);
            let _ = writeln!(out, "{indent}for x in {it}:\n{indent}    acc += x\n{indent}    {} = x", var(rng));
        }
        25 => {
            // Python called back from built-ins, with loops of its own.
            let call = rng.pick(&["sorted(lst, key=keyf)[0]", "max(lst, key=keyf)", "sum(map(keyf, lst))"]);
            let _ = writeln!(out, "{indent}acc += {call}");
        }
        26 => {
            // A method that goes up a chain of super() calls.
            let _ = writeln!(out, "{indent}acc += ss.m({} % 4)", var(rng));
        }
        27 => {
            // A closure made anew each iteration, and a lambda.
            let _ =
                writeln!(out, "{indent}g = mk(i % 4)\n{indent}acc += g({} % 9) + (lambda z: z + 1)(i % 5)", var(rng));
        }
        28 => {
            let comp = rng.pick(&[
                "len([y for y in lst if y != i % 3])",
                "sum(y * 2 for y in lst)",
                "len({y % 2 for y in lst})",
            ]);
            let _ = writeln!(out, "{indent}acc += {comp}");
        }
        29 => {
            // The truth of lists, floats, None and objects.
            let _ = writeln!(
                out,
                "{indent}if lst[:i % 3]:\n{indent}    acc += 1\n{indent}tv = {} or None\n{indent}if tv:\n{indent}    acc += 2\n{indent}if objs[i % 3] and not tv:\n{indent}    acc -= 1",
                var(rng)
            );
        }
        30 => {
            // try/except in the loop around a raise that happens on some iterations.
            let _ = writeln!(
                out,
                "{indent}try:\n{indent}    if i % {} == 0:\n{indent}        raise ValueError(i)\n{indent}    acc += 1\n{indent}except ValueError as e:\n{indent}    acc += e.args[0] % 5",
                c % 5 + 2
            );
        }
        31 => {
            // Operator methods run in frames of their own: forward, NotImplemented then the
            // reflected method, reflected from an int, unary, in place; __init__ adds
            // attributes on some paths.
            let _ = writeln!(
                out,
                "{indent}vv = V(i % 7, {} % 11)
{indent}vv += V(1, 1)
{indent}acc += (-(vv + V(1, 2)) - vv).x + (3 - vv).y + (vv - ww).x + (vv * 2).y + getattr(vv, 'z', 0)",
                var(rng)
            );
        }
        32 => {
            // A generator that skips items, fed by another; module attributes and methods of
            // built-in values in the loop body.
            let _ = writeln!(
                out,
                "{indent}for g in evens(gen3({} % 5 + 1)):
{indent}    acc += g + int(math.sqrt(g * g)) + lst.count(g % 3) + dd.get(g, 0)",
                var(rng)
            );
        }
        _ => {
            let _ = writeln!(out, "{indent}for j in range({}):", rng.below(4) + 1);
            for _ in 0..rng.below(3) + 1 {
                statement(rng, out, &format!("{indent}    "), n, depth + 1);
            }
        }
    }
}

fn program(seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::new();
    out.push_str(
        "import math\n\n\
         class V:\n    def __init__(self, x, y):\n        self.x = x\n        if x % 2:\n            self.z = y\n        self.y = y\n\n\
         \x20   def __add__(self, o):\n        return V(self.x + o.x, self.y + o.y)\n\n\
         \x20   def __sub__(self, o):\n        if not isinstance(o, V):\n            return NotImplemented\n        return V(self.x - o.x, self.y - o.y)\n\n\
         \x20   def __rsub__(self, o):\n        return V(o - self.x, o - self.y)\n\n\
         \x20   def __mul__(self, k):\n        return V(self.x * k % 101, self.y * k % 103)\n\n\
         \x20   def __neg__(self):\n        return V(-self.x, -self.y)\n\n\
         class W:\n    def __rsub__(self, o):\n        return V(o.y, o.x)\n\n\
         ww = W()\n\n\
         def evens(it):\n    for t in it:\n        if t % 2:\n            continue\n        yield t\n\n\
         class P:\n    def __init__(self, a, b):\n        self.a = a\n        self.b = b\n\n\
         \x20   def m(self, x):\n        if x > 2:\n            return self.b\n        return x\n\n\
         class Q:\n    def __init__(self, a):\n        self.c = 1.5\n        self.a = a\n\n\
         \x20   def m(self, x):\n        return self.c * x\n\n\
         def h1(x):\n    return x * 2 + 1\n\n\
         def h2(x):\n    if x > 3:\n        return 1\n    return 0.5\n\n\
         def h3(x):\n    return h1(x) - h2(x)\n\n\
         def mk(k):\n    def add(x):\n        return x + k\n    return add\n\n\
         add3 = mk(3)\n\n\
         def rec(n):\n    if n <= 0:\n        return 0\n    return 1 + rec(n - 1)\n\n\
         def inv(x):\n    return 100 // x\n\n\
         def dm(a, b):\n    return a // 7 % 1009, (a % 7 + b) % 1009\n\n\
         def pr(a):\n    return dm(a, 1)\n\n\
         def kwf(a, b=2):\n    return a - b\n\n\
         def swap_hs():\n    global h1, h2\n    h1, h2 = h2, h1\n\n\
         def gen3(k):\n    for t in range(3):\n        yield t * k\n\n\
         def keyf(x):\n    t = 0\n    for q in range(3):\n        t += x * q\n    return -t\n\n\
         class Cnt:\n    def __init__(self, n):\n        self.n = n\n\n\
         \x20   def __iter__(self):\n        return self\n\n\
         \x20   def __next__(self):\n        if self.n <= 0:\n            raise StopIteration\n        self.n -= 1\n        return self.n\n\n\
         class R(P):\n    def m(self, x):\n        return super().m(x) + 1\n\n\
         class S(R):\n    def m(self, x):\n        return super().m(x) * 2\n\n",
    );
    let functions = rng.below(3) + 1;
    for k in 0..functions {
        let n = rng.below(300) + 5;
        let _ = writeln!(out, "def f{k}(n):");
        for v in 0..VARS {
            let _ = writeln!(out, "    v{v} = {}", literal(&mut rng));
        }
        out.push_str("    objs = [P(1, 2), Q(3), P(0.5, True)]\n    acc = 0\n");
        out.push_str("    lst = [2, 7, 1]\n    dd = {1: 2, 5: 7, 9: -1}\n    st = {3, 1, 4}\n    ss = S(1, 2)\n");
        if rng.below(2) == 0 {
            out.push_str("    for i in range(n):\n");
        } else {
            out.push_str("    i = 0\n    while i < n:\n        i += 1\n");
        }
        for _ in 0..rng.below(6) + 2 {
            statement(&mut rng, &mut out, "        ", n, 0);
        }
        let _ = writeln!(out, "    return acc, v0, v1, v2, v3, objs[0].a, objs[1].a\n");
        let _ = writeln!(out, "print(f{k}({n}))");
        let _ = writeln!(out, "print(f{k}({}))\n", n / 2 + 1);
    }
    out
}

#[test]
fn random_programs_behave_the_same_with_and_without_the_jit() {
    let count = std::env::var("STITCH_FUZZ_PROGRAMS").ok().and_then(|s| s.parse().ok()).unwrap_or(FUZZ_PROGRAMS);
    let first = std::env::var("STITCH_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1u64);
    let dir = std::env::temp_dir().join(format!("stitch-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    let mut with_traces = 0;
    for seed in first..first + count {
        let source = program(seed);
        let path = dir.join(format!("fuzz_{seed}.py"));
        std::fs::write(&path, &source).unwrap();
        let off = run_stitch(&path, &["--jit=off"], Duration::from_secs(60));
        let threshold = format!("--jit-threshold={}", [1, 1, 2, 7][(seed % 4) as usize]);
        // Every threshold with the optimizer on and off, alternately.
        let opt = if (seed / 4) % 2 == 0 { "--jit-opt=on" } else { "--jit-opt=off" };
        let threshold = format!("{threshold} {opt}");
        let on = run_stitch(&path, &[threshold.split(' ').next().unwrap(), opt, "--stats"], Duration::from_secs(60));
        let stderr_program = |r: &Run| r.stderr.split("---- JIT statistics").next().unwrap_or("").to_string();
        if on.stderr.lines().any(|l| l.starts_with("trace 0:")) {
            with_traces += 1;
        }
        if off.stdout != on.stdout || off.status != on.status || stderr_program(&off) != stderr_program(&on) {
            failures.push(format!(
                "seed {seed} ({threshold}): {}\n  off: {:?} {:?}\n  on:  {:?} {:?}",
                path.display(),
                off.status,
                off.stdout.lines().last(),
                on.status,
                on.stdout.lines().last()
            ));
        } else if std::env::var_os("STITCH_FUZZ_KEEP").is_none() {
            let _ = std::fs::remove_file(&path);
        }
    }
    assert!(failures.is_empty(), "{} of {count} programs differ:\n{}", failures.len(), failures.join("\n"));
    // The generator must keep producing programs the JIT compiles, or this test checks nothing.
    assert!(with_traces * 2 >= count, "only {with_traces} of {count} programs compiled a trace");
}
