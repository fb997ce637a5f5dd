//! A small fuzzer: `compile` must never panic, whatever the input.
//!
//! Inputs are derived from a set of valid programs by truncation and by character-level
//! mutation, plus random token soup. Whatever compiles must also pass the bytecode verifier,
//! and every error must carry a position. The generator is a fixed-seed xorshift, so failures
//! reproduce.

use super::verify::verify;
use crate::frontend::compile;

/// Valid programs exercising most of the compiler.
const SEEDS: &[&str] = &[
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a + b + c + d + len(args) + len(kw)\nprint(f(1, c=3))\n",
    "class C(B):\n    x = 1\n    def m(self, y):\n        return super().m(y) + self.x\n\n@dec\nclass D:\n    pass\n",
    "for i in range(10):\n    if i % 2:\n        continue\n    elif i > 7:\n        break\n    print(i)\nelse:\n    print('done')\n",
    "try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    print(e)\nexcept (TypeError, ValueError):\n    pass\nelse:\n    pass\nfinally:\n    print('f')\n",
    "def gen(n):\n    i = 0\n    while i < n:\n        x = yield i\n        i += 1\n    return i\n",
    "xs = [x * y for x in range(3) for y in range(x) if x != y]\nd = {k: v for k, v in zip(a, b)}\ns = {c for c in 'abc'}\ng = sum(x for x in xs)\n",
    "def outer():\n    n = 0\n    def inc(by=1):\n        nonlocal n\n        n += by\n        return n\n    return inc\n",
    "a, *b, (c, d) = 1, 2, 3, (4, 5)\nx[1:2] = y[::2]\no.a.b += 3\nd[k] -= 1\ndel a, x[0], o.a\n",
    "print(f'{a!r:>{w}} {b=} {c:.2f}', *args, sep='', **kw)\nassert x < y <= z, 'msg'\n",
    "import math\nfrom os import path as p, sep\nglobal_value = -1\nbig = 0x1_0000_0000_0000_0000\nt = (1, (2.5, 'x'), None, True, ...)\n",
    "def f(x):\n    for i in x:\n        try:\n            if i:\n                return i\n        finally:\n            del i\n    while True:\n        try:\n            break\n        except E:\n            raise\n    return lambda q: (q := q + 1)\n",
    "x = a if b else c\ny = not (a and b or c)\nz = a is not None\nw = a not in b\nv = -x ** 2 // 3 % 4 << 1 >> 1 & 5 | 6 ^ ~7 @ m\n",
];

/// Tokens for random token soup.
const TOKENS: &[&str] = &[
    "def",
    "class",
    "return",
    "yield",
    "if",
    "elif",
    "else",
    "for",
    "while",
    "in",
    "not",
    "and",
    "or",
    "is",
    "try",
    "except",
    "finally",
    "raise",
    "import",
    "from",
    "as",
    "global",
    "nonlocal",
    "lambda",
    "pass",
    "break",
    "continue",
    "del",
    "assert",
    "None",
    "True",
    "x",
    "y",
    "f",
    "self",
    "super",
    "__class__",
    "0",
    "1",
    "2.5",
    "'s'",
    "f'{x}'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "+=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "<",
    "<=",
    "==",
    "!=",
    ":=",
    "->",
    "@",
    ";",
    "\n",
    "\n    ",
    "\n        ",
    "\\\n",
    "#",
    "async",
    "await",
    "with",
    "match",
    "case",
    "*",
    "...",
];

/// Characters used by mutations.
const ALPHABET: &[char] = &[
    '(', ')', '[', ']', '{', '}', ':', ';', ',', '.', '=', '+', '-', '*', '/', '%', '@', '<', '>', '!', '~', '^', '&',
    '|', '"', '\'', '\n', '\t', ' ', '#', '\\', '0', '1', '9', 'a', 'x', '_', 'f', 'é', '\r', '\0',
];

/// xorshift64: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'t, T>(&mut self, items: &'t [T]) -> &'t T {
        &items[self.below(items.len())]
    }
}

fn truncate(source: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = source.chars().collect();
    chars[..rng.below(chars.len() + 1)].iter().collect()
}

fn mutate(source: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = source.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars[at] = *rng.pick(ALPHABET),
            2 => {
                let token: Vec<char> = format!(" {} ", rng.pick(TOKENS)).chars().collect();
                chars.splice(at..at, token);
            }
            _ => chars.insert(at, *rng.pick(ALPHABET)),
        }
    }
    chars.into_iter().collect()
}

fn token_soup(rng: &mut Rng) -> String {
    (0..1 + rng.below(40)).map(|_| *rng.pick(TOKENS)).collect::<Vec<_>>().join(" ")
}

/// Compiles one input, failing the test with the input on a panic or an invalid result.
fn check(input: &str, compiled: &mut usize) {
    let result = std::panic::catch_unwind(|| compile(input, "fuzz.py"));
    match result {
        Err(_) => panic!("compile panicked on {input:?}"),
        Ok(Ok(code)) => {
            *compiled += 1;
            if let Err(problem) = verify(&code) {
                panic!("invalid bytecode ({problem}) for {input:?}");
            }
        }
        Ok(Err(error)) => {
            assert!(error.line >= 1 && error.col >= 1, "bad position {error} for {input:?}");
            assert!(!error.message.contains("internal"), "{error} for {input:?}");
        }
    }
}

#[test]
fn compile_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut compiled = 0;
    let mut inputs = 0;
    for seed in SEEDS {
        check(seed, &mut compiled);
        inputs += 1;
    }
    for round in 0..2000 {
        let seed = rng.pick(SEEDS);
        let input = match round % 4 {
            0 => truncate(seed, &mut rng),
            1 | 2 => mutate(seed, &mut rng),
            _ => token_soup(&mut rng),
        };
        check(&input, &mut compiled);
        inputs += 1;
    }
    eprintln!("fuzz: {compiled} of {inputs} inputs compiled");
    // The mutations must leave a fair share of valid programs, or the verifier tests nothing.
    assert!(compiled > inputs / 10, "only {compiled} of {inputs} inputs compiled");
}
