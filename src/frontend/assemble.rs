//! The assembler: from the code generator's instruction list to a finished [`Code`].
//!
//! Code generation emits [`IrInstr`]s: jumps name [`Label`]s instead of positions, every
//! instruction records the innermost exception handler protecting it, and zero-size
//! `SetupHandler` markers note where each protected region begins (CPython's `SETUP_FINALLY`
//! pseudo-instruction). Assembly then works in four steps:
//!
//! 1. **Stack depths** by flow analysis: a worklist walk from the entry follows fall-through,
//!    jump and exception edges, applying [`Opcode::stack_effect`] (with the jump flag on the
//!    taken edge). A `SetupHandler` marker records the depth at the start of its region; the
//!    handler is entered with that depth plus the pushed exception. The walk rejects
//!    underflows and joins with different depths, so `stacksize` is a proof that no path
//!    overflows it.
//! 2. **Dead code** — every instruction the walk did not reach — is dropped, as are the markers
//!    and forward jumps to the very next instruction.
//! 3. **Jumps** get absolute targets; an unconditional jump becomes `JUMP_FORWARD` or
//!    `JUMP_BACKWARD` by direction (the interpreter counts loop iterations on
//!    `JUMP_BACKWARD`). Conditional jumps are always forward by construction.
//! 4. **The exception table** is built by merging runs of consecutive instructions that share
//!    a handler into `(start, end, target, depth)` entries.

use std::rc::Rc;

use super::compiler::Unit;
use super::symtable::{Scope, SymbolTable};
use crate::bytecode::{flags, Code, ExceptionEntry, Instr, Opcode, Position};

/// A jump target, bound to a position in the instruction list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label(pub u32);

/// An exception handler: its target label lives in `Unit::handlers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct HandlerId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum IrOp {
    /// A real instruction; for jumps, the argument is a [`Label`] number.
    Op(Opcode),
    /// The start of the region protected by a handler (no code).
    SetupHandler(HandlerId),
}

/// An instruction as emitted by the code generator.
#[derive(Clone, Copy, Debug)]
pub(super) struct IrInstr {
    pub op: IrOp,
    pub arg: u32,
    pub line: u32,
    /// The source range the instruction came from (its AST node).
    pub range: ruff_text_size::TextRange,
    /// The innermost handler protecting this instruction.
    pub handler: Option<HandlerId>,
}

/// Assembles a finished unit into a code object; errors are internal compiler errors.
pub(super) fn assemble(
    mut unit: Unit<'_>,
    table: &SymbolTable,
    filename: &Rc<str>,
    lines_index: &crate::frontend::error::LineIndex<'_>,
) -> Result<Code, String> {
    thread_jumps(&mut unit)?;
    let flow = Flow::analyze(&unit)?;
    let mut keep: Vec<bool> = unit
        .instrs
        .iter()
        .zip(&flow.depth_at)
        .map(|(instr, depth)| depth.is_some() && matches!(instr.op, IrOp::Op(_)))
        .collect();
    drop_jumps_to_next(&unit, &mut keep)?;
    combine_superinstructions(&mut unit, &mut keep)?;
    let layout = Layout::new(&unit, &keep)?;
    let instrs = layout.instructions(&unit)?;
    let exception_table = layout.exception_table(&unit, &flow)?;
    let lines = keep.iter().zip(&unit.instrs).filter(|(kept, _)| **kept).map(|(_, instr)| instr.line).collect();
    let positions = keep
        .iter()
        .zip(&unit.instrs)
        .filter(|(kept, _)| **kept)
        .map(|(_, instr)| {
            if instr.range.is_empty() {
                return Position::default();
            }
            let (line, col) = lines_index.position(instr.range.start());
            let (end_line, end_col) = lines_index.position(instr.range.end());
            Position { line, end_line, col: col - 1, end_col: end_col - 1 }
        })
        .collect();
    let scope = table.scope(unit.scope_id).ok_or("unit without scope")?;
    let cell2arg = unit
        .cellvars
        .iter()
        .map(|cell| {
            let param = scope.params.iter().position(|param| param == cell)?;
            u32::try_from(param).ok()
        })
        .collect();
    Ok(Code {
        name: unit.name,
        qualname: unit.qualname,
        filename: Rc::clone(filename),
        firstlineno: unit.firstlineno,
        argcount: scope.argcount,
        posonlyargcount: scope.posonlyargcount,
        kwonlyargcount: scope.kwonlyargcount,
        flags: code_flags(scope),
        instrs,
        lines,
        positions,
        doc: unit.doc,
        consts: unit.consts,
        names: unit.names,
        varnames: unit.varnames,
        cellvars: unit.cellvars,
        freevars: unit.freevars,
        cell2arg,
        exception_table,
        stacksize: flow.max_depth,
    })
}

/// CPython's `compute_code_flags`.
fn code_flags(scope: &Scope) -> u32 {
    if !scope.kind.is_function_like() {
        return 0;
    }
    let mut code_flags = flags::OPTIMIZED | flags::NEWLOCALS;
    if scope.is_nested {
        code_flags |= flags::NESTED;
    }
    if scope.is_generator {
        code_flags |= flags::GENERATOR;
    }
    if scope.has_varargs {
        code_flags |= flags::VARARGS;
    }
    if scope.has_varkeywords {
        code_flags |= flags::VARKEYWORDS;
    }
    code_flags
}

/// [`Opcode::stack_effect`], except for `RETURN_GENERATOR`: the table counts it as 0 (the
/// frame is handed to the caller), but execution resumes after it with the sent value pushed,
/// which the following `POP_TOP` discards. CPython 3.13 counts it as pushing one value too.
pub(crate) fn stack_effect(op: Opcode, arg: u32, jump: bool) -> i32 {
    match op {
        Opcode::RETURN_GENERATOR => 1,
        _ => op.stack_effect(arg, jump),
    }
}

/// The result of the stack-depth flow analysis.
struct Flow {
    /// Stack depth on entry to each instruction; None when unreachable.
    depth_at: Vec<Option<u32>>,
    /// Stack depth at the start of each handler's protected region.
    handler_depth: Vec<Option<u32>>,
    max_depth: u32,
}

impl Flow {
    fn analyze(unit: &Unit<'_>) -> Result<Flow, String> {
        let mut flow = Flow {
            depth_at: vec![None; unit.instrs.len()],
            handler_depth: vec![None; unit.handlers.len()],
            max_depth: 0,
        };
        let mut worklist = Vec::new();
        flow.reach(0, 0, unit, &mut worklist)?;
        while let Some(index) = worklist.pop() {
            flow.visit(index, unit, &mut worklist)?;
        }
        Ok(flow)
    }

    /// Records that instruction `index` is entered with `depth`.
    fn reach(&mut self, index: usize, depth: i64, unit: &Unit<'_>, worklist: &mut Vec<usize>) -> Result<(), String> {
        let depth = u32::try_from(depth).map_err(|_| format!("stack underflow before instruction {index}"))?;
        if index >= unit.instrs.len() {
            return Err(format!("control falls off the end of {}", unit.name));
        }
        self.max_depth = self.max_depth.max(depth);
        match self.depth_at[index] {
            None => {
                self.depth_at[index] = Some(depth);
                worklist.push(index);
                Ok(())
            }
            Some(known) if known == depth => Ok(()),
            Some(known) => Err(format!("inconsistent stack depth at {index}: {known} and {depth}")),
        }
    }

    fn visit(&mut self, index: usize, unit: &Unit<'_>, worklist: &mut Vec<usize>) -> Result<(), String> {
        let instr = unit.instrs[index];
        let depth = i64::from(self.depth_at[index].unwrap_or(0));
        let op = match instr.op {
            IrOp::SetupHandler(handler) => {
                // (The marker's argument: how many of the values on the stack lie above the
                // region's depth, as `with` sets up its handler below `__enter__`'s result.)
                let region = depth - i64::from(instr.arg);
                let slot = self.handler_depth.get_mut(handler.0 as usize).ok_or("unknown handler")?;
                match *slot {
                    Some(known) if i64::from(known) != region => {
                        return Err(format!("handler {} set up at two depths", handler.0));
                    }
                    _ => *slot = Some(u32::try_from(region).map_err(|_| "handler below the stack")?),
                }
                return self.reach(index + 1, depth, unit, worklist);
            }
            IrOp::Op(op) => op,
        };
        // A forward jump cannot raise, so it does not make its handler reachable (that keeps
        // the handler of an empty `try` body dead code, as in CPython).
        if let Some(handler) = instr.handler.filter(|_| op != Opcode::JUMP_FORWARD) {
            let region_depth = self
                .handler_depth
                .get(handler.0 as usize)
                .copied()
                .flatten()
                .ok_or_else(|| format!("instruction {index} protected by a handler not yet set up"))?;
            let target = handler_target(unit, handler)?;
            self.reach(target, i64::from(region_depth) + 1, unit, worklist)?;
        }
        if op.is_jump() {
            let target = label_position(unit, instr.arg)?;
            let taken = depth + i64::from(stack_effect(op, instr.arg, true));
            self.reach(target, taken, unit, worklist)?;
        }
        if !op.is_terminator() {
            let next = depth + i64::from(stack_effect(op, instr.arg, false));
            self.reach(index + 1, next, unit, worklist)?;
        }
        Ok(())
    }
}

impl Flow {
    /// Whether the code of `handler` is reachable (and so kept).
    fn handler_reached(&self, unit: &Unit<'_>, handler: HandlerId) -> bool {
        handler_target(unit, handler).is_ok_and(|target| self.depth_at.get(target).is_some_and(Option::is_some))
    }
}

fn label_position(unit: &Unit<'_>, label: u32) -> Result<usize, String> {
    unit.labels.get(label as usize).copied().flatten().ok_or_else(|| format!("jump to unbound label {label}"))
}

fn handler_target(unit: &Unit<'_>, handler: HandlerId) -> Result<usize, String> {
    let label = unit.handlers.get(handler.0 as usize).ok_or("unknown handler")?;
    label_position(unit, label.0)
}

/// Jump threading: a jump whose target is an unconditional jump goes straight to that jump's
/// target (so `try` inside `try` does not jump to a jump). Conditional jumps are only
/// retargeted forward, to keep them forward.
fn thread_jumps(unit: &mut Unit<'_>) -> Result<(), String> {
    for index in 0..unit.instrs.len() {
        let IrOp::Op(op) = unit.instrs[index].op else {
            continue;
        };
        if !op.is_jump() {
            continue;
        }
        let unconditional = matches!(op, Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD);
        let mut label = unit.instrs[index].arg;
        // Bounded, so that a cycle of jumps (`while True: pass`) cannot loop forever.
        for _ in 0..unit.instrs.len().min(64) {
            let position = label_position(unit, label)?;
            let Some(target) = unit.instrs.get(position) else {
                break;
            };
            let is_jump = matches!(target.op, IrOp::Op(Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD));
            if !is_jump || target.arg == label {
                break;
            }
            let next = label_position(unit, target.arg)?;
            if !unconditional && next <= index {
                break;
            }
            label = target.arg;
        }
        unit.instrs[index].arg = label;
    }
    Ok(())
}

/// Removes unconditional forward jumps whose target is the next kept instruction, until none
/// is left (removing one can make another jump to its next instruction).
fn drop_jumps_to_next(unit: &Unit<'_>, keep: &mut [bool]) -> Result<(), String> {
    loop {
        let next_kept = next_kept_table(keep);
        let mut changed = false;
        for (index, instr) in unit.instrs.iter().enumerate() {
            if !keep[index] || instr.op != IrOp::Op(Opcode::JUMP_FORWARD) {
                continue;
            }
            let target = next_kept[label_position(unit, instr.arg)?];
            if target.is_some() && target == next_kept[index + 1] {
                keep[index] = false;
                changed = true;
            }
        }
        if !changed {
            return Ok(());
        }
    }
}

/// Fuses pairs of local loads and stores into CPython 3.13's superinstructions
/// (`LOAD_FAST_LOAD_FAST`, `STORE_FAST_LOAD_FAST`, `STORE_FAST_STORE_FAST`): one dispatch instead
/// of two for the most common instruction pairs. A pair is fused only when no jump or handler
/// lands on its second instruction, both are protected by the same handler, and both locals
/// fit in 4 bits. The fused instruction keeps the first one's line.
fn combine_superinstructions(unit: &mut Unit<'_>, keep: &mut [bool]) -> Result<(), String> {
    let next_kept = next_kept_table(keep);
    let mut targets = vec![false; keep.len() + 1];
    for position in unit.labels.iter().flatten() {
        if let Some(Some(target)) = next_kept.get(*position) {
            targets[*target] = true;
        }
    }
    let mut index = 0;
    while index < unit.instrs.len() {
        let Some(next) = next_kept[index + 1..].first().copied().flatten() else { break };
        if !keep[index] || targets[next] {
            index += 1;
            continue;
        }
        let (first, second) = (unit.instrs[index], unit.instrs[next]);
        let fused = match (first.op, second.op) {
            (IrOp::Op(Opcode::LOAD_FAST), IrOp::Op(Opcode::LOAD_FAST)) => Some(Opcode::LOAD_FAST_LOAD_FAST),
            (IrOp::Op(Opcode::STORE_FAST), IrOp::Op(Opcode::LOAD_FAST)) => Some(Opcode::STORE_FAST_LOAD_FAST),
            (IrOp::Op(Opcode::STORE_FAST), IrOp::Op(Opcode::STORE_FAST)) => Some(Opcode::STORE_FAST_STORE_FAST),
            _ => None,
        };
        match fused {
            Some(op) if first.arg < 16 && second.arg < 16 && first.handler == second.handler => {
                unit.instrs[index].op = IrOp::Op(op);
                unit.instrs[index].arg = first.arg << 4 | second.arg;
                keep[next] = false;
                index = next + 1;
            }
            _ => index += 1,
        }
    }
    Ok(())
}

/// For each position `p` (including the end), the first kept instruction at or after `p`.
fn next_kept_table(keep: &[bool]) -> Vec<Option<usize>> {
    let mut table = vec![None; keep.len() + 1];
    for index in (0..keep.len()).rev() {
        table[index] = if keep[index] { Some(index) } else { table[index + 1] };
    }
    table
}

/// Where each kept instruction ends up.
struct Layout {
    keep: Vec<bool>,
    /// Final index of the first kept instruction at or after each IR position.
    final_index: Vec<Option<u32>>,
}

impl Layout {
    fn new(unit: &Unit<'_>, keep: &[bool]) -> Result<Layout, String> {
        let next_kept = next_kept_table(keep);
        let mut new_index = vec![0u32; keep.len()];
        let mut count = 0u32;
        for (index, kept) in keep.iter().enumerate() {
            new_index[index] = count;
            if *kept {
                count += 1;
            }
        }
        let final_index = next_kept.iter().map(|kept| kept.and_then(|index| new_index.get(index).copied())).collect();
        if unit.instrs.len() != keep.len() {
            return Err("layout size mismatch".into());
        }
        Ok(Layout { keep: keep.to_vec(), final_index })
    }

    /// The final index of the instruction a label points at.
    fn label_target(&self, unit: &Unit<'_>, label: u32) -> Result<u32, String> {
        let position = label_position(unit, label)?;
        self.final_index
            .get(position)
            .copied()
            .flatten()
            .ok_or_else(|| format!("label {label} points past the last instruction"))
    }

    fn instructions(&self, unit: &Unit<'_>) -> Result<Vec<Instr>, String> {
        let mut out = Vec::new();
        for (index, instr) in unit.instrs.iter().enumerate() {
            let (true, IrOp::Op(op)) = (self.keep[index], instr.op) else {
                continue;
            };
            let here = u32::try_from(out.len()).map_err(|_| "code too long")?;
            if !op.is_jump() {
                out.push(Instr { op, arg: instr.arg });
                continue;
            }
            let target = self.label_target(unit, instr.arg)?;
            let backward = target <= here;
            let op = match op {
                Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD if backward => Opcode::JUMP_BACKWARD,
                Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD => Opcode::JUMP_FORWARD,
                Opcode::JUMP_BACKWARD_NO_INTERRUPT => op,
                conditional if backward => {
                    return Err(format!("backward conditional jump {} at {here}", conditional.name()));
                }
                conditional => conditional,
            };
            out.push(Instr { op, arg: target });
        }
        Ok(out)
    }

    fn exception_table(&self, unit: &Unit<'_>, flow: &Flow) -> Result<Vec<ExceptionEntry>, String> {
        let mut entries: Vec<ExceptionEntry> = Vec::new();
        let mut position = 0u32;
        for (index, instr) in unit.instrs.iter().enumerate() {
            if !self.keep[index] {
                continue;
            }
            if let Some(handler) = instr.handler.filter(|&handler| flow.handler_reached(unit, handler)) {
                let label = unit.handlers.get(handler.0 as usize).ok_or("unknown handler")?;
                let target = self.label_target(unit, label.0)?;
                let depth = flow.handler_depth.get(handler.0 as usize).copied().flatten().unwrap_or(0);
                match entries.last_mut() {
                    Some(last) if last.end == position && last.target == target && last.depth == depth => {
                        last.end = position + 1;
                    }
                    _ => entries.push(ExceptionEntry { start: position, end: position + 1, target, depth }),
                }
            }
            position += 1;
        }
        Ok(entries)
    }
}
