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
