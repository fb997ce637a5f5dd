//! Garbage-collection roots: everything the VM can reach without going through the heap.
//!
//! Collections happen only at safepoints of the run loop, after it synced `Vm::sp`, so the VM
//! stack up to `sp` holds every value of every frame; Rust code that keeps values across calls
//! into Python pushes them on `temp_roots`.

use crate::runtime::value::Value;

use super::Vm;

impl Vm {
    /// Marks all roots and frees unreachable objects.
    pub fn collect_garbage(&mut self) {
        let top = self.sp.max(self.frames.last().map(|f| f.sp).unwrap_or(0));
        let stack = self.stack_slice(0, top);
        let frames: &[super::Frame] = &self.frames;
        let interner = &self.interner;
        let codes = &self.codes;
        let types = &self.types;
        let temp = &self.temp_roots;
        let jit = &self.jit_roots;
        let modules = &self.modules;
        let builtins = self.builtins;
        let handled = self.handled_exc;
        let singles = [self.singletons.not_implemented, self.singletons.ellipsis, self.singletons.empty_tuple];
        self.heap.collect(|m| {
            m.mark_values(stack);
            for f in frames {
                m.mark_value(f.func);
                m.mark(f.globals);
                m.mark_value(f.locals_dict);
                match f.kind {
                    super::FrameKind::Init(v) => m.mark_value(v),
                    super::FrameKind::Generator { gen, sink, .. } => {
                        m.mark(gen);
                        if let Some(s) = sink {
                            m.mark(s);
                        }
                    }
                    super::FrameKind::Call | super::FrameKind::Binary(_) => {}
                }
            }
            for &o in interner.objects() {
                m.mark(o);
            }
            for code in codes {
                m.mark_values(&code.consts);
            }
            types.mark(m);
            m.mark_values(temp);
            m.mark_values(jit);
            for v in modules.values() {
                m.mark_value(*v);
            }
            m.mark(builtins);
            m.mark_value(handled);
            for o in singles {
                m.mark(o);
            }
            m.mark_value(Value::None);
        });
    }
}

// ---------------------------------------------------------------------------------------------
// The `gc` module

type Kw<'a> = &'a [(crate::runtime::interner::Sym, Value)];

/// `gc`: `collect`, `enable`, `disable`, `isenabled` (and CPython's default thresholds).
pub fn gc_module(vm: &mut Vm) -> Value {
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
/// 0: CPython counts the objects its cycle collector found, which reference counting leaves
/// few of, and a program that prints the count sees 0 there most of the time.
fn gc_collect(vm: &mut Vm, _args: &[Value], _kw: Kw) -> super::PyResult<Value> {
    vm.heap.gc_requested = true;
    Ok(Value::Int(0))
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
