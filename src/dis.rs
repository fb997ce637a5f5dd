//! The disassembler: a [`Code`] object as a listing in the style of `python3.12 -m dis`.
//!
//! The point of modelling stitch's bytecode on CPython's is that the two listings can be read
//! side by side, so this file copies CPython's layout column for column (`dis.py`'s
//! `Instruction._disassemble`): the source line where a new line starts (preceded by a blank
//! line), `>>` on jump targets, the byte offset (`2 * index`, as if every instruction were one
//! CPython code unit), the opcode name padded to 20 columns, the argument right-aligned in 5,
//! and what the argument means in parentheses. Argument meanings use CPython 3.13's wording
//! where it differs from 3.12's (`print + NULL` for a global loaded for a call, `append +
//! NULL|self` for a method load).
//!
//! Differences a reader will notice: stitch has no `RESUME`, `CACHE` or `EXTENDED_ARG`; jump
//! arguments are absolute instruction indices rather than deltas (the `to N` explanation gives
//! the byte offset either way); every code object, the module included, gets a
//! `Disassembly of ...` header; and the exception table has no `lasti` flags.

use std::fmt::Write;

use crate::bytecode::{ArgKind, BinaryOp, Code, CompareOp, Const, Instr, Opcode};

/// Width of the opcode-name column (CPython's `_OPNAME_WIDTH`).
const OPNAME_WIDTH: usize = 20;
/// Width of the argument column (CPython's `_OPARG_WIDTH`).
const OPARG_WIDTH: usize = 5;

/// Disassembles `code` and, after it, every code object in its constants, recursively, in
/// constant order — what `dis.dis(module_code)` prints.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    disassemble_recursive(code, &mut out);
    out
}

fn disassemble_recursive(code: &Code, out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Disassembly of <code object {}, file \"{}\", line {}>:",
        code.name, code.filename, code.firstlineno
    );
    disassemble_code(code, out);
    for constant in &code.consts {
        if let Const::Code(inner) = constant {
            disassemble_recursive(inner, out);
        }
    }
}

/// The listing of one code object (no header, no nested code objects).
fn disassemble_code(code: &Code, out: &mut String) {
    let max_line = code.lines.iter().copied().max().unwrap_or(0);
    let line_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let max_offset = 2 * code.instrs.len().saturating_sub(1);
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };
    let targets = jump_targets(code);
    let mut previous_line = None;
    for (index, instr) in code.instrs.iter().enumerate() {
        let line = code.lines.get(index).copied();
        let starts_line = line.is_some() && line != previous_line;
        previous_line = line;
        if starts_line && index > 0 {
            out.push('\n');
        }
        let mut fields = Vec::with_capacity(6);
        fields.push(match line {
            Some(line) if starts_line => format!("{line:>line_width$}"),
            _ => " ".repeat(line_width),
        });
        fields.push("   ".to_string());
        fields.push(if targets.binary_search(&index).is_ok() { ">>" } else { "  " }.to_string());
        fields.push(format!("{:>offset_width$}", 2 * index));
        fields.push(format!("{:<OPNAME_WIDTH$}", instr.op.name()));
        if instr.op.arg_kind() != ArgKind::None {
            fields.push(format!("{:>OPARG_WIDTH$}", instr.arg));
            let meaning = argument_repr(code, *instr);
            if !meaning.is_empty() {
                fields.push(format!("({meaning})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for entry in &code.exception_table {
            // Like CPython, the end shown is the offset of the last covered instruction.
            let offset = |index: u32| 2 * u64::from(index);
            let last = offset(entry.end.saturating_sub(1));
            let _ =
                writeln!(out, "  {} to {} -> {} [{}]", offset(entry.start), last, offset(entry.target), entry.depth);
        }
    }
}

/// Indices of instructions that some jump or exception handler targets.
fn jump_targets(code: &Code) -> Vec<usize> {
    let jumps = code.instrs.iter().filter(|instr| instr.op.is_jump()).map(|instr| instr.arg);
    let handlers = code.exception_table.iter().map(|entry| entry.target);
    let mut targets: Vec<usize> = jumps.chain(handlers).map(|target| target as usize).collect();
    targets.sort_unstable();
    targets.dedup();
    targets
}

/// What an instruction's argument means, as `dis` shows it in parentheses (empty when there
/// is nothing to explain).
pub fn argument_repr(code: &Code, instr: Instr) -> String {
    let arg = instr.arg;
    let index = arg as usize;
    let lookup = |table: &[String], i: usize| table.get(i).cloned().unwrap_or_else(|| format!("<{i}?>"));
    match instr.op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => code.consts.get(index).map_or_else(|| format!("<{index}?>"), Const::to_string),
        ArgKind::Local => lookup(&code.varnames, index),
        ArgKind::LocalPair => format!("{}, {}", lookup(&code.varnames, index >> 4), lookup(&code.varnames, index & 15)),
        ArgKind::Name => lookup(&code.names, index),
        ArgKind::GlobalName => {
            let name = lookup(&code.names, index >> 1);
            if arg & 1 != 0 {
                format!("{name} + NULL")
            } else {
                name
            }
        }
        ArgKind::AttrName => {
            let name = lookup(&code.names, index >> 1);
            if arg & 1 != 0 {
                format!("{name} + NULL|self")
            } else {
                name
            }
        }
        ArgKind::Deref => code.deref_name(index).to_string(),
        ArgKind::Jump => format!("to {}", 2 * u64::from(arg)),
        ArgKind::BinaryOp => match BinaryOp::from_arg(arg) {
            Some((op, true)) => format!("{}=", op.symbol()),
            Some((op, false)) => op.symbol().to_string(),
            None => format!("<{arg}?>"),
        },
        ArgKind::CompareOp => {
            CompareOp::from_arg(arg).map_or_else(|| format!("<{arg}?>"), |op| op.symbol().to_string())
        }
        ArgKind::Invert => invert_repr(instr.op, arg),
        ArgKind::Count => count_repr(instr.op, arg),
    }
}

/// `IS_OP`/`CONTAINS_OP`: which test (CPython prints nothing; the operator reads better).
fn invert_repr(op: Opcode, arg: u32) -> String {
    let text = match (op, arg != 0) {
        (Opcode::IS_OP, false) => "is",
        (Opcode::IS_OP, true) => "is not",
        (Opcode::CONTAINS_OP, false) => "in",
        (Opcode::CONTAINS_OP, true) => "not in",
        _ => "",
    };
    text.to_string()
}

/// Flag arguments CPython explains: `FORMAT_VALUE` and `MAKE_FUNCTION` (trace dumps say a
/// uop's copy of them the same way).
pub fn count_repr(op: Opcode, arg: u32) -> String {
    match op {
        Opcode::FORMAT_VALUE => {
            let conversion = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conversion, arg & 4 != 0) {
                ("", true) => "with format".to_string(),
                (conversion, true) => format!("{conversion}, with format"),
                (conversion, false) => conversion.to_string(),
            }
        }
        Opcode::CALL_INTRINSIC_1 => match arg {
            2 => "INTRINSIC_IMPORT_STAR".to_string(),
            _ => String::new(),
        },
        Opcode::MAKE_FUNCTION => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            let set: Vec<&str> =
                names.iter().enumerate().filter(|(bit, _)| arg & (1 << bit) != 0).map(|(_, name)| *name).collect();
            set.join(", ")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::disassemble;
    use crate::frontend::compile;

    /// The listing of a small program, column for column as `python3.12 -m dis` lays it out.
    #[test]
    fn listing_reads_like_cpython() {
        let source = "def f(xs, n):\n    total = 0\n    for x in xs:\n        try:\n            total += g(x)\n        except E as e:\n            print(f\"{e!r}\")\n    return total is None\n";
        let code = compile(source, "d.py").unwrap_or_else(|error| panic!("{error}"));
        let expected = r#"Disassembly of <code object <module>, file "d.py", line 1>:
  1           0 LOAD_CONST               0 (<code object f, line 1>)
              2 MAKE_FUNCTION            0
              4 STORE_NAME               0 (f)
              6 RETURN_CONST             1 (None)

Disassembly of <code object f, file "d.py", line 1>:
  2           0 LOAD_CONST               0 (0)
              2 STORE_FAST_LOAD_FAST    32 (total, xs)

  3           4 GET_ITER
        >>    6 FOR_ITER                35 (to 70)
              8 STORE_FAST               3 (x)

  5          10 LOAD_FAST                2 (total)
             12 LOAD_GLOBAL              1 (g + NULL)
             14 LOAD_FAST                3 (x)
             16 CALL                     1
             18 BINARY_OP               13 (+=)
             20 STORE_FAST               2 (total)
             22 JUMP_BACKWARD            3 (to 6)

  4     >>   24 PUSH_EXC_INFO

  6          26 LOAD_GLOBAL              2 (E)
             28 CHECK_EXC_MATCH
             30 POP_JUMP_IF_FALSE       31 (to 62)
             32 STORE_FAST               4 (e)

  7          34 LOAD_GLOBAL              5 (print + NULL)
             36 LOAD_FAST                4 (e)
             38 FORMAT_VALUE             2 (repr)
             40 CALL                     1
             42 POP_TOP
             44 POP_EXCEPT
             46 LOAD_CONST               1 (None)
             48 STORE_FAST               4 (e)
             50 DELETE_FAST              4 (e)
             52 JUMP_BACKWARD            3 (to 6)
        >>   54 LOAD_CONST               1 (None)
             56 STORE_FAST               4 (e)
             58 DELETE_FAST              4 (e)
             60 RERAISE
        >>   62 RERAISE
        >>   64 SWAP                     2
             66 POP_EXCEPT
             68 RERAISE

  8     >>   70 LOAD_FAST                2 (total)
             72 LOAD_CONST               1 (None)
             74 IS_OP                    0 (is)
             76 RETURN_VALUE
ExceptionTable:
  10 to 20 -> 24 [1]
  24 to 32 -> 64 [2]
  34 to 42 -> 54 [2]
  54 to 62 -> 64 [2]
"#;
        let actual = disassemble(&code);
        assert_eq!(actual, expected, "\n{actual}");
    }

    #[test]
    fn arguments_are_explained() {
        let code = compile("x = -a\nf(**k)\ny = o.m(1) < f'{z:>3}'\n", "t.py").unwrap_or_else(|e| panic!("{e}"));
        let listing = disassemble(&code);
        for expected in [
            "LOAD_NAME                0 (a)",
            "UNARY_NEGATIVE",
            "CALL_FUNCTION_EX         1",
            "LOAD_ATTR               11 (m + NULL|self)",
            "FORMAT_VALUE             4 (with format)",
            "COMPARE_OP               0 (<)",
        ] {
            assert!(listing.contains(expected), "missing {expected:?} in\n{listing}");
        }
    }
}
