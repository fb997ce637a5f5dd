//! Stencils for people: the listing `stitch stencils` prints and the golden tables are made of.
//!
//! A stencil is a few dozen bytes of machine code with holes in it, which is hard to read as a
//! table of numbers. [`render`] prints a summary line per stencil (sizes and what fills its
//! holes) and, with disassembly, each stencil in full: its holes, then its hot and cold code one
//! instruction per line with the raw bytes, every instruction that holds a hole marked with what
//! fills it (`; ← oparg (R_X86_64_32)`), and its read-only data in hex. Instructions are decoded
//! by maintained crates (`iced-x86` for x86-64, `yaxpeax-arm` for AArch64), never by hand.
//! [`disassemble`] is the same decoder for any bytes, for dumps of whole traces. The output is
//! deterministic: the golden tables under `tests/stencils/` are this listing.

use std::fmt::Write;

use super::check::stencil_for;
use super::extract::{Arch, Hole, HoleValue, Part, Stencil, StencilSet};
use super::tables;
use crate::jit::backend::{CompiledTrace, OpPlacement};
use crate::jit::ir::{print, Trace};

/// One decoded instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Offset from the start of the decoded bytes.
    pub offset: usize,
    pub bytes: Vec<u8>,
    /// The instruction in assembly syntax (Intel syntax on x86-64).
    pub text: String,
}

/// Decodes `code` as instructions of `arch` placed at address `base` (which shows in the
/// targets of relative branches). Bytes that do not decode become `.byte`/`.inst` lines.
pub fn disassemble(arch: Arch, code: &[u8], base: u64) -> Vec<Line> {
    match arch {
        Arch::X86_64 => disassemble_x86_64(code, base),
        Arch::Aarch64 => disassemble_aarch64(code, base),
    }
}

fn disassemble_x86_64(code: &[u8], base: u64) -> Vec<Line> {
    use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter};
    let mut formatter = IntelFormatter::new();
    let options = formatter.options_mut();
    options.set_space_after_operand_separator(true);
    options.set_hex_prefix("0x");
    options.set_hex_suffix("");
    options.set_uppercase_hex(false);
    options.set_branch_leading_zeros(false);
    options.set_first_operand_char_index(8);
    options.set_signed_immediate_operands(true);
    options.set_show_branch_size(false);
    options.set_small_hex_numbers_in_decimal(false);
    let mut decoder = Decoder::with_ip(64, code, base, DecoderOptions::NONE);
    let mut instruction = Instruction::default();
    let mut lines = Vec::new();
    while decoder.can_decode() {
        let offset = decoder.position();
        decoder.decode_out(&mut instruction);
        if instruction.is_invalid() {
            // Resynchronize one byte later, like objdump's "(bad)".
            decoder.set_position(offset + 1).expect("in bounds");
            decoder.set_ip(base + offset as u64 + 1);
            lines.push(Line { offset, bytes: vec![code[offset]], text: format!(".byte 0x{:02x}", code[offset]) });
            continue;
        }
        let mut text = String::new();
        formatter.format(&instruction, &mut text);
        lines.push(Line { offset, bytes: code[offset..offset + instruction.len()].to_vec(), text });
    }
    lines
}

fn disassemble_aarch64(code: &[u8], base: u64) -> Vec<Line> {
    use yaxpeax_arch::{Decoder, U8Reader};
    use yaxpeax_arm::armv8::a64::InstDecoder;
    let decoder = InstDecoder::default();
    let mut lines = Vec::new();
    for (i, word) in code.chunks(4).enumerate() {
        let offset = i * 4;
        let text = if word.len() < 4 {
            format!(".byte {}", word.iter().map(|b| format!("0x{b:02x}")).collect::<Vec<_>>().join(", "))
        } else {
            let mut reader = U8Reader::new(word);
            match decoder.decode(&mut reader) {
                Ok(instruction) => with_branch_target(instruction.to_string(), base + offset as u64),
                Err(_) => format!(".inst 0x{:08x}", u32::from_le_bytes(word.try_into().expect("4 bytes"))),
            }
        };
        lines.push(Line { offset, bytes: word.to_vec(), text });
    }
    lines
}

/// yaxpeax prints relative branch targets as `$+0x10`/`$-0x8`; a listing reads better with the
/// address the branch goes to, as objdump and the x86-64 side show it.
fn with_branch_target(text: String, address: u64) -> String {
    let Some(at) = text.find('$') else { return text };
    let rest = &text[at + 1..];
    let (negative, digits) = match rest.as_bytes().first() {
        Some(b'+') => (false, &rest[1..]),
        Some(b'-') => (true, &rest[1..]),
        _ => return text,
    };
    let digits = digits.strip_prefix("0x").unwrap_or(digits);
    let end = digits.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(digits.len());
    let Ok(delta) = u64::from_str_radix(&digits[..end], 16) else { return text };
    let target = if negative { address.wrapping_sub(delta) } else { address.wrapping_add(delta) };
    format!("{}0x{target:x}{}", &text[..at], &digits[end..])
}

/// The machine code of a compiled trace, uop by uop: each uop's name and operands, then its
/// instructions at their run-time addresses, the instructions that held holes marked with what
/// was patched in. `ops` gives, per uop (or per uop's cold part), its name line, the address and
/// bytes of that code (read back from the executable span), the stencil it came from and which
/// part of the stencil it is.
pub fn render_trace_code(arch: Arch, ops: &[(String, u64, &[u8], &Stencil, Part)]) -> String {
    let mut out = String::new();
    for (title, address, bytes, stencil, part) in ops {
        let _ = writeln!(out, "  {title}");
        for line in disassemble(arch, bytes, *address) {
            let end = line.offset + line.bytes.len();
            let marks: Vec<String> = stencil
                .holes
                .iter()
                .filter(|h| h.part == *part && (line.offset..end).contains(&(h.offset as usize)))
                .map(|h| describe_value(h))
                .collect();
            let mut text = format!(
                "    {:012x}  {:<width$}  {}",
                *address + line.offset as u64,
                hex(&line.bytes[..line.bytes.len().min(BYTES_PER_LINE)]),
                line.text,
                width = BYTES_PER_LINE * 3 - 1
            );
            if !marks.is_empty() {
                let pad = 72usize.saturating_sub(text.chars().count());
                let _ = write!(text, "{:pad$}; ← {}", "", marks.join(", "));
            }
            let _ = writeln!(out, "{}", text.trim_end());
        }
    }
    out
}

/// The registers the stencils' arguments arrive in, in order, by target and compiler: clang's
/// `preserve_none` passes them in registers no C code saves; gcc uses the platform's C convention.
fn argument_registers(set: &StencilSet) -> &'static [&'static str] {
    let clang = set.compiler.starts_with("clang");
    match (set.arch, clang) {
        (Arch::X86_64, true) => &["r12", "r13", "r14", "r15", "rdi", "rsi", "rdx", "rcx", "r8", "r9", "r11", "rax"],
        (Arch::X86_64, false) => &["rdi", "rsi", "rdx", "rcx", "r8", "r9"],
        (Arch::Aarch64, true) => {
            &["x20", "x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x0", "x1", "x2", "x3"]
        }
        (Arch::Aarch64, false) => &["x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"],
    }
}

/// The register that holds unboxed local register `k` ([`super::regs`]): the argument after the
/// top-of-stack cache's.
fn local_register(set: &StencilSet, k: usize) -> &'static str {
    let order = argument_registers(set);
    order.get(3 + 2 * super::cache::max_depth(set) + k).copied().unwrap_or("?")
}

/// Which registers hold the stencil arguments at every stencil's entry. After the three pointers
/// come the top-of-stack cache's (tag, payload) pairs, then the unboxed locals' payloads.
fn register_legend(set: &StencilSet) -> String {
    let order = argument_registers(set);
    let mut legend = format!(
        "  registers at each stencil's entry ({} stencils by {}): {} = the frame's locals, {} = the value stack \
         pointer, {} = the JitState",
        set.arch.name(),
        set.compiler,
        order[0],
        order[1],
        order[2]
    );
    let depth = super::cache::max_depth(set);
    if depth > 0 {
        let pairs: Vec<String> =
            (0..depth).map(|d| format!("c{d} = {}:{}", order[3 + 2 * d], order[4 + 2 * d])).collect();
        legend += &format!(
            "; top-of-stack cache (tag:payload, c{} the top at depth {depth}): {}",
            depth - 1,
            pairs.join(", ")
        );
    }
    let regs = super::regs::max_regs(set);
    if regs > 0 {
        let names: Vec<&str> = (0..regs).map(|k| local_register(set, k)).collect();
        legend += &format!("; unboxed locals of a loop: {}", names.join(", "));
    }
    legend + "\n"
}

/// The title of a register move in the hot code.
fn reg_move_title(set: &StencilSet, m: &crate::jit::backend::RegMove) -> String {
    let reg = local_register(set, m.reg);
    let local = format!("slot {}", m.slot);
    match (m.writeback, m.at_head) {
        (true, _) => format!("{} ({reg} to {local}, before a stencil that may read it)", m.placed.stencil),
        (false, true) => format!("{} ({local} into {reg}, once before the loop)", m.placed.stencil),
        (false, false) => format!("{} ({local} into {reg} again)", m.placed.stencil),
    }
}

/// `--dump=asm`: a compiled trace from end to end: the entry shim, every uop's hot code under
/// its line of the trace listing, the cold parts, the exit stubs, and where trampolines and
/// data went; holes marked with what was patched in.
pub fn render_compiled_trace(set: &'static StencilSet, trace: &Trace, compiled: &CompiledTrace) -> String {
    let read = |p: &OpPlacement, cold: bool| -> &'static [u8] {
        let (at, len) = if cold { (p.cold, p.cold_len) } else { (p.code, p.code_len) };
        // SAFETY: the bytes lie inside the trace's span, which stays mapped read+execute (hence
        // readable) for as long as the compiled trace lives.
        unsafe { std::slice::from_raw_parts(at as *const u8, len) }
    };
    let mut hot = Vec::new();
    let mut cold = Vec::new();
    let mut add = |title: String, p: &OpPlacement, stencil: &'static Stencil| {
        if p.cold_len > 0 {
            cold.push((format!("{title} (cold part)"), p.cold, read(p, true), stencil, Part::Cold));
        }
        hot.push((title, p.code, read(p, false), stencil, Part::Code));
    };
    let Some(entry) = set.get("_TRACE_ENTRY") else { return String::new() };
    let Some(stub) = set.get("_EXIT_TRACE") else { return String::new() };
    add("_TRACE_ENTRY (called from Rust)".to_string(), &compiled.entry_placement, entry);
    for (i, (op, placed)) in trace.ops.iter().zip(&compiled.ops).enumerate() {
        let Some(stencil) = set.get(&placed.stencil) else { continue };
        let mut title = print::line(i, op, trace, &print::Plain).trim_start().to_string();
        if placed.stencil != stencil_for(op) {
            // A cached variant: say which.
            title = format!("{title}  [{}]", placed.stencil);
        }
        for m in compiled.reg_moves.iter().filter(|m| m.at == i) {
            let Some(stencil) = set.get(&m.placed.stencil) else { continue };
            add(reg_move_title(set, m), &m.placed, stencil);
        }
        add(title, placed, stencil);
        for (_, spill) in compiled.spills.iter().filter(|(after, _)| *after == i) {
            let Some(stencil) = set.get(&spill.stencil) else { continue };
            add(format!("{} (the cached values to memory)", spill.stencil), spill, stencil);
        }
    }
    for (e, placed) in compiled.stubs.iter().enumerate() {
        let title = match e < trace.exits.len() {
            true => format!("_EXIT_TRACE for {}", print::exit_label(trace, crate::jit::ir::ExitId(e as u32))),
            false => "_EXIT_TRACE for the error exit".to_string(),
        };
        add(title, placed, stub);
    }
    for (e, placed) in &compiled.exit_spills {
        let Some(stencil) = set.get(&placed.stencil) else { continue };
        let title = format!(
            "{} for {} (the registers of the variants that leave by it)",
            placed.stencil,
            print::exit_label(trace, crate::jit::ir::ExitId(*e as u32))
        );
        add(title, placed, stencil);
    }
    for (e, placed) in &compiled.restores {
        let Some(stencil) = set.get(&placed.stencil) else { continue };
        let exit = crate::jit::ir::ExitId(*e as u32);
        let title =
            format!("{} for {} (restores the interpreter's state)", placed.stencil, print::exit_label(trace, exit));
        add(title, placed, stencil);
    }
    for m in &compiled.exit_writebacks {
        let Some(stencil) = set.get(&m.placed.stencil) else { continue };
        let title = format!(
            "{} for {} (local slot {} back to memory)",
            m.placed.stencil,
            print::exit_label(trace, crate::jit::ir::ExitId(m.at as u32)),
            m.slot
        );
        add(title, &m.placed, stencil);
    }
    hot.extend(cold);
    let mut out = register_legend(set);
    if !compiled.reg_slots.is_empty() {
        let held: Vec<String> = compiled
            .reg_slots
            .iter()
            .enumerate()
            .map(|(k, &slot)| format!("{} = slot {slot}", local_register(set, k)))
            .collect();
        let _ = writeln!(out, "  locals in registers through the loop (payloads): {}", held.join(", "));
    }
    out += &render_trace_code(set.arch, &hot);
    // What a far call lands on: the helper it reaches, by name.
    let helper = |address: u64| -> String {
        let names = set.stencils.iter().flat_map(|s| s.holes.iter()).filter_map(|h| match &h.value {
            HoleValue::Helper(name) => Some(name.as_ref()),
            _ => None,
        });
        let mut names: Vec<&str> = names.collect();
        names.sort_unstable();
        names.dedup();
        let found = names.into_iter().find(|n| tables::helper_address(n) == Some(address as usize));
        found.map_or_else(|| format!("{address:#x}"), str::to_string)
    };
    for &(at, target) in &compiled.trampolines {
        let _ = writeln!(out, "  trampoline to {}", helper(target));
        // The jump, then the 8-byte address it reads.
        let code_len = super::relocate::trampoline_bytes(set.arch, target).len() - 8;
        // SAFETY: the trampoline lies inside the trace's span, mapped read+execute (readable) for
        // as long as the compiled trace lives.
        let bytes = unsafe { std::slice::from_raw_parts(at as *const u8, code_len) };
        for line in disassemble(set.arch, bytes, at) {
            let text = format!(
                "    {:012x}  {:<w$}  {}",
                at + line.offset as u64,
                hex(&line.bytes),
                line.text,
                w = BYTES_PER_LINE * 3 - 1
            );
            let _ = writeln!(out, "{}", text.trim_end());
        }
        let _ = writeln!(out, "    {:012x}  .quad {target:#x}", at + code_len as u64);
    }
    for &(at, value) in &compiled.got {
        let _ = writeln!(out, "  GOT slot {at:012x}: {value:#x} ({})", helper(value));
    }
    let _ = writeln!(out, "  data, trampolines and GOT: {} bytes", compiled.data_bytes);
    out
}

/// How a hole reads in a listing: `oparg`, `continue - 4`, `stitch_call + 8`.
fn describe_value(hole: &Hole) -> String {
    match hole.addend {
        0 => hole.value.to_string(),
        a if a < 0 => format!("{} - {}", hole.value, a.unsigned_abs()),
        a => format!("{} + {a}", hole.value),
    }
}

/// `1 hole`, `2 holes`, `0 holes`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ")
}

/// Widest raw-bytes column: longer x86-64 instructions continue on the next line, as in objdump.
const BYTES_PER_LINE: usize = 8;

/// Disassembly of one part of a stencil with its holes marked.
fn render_part(out: &mut String, arch: Arch, stencil: &Stencil, part: Part, bytes: &[u8]) {
    let holes: Vec<&Hole> = stencil.holes.iter().filter(|h| h.part == part).collect();
    for line in disassemble(arch, bytes, 0) {
        let end = line.offset + line.bytes.len();
        let marks: Vec<String> = holes
            .iter()
            .filter(|h| (line.offset..end).contains(&(h.offset as usize)))
            .map(|h| format!("{} ({})", describe_value(h), h.reloc.name()))
            .collect();
        let first = &line.bytes[..line.bytes.len().min(BYTES_PER_LINE)];
        let mut text =
            format!("    {:04x}  {:<width$}  {}", line.offset, hex(first), line.text, width = BYTES_PER_LINE * 3 - 1);
        if !marks.is_empty() {
            let pad = 64usize.saturating_sub(text.chars().count());
            let _ = write!(text, "{:pad$}; ← {}", "", marks.join(", "));
        }
        let _ = writeln!(out, "{}", text.trim_end());
        for chunk in line.bytes[first.len()..].chunks(BYTES_PER_LINE) {
            let _ = writeln!(
                out,
                "    {:04x}  {}",
                line.offset + (chunk.as_ptr() as usize - line.bytes.as_ptr() as usize),
                hex(chunk)
            );
        }
    }
}

/// One stencil in full: holes, code, cold code, data.
fn render_stencil(out: &mut String, arch: Arch, stencil: &Stencil) {
    let _ = writeln!(
        out,
        "{}: {} bytes of code, {} cold, {} of data, {}",
        stencil.name,
        stencil.code.len(),
        stencil.cold.len(),
        stencil.data.len(),
        count(stencil.holes.len(), "hole")
    );
    if !stencil.holes.is_empty() {
        let _ = writeln!(out, "  holes:");
        for hole in stencil.holes.iter() {
            let _ = writeln!(
                out,
                "    {:<4}+0x{:<4x} {:<30} {}",
                hole.part.name(),
                hole.offset,
                hole.reloc.name(),
                describe_value(hole)
            );
        }
    }
    let _ = writeln!(out, "  code:");
    render_part(out, arch, stencil, Part::Code, &stencil.code);
    let last = disassemble(arch, &stencil.code, 0).pop().map(|line| line.text).unwrap_or_default();
    let leaves = ["jmp", "ret", "ud2", "b ", "br ", "brk"].iter().any(|op| last.starts_with(op));
    let _ = if stencil.ends_in_jump {
        writeln!(out, "    (reaches the next stencil by its jump to `continue`, kept because code follows it)")
    } else if leaves {
        writeln!(out, "    (does not fall through: leaves the trace or jumps elsewhere)")
    } else {
        writeln!(out, "    (falls through to the next stencil)")
    };
    if !stencil.cold.is_empty() {
        let _ = writeln!(out, "  cold (placed after the trace's hot code):");
        render_part(out, arch, stencil, Part::Cold, &stencil.cold);
    }
    if !stencil.data.is_empty() {
        let _ = writeln!(out, "  data:");
        for (i, chunk) in stencil.data.chunks(16).enumerate() {
            let _ = writeln!(out, "    {:04x}  {}", i * 16, hex(chunk));
        }
    }
}

/// The listing of `set`: every stencil, or those named in `names` (an unknown name is an error).
/// With `disasm`, each stencil in full after the summary table.
pub fn render(set: &StencilSet, names: &[String], disasm: bool) -> Result<String, String> {
    let chosen: Vec<&Stencil> = if names.is_empty() {
        set.stencils.iter().collect()
    } else {
        names
            .iter()
            .map(|name| set.get(name).ok_or_else(|| format!("no stencil named '{name}' for {}", set.arch.name())))
            .collect::<Result<_, _>>()?
    };
    let mut out = String::new();
    let total = |f: fn(&Stencil) -> usize| chosen.iter().map(|s| f(s)).sum::<usize>();
    let _ = writeln!(out, "stencils for {} compiled by {}", set.arch.name(), set.compiler);
    let _ = writeln!(
        out,
        "{}: {} bytes of code, {} cold, {} of data, {}; {} end in a jump to the next stencil",
        count(chosen.len(), "stencil"),
        total(|s| s.code.len()),
        total(|s| s.cold.len()),
        total(|s| s.data.len()),
        count(total(|s| s.holes.len()), "hole"),
        chosen.iter().filter(|s| s.ends_in_jump).count()
    );
    let _ = writeln!(out);
    let width = chosen.iter().map(|s| s.name.len()).max().unwrap_or(7).max(7);
    let _ = writeln!(out, "{:<width$}  {:>5}  {:>5}  {:>5}  holes filled with", "stencil", "code", "cold", "data");
    for stencil in &chosen {
        let mut fills: Vec<String> = Vec::new();
        for hole in stencil.holes.iter() {
            let value = hole.value.to_string();
            if !fills.contains(&value) {
                fills.push(value);
            }
        }
        let line = format!(
            "{:<width$}  {:>5}  {:>5}  {:>5}  {}{}",
            stencil.name,
            stencil.code.len(),
            stencil.cold.len(),
            stencil.data.len(),
            if fills.is_empty() { "-".to_string() } else { fills.join(", ") },
            if stencil.ends_in_jump { "  (ends in a jump)" } else { "" }
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if disasm {
        for stencil in &chosen {
            let _ = writeln!(out);
            render_stencil(&mut out, set.arch, stencil);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jit::backend::stencil::extract::{HoleValue, Reloc};
    use std::borrow::Cow;

    fn load_fast() -> Stencil {
        // gcc 12's _LOAD_FAST for x86-64 (docs/ARCHITECTURE.md walks through it).
        let code = [
            0xb8, 0, 0, 0, 0, 0x48, 0x83, 0xc6, 0x10, 0x48, 0xc1, 0xe0, 0x04, 0xf3, 0x0f, 0x6f, 0x04, 0x07, 0x0f, 0x11,
            0x46, 0xf0,
        ];
        Stencil {
            name: Cow::Borrowed("_LOAD_FAST"),
            code: Cow::Owned(code.to_vec()),
            cold: Cow::Borrowed(&[]),
            data: Cow::Borrowed(&[]),
            holes: Cow::Owned(vec![Hole {
                part: Part::Code,
                offset: 1,
                reloc: Reloc::X86_64_32,
                value: HoleValue::Oparg,
                addend: 0,
            }]),
            ends_in_jump: false,
        }
    }

    fn set(arch: Arch, stencils: Vec<Stencil>) -> StencilSet {
        StencilSet { arch, compiler: Cow::Borrowed("gcc 12.2.0"), stencils: Cow::Owned(stencils) }
    }

    #[test]
    fn x86_64_instructions_decode_in_intel_syntax() {
        let lines = disassemble(Arch::X86_64, &load_fast().code, 0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "mov     eax, 0x0",
                "add     rsi, 0x10",
                "shl     rax, 0x4",
                "movdqu  xmm0, [rdi+rax]",
                "movups  [rsi-0x10], xmm0"
            ]
        );
        assert_eq!(lines.iter().map(|l| l.offset).collect::<Vec<_>>(), [0, 5, 9, 13, 18]);
    }

    #[test]
    fn x86_64_branch_targets_are_absolute_and_bad_bytes_resynchronize() {
        // jmp rel32 0 at base 0x100: the target is the next instruction, 0x105.
        let lines = disassemble(Arch::X86_64, &[0xe9, 0, 0, 0, 0, 0x06, 0xc3], 0x100);
        assert_eq!(lines[0].text, "jmp     0x105");
        assert_eq!(lines[1].text, ".byte 0x06");
        assert_eq!((lines[2].offset, lines[2].text.as_str()), (6, "ret"));
    }

    #[test]
    fn aarch64_instructions_decode_with_branch_addresses() {
        let words: [u32; 3] = [
            0xab020020, // adds x0, x1, x2
            0x14000002, // b .+8
            0xd65f03c0, // ret
        ];
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        let lines = disassemble(Arch::Aarch64, &bytes, 0x1000);
        assert_eq!(lines[0].text, "adds x0, x1, x2");
        assert_eq!(lines[1].text, "b 0x100c");
        assert_eq!(lines[2].text, "ret");
        let bad = disassemble(Arch::Aarch64, &[0xff, 0xff, 0xff, 0xff, 1, 2], 0);
        assert_eq!(bad[0].text, ".inst 0xffffffff");
        assert_eq!(bad[1].text, ".byte 0x01, 0x02");
    }

    #[test]
    fn listing_marks_the_instruction_holding_each_hole() {
        let set = set(Arch::X86_64, vec![load_fast()]);
        let out = render(&set, &[], true).unwrap();
        assert!(out.starts_with("stencils for x86_64 compiled by gcc 12.2.0\n1 stencil: 22 bytes of code"), "{out}");
        let marked: Vec<&str> = out.lines().filter(|l| l.contains('←')).collect();
        assert_eq!(marked.len(), 1, "{out}");
        assert!(marked[0].starts_with("    0000  b8 00 00 00 00"), "{out}");
        assert!(marked[0].ends_with("; ← oparg (R_X86_64_32)"), "{out}");
        assert!(out.contains("    code+0x1    R_X86_64_32"), "{out}");
        assert!(out.contains("(falls through to the next stencil)"), "{out}");
    }

    #[test]
    fn long_instructions_continue_on_the_next_line_and_addends_show() {
        // movabs rax, imm64 (10 bytes) with an R_X86_64_64 hole at offset 2, addend 8.
        let mut stencil = load_fast();
        stencil.code = Cow::Owned(vec![0x48, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0]);
        stencil.holes = Cow::Owned(vec![Hole {
            part: Part::Code,
            offset: 2,
            reloc: Reloc::X86_64_64,
            value: HoleValue::Operand0,
            addend: 8,
        }]);
        let out = render(&set(Arch::X86_64, vec![stencil]), &[], true).unwrap();
        assert!(out.contains("mov     rax, 0x0 "), "{out}");
        assert!(out.contains("; ← operand0 + 8 (R_X86_64_64)"), "{out}");
        assert!(out.contains("\n    0008  00 00\n"), "{out}");
    }

    #[test]
    fn selecting_names_and_unknown_names() {
        let set = set(Arch::X86_64, vec![load_fast()]);
        let out = render(&set, &["_LOAD_FAST".to_string()], false).unwrap();
        assert!(out.lines().any(|l| l.starts_with("_LOAD_FAST") && l.ends_with("oparg")), "{out}");
        assert!(!out.contains("code:"), "no disassembly without disasm: {out}");
        let err = render(&set, &["_NOPE".to_string()], false).unwrap_err();
        assert_eq!(err, "no stencil named '_NOPE' for x86_64");
    }
}
