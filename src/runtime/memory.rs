//! Allocations whose size a program chooses: `MemoryError` instead of an abort.
//!
//! Rust's collections abort the process when the allocator refuses a request, but
//! `"a" * 10 ** 12` or `bytes(10 ** 12)` is an ordinary Python expression, and CPython answers
//! it with `MemoryError` and goes on. Every place where a program's number sets the size of a
//! buffer asks for the whole buffer here first, with `try_reserve_exact`: the allocator's
//! refusal (the address space under `ulimit -v`) becomes `MemoryError`, as `malloc` returning
//! NULL does in CPython. One check comes before it: a request larger than the machine's RAM and
//! swap together is refused outright, as Linux's overcommit heuristic refuses it to CPython's
//! `malloc`; mimalloc, stitch's allocator, would reserve such a range and the program would
//! then die filling it.

use crate::interpreter::{PyErr, PyResult, Vm};

/// CPython's `MemoryError` (raised with no message).
pub fn memory_error(vm: &mut Vm) -> PyErr {
    vm.new_error_args(vm.types.memory_error, vec![])
}

/// The most memory one allocation may ask for: RAM plus swap (`/proc/meminfo`), read once.
fn ceiling() -> usize {
    static CEILING: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CEILING.get_or_init(|| {
        let Ok(info) = std::fs::read_to_string("/proc/meminfo") else { return usize::MAX };
        let kib = |key: &str| -> Option<u64> {
            let line = info.lines().find(|l| l.starts_with(key))?;
            line.split_whitespace().nth(1)?.parse().ok()
        };
        match (kib("MemTotal:"), kib("SwapTotal:")) {
            (Some(ram), swap) => usize::try_from((ram + swap.unwrap_or(0)).saturating_mul(1024)).unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
    })
}

/// `MemoryError` when a result of `bytes` bytes (a padding width, a precision) cannot exist.
pub fn check(vm: &mut Vm, bytes: usize) -> PyResult<()> {
    if bytes > ceiling() {
        return Err(memory_error(vm));
    }
    Ok(())
}

/// An empty vector with room for `len` elements, or `MemoryError`.
pub fn vec_with_capacity<T>(vm: &mut Vm, len: usize) -> PyResult<Vec<T>> {
    if len.saturating_mul(std::mem::size_of::<T>()) > ceiling() {
        return Err(memory_error(vm));
    }
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| memory_error(vm))?;
    Ok(v)
}

/// Doubles the room of a full vector that grows one item at a time; false when the
/// allocator (or the ceiling) refuses.
pub fn grow<T>(v: &mut Vec<T>) -> bool {
    let more = v.len().max(4);
    v.len().saturating_add(more).saturating_mul(std::mem::size_of::<T>()) <= ceiling() && v.try_reserve(more).is_ok()
}

/// `items` repeated `n` times (sequence `*`), or `MemoryError`.
pub fn repeat<T: Copy>(vm: &mut Vm, items: &[T], n: usize) -> PyResult<Vec<T>> {
    let Some(total) = items.len().checked_mul(n) else {
        return Err(memory_error(vm));
    };
    let mut v = vec_with_capacity(vm, total)?;
    if total > 0 {
        // One copy, then the copies so far doubled (a few large copies, not `n` small ones).
        v.extend_from_slice(items);
        while v.len() < total {
            let more = (total - v.len()).min(v.len());
            v.extend_from_within(..more);
        }
    }
    Ok(v)
}

/// `n` zero bytes (`bytes(n)`, `bytearray(n)`), or `MemoryError`.
pub fn zeroed(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let mut v = vec_with_capacity(vm, n)?;
    v.resize(n, 0);
    Ok(v)
}

/// `s` repeated `n` times (`str * int`), or `MemoryError`.
pub fn repeat_str(vm: &mut Vm, s: &str, n: usize) -> PyResult<String> {
    let bytes = repeat(vm, s.as_bytes(), n)?;
    // Copies of a valid UTF-8 string, end to end, are valid UTF-8.
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn repetition_by_doubling_makes_exact_copies() {
        for n in [0usize, 1, 2, 3, 7, 8, 100] {
            let items = [1u8, 2, 3];
            let mut expected = Vec::new();
            for _ in 0..n {
                expected.extend_from_slice(&items);
            }
            let total = items.len() * n;
            let mut v = Vec::with_capacity(total);
            if total > 0 {
                v.extend_from_slice(&items);
                while v.len() < total {
                    let more = (total - v.len()).min(v.len());
                    v.extend_from_within(..more);
                }
            }
            assert_eq!(v, expected, "n = {n}");
        }
    }

    #[test]
    fn an_impossible_reservation_fails_instead_of_aborting() {
        let mut v: Vec<u64> = Vec::new();
        assert!(v.try_reserve_exact(usize::MAX / 16).is_err());
    }
}
