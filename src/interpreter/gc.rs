//! Garbage-collection roots: everything the VM can reach without going through the heap.
//!
//! Collections happen only at safepoints of the run loop, after it synced `Vm::sp`, so the VM
//! stack up to `sp` holds every value of every frame; Rust code that keeps values across calls
//! into Python pushes them on `temp_roots`.

use crate::runtime::heap::Marker;
use crate::runtime::value::Value;

use super::Vm;

impl Vm {
    /// Marks all roots and frees unreachable objects.
    /// What a safepoint does when [`Heap::safepoint_due`](crate::runtime::heap::Heap::safepoint_due):
    /// collects, then raises `KeyboardInterrupt` if Ctrl-C was pressed since the last one.
    pub fn safepoint(&mut self) -> crate::interpreter::PyResult<()> {
        let interrupted = super::interrupt::take();
        self.collect_garbage();
        if interrupted {
            return Err(super::interrupt::keyboard_interrupt(self));
        }
        Ok(())
    }

    pub fn collect_garbage(&mut self) {
        self.heap.mark(|m| self.mark_roots(m));
        self.heap.sweep();
    }

    /// How many objects `gc.collect()` in CPython would report: the unreachable objects that
    /// reference counting cannot free (see `runtime::cycles`), now and in what the sweeps since
    /// the last call freed. Marks without freeing, so it is
    /// safe anywhere, even where the VM stack is not synced (the real collection waits for the
    /// next safepoint).
    pub fn count_cyclic_garbage(&mut self) -> usize {
        self.heap.mark(|m| self.mark_roots(m));
        let mut unreachable = self.heap.take_unmarked();
        unreachable.retain(|o| !self.heap.reported.contains(&o.0));
        let found = crate::runtime::cycles::cpython_collectable(&unreachable, &self.heap.untracked);
        self.heap.reported.extend(unreachable.iter().map(|o| o.0));
        found + std::mem::take(&mut self.heap.cyclic_found)
    }

    fn mark_roots(&self, m: &mut Marker) {
        let top = self.sp.max(self.frames.last().map(|f| f.sp).unwrap_or(0));
        m.mark_values(self.stack_slice(0, top));
        let frames: &[super::Frame] = &self.frames;
        for f in frames {
            m.mark_value(f.func);
            m.mark(f.globals);
            m.mark_value(f.locals_dict);
            match f.kind {
                super::FrameKind::Init(v) => m.mark_value(v),
                super::FrameKind::Generator { gen, sink, .. } => {
                    m.mark(gen);
                    if let Some(super::Sink::List(s) | super::Sink::Sum(s)) = sink {
                        m.mark(s);
                    }
                }
                super::FrameKind::Call | super::FrameKind::Binary(_) => {}
            }
        }
        for &o in self.interner.objects() {
            m.mark(o);
        }
        for code in &self.codes {
            m.mark_values(&code.consts);
        }
        self.types.mark(m);
        m.mark_values(&self.temp_roots);
        for v in self.slot_wrappers.values() {
            m.mark_value(*v);
        }
        m.mark_values(&self.jit_roots);
        for v in self.modules.values() {
            m.mark_value(*v);
        }
        m.mark(self.builtins);
        m.mark_values(&self.stdio.objects);
        m.mark_values(&self.stdio.buffers);
        if let Some(d) = self.stdio.sys_dict {
            m.mark(d);
        }
        m.mark_value(self.handled_exc);
        for o in [self.singletons.not_implemented, self.singletons.ellipsis, self.singletons.empty_tuple] {
            m.mark(o);
        }
        m.mark_value(Value::None);
    }
}

// ---------------------------------------------------------------------------------------------
// The `gc` module

type Kw<'a> = &'a [(crate::runtime::interner::Sym, Value)];

/// `gc`: `collect`, `enable`, `disable`, `isenabled` (and CPython's default thresholds).
pub fn gc_module(vm: &mut Vm) -> Value {
    vm.heap.count_cycles = true;
    let functions: &[(&'static str, crate::runtime::object::NativeFn)] = &[
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_threshold", gc_get_threshold),
    ];
    let entries: Vec<(&str, Value)> = functions.iter().map(|&(n, f)| (n, vm.new_native(n, f))).collect();
    crate::runtime::modules::make_module(vm, "gc", entries)
}

/// `gc.collect()`: a full collection at the next safepoint (the next loop back-edge or function
/// entry; stitch has no finalizers or weak references, so a program cannot tell the
/// difference, and a native may run inside a trace that has not synced the VM stack). Returns
/// what CPython's would: the number of unreachable objects its cycle collector finds.
fn gc_collect(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    let found = vm.count_cyclic_garbage();
    vm.heap.gc_requested.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(Value::Int(found as i64))
}

fn gc_enable(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    vm.heap.disabled = false;
    Ok(Value::None)
}

fn gc_disable(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    vm.heap.disabled = true;
    Ok(Value::None)
}

fn gc_isenabled(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    Ok(Value::Bool(!vm.heap.disabled))
}

fn gc_get_threshold(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    Ok(vm.new_tuple(vec![Value::Int(700), Value::Int(10), Value::Int(10)]))
}
