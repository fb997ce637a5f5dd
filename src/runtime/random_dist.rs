//! The real-valued distributions of CPython 3.11's `random` module, bit for bit.
//!
//! `random.gauss(0, 1)` after `random.seed(5)` must print the very digits CPython prints,
//! so each distribution has to draw from the generator in CPython's order and combine the
//! draws with the same floating-point operations in the same order.
//!
//! Approach: each function transcribes the formula of `Lib/random.py` (3.11) as a method
//! of [`Mt19937`]: the same constants (copied as the exact values CPython computes at
//! import), the same evaluation order, the same libm calls (`log`, `exp`, `cos`, `sin`,
//! `acos`, `pow`), and the same rejection loops. `gauss` keeps its spare value in the
//! generator's `gauss_next`. Python's float semantics that differ from Rust's are spelled
//! out: `%` takes the divisor's sign, `**` and `math.exp` raise `OverflowError` instead of
//! giving infinity, division by zero raises. Errors come back as [`DistError`], raised
//! after the draws CPython makes before failing.

use super::random::Mt19937;

/// `random.NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)`.
const NV_MAGICCONST: f64 = 1.7155277699214135;
/// `random.LOG4 = log(4.0)`.
const LOG4: f64 = 1.3862943611198906;
/// `random.SG_MAGICCONST = 1.0 + log(4.5)`.
const SG_MAGICCONST: f64 = 2.504077396776274;
/// `random.TWOPI = 2.0 * pi` (exactly `TAU`).
const TWOPI: f64 = std::f64::consts::TAU;

/// A Python exception a distribution raises: its class and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistError {
    ZeroDivision(&'static str),
    Value(&'static str),
    Overflow(&'static str),
}

const FLOAT_DIV_ZERO: DistError = DistError::ZeroDivision("float division by zero");

/// Python's `a / b` for floats.
fn div(a: f64, b: f64) -> Result<f64, DistError> {
    if b == 0.0 {
        return Err(FLOAT_DIV_ZERO);
    }
    Ok(a / b)
}

/// Python's `x ** y` for floats, where the callers never have a negative base with a
/// fractional exponent.
fn pow(x: f64, y: f64) -> Result<f64, DistError> {
    if x == 0.0 && y < 0.0 {
        return Err(DistError::ZeroDivision("0.0 cannot be raised to a negative power"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(DistError::Overflow("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// `math.exp(x)`.
fn exp(x: f64) -> Result<f64, DistError> {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        return Err(DistError::Overflow("math range error"));
    }
    Ok(r)
}

/// `math.log(x)` (the callers' arguments are positive, but stay safe).
fn log(x: f64) -> Result<f64, DistError> {
    if x <= 0.0 {
        return Err(DistError::Value("math domain error"));
    }
    Ok(x.ln())
}

/// `math.acos(x)`.
fn acos(x: f64) -> Result<f64, DistError> {
    if !(-1.0..=1.0).contains(&x) && !x.is_nan() {
        return Err(DistError::Value("math domain error"));
    }
    Ok(x.acos())
}

/// Python's `a % b` for floats: the result takes the divisor's sign.
fn py_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

impl Mt19937 {
    /// `random.triangular(low, high, mode)`. `None` when `mode` is given and
    /// `high - low` is zero: CPython then returns `low` itself (after one draw).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> Option<f64> {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                let width = high - low;
                if width == 0.0 {
                    return None;
                }
                (m - low) / width
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        Some(low + (high - low) * (u * c).sqrt())
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, DistError> {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -log(u2)? {
                return Ok(mu + z * sigma);
            }
        }
    }

    /// `random.gauss(mu, sigma)`: Box-Muller, keeping the pair's second value for the
    /// next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> Result<f64, DistError> {
        let z = match self.take_gauss_next() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * log(1.0 - self.random())?).sqrt();
                self.set_gauss_next(Some(x2pi.sin() * g2rad));
                x2pi.cos() * g2rad
            }
        };
        Ok(mu + z * sigma)
    }

    /// `random.lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> Result<f64, DistError> {
        exp(self.normalvariate(mu, sigma)?)
    }

    /// `random.expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, DistError> {
        let r = self.random();
        div(-log(1.0 - r)?, lambd)
    }

    /// `random.vonmisesvariate(mu, kappa)` (Fisher's algorithm).
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> Result<f64, DistError> {
        if kappa <= 1e-6 {
            return Ok(TWOPI * self.random());
        }
        let s = div(0.5, kappa)?;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (std::f64::consts::PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        Ok(if u3 > 0.5 { py_mod(mu + acos(f)?, TWOPI) } else { py_mod(mu - acos(f)?, TWOPI) })
    }

    /// `random.gammavariate(alpha, beta)`: Cheng's method for `alpha > 1`, the
    /// exponential for `alpha == 1`, algorithm GS below.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, DistError> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(DistError::Value("gammavariate: alpha and beta must be > 0.0"));
        }
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - LOG4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = log(u1 / (1.0 - u1))? / ainv;
                let x = alpha * exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= log(z)? {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-log(1.0 - self.random())? * beta)
        } else {
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 { pow(p, 1.0 / alpha)? } else { -log((b - p) / alpha)? };
                let u1 = self.random();
                let accept = if p > 1.0 { u1 <= pow(x, alpha - 1.0)? } else { u1 <= exp(-x)? };
                if accept {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `random.betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, DistError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            return Ok(y / (y + self.gammavariate(beta, 1.0)?));
        }
        Ok(0.0)
    }

    /// `random.paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> Result<f64, DistError> {
        let u = 1.0 - self.random();
        pow(u, div(-1.0, alpha)?)
    }

    /// `random.weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> Result<f64, DistError> {
        let u = 1.0 - self.random();
        let base = -log(u)?;
        Ok(alpha * pow(base, div(1.0, beta)?)?)
    }
}

#[cfg(test)]
mod tests {
    //! Expected values printed by CPython 3.11 (`repr` round-trips, so floats compare by bits).
    use super::*;

    fn bits(xs: &[f64]) -> Vec<u64> {
        xs.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn constants_match_their_formulas() {
        assert!((NV_MAGICCONST - 4.0 * (-0.5f64).exp() / 2f64.sqrt()).abs() < 1e-15);
        assert!((LOG4 - 4f64.ln()).abs() < 1e-15);
        assert!((SG_MAGICCONST - (1.0 + 4.5f64.ln())).abs() < 1e-15);
    }

    #[test]
    fn python_float_helpers() {
        assert_eq!(py_mod(-1.0, TWOPI), TWOPI - 1.0);
        assert_eq!(py_mod(7.0, -2.0), -1.0);
        assert!(py_mod(0.0, -2.0).is_sign_negative());
        assert_eq!(div(1.0, 0.0), Err(FLOAT_DIV_ZERO));
        assert!(matches!(pow(0.0, -1.0), Err(DistError::ZeroDivision(_))));
        assert!(matches!(pow(10.0, 400.0), Err(DistError::Overflow(_))));
        assert!(matches!(exp(1000.0), Err(DistError::Overflow(_))));
    }

    #[test]
    fn gauss_pairs_and_reseeding() {
        // random.seed(1); [random.gauss() for _ in range(3)]
        let mut mt = Mt19937::from_seed_u64(1);
        let got: Vec<f64> = (0..3).map(|_| mt.gauss(0.0, 1.0).unwrap()).collect();
        assert_eq!(bits(&got), bits(&[1.2881847531554629, 1.449445608699771, 0.06633580893826191]));
        // The spare value is dropped by a reseed.
        assert!(mt.gauss_next().is_some());
        mt.seed_u64(1);
        assert_eq!(mt.gauss_next(), None);
        assert_eq!(mt.gauss(0.0, 1.0).unwrap().to_bits(), 1.2881847531554629f64.to_bits());
    }

    #[test]
    fn distribution_errors_after_their_draws() {
        let mut mt = Mt19937::from_seed_u64(3);
        assert_eq!(mt.gammavariate(0.0, 1.0), Err(DistError::Value("gammavariate: alpha and beta must be > 0.0")));
        assert_eq!(mt, Mt19937::from_seed_u64(3));
        assert_eq!(mt.expovariate(0.0), Err(FLOAT_DIV_ZERO));
        let mut once = Mt19937::from_seed_u64(3);
        once.random();
        assert_eq!(mt, once);
        assert_eq!(mt.triangular(2.0, 2.0, Some(2.0)), None);
    }
}
