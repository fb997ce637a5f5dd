//! The abstract machine the passes interpret a trace with: what is known about each value.
//!
//! A trace moves values between the value stack and fast locals, and every uop's table entry
//! says how many it reads and pushes; so a pass can run the trace *symbolically*: each value
//! gets a symbol ([`Sym`]) when it is made, loads and stores move symbols, and a symbol
//! collects [`Facts`] as the trace learns them: its tag from the uop that made it or from a
//! guard, its value when it is a constant, its shape once a shape guard passed. Two uses of one
//! local are one symbol, so a guard on the first use proves the second (`x * x`).
//!
//! Facts about values never expire: a value's tag cannot change. Facts about the heap do: a
//! uop that may run arbitrary code ([`Effect::Escapes`]) forgets every dict version, class
//! epoch and shape. The machine follows the trace into callee frames (`_PUSH_FRAME` moves the
//! arguments into the callee's locals) and back; a bytecode the interpreter runs inside the
//! trace consumes and pushes what the opcode table says, and what it pushes is unknown.
//!
//! The stack is known from the top down only as far as the trace has touched it: popping past
//! the known part yields fresh symbols, and reading deeper makes them.

use std::collections::HashMap;

use super::Context;
use crate::jit::ir::uops::{Effect, Uop};
use crate::jit::ir::TraceOp;
use crate::runtime::value::tag;

/// A value the trace handles.
pub type Sym = u32;

/// What is known about a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Its tag (`tag::INT`, ...), when known.
    pub tag: Option<u64>,
    /// Known not to be NULL (implied by any tag but NULL).
    pub not_null: bool,
    /// The value itself, when a constant: (tag, payload).
    pub konst: Option<(u64, u64)>,
    /// For an instance: its shape, since a shape guard passed (and no code ran that could
    /// change it).
    pub shape: Option<u64>,
}

impl Facts {
    pub fn tagged(t: u64) -> Facts {
        Facts { tag: Some(t), not_null: t != tag::NULL, konst: None, shape: None }
    }

    pub fn constant(t: u64, payload: u64) -> Facts {
        Facts { konst: Some((t, payload)), ..Facts::tagged(t) }
    }

    pub fn not_null() -> Facts {
        Facts { not_null: true, ..Facts::default() }
    }
}

impl Facts {
    /// What holds on both of two paths.
    pub fn meet(self, other: Facts) -> Facts {
        Facts {
            tag: self.tag.filter(|&t| other.tag == Some(t)),
            not_null: self.not_null && other.not_null,
            konst: self.konst.filter(|&k| other.konst == Some(k)),
            shape: self.shape.filter(|&s| other.shape == Some(s)),
        }
    }

    fn is_empty(self) -> bool {
        self == Facts::default()
    }
}

/// How many values from the top of the stack a [`State`] keeps.
const STATE_STACK: usize = 8;

/// What is known at one point of a trace about the running frame and memory, apart from
/// symbols: at an exit, it is what a side trace grown there may assume when it starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Locals with something known, by index.
    pub locals: Vec<(u32, Facts)>,
    /// The known top of the value stack, bottom first.
    pub stack: Vec<Facts>,
    /// Words of memory known to hold a value.
    pub words: Vec<(u64, u64)>,
}

impl State {
    /// What holds on both of two paths to one point.
    pub fn meet(&self, other: &State) -> State {
        let locals = self
            .locals
            .iter()
            .filter_map(|&(k, f)| {
                let g = other.locals.iter().find(|l| l.0 == k)?.1;
                Some((k, f.meet(g))).filter(|(_, m)| !m.is_empty())
            })
            .collect();
        let n = self.stack.len().min(other.stack.len());
        let stack = self.stack[self.stack.len() - n..]
            .iter()
            .zip(&other.stack[other.stack.len() - n..])
            .map(|(a, b)| a.meet(*b))
            .collect();
        let words = self.words.iter().filter(|w| other.words.contains(w)).copied().collect();
        State { locals, stack, words }
    }
}

/// One frame of the machine: locals by index (absent: not touched yet) and the known top of
/// its value stack.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub locals: HashMap<u32, Sym>,
    pub stack: Vec<Sym>,
}

/// The abstract machine.
#[derive(Clone, Debug)]
pub struct Machine {
    syms: Vec<Facts>,
    /// The frames the trace runs in, the running one last (never empty).
    pub frames: Vec<Frame>,
    /// Words of memory known to hold a value (dict versions, the class epoch), by address.
    pub words: HashMap<u64, u64>,
    /// The values with a shape known, so that an escape forgets shapes without visiting every
    /// value (traces full of calls escape often).
    shaped: Vec<Sym>,
}

impl Default for Machine {
    fn default() -> Machine {
        Machine::new()
    }
}

impl Machine {
    pub fn new() -> Machine {
        Machine { syms: Vec::new(), frames: vec![Frame::default()], words: HashMap::new(), shaped: Vec::new() }
    }

    /// A new value with `facts`.
    pub fn fresh(&mut self, facts: Facts) -> Sym {
        self.syms.push(facts);
        let s = (self.syms.len() - 1) as Sym;
        if facts.shape.is_some() {
            self.shaped.push(s);
        }
        s
    }

    /// Records that value `s` is an instance of `shape`.
    pub fn learn_shape(&mut self, s: Sym, shape: u64) {
        self.learn_tag(s, tag::OBJ);
        self.syms[s as usize].shape = Some(shape);
        self.shaped.push(s);
    }

    pub fn facts(&self, s: Sym) -> Facts {
        self.syms[s as usize]
    }

    pub fn facts_mut(&mut self, s: Sym) -> &mut Facts {
        &mut self.syms[s as usize]
    }

    /// The running frame.
    pub fn frame(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("the machine always has a frame")
    }

    pub fn push(&mut self, s: Sym) {
        self.frame().stack.push(s);
    }

    pub fn push_new(&mut self, facts: Facts) -> Sym {
        let s = self.fresh(facts);
        self.push(s);
        s
    }

    pub fn pop(&mut self) -> Sym {
        match self.frame().stack.pop() {
            Some(s) => s,
            None => self.fresh(Facts::default()),
        }
    }

    /// Pops the top `n` values, returned deepest first (as they were pushed). (Not
    /// `(0..n).map(pop).rev()`: that reverses the range, not the order of the pops.)
    pub fn pop_n(&mut self, n: usize) -> Vec<Sym> {
        let mut values: Vec<Sym> = (0..n).map(|_| self.pop()).collect();
        values.reverse();
        values
    }

    /// Makes the known stack at least `n` deep (fresh values below what is known).
    fn reach(&mut self, n: usize) {
        let have = self.frame().stack.len();
        if have < n {
            let new: Vec<Sym> = (0..n - have).map(|_| self.fresh(Facts::default())).collect();
            self.frame().stack.splice(0..0, new);
        }
    }

    /// The value `n` from the top (1 is the top).
    pub fn peek(&mut self, n: usize) -> Sym {
        self.reach(n);
        let stack = &self.frame().stack;
        stack[stack.len() - n]
    }

    /// Local `k` of the running frame.
    pub fn local(&mut self, k: u32) -> Sym {
        if let Some(&s) = self.frame().locals.get(&k) {
            return s;
        }
        let s = self.fresh(Facts::default());
        self.frame().locals.insert(k, s);
        s
    }

    /// What is known of the running frame and memory now.
    pub fn state(&self) -> State {
        let frame = self.frames.last().expect("the machine always has a frame");
        let mut locals: Vec<(u32, Facts)> =
            frame.locals.iter().map(|(&k, &s)| (k, self.facts(s))).filter(|(_, f)| !f.is_empty()).collect();
        locals.sort_by_key(|l| l.0);
        // The top of the stack only: what a side trace's first instructions use.
        let from = frame.stack.len().saturating_sub(STATE_STACK);
        let stack = frame.stack[from..].iter().map(|&s| self.facts(s)).collect();
        let mut words: Vec<(u64, u64)> = self.words.iter().map(|(&a, &v)| (a, v)).collect();
        words.sort_unstable();
        State { locals, stack, words }
    }

    /// Starts from `state`: the running frame's locals and stack top get values with those
    /// facts, and memory those words.
    pub fn assume(&mut self, state: &State) {
        for &(k, f) in &state.locals {
            let s = self.fresh(f);
            self.frame().locals.insert(k, s);
        }
        let stack: Vec<Sym> = state.stack.iter().map(|&f| self.fresh(f)).collect();
        self.frame().stack = stack;
        self.words.extend(state.words.iter().copied());
    }

    /// Forgets everything about the heap: code ran that could change any of it.
    pub fn escape(&mut self) {
        self.words.clear();
        for s in self.shaped.drain(..) {
            self.syms[s as usize].shape = None;
        }
    }

    /// Forgets everything (an entry point where the trace may come from anywhere).
    pub fn reset(&mut self) {
        self.frames = vec![Frame::default()];
        self.escape();
    }

    /// Runs `op`: moves symbols as the uop moves values and records the facts its success
    /// establishes (a guard's check, a result's tag).
    pub fn step(&mut self, op: &TraceOp, cx: &Context) {
        use Uop::*;
        let info = op.uop.info();
        let n = op.oparg as usize;
        match op.uop {
            _LOAD_FAST | _LOAD_FAST_CHECK => {
                let s = self.local(op.oparg);
                if op.uop == _LOAD_FAST_CHECK {
                    self.facts_mut(s).not_null = true;
                }
                self.push(s);
            }
            _LOAD_FAST_UNBOXED => {
                let s = self.local(op.oparg);
                self.learn_tag(s, op.operands[0]);
                self.push(s);
            }
            _STORE_FAST | _STORE_FAST_UNBOXED => {
                let s = self.pop();
                self.frame().locals.insert(op.oparg, s);
            }
            _STORE_FAST_KEEP | _STORE_FAST_KEEP_UNBOXED => {
                let s = self.peek(1);
                self.frame().locals.insert(op.oparg, s);
            }
            _LOAD_CONST_INLINE => {
                self.push_new(Facts::constant(op.operands[0], op.operands[1]));
            }
            _PUSH_NULL => {
                self.push_new(Facts::constant(tag::NULL, 0));
            }
            _COPY => {
                let s = self.peek(n);
                self.push(s);
            }
            _SWAP => {
                self.reach(n);
                let stack = &mut self.frame().stack;
                let len = stack.len();
                stack.swap(len - 1, len - n);
            }
            _GUARD_TOS_INT | _GUARD_TOS_FLOAT | _GUARD_TOS_BOOL => {
                let s = self.peek(1);
                self.learn_tag(s, guarded_tag(op.uop));
            }
            _GUARD_NOS_INT | _GUARD_NOS_FLOAT => {
                let s = self.peek(2);
                self.learn_tag(s, guarded_tag(op.uop));
            }
            _GUARD_BOTH_INT | _GUARD_BOTH_FLOAT => {
                for k in 1..=2 {
                    let s = self.peek(k);
                    self.learn_tag(s, guarded_tag(op.uop));
                }
            }
            _GUARD_FAST_TAG => {
                let s = self.local(op.oparg);
                self.learn_tag(s, op.operands[0]);
            }
            _GUARD_FAST_TYPE_VERSION => {
                let s = self.local(op.oparg);
                self.learn_shape(s, op.operands[0]);
            }
            _GUARD_SLOT_NULL => {
                let s = self.peek(n);
                *self.facts_mut(s) = Facts::constant(tag::NULL, 0);
            }
            _GUARD_SLOT_NOT_NULL => {
                let s = self.peek(n);
                self.facts_mut(s).not_null = true;
            }
            _GUARD_GLOBALS_VERSION | _GUARD_BUILTINS_VERSION | _GUARD_CLASS_EPOCH => {
                self.words.insert(op.operands[0], op.operands[1]);
            }
            _CHECK_FUNCTION => {
                let s = self.peek(n + 2);
                *self.facts_mut(s) = Facts::constant(tag::OBJ, op.operands[0]);
            }
            _GUARD_TYPE_VERSION => {
                let s = self.peek(1);
                self.learn_shape(s, op.operands[0]);
            }
            _STORE_ATTR_INSTANCE_APPEND => {
                // The instance's shape is the transition's target from here on.
                let instance = self.pop();
                self.pop();
                self.learn_shape(instance, op.operands[1]);
            }
            _GUARD_NOS_TYPE_VERSION => {
                let s = self.peek(2);
                self.learn_shape(s, op.operands[0]);
            }
            _PUSH_FRAME_OPERATOR => {
                let operands = self.pop_n(n);
                let mut frame = Frame::default();
                for (k, s) in operands.into_iter().enumerate() {
                    frame.locals.insert(k as u32, s);
                }
                self.frames.push(frame);
            }
            _LOAD_ATTR_METHOD_WITH_VALUES => {
                let self_value = self.pop();
                self.push_new(Facts::constant(tag::OBJ, op.operands[0]));
                self.push(self_value);
            }
            _INT_TO_FLOAT_NOS => {
                let top = self.pop();
                self.pop();
                self.push_new(Facts::tagged(tag::FLOAT));
                self.push(top);
            }
            _PUSH_FRAME | _CREATE_INIT_FRAME => {
                let args = self.pop_n(n);
                let self_or_null = self.pop();
                self.pop();
                let mut frame = Frame::default();
                let params: Option<Vec<Sym>> = if op.uop == _CREATE_INIT_FRAME {
                    let instance = self.fresh(Facts::tagged(tag::OBJ));
                    Some(std::iter::once(instance).chain(args).collect())
                } else {
                    let f = self.facts(self_or_null);
                    if f.tag == Some(tag::NULL) {
                        Some(args)
                    } else if f.not_null {
                        Some(std::iter::once(self_or_null).chain(args).collect())
                    } else {
                        None
                    }
                };
                for (k, s) in params.into_iter().flatten().enumerate() {
                    frame.locals.insert(k as u32, s);
                }
                self.frames.push(frame);
            }
            _PUSH_GENERATOR_FRAME => {
                // The generator's saved locals and stack: nothing known.
                self.frames.push(Frame::default());
            }
            _POP_FRAME | _POP_FRAME_CHECKED | _POP_FRAME_BINARY | _YIELD_VALUE => {
                let result = self.pop();
                self.frames.pop();
                if self.frames.is_empty() {
                    // Returned into a frame the trace did not start in.
                    self.frames.push(Frame::default());
                }
                let result = if op.uop == _POP_FRAME { result } else { self.fresh(Facts::default()) };
                self.push(result);
            }
            _EXECUTE_BYTECODE => match cx.bytecode_effect(op.code, op.operands[0]) {
                Some((inputs, pushes, writes_local)) => {
                    // What it consumes goes; what it pushes is unknown; what lies below stays.
                    for _ in 0..inputs {
                        self.pop();
                    }
                    for _ in 0..pushes {
                        self.push_new(Facts::default());
                    }
                    if writes_local {
                        self.frame().locals.clear();
                    }
                }
                None => self.reset(),
            },
            _ => {
                // Everything else by its table entry: pop the inputs, push results whose tag
                // the uop fixes.
                let Some((pops, pushes)) = info.stack.counts(op.oparg) else {
                    self.reset();
                    return;
                };
                for _ in 0..pops {
                    self.pop();
                }
                for k in 0..pushes {
                    let facts = result_facts(op.uop, k, pushes);
                    self.push_new(facts);
                }
            }
        }
        if info.effect == Effect::Escapes {
            self.escape();
        }
    }

    pub fn learn_tag(&mut self, s: Sym, t: u64) {
        let f = self.facts_mut(s);
        f.tag = Some(t);
        f.not_null |= t != tag::NULL;
    }
}

/// The tag a type guard checks.
pub fn guarded_tag(uop: Uop) -> u64 {
    use Uop::*;
    match uop {
        _GUARD_TOS_INT | _GUARD_NOS_INT | _GUARD_BOTH_INT => tag::INT,
        _GUARD_TOS_FLOAT | _GUARD_NOS_FLOAT | _GUARD_BOTH_FLOAT => tag::FLOAT,
        _GUARD_TOS_BOOL => tag::BOOL,
        _ => unreachable!("{uop} is not a type guard"),
    }
}

/// What is known of result `k` (0 is the deepest) of the `pushes` results of `uop`.
fn result_facts(uop: Uop, k: u32, pushes: u32) -> Facts {
    use Uop::*;
    let top = k + 1 == pushes;
    match uop {
        _BINARY_OP_ADD_INT
        | _BINARY_OP_SUBTRACT_INT
        | _BINARY_OP_MULTIPLY_INT
        | _BINARY_OP_FLOOR_DIVIDE_INT
        | _BINARY_OP_MODULO_INT
        | _BINARY_OP_AND_INT
        | _BINARY_OP_OR_INT
        | _BINARY_OP_XOR_INT
        | _BINARY_OP_LSHIFT_INT
        | _BINARY_OP_RSHIFT_INT
        | _UNARY_NEGATIVE_INT => Facts::tagged(tag::INT),
        _BINARY_OP_ADD_FLOAT
        | _BINARY_OP_SUBTRACT_FLOAT
        | _BINARY_OP_MULTIPLY_FLOAT
        | _BINARY_OP_TRUE_DIVIDE_FLOAT
        | _BINARY_OP_POWER_FLOAT
        | _BINARY_OP_TRUE_DIVIDE_INT
        | _UNARY_NEGATIVE_FLOAT
        | _INT_TO_FLOAT_TOS => Facts::tagged(tag::FLOAT),
        _COMPARE_OP_INT | _COMPARE_OP_FLOAT | _COMPARE_OP_STR | _CONTAINS_OP_NATIVE | _IS_OP | _TO_BOOL_INT
        | _UNARY_NOT => Facts::tagged(tag::BOOL),
        // The iterator stays below what these push.
        _FOR_ITER_RANGE if top => Facts::tagged(tag::INT),
        _FOR_ITER_ENUMERATE_LIST if top => Facts::tagged(tag::INT),
        _FOR_ITER_LIST | _FOR_ITER_TUPLE | _FOR_ITER_ENUMERATE_LIST if top || k == 1 => Facts::not_null(),
        _GET_ITER_SEQUENCE => Facts::tagged(tag::OBJ),
        _YIELD_VALUE_SINK | _CALL_LIST_APPEND => Facts::constant(tag::NONE, 0),
        _LOAD_DEREF | _LOAD_ATTR_INSTANCE_VALUE | _UNPACK_SEQUENCE | _UNPACK_SEQUENCE_TWO | _UNPACK_SEQUENCE_THREE => {
            Facts::not_null()
        }
        _ => Facts::default(),
    }
}
