//! Coroutines for the CPU device: the threads of a block that uses `gpu.syncthreads()` each
//! run on a small stack of their own, and a barrier switches back to the block's scheduler.
//!
//! Two interchangeable context switches ([`Switch`]):
//!
//! * `AsmSwitch` (x86-64): a dozen instructions that save the callee-saved registers on
//!   the current stack and swap stack pointers. A barrier in a 1024-thread block switches
//!   2048 times, so this matters. It does not save
//!   the MXCSR and x87 control words (callee-saved in the ABI): every coroutine of a
//!   thread runs compiled kernel code or this runtime, neither of which ever changes them,
//!   so all contexts share the same values — and restoring them (`fldcw`, `ldmxcsr`)
//!   stalls the pipeline, which made switches several times slower.
//! * `UcontextSwitch` (glibc `getcontext`/`makecontext`/`swapcontext`): portable but
//!   slower — `swapcontext` also saves and restores the signal mask, a system call per
//!   switch. Used on the other architectures; on x86-64 it is only exercised by tests.
//!
//! Measured on x86-64 (a tree reduction in 1024-thread blocks, 11 barriers per thread):
//! about 50 ns per thread and barrier with `AsmSwitch`, about 15 times more with
//! `UcontextSwitch`.
//!
//! A coroutine's stack is [`STACK_SIZE`] bytes of anonymous memory with an inaccessible
//! guard page below it (an overflow faults instead of overwriting memory). Pages are only
//! committed when touched, so a worker keeps up to 1024 stacks for reuse at little cost.

use std::ffi::{c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::gc;

/// Usable bytes per coroutine stack. Kernel code is flat (device functions are inlined and
/// cannot recurse), so this is plenty.
pub(crate) const STACK_SIZE: usize = 256 * 1024;

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

/// Most bytes a stack's top is moved down by [`stagger`].
const MAX_STAGGER: usize = 64 * 1024;

/// How far below the top of its mapping the `index`-th stack of a worker starts.
///
/// Why: the hot frames of all the threads of a block would otherwise sit at the same
/// offset from page-aligned addresses, i.e. in the same few sets of the CPU caches, and
/// evict each other at every switch. Spreading them over 64 cache lines and 16 pages made
/// a reduction in 1024-thread blocks about a quarter faster.
fn stagger(index: usize) -> usize {
    (index % 64) * 64 + ((index / 64) % 16) * 4096
}

/// An mmap'ed coroutine stack with a guard page at its low end.
pub(crate) struct Stack {
    /// Start of the mapping (the guard page).
    map: *mut u8,
    /// Length of the mapping.
    map_len: usize,
    /// Bytes between the top of the usable stack and the end of the mapping.
    stagger: usize,
}

// SAFETY: the stack is plain memory owned by this value.
unsafe impl Send for Stack {}

impl Stack {
    /// A new stack, or None when the memory cannot be mapped. `index` (the stack's position
    /// in its worker's pool) chooses where in the mapping it starts ([`stagger`]).
    pub(crate) fn new(index: usize) -> Option<Stack> {
        let guard = page_size();
        let map_len = guard + STACK_SIZE + MAX_STAGGER;
        // SAFETY: an anonymous private mapping; the result is checked.
        unsafe {
            let map = libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
                -1,
                0,
            );
            if map == libc::MAP_FAILED {
                return None;
            }
            if libc::mprotect(map, guard, libc::PROT_NONE) != 0 {
                libc::munmap(map, map_len);
                return None;
            }
            Some(Stack { map: map as *mut u8, map_len, stagger: stagger(index) })
        }
    }

    /// Lowest usable address (just above the guard page).
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    fn low(&self) -> *mut u8 {
        // SAFETY: within the mapping.
        unsafe { self.map.add(self.map_len - self.stagger - STACK_SIZE) }
    }

    /// One past the highest usable address (16-aligned: the mapping is page-aligned and
    /// the stagger a multiple of 64).
    fn top(&self) -> *mut u8 {
        // SAFETY: within the mapping (or one past its end).
        unsafe { self.map.add(self.map_len - self.stagger) }
    }
}

impl Drop for Stack {
    fn drop(&mut self) {
        // SAFETY: the mapping was made in `new` and is no longer used (no coroutine runs
        // on a stack that is being dropped).
        unsafe { libc::munmap(self.map as *mut c_void, self.map_len) };
    }
}

/// Where a coroutine starts: receives the `arg` given to [`Switch::prepare`]. It must never
/// return; it ends by switching away for good.
pub(crate) type CoroutineMain = unsafe extern "C" fn(arg: *mut c_void);

/// A way to switch between coroutines on one OS thread.
pub(crate) trait Switch {
    /// A suspended execution context.
    type Ctx;

    /// A context to save into (its contents are overwritten by [`Switch::switch`] or
    /// [`Switch::prepare`]).
    fn blank() -> Self::Ctx;

    /// Make `ctx` start `main(arg)` on `stack` when it is switched to.
    ///
    /// # Safety
    /// `ctx` is valid and not running; `stack` outlives the coroutine and no other
    /// coroutine runs on it.
    unsafe fn prepare(ctx: *mut Self::Ctx, stack: &Stack, main: CoroutineMain, arg: *mut c_void);

    /// Save the running context in `save` and resume `load`. Returns when something
    /// switches back to `save`.
    ///
    /// # Safety
    /// `load` was prepared or saved on this OS thread and is not running; both pointers are
    /// valid until the switch back.
    unsafe fn switch(save: *mut Self::Ctx, load: *const Self::Ctx);
}

/// The switch the CPU device uses on this platform (`Unsupported` where there is none:
/// kernels with barriers are then refused, see [`BARRIERS_SUPPORTED`]).
#[cfg(target_arch = "x86_64")]
pub(crate) type DefaultSwitch = AsmSwitch;
#[cfg(all(not(target_arch = "x86_64"), target_os = "linux", target_env = "gnu"))]
pub(crate) type DefaultSwitch = UcontextSwitch;
#[cfg(not(any(target_arch = "x86_64", all(target_os = "linux", target_env = "gnu"))))]
pub(crate) type DefaultSwitch = Unsupported;
/// Whether this platform can run kernels that use barriers on the CPU device.
pub(crate) const BARRIERS_SUPPORTED: bool =
    cfg!(any(target_arch = "x86_64", all(target_os = "linux", target_env = "gnu")));

/// Platforms without a switch: never used (launches check [`BARRIERS_SUPPORTED`] first).
#[cfg(not(any(target_arch = "x86_64", all(target_os = "linux", target_env = "gnu"))))]
pub(crate) struct Unsupported;

#[cfg(not(any(target_arch = "x86_64", all(target_os = "linux", target_env = "gnu"))))]
impl Switch for Unsupported {
    type Ctx = ();
    fn blank() {}
    unsafe fn prepare(_ctx: *mut (), _stack: &Stack, _main: CoroutineMain, _arg: *mut c_void) {
        std::process::abort()
    }
    unsafe fn switch(_save: *mut (), _load: *const ()) {
        std::process::abort()
    }
}

// ---------------------------------------------------------------------------------------
// x86-64: hand-written switch
// ---------------------------------------------------------------------------------------

// `kiln_gpu_coro_switch(save: *mut *mut u8 /* rdi */, load: *mut u8 /* rsi */)`: push the
// callee-saved general registers, store the stack pointer in `*save`, load `load` as the
// stack pointer and pop the same frame from it. Everything else is caller-saved in the
// SysV ABI, so the compiler already spilled it around the call (see the module doc for
// the MXCSR and x87 control words).
//
// `kiln_gpu_coro_start`: where a prepared stack "returns" to the first time; calls
// `main(arg)` from r13/r12 with a 16-byte aligned stack. `.cfi_undefined rip` marks it as
// the outermost frame for debuggers and unwinders.
#[cfg(target_arch = "x86_64")]
std::arch::global_asm!(
    ".text",
    ".p2align 4",
    ".globl kiln_gpu_coro_switch",
    ".hidden kiln_gpu_coro_switch",
    ".type kiln_gpu_coro_switch, @function",
    "kiln_gpu_coro_switch:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov qword ptr [rdi], rsp",
    "mov rsp, rsi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".size kiln_gpu_coro_switch, . - kiln_gpu_coro_switch",
    "",
    ".p2align 4",
    ".globl kiln_gpu_coro_start",
    ".hidden kiln_gpu_coro_start",
    ".type kiln_gpu_coro_start, @function",
    "kiln_gpu_coro_start:",
    ".cfi_startproc",
    ".cfi_undefined rip",
    "mov rdi, r12",
    "call r13",
    "ud2",
    ".cfi_endproc",
    ".size kiln_gpu_coro_start, . - kiln_gpu_coro_start",
);

#[cfg(target_arch = "x86_64")]
extern "C" {
    fn kiln_gpu_coro_switch(save: *mut *mut u8, load: *mut u8);
    fn kiln_gpu_coro_start();
}

/// The hand-written x86-64 switch; a context is the saved stack pointer.
#[cfg(target_arch = "x86_64")]
pub(crate) struct AsmSwitch;

#[cfg(target_arch = "x86_64")]
impl Switch for AsmSwitch {
    type Ctx = *mut u8;

    fn blank() -> *mut u8 {
        std::ptr::null_mut()
    }

    unsafe fn prepare(ctx: *mut *mut u8, stack: &Stack, main: CoroutineMain, arg: *mut c_void) {
        // The frame `kiln_gpu_coro_switch` pops, lowest address first: r15, r14,
        // r13 = main, r12 = arg, rbx, rbp, and the return address. `ret` leaves the stack
        // pointer at `sp + 56`, which must be 16-aligned for the `call` in
        // `kiln_gpu_coro_start`: `top` is 16-aligned, so `sp = top - 72` (16 spare bytes
        // stay above the frame).
        let sp = stack.top() as usize - 72;
        let words: [u64; 7] =
            [0, 0, main as usize as u64, arg as usize as u64, 0, 0, kiln_gpu_coro_start as *const () as usize as u64];
        // SAFETY: the frame lies within the stack, which nobody runs on (caller contract).
        unsafe {
            std::ptr::copy_nonoverlapping(words.as_ptr(), sp as *mut u64, words.len());
            *ctx = sp as *mut u8;
        }
    }

    unsafe fn switch(save: *mut *mut u8, load: *const *mut u8) {
        // SAFETY: caller contract; `load` holds a stack pointer saved by this function or
        // made by `prepare`.
        unsafe { kiln_gpu_coro_switch(save, *load) }
    }
}

// ---------------------------------------------------------------------------------------
// glibc ucontext
// ---------------------------------------------------------------------------------------

/// The ucontext switch (on x86-64 only the tests use it: the asm switch is faster).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
mod uc {
    use super::{CoroutineMain, Stack, Switch, STACK_SIZE};
    use std::ffi::{c_int, c_void};

    /// The portable switch: glibc's ucontext functions. A context is boxed because glibc's
    /// `ucontext_t` points into itself (the saved FPU state) and must not move.
    pub(crate) struct UcontextSwitch;

    /// `makecontext` passes `int` arguments: the coroutine's `(main, arg)` pair travels as a
    /// pointer to this, split into two 32-bit halves.
    struct UcStart {
        main: CoroutineMain,
        arg: *mut c_void,
    }

    extern "C" fn ucontext_start(hi: u32, lo: u32) {
        let start = ((u64::from(hi) << 32) | u64::from(lo)) as usize as *const UcStart;
        // SAFETY: `prepare` passed a pointer to the `UcStart` stored next to the context,
        // which lives as long as the coroutine.
        unsafe { ((*start).main)((*start).arg) };
        // A coroutine main never returns (returning would end the OS thread: uc_link is null).
        std::process::abort();
    }

    /// A ucontext and the start parameters of its coroutine.
    pub(crate) struct UcCtx {
        uc: libc::ucontext_t,
        start: UcStart,
    }

    unsafe extern "C" fn never_started(_arg: *mut c_void) {
        std::process::abort()
    }

    impl Switch for UcontextSwitch {
        type Ctx = Box<UcCtx>;

        fn blank() -> Box<UcCtx> {
            // SAFETY: ucontext_t is plain data; all zeroes is a valid (unused) value.
            Box::new(UcCtx {
                uc: unsafe { std::mem::zeroed() },
                start: UcStart { main: never_started, arg: std::ptr::null_mut() },
            })
        }

        unsafe fn prepare(ctx: *mut Box<UcCtx>, stack: &Stack, main: CoroutineMain, arg: *mut c_void) {
            // SAFETY: caller contract; the boxed context does not move while in use.
            unsafe {
                let c: &mut UcCtx = &mut *ctx;
                c.start = UcStart { main, arg };
                if libc::getcontext(&mut c.uc) != 0 {
                    std::process::abort();
                }
                c.uc.uc_stack.ss_sp = stack.low() as *mut c_void;
                c.uc.uc_stack.ss_size = STACK_SIZE;
                c.uc.uc_link = std::ptr::null_mut();
                let p = &c.start as *const UcStart as usize as u64;
                let f: extern "C" fn(u32, u32) = ucontext_start;
                libc::makecontext(
                    &mut c.uc,
                    std::mem::transmute::<extern "C" fn(u32, u32), extern "C" fn()>(f),
                    2,
                    (p >> 32) as u32 as c_int,
                    p as u32 as c_int,
                );
            }
        }

        unsafe fn switch(save: *mut Box<UcCtx>, load: *const Box<UcCtx>) {
            // SAFETY: caller contract.
            unsafe {
                if libc::swapcontext(&mut (*save).uc, &(*load).uc) != 0 {
                    std::process::abort();
                }
            }
        }
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[cfg_attr(target_arch = "x86_64", allow(unused_imports))]
pub(crate) use uc::UcontextSwitch;

// ---------------------------------------------------------------------------------------
// The collector
// ---------------------------------------------------------------------------------------

#[link(name = "gc")]
extern "C" {
    fn GC_do_blocking(f: unsafe extern "C" fn(*mut c_void) -> *mut c_void, client_data: *mut c_void) -> *mut c_void;
    fn GC_thread_is_registered() -> c_int;
}

/// Run `f` with this thread marked as *blocked* for the collector
/// (`GC_do_blocking`).
///
/// Why: Boehm stops and scans every registered thread from its current stack pointer up
/// to its stack base. While a coroutine runs, the stack pointer is in an mmap'ed coroutine
/// stack, so that range would be nonsense (possibly unmapped memory). A blocked thread is
/// neither stopped nor scanned past the point where it blocked, and the collector only
/// requires it not to create or hide GC pointers meanwhile — kernel code only reads and
/// writes numbers in arrays the host keeps alive.
pub(crate) fn outside_collector<F: FnOnce() -> R, R>(f: F) -> R {
    struct Call<F, R> {
        f: Option<F>,
        result: Option<std::thread::Result<R>>,
    }

    unsafe extern "C" fn trampoline<F: FnOnce() -> R, R>(data: *mut c_void) -> *mut c_void {
        // SAFETY: `data` is the `Call` below, alive for the duration of GC_do_blocking.
        let call = unsafe { &mut *(data as *mut Call<F, R>) };
        if let Some(f) = call.f.take() {
            // No unwinding through the collector's C frames.
            call.result = Some(catch_unwind(AssertUnwindSafe(f)));
        }
        std::ptr::null_mut()
    }

    gc::init();
    // SAFETY: the collector is initialised.
    if unsafe { GC_thread_is_registered() } == 0 {
        // The collector neither stops nor scans this thread anyway.
        return f();
    }
    let mut call = Call { f: Some(f), result: None };
    // SAFETY: `call` outlives the call; the trampoline matches its type.
    unsafe { GC_do_blocking(trampoline::<F, R>, &mut call as *mut Call<F, R> as *mut c_void) };
    match call.result {
        Some(Ok(r)) => r,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None => unreachable!("GC_do_blocking did not call its function"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generator-style ping-pong: the coroutine adds to a counter and yields three
    /// times, then finishes; each switch must preserve both sides' state.
    struct PingPong<S: Switch> {
        main_ctx: S::Ctx,
        co_ctx: S::Ctx,
        log: Vec<u32>,
        done: bool,
    }

    unsafe extern "C" fn co_main<S: Switch>(arg: *mut c_void) {
        let pp = arg as *mut PingPong<S>;
        // `local` lives on the coroutine's stack across the switches.
        for local in 10u32..13 {
            // SAFETY: the test's `PingPong` outlives the coroutine.
            unsafe {
                (*pp).log.push(std::hint::black_box(local));
                S::switch(std::ptr::addr_of_mut!((*pp).co_ctx), std::ptr::addr_of!((*pp).main_ctx));
            }
        }
        // Floating point state survives switches too.
        let x = std::hint::black_box(0.1f64) + std::hint::black_box(0.2f64);
        // SAFETY: as above.
        unsafe {
            (*pp).log.push((x * 100.0).round() as u32);
            (*pp).done = true;
            S::switch(std::ptr::addr_of_mut!((*pp).co_ctx), std::ptr::addr_of!((*pp).main_ctx));
        }
        std::process::abort();
    }

    fn ping_pong<S: Switch>() {
        let stack = Stack::new(3).expect("stack");
        let mut pp = Box::new(PingPong::<S> { main_ctx: S::blank(), co_ctx: S::blank(), log: Vec::new(), done: false });
        let p: *mut PingPong<S> = &mut *pp;
        let mut rounds = 0;
        // SAFETY: the stack and `pp` outlive the coroutine, which runs only on this thread.
        unsafe {
            S::prepare(std::ptr::addr_of_mut!((*p).co_ctx), &stack, co_main::<S>, p as *mut c_void);
            while !(*p).done {
                S::switch(std::ptr::addr_of_mut!((*p).main_ctx), std::ptr::addr_of!((*p).co_ctx));
                rounds += 1;
            }
        }
        assert_eq!(rounds, 4);
        assert_eq!(pp.log, vec![10, 11, 12, 30]);
        // A prepared context can be reused on the same stack.
        pp.done = false;
        pp.log.clear();
        // SAFETY: as above.
        unsafe {
            S::prepare(std::ptr::addr_of_mut!((*p).co_ctx), &stack, co_main::<S>, p as *mut c_void);
            while !(*p).done {
                S::switch(std::ptr::addr_of_mut!((*p).main_ctx), std::ptr::addr_of!((*p).co_ctx));
            }
        }
        assert_eq!(pp.log, vec![10, 11, 12, 30]);
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn asm_switch() {
        ping_pong::<AsmSwitch>();
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn ucontext_switch() {
        ping_pong::<UcontextSwitch>();
    }
}
