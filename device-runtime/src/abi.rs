//! # The kiln runtime's C ABI
//!
//! Every function compiled kiln code can call is in this file, as
//! `#[no_mangle] extern "C" fn kiln_rt_*`. They are thin wrappers over the implementation
//! modules. [`crate::symbols`] lists each name with its address for the JIT
//! (`ExecutionEngine::add_global_mapping`); AOT executables link `libkiln_runtime.a` and
//! `-lgc` (plus the libraries `cargo rustc -p kiln-runtime --lib -- --print
//! native-static-libs` prints: `-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc`).
//!
//! ## Conventions
//!
//! * **Integers** are `i64`, floats `f64`, **booleans `u8`** (0 or 1; any non-zero input is
//!   true). Sizes and lengths are `i64`.
//! * **Status**: a function that can raise returns `u8`: `0` = success, the result written
//!   to `*out`; `1` = a Python exception is now pending on this thread and `*out` was not
//!   touched. The caller then pushes its traceback frame ([`kiln_rt_traceback_push`]) and
//!   returns 1 itself (or handles it: `try`/`except`, see the `kiln_rt_exc_*` functions).
//!   Functions without a status byte never raise.
//! * **Never unwinds**: each function catches internal Rust panics (a runtime bug). A
//!   status function turns one into a pending `SystemError`; other functions print
//!   `kiln runtime internal error` and abort. Compiled code never sees an unwind.
//! * **Fatal conditions**: allocation failure prints `MemoryError` to stderr (after
//!   flushing stdout) and exits with status 1; allocation functions never return null.
//! * **Threads**: the pending exception is per thread. Any thread that runs compiled code
//!   or touches GC memory must be registered with the collector; `kiln_rt_main` does it
//!   for the program thread, `kiln_rt_par_for` for its worker threads (and moves a
//!   worker's exception to the thread that started the loop).
//!
//! ## Memory layouts (the compiler reads and writes these fields directly)
//!
//! ```text
//! KStr  (str)   offset 0: len    i64   byte length of the UTF-8 text
//!               offset 8: nchars i64   number of code points
//!               offset 16: len bytes of UTF-8 (no terminator required)
//! KList (list)  offset 0: len  i64     number of elements
//!               offset 8: cap  i64     allocated element slots
//!               offset 16: data ptr    cap * elem_size bytes, elements packed
//! ```
//!
//! Strings are immutable. `*const KStr` may point to a constant global emitted by the
//! compiler (not on the GC heap): the runtime never writes into a string it did not just
//! allocate and never frees anything. A null `*const KStr` is accepted everywhere and
//! reads as the empty string, except where documented (`kiln_rt_raise`'s message: null
//! means "no message").
//!
//! List element layouts: `int` i64 (8 bytes), `float` f64 (8), `bool` u8 (1), `str` and
//! every other reference type a pointer (8, `elem_has_ptrs = 1`), `None` 1 byte. Lists of
//! pointers must be created with `elem_has_ptrs = 1` (scanned data) or the collector will
//! free the elements.
//!
//! ## Ownership and the collector
//!
//! Everything returned is GC memory (Boehm, conservative, non-moving) and lives as long as
//! a pointer to it is in a register, on a registered thread's stack, in GC memory, in the
//! data segment of the executable, or in a range added with [`kiln_rt_gc_add_roots`]
//! (the JIT must add its global variables' memory: MCJIT allocates it outside the
//! collector's view). Nothing is ever freed explicitly.

use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::entry;
use crate::exceptions::{self, PyErr};
use crate::float_repr;
use crate::format;
use crate::gc;
use crate::io;
use crate::lists::{self, KList};
use crate::math;
use crate::parallel;
use crate::strings::{self, KStr};

pub use crate::entry::kiln_rt_stack_limit;

// ---------------------------------------------------------------------------------------
// Guards: no panic ever crosses the C boundary.
// ---------------------------------------------------------------------------------------

/// Run a fallible operation; return the status byte, raising on error.
fn status<T>(out: *mut T, f: impl FnOnce() -> Result<T, PyErr>) -> u8 {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => {
            if !out.is_null() {
                // SAFETY: the caller passes a valid out-pointer (or null to discard).
                unsafe { out.write(v) };
            }
            0
        }
        Ok(Err(e)) => {
            exceptions::raise_err(&e);
            1
        }
        Err(_) => {
            exceptions::raise("SystemError", Some("kiln runtime internal error"));
            1
        }
    }
}

/// Run an infallible operation; a panic (a runtime bug) aborts the process.
fn fatal<T>(f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(_) => {
            io::write_stderr(b"kiln runtime internal error\n");
            std::process::abort()
        }
    }
}

/// Status function returning a new string.
fn status_str(out: *mut *const KStr, f: impl FnOnce() -> Result<String, PyErr>) -> u8 {
    status(out, || f().map(|s| strings::new_str(&s)))
}

// ---------------------------------------------------------------------------------------
// Program entry and stack
// ---------------------------------------------------------------------------------------

/// Run a compiled program: initialise the collector, remember `argv` (for `sys.argv`),
/// run `entry` on a new thread with a 256 MiB stack (registered with the collector, with
/// `kiln_rt_stack_limit` set for it), then flush stdout.
///
/// Returns the process exit status: 0 when `entry` returned 0; when it returned 1, the
/// pending exception's traceback report is printed to stderr (after stdout is flushed)
/// and the status is 1 — except `SystemExit`, which exits quietly with its code (see
/// [`kiln_rt_raise_system_exit`]; a `SystemExit` raised by name with a message prints the
/// message and gives 1, without a message gives 0). A failed stdout also gives 1.
///
/// Call it from the process's main thread when possible (it works from any thread).
///
/// # Safety
/// `argv` is null or holds `argc` NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_main(entry: extern "C" fn() -> u8, argc: i32, argv: *const *const c_char) -> i32 {
    // SAFETY: caller contract.
    fatal(|| unsafe { entry::run_main(entry, argc, argv) })
}

/// Raise `RecursionError: maximum recursion depth exceeded` unconditionally.
///
/// Superseded by [`kiln_rt_stack_check`], which also works on parallel-loop workers; kept
/// while the CPU backend still calls it.
#[no_mangle]
pub extern "C" fn kiln_rt_stack_overflow() {
    fatal(|| exceptions::raise("RecursionError", Some("maximum recursion depth exceeded")))
}

/// The slow path of the recursion check. Compiled code compares its stack pointer with
/// `kiln_rt_stack_limit` at function entry and calls this when it is below; this compares
/// against the **current thread's own** limit (the program thread's, or a parallel-loop
/// worker's — during a parallel loop the global is `usize::MAX`, so every check comes
/// here). Returns 1 with `RecursionError: maximum recursion depth exceeded` pending when
/// the stack is exhausted (the caller propagates), 0 otherwise (the caller continues).
/// Always 0 on a thread with no known limit.
#[no_mangle]
pub extern "C" fn kiln_rt_stack_check() -> u8 {
    if entry::stack_exhausted() {
        fatal(|| exceptions::raise("RecursionError", Some("maximum recursion depth exceeded")));
        1
    } else {
        0
    }
}

/// `sys.argv`: a new `list[str]` (elem_size 8, pointers) of the arguments given to
/// `kiln_rt_main` (empty before it).
#[no_mangle]
pub extern "C" fn kiln_rt_argv() -> *mut KList {
    fatal(|| {
        let args = entry::argv();
        let list = lists::new(8, 0, true);
        for a in &args {
            let s = strings::new_str(a);
            // SAFETY: `list` is a fresh list of 8-byte pointer elements.
            unsafe {
                let slot = lists::append_slot(list, 8, true) as *mut *const KStr;
                slot.write(s);
            }
        }
        list
    })
}

// ---------------------------------------------------------------------------------------
// Parallel loops
// ---------------------------------------------------------------------------------------

/// Run a parallel `for` loop over iterations `0..count` with the outlined `body`
/// (`body(env, lo, hi, partials) -> u8`: runs iterations `lo..hi` in order; 0 after
/// writing the range's `partial_bytes` bytes of reduction partials to `partials` (null
/// when `partial_bytes == 0`), 1 when an iteration raised, pending on the thread it ran
/// on). See [`crate::parallel`] for the promises; in short:
///
/// * chunks of `chunk_size` iterations (0: `max(1, ceil(count/1024))`), chunk `c` =
///   `[c*chunk, min(count, (c+1)*chunk))`, its partials at `*out_partials + c*partial_bytes`
///   — independent of threads and schedule, so combining partials in chunk order is
///   deterministic;
/// * `schedule` 0 static, 1 dynamic, 2 guided (other values: static); `num_threads` 0 =
///   the default (`kiln_rt_set_default_threads`, else `KILN_NUM_THREADS`, else the number
///   of CPUs), capped at the number of chunks; one thread, or a loop inside a loop body,
///   runs every chunk in order on the calling thread;
/// * `*out_partials` receives a zeroed unscanned GC buffer of `nchunks * partial_bytes`
///   bytes (null when `partial_bytes == 0` or `count <= 0`), `*out_chunks` the number of
///   chunks (0 when `count <= 0`); both are written whatever the status (null out-pointers
///   are skipped).
///
/// Returns 0, or 1 with the exception of the lowest-numbered raising chunk (the first in
/// iteration order, traceback entries included) pending on the calling thread.
///
/// # Safety
/// `body` may run with `env` on several threads at once; the out-pointers are valid or
/// null; the calling thread is registered with the collector.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn kiln_rt_par_for(
    body: parallel::ParBody,
    env: *mut u8,
    count: i64,
    chunk_size: i64,
    schedule: i64,
    num_threads: i64,
    partial_bytes: i64,
    out_partials: *mut *mut u8,
    out_chunks: *mut i64,
) -> u8 {
    let l = parallel::ParLoop {
        body,
        env,
        count,
        chunk_size: chunk_size.max(0),
        schedule: parallel::Schedule::from_code(schedule),
        num_threads: num_threads.max(0) as usize,
        partial_bytes: partial_bytes.max(0) as usize,
    };
    // SAFETY: caller contract.
    let r = match catch_unwind(AssertUnwindSafe(|| unsafe { parallel::par_for(&l) })) {
        Ok(r) => r,
        Err(_) => {
            exceptions::raise("SystemError", Some("kiln runtime internal error"));
            parallel::ParResult { status: 1, partials: std::ptr::null_mut(), nchunks: 0 }
        }
    };
    // SAFETY: the out-pointers are valid or null (caller contract).
    unsafe {
        if !out_partials.is_null() {
            out_partials.write(r.partials);
        }
        if !out_chunks.is_null() {
            out_chunks.write(r.nchunks);
        }
    }
    r.status
}

/// Set the process default thread count of parallel loops (`kiln --threads N`, built
/// executables); it takes precedence over `KILN_NUM_THREADS`. `n <= 0` is ignored.
#[no_mangle]
pub extern "C" fn kiln_rt_set_default_threads(n: i64) {
    if n > 0 {
        fatal(|| parallel::set_default_threads(n as usize))
    }
}

// ---------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------

/// `size` zeroed bytes of GC memory that may contain pointers (scanned). 16-byte aligned.
#[no_mangle]
pub extern "C" fn kiln_rt_alloc(size: i64) -> *mut u8 {
    fatal(|| gc::alloc(size.max(0) as usize))
}

/// `size` zeroed bytes of GC memory that must not contain GC pointers (never scanned).
#[no_mangle]
pub extern "C" fn kiln_rt_alloc_atomic(size: i64) -> *mut u8 {
    fatal(|| gc::alloc_atomic(size.max(0) as usize))
}

/// Make the collector scan `[start, end)` for pointers (the JIT's global variables).
///
/// # Safety
/// The range stays readable for the rest of the process.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gc_add_roots(start: *mut u8, end: *mut u8) {
    fatal(|| gc::add_roots(start, end))
}

/// Run a full collection now (for tests and `gc.collect()`).
#[no_mangle]
pub extern "C" fn kiln_rt_gc_collect() {
    fatal(gc::collect)
}

// ---------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------

/// A new string from `len` UTF-8 bytes (copied; `nchars` computed). Invalid UTF-8 is
/// replaced by U+FFFD.
///
/// # Safety
/// `bytes` points to `len` readable bytes (or `len <= 0`).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_new(bytes: *const u8, len: i64) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| unsafe { strings::from_raw(bytes, len) })
}

/// `a + b`. May return `a` or `b` itself when the other is empty.
///
/// # Safety
/// `a` and `b` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_concat(a: *const KStr, b: *const KStr) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| unsafe { strings::concat(a, b) })
}

/// `a == b` (1 or 0).
///
/// # Safety
/// `a` and `b` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_eq(a: *const KStr, b: *const KStr) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { (a == b || strings::bytes(a) == strings::bytes(b)) as u8 })
}

/// Compare in code-point order (UTF-8 byte order is code-point order): -1, 0 or 1.
///
/// # Safety
/// `a` and `b` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_cmp(a: *const KStr, b: *const KStr) -> i64 {
    // SAFETY: caller contract.
    fatal(|| unsafe { strings::bytes(a).cmp(strings::bytes(b)) as i64 })
}

/// `len(s)` in code points (the `nchars` field).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_len(s: *const KStr) -> i64 {
    // SAFETY: caller contract.
    fatal(|| unsafe { strings::nchars(s) })
}

/// `str(v)` for an int.
#[no_mangle]
pub extern "C" fn kiln_rt_str_from_int(v: i64) -> *const KStr {
    fatal(|| strings::new_str(&v.to_string()))
}

/// `str(x)` (= `repr(x)`) for a float: shortest round-trip digits, CPython's layout.
#[no_mangle]
pub extern "C" fn kiln_rt_str_from_float(x: f64) -> *const KStr {
    fatal(|| strings::new_str(&float_repr::repr(x)))
}

/// `str(b)`: `True` / `False`.
#[no_mangle]
pub extern "C" fn kiln_rt_str_from_bool(b: u8) -> *const KStr {
    fatal(|| strings::new_str(if b != 0 { "True" } else { "False" }))
}

/// `repr(s)`: CPython's quotes and escapes (printable non-ASCII kept as is).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_repr(s: *const KStr) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| strings::new_str(&strings::repr(&unsafe { strings::text(s) })))
}

/// `s[i]` (one code point; negative `i` counts from the end). Raises
/// `IndexError: string index out of range`.
///
/// # Safety
/// `s` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_getitem(s: *const KStr, i: i64, out: *mut *const KStr) -> u8 {
    status_str(out, || {
        // SAFETY: caller contract.
        let (t, n) = unsafe { (strings::text(s), kiln_rt_str_len(s)) };
        strings::getitem(&t, n, i)
    })
}

/// `s[start:stop:step]` over code points. `flags` bit 0: `start` given, bit 1: `stop`
/// given (an absent bound is Python's `None`). Raises `ValueError: slice step cannot be
/// zero`.
///
/// # Safety
/// `s` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_slice(
    s: *const KStr,
    start: i64,
    stop: i64,
    step: i64,
    flags: u8,
    out: *mut *const KStr,
) -> u8 {
    status_str(out, || {
        // SAFETY: caller contract.
        let (t, n) = unsafe { (strings::text(s), kiln_rt_str_len(s)) };
        let start = (flags & 1 != 0).then_some(start);
        let stop = (flags & 2 != 0).then_some(stop);
        strings::slice(&t, n, start, stop, step)
    })
}

/// `needle in haystack` (1 or 0).
///
/// # Safety
/// Both are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_contains(haystack: *const KStr, needle: *const KStr) -> u8 {
    fatal(|| {
        // SAFETY: caller contract.
        let (h, n) = unsafe { (strings::as_str(haystack), strings::as_str(needle)) };
        h.contains(n) as u8
    })
}

/// `s * n` (`n <= 0` gives the empty string).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_repeat(s: *const KStr, n: i64) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, nchars) = unsafe { (strings::as_str(s), kiln_rt_str_len(s)) };
        if n <= 0 || t.is_empty() {
            return strings::new_str("");
        }
        match (t.len() as u64).checked_mul(n as u64) {
            Some(total) if total <= (isize::MAX as u64) / 2 => {
                strings::new_str_nchars(&t.repeat(n as usize), (nchars * n) as usize)
            }
            _ => gc::out_of_memory(),
        }
    })
}

// ---------------------------------------------------------------------------------------
// Formatting: format(v, spec) / f"{v:spec}"
// ---------------------------------------------------------------------------------------
//
// All four implement CPython 3.11's format-spec mini-language for their type, with its
// ValueError/OverflowError messages ("Unknown format code 'd' for object of type
// 'float'", "Invalid format specifier '...' for object of type 'int'", ...). An empty
// spec gives `str(v)`. `spec` null = empty.

/// `format(v, spec)` for an int (types `b c d o x X n`, none, and the float types
/// `e E f F g G %` after conversion). Can raise.
///
/// # Safety
/// `spec` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_format_int(v: i64, spec: *const KStr, out: *mut *const KStr) -> u8 {
    // SAFETY: caller contract.
    status_str(out, || format::format_int(v, &unsafe { strings::text(spec) }))
}

/// `format(b, spec)` for a bool: `True`/`False` for an empty spec, else as the int 0/1
/// (errors name type 'bool'). Can raise.
///
/// # Safety
/// As [`kiln_rt_format_int`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_format_bool(b: u8, spec: *const KStr, out: *mut *const KStr) -> u8 {
    // SAFETY: caller contract.
    status_str(out, || format::format_bool(b != 0, &unsafe { strings::text(spec) }))
}

/// `format(x, spec)` for a float (types `e E f F g G n %` and none). Can raise.
///
/// # Safety
/// As [`kiln_rt_format_int`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_format_float(x: f64, spec: *const KStr, out: *mut *const KStr) -> u8 {
    // SAFETY: caller contract.
    status_str(out, || format::format_float(x, &unsafe { strings::text(spec) }))
}

/// `format(s, spec)` for a str (type `s` and none; precision truncates). Can raise.
///
/// # Safety
/// `s` and `spec` are valid strings or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_format_str(s: *const KStr, spec: *const KStr, out: *mut *const KStr) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let spec = unsafe { strings::text(spec) };
        if spec.is_empty() && !s.is_null() {
            return Ok(s);
        }
        // SAFETY: caller contract.
        let text = unsafe { strings::text(s) };
        format::format_str(&text, &spec).map(|r| strings::new_str(&r))
    })
}

// ---------------------------------------------------------------------------------------
// Printing (buffered stdout; the compiler emits separators and the line end)
// ---------------------------------------------------------------------------------------

/// Print the text of `s`.
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_print_str(s: *const KStr) {
    // SAFETY: caller contract.
    fatal(|| io::write_stdout(unsafe { strings::bytes(s) }))
}

/// Print an int.
#[no_mangle]
pub extern "C" fn kiln_rt_print_int(v: i64) {
    fatal(|| {
        // Decimal digits into a stack buffer: no allocation on this hot path.
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = v.unsigned_abs();
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if v < 0 {
            i -= 1;
            buf[i] = b'-';
        }
        io::write_stdout(&buf[i..])
    })
}

/// Print a float as `repr` does.
#[no_mangle]
pub extern "C" fn kiln_rt_print_float(x: f64) {
    fatal(|| io::write_stdout(float_repr::repr(x).as_bytes()))
}

/// Print `True` / `False`.
#[no_mangle]
pub extern "C" fn kiln_rt_print_bool(b: u8) {
    fatal(|| io::write_stdout(if b != 0 { b"True" } else { b"False" }))
}

/// Print `None`.
#[no_mangle]
pub extern "C" fn kiln_rt_print_none() {
    fatal(|| io::write_stdout(b"None"))
}

/// Write buffered stdout now (`print(..., flush=True)`, `sys.stdout.flush()`).
#[no_mangle]
pub extern "C" fn kiln_rt_flush() {
    fatal(io::flush_stdout)
}

// ---------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------

/// A new list of `len` zeroed elements of `elem_size` bytes (`cap == len`).
#[no_mangle]
pub extern "C" fn kiln_rt_list_new(elem_size: i64, len: i64, elem_has_ptrs: u8) -> *mut KList {
    fatal(|| lists::new(elem_size, len, elem_has_ptrs != 0))
}

/// Append an element slot: grows the data (doubling, at least 4 slots) when full, does
/// `len += 1` and returns the address of the new last slot, for the caller to store the
/// element into. The slot's previous contents are unspecified. Invalidates earlier
/// pointers into `data`.
///
/// # Safety
/// `list` is a valid list of `elem_size`-byte elements with the given pointer-ness.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_list_append_slot(list: *mut KList, elem_size: i64, elem_has_ptrs: u8) -> *mut u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { lists::append_slot(list, elem_size, elem_has_ptrs != 0) })
}

/// `list * n`: a new list (`n <= 0` gives an empty one).
///
/// # Safety
/// `list` is a valid list (or null = empty) of `elem_size`-byte elements.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_list_repeat(
    list: *const KList,
    n: i64,
    elem_size: i64,
    elem_has_ptrs: u8,
) -> *mut KList {
    // SAFETY: caller contract.
    fatal(|| unsafe { lists::repeat(list, n, elem_size, elem_has_ptrs != 0) })
}

/// `a + b`: a new list.
///
/// # Safety
/// `a` and `b` are valid lists (or null = empty) of `elem_size`-byte elements.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_list_concat(
    a: *const KList,
    b: *const KList,
    elem_size: i64,
    elem_has_ptrs: u8,
) -> *mut KList {
    // SAFETY: caller contract.
    fatal(|| unsafe { lists::concat(a, b, elem_size, elem_has_ptrs != 0) })
}

/// `repr(list)` / `str(list)`: `[1, 2.5, True, 'a']`. `elem_kind`: 0 int (i64), 1 float
/// (f64), 2 bool (u8), 3 str (pointer; null shows `None`), 4 None (1 byte). Other kinds
/// print `None` elements.
///
/// # Safety
/// `list` is a valid list (or null = empty) whose elements match `elem_kind`.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_list_repr(list: *const KList, elem_kind: u8) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| strings::new_str(&unsafe { lists::repr(list, elem_kind) }))
}

// ---------------------------------------------------------------------------------------
// Exceptions (pending per thread)
// ---------------------------------------------------------------------------------------

/// Raise: set this thread's pending exception to class `type_name` with message `msg`
/// (null = raised without arguments, e.g. `raise AssertionError`; the message is `str()`
/// of the exception, so `KeyError('a')` passes `'a'` with quotes). Both texts are copied.
/// Replaces any pending exception and starts an empty traceback.
///
/// # Safety
/// `type_name` is a valid string; `msg` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_raise(type_name: *const KStr, msg: *const KStr) {
    fatal(|| {
        // SAFETY: caller contract.
        let kind = unsafe { strings::text(type_name) };
        let msg = (!msg.is_null()).then(|| unsafe { strings::text(msg) });
        exceptions::raise(&kind, msg.as_deref());
    })
}

/// Raise `SystemExit` with an integer exit code (`sys.exit(n)`; `sys.exit()` is code 0).
/// An uncaught one makes `kiln_rt_main` return `code` without printing anything.
#[no_mangle]
pub extern "C" fn kiln_rt_raise_system_exit(code: i64) {
    fatal(|| exceptions::raise_system_exit(code))
}

/// Raise kiln's `OverflowError: integer overflow: result does not fit in 64 bits` (for the
/// overflow branches of `+ - * // %` and friends on 64-bit ints).
#[no_mangle]
pub extern "C" fn kiln_rt_raise_int_overflow() {
    fatal(|| exceptions::raise("OverflowError", Some(math::INT_OVERFLOW_MSG)))
}

/// Record a traceback frame while propagating: the exception left function `func` of
/// file `file` at `line`. Frames are pushed innermost first; the report prints them
/// outermost first. Ignored when nothing is pending.
///
/// # Safety
/// `file` and `func` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_traceback_push(file: *const KStr, func: *const KStr, line: i64) {
    fatal(|| {
        // SAFETY: caller contract.
        let (file, func) = unsafe { (strings::text(file), strings::text(func)) };
        exceptions::traceback_push(&file, &func, line);
    })
}

/// Discard the pending exception (it was handled).
#[no_mangle]
pub extern "C" fn kiln_rt_exc_clear() {
    fatal(exceptions::clear)
}

/// 1 when an exception is pending on this thread.
#[no_mangle]
pub extern "C" fn kiln_rt_exc_pending() -> u8 {
    fatal(|| exceptions::is_pending() as u8)
}

/// 1 when the pending exception is an instance of class `type_name` (the class itself or a
/// subclass: the builtin hierarchy, e.g. `ZeroDivisionError` < `ArithmeticError` <
/// `Exception` < `BaseException`, plus classes declared with
/// [`kiln_rt_exc_register_class`]). 0 when nothing is pending.
///
/// # Safety
/// `type_name` is a valid string.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_matches(type_name: *const KStr) -> u8 {
    // SAFETY: caller contract.
    fatal(|| exceptions::matches(&unsafe { strings::text(type_name) }) as u8)
}

/// Declare a user exception class and its base class (`class E(ValueError): ...`), for
/// [`kiln_rt_exc_matches`]. Process-wide; call once per class before it can be raised.
///
/// # Safety
/// Both are valid strings.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_register_class(name: *const KStr, parent: *const KStr) {
    fatal(|| {
        // SAFETY: caller contract.
        let (n, p) = unsafe { (strings::text(name), strings::text(parent)) };
        exceptions::register_class(&n, &p);
    })
}

/// Class name of the pending exception (null when none).
#[no_mangle]
pub extern "C" fn kiln_rt_exc_type_name() -> *const KStr {
    fatal(|| match exceptions::type_name() {
        Some(k) => strings::new_str(&k),
        None => std::ptr::null(),
    })
}

/// `str(e)` of the pending exception ("" when raised without a message; null when none).
#[no_mangle]
pub extern "C" fn kiln_rt_exc_message() -> *const KStr {
    fatal(|| match exceptions::message() {
        Some(m) => strings::new_str(&m),
        None => std::ptr::null(),
    })
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

/// `base ** exp` for ints. Raises `OverflowError: integer overflow: result does not fit in
/// 64 bits`, and for `exp < 0` `ValueError: kiln: int ** negative int is a float in
/// Python; write float(x) ** n`.
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_int_pow(base: i64, exp: i64, out: *mut i64) -> u8 {
    status(out, || math::int_pow(base, exp))
}

/// `a ** b` for floats (CPython's `float_pow`): `ZeroDivisionError: 0.0 cannot be raised to
/// a negative power`, `OverflowError: (34, 'Numerical result out of range')`, and for a
/// negative base with a non-integer exponent (complex in CPython) `ValueError: kiln:
/// complex result of negative float ** fractional power is not supported`.
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_float_pow(a: f64, b: f64, out: *mut f64) -> u8 {
    status(out, || math::float_pow(a, b))
}

/// `a // b` for floats, CPython's semantics (signed zeros included). The caller has
/// raised `ZeroDivisionError: float floor division by zero` for `b == 0`.
#[no_mangle]
pub extern "C" fn kiln_rt_float_floordiv(a: f64, b: f64) -> f64 {
    fatal(|| math::float_floordiv(a, b))
}

/// `a % b` for floats (result has the sign of `b`). The caller has raised
/// `ZeroDivisionError: float modulo` for `b == 0`.
#[no_mangle]
pub extern "C" fn kiln_rt_float_mod(a: f64, b: f64) -> f64 {
    fatal(|| math::float_mod(a, b))
}

/// `a / b` for ints, correctly rounded like CPython's `int.__truediv__` even when the
/// operands exceed 2**53 (converting both to float first could round twice). The caller has
/// raised `ZeroDivisionError: division by zero` for `b == 0`.
#[no_mangle]
pub extern "C" fn kiln_rt_int_true_div(a: i64, b: i64) -> f64 {
    fatal(|| math::int_true_div(a, b))
}

/// Exact three-way comparison of an int with a float, as CPython compares them (the int is
/// not rounded first): -1 if `i < f`, 0 if equal, 1 if `i > f`, 2 if `f` is NaN.
#[no_mangle]
pub extern "C" fn kiln_rt_int_float_cmp(i: i64, f: f64) -> i64 {
    fatal(|| math::int_float_cmp(i, f))
}

/// `int(x)` (truncation). Raises `ValueError: cannot convert float NaN to integer`,
/// `OverflowError: cannot convert float infinity to integer`, and kiln's
/// `OverflowError: integer overflow: result does not fit in 64 bits`.
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_float_to_int(x: f64, out: *mut i64) -> u8 {
    status(out, || math::float_to_int(x))
}

/// `math.floor(x)` as an int; errors as [`kiln_rt_float_to_int`].
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_floor(x: f64, out: *mut i64) -> u8 {
    status(out, || math::floor(x))
}

/// `math.ceil(x)` as an int; errors as [`kiln_rt_float_to_int`].
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_ceil(x: f64, out: *mut i64) -> u8 {
    status(out, || math::ceil(x))
}

// The `math` module. Each raises `ValueError: math domain error` or `OverflowError: math
// range error` exactly where CPython 3.11 does; NaN arguments give NaN.

/// `math.sin(x)`.
///
/// # Safety
/// `out` is valid for a write (this applies to every `kiln_rt_math_*` below).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_sin(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("sin", x))
}

/// `math.cos(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_cos(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("cos", x))
}

/// `math.tan(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_tan(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("tan", x))
}

/// `math.asin(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_asin(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("asin", x))
}

/// `math.acos(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_acos(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("acos", x))
}

/// `math.atan(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_atan(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("atan", x))
}

/// `math.sinh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_sinh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("sinh", x))
}

/// `math.cosh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_cosh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("cosh", x))
}

/// `math.tanh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_tanh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("tanh", x))
}

/// `math.asinh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_asinh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("asinh", x))
}

/// `math.acosh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_acosh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("acosh", x))
}

/// `math.atanh(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_atanh(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("atanh", x))
}

/// `math.exp(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_exp(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("exp", x))
}

/// `math.exp2(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_exp2(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("exp2", x))
}

/// `math.expm1(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_expm1(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("expm1", x))
}

/// `math.log(x)` (natural log; one argument).
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_log(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("log", x))
}

/// `math.log(x, base)`; `ZeroDivisionError: float division by zero` for base 1.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_log_base(x: f64, base: f64, out: *mut f64) -> u8 {
    status(out, || math::log_base(x, base))
}

/// `math.log2(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_log2(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("log2", x))
}

/// `math.log10(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_log10(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("log10", x))
}

/// `math.log1p(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_log1p(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("log1p", x))
}

/// `math.cbrt(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_cbrt(x: f64, out: *mut f64) -> u8 {
    status(out, || math::math1("cbrt", x))
}

/// `math.sqrt(x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_sqrt(x: f64, out: *mut f64) -> u8 {
    status(out, || math::sqrt(x))
}

/// `math.fabs(x)` (never raises; status kept for uniformity).
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_fabs(x: f64, out: *mut f64) -> u8 {
    status(out, || Ok(x.abs()))
}

/// `math.pow(x, y)` (not `**`: `math.pow(0.0, -1.0)` is `ValueError: math domain error`,
/// overflow is `OverflowError: math range error`, negative ** fractional is a domain
/// error).
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_pow(x: f64, y: f64, out: *mut f64) -> u8 {
    status(out, || math::math_pow(x, y))
}

/// `math.atan2(y, x)`.
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_atan2(y: f64, x: f64, out: *mut f64) -> u8 {
    status(out, || math::math_atan2(y, x))
}

/// `math.hypot(x, y)` (CPython's correctly rounded algorithm; overflow gives `inf`, as in
/// CPython 3.11, not an error).
///
/// # Safety
/// See [`kiln_rt_math_sin`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_hypot(x: f64, y: f64, out: *mut f64) -> u8 {
    status(out, || Ok(math::hypot(x, y)))
}

/// `time.time()`: seconds since the Unix epoch.
#[no_mangle]
pub extern "C" fn kiln_rt_time_time() -> f64 {
    fatal(math::time_time)
}

/// `time.perf_counter()`: monotonic seconds (arbitrary origin).
#[no_mangle]
pub extern "C" fn kiln_rt_time_perf_counter() -> f64 {
    fatal(math::perf_counter)
}
