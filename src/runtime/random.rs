//! The core of CPython's `random` module, reproducing CPython 3.11 bit for bit.
//!
//! Programs that call `random.seed(n)` expect the very same sequence of numbers as
//! under CPython, so both the generator and the way Python's `random.py` consumes it
//! must match exactly.
//!
//! Approach: [`Mt19937`] is the Mersenne Twister of `Modules/_randommodule.c`
//! (`init_genrand`, `init_by_array`, `genrand_uint32`). Seeding follows
//! `random_seed`: an int seed uses `abs(n)` split into 32-bit words, least
//! significant first; a str/bytes seed (version 2) first becomes
//! `int.from_bytes(data + sha512(data).digest())` (SHA-512 is in `sha512.rs`).
//! `random()` builds a 53-bit float from two outputs, `getrandbits` fills words
//! least significant first, and the higher-level functions (`randrange`, `randint`,
//! `choice`, `shuffle`, `sample`, `choices`, `uniform`) transcribe `Lib/random.py`,
//! including its rejection sampling in `_randbelow_with_getrandbits`, so they
//! consume the generator exactly like CPython does. They return indices or numbers;
//! the caller maps indices onto its own sequences. Errors are returned as the text
//! of CPython's exception (`ValueError` unless documented otherwise). The generator
//! also carries `gauss_next` (see `random_dist.rs` for the real-valued distributions)
//! and exposes its words for `getstate`/`setstate`; `randmod.rs` wires it all up as
//! the Python module.

use num_bigint::{BigInt, BigUint};
use num_traits::{One, Signed, ToPrimitive};

use super::sha512::sha512;

/// The number of 32-bit words of state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// CPython's Mersenne Twister state (`RandomObject`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
    /// `Random.gauss_next`: the second value of `gauss`'s last pair (as f64 bits, so the
    /// struct stays `Eq`). It lives here so that it moves with the generator when a
    /// `random.Random` instance swaps its state in; every reseed clears it.
    gauss_next: Option<u64>,
}

impl Default for Mt19937 {
    /// The generator seeded like `random.seed(0)`.
    fn default() -> Self {
        Mt19937::from_seed_u64(0)
    }
}

impl Mt19937 {
    /// A generator initialised with `init_genrand(seed)` (the reference C seeding).
    pub fn new(seed: u32) -> Mt19937 {
        let mut mt = Mt19937 { state: [0; N], index: N + 1, gauss_next: None };
        mt.init_genrand(seed);
        mt
    }

    /// A generator in a fixed state (that of `random.seed(0)`). CPython seeds an
    /// unseeded generator from OS entropy; callers wanting that seed it themselves.
    pub fn new_unseeded() -> Mt19937 {
        Mt19937::from_seed_u64(0)
    }

    /// A generator seeded like `random.seed(n)` for a non-negative int `n`.
    pub fn from_seed_u64(n: u64) -> Mt19937 {
        let mut mt = Mt19937::new(0);
        mt.seed_u64(n);
        mt
    }

    /// A generator seeded like `random.seed(n)` for any int `n`.
    pub fn from_seed_int(n: &BigInt) -> Mt19937 {
        let mut mt = Mt19937::new(0);
        mt.seed_int(n);
        mt
    }

    /// Reference `init_genrand` (every seeding goes through it, so it also clears
    /// `gauss_next`, as `Random.seed` does).
    pub fn init_genrand(&mut self, seed: u32) {
        self.gauss_next = None;
        let mt = &mut self.state;
        mt[0] = seed;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Reference `init_by_array`; `key` must not be empty.
    pub fn init_by_array(&mut self, key: &[u32]) {
        assert!(!key.is_empty(), "init_by_array needs at least one word");
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000; // MSB is 1, assuring a non-zero initial array
    }

    /// Seed from the 32-bit words of a non-negative integer, least significant
    /// first (an empty slice means 0).
    pub fn seed_from_u32_words(&mut self, words: &[u32]) {
        // CPython uses exactly bit_length rounded up to words, at least one word.
        let used = words.iter().rposition(|&w| w != 0).map_or(1, |p| p + 1);
        if words.is_empty() {
            self.init_by_array(&[0]);
        } else {
            self.init_by_array(&words[..used]);
        }
    }

    /// Seed from the 64-bit words of a non-negative integer, least significant first.
    pub fn seed_from_u64_words(&mut self, words: &[u64]) {
        let halves: Vec<u32> = words.iter().flat_map(|&w| [w as u32, (w >> 32) as u32]).collect();
        self.seed_from_u32_words(&halves);
    }

    /// `random.seed(n)` for a non-negative int that fits in 64 bits.
    pub fn seed_u64(&mut self, n: u64) {
        self.seed_from_u32_words(&[n as u32, (n >> 32) as u32]);
    }

    /// `random.seed(n)` for an `i64` (the sign is dropped, as CPython does).
    pub fn seed_i64(&mut self, n: i64) {
        self.seed_u64(n.unsigned_abs());
    }

    /// `random.seed(n)` for an int (or bool) `n`: seeds with `abs(n)`.
    pub fn seed_int(&mut self, n: &BigInt) {
        self.seed_from_u32_words(&n.magnitude().to_u32_digits());
    }

    /// `random.seed(x)` for other hashable objects (e.g. floats): CPython seeds
    /// with `hash(x)` reinterpreted as an unsigned 64-bit number.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_u64(hash as u64);
    }

    /// `random.seed(data)` for str (pass its UTF-8 bytes) and bytes, version 2:
    /// seeds with `int.from_bytes(data + sha512(data).digest(), 'big')`.
    pub fn seed_bytes(&mut self, data: &[u8]) {
        let mut all = data.to_vec();
        all.extend_from_slice(&sha512(data));
        self.seed_from_u32_words(&BigUint::from_bytes_be(&all).to_u32_digits());
    }

    /// `Random.gauss_next`, taken (`gauss` clears it whenever it reads it).
    pub fn take_gauss_next(&mut self) -> Option<f64> {
        self.gauss_next.take().map(f64::from_bits)
    }

    /// Sets `Random.gauss_next` (by `gauss` and `setstate`).
    pub fn set_gauss_next(&mut self, g: Option<f64>) {
        self.gauss_next = g.map(f64::to_bits);
    }

    /// `Random.gauss_next` without clearing it (for `getstate`).
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next.map(f64::from_bits)
    }

    /// The C generator's state as `_random.Random.getstate()` reports it: the 624 words
    /// and the position of the next one.
    pub fn state_words(&self) -> (&[u32; N], usize) {
        (&self.state, self.index)
    }

    /// `_random.Random.setstate()`: restores the words and the position; CPython's
    /// `ValueError` text when the position is out of range (nothing changes then).
    pub fn set_state_words(&mut self, words: &[u32; N], index: usize) -> Result<(), String> {
        if index > N {
            return Err("invalid state".to_string());
        }
        self.state = *words;
        self.index = index;
        Ok(())
    }

    /// Reference `genrand_uint32`: the next 32 random bits.
    pub fn genrand_uint32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// Regenerate all N words at once.
    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `random.random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.genrand_uint32() >> 5;
        let b = self.genrand_uint32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` (k is non-negative; CPython raises ValueError
    /// "number of bits must be non-negative" otherwise).
    pub fn getrandbits(&mut self, k: u32) -> BigUint {
        if k <= 64 {
            return BigUint::from(self.getrandbits_u64(k));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        // Least significant word first; the last (partial) word keeps its top bits.
        for _ in 0..words {
            let mut r = self.genrand_uint32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `random.getrandbits(k)` for `k <= 64`.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        assert!(k <= 64, "getrandbits_u64 takes at most 64 bits");
        match k {
            0 => 0,
            1..=32 => (self.genrand_uint32() >> (32 - k)) as u64,
            _ => {
                let low = self.genrand_uint32() as u64;
                let high = (self.genrand_uint32() >> (64 - k)) as u64;
                low | (high << 32)
            }
        }
    }

    /// `Random._randbelow_with_getrandbits(n)`: uniform in [0, n).
    /// CPython never calls it with 0 (it would loop forever); here 0 returns 0.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros(); // n.bit_length()
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// [`Mt19937::randbelow`] for `n` up to 2^64 (e.g. `randint(-2**63, 2**63 - 1)`).
    fn randbelow_u128(&mut self, n: u128) -> u128 {
        match u64::try_from(n) {
            Ok(small) => self.randbelow(small) as u128,
            Err(_) => self.randbelow_big(&BigUint::from(n)).to_u128().expect("below n"),
        }
    }

    /// [`Mt19937::randbelow`] for arbitrarily large `n`.
    pub fn randbelow_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow(small));
        }
        let k = u32::try_from(n.bits()).expect("bound below 2**(2**32)");
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// `random.randrange(stop)`.
    pub fn randrange_stop(&mut self, stop: i64) -> Result<i64, String> {
        if stop > 0 {
            Ok(self.randbelow(stop as u64) as i64)
        } else {
            Err("empty range for randrange()".to_string())
        }
    }

    /// `random.randrange(start, stop, step)` (use step 1 for the two-argument form).
    pub fn randrange(&mut self, start: i64, stop: i64, step: i64) -> Result<i64, String> {
        let (start, stop, step) = (start as i128, stop as i128, step as i128);
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok((start + self.randbelow(width as u64) as i128) as i64);
            }
            return Err(format!("empty range for randrange() ({}, {}, {})", start, stop, width));
        }
        let n = match step.signum() {
            1 => (width + step - 1).div_euclid(step),
            -1 => floor_div_i128(width + step + 1, step),
            _ => return Err("zero step for randrange()".to_string()),
        };
        if n <= 0 {
            return Err("empty range for randrange()".to_string());
        }
        Ok((start + step * self.randbelow(n as u64) as i128) as i64)
    }

    /// `random.randrange(start, stop, step)` for arbitrary ints.
    pub fn randrange_big(&mut self, start: &BigInt, stop: &BigInt, step: &BigInt) -> Result<BigInt, String> {
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                let r = self.randbelow_big(width.magnitude());
                return Ok(start + BigInt::from(r));
            }
            return Err(format!("empty range for randrange() ({}, {}, {})", start, stop, width));
        }
        let n = if step.is_positive() {
            floor_div_big(&(&width + step - 1), step)
        } else if step.is_negative() {
            floor_div_big(&(&width + step + 1), step)
        } else {
            return Err("zero step for randrange()".to_string());
        };
        if !n.is_positive() {
            return Err("empty range for randrange()".to_string());
        }
        let r = BigInt::from(self.randbelow_big(n.magnitude()));
        Ok(start + step * r)
    }

    /// `random.randint(a, b)` = `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, String> {
        // b + 1 may not fit in i64, so work through the i128 width directly.
        let width = b as i128 + 1 - a as i128;
        if width > 0 {
            return Ok((a as i128 + self.randbelow_u128(width as u128) as i128) as i64);
        }
        Err(format!("empty range for randrange() ({}, {}, {})", a, b as i128 + 1, width))
    }

    /// `random.randint(a, b)` for arbitrary ints.
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, String> {
        self.randrange_big(a, &(b + 1), &BigInt::one())
    }

    /// The index `random.choice(seq)` picks for a sequence of length `len`.
    /// Empty sequences give CPython's `IndexError` message.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, String> {
        if len == 0 {
            return Err("Cannot choose from an empty sequence".to_string());
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `random.shuffle(v)` in place.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }

    /// The swaps `random.shuffle` performs on a sequence of length `n`, in order.
    pub fn shuffle_swaps(&mut self, n: usize) -> Vec<(usize, usize)> {
        (1..n).rev().map(|i| (i, self.randbelow(i as u64 + 1) as usize)).collect()
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// Indices (into the population) chosen by `random.sample(population, k)` for a
    /// population of length `n`, in selection order.
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, String> {
        if k > n {
            return Err("Sample larger than population or is negative".to_string());
        }
        let mut setsize = 21usize; // size of a small set minus size of an empty list
        if k > 5 {
            // 4 ** ceil(log(k * 3, 4)), computed with floats like CPython.
            let exponent = (((k * 3) as f64).ln() / 4f64.ln()).ceil() as u32;
            setsize = setsize.saturating_add(4usize.saturating_pow(exponent));
        }
        let mut result = Vec::with_capacity(k);
        if n <= setsize {
            // Pool tracking: non-selected indices live in pool[..n - i].
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// Indices chosen by `random.choices(population, k=k)` (no weights) for a
    /// population of length `n`. With `n == 0` every index is 0 (CPython then raises
    /// `IndexError` when indexing).
    pub fn choices_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        (0..k).map(|_| (self.random() * nf).floor() as usize).collect()
    }

    /// Indices chosen by `random.choices(population, cum_weights=cum_weights, k=k)`;
    /// for `weights=w` pass the running sums of `w` (as `itertools.accumulate`).
    pub fn choices_cum_weights(&mut self, cum_weights: &[f64], k: usize) -> Result<Vec<usize>, String> {
        let total = match cum_weights.last() {
            Some(&t) => t + 0.0,
            None => return Err("list index out of range".to_string()),
        };
        if total <= 0.0 {
            return Err("Total of weights must be greater than zero".to_string());
        }
        if !total.is_finite() {
            return Err("Total of weights must be finite".to_string());
        }
        let hi = cum_weights.len() - 1;
        Ok((0..k).map(|_| bisect_right(&cum_weights[..hi], self.random() * total)).collect())
    }
}

/// `bisect.bisect_right(a, x)`, step for step (so that unsorted input, e.g. running
/// sums of negative weights, gives CPython's answer too).
pub fn bisect_right(a: &[f64], x: f64) -> usize {
    let (mut lo, mut hi) = (0, a.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// Python's `a // b` for i128.
fn floor_div_i128(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's `a // b` for BigInt.
fn floor_div_big(a: &BigInt, b: &BigInt) -> BigInt {
    use num_integer::Integer;
    a.div_floor(b)
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision, clippy::type_complexity)]
mod tests {
    //! Expected values were produced by CPython 3.11's `random.Random`.
    //! Floats are compared bit for bit: CPython's repr round-trips exactly.
    use super::*;

    /// (seed, first five random(), ten randint(1, 100), ten randrange(0, 1000, 7),
    ///  ten choice indices for len 17, shuffle of range(10), three getrandbits(70),
    ///  five uniform(2.5, 10.0)), each list drawn from a freshly seeded generator.
    const SEED_CASES: &[(&str, [&str; 5], [i64; 10], [i64; 10], [usize; 10], [usize; 10], [&str; 3], [&str; 5])] = &[
        (
            "0",
            [
                "0.8444218515250481",
                "0.7579544029403025",
                "0.420571580830845",
                "0.25891675029296335",
                "0.5112747213686085",
            ],
            [50, 98, 54, 6, 34, 66, 63, 52, 39, 62],
            [686, 749, 70, 462, 910, 868, 721, 539, 854, 637],
            [12, 13, 1, 8, 16, 15, 12, 9, 15, 11],
            [7, 8, 1, 5, 3, 4, 2, 0, 9, 6],
            ["892550237140533643213", "44651664552134903426", "608105494072089140794"],
            ["8.83316388643786", "8.184658022052268", "5.654286856231337", "4.441875627197225", "6.334560410264563"],
        ),
        (
            "1",
            [
                "0.13436424411240122",
                "0.8474337369372327",
                "0.763774618976614",
                "0.2550690257394217",
                "0.49543508709194095",
            ],
            [18, 73, 98, 9, 33, 16, 64, 98, 58, 61],
            [238, 112, 455, 210, 882, 805, 840, 679, 371, 168],
            [4, 2, 8, 3, 15, 14, 15, 12, 6, 3],
            [6, 8, 9, 7, 5, 3, 0, 4, 1, 2],
            ["1006624138111981302261", "87876131233047068208", "574024282404777899068"],
            ["3.507731830843009", "8.855753027029245", "8.228309642324605", "4.413017693045663", "6.215763153189557"],
        ),
        (
            "42",
            [
                "0.6394267984578837",
                "0.025010755222666936",
                "0.27502931836911926",
                "0.22321073814882275",
                "0.7364712141640124",
            ],
            [82, 15, 4, 95, 36, 32, 29, 18, 95, 14],
            [196, 42, 490, 434, 399, 245, 182, 973, 154, 756],
            [3, 0, 8, 7, 7, 4, 3, 2, 13, 1],
            [7, 3, 2, 8, 5, 6, 9, 4, 0, 1],
            ["20500439928067422621", "281774556622676705531", "869570991858821387998"],
            ["7.295700988434128", "2.687580664170002", "4.562719887768394", "4.17408053611617", "8.023534106230093"],
        ),
        (
            "12345",
            [
                "0.41661987254534116",
                "0.010169169457068361",
                "0.8252065092537432",
                "0.2986398551995928",
                "0.3684116894884757",
            ],
            [54, 94, 2, 39, 48, 25, 35, 73, 56, 21],
            [742, 14, 532, 658, 343, 483, 777, 287, 665, 217],
            [13, 0, 9, 11, 6, 8, 13, 5, 11, 3],
            [8, 7, 3, 5, 1, 2, 9, 4, 0, 6],
            ["13515657874892102023", "956006320992364722284", "440049631897308080450"],
            ["5.6246490440900585", "2.5762687709280128", "8.689048819403073", "4.739798913996946", "5.263087671163568"],
        ),
        (
            "1099511627783",
            [
                "0.6137037779936511",
                "0.8149162973309487",
                "0.9450115087592873",
                "0.5703906991004561",
                "0.47592409887048936",
            ],
            [79, 96, 82, 74, 91, 61, 33, 79, 17, 67],
            [847, 448, 224, 924, 672, 931, 644, 700, 791, 805],
            [15, 8, 4, 16, 12, 16, 11, 12, 14, 14],
            [0, 5, 2, 3, 6, 1, 8, 4, 7, 9],
            ["973016391035727360218", "755302148334782535355", "566418250166524256244"],
            ["7.102778334952383", "8.611872229982115", "9.587586315694654", "6.777930243253421", "6.06943074152867"],
        ),
        (
            "-5",
            [
                "0.6229016948897019",
                "0.7417869892607294",
                "0.7951935655656966",
                "0.9424502837770503",
                "0.7398985747399307",
            ],
            [80, 33, 95, 46, 89, 95, 84, 68, 4, 60],
            [455, 637, 945, 49, 833, 441, 91, 280, 196, 665],
            [8, 11, 16, 0, 14, 7, 1, 5, 3, 11],
            [2, 3, 1, 0, 8, 7, 6, 5, 4, 9],
            ["871709100316485385285", "826325471441701108668", "882520108832450178026"],
            ["7.1717627116727645", "8.063402419455471", "8.463951741742726", "9.568377128327878", "8.049239310549481"],
        ),
        (
            "1267650600228229401496703205376",
            [
                "0.7586581712996778",
                "0.22562004686918613",
                "0.9800682106697105",
                "0.1302886062605253",
                "0.8297582356302313",
            ],
            [98, 11, 29, 11, 67, 17, 92, 23, 96, 48],
            [140, 399, 147, 931, 231, 308, 665, 679, 231, 805],
            [2, 7, 2, 16, 4, 5, 11, 12, 4, 14],
            [8, 0, 6, 2, 5, 7, 4, 9, 3, 1],
            ["259738966124502936597", "626821621891163245129", "990895898548944672789"],
            ["8.189936284747585", "4.192150351518896", "9.850511580022829", "3.4771645469539396", "8.723186767226736"],
        ),
    ];
    const GENRAND_5489: [u32; 5] = [3499211612, 581869302, 3890346734, 3586334585, 545404204];
    const BY_ARRAY_REF: [u32; 5] = [1067595299, 955945823, 477289528, 4107218783, 4228976476];
    const GETRANDBITS_KS: [u32; 11] = [0, 1, 31, 32, 33, 63, 64, 65, 100, 128, 129];
    const GETRANDBITS_2024: [&str; 11] = [
        "0",
        "0",
        "390210743",
        "3127871324",
        "2484006460",
        "8183882006669585348",
        "7564799255298721054",
        "31665946303519062721",
        "811705728308185753480543438916",
        "120518609604576361696561732265374472569",
        "549777655097482101541573872124192790534",
    ];
    const AFTER_1000_SEED7: [&str; 3] = ["0.950867979111096", "0.13618571330500007", "0.8570701112328519"];
    const SAMPLE_30_6: [usize; 6] = [12, 29, 6, 19, 5, 7];
    const SAMPLE_1000_20: [usize; 20] =
        [254, 136, 778, 88, 257, 746, 392, 543, 700, 717, 551, 91, 960, 638, 501, 204, 431, 739, 627, 602];
    const SAMPLE_10_10: [usize; 10] = [3, 5, 6, 7, 8, 1, 4, 9, 0, 2];
    const CHOICES_10_8: [usize; 8] = [0, 7, 6, 0, 3, 0, 5, 4];
    const CHOICES_W_8: [usize; 8] = [2, 3, 0, 2, 1, 2, 0, 1];
    const RANGE_NEG: [i64; 6] = [5, -7, 5, -8, 1, -2];
    const RANDRANGE_STOP_5: [i64; 5] = [1, 4, 1, 0, 0];
    const BIG_RANGES_SEED99: [&str; 3] =
        ["1109962491415928192442", "33566951106755543527", "-647892693158214873235405"];
    const I64_EDGE: [i64; 2] = [2165479515056210352, 9223372036854775807];
    const STR_SEEDS: [(&[u8], &str); 3] =
        [(b"hello", "0.3537754404730722"), (b"bytes\x00\xff", "0.8311368313687576"), (b"", "0.9602256525641875")];
    const HASH_SEEDS: [(i64, &str); 2] =
        [(1152921504606846977, "0.551763726942059"), (-1152921504606846977, "0.7101153317194698")];

    fn f(s: &str) -> f64 {
        s.parse().unwrap()
    }

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn seeded(seed: &str) -> Mt19937 {
        Mt19937::from_seed_int(&big(seed))
    }

    #[test]
    fn reference_mt19937_outputs() {
        let mut mt = Mt19937::new(5489);
        let got: Vec<u32> = (0..5).map(|_| mt.genrand_uint32()).collect();
        assert_eq!(got, GENRAND_5489);
        let mut mt = Mt19937::new(0);
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let got: Vec<u32> = (0..5).map(|_| mt.genrand_uint32()).collect();
        assert_eq!(got, BY_ARRAY_REF);
    }

    #[test]
    fn random_sequences() {
        for (seed, randoms, _, _, _, _, _, _) in SEED_CASES {
            let mut mt = seeded(seed);
            for want in randoms {
                assert_eq!(mt.random().to_bits(), f(want).to_bits(), "seed {}", seed);
            }
        }
    }

    #[test]
    fn randint_sequences() {
        for (seed, _, want, _, _, _, _, _) in SEED_CASES {
            let mut mt = seeded(seed);
            let got: Vec<i64> = (0..10).map(|_| mt.randint(1, 100).unwrap()).collect();
            assert_eq!(&got, want, "seed {}", seed);
        }
    }

    #[test]
    fn randrange_step_sequences() {
        for (seed, _, _, want, _, _, _, _) in SEED_CASES {
            let mut mt = seeded(seed);
            let got: Vec<i64> = (0..10).map(|_| mt.randrange(0, 1000, 7).unwrap()).collect();
            assert_eq!(&got, want, "seed {}", seed);
            // The big-int version consumes the generator identically.
            let mut mt = seeded(seed);
            let (start, stop, step) = (BigInt::from(0), BigInt::from(1000), BigInt::from(7));
            let got: Vec<i64> =
                (0..10).map(|_| mt.randrange_big(&start, &stop, &step).unwrap().to_i64().unwrap()).collect();
            assert_eq!(&got, want, "seed {} (big)", seed);
        }
    }

    #[test]
    fn choice_sequences() {
        for (seed, _, _, _, want, _, _, _) in SEED_CASES {
            let mut mt = seeded(seed);
            let got: Vec<usize> = (0..10).map(|_| mt.choice_index(17).unwrap()).collect();
            assert_eq!(&got, want, "seed {}", seed);
        }
    }

    #[test]
    fn shuffle_sequences() {
        for (seed, _, _, _, _, want, _, _) in SEED_CASES {
            let mut v: Vec<usize> = (0..10).collect();
            seeded(seed).shuffle(&mut v);
            assert_eq!(&v, want, "seed {}", seed);
            // Replaying the recorded swaps gives the same permutation.
            let mut w: Vec<usize> = (0..10).collect();
            for (i, j) in seeded(seed).shuffle_swaps(10) {
                w.swap(i, j);
            }
            assert_eq!(&w, want, "seed {} (swaps)", seed);
        }
    }

    #[test]
    fn getrandbits_70_sequences() {
        for (seed, _, _, _, _, _, want, _) in SEED_CASES {
            let mut mt = seeded(seed);
            for w in want {
                assert_eq!(mt.getrandbits(70).to_string(), *w, "seed {}", seed);
            }
        }
    }

    #[test]
    fn uniform_sequences() {
        for (seed, _, _, _, _, _, _, want) in SEED_CASES {
            let mut mt = seeded(seed);
            for w in want {
                assert_eq!(mt.uniform(2.5, 10.0).to_bits(), f(w).to_bits(), "seed {}", seed);
            }
        }
    }

    #[test]
    fn small_seed_helpers_agree() {
        for n in [0i64, 1, 42, 12345, (1 << 40) + 7, -5, i64::MIN] {
            let a = Mt19937::from_seed_int(&BigInt::from(n));
            let mut b = Mt19937::new(0);
            b.seed_i64(n);
            assert_eq!(a, b, "seed {}", n);
        }
        assert_eq!(Mt19937::default(), Mt19937::from_seed_u64(0));
        let mut c = Mt19937::new(0);
        c.seed_from_u32_words(&[]);
        assert_eq!(c, Mt19937::from_seed_u64(0));
        assert_eq!(Mt19937::new_unseeded(), Mt19937::from_seed_u64(0));
        // 2**100 as 64-bit words, with a zero high word that must be ignored.
        let mut d = Mt19937::new(0);
        d.seed_from_u64_words(&[0, 1 << 36, 0]);
        assert_eq!(d, Mt19937::from_seed_int(&(BigInt::from(1) << 100)));
    }

    #[test]
    fn getrandbits_various_widths() {
        let mut mt = Mt19937::from_seed_u64(2024);
        for (k, want) in GETRANDBITS_KS.iter().zip(GETRANDBITS_2024) {
            assert_eq!(mt.getrandbits(*k).to_string(), want, "k = {}", k);
        }
        // The u64 fast path draws the same words.
        let mut a = Mt19937::from_seed_u64(2024);
        let mut b = Mt19937::from_seed_u64(2024);
        for k in [0u32, 1, 31, 32, 33, 63, 64] {
            assert_eq!(BigUint::from(a.getrandbits_u64(k)), b.getrandbits(k));
        }
    }

    #[test]
    fn state_regeneration() {
        let mut mt = Mt19937::from_seed_u64(7);
        for _ in 0..1000 {
            mt.random();
        }
        for want in AFTER_1000_SEED7 {
            assert_eq!(mt.random().to_bits(), f(want).to_bits());
        }
    }

    #[test]
    fn sample_choices_and_ranges() {
        // Same draw order as the Python generator script (one generator, seed 99).
        let mut mt = Mt19937::from_seed_u64(99);
        assert_eq!(mt.sample_indices(30, 6).unwrap(), SAMPLE_30_6);
        assert_eq!(mt.sample_indices(1000, 20).unwrap(), SAMPLE_1000_20);
        assert_eq!(mt.sample_indices(10, 10).unwrap(), SAMPLE_10_10);
        assert_eq!(mt.choices_indices(10, 8), CHOICES_10_8);
        assert_eq!(mt.choices_cum_weights(&[1.0, 3.0, 6.0, 10.0], 8).unwrap(), CHOICES_W_8);
        let mut got = Vec::new();
        for _ in 0..3 {
            got.push(mt.randrange(-10, 10, 3).unwrap());
        }
        for _ in 0..3 {
            got.push(mt.randrange(10, -10, -3).unwrap());
        }
        assert_eq!(got, RANGE_NEG);
        let got: Vec<i64> = (0..5).map(|_| mt.randrange_stop(5).unwrap()).collect();
        assert_eq!(got, RANDRANGE_STOP_5);
        let two = BigInt::from(2);
        let r1 = mt.randrange_big(&BigInt::from(0), &two.pow(70), &BigInt::one()).unwrap();
        let r2 = mt.randint_big(&-two.pow(65), &two.pow(65)).unwrap();
        let r3 = mt.randrange_big(&-two.pow(80), &two.pow(80), &BigInt::from(3).pow(20)).unwrap();
        assert_eq!([r1.to_string(), r2.to_string(), r3.to_string()], BIG_RANGES_SEED99);
        let e1 = mt.randint(i64::MIN, i64::MAX).unwrap();
        let e2 = mt.randint(i64::MAX - 1, i64::MAX).unwrap();
        assert_eq!([e1, e2], I64_EDGE);
    }

    #[test]
    fn bisect_right_like_python() {
        assert_eq!(bisect_right(&[1.0, 3.0, 6.0], 3.0), 2);
        assert_eq!(bisect_right(&[1.0, 3.0, 6.0], 0.5), 0);
        assert_eq!(bisect_right(&[1.0, 3.0, 6.0], 9.0), 3);
        assert_eq!(bisect_right(&[], 1.0), 0);
        // Unsorted: bisect.bisect_right([5, 1, 2, 9], 3) == 3
        assert_eq!(bisect_right(&[5.0, 1.0, 2.0, 9.0], 3.0), 3);
    }

    #[test]
    fn error_messages() {
        let mut mt = Mt19937::from_seed_u64(1);
        assert_eq!(mt.randrange(5, 5, 1), Err("empty range for randrange() (5, 5, 0)".to_string()));
        assert_eq!(mt.randint(5, 1), Err("empty range for randrange() (5, 2, -3)".to_string()));
        assert_eq!(mt.randrange(0, 10, 0), Err("zero step for randrange()".to_string()));
        assert_eq!(mt.randrange(10, 0, 2), Err("empty range for randrange()".to_string()));
        assert_eq!(mt.randrange_stop(0), Err("empty range for randrange()".to_string()));
        assert_eq!(mt.choice_index(0), Err("Cannot choose from an empty sequence".to_string()));
        assert_eq!(mt.sample_indices(3, 4), Err("Sample larger than population or is negative".to_string()));
        assert_eq!(
            mt.choices_cum_weights(&[0.0, 0.0], 1),
            Err("Total of weights must be greater than zero".to_string())
        );
        assert_eq!(
            mt.choices_cum_weights(&[1.0, f64::INFINITY], 1),
            Err("Total of weights must be finite".to_string())
        );
        // None of the failures consumed random numbers.
        assert_eq!(mt, Mt19937::from_seed_u64(1));
    }

    #[test]
    fn str_bytes_and_hash_seeds() {
        for (data, want) in STR_SEEDS {
            let mut mt = Mt19937::new(0);
            mt.seed_bytes(data);
            assert_eq!(mt.random().to_bits(), f(want).to_bits(), "seed {:?}", data);
        }
        for (hash, want) in HASH_SEEDS {
            let mut mt = Mt19937::new(0);
            mt.seed_hash(hash);
            assert_eq!(mt.random().to_bits(), f(want).to_bits(), "hash {}", hash);
        }
    }
}
