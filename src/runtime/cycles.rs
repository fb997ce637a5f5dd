//! The number `gc.collect()` returns: what CPython's cycle collector would find.
//!
//! CPython frees most garbage the moment its reference count drops to zero; its cycle collector
//! finds only what reference counting cannot free: objects on a reference cycle and everything
//! such a cycle keeps alive. And it counts only the objects it tracks: containers (lists, sets,
//! instances, functions, cells, bound methods, iterators, ...), plus tuples and dicts that hold
//! a tracked object (it untracks tuples and dicts of atomic values such as `(1, 'a')`).
//! stitch's tracing collector finds all unreachable objects alike, so the count is computed
//! from them: the strongly connected components of the unreachable objects' references
//! (Tarjan's algorithm, iterative so that long chains cannot overflow the native stack) give
//! the objects on cycles, a walk from those gives what the cycles keep alive, and the tracked
//! ones among those are counted, each as the number of objects CPython would have for it. The figure equals CPython's when both see the same garbage;
//! garbage CPython's generational collector already freed on its own (it runs every ~700
//! container allocations, stitch every 25,000 objects) is counted by stitch at the next
//! `gc.collect()` instead.

use std::collections::{HashMap, HashSet};
use std::ptr::NonNull;

use super::heap::children;
use super::object::{GenState, Instance, InstanceExt, IterState, Obj, ObjKind};
use super::value::{ObjRef, Value};

/// How many of the unreachable objects `garbage` CPython's `gc.collect()` would report.
///
/// `untracked` holds the tuples CPython would have untracked: those a `gc.collect()` or a sweep
/// found alive with only atomic items (see [`untrack_tuples`]).
pub fn cpython_collectable(garbage: &[ObjRef], untracked: &HashSet<NonNull<Obj>>) -> usize {
    let index: HashMap<NonNull<Obj>, u32> = garbage.iter().enumerate().map(|(i, o)| (o.0, i as u32)).collect();
    let edges: Vec<Vec<u32>> = garbage
        .iter()
        .map(|&o| {
            let mut out = Vec::new();
            if is_suspended_generator(o) {
                // CPython finalizes a suspended generator before counting: closing it clears
                // its frame, so what only the frame held is freed by reference counting.
                return out;
            }
            children(o, &mut |v| {
                if let Value::Obj(c) = v {
                    if let Some(&j) = index.get(&c.0) {
                        out.push(j);
                    }
                }
            });
            out
        })
        .collect();
    let mut alive = on_cycles(&edges);
    // Everything a cycle reaches is kept alive by it.
    let mut work: Vec<u32> = (0..edges.len() as u32).filter(|&i| alive[i as usize]).collect();
    while let Some(i) = work.pop() {
        for &j in &edges[i as usize] {
            if !alive[j as usize] {
                alive[j as usize] = true;
                work.push(j);
            }
        }
    }
    let tuple_tracked = |t: ObjRef| {
        if index.contains_key(&t.0) {
            !untracked.contains(&t.0)
        } else {
            // Alive (a code constant, say): CPython's passes have seen it.
            !atomic_tuple(t, 0)
        }
    };
    garbage.iter().zip(&alive).filter(|(_, a)| **a).map(|(o, _)| weight(*o, &tuple_tracked)).sum()
}

/// Adds to `untracked` the tuples among `alive` that hold only atomic values, as each of
/// CPython's collection passes untracks the tuples it finds alive.
pub fn untrack_tuples(alive: impl Iterator<Item = ObjRef>, untracked: &mut HashSet<NonNull<Obj>>) {
    for o in alive {
        if matches!(o.kind, ObjKind::Tuple(_)) && atomic_tuple(o, 0) {
            untracked.insert(o.0);
        }
    }
}

/// Whether tuple `t` holds only atomic values (nested tuples looked into, up to a depth).
fn atomic_tuple(t: ObjRef, depth: u32) -> bool {
    let ObjKind::Tuple(items) = &t.kind else { return false };
    depth < 64
        && items.iter().all(|v| match v {
            Value::Obj(o) if matches!(o.kind, ObjKind::Tuple(_)) => atomic_tuple(*o, depth + 1),
            v => !is_container(*v),
        })
}

fn is_suspended_generator(o: ObjRef) -> bool {
    matches!(&o.kind, ObjKind::Generator(g) if g.borrow().state == GenState::Suspended)
}

/// Which nodes lie on a cycle: members of a strongly connected component with more than one
/// node, or with an edge to itself.
fn on_cycles(edges: &[Vec<u32>]) -> Vec<bool> {
    const NONE: u32 = u32::MAX;
    let n = edges.len();
    let mut order = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut cyclic = vec![false; n];
    let mut counter = 0u32;
    for root in 0..n {
        if order[root] != NONE {
            continue;
        }
        // Each call frame: (node, next edge to follow).
        let mut calls: Vec<(u32, usize)> = vec![(root as u32, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root as u32);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut next)) = calls.last_mut() {
            let vi = v as usize;
            if let Some(&w) = edges[vi].get(*next) {
                *next += 1;
                let wi = w as usize;
                if order[wi] == NONE {
                    order[wi] = counter;
                    low[wi] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[wi] = true;
                    calls.push((w, 0));
                } else if on_stack[wi] {
                    low[vi] = low[vi].min(order[wi]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(u, _)) = calls.last() {
                low[u as usize] = low[u as usize].min(low[vi]);
            }
            if low[vi] == order[vi] {
                let mut component = Vec::new();
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w as usize] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 || edges[vi].contains(&v) {
                    for w in component {
                        cyclic[w as usize] = true;
                    }
                }
            }
        }
    }
    cyclic
}

/// How many objects CPython's collector would count for `o` when it is garbage: 0 for atomic
/// values and for dicts of atomic values (CPython creates a dict untracked and tracks it once a
/// container goes in); 1 for a container, including a tuple unless an earlier pass untracked
/// it; for an exception, also its attribute dict, the traceback objects and the frames
/// of the functions it unwound (CPython keeps those alive through the traceback).
fn weight(o: ObjRef, tuple_tracked: &impl Fn(ObjRef) -> bool) -> usize {
    let may_be_tracked = |v: Value| match v {
        Value::Obj(t) if matches!(t.kind, ObjKind::Tuple(_)) => tuple_tracked(t),
        v => is_container(v),
    };
    match &o.kind {
        ObjKind::Tuple(_) => tuple_tracked(o) as usize,
        ObjKind::Dict(d) => {
            let d = d.borrow();
            let tracked = d.iter().any(|(k, v)| may_be_tracked(k) || may_be_tracked(v));
            tracked as usize
        }
        ObjKind::Instance(Instance { ext: InstanceExt::Exception(e), slots, .. }) => {
            let own_dict = slots.with_slice(|s| s.iter().any(|v| may_be_tracked(*v)));
            let frames = e.borrow().traceback.len();
            1 + own_dict as usize + frames + frames.saturating_sub(1)
        }
        _ => is_container(Value::Obj(o)) as usize,
    }
}

/// Whether CPython's `_PyObject_GC_MAY_BE_TRACKED` would hold: a value of a type its collector
/// knows (every kind that can refer to other objects, dicts and tuples included).
fn is_container(v: Value) -> bool {
    let Value::Obj(o) = v else { return false };
    match &o.kind {
        ObjKind::Str(_)
        | ObjKind::BigInt(_)
        | ObjKind::Range(_)
        | ObjKind::BigRange(_)
        | ObjKind::Code(_)
        | ObjKind::NotImplemented
        | ObjKind::Bytes(_)
        | ObjKind::ByteArray(_)
        | ObjKind::Complex(_)
        | ObjKind::Ellipsis
        | ObjKind::Array(_)
        | ObjKind::Slice(..) => false,
        ObjKind::Iterator(it) => !matches!(&*it.borrow(), IterState::Range { .. } | IterState::BigRange(_)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::on_cycles;

    #[test]
    fn cycles_and_self_loops_are_found_but_not_what_hangs_off_them() {
        // 0 -> 1 -> 2 -> 0 is a cycle, 2 -> 3 hangs off it, 4 points to itself, 5 -> 4.
        let edges = vec![vec![1], vec![2], vec![0, 3], vec![], vec![4], vec![4]];
        assert_eq!(on_cycles(&edges), vec![true, true, true, false, true, false]);
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_native_stack() {
        let n = 1_000_000u32;
        let mut edges: Vec<Vec<u32>> = (0..n).map(|i| vec![i + 1]).collect();
        edges.push(vec![0]);
        assert!(on_cycles(&edges).iter().all(|&c| c));
    }
}
