//! Ctrl-C: `SIGINT` becomes `KeyboardInterrupt` at the next safepoint.
//!
//! A signal can arrive anywhere, in the middle of an instruction, a helper or machine code, where
//! no exception can be raised. So the handler only records it, in two atomic flags: its own
//! [`PENDING`], and the heap's safepoint flag that the interpreter tests at every loop
//! back-edge and call, and that traces test at theirs (the same flag a due collection sets). The
//! safepoint then raises `KeyboardInterrupt` with the frame's state in order. Blocking calls
//! (reading stdin, `time.sleep`) see the signal as an interrupted system call (the handler is
//! installed without `SA_RESTART`) and raise it themselves. An uncaught `KeyboardInterrupt`
//! ends the process as CPython's does: the traceback, then death by `SIGINT` itself, so the shell
//! sees status 130.

use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

use super::{PyErr, Vm};

/// Set by the handler, cleared by the safepoint that raises.
static PENDING: AtomicBool = AtomicBool::new(false);
/// The running VM's safepoint flag (`Heap::gc_requested`), or null.
static SAFEPOINT: AtomicPtr<AtomicBool> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_signal: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
    let flag = SAFEPOINT.load(Ordering::Acquire);
    if !flag.is_null() {
        // SAFETY: `install` stored the address of the VM's flag, which lives until
        // `uninstall` clears it before the VM is dropped; an atomic store is async-signal-safe.
        unsafe { (*flag).store(true, Ordering::Relaxed) };
    }
}

/// Makes Ctrl-C raise `KeyboardInterrupt` in `vm` (the `stitch` command does this; embedders
/// and tests keep the default action).
pub fn install(vm: &Vm) {
    SAFEPOINT.store(&vm.heap.gc_requested as *const AtomicBool as *mut AtomicBool, Ordering::Release);
    // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value; the handler only
    // performs atomic operations, which are async-signal-safe. No SA_RESTART: blocking reads
    // return EINTR so they can raise. A SIGINT the parent ignores stays ignored, as in CPython
    // (a background job of a shell).
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old);
        if old.sa_sigaction == libc::SIG_IGN {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Called by the thread that waits for the interpreter's: blocks SIGINT there, so that the
/// signal interrupts the interpreter thread's blocking calls (a process-directed signal goes
/// to a thread that does not block it).
pub fn leave_to_interpreter_thread() {
    // SAFETY: the set is initialized by sigemptyset/sigaddset before use; changing this
    // thread's mask has no other effect.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Forgets the VM (before it is dropped); a later Ctrl-C is only recorded.
pub fn uninstall() {
    SAFEPOINT.store(std::ptr::null_mut(), Ordering::Release);
}

/// Whether Ctrl-C was pressed since the last [`take`], clearing it.
pub fn take() -> bool {
    PENDING.swap(false, Ordering::Relaxed)
}

/// A new `KeyboardInterrupt` (no message, as CPython raises it).
pub fn keyboard_interrupt(vm: &mut Vm) -> PyErr {
    vm.new_error_args(vm.types.keyboard_interrupt, vec![])
}

/// For a blocking call that returned EINTR: `Err(KeyboardInterrupt)` if it was Ctrl-C.
pub fn check(vm: &mut Vm) -> super::PyResult<()> {
    if take() {
        return Err(keyboard_interrupt(vm));
    }
    Ok(())
}

/// Ends the process by SIGINT with the default action, as CPython does after printing the
/// traceback of an uncaught `KeyboardInterrupt`.
pub fn die_of_sigint() -> ! {
    // SAFETY: restoring the default action, unblocking (see `leave_to_interpreter_thread`)
    // and raising the signal are plain system calls on initialized values.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
    }
    // (Only if SIGINT is blocked or ignored by the parent.)
    std::process::exit(130)
}
