//! The one printer of traces: `--dump=trace`, the optimizer's before and after, and tests.
//!
//! A listing shows each uop under a heading for the bytecode it came from (indented by the frame
//! level it runs in), with its argument and operands *said*, not dumped: `slot 1 (step)`,
//! `int 1`, `float 0.5`, `<` for a comparison, an instruction as its byte offset `@14` (the units
//! of `stitch dis`), and addresses through whatever the caller can name (a function, a shape).
//! What the printer cannot know about the program (names of locals, what lives at an address,
//! the bytecode itself) it asks a [`Describe`]; [`Plain`] knows nothing and prints numbers.

use std::fmt::Write as _;

use super::uops::Operand;
use super::{Resume, Trace, TraceOp};
use crate::runtime::value::tag;

/// What the printer asks about the program a trace came from.
pub trait Describe {
    /// The heading of bytecode `pc` of code object `code` (`line 5 @12 LOAD_FAST (x)`).
    fn bytecode(&self, code: u16, pc: u32) -> String {
        format!("code {code} @{}", 2 * pc)
    }

    /// The name of local `index` of code object `code`.
    fn local(&self, _code: u16, _index: u32) -> Option<String> {
        None
    }

    /// What lives at `address` (an operand of kind [`Operand::Address`]), if the caller knows.
    fn address(&self, _address: u64) -> Option<String> {
        None
    }
}

/// A [`Describe`] that knows nothing about the program.
pub struct Plain;

impl Describe for Plain {}

/// How a comparison argument reads.
fn compare(oparg: u32) -> &'static str {
    ["<", "<=", "==", "!=", ">", ">="].get(oparg as usize).copied().unwrap_or("?")
}

/// The type a tag stands for.
pub fn type_name(tag_word: u64) -> &'static str {
    match tag_word {
        tag::NULL => "NULL",
        tag::NONE => "NoneType",
        tag::BOOL => "bool",
        tag::INT => "int",
        tag::FLOAT => "float",
        tag::OBJ => "object",
        _ => "?",
    }
}

/// A constant given as a tag and a payload, as Python would write it (objects by address).
pub fn constant(tag_word: u64, payload: u64, describe: &dyn Describe) -> String {
    match tag_word {
        tag::NULL => "NULL".to_string(),
        tag::NONE => "None".to_string(),
        tag::BOOL => (if payload != 0 { "True" } else { "False" }).to_string(),
        tag::INT => format!("int {}", payload as i64),
        tag::FLOAT => format!("float {:?}", f64::from_bits(payload)),
        tag::OBJ => describe.address(payload).unwrap_or_else(|| format!("object {payload:#x}")),
        other => format!("tag {other} {payload:#x}"),
    }
}

/// The argument and operands of `op`, said in words.
pub fn arguments(op: &TraceOp, describe: &dyn Describe) -> String {
    let info = op.uop.info();
    let mut parts: Vec<String> = Vec::new();
    let mut say = |kind: Operand, value: u64| match kind {
        Operand::None | Operand::Tag | Operand::Payload => {}
        Operand::Count(_) | Operand::Number(_) => parts.push(format!("{value}")),
        Operand::Local => {
            let name = describe.local(op.code, value as u32);
            parts.push(match name {
                Some(name) => format!("slot {value} ({name})"),
                None => format!("slot {value}"),
            })
        }
        Operand::Compare => parts.push(compare(value as u32).to_string()),
        Operand::Operator => parts.push(match crate::bytecode::BinaryOp::from_arg(value as u32) {
            Some((op, inplace)) => format!("{}{}", op.symbol(), if inplace { "=" } else { "" }),
            None => format!("operator {value}"),
        }),
        Operand::Flags(opcode) => {
            let said = crate::dis::count_repr(opcode, value as u32);
            parts.push(if said.is_empty() { format!("{value}") } else { said })
        }
        Operand::TypeTag => parts.push(type_name(value).to_string()),
        Operand::Instruction => parts.push(format!("@{}", 2 * value)),
        Operand::Address(_) => parts.push(describe.address(value).unwrap_or_else(|| format!("{value:#x}"))),
    };
    say(info.oparg, op.oparg as u64);
    if info.operands[0] == Operand::Tag {
        parts.push(constant(op.operands[0], op.operands[1], describe));
    } else {
        say(info.operands[0], op.operands[0]);
        say(info.operands[1], op.operands[1]);
    }
    parts.join(", ")
}

/// The listing of a trace: every uop with its argument, operands and exit, under a heading for
/// the bytecode it came from, indented by the frame level it ran in.
pub fn listing(trace: &Trace, describe: &dyn Describe) -> String {
    let mut out = String::new();
    let mut last_pc = None;
    // Levels below the loop's frame (a side trace past its function's return) indent less.
    let lowest = trace.ops.iter().map(|op| op.level).min().unwrap_or(0).min(0);
    for (i, op) in trace.ops.iter().enumerate() {
        if i == trace.loop_start && i > 0 {
            // Before: the preamble, run once on entry.
            out.push_str(if trace.loops() { "      -- loop --\n" } else { "      -- body --\n" });
        }
        if let Some(&(_, resume)) = trace.continuations.iter().find(|c| c.0 == i) {
            let _ = writeln!(out, "      -- continuation: returned to @{} --", 2 * resume);
            last_pc = None;
        }
        if let Some(pc) = op.pc.filter(|_| Some((op.code, op.pc)) != last_pc) {
            last_pc = Some((op.code, op.pc));
            let indent = ". ".repeat((op.level - lowest) as usize);
            let _ = writeln!(out, "      {indent}; {}", describe.bytecode(op.code, pc));
        }
        out.push_str(&line(i, op, trace, describe));
        out.push('\n');
    }
    out
}

/// One uop's line of a listing.
pub fn line(i: usize, op: &TraceOp, trace: &Trace, describe: &dyn Describe) -> String {
    let mut line = format!("{i:4}  {:<28}", op.uop.name());
    let args = arguments(op, describe);
    if !args.is_empty() {
        line += " ";
        line += &args;
    }
    if let Some(e) = op.exit {
        line += &format!("  -> {}", exit_label(trace, e));
        // What the exit allocates first, of what the trace kept virtual.
        let restores: Vec<String> = trace
            .restore_ops(e)
            .iter()
            .map(|r| {
                let args = arguments(r, describe);
                if args.is_empty() {
                    r.uop.name().to_string()
                } else {
                    format!("{} {args}", r.uop.name())
                }
            })
            .collect();
        if !restores.is_empty() {
            line += &format!(" after {}", restores.join("; "));
        }
    }
    line.trim_end().to_string()
}

/// How an exit reads in dumps and `--stats`: `exit 2 (@14)`, `exit 3 (the caller's pc)`, with
/// the frame when it is not the loop's.
pub fn exit_label(trace: &Trace, e: super::ExitId) -> String {
    let exit = trace.exit(e);
    let mut label = match exit.resume {
        Resume::Caller => format!("{e} (the caller's pc"),
        Resume::Entry => format!("{e} (the function's entry"),
        Resume::At => format!("{e} (@{}", 2 * exit.pc),
    };
    if exit.level != 0 {
        label += &format!(", frame {:+}", exit.level);
    }
    label.push(')');
    label
}
