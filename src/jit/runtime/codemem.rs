//! Executable memory for traces, with W^X at every moment.
//!
//! A trace's machine code is written once and then only executed: the arena hands out
//! page-aligned spans of large anonymous mappings (chunks, made with `memmap2`), each span is
//! read+write while the JIT copies and patches stencils into it, then `mprotect`ed to
//! read+execute and never written again. No page is ever writable and executable at once, and
//! no byte of machine code changes after it first runs: traces are linked through data (exit
//! records) instead. On AArch64 the instruction cache is flushed for the span before it becomes
//! executable. Spans are not freed individually (a trace that stops being used keeps its
//! pages); the arena frees everything when dropped.

use std::io;

/// Size of one chunk. Within a chunk every branch reaches every other byte on both targets
/// (±2 GiB on x86-64, ±128 MiB on AArch64), so traces can jump to each other directly.
const CHUNK: usize = 8 << 20;

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size > 0 {
        size as usize
    } else {
        4096
    }
}

struct Chunk {
    map: memmap2::MmapRaw,
    /// Bytes handed out (a multiple of the page size).
    used: usize,
}

/// An installed span of machine code: read+execute from now on.
#[derive(Clone, Copy, Debug)]
pub struct CodeSpan {
    pub address: u64,
    pub len: usize,
}

/// The allocator of executable memory.
pub struct CodeArena {
    chunks: Vec<Chunk>,
    page: usize,
    /// Bytes of machine code and data installed (before rounding to pages).
    pub installed_bytes: usize,
}

impl Default for CodeArena {
    fn default() -> Self {
        Self::new()
    }
}

impl CodeArena {
    pub fn new() -> CodeArena {
        CodeArena { chunks: Vec::new(), page: page_size(), installed_bytes: 0 }
    }

    /// Installs `len` bytes of code: finds room, calls `write(address, bytes)` with the address
    /// the code will run at and the (zeroed, writable) bytes to fill, then makes them
    /// read+execute. `len` over a chunk is an error, as is any failure of the OS calls.
    pub fn install(&mut self, len: usize, write: impl FnOnce(u64, &mut [u8])) -> io::Result<CodeSpan> {
        let rounded = len.max(1).div_ceil(self.page) * self.page;
        if rounded > CHUNK {
            return Err(io::Error::other(format!("a trace of {len} bytes exceeds the {CHUNK}-byte code chunk")));
        }
        if self.chunks.last().is_none_or(|c| c.used + rounded > CHUNK) {
            // Anonymous memory is zeroed and read+write; it becomes executable only span by span.
            let map = memmap2::MmapOptions::new().len(CHUNK).map_anon()?;
            self.chunks.push(Chunk { map: memmap2::MmapRaw::from(map), used: 0 });
        }
        let chunk = self.chunks.last_mut().expect("a chunk was just ensured");
        // SAFETY: `used + rounded <= CHUNK`, so the span lies inside the chunk's mapping.
        let start = unsafe { chunk.map.as_mut_ptr().add(chunk.used) };
        chunk.used += rounded;
        // SAFETY: the span is inside a live read+write mapping that nothing else refers to (the
        // arena hands each span out once), so a unique slice over it is sound until it is
        // protected below; it is never written afterwards.
        let bytes = unsafe { std::slice::from_raw_parts_mut(start, len) };
        write(start as u64, bytes);
        flush_instruction_cache(start, len);
        // SAFETY: the span is page-aligned (chunks are page-aligned and `used` is a multiple of
        // the page size) and inside the mapping; making it read+execute removes write access.
        let rc = unsafe { libc::mprotect(start.cast(), rounded, libc::PROT_READ | libc::PROT_EXEC) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        self.installed_bytes += len;
        Ok(CodeSpan { address: start as u64, len })
    }

    /// Whether `address` lies in memory this arena handed out.
    pub fn contains(&self, address: u64) -> bool {
        self.chunks.iter().any(|c| {
            let start = c.map.as_ptr() as u64;
            (start..start + c.used as u64).contains(&address)
        })
    }
}

/// Makes freshly written code visible to instruction fetch. x86-64 keeps instruction and data
/// caches coherent; AArch64 does not, so the written range is cleaned to the point of
/// unification and the instruction cache invalidated (libgcc's `__clear_cache`).
#[allow(unused_variables)]
fn flush_instruction_cache(start: *mut u8, len: usize) {
    #[cfg(target_arch = "aarch64")]
    {
        extern "C" {
            fn __clear_cache(start: *mut libc::c_char, end: *mut libc::c_char);
        }
        // SAFETY: the range is mapped memory we just wrote; __clear_cache only performs cache
        // maintenance on it.
        unsafe { __clear_cache(start.cast(), start.add(len).cast()) };
    }
}

/// Mappings of this process that are writable and executable at once (from `/proc/self/maps`),
/// for tests of W^X. Each entry is the line of the mapping.
pub fn writable_and_executable_mappings() -> io::Result<Vec<String>> {
    let maps = std::fs::read_to_string("/proc/self/maps")?;
    Ok(maps
        .lines()
        .filter(|line| {
            let perms = line.split_whitespace().nth(1).unwrap_or("");
            perms.contains('w') && perms.contains('x')
        })
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Machine code for "return 42" on the host.
    fn return_42() -> Vec<u8> {
        if cfg!(target_arch = "x86_64") {
            vec![0xb8, 42, 0, 0, 0, 0xc3] // mov eax, 42; ret
        } else {
            [0xd280_0540u32, 0xd65f_03c0].iter().flat_map(|w| w.to_le_bytes()).collect()
            // mov x0, #42; ret
        }
    }

    #[test]
    fn installed_code_runs_and_is_not_writable() {
        let mut arena = CodeArena::new();
        let code = return_42();
        let span = arena.install(code.len(), |_, bytes| bytes.copy_from_slice(&code)).unwrap();
        assert!(arena.contains(span.address));
        // SAFETY: the span holds a complete function with the C ABI, made executable.
        let f: extern "C" fn() -> u64 = unsafe { std::mem::transmute(span.address as usize) };
        assert_eq!(f(), 42);
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        let line = maps
            .lines()
            .find(|l| {
                let range = l.split_whitespace().next().unwrap();
                let (a, b) = range.split_once('-').unwrap();
                let (a, b) = (u64::from_str_radix(a, 16).unwrap(), u64::from_str_radix(b, 16).unwrap());
                (a..b).contains(&span.address)
            })
            .expect("the span is mapped");
        assert!(line.contains(" r-x"), "{line}");
        assert_eq!(writable_and_executable_mappings().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn spans_are_page_aligned_and_distinct_and_chunks_grow() {
        let mut arena = CodeArena::new();
        let a = arena.install(10, |_, b| b.fill(0xc3)).unwrap();
        let b = arena.install(5000, |_, b| b.fill(0xc3)).unwrap();
        let page = page_size() as u64;
        assert_eq!(a.address % page, 0);
        assert_eq!(b.address % page, 0);
        assert!(b.address >= a.address + page);
        // The written address is the one the code runs at.
        let mut seen = 0;
        let c = arena.install(8, |address, _| seen = address).unwrap();
        assert_eq!(seen, c.address);
        // A span that no longer fits starts a new chunk.
        let big = arena.install(CHUNK - page as usize, |_, _| {}).unwrap();
        assert!(arena.contains(big.address));
        assert!(arena.install(CHUNK + 1, |_, _| {}).is_err());
    }
}
