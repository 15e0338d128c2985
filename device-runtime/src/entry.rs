//! Program entry: collector start-up, `argv`, the big-stack main thread, the stack limits
//! the compiled code checks for `RecursionError` (process-wide fast path, per-thread slow
//! path), and the final report.

use std::cell::Cell;
use std::ffi::{c_char, CStr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::exceptions;
use crate::gc;
use crate::io;

/// Stack size of the thread that runs the compiled program.
pub const MAIN_STACK_SIZE: usize = 256 * 1024 * 1024;
/// Room kept free below the limit for runtime calls made from the deepest kiln frame.
pub const STACK_MARGIN: usize = 256 * 1024;

/// The lowest stack address compiled code may use (plus [`STACK_MARGIN`]), for the fast
/// check compiled code performs at function entry: a kiln function whose stack pointer is
/// below it calls `kiln_rt_stack_check` (the slow path, which compares with the *calling
/// thread's* own limit and raises `RecursionError` on overflow) and propagates.
///
/// Outside parallel loops it holds the program thread's limit ([`run_main`] sets it; 0 =
/// no limit before). While a parallel loop runs on worker threads it is `usize::MAX`, so
/// every check takes the slow path, which knows which thread it is on (see
/// [`ParallelRegion`]). Exported to compiled code as `kiln_rt_stack_limit`.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static kiln_rt_stack_limit: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's real stack limit (lowest usable address plus the margin); 0 = none
    /// known, never an overflow. Set for the program thread and for parallel-loop workers.
    static THREAD_STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
}

/// Active parallel regions and the value of `kiln_rt_stack_limit` to restore when the
/// last one ends. Every write of the global goes through this lock.
struct Regions {
    active: usize,
    saved: usize,
}

static REGIONS: Mutex<Regions> = Mutex::new(Regions { active: 0, saved: 0 });

fn regions() -> std::sync::MutexGuard<'static, Regions> {
    REGIONS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Set the process-wide limit: now, or when the active parallel regions have ended.
fn set_global_stack_limit(v: usize) {
    let mut r = regions();
    if r.active > 0 {
        r.saved = v;
    } else {
        kiln_rt_stack_limit.store(v, Ordering::Relaxed);
    }
}

/// While alive, `kiln_rt_stack_limit` is `usize::MAX`: compiled code on every thread takes
/// the slow path ([`stack_exhausted`]) which checks the current thread's own limit. Regions
/// may overlap (loops started by different threads); when the last one ends the global's
/// previous value comes back.
pub struct ParallelRegion {
    _private: (),
}

impl ParallelRegion {
    pub fn enter() -> ParallelRegion {
        let mut r = regions();
        if r.active == 0 {
            r.saved = kiln_rt_stack_limit.load(Ordering::Relaxed);
            kiln_rt_stack_limit.store(usize::MAX, Ordering::SeqCst);
        }
        r.active += 1;
        ParallelRegion { _private: () }
    }
}

impl Drop for ParallelRegion {
    fn drop(&mut self) {
        let mut r = regions();
        r.active -= 1;
        if r.active == 0 {
            kiln_rt_stack_limit.store(r.saved, Ordering::SeqCst);
        }
    }
}

static ARGV: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The program's arguments as given to `kiln_rt_main` (`sys.argv`).
pub fn argv() -> Vec<String> {
    ARGV.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

/// Remember `argv` (copied into Rust strings, invalid UTF-8 replaced).
///
/// # Safety
/// `argv` is null or points to `argc` pointers, each null or a NUL-terminated string.
pub unsafe fn set_argv(argc: i32, argv: *const *const c_char) {
    let mut v = Vec::new();
    if !argv.is_null() {
        for i in 0..argc.max(0) as usize {
            // SAFETY: caller contract.
            let p = unsafe { *argv.add(i) };
            if p.is_null() {
                break;
            }
            // SAFETY: caller contract.
            v.push(unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned());
        }
    }
    *ARGV.lock().unwrap_or_else(|e| e.into_inner()) = v;
}

/// `(lowest address, size)` of the current thread's stack.
fn current_stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: pthread_getattr_np fills an attribute object that is destroyed after use;
    // the out-pointers are valid.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 || addr.is_null() {
            return None;
        }
        Some((addr as usize, size))
    }
}

/// The stack limit of the current thread's stack, from its bounds.
fn limit_for_current_thread() -> Option<usize> {
    let (low, size) = current_stack_bounds()?;
    Some(low + STACK_MARGIN.min(size / 2))
}

/// Set the current thread's limit and `kiln_rt_stack_limit` (the program thread).
pub fn set_stack_limit_for_current_thread() {
    if let Some(limit) = limit_for_current_thread() {
        THREAD_STACK_LIMIT.with(|l| l.set(limit));
        set_global_stack_limit(limit);
    }
}

/// Set only the current thread's own limit (parallel-loop workers: the global stays the
/// program thread's).
pub fn set_thread_stack_limit() {
    if let Some(limit) = limit_for_current_thread() {
        THREAD_STACK_LIMIT.with(|l| l.set(limit));
    }
}

/// The current thread's own limit (0 = none).
pub fn thread_stack_limit() -> usize {
    THREAD_STACK_LIMIT.try_with(Cell::get).unwrap_or(0)
}

/// Is the stack of the current thread below its limit (compiled code must raise
/// `RecursionError`)? Compares the address of a local of this (never inlined) frame,
/// which lies below the caller's frame.
#[inline(never)]
pub fn stack_exhausted() -> bool {
    let marker = 0u8;
    let sp = std::hint::black_box(&marker) as *const u8 as usize;
    sp < thread_stack_limit()
}

/// What the program thread hands back: its status and, on an uncaught exception, the
/// exception and its report (Rust-owned; no GC pointers cross threads).
struct Outcome {
    failed: bool,
    report: Option<(exceptions::Pending, String)>,
}

fn run_entry(entry: extern "C" fn() -> u8) -> Outcome {
    let _gc = gc::ThreadGuard::new();
    set_stack_limit_for_current_thread();
    let status = entry();
    let outcome = if status != 0 {
        Outcome { failed: true, report: exceptions::take_report() }
    } else {
        Outcome { failed: false, report: None }
    };
    THREAD_STACK_LIMIT.with(|l| l.set(0));
    set_global_stack_limit(0);
    outcome
}

/// `kiln_rt_main`: remember `argv`, run the compiled program and return the process exit
/// status.
///
/// Programs run one at a time per process: the stack limit, `argv` and the stdout buffer
/// are process-wide, so a second concurrent call waits for the first to finish.
///
/// # Safety
/// As [`set_argv`].
pub unsafe fn run_main(entry: extern "C" fn() -> u8, argc: i32, argv: *const *const c_char) -> i32 {
    static RUNNING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: caller contract.
    unsafe { set_argv(argc, argv) };
    gc::init();
    let spawned = std::thread::Builder::new()
        .name("kiln-main".into())
        .stack_size(MAIN_STACK_SIZE)
        .spawn(move || run_entry(entry));
    let outcome = match spawned {
        Ok(handle) => match handle.join() {
            Ok(o) => o,
            Err(_) => {
                io::write_stderr(b"SystemError: kiln runtime: the program thread failed\n");
                return 1;
            }
        },
        // Could not create a 256 MiB stack (address-space limits): run on this thread.
        Err(_) => run_entry(entry),
    };
    finish(outcome)
}

fn finish(outcome: Outcome) -> i32 {
    // ----- numbers / random / files -----
    // Files still open at exit get their buffered text written.
    crate::files::flush_all();
    // ----- end numbers / random / files -----
    io::flush_stdout();
    if !outcome.failed {
        return if io::stdout_failed() { 1 } else { 0 };
    }
    let Some((pending, text)) = outcome.report else {
        io::write_stderr(b"SystemError: kiln: error return without exception set\n");
        return 1;
    };
    if pending.kind == "SystemExit" {
        // sys.exit(n) / sys.exit() / sys.exit("message"), as CPython.
        if let Some(code) = pending.exit_code {
            return code as i32;
        }
        return match pending.msg.as_deref() {
            None => 0,
            Some(m) => {
                let mut line = m.to_string();
                line.push('\n');
                io::write_stderr(line.as_bytes());
                1
            }
        };
    }
    io::write_stderr(text.as_bytes());
    1
}
