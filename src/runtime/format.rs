//! Temporary stand-in (replaced by the formatting module).
use num_bigint::BigInt;
pub struct FormatSpec;
impl FormatSpec { pub fn parse(_s: &str) -> Result<FormatSpec, String> { Ok(FormatSpec) } }
pub fn float_repr(x: f64) -> String { format!("{x:?}") }
pub fn format_float(x: f64, _s: &FormatSpec) -> Result<String, String> { Ok(float_repr(x)) }
pub fn format_int(x: &BigInt, _s: &FormatSpec) -> Result<String, String> { Ok(x.to_string()) }
pub fn format_str(x: &str, _s: &FormatSpec) -> Result<String, String> { Ok(x.to_string()) }
pub fn percent_format_float(x: f64, _f: &str, _w: Option<usize>, _p: Option<usize>, _t: char) -> String { float_repr(x) }
pub fn percent_format_int(x: &BigInt, _f: &str, _w: Option<usize>, _p: Option<usize>, _t: char) -> String { x.to_string() }
pub fn pad_str(s: &str, _f: &str, _w: Option<usize>) -> String { s.to_string() }
pub fn round_half_even(x: f64, _n: i32) -> f64 { x }
