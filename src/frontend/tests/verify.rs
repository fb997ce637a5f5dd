//! An independent checker of compiled code objects.
//!
//! It re-derives, from the finished [`Code`] alone (not the compiler's intermediate form),
//! everything the interpreter relies on: arguments index existing constants, names and slots;
//! jump targets are in range, `JUMP_BACKWARD` goes backward and every other jump forward;
//! `KW_NAMES` immediately precedes a `CALL`; control never falls off the end; every
//! instruction is reachable; and a flow analysis over fall-through, jump and exception edges
//! finds consistent stack depths that never go negative and never exceed `stacksize`, with
//! each exception handler entered at a depth no deeper than the stack it unwinds.

use crate::bytecode::{ArgKind, Code, Const, Opcode};

/// Checks `code` and, recursively, the code objects among its constants.
pub(super) fn verify(code: &Code) -> Result<(), String> {
    check_shape(code)?;
    check_arguments(code)?;
    check_flow(code)?;
    for constant in &code.consts {
        if let Const::Code(inner) = constant {
            verify(inner).map_err(|problem| format!("in {}: {problem}", inner.qualname))?;
        }
    }
    Ok(())
}

fn check_shape(code: &Code) -> Result<(), String> {
    if code.lines.len() != code.instrs.len() {
        return Err(format!("{} lines for {} instructions", code.lines.len(), code.instrs.len()));
    }
    if code.lines.contains(&0) {
        return Err("an instruction has line 0".into());
    }
    if code.cell2arg.len() != code.cellvars.len() {
        return Err("cell2arg and cellvars differ in length".into());
    }
    match code.instrs.last() {
        Some(last) if last.op.is_terminator() => Ok(()),
        _ => Err("the last instruction is not a terminator".into()),
    }
}

fn check_arguments(code: &Code) -> Result<(), String> {
    let count = code.instrs.len();
    let derefs = code.cellvars.len() + code.freevars.len();
    for (index, instr) in code.instrs.iter().enumerate() {
        let arg = instr.arg as usize;
        let in_range = match instr.op.arg_kind() {
            ArgKind::Const => arg < code.consts.len(),
            ArgKind::Local => arg < code.varnames.len(),
            ArgKind::LocalPair => arg >> 4 < code.varnames.len() && arg & 15 < code.varnames.len(),
            ArgKind::Name => arg < code.names.len(),
            ArgKind::GlobalName | ArgKind::AttrName => arg >> 1 < code.names.len(),
            ArgKind::Deref => arg < derefs,
            ArgKind::Jump => arg < count,
            ArgKind::BinaryOp => crate::bytecode::BinaryOp::from_arg(instr.arg).is_some(),
            ArgKind::CompareOp => crate::bytecode::CompareOp::from_arg(instr.arg).is_some(),
            ArgKind::Invert => arg <= 1,
            ArgKind::None => arg == 0,
            ArgKind::Count => true,
        };
        if !in_range {
            return Err(format!("argument {arg} of {} at {index} out of range", instr.op.name()));
        }
        if instr.op.is_jump() {
            let backward = arg <= index;
            if backward != matches!(instr.op, Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT) {
                return Err(format!("{} at {index} jumps the wrong way (to {arg})", instr.op.name()));
            }
        }
        if instr.op == Opcode::KW_NAMES {
            let next = code.instrs.get(index + 1).map(|next| next.op);
            if next != Some(Opcode::CALL) {
                return Err(format!("KW_NAMES at {index} not followed by CALL"));
            }
            if !matches!(code.consts.get(arg), Some(Const::Tuple(_))) {
                return Err(format!("KW_NAMES at {index} names no tuple"));
            }
        }
    }
    for entry in &code.exception_table {
        if entry.start >= entry.end || entry.end as usize > count || entry.target as usize >= count {
            return Err(format!("bad exception entry {entry:?}"));
        }
    }
    Ok(())
}

/// Stack effect with `RETURN_GENERATOR` counted as pushing the value sent on resumption.
fn effect(op: Opcode, arg: u32, jump: bool) -> i64 {
    match op {
        Opcode::RETURN_GENERATOR => 1,
        _ => i64::from(op.stack_effect(arg, jump)),
    }
}

fn check_flow(code: &Code) -> Result<(), String> {
    let count = code.instrs.len();
    let mut depth_at: Vec<Option<i64>> = vec![None; count];
    let mut worklist = vec![(0usize, 0i64)];
    while let Some((index, depth)) = worklist.pop() {
        if index >= count {
            return Err(format!("control reaches {index}, past the end"));
        }
        if depth < 0 {
            return Err(format!("negative stack depth entering {index}"));
        }
        if depth > i64::from(code.stacksize) {
            return Err(format!("depth {depth} at {index} exceeds stacksize {}", code.stacksize));
        }
        match depth_at[index] {
            Some(known) if known == depth => continue,
            Some(known) => return Err(format!("depths {known} and {depth} meet at {index}")),
            None => depth_at[index] = Some(depth),
        }
        let instr = code.instrs[index];
        if let Some(entry) = code.handler_for(index as u32) {
            if i64::from(entry.depth) > depth {
                return Err(format!("handler depth {} above stack depth {depth} at {index}", entry.depth));
            }
            worklist.push((entry.target as usize, i64::from(entry.depth) + 1));
        }
        if instr.op.is_jump() {
            worklist.push((instr.arg as usize, depth + effect(instr.op, instr.arg, true)));
        }
        if !instr.op.is_terminator() {
            worklist.push((index + 1, depth + effect(instr.op, instr.arg, false)));
        }
    }
    if let Some(unreachable) = depth_at.iter().position(Option::is_none) {
        return Err(format!("instruction {unreachable} is unreachable"));
    }
    Ok(())
}
