//! `set`: an open-addressing hash set that follows CPython's `setobject.c` exactly.
//!
//! Unlike dicts, sets iterate in *table* order, so printing `{3, 1, 2}` shows whatever order
//! the table has. To print what CPython prints, this table reproduces CPython's algorithms:
//! minimum size 8, linear probing of up to 9 neighbours before perturbation, dummy entries for
//! deletions, growth when `fill * 5 >= mask * 3` to `used * 4` (`used * 2` above 50,000), and
//! the same merge, intersection and difference strategies (see the functions' comments).

use super::dict::KeyEq;
use super::value::Value;
use crate::interpreter::PyResult;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Hash of a dummy (deleted) slot; Python hashes are never -1.
const DUMMY_HASH: i64 = -1;

#[derive(Clone, Copy)]
struct Slot {
    hash: i64,
    /// `Null` for unused and dummy slots (told apart by the hash).
    key: Value,
}

const UNUSED: Slot = Slot { hash: 0, key: Value::Null };

/// Where `probe_add` found room for a new key.
#[derive(Clone, Copy, Debug)]
pub struct AddSlot {
    index: usize,
    reuses_dummy: bool,
}

#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

impl Slot {
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

impl Set {
    pub fn new() -> Set {
        Set { table: vec![UNUSED; MIN_SIZE], fill: 0, used: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Keys in table order.
    pub fn iter(&self) -> impl Iterator<Item = Value> + '_ {
        self.table.iter().filter(|s| s.is_active()).map(|s| s.key)
    }

    /// Keys with hashes, in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (Value, i64)> + '_ {
        self.table.iter().filter(|s| s.is_active()).map(|s| (s.key, s.hash))
    }

    /// The key at table position `pos` (for iterators), if that slot is active.
    pub fn slot(&self, pos: usize) -> Option<Option<Value>> {
        self.table.get(pos).map(|s| if s.is_active() { Some(s.key) } else { None })
    }

    pub fn table_len(&self) -> usize {
        self.table.len()
    }

    /// Position of `key`, if present (CPython's `set_lookkey`).
    fn find(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = self.table[j];
                if s.is_unused() {
                    return Ok(None);
                }
                if s.hash == hash && s.is_active() && (s.key.is(key) || eq(s.key, key)?) {
                    return Ok(Some(j));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        Ok(self.find(key, hash, eq)?.is_some())
    }

    /// Adds `key` (CPython's `set_add_entry`). Returns whether it was new.
    pub fn add(&mut self, key: Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        match self.probe_add(key, hash, eq)? {
            None => Ok(false),
            Some(slot) => {
                self.commit_add(slot, key, hash);
                Ok(true)
            }
        }
    }

    /// First half of `add`: finds where `key` would go, comparing keys (which may run Python
    /// code, so only a shared borrow of the set is held). `None` when it is already present.
    pub fn probe_add(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<AddSlot>> {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let mut freeslot: Option<usize> = None;
        let unused_at;
        'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                let s = self.table[j];
                if s.is_unused() {
                    unused_at = j;
                    break 'probe;
                }
                if s.hash == hash && s.is_active() {
                    if s.key.is(key) || eq(s.key, key)? {
                        return Ok(None);
                    }
                } else if s.hash == DUMMY_HASH && !s.is_active() {
                    // CPython 3.11 remembers the last dummy slot on the probe path.
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        Ok(Some(match freeslot {
            Some(f) => AddSlot { index: f, reuses_dummy: true },
            None => AddSlot { index: unused_at, reuses_dummy: false },
        }))
    }

    /// Second half of `add`: stores `key` where `probe_add` said (no Python code runs, and
    /// the set must not have changed since the probe).
    pub fn commit_add(&mut self, slot: AddSlot, key: Value, hash: i64) {
        self.used += 1;
        self.table[slot.index] = Slot { hash, key };
        if slot.reuses_dummy {
            return;
        }
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let minused = if self.used > 50_000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    /// Position of `key` for removal (may run Python code; see `probe_add`).
    pub fn probe_discard(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<usize>> {
        self.find(key, hash, eq)
    }

    /// Removes the key at a position found by `probe_discard`.
    pub fn commit_discard(&mut self, index: usize) {
        self.table[index] = Slot { hash: DUMMY_HASH, key: Value::Null };
        self.used -= 1;
    }

    /// CPython shrinks a table after bulk removals (`difference_update`) when more than a
    /// quarter of it is dummies.
    pub fn shrink_after_removals(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let minused = if self.used > 50_000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&mut self, key: Value, hash: i64, eq: KeyEq) -> PyResult<bool> {
        match self.find(key, hash, eq)? {
            Some(j) => {
                self.table[j] = Slot { hash: DUMMY_HASH, key: Value::Null };
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes and returns the first key in table order (CPython's `set.pop` scans from a
    /// finger; starting at 0 matches it for a fresh set).
    pub fn pop_first(&mut self) -> Option<Value> {
        let j = self.table.iter().position(|s| s.is_active())?;
        let key = self.table[j].key;
        self.table[j] = Slot { hash: DUMMY_HASH, key: Value::Null };
        self.used -= 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = Set::new();
    }

    /// CPython's `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![UNUSED; newsize]);
        self.fill = self.used;
        for s in old.iter().filter(|s| s.is_active()) {
            self.insert_clean(s.key, s.hash);
        }
    }

    /// CPython's `set_insert_clean`: insert into a table without dummies or duplicates.
    fn insert_clean(&mut self, key: Value, hash: i64) {
        let mask = self.mask();
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            if self.table[i].key.is_null() {
                self.table[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if self.table[j].key.is_null() {
                        self.table[j] = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Adds every key of `other` (CPython's `set_merge`).
    pub fn merge(&mut self, other: &Set, eq: KeyEq) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.copy_from_slice(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in other.table.iter().filter(|s| s.is_active()) {
                self.insert_clean(s.key, s.hash);
            }
            return Ok(());
        }
        for s in other.table.iter().filter(|s| s.is_active()) {
            self.add(s.key, s.hash, eq)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(set: &Set) -> Vec<i64> {
        set.iter().map(|v| if let Value::Int(i) = v { i } else { -1 }).collect()
    }

    fn add_all(set: &mut Set, items: impl IntoIterator<Item = i64>) {
        for i in items {
            set.add(Value::Int(i), i, &mut |a, b| Ok(a.is(b))).ok();
        }
    }

    /// Expected orders printed by CPython 3.11 for the same operations.
    #[test]
    fn iteration_order_matches_cpython() {
        let mut s = Set::new();
        add_all(&mut s, [64, 32, 16, 8, 4, 2, 1]);
        assert_eq!(ints(&s), [64, 32, 2, 1, 4, 8, 16]);

        let mut t = Set::new();
        add_all(&mut t, (0..20).map(|x| x * 7));
        for x in (0..20).step_by(3) {
            t.discard(Value::Int(x * 7), x * 7, &mut |a, b| Ok(a.is(b))).ok();
        }
        assert_eq!(ints(&t), [133, 7, 14, 28, 35, 49, 56, 70, 77, 91, 98, 112, 119]);
        assert_eq!(t.len(), 13);
    }
}
