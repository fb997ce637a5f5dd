//! The `random` module and `random.Random`: CPython 3.11's `Lib/random.py` surface as natives.
//!
//! Programs seed `random` and print what it gives, so every function must take the same
//! arguments, draw from the generator in the same order and fail with the same exceptions
//! as CPython's, for the module-level functions and for `Random` instances alike.
//!
//! Approach: the generator and the numeric algorithms live in `random.rs` (`Mt19937`) and
//! `random_dist.rs`; this file binds Python arguments to them (with `Lib/random.py`'s
//! parameter names, defaults and keyword-only parameters), maps indices back onto the
//! caller's sequences and builds the results. The module's functions use the VM's own
//! generator (`Vm::random`); a `Random` instance's methods are the same functions run with
//! the instance's generator swapped in (`gauss_next` lives in the generator, so it moves
//! with it). Seeding follows `Random.seed` (version 2 for str, `hash()` for floats) and
//! `getstate`/`setstate` use CPython's `(3, words + (index,), gauss_next)` tuples.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::bytecode::BinaryOp;
use crate::interpreter::{PyResult, Vm};

use super::int;
use super::interner::Sym;
use super::iter as pyiter;
use super::mathmod::{float_arg, int_arg};
use super::object::{Instance, InstanceExt, NativeFn, ObjKind};
use super::ops;
use super::random::{bisect_right, N};
use super::random_dist::DistError;
use super::strings;
use super::value::Value;

type Kw<'a> = &'a [(Sym, Value)];

/// Builds `(name, function)` tables for the module and for `random.Random` from one list.
macro_rules! functions {
    ($($name:literal => $f:ident),* $(,)?) => {
        /// The module's functions.
        fn module_functions() -> Vec<(&'static str, NativeFn)> {
            vec![$(($name, $f as NativeFn)),*]
        }

        /// The same functions as `random.Random` methods.
        fn method_functions() -> Vec<(&'static str, NativeFn)> {
            vec![$(($name, |vm: &mut Vm, args: &[Value], kw: Kw| with_instance_rng(vm, args, kw, $f))),*]
        }
    };
}

functions! {
    "seed" => random_seed,
    "random" => random_random,
    "getrandbits" => random_getrandbits,
    "randbytes" => random_randbytes,
    "randint" => random_randint,
    "randrange" => random_randrange,
    "choice" => random_choice,
    "shuffle" => random_shuffle,
    "sample" => random_sample,
    "choices" => random_choices,
    "uniform" => random_uniform,
    "triangular" => random_triangular,
    "gauss" => random_gauss,
    "normalvariate" => random_normalvariate,
    "lognormvariate" => random_lognormvariate,
    "expovariate" => random_expovariate,
    "vonmisesvariate" => random_vonmisesvariate,
    "gammavariate" => random_gammavariate,
    "betavariate" => random_betavariate,
    "paretovariate" => random_paretovariate,
    "weibullvariate" => random_weibullvariate,
    "getstate" => random_getstate,
    "setstate" => random_setstate,
}

/// The `random` module, its generator seeded from the clock (CPython uses OS entropy).
pub fn module(vm: &mut Vm) -> Value {
    vm.random.seed_int(&BigInt::from(clock_seed()));
    let mut entries = super::modules::natives(vm, &module_functions());
    entries.push(("Random", Value::Obj(vm.types.random_class)));
    super::modules::make_module(vm, "random", entries)
}

/// `random.Random`'s methods: the module's functions run with the instance's generator
/// swapped in for the module's own (none of them runs Python code between the swaps but
/// those that index, iterate or add user objects, whose methods would see the instance's
/// generator as the module's).
pub fn init_class(vm: &mut Vm) {
    let mut methods: Vec<(&'static str, NativeFn)> =
        vec![("__init__", |vm, args, kw| with_instance_rng(vm, args, kw, random_seed).map(|_| Value::None))];
    methods.extend(method_functions());
    let class = vm.types.random_class;
    super::types::add_methods(vm, class, &methods);
}

fn with_instance_rng(vm: &mut Vm, args: &[Value], kw: Kw, f: NativeFn) -> PyResult<Value> {
    let Some(state) = args.first().and_then(|v| v.obj()).and_then(|o| match &o.kind {
        ObjKind::Instance(Instance { ext: InstanceExt::Random(r), .. }) => Some(&**r),
        _ => None,
    }) else {
        return Err(vm.new_error(vm.types.type_error, "descriptor requires a 'random.Random' object"));
    };
    std::mem::swap(&mut *state.borrow_mut(), &mut vm.random);
    let result = f(vm, &args[1..], kw);
    std::mem::swap(&mut *state.borrow_mut(), &mut vm.random);
    result
}

fn clock_seed() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Arguments

/// Binds `args` and `kw` to the parameters of the Python method `Random.<name>` (after
/// `self`): the first `positional` may come positionally, the first `required` must be
/// given, the rest are keyword-only. Errors read like CPython's for a bound method.
fn bind<const P: usize>(
    vm: &mut Vm,
    name: &str,
    params: [&str; P],
    positional: usize,
    required: usize,
    args: &[Value],
    kw: Kw,
) -> PyResult<[Option<Value>; P]> {
    let mut out = [None; P];
    if args.len() > positional {
        let takes = if required == positional {
            format!("{}", positional + 1)
        } else {
            format!("from {} to {}", required + 1, positional + 1)
        };
        let msg = format!("Random.{name}() takes {takes} positional arguments but {} were given", args.len() + 1);
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    for (slot, &a) in out.iter_mut().zip(args) {
        *slot = Some(a);
    }
    for &(k, v) in kw {
        let key = vm.sym_str(k).to_string();
        let Some(i) = params.iter().position(|p| *p == key) else {
            let msg = format!("Random.{name}() got an unexpected keyword argument '{key}'");
            return Err(vm.new_error(vm.types.type_error, &msg));
        };
        if out[i].is_some() {
            let msg = format!("Random.{name}() got multiple values for argument '{key}'");
            return Err(vm.new_error(vm.types.type_error, &msg));
        }
        out[i] = Some(v);
    }
    let missing: Vec<String> =
        (0..required).filter(|&i| out[i].is_none()).map(|i| format!("'{}'", params[i])).collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        let msg = format!("Random.{name}() missing {} required positional argument{s}: {list}", missing.len());
        return Err(vm.new_error(vm.types.type_error, &msg));
    }
    Ok(out)
}

/// A parameter whose default is `None`: `None` when absent or given as `None`.
fn given(v: Option<Value>) -> Option<Value> {
    v.filter(|v| !v.is_none())
}

/// A float parameter with its default.
fn float_or(vm: &mut Vm, v: Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => float_arg(vm, v),
        None => Ok(default),
    }
}

/// Raises a distribution's error as its Python exception.
fn dist_result(vm: &mut Vm, r: Result<f64, DistError>) -> PyResult<Value> {
    match r {
        Ok(x) => Ok(Value::Float(x)),
        Err(DistError::ZeroDivision(m)) => Err(vm.new_error(vm.types.zero_division_error, m)),
        Err(DistError::Value(m)) => Err(vm.new_error(vm.types.value_error, m)),
        Err(DistError::Overflow(m)) => Err(vm.new_error(vm.types.overflow_error, m)),
    }
}

/// `population[i]` for each index, as a new list (rooted while user `__getitem__` runs).
fn pick(vm: &mut Vm, population: Value, indices: &[usize]) -> PyResult<Value> {
    let items = population.obj().and_then(|o| match &o.kind {
        ObjKind::List(l) => Some(l.borrow().clone()),
        ObjKind::Tuple(t) => Some(t.to_vec()),
        _ => None,
    });
    if let Some(items) = items {
        if indices.iter().all(|&i| i < items.len()) {
            let picked = indices.iter().map(|&i| items[i]).collect();
            return Ok(vm.new_list(picked));
        }
    }
    let out = vm.new_list(Vec::with_capacity(indices.len()));
    vm.temp_roots.push(out);
    let result = (|| {
        for &i in indices {
            let item = ops::getitem(vm, population, Value::Int(i as i64))?;
            if let Some(l) = out.obj().and_then(|o| o.as_list()) {
                l.borrow_mut().push(item);
            }
        }
        Ok(out)
    })();
    vm.temp_roots.pop();
    result
}

/// `list(itertools.accumulate(iterable))` with Python's `+`, as a list value.
fn accumulate(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let items = pyiter::collect(vm, iterable)?;
    let list = vm.new_list(items);
    vm.temp_roots.push(list);
    let result = (|| {
        let Some(l) = list.obj().and_then(|o| o.as_list()) else { return Ok(()) };
        let n = l.borrow().len();
        for i in 1..n {
            let (a, b) = (l.borrow()[i - 1], l.borrow()[i]);
            let sum = ops::binary_op(vm, BinaryOp::Add, false, a, b)?;
            l.borrow_mut()[i] = sum;
        }
        Ok(())
    })();
    vm.temp_roots.pop();
    result.map(|_| list)
}

/// `isinstance(v, collections.abc.Sequence)`.
fn is_sequence(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let Some(o) = v.obj() else { return Ok(false) };
    match &o.kind {
        ObjKind::Str(_)
        | ObjKind::List(_)
        | ObjKind::Tuple(_)
        | ObjKind::Range(_)
        | ObjKind::BigRange(_)
        | ObjKind::Array(_) => Ok(true),
        ObjKind::Instance(_) => {
            let name = vm.intern("collections.abc");
            let abc = super::modules::import_dotted(vm, name, true)?;
            let seq = vm.intern("Sequence");
            let class = super::attr::getattr(vm, abc, seq)?;
            let t = vm.type_of(v);
            super::builtins::class_check(vm, class, t, "isinstance")
        }
        _ => Ok(false),
    }
}

// ---------------------------------------------------------------------------------------------
// Seeding and state

fn random_seed(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [a, version] = bind(vm, "seed", ["a", "version"], 2, 0, args, kw)?;
    let a = a.unwrap_or(Value::None);
    let version = match version {
        Some(v) => ops::expect_int(vm, v, "")?,
        None => 2,
    };
    if let Some(b) = int::to_bigint(a) {
        vm.random.seed_int(&b);
    } else if a.is_none() {
        vm.random.seed_int(&BigInt::from(clock_seed()));
    } else if let Some(s) = strings::as_str(a) {
        match version {
            1 => {
                // Python 2's str hash, as `Random.seed(a, version=1)` spells it.
                let first = s.chars().next().map_or(0, |c| (c as u64) << 7);
                let x = s.chars().fold(first, |x, c| 1_000_003u64.wrapping_mul(x) ^ c as u64);
                vm.random.seed_u64(x ^ s.chars().count() as u64);
            }
            2 => vm.random.seed_bytes(s.as_bytes()),
            _ => {
                let h = ops::hash(vm, a)?;
                vm.random.seed_hash(h);
            }
        }
    } else if let (Some(b), 2) = (super::bytes::data(a), version) {
        vm.random.seed_bytes(&b);
    } else if let (Some(ObjKind::Bytes(b)), 1) = (a.obj().map(|o| &o.kind), version) {
        // Version 1 reads bytes as Latin-1 text.
        let text: String = b.b.iter().map(|&c| c as char).collect();
        let first = text.chars().next().map_or(0, |c| (c as u64) << 7);
        let x = text.chars().fold(first, |x, c| 1_000_003u64.wrapping_mul(x) ^ c as u64);
        vm.random.seed_u64(x ^ text.chars().count() as u64);
    } else if super::bytes::is_bytes_like(a) {
        let h = ops::hash(vm, a)?;
        vm.random.seed_hash(h);
    } else if let Value::Float(x) = a {
        vm.random.seed_hash(int::hash_f64(x));
    } else {
        return Err(vm.new_error(
            vm.types.type_error,
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
        ));
    }
    Ok(Value::None)
}

/// `getstate()`: `(3, (word0, ..., word623, index), gauss_next)`.
fn random_getstate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    bind(vm, "getstate", [], 0, 0, args, kw)?;
    let (words, index) = vm.random.state_words();
    let mut items: Vec<Value> = words.iter().map(|&w| Value::Int(w as i64)).collect();
    items.push(Value::Int(index as i64));
    let gauss = vm.random.gauss_next().map_or(Value::None, Value::Float);
    let inner = vm.new_tuple(items);
    vm.temp_roots.push(inner);
    let state = vm.new_tuple(vec![Value::Int(3), inner, gauss]);
    vm.temp_roots.pop();
    Ok(state)
}

/// `setstate(state)` for the states `getstate` makes (version 3) and Python 2.x's (2).
fn random_setstate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [state] = bind(vm, "setstate", ["state"], 1, 1, args, kw)?;
    let state = state.unwrap_or(Value::None);
    let version = ops::getitem(vm, state, Value::Int(0))?;
    let v = int::to_bigint(version).and_then(|b| b.to_i64()).filter(|v| *v == 2 || *v == 3);
    let Some(v) = v else {
        let shown = super::repr::str_of(vm, version)?;
        let msg = format!("state with version {shown} passed to Random.setstate() of version 3");
        return Err(vm.new_error(vm.types.value_error, &msg));
    };
    let parts = pyiter::collect(vm, state)?;
    if parts.len() != 3 {
        let msg = if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!("not enough values to unpack (expected 3, got {})", parts.len())
        };
        return Err(vm.new_error(vm.types.value_error, &msg));
    }
    let gauss = if parts[2].is_none() { None } else { Some(float_arg(vm, parts[2])?) };
    vm.random.set_gauss_next(gauss);
    let internal = if v == 2 {
        let mut words = Vec::new();
        for x in pyiter::collect(vm, parts[1])? {
            let Some(b) = int::to_bigint(x) else {
                return Err(vm.new_error(vm.types.type_error, "an integer is required"));
            };
            let m = ((b % (1u64 << 32)) + (1u64 << 32)) % (1u64 << 32);
            words.push(Value::Int(m.to_i64().unwrap_or(0)));
        }
        words
    } else {
        match parts[1].obj().map(|o| &o.kind) {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            _ => return Err(vm.new_error(vm.types.type_error, "state vector must be a tuple")),
        }
    };
    if internal.len() != N + 1 {
        return Err(vm.new_error(vm.types.value_error, "state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, &x) in words.iter_mut().zip(&internal) {
        let Some(b) = int::to_bigint(x) else {
            return Err(vm.new_error(vm.types.type_error, "an integer is required"));
        };
        if b.is_negative() {
            return Err(vm.new_error(vm.types.overflow_error, "can't convert negative value to unsigned int"));
        }
        let Some(u) = b.to_u64() else {
            return Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C unsigned long"));
        };
        *w = u as u32;
    }
    let index = ops::expect_int(vm, internal[N], "")?;
    let index = usize::try_from(index).unwrap_or(usize::MAX);
    if let Err(m) = vm.random.set_state_words(&words, index) {
        return Err(vm.new_error(vm.types.value_error, &m));
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------------------------
// Integers and sequences

fn random_random(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    super::builtins::no_kwargs(vm, "Random.random", kw)?;
    super::builtins::arity(vm, "Random.random", args, 0, 0)?;
    Ok(Value::Float(vm.random.random()))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    super::builtins::no_kwargs(vm, "Random.getrandbits", kw)?;
    super::builtins::arity(vm, "getrandbits", args, 1, 1)?;
    let k = ops::expect_int(vm, args[0], "")?;
    if k < 0 {
        return Err(vm.new_error(vm.types.value_error, "number of bits must be non-negative"));
    }
    let r = BigInt::from(vm.random.getrandbits(k as u32));
    Ok(int::from_bigint(vm, r))
}

/// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, "little")`.
fn random_randbytes(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [n] = bind(vm, "randbytes", ["n"], 1, 1, args, kw)?;
    let n = ops::expect_int(vm, n.unwrap_or(Value::Int(0)), "")?;
    if n < 0 {
        return Err(vm.new_error(vm.types.value_error, "number of bits must be non-negative"));
    }
    let bits = vm.random.getrandbits((n * 8) as u32);
    let mut b = bits.to_bytes_le();
    b.resize(n as usize, 0);
    Ok(super::bytes::new_bytes(vm, b))
}

/// `_index(x)` of `randrange`, with 3.11's deprecated acceptance of integral floats.
fn range_arg(vm: &mut Vm, v: Value, which: &str) -> PyResult<BigInt> {
    if let Value::Float(x) = v {
        if x.is_finite() && x.fract() == 0.0 {
            return Ok(BigInt::from(x as i128));
        }
        return Err(vm.new_error(vm.types.value_error, &format!("non-integer {which} for randrange()")));
    }
    int_arg(vm, v)
}

fn randrange_impl(vm: &mut Vm, start: Value, stop: Option<Value>, step: Option<Value>) -> PyResult<Value> {
    let istart = range_arg(vm, start, "arg 1")?;
    let Some(stop) = stop else {
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(vm.new_error(vm.types.type_error, "Missing a non-None stop argument"));
        }
        if !istart.is_positive() {
            return Err(vm.new_error(vm.types.value_error, "empty range for randrange()"));
        }
        let r = BigInt::from(vm.random.randbelow_big(istart.magnitude()));
        return Ok(int::from_bigint(vm, r));
    };
    let istop = range_arg(vm, stop, "stop")?;
    let istep = match step {
        Some(s) => range_arg(vm, s, "step")?,
        None => BigInt::from(1),
    };
    match vm.random.randrange_big(&istart, &istop, &istep) {
        Ok(r) => Ok(int::from_bigint(vm, r)),
        Err(m) => Err(vm.new_error(vm.types.value_error, &m)),
    }
}

fn random_randrange(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [start, stop, step] = bind(vm, "randrange", ["start", "stop", "step"], 3, 1, args, kw)?;
    randrange_impl(vm, start.unwrap_or(Value::None), given(stop), step)
}

fn random_randint(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [a, b] = bind(vm, "randint", ["a", "b"], 2, 2, args, kw)?;
    let (a, b) = (a.unwrap_or(Value::None), b.unwrap_or(Value::None));
    let stop = ops::binary_op(vm, BinaryOp::Add, false, b, Value::Int(1))?;
    randrange_impl(vm, a, Some(stop), None)
}

fn random_choice(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [seq] = bind(vm, "choice", ["seq"], 1, 1, args, kw)?;
    let seq = seq.unwrap_or(Value::None);
    let n = ops::len(vm, seq)?;
    match vm.random.choice_index(n) {
        Ok(i) => ops::getitem(vm, seq, Value::Int(i as i64)),
        Err(m) => Err(vm.new_error(vm.types.index_error, &m)),
    }
}

fn random_shuffle(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [x] = bind(vm, "shuffle", ["x"], 1, 1, args, kw)?;
    let x = x.unwrap_or(Value::None);
    if let Some(l) = x.obj().and_then(|o| o.as_list()) {
        let n = l.borrow().len();
        for (i, j) in vm.random.shuffle_swaps(n) {
            l.borrow_mut().swap(i, j);
        }
        return Ok(Value::None);
    }
    // Any other mutable sequence: `x[i], x[j] = x[j], x[i]`, one swap at a time.
    let n = ops::len(vm, x)?;
    for i in (1..n).rev() {
        let j = vm.random.randbelow(i as u64 + 1) as usize;
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let a = ops::getitem(vm, x, vj)?;
        vm.temp_roots.push(a);
        let b = ops::getitem(vm, x, vi);
        let result = b.and_then(|b| {
            vm.temp_roots.push(b);
            let r = ops::setitem(vm, x, vi, a).and_then(|_| ops::setitem(vm, x, vj, b));
            vm.temp_roots.pop();
            r
        });
        vm.temp_roots.pop();
        result?;
    }
    Ok(Value::None)
}

fn random_sample(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [population, k, counts] = bind(vm, "sample", ["population", "k", "counts"], 2, 2, args, kw)?;
    let (population, k) = (population.unwrap_or(Value::None), k.unwrap_or(Value::None));
    if !is_sequence(vm, population)? {
        let msg = "Population must be a sequence.  For dicts or sets, use sorted(d).";
        return Err(vm.new_error(vm.types.type_error, msg));
    }
    let n = ops::len(vm, population)?;
    const TOO_MANY: &str = "Sample larger than population or is negative";
    let Some(counts) = given(counts) else {
        let k = ops::expect_int(vm, k, "")?;
        let indices = match usize::try_from(k).ok().map(|k| vm.random.sample_indices(n, k)) {
            Some(Ok(ix)) => ix,
            _ => return Err(vm.new_error(vm.types.value_error, TOO_MANY)),
        };
        return pick(vm, population, &indices);
    };
    // Repeated elements: sample positions in `range(total)` and map each onto its element
    // by bisecting the running counts.
    let cum = accumulate(vm, counts)?;
    vm.temp_roots.push(cum);
    let result = (|| {
        let mut cum = pyiter::collect(vm, cum)?;
        if cum.len() != n {
            return Err(vm.new_error(vm.types.value_error, "The number of counts does not match the population"));
        }
        let total = cum.pop().and_then(int::to_bigint);
        let Some(total) = total else {
            return Err(vm.new_error(vm.types.type_error, "Counts must be integers"));
        };
        if !total.is_positive() {
            return Err(vm.new_error(vm.types.value_error, "Total of counts must be greater than zero"));
        }
        let Some(total) = total.to_usize() else {
            return Err(vm.new_error(vm.types.overflow_error, "Python int too large to convert to C ssize_t"));
        };
        let k = ops::expect_int(vm, k, "")?;
        let selections = match usize::try_from(k).ok().map(|k| vm.random.sample_indices(total, k)) {
            Some(Ok(s)) => s,
            _ => return Err(vm.new_error(vm.types.value_error, TOO_MANY)),
        };
        let bounds: Vec<f64> =
            cum.iter().map(|&c| int::to_bigint(c).and_then(|b| b.to_f64()).unwrap_or(f64::INFINITY)).collect();
        let indices: Vec<usize> = selections.iter().map(|&s| bisect_right(&bounds, s as f64)).collect();
        pick(vm, population, &indices)
    })();
    vm.temp_roots.pop();
    result
}

fn random_choices(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [population, weights, cum_weights, k] =
        bind(vm, "choices", ["population", "weights", "cum_weights", "k"], 2, 1, args, kw)?;
    let population = population.unwrap_or(Value::None);
    let n = ops::len(vm, population)?;
    let k = k.unwrap_or(Value::Int(1));
    let (weights, cum_weights) = (given(weights), given(cum_weights));
    let cum = match (weights, cum_weights) {
        (None, None) => {
            let k = ops::expect_int(vm, k, "")?.max(0) as usize;
            if n == 0 && k > 0 {
                // CPython draws once, then fails indexing the empty population.
                vm.random.random();
                ops::getitem(vm, population, Value::Int(0))?;
            }
            let indices = vm.random.choices_indices(n, k);
            return pick(vm, population, &indices);
        }
        (Some(w), None) => {
            if int::is_int(w) {
                let shown = super::repr::repr(vm, w)?;
                let msg = format!("The number of choices must be a keyword argument: k={shown}");
                return Err(vm.new_error(vm.types.type_error, &msg));
            }
            accumulate(vm, w)?
        }
        (None, Some(c)) => c,
        (Some(_), Some(_)) => {
            return Err(vm.new_error(vm.types.type_error, "Cannot specify both weights and cumulative weights"));
        }
    };
    vm.temp_roots.push(cum);
    let result = (|| {
        if ops::len(vm, cum)? != n {
            return Err(vm.new_error(vm.types.value_error, "The number of weights does not match the population"));
        }
        ops::getitem(vm, cum, Value::Int(-1))?;
        let mut bounds = Vec::with_capacity(n);
        for c in pyiter::collect(vm, cum)? {
            bounds.push(float_arg(vm, c)?);
        }
        let k = ops::expect_int(vm, k, "")?.max(0) as usize;
        match vm.random.choices_cum_weights(&bounds, k) {
            Ok(indices) => pick(vm, population, &indices),
            Err(m) => Err(vm.new_error(vm.types.value_error, &m)),
        }
    })();
    vm.temp_roots.pop();
    result
}

// ---------------------------------------------------------------------------------------------
// Real-valued distributions

fn random_uniform(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [a, b] = bind(vm, "uniform", ["a", "b"], 2, 2, args, kw)?;
    let a = float_or(vm, a, 0.0)?;
    let b = float_or(vm, b, 0.0)?;
    Ok(Value::Float(vm.random.uniform(a, b)))
}

fn random_triangular(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [low_v, high, mode] = bind(vm, "triangular", ["low", "high", "mode"], 3, 0, args, kw)?;
    let low = float_or(vm, low_v, 0.0)?;
    let high = float_or(vm, high, 1.0)?;
    let mode = match given(mode) {
        Some(m) => Some(float_arg(vm, m)?),
        None => None,
    };
    // With `high == low` CPython's `(mode - low) / (high - low)` fails and it returns `low`.
    Ok(vm.random.triangular(low, high, mode).map_or(low_v.unwrap_or(Value::Float(0.0)), Value::Float))
}

fn random_gauss(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [mu, sigma] = bind(vm, "gauss", ["mu", "sigma"], 2, 0, args, kw)?;
    let mu = float_or(vm, mu, 0.0)?;
    let sigma = float_or(vm, sigma, 1.0)?;
    let r = vm.random.gauss(mu, sigma);
    dist_result(vm, r)
}

fn random_normalvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [mu, sigma] = bind(vm, "normalvariate", ["mu", "sigma"], 2, 0, args, kw)?;
    let mu = float_or(vm, mu, 0.0)?;
    let sigma = float_or(vm, sigma, 1.0)?;
    let r = vm.random.normalvariate(mu, sigma);
    dist_result(vm, r)
}

/// The two required float parameters of a distribution.
fn two_floats(vm: &mut Vm, name: &str, params: [&str; 2], args: &[Value], kw: Kw) -> PyResult<(f64, f64)> {
    let [a, b] = bind(vm, name, params, 2, 2, args, kw)?;
    Ok((float_or(vm, a, 0.0)?, float_or(vm, b, 0.0)?))
}

fn random_lognormvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (mu, sigma) = two_floats(vm, "lognormvariate", ["mu", "sigma"], args, kw)?;
    let r = vm.random.lognormvariate(mu, sigma);
    dist_result(vm, r)
}

fn random_expovariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [lambd] = bind(vm, "expovariate", ["lambd"], 1, 1, args, kw)?;
    let lambd = float_or(vm, lambd, 1.0)?;
    let r = vm.random.expovariate(lambd);
    dist_result(vm, r)
}

fn random_vonmisesvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (mu, kappa) = two_floats(vm, "vonmisesvariate", ["mu", "kappa"], args, kw)?;
    let r = vm.random.vonmisesvariate(mu, kappa);
    dist_result(vm, r)
}

fn random_gammavariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (alpha, beta) = two_floats(vm, "gammavariate", ["alpha", "beta"], args, kw)?;
    let r = vm.random.gammavariate(alpha, beta);
    dist_result(vm, r)
}

fn random_betavariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (alpha, beta) = two_floats(vm, "betavariate", ["alpha", "beta"], args, kw)?;
    let r = vm.random.betavariate(alpha, beta);
    dist_result(vm, r)
}

fn random_paretovariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let [alpha] = bind(vm, "paretovariate", ["alpha"], 1, 1, args, kw)?;
    let alpha = float_or(vm, alpha, 1.0)?;
    let r = vm.random.paretovariate(alpha);
    dist_result(vm, r)
}

fn random_weibullvariate(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let (alpha, beta) = two_floats(vm, "weibullvariate", ["alpha", "beta"], args, kw)?;
    let r = vm.random.weibullvariate(alpha, beta);
    dist_result(vm, r)
}
