//! `dict`: an insertion-ordered hash table, laid out like CPython's compact dict.
//!
//! Entries (hash, key, value) are appended to a dense vector in insertion order, which is
//! also iteration order; a sparse index table of `u32` maps probe positions to entries, probed
//! with CPython's perturbation scheme. Deleting leaves a tombstone entry (key `Null`) that
//! keeps probe chains intact; the table is compacted when it is rebuilt. Keys are compared by
//! a caller-supplied equality, because comparing user objects may run Python code.
//!
//! `version` changes whenever a key is added or removed (not when a value is replaced), so an
//! inline cache can remember "global `x` is entry 7 of this dict" and stay valid while the
//! version is unchanged. Versions come from one global counter, so a version also identifies
//! the dict it was taken from.

use std::sync::atomic::{AtomicU64, Ordering};

use super::value::Value;
use crate::interpreter::PyResult;

const EMPTY: u32 = u32::MAX;

static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// `Null` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone)]
pub struct Dict {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    len: usize,
    pub version: u64,
}

impl Default for Dict {
    fn default() -> Dict {
        Dict::new()
    }
}

/// Equality used for key comparison; may run Python code.
pub type KeyEq<'a> = &'a mut dyn FnMut(Value, Value) -> PyResult<bool>;

impl Dict {
    pub fn new() -> Dict {
        Dict { entries: Vec::new(), indices: Vec::new(), len: 0, version: next_version() }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Finds the entry index holding `key`.
    pub fn find(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<usize>> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let idx = self.indices[i];
            if idx == EMPTY {
                return Ok(None);
            }
            let e = self.entries[idx as usize];
            if e.hash == hash && !e.key.is_null() && (e.key.is(key) || eq(e.key, key)?) {
                return Ok(Some(idx as usize));
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    pub fn get(&self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<Value>> {
        Ok(self.find(key, hash, eq)?.map(|i| self.entries[i].value))
    }

    /// Inserts or replaces. Returns whether the key was new.
    pub fn insert(&mut self, key: Value, hash: i64, value: Value, eq: KeyEq) -> PyResult<bool> {
        if let Some(i) = self.find(key, hash, eq)? {
            self.entries[i].value = value;
            return Ok(false);
        }
        self.insert_new(key, hash, value);
        Ok(true)
    }

    /// Appends an entry for a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.len + 1) * 3);
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.place(hash, idx);
        self.len += 1;
        self.version = next_version();
    }

    fn place(&mut self, hash: i64, idx: u32) {
        let mask = self.indices.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.indices[i] = idx;
    }

    /// Compacts the entries and rebuilds the index table with room for `min_size`.
    fn rebuild(&mut self, min_size: usize) {
        let mut size = 8;
        while size < min_size {
            size <<= 1;
        }
        self.entries.retain(|e| !e.key.is_null());
        self.indices = vec![EMPTY; size];
        for i in 0..self.entries.len() {
            let h = self.entries[i].hash;
            self.place(h, i as u32);
        }
    }

    /// Removes the entry at `index` (from [`Dict::find`]) and returns it.
    pub fn remove_at(&mut self, index: usize) -> Entry {
        let e = self.entries[index];
        self.entries[index].key = Value::Null;
        self.entries[index].value = Value::Null;
        self.len -= 1;
        self.version = next_version();
        if self.len == 0 {
            self.clear();
        }
        e
    }

    pub fn remove(&mut self, key: Value, hash: i64, eq: KeyEq) -> PyResult<Option<Value>> {
        Ok(self.find(key, hash, eq)?.map(|i| self.remove_at(i).value))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.len = 0;
        self.version = next_version();
    }

    /// The raw entry at `index` (tombstones have a `Null` key); used by iterators and caches.
    #[inline]
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// The addresses of `version` and of entry `index`'s value, for the JIT's guards and loads:
    /// valid while the dict lives and its version is unchanged (adding or removing a key, the
    /// only way to move entries, changes the version).
    pub fn jit_addresses(&self, index: usize) -> Option<(u64, u64)> {
        let entry = self.entries.get(index)?;
        Some((&self.version as *const u64 as u64, &entry.value as *const Value as u64))
    }

    /// Replaces the value of the live entry at `index`.
    #[inline]
    pub fn set_value_at(&mut self, index: usize, value: Value) {
        self.entries[index].value = value;
    }

    /// Number of entry positions (live or deleted) for index-based iteration.
    pub fn capacity_used(&self) -> usize {
        self.entries.len()
    }

    /// Live (key, value) pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (e.key, e.value))
    }

    /// Live entries with their hashes.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Removes and returns the last inserted pair (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let index = self.entries.iter().rposition(|e| !e.key.is_null())?;
        let e = self.remove_at(index);
        Some((e.key, e.value))
    }
}
