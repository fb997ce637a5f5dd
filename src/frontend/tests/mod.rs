//! Tests of the frontend: instruction patterns, stack sizes, scopes, error messages, a fuzzer,
//! and the test/benchmark program corpus.
//!
//! Every successfully compiled code object in these tests also goes through [`verify`], an
//! independent check of the bytecode's structural invariants (argument ranges, jump
//! directions, and a second stack-depth flow analysis proving `stacksize` is never exceeded),
//! so the pattern tests and the fuzzer double as tests of the assembler.

mod errors;
mod fuzz;
mod patterns;
mod programs;
mod scopes;
mod verify;

use crate::bytecode::{ArgKind, Code, Const};
use crate::dis::argument_repr;

use super::{compile, CompileError};

/// Compiles `source` (which must be valid), verifies every code object and returns it.
fn compile_ok(source: &str) -> Code {
    match compile(source, "test.py") {
        Ok(code) => {
            if let Err(problem) = verify::verify(&code) {
                panic!("invalid bytecode ({problem}) for:\n{source}\n{}", crate::dis::disassemble(&code));
            }
            code
        }
        Err(error) => panic!("compile failed: {error}\n{source}"),
    }
}

/// The error `source` fails with.
fn compile_err(source: &str) -> CompileError {
    match compile(source, "test.py") {
        Ok(code) => panic!("expected an error for:\n{source}\n{}", crate::dis::disassemble(&code)),
        Err(error) => error,
    }
}

/// The nested code object named `name` (searched depth-first).
fn find_code<'c>(code: &'c Code, name: &str) -> &'c Code {
    fn search<'c>(code: &'c Code, name: &str) -> Option<&'c Code> {
        if code.name == name {
            return Some(code);
        }
        code.consts.iter().find_map(|constant| match constant {
            Const::Code(inner) => search(inner, name),
            _ => None,
        })
    }
    search(code, name).unwrap_or_else(|| panic!("no code object named {name}"))
}

/// A compact listing for assertions: `OPNAME meaning`, jumps as `-> index`.
fn listing(code: &Code) -> Vec<String> {
    code.instrs
        .iter()
        .map(|instr| match instr.op.arg_kind() {
            ArgKind::None => instr.op.name().to_string(),
            ArgKind::Jump => format!("{} -> {}", instr.op.name(), instr.arg),
            ArgKind::Count | ArgKind::Invert => format!("{} {}", instr.op.name(), instr.arg),
            _ => format!("{} {}", instr.op.name(), argument_repr(code, *instr)),
        })
        .collect()
}

/// Asserts the listing of `code` equals `expected` (one instruction per line, trimmed).
#[track_caller]
fn assert_listing(code: &Code, expected: &str) {
    let expected: Vec<&str> = expected.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    let actual = listing(code);
    if actual != expected {
        panic!(
            "listing of {} differs\n--- expected\n{}\n--- actual\n{}\n",
            code.name,
            expected.join("\n"),
            actual.join("\n")
        );
    }
}
