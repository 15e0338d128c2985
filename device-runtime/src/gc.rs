//! Boehm GC (libgc 8.2) bindings and the runtime's allocation helpers.
//!
//! Every kiln heap object (strings, list headers, list data, class instances made by
//! compiled code) lives on the Boehm heap. The collector is conservative: it scans the
//! stacks of *registered* threads, the data/bss segments of the executable and of the
//! shared libraries, and the ranges added with [`add_roots`]. It does **not** scan the
//! Rust heap, so runtime code never keeps a GC pointer only in a `Vec`/`String`/`Box`.
//!
//! Initialisation ([`init`]) is idempotent. Boehm wants `GC_init` to run on the process's
//! primordial thread, whose stack it finds from `/proc`. When [`init`] is first called from
//! another thread (the `kiln` JIT driver might do that, and `cargo test` always does), the
//! collector is initialised on a small helper thread that tells Boehm its own stack bottom
//! and then parks forever, so the thread Boehm treats as "main" is never a dead one.

use std::ffi::{c_char, c_int, c_void};
use std::sync::Once;

/// `struct GC_stack_base` on x86-64 / AArch64 Linux (no register stack).
#[repr(C)]
pub struct GcStackBase {
    pub mem_base: *mut c_void,
}

const GC_SUCCESS: c_int = 0;

#[link(name = "gc")]
extern "C" {
    fn GC_init();
    fn GC_malloc(size: usize) -> *mut c_void;
    fn GC_malloc_atomic(size: usize) -> *mut c_void;
    fn GC_malloc_uncollectable(size: usize) -> *mut c_void;
    fn GC_add_roots(low: *mut c_void, high_plus_one: *mut c_void);
    fn GC_allow_register_threads();
    fn GC_register_my_thread(sb: *const GcStackBase) -> c_int;
    fn GC_unregister_my_thread() -> c_int;
    fn GC_thread_is_registered() -> c_int;
    fn GC_get_stack_base(sb: *mut GcStackBase) -> c_int;
    fn GC_set_stackbottom(gc_thread_handle: *mut c_void, sb: *const GcStackBase);
    fn GC_set_warn_proc(p: extern "C" fn(msg: *mut c_char, arg: usize));
    fn GC_gcollect();
    fn GC_set_free_space_divisor(value: usize);
}

/// Boehm prints "GC Warning: Repeated allocation of very large block" and similar to
/// stderr; a kiln program's stderr must only carry what CPython would print.
extern "C" fn ignore_gc_warning(_msg: *mut c_char, _arg: usize) {}

static INIT: Once = Once::new();

fn on_primordial_thread() -> bool {
    // SAFETY: plain syscalls without arguments.
    unsafe { libc::getpid() == libc::gettid() }
}

/// Boehm collects when the bytes allocated since the last collection exceed the heap size
/// divided by this (its default is 3). A program that builds a large structure out of many
/// small objects (strings, small lists) spends much of its time marking and sweeping; each
/// step down makes it collect less often. At 2: 11% fewer instructions than 3 for
/// `benches/anagrams.py`, peak RSS 27.6 -> 33.4 MB. At 1: another 9% fewer and about 8%
/// less time, peak RSS 33.4 -> 36 MB (CPython: 33.8 MB; binary_trees 10.2 -> 13.9 MB).
/// The `GC_FREE_SPACE_DIVISOR` environment variable still decides when set.
const FREE_SPACE_DIVISOR: usize = 1;

fn init_here() {
    // SAFETY: called once (under `INIT`), before any other GC call of this process.
    unsafe {
        GC_init();
        GC_allow_register_threads();
        GC_set_warn_proc(ignore_gc_warning);
        if std::env::var_os("GC_FREE_SPACE_DIVISOR").is_none() {
            GC_set_free_space_divisor(FREE_SPACE_DIVISOR);
        }
    }
}

/// Initialise the collector (idempotent, thread-safe). Every other function of this module
/// calls it first where needed; the ABI entry points call it before their first allocation.
pub fn init() {
    INIT.call_once(|| {
        if on_primordial_thread() {
            init_here();
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let spawned = std::thread::Builder::new().name("kiln-gc-init".into()).stack_size(256 * 1024).spawn(move || {
            let mut sb = GcStackBase { mem_base: std::ptr::null_mut() };
            // SAFETY: `sb` is a valid out-pointer; GC_get_stack_base and
            // GC_set_stackbottom may be called before GC_init.
            unsafe {
                if GC_get_stack_base(&mut sb) == GC_SUCCESS {
                    GC_set_stackbottom(std::ptr::null_mut(), &sb);
                }
            }
            init_here();
            let _ = tx.send(());
            // This thread is now the collector's "primordial" thread: it must stay
            // alive (it holds no GC pointers and costs nothing while parked).
            loop {
                std::thread::park();
            }
        });
        match spawned {
            Ok(_) => {
                let _ = rx.recv();
            }
            // Could not start a thread: initialise here and hope for the best.
            Err(_) => init_here(),
        }
    });
}

/// Print CPython's last line for an allocation failure and exit with status 1. The
/// pointer-returning allocation ABI has no way to report a pending exception.
pub fn out_of_memory() -> ! {
    crate::io::flush_stdout();
    crate::io::write_stderr(b"MemoryError\n");
    std::process::exit(1)
}

/// Allocate `size` zeroed bytes that may hold GC pointers (scanned by the collector).
pub fn alloc(size: usize) -> *mut u8 {
    init();
    // SAFETY: GC_malloc is thread-safe after init and returns zeroed memory or null.
    let p = unsafe { GC_malloc(size.max(1)) } as *mut u8;
    if p.is_null() {
        out_of_memory();
    }
    p
}

/// A zeroed word that the collector scans but never frees: a root for a pointer kept where
/// the collector does not look (Rust thread-locals, data moved between threads).
pub fn new_root() -> *mut *mut u8 {
    init();
    // SAFETY: thread-safe after init; uncollectable memory is zeroed like GC_malloc's.
    let p = unsafe { GC_malloc_uncollectable(std::mem::size_of::<usize>()) } as *mut *mut u8;
    if p.is_null() {
        out_of_memory();
    }
    p
}

/// Allocate `size` zeroed bytes that hold no GC pointers (never scanned).
pub fn alloc_atomic(size: usize) -> *mut u8 {
    init();
    let n = size.max(1);
    // SAFETY: as above; GC_malloc_atomic does not clear memory, so clear it here.
    unsafe {
        let p = GC_malloc_atomic(n) as *mut u8;
        if p.is_null() {
            out_of_memory();
        }
        std::ptr::write_bytes(p, 0, n);
        p
    }
}

/// Like [`alloc_atomic`] but leaves the contents uninitialised (the caller overwrites them).
pub fn alloc_atomic_uninit(size: usize) -> *mut u8 {
    init();
    // SAFETY: as above.
    let p = unsafe { GC_malloc_atomic(size.max(1)) } as *mut u8;
    if p.is_null() {
        out_of_memory();
    }
    p
}

/// Allocate zeroed memory, scanned or not.
pub fn alloc_kind(size: usize, has_ptrs: bool) -> *mut u8 {
    if has_ptrs {
        alloc(size)
    } else {
        alloc_atomic(size)
    }
}

/// Register `[start, end)` as a root range (the JIT's global variables).
pub fn add_roots(start: *mut u8, end: *mut u8) {
    init();
    if start.is_null() || end.is_null() || (end as usize) <= (start as usize) {
        return;
    }
    // SAFETY: the range is non-empty; Boehm only reads it during collections.
    unsafe { GC_add_roots(start as *mut c_void, end as *mut c_void) }
}

/// Force a full collection (tests use it to check that live objects survive).
pub fn collect() {
    init();
    // SAFETY: thread-safe after init.
    unsafe { GC_gcollect() }
}

/// Registration of the current thread with the collector, undone on drop.
///
/// A thread that touches GC memory must be registered, or the collector neither scans
/// its stack nor stops it during a collection. `ThreadGuard::new()` registers the thread
/// unless it already is (then dropping the guard does nothing).
pub struct ThreadGuard {
    registered_here: bool,
}

impl ThreadGuard {
    pub fn new() -> ThreadGuard {
        ThreadGuard { registered_here: register_current_thread() }
    }
}

/// Register the current thread with the collector (scanning its whole stack, found with
/// `GC_get_stack_base`). Returns true when this call registered it, false when it already
/// was registered or registration failed. Initialises the collector first.
///
/// Pair a `true` with [`unregister_current_thread`] before the thread exits (parallel-loop
/// workers do it in their start and exit handlers; [`ThreadGuard`] does it on drop).
pub fn register_current_thread() -> bool {
    init();
    // SAFETY: GC initialised and GC_allow_register_threads called in `init`.
    unsafe {
        if GC_thread_is_registered() != 0 {
            return false;
        }
        let mut sb = GcStackBase { mem_base: std::ptr::null_mut() };
        if GC_get_stack_base(&mut sb) != GC_SUCCESS {
            return false;
        }
        GC_register_my_thread(&sb) == GC_SUCCESS
    }
}

/// Undo a successful [`register_current_thread`]. The thread must hold no GC pointers that
/// need to survive (its stack is no longer scanned).
pub fn unregister_current_thread() {
    // SAFETY: the collector is initialised (a thread is registered only after `init`);
    // GC_unregister_my_thread is only called for a registered thread.
    unsafe {
        if INIT.is_completed() && GC_thread_is_registered() != 0 {
            GC_unregister_my_thread();
        }
    }
}

impl Default for ThreadGuard {
    fn default() -> Self {
        ThreadGuard::new()
    }
}

impl Drop for ThreadGuard {
    fn drop(&mut self) {
        if self.registered_here {
            // This thread registered itself in `new` and holds no GC pointers that must
            // survive beyond this point.
            unregister_current_thread();
        }
    }
}
