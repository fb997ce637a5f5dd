//! Temporary stand-in (replaced by the Mersenne Twister module).
use num_bigint::{BigInt, BigUint};
pub struct Mt19937 { s: u64 }
impl Mt19937 {
    pub fn new_unseeded() -> Mt19937 { Mt19937 { s: 1 } }
    pub fn seed_int(&mut self, _n: &BigInt) {}
    pub fn random(&mut self) -> f64 { 0.5 }
    pub fn randbelow(&mut self, _n: u64) -> u64 { 0 }
    pub fn getrandbits(&mut self, _k: u32) -> BigUint { BigUint::from(self.s) }
}
