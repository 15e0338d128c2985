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
    // ASCII fast path: a shared one-character string, no allocation.
    // SAFETY: caller contract (`s` valid or null; `bytes` handles null).
    let b = unsafe { strings::bytes(s) };
    let n = unsafe { kiln_rt_str_len(s) };
    if b.len() as i64 == n {
        let idx = if i < 0 { i.wrapping_add(n) } else { i };
        if (0..n).contains(&idx) && b[idx as usize] < 128 {
            // SAFETY: `out` is valid for a write.
            unsafe { out.write(strings::ascii_char(b[idx as usize])) };
            return 0;
        }
    }
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

// ----- str methods -----
// `str` methods, conversions and `%` / `str.format` (implemented in `str_methods.rs` and
// `str_format.rs`). Indices are code points; CPython 3.11's results and messages.

/// The text of `s` and whether it is ASCII (by its header).
///
/// # Safety
/// `s` is a valid string or null.
unsafe fn str_view<'a>(s: *const KStr) -> (std::borrow::Cow<'a, str>, i64, bool) {
    // SAFETY: caller contract.
    let (t, n) = unsafe { (strings::text(s), strings::nchars(s)) };
    let ascii = t.len() as i64 == n;
    (t, n, ascii)
}

/// `s` itself when `keep` (a fresh empty string for null), else a new string of `text`.
fn str_result(s: *const KStr, keep: bool, text: &str) -> *const KStr {
    if keep && !s.is_null() {
        s
    } else {
        strings::new_str(text)
    }
}

/// `s.split(sep, maxsplit)` (`sep` null: split on runs of whitespace; `maxsplit < 0`: no
/// limit) as a new `list[str]`. Raises `ValueError: empty separator`.
///
/// # Safety
/// `s` and `sep` are valid strings or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_split(
    s: *const KStr,
    sep: *const KStr,
    maxsplit: i64,
    out: *mut *mut KList,
) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let ((t, _, ascii), sep) = unsafe { (str_view(s), (!sep.is_null()).then(|| strings::text(sep))) };
        let parts = crate::str_methods::split(&t, sep.as_deref(), maxsplit)?;
        Ok(crate::str_methods::new_list_of_str(&parts, ascii))
    })
}

/// `s.rsplit(sep, maxsplit)`; as [`kiln_rt_str_split`].
///
/// # Safety
/// As [`kiln_rt_str_split`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_rsplit(
    s: *const KStr,
    sep: *const KStr,
    maxsplit: i64,
    out: *mut *mut KList,
) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let ((t, _, ascii), sep) = unsafe { (str_view(s), (!sep.is_null()).then(|| strings::text(sep))) };
        let parts = crate::str_methods::rsplit(&t, sep.as_deref(), maxsplit)?;
        Ok(crate::str_methods::new_list_of_str(&parts, ascii))
    })
}

/// `s.splitlines(keepends)` as a new `list[str]` (line boundaries `\n \r \r\n \v \f \x1c
/// \x1d \x1e \x85 \u2028 \u2029`).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_splitlines(s: *const KStr, keepends: u8) -> *mut KList {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, _, ascii) = unsafe { str_view(s) };
        crate::str_methods::new_list_of_str(&crate::str_methods::splitlines(&t, keepends != 0), ascii)
    })
}

/// `sep.join(items)` for a `list[str]` (null elements read as empty strings).
///
/// # Safety
/// `sep` is a valid string or null; `items` is a valid list of strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_join(sep: *const KStr, items: *const KList) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract: `data` holds `len` string pointers.
        unsafe {
            let elems: &[*const KStr] = if items.is_null() || (*items).len <= 0 || (*items).data.is_null() {
                &[]
            } else {
                std::slice::from_raw_parts((*items).data as *const *const KStr, (*items).len as usize)
            };
            crate::str_methods::join(sep, elems)
        }
    })
}

/// `sorted(s)` of a string (`reverse` 0 or 1): a new `list[str]` of its characters.
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_sorted(s: *const KStr, reverse: u8) -> *mut KList {
    // SAFETY: caller contract.
    fatal(|| unsafe { crate::str_methods::sorted_str(s, reverse != 0) })
}

/// `sep.join(sorted(s))` of a string `s`, without the list in between.
///
/// # Safety
/// `sep` and `s` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_join_sorted(sep: *const KStr, s: *const KStr, reverse: u8) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| unsafe { crate::str_methods::join_sorted(sep, s, reverse != 0) })
}

/// `s.strip(chars)` (`which` 0), `s.lstrip(chars)` (1), `s.rstrip(chars)` (2); `chars`
/// null strips whitespace. May return `s` itself.
///
/// # Safety
/// `s` and `chars` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_strip(s: *const KStr, chars: *const KStr, which: i64) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let ((t, _, ascii), chars) = unsafe { (str_view(s), (!chars.is_null()).then(|| strings::text(chars))) };
        let kept = crate::str_methods::strip(&t, chars.as_deref(), which);
        if kept.len() == t.len() && !s.is_null() {
            s
        } else if ascii {
            strings::new_str_nchars(kept, kept.len())
        } else {
            strings::new_str(kept)
        }
    })
}

/// `s.replace(old, new, count)` (`count < 0`: all; an empty `old` inserts `new` around
/// every character). May return `s` itself.
///
/// # Safety
/// `s`, `old` and `new` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_replace(
    s: *const KStr,
    old: *const KStr,
    new: *const KStr,
    count: i64,
) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, o, n) = unsafe { (strings::text(s), strings::text(old), strings::text(new)) };
        match crate::str_methods::replace(&t, &o, &n, count) {
            None => str_result(s, true, ""),
            Some(r) => strings::new_str(&r),
        }
    })
}

/// `s.find(sub, start, end)` (`reverse` 0) or `s.rfind(...)` (1): the code-point index,
/// -1 when absent. `start`/`end` are slice bounds (negative from the end, clamped); pass
/// 0 and `i64::MAX` when absent. (`index`/`rindex` raise `ValueError: substring not found`
/// on -1: the caller does that.)
///
/// # Safety
/// `s` and `sub` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_find(s: *const KStr, sub: *const KStr, start: i64, end: i64, reverse: u8) -> i64 {
    fatal(|| {
        // SAFETY: caller contract.
        let ((t, n, _), (u, un, _)) = unsafe { (str_view(s), str_view(sub)) };
        crate::str_methods::find(&t, n, &u, un, start, end, reverse != 0)
    })
}

/// `s.count(sub, start, end)` (bounds as [`kiln_rt_str_find`]).
///
/// # Safety
/// `s` and `sub` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_count(s: *const KStr, sub: *const KStr, start: i64, end: i64) -> i64 {
    fatal(|| {
        // SAFETY: caller contract.
        let ((t, n, _), (u, un, _)) = unsafe { (str_view(s), str_view(sub)) };
        crate::str_methods::count(&t, n, &u, un, start, end)
    })
}

/// `s.startswith(prefix, start, end)` (`endswith` 0) or `s.endswith(...)` (1); bounds as
/// [`kiln_rt_str_find`]. (A tuple of prefixes is a loop in the caller.)
///
/// # Safety
/// `s` and `prefix` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_startswith(
    s: *const KStr,
    prefix: *const KStr,
    start: i64,
    end: i64,
    endswith: u8,
) -> u8 {
    fatal(|| {
        // SAFETY: caller contract.
        let ((t, n, _), (u, un, _)) = unsafe { (str_view(s), str_view(prefix)) };
        crate::str_methods::startswith(&t, n, &u, un, start, end, endswith != 0) as u8
    })
}

/// Case mapping, full Unicode as CPython (`'ß'.upper() == 'SS'`, final sigma in `lower`):
/// `op` 0 `upper`, 1 `lower`, 2 `title`, 3 `capitalize`, 4 `swapcase`, 5 `casefold`
/// (others: a copy).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_case(s: *const KStr, op: i64) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, _, ascii) = unsafe { str_view(s) };
        let r = crate::str_methods::case(&t, op);
        if ascii {
            strings::new_str_nchars(&r, r.len())
        } else {
            strings::new_str(&r)
        }
    })
}

/// A predicate (1 or 0): `op` 0 `isdigit`, 1 `isalpha`, 2 `isalnum`, 3 `isspace`, 4
/// `isupper`, 5 `islower`, 6 `isdecimal`, 7 `isnumeric`, 8 `istitle`, 9 `isidentifier`,
/// 10 `isprintable`, 11 `isascii` (others: 0). CPython 3.11 / Unicode 14, including the
/// empty string (false except `isprintable` and `isascii`).
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_is(s: *const KStr, op: i64) -> u8 {
    // SAFETY: caller contract.
    fatal(|| crate::str_methods::is(&unsafe { strings::text(s) }, op) as u8)
}

/// `s.ljust(width, fill)` (`align` 0), `s.rjust(...)` (1), `s.center(...)` (2, CPython's
/// placement of an odd margin). `fill` is one character (null: space). May return `s`.
///
/// # Safety
/// `s` and `fill` are valid strings or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_pad(s: *const KStr, width: i64, fill: *const KStr, align: i64) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let ((t, n, _), f) = unsafe { (str_view(s), strings::text(fill)) };
        let fill = f.chars().next().unwrap_or(' ');
        crate::str_methods::pad(&t, n, width, fill, align).unwrap_or_else(|| str_result(s, true, ""))
    })
}

/// `s.zfill(width)` (zeros after a leading sign). May return `s`.
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_zfill(s: *const KStr, width: i64) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, n, _) = unsafe { str_view(s) };
        crate::str_methods::zfill(&t, n, width).unwrap_or_else(|| str_result(s, true, ""))
    })
}

/// `s[start:stop:step]` for any non-zero `step` (the caller raises `ValueError: slice step
/// cannot be zero`; 0 gives ""). `given` bit 0: `start` given, bit 1: `stop` given.
///
/// # Safety
/// `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_slice_step(
    s: *const KStr,
    start: i64,
    stop: i64,
    step: i64,
    given: i64,
) -> *const KStr {
    fatal(|| {
        // SAFETY: caller contract.
        let (t, n, _) = unsafe { str_view(s) };
        let start = (given & 1 != 0).then_some(start);
        let stop = (given & 2 != 0).then_some(stop);
        let (r, nchars) = crate::str_methods::slice_step(&t, n, start, stop, step);
        strings::new_str_nchars(&r, nchars)
    })
}

/// `ord(s)`. Raises `TypeError: ord() expected a character, but string of length N found`.
///
/// # Safety
/// `s` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_ord(s: *const KStr, out: *mut i64) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let (t, n, _) = unsafe { str_view(s) };
        crate::str_methods::ord(&t, n)
    })
}

/// `chr(i)`. Raises `ValueError: chr() arg not in range(0x110000)` (`OverflowError: Python
/// int too large to convert to C int` outside the 32-bit range), and for a surrogate
/// (U+D800..U+DFFF) kiln's `ValueError: kiln: chr() of a surrogate code point is not
/// supported (kiln strings are UTF-8)`.
///
/// # Safety
/// `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_chr(i: i64, out: *mut *const KStr) -> u8 {
    status(out, || crate::str_methods::chr(i).map(|c| strings::new_str_nchars(c.encode_utf8(&mut [0; 4]), 1)))
}

/// `int(s, base)` (`base` 10 for `int(s)`; 0 reads a `0x`/`0o`/`0b` prefix): whitespace,
/// sign, single underscores between digits, Unicode decimal digits, as CPython. Raises
/// `ValueError: invalid literal for int() with base 10: 'abc'`, `ValueError: int() base
/// must be >= 2 and <= 36, or 0`, CPython's 4300-digit limit, and for a valid literal
/// outside the 64-bit range kiln's `OverflowError: int too large to convert`.
///
/// # Safety
/// `s` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_to_int(s: *const KStr, base: i64, out: *mut i64) -> u8 {
    // SAFETY: caller contract.
    status(out, || crate::str_methods::to_int(&unsafe { strings::text(s) }, base))
}

/// `float(s)`: whitespace, underscores between digits, Unicode digits, `inf`/`infinity`/
/// `nan` in any case with a sign. Raises `ValueError: could not convert string to float:
/// 'x'`.
///
/// # Safety
/// `s` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_to_float(s: *const KStr, out: *mut f64) -> u8 {
    // SAFETY: caller contract.
    status(out, || crate::str_methods::to_float(&unsafe { strings::text(s) }))
}

/// `bin(i)` (`base` 2), `oct(i)` (8), `hex(i)` (16): `-0x1f`. Other bases give decimal.
#[no_mangle]
pub extern "C" fn kiln_rt_int_to_base(i: i64, base: i64) -> *const KStr {
    fatal(|| {
        let r = crate::str_methods::int_to_base(i, base);
        strings::new_str_nchars(&r, r.len())
    })
}

/// `fmt % args` (printf-style): `args` is `n` tagged values ([`crate::str_format::KArg`]:
/// the elements of a tuple operand, or the single non-tuple operand as one argument).
/// Flags `-+ #0`, width, precision (also `*`), conversions `d i u o x X e E f F g G c r s a
/// %`; CPython's errors (`TypeError: not enough arguments for format string`, `not all
/// arguments converted during string formatting`, `%d format: a real number is required,
/// not str`, `ValueError: unsupported format character 'y' (0x79) at index 1`, ...).
/// `%(name)s` raises `TypeError: format requires a mapping`. Type names of tag-5
/// arguments in messages are guessed from their repr (`str_format::guess_type_name`).
///
/// # Safety
/// `fmt` is a valid string or null; `args` points to `n` valid `KArg`s; `out` is valid
/// for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_percent(
    fmt: *const KStr,
    args: *const crate::str_format::KArg,
    n: i64,
    out: *mut *const KStr,
) -> u8 {
    status_str(out, || {
        // SAFETY: caller contract.
        let (f, a) = unsafe { (strings::text(fmt), crate::str_format::read_args(args, n)) };
        crate::str_format::percent(&f, &a)
    })
}

/// `fmt.format(*args)` with `n` tagged positional arguments: `{}` / `{0}` fields, `{{`
/// `}}`, conversions `!r !s !a`, format specs (nested `{}` fields included) as
/// `format()`; CPython's errors (`IndexError: Replacement index 2 out of range for
/// positional args tuple`, `ValueError: cannot switch from automatic field numbering to
/// manual field specification`, `Single '}' encountered in format string`, ...). A named
/// field raises `KeyError: 'name'` (no keyword arguments are passed); attribute and index
/// accessors (`{0.x}`, `{0[1]}`) raise `ValueError: kiln: attribute and index lookups in
/// str.format fields are not supported`. A non-empty spec for None or a tag-5 object
/// raises `TypeError: unsupported format string passed to NoneType.__format__` (type name
/// guessed from the repr for tag 5).
///
/// # Safety
/// As [`kiln_rt_str_percent`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_str_format_method(
    fmt: *const KStr,
    args: *const crate::str_format::KArg,
    n: i64,
    out: *mut *const KStr,
) -> u8 {
    status_str(out, || {
        // SAFETY: caller contract.
        let (f, a) = unsafe { (strings::text(fmt), crate::str_format::read_args(args, n)) };
        crate::str_format::format_method(&f, &a)
    })
}

// ----- end of str methods -----

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

/// `print(..., file=sys.stderr)`: the whole line, written to stderr after stdout is flushed.
///
/// # Safety
/// `s` is a valid string.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_print_err(s: *const KStr) {
    // SAFETY: caller contract.
    fatal(|| io::write_stderr(unsafe { strings::bytes(s) }))
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

// ----- hashing / dict / set -----
//
// `dict[K, V]` and `set[T]` store keys and values inline (an int key is 8 bytes in the
// table, a str key a `*const KStr`, a tuple key the C struct of its fields). A key
// descriptor `KKeyOps` (one constant per key type, emitted by the compiler; layout in
// `crate::hashing`: kind i64 @0, size i64 @8, has_ptrs u8 @16, hash fn @24, eq fn @32)
// says how to hash and compare keys: kinds 1 int, 2 str, 3 float, 4 bool are built in;
// kind 0 calls `hash(key_ptr) -> i64` and `eq(a_ptr, b_ptr) -> u8` (e.g. a tuple key whose
// `hash` combines the element hashes with `kiln_rt_hash_tuple`). Keys are passed by
// pointer (`*const u8` to the key's bytes) and copied in. Hashes are CPython 3.11's with
// `PYTHONHASHSEED=0`, and the set table is CPython's, so set iteration order matches.
//
// Slot pointers returned by these functions point into the container's table: valid until
// the next insertion or removal (a rebuild moves entries); store or copy out right away.
// `KDict.used` / `KSet.used` (the length) are at offset 0. None of these raise, except the
// checked `*_iter_next` (status byte, RuntimeError). Null containers are accepted by the
// read-only functions (`len`, `get`, `contains`, `next`, `iter_*`) as empty.

use crate::dict::{self, KDict};
use crate::hashing::{self, KIter, KKeyOps};
use crate::set::{self, KSet};

/// `hash(v)` for an int (`bool` too: 0 / 1).
#[no_mangle]
pub extern "C" fn kiln_rt_hash_int(v: i64) -> i64 {
    fatal(|| hashing::hash_int(v))
}

/// `hash(x)` for a float; every NaN hashes to 0 (CPython 3.11 hashes NaN by identity).
#[no_mangle]
pub extern "C" fn kiln_rt_hash_float(x: f64) -> i64 {
    fatal(|| hashing::hash_float(x))
}

/// `hash(s)` for a str (SipHash-1-3 of the PEP 393 form, zero key).
///
/// # Safety
/// `s` is a valid string or null (`""`).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_hash_str(s: *const KStr) -> i64 {
    // SAFETY: caller contract.
    fatal(|| unsafe { hashing::hash_str(s) })
}

/// `hash(t)` for a tuple whose `n` elements hash to `hashes[0..n]`.
///
/// # Safety
/// `hashes` points to `n` readable i64 (or `n <= 0`).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_hash_tuple(hashes: *const i64, n: i64) -> i64 {
    fatal(|| {
        let h: &[i64] = if n <= 0 || hashes.is_null() {
            &[]
        } else {
            // SAFETY: caller contract.
            unsafe { std::slice::from_raw_parts(hashes, n as usize) }
        };
        hashing::hash_tuple(h)
    })
}

/// One element of CPython's tuple hash (`acc` starts at `_PyHASH_XXPRIME_5`), for tuples
/// whose elements compiled code hashes itself (instances with `__hash__`).
#[no_mangle]
pub extern "C" fn kiln_rt_hash_tuple_step(acc: i64, h: i64) -> i64 {
    hashing::hash_tuple_step(acc, h)
}

/// The end of CPython's tuple hash over `len` elements.
#[no_mangle]
pub extern "C" fn kiln_rt_hash_tuple_finish(acc: i64, len: i64) -> i64 {
    hashing::hash_tuple_finish(acc, len)
}

/// A new empty dict with keys described by `ops` and values of `value_size` bytes
/// (`value_has_ptrs` = 1 when they hold GC pointers).
///
/// # Safety
/// `ops` is a valid descriptor that stays valid for the program's lifetime.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_new(ops: *const KKeyOps, value_size: i64, value_has_ptrs: u8) -> *mut KDict {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::new(ops, value_size, value_has_ptrs != 0) })
}

/// `len(d)`.
///
/// # Safety
/// `d` is a valid dict or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_len(d: *const KDict) -> i64 {
    // SAFETY: caller contract.
    unsafe { dict::len(d) }
}

/// `d[key]` / `key in d`: the value slot, or null when the key is absent (the caller
/// raises `KeyError`).
///
/// # Safety
/// `d` is a valid dict or null; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_get(d: *const KDict, key: *const u8) -> *mut u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::get(d, key) })
}

/// `d[key] = v`: the value slot to store into; the key is inserted last (value zeroed)
/// when absent and keeps its position when present.
///
/// # Safety
/// `d` is a valid dict; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_set_slot(d: *mut KDict, key: *const u8) -> *mut u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::set_slot(d, key).0 })
}

/// As [`kiln_rt_dict_set_slot`], also writing 1 to `*inserted` when the key was absent
/// (the slot is then zeroed: `d.setdefault(k, v)`, `d[k] = d.get(k, 0) + 1`), else 0.
///
/// # Safety
/// As [`kiln_rt_dict_set_slot`]; `inserted` is valid or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_setdefault_slot(d: *mut KDict, key: *const u8, inserted: *mut u8) -> *mut u8 {
    fatal(|| {
        // SAFETY: caller contract.
        unsafe {
            let (slot, new) = dict::set_slot(d, key);
            if !inserted.is_null() {
                inserted.write(new as u8);
            }
            slot
        }
    })
}

/// `del d[key]`: 1 when the key was there (removed), 0 when absent (the caller raises
/// `KeyError`).
///
/// # Safety
/// `d` is a valid dict; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_delete(d: *mut KDict, key: *const u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::pop(d, key, std::ptr::null_mut()) as u8 })
}

/// `d.pop(key)`: 1 when the key was there: removed, its value copied to `*out_value`
/// (`value_size` bytes; null skips the copy); 0 when absent (the caller uses the default
/// or raises `KeyError`).
///
/// # Safety
/// As [`kiln_rt_dict_delete`]; `out_value` is null or has room for a value.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_pop(d: *mut KDict, key: *const u8, out_value: *mut u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::pop(d, key, out_value) as u8 })
}

/// `d.popitem()`: 1 after removing the last inserted item, its key and value copied to
/// `*out_key` / `*out_value` (null skips); 0 when empty (the caller raises `KeyError:
/// 'popitem(): dictionary is empty'`).
///
/// # Safety
/// `d` is a valid dict; the out-pointers are null or have room for a key / a value.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_popitem(d: *mut KDict, out_key: *mut u8, out_value: *mut u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::popitem(d, out_key, out_value) as u8 })
}

/// `d.clear()`.
///
/// # Safety
/// `d` is a valid dict.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_clear(d: *mut KDict) {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::clear(d) })
}

/// `d.copy()` / `dict(d)`: a new dict, same order.
///
/// # Safety
/// `d` is a valid dict.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_copy(d: *const KDict) -> *mut KDict {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::copy(d) })
}

/// `d.update(other)` / `d |= other`: `d[k] = v` for each item of `other` in order.
///
/// # Safety
/// `d` and `other` are valid dicts with the same key and value types.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_update(d: *mut KDict, other: *const KDict) {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::update(d, other) })
}

/// `a == b` (1 or 0): same keys, values equal under `value_eq(a_value, b_value)` (null:
/// compare the value bytes).
///
/// # Safety
/// `a` and `b` are valid dicts with the same key and value types.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_eq(a: *const KDict, b: *const KDict, value_eq: dict::ValueEq) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { dict::eq(a, b, value_eq) as u8 })
}

/// Raw iteration in insertion order, without a mutation check: start with `*pos = 0`;
/// returns 1 with `*key` / `*value` pointing to the next item's key and value slots (either
/// out-pointer may be null), or 0 at the end.
///
/// # Safety
/// `d` is a valid dict or null; `pos` is valid; `key` and `value` are valid or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_next(
    d: *const KDict,
    pos: *mut i64,
    key: *mut *const u8,
    value: *mut *mut u8,
) -> u8 {
    fatal(|| {
        // SAFETY: caller contract.
        unsafe {
            match dict::next(d, &mut *pos) {
                Some((k, v)) => {
                    if !key.is_null() {
                        key.write(k);
                    }
                    if !value.is_null() {
                        value.write(v);
                    }
                    1
                }
                None => 0,
            }
        }
    })
}

/// Start a checked iteration over `d` (`for k in d`, `d.items()`, ...): fills `*it`.
///
/// # Safety
/// `d` is a valid dict or null; `it` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_iter_init(d: *const KDict, it: *mut KIter) {
    // SAFETY: caller contract.
    fatal(|| unsafe { it.write(dict::iter_init(d)) })
}

/// Advance a checked iteration (CPython's dict iterator). Status 0: `*key` / `*value`
/// receive the next item's slots, or null at the end (either out-pointer may be null).
/// Status 1: `RuntimeError: dictionary changed size during iteration` (the length differs
/// from the one at [`kiln_rt_dict_iter_init`]) or `RuntimeError: dictionary keys changed
/// during iteration` is pending.
///
/// # Safety
/// `d` is the dict `it` was started on; `it` is valid; `key` and `value` are valid or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_dict_iter_next(
    d: *const KDict,
    it: *mut KIter,
    key: *mut *const u8,
    value: *mut *mut u8,
) -> u8 {
    fatal(|| {
        // SAFETY: caller contract.
        unsafe {
            let (k, v, st) = match dict::iter_next(d, &mut *it) {
                Ok(Some((k, v))) => (k, v, 0),
                Ok(None) => (std::ptr::null(), std::ptr::null_mut(), 0),
                Err(e) => {
                    exceptions::raise_err(&e);
                    (std::ptr::null(), std::ptr::null_mut(), 1)
                }
            };
            if st == 0 {
                if !key.is_null() {
                    key.write(k);
                }
                if !value.is_null() {
                    value.write(v);
                }
            }
            st
        }
    })
}

/// A new empty set with keys described by `ops`.
///
/// # Safety
/// `ops` is a valid descriptor that stays valid for the program's lifetime.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_new(ops: *const KKeyOps) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::new(ops) })
}

/// `set(list)` / a set display: the list's elements (`ops` key size each) added in order.
///
/// # Safety
/// `ops` as for [`kiln_rt_set_new`]; `list` is a valid list of such keys or null (empty).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_from_list(ops: *const KKeyOps, list: *const KList) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::from_list(ops, list) })
}

/// A set display whose elements are all constants after constant folding (`{1, 2, 3}`,
/// `{"a", "b", "c"}`, `{-1.5, 2.0, 3.0}`), elements in source order: CPython 3.11 builds
/// those with 3 or more elements from a `frozenset` constant, in another order than adding
/// them one by one. `interned` = 1 when an element is a str of 2+ ASCII letters, digits or
/// `_` that CPython would already have interned when it creates the code object (e.g. the
/// same word is an identifier or attribute name in the program): CPython then rebuilds the
/// constant once more (see `crate::set::const_frozen`). A display with fewer elements or
/// any non-constant element is [`kiln_rt_set_from_list`].
///
/// # Safety
/// As [`kiln_rt_set_from_list`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_from_const_display(
    ops: *const KKeyOps,
    list: *const KList,
    interned: u8,
) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::from_const_display(ops, list, interned != 0) })
}

/// The `frozenset` constant CPython 3.11 iterates for `for x in {consts}` and
/// comprehensions over an all-constant set display (any number of elements, source order
/// in `list`; `interned` as for [`kiln_rt_set_from_const_display`]): iterate the returned
/// set instead of the display.
///
/// # Safety
/// As [`kiln_rt_set_from_list`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_const_frozen(ops: *const KKeyOps, list: *const KList, interned: u8) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::const_frozen(ops, list, interned != 0) })
}

/// `len(s)`.
///
/// # Safety
/// `s` is a valid set or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_len(s: *const KSet) -> i64 {
    // SAFETY: caller contract.
    unsafe { set::len(s) }
}

/// `s.add(key)`.
///
/// # Safety
/// `s` is a valid set; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_add(s: *mut KSet, key: *const u8) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::add(s, key) })
}

/// `key in s` (1 or 0).
///
/// # Safety
/// `s` is a valid set or null; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_contains(s: *mut KSet, key: *const u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::contains(s, key) as u8 })
}

/// `s.discard(key)`: 1 when it was there (for `s.remove`, 0 means raise `KeyError`).
///
/// # Safety
/// `s` is a valid set; `key` points to a key of its type.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_discard(s: *mut KSet, key: *const u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::discard(s, key) as u8 })
}

/// `s.pop()`: 1 with the removed key copied to `*out_key` (null skips), 0 when empty (the
/// caller raises `KeyError: 'pop from an empty set'`).
///
/// # Safety
/// `s` is a valid set; `out_key` is null or has room for a key.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_pop(s: *mut KSet, out_key: *mut u8) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::pop(s, out_key) as u8 })
}

/// `s.clear()`.
///
/// # Safety
/// `s` is a valid set.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_clear(s: *mut KSet) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::clear(s) })
}

/// `s.copy()` / `set(s)`.
///
/// # Safety
/// `s` is a valid set.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_copy(s: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::copy(s) })
}

/// Raw iteration in table order (CPython's order), without a mutation check: start with
/// `*pos = 0`; returns 1 with `*key` pointing to the next key's slot (null skips), or 0.
///
/// # Safety
/// `s` is a valid set or null; `pos` is valid; `key` is valid or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_next(s: *const KSet, pos: *mut i64, key: *mut *const u8) -> u8 {
    fatal(|| {
        let mut k = std::ptr::null();
        // SAFETY: caller contract.
        unsafe {
            let found = set::next(s, &mut *pos, &mut k);
            if found && !key.is_null() {
                key.write(k);
            }
            found as u8
        }
    })
}

/// Start a checked iteration over `s`: fills `*it`.
///
/// # Safety
/// `s` is a valid set or null; `it` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_iter_init(s: *const KSet, it: *mut KIter) {
    // SAFETY: caller contract.
    fatal(|| unsafe { it.write(set::iter_init(s)) })
}

/// Advance a checked iteration (CPython's set iterator). Status 0: `*key` receives the
/// next key's slot, or null at the end. Status 1: `RuntimeError: Set changed size during
/// iteration` is pending.
///
/// # Safety
/// `s` is the set `it` was started on; `it` is valid; `key` is valid or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_iter_next(s: *const KSet, it: *mut KIter, key: *mut *const u8) -> u8 {
    fatal(|| {
        // SAFETY: caller contract.
        unsafe {
            match set::iter_next(s, &mut *it) {
                Ok(k) => {
                    if !key.is_null() {
                        key.write(k.unwrap_or(std::ptr::null()));
                    }
                    0
                }
                Err(e) => {
                    exceptions::raise_err(&e);
                    1
                }
            }
        }
    })
}

/// `a | b` / `a.union(b)`: a new set.
///
/// # Safety
/// `a` and `b` are valid sets with the same key type (every set operator below).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_union(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::union(a, b) })
}

/// `a & b` / `a.intersection(b)`: a new set.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_intersection(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::intersection(a, b) })
}

/// `a - b` / `a.difference(b)`: a new set.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_difference(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::difference(a, b) })
}

/// `a ^ b` / `a.symmetric_difference(b)`: a new set.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_symmetric_difference(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::symmetric_difference(a, b) })
}

/// `a |= b` / `a.update(b)`.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::update(a, b) })
}

/// `a &= b` / `a.intersection_update(b)`.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_intersection_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::intersection_update(a, b) })
}

/// `a -= b` / `a.difference_update(b)`.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_difference_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::difference_update(a, b) })
}

/// `a ^= b` / `a.symmetric_difference_update(b)`.
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_symmetric_difference_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::symmetric_difference_update(a, b) })
}

/// `a <= b` / `a.issubset(b)` (1 or 0; `a >= b` is `issubset(b, a)`, `a < b` adds
/// `len(a) < len(b)`).
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_issubset(a: *const KSet, b: *const KSet) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::issubset(a, b) as u8 })
}

/// `a == b` (1 or 0).
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_eq(a: *const KSet, b: *const KSet) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::eq(a, b) as u8 })
}

/// `a.isdisjoint(b)` (1 or 0).
///
/// # Safety
/// See [`kiln_rt_set_union`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_set_isdisjoint(a: *const KSet, b: *const KSet) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { set::isdisjoint(a, b) as u8 })
}

// ----- end hashing / dict / set -----

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

/// `sys.exit(code)` in the shape of a raising runtime function: raises `SystemExit(code)` and
/// returns status 1 (`out` is never written).
#[no_mangle]
pub extern "C" fn kiln_rt_sys_exit(code: i64, _out: *mut i64) -> u8 {
    kiln_rt_raise_system_exit(code);
    1
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
/// [`kiln_rt_exc_matches`], and the name reports show (`mod.E` for a class of module `mod`).
/// Process-wide; call once per class before it can be raised.
///
/// # Safety
/// All three are valid strings.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_register_class(name: *const KStr, parent: *const KStr, shown: *const KStr) {
    fatal(|| {
        // SAFETY: caller contract.
        let (n, p, s) = unsafe { (strings::text(name), strings::text(parent), strings::text(shown)) };
        exceptions::register_class(&n, &p);
        if s != n {
            exceptions::register_shown_name(&n, &s);
        }
    })
}

/// Raise an instance of a user exception class: `type_name` is the instance's class, `msg`
/// its `str()`, `object` the instance (what `except E as e` gives back), `args` its `args`
/// (a tagged `list[str]`, see `exceptions::KExc`).
///
/// # Safety
/// `type_name` and `msg` are valid strings; `object` and `args` are collected allocations.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_raise_object(
    type_name: *const KStr,
    msg: *const KStr,
    object: *mut u8,
    args: *mut crate::lists::KList,
) {
    fatal(|| {
        // SAFETY: caller contract.
        let (kind, msg) = unsafe { (strings::text(type_name), strings::text(msg)) };
        exceptions::raise_object(&kind, &msg, object, args);
    })
}

/// A new exception that is not raised yet (`ValueError("x")` as a value), in the form of a
/// caught one: class `type_name`, `str()` `msg` (null when made without arguments), `args` a
/// tagged `list[str]` (see `exceptions::KExc`), `object` the instance of a user exception
/// class it is (or null).
///
/// # Safety
/// `type_name` is a valid string, `msg` a valid string or null, `args` a list.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_new(
    type_name: *const KStr,
    msg: *const KStr,
    args: *mut crate::lists::KList,
    object: *mut u8,
) -> *mut exceptions::KExc {
    fatal(|| {
        // SAFETY: caller contract.
        let kind = unsafe { strings::text(type_name) };
        let msg = (!msg.is_null()).then(|| unsafe { strings::text(msg) });
        let exc = exceptions::new_exception(&kind, msg.as_deref(), args);
        // SAFETY: a fresh record.
        unsafe { (*exc).object = object };
        exc
    })
}

/// `e.args` of a caught exception, as a tagged `list[str]` (see `exceptions::KExc`).
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`] or [`kiln_rt_exc_new`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_caught_args(exc: *const exceptions::KExc) -> *mut crate::lists::KList {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::caught_args(exc) })
}

/// `e.__context__` (null: None).
///
/// # Safety
/// `exc` is null or came from [`kiln_rt_exc_catch`] or [`kiln_rt_exc_new`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_context(exc: *const exceptions::KExc) -> *mut exceptions::KExc {
    // SAFETY: caller contract.
    unsafe { exceptions::caught_context(exc) }
}

/// `e.__cause__` (null: None).
///
/// # Safety
/// As [`kiln_rt_exc_context`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_cause(exc: *const exceptions::KExc) -> *mut exceptions::KExc {
    // SAFETY: caller contract.
    unsafe { exceptions::caught_cause(exc) }
}

/// `e.__suppress_context__`.
///
/// # Safety
/// As [`kiln_rt_exc_context`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_suppress_context(exc: *const exceptions::KExc) -> u8 {
    // SAFETY: caller contract.
    unsafe { exceptions::caught_suppress_context(exc) as u8 }
}

/// A handler for `exc` starts running: exceptions raised until the matching
/// [`kiln_rt_exc_handling_exit`] get it as their `__context__`.
#[no_mangle]
pub extern "C" fn kiln_rt_exc_handling_enter(exc: *mut exceptions::KExc) {
    fatal(|| exceptions::handling_enter(exc))
}

/// The innermost running handler is left.
#[no_mangle]
pub extern "C" fn kiln_rt_exc_handling_exit() {
    exceptions::handling_exit()
}

/// `raise ... from cause` (null: `from None`), just before the raise.
#[no_mangle]
pub extern "C" fn kiln_rt_exc_set_cause(cause: *mut exceptions::KExc) {
    exceptions::set_next_cause(cause)
}

/// Just before a NameError raised by reading a name that is not bound: the report's
/// "Did you mean" name, chosen among `locals` (the frame's local variable names) and
/// `globals` (the names of its module bound now; `main`: the program's main module), each a
/// list of names ending in newlines, and the builtins (see `suggestions.rs`).
///
/// # Safety
/// The three strings are valid.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_name_error_hint(
    name: *const KStr,
    locals: *const KStr,
    globals: *const KStr,
    main: u8,
) {
    // SAFETY: caller contract.
    let (name, locals, globals) = unsafe { (strings::text(name), strings::text(locals), strings::text(globals)) };
    let locals: Vec<&str> = locals.lines().collect();
    let globals: Vec<&str> = globals.lines().collect();
    exceptions::set_next_hint(crate::suggestions::name_error(&name, &locals, &globals, main != 0));
}

/// `except`: takes the pending exception (with its traceback so far) into a caught-exception
/// record, and clears it. Null when nothing is pending.
#[no_mangle]
pub extern "C" fn kiln_rt_exc_catch() -> *mut exceptions::KExc {
    fatal(exceptions::catch)
}

/// Bare `raise` in an `except`: makes a caught exception pending again.
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`] on this thread.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_rethrow(exc: *const exceptions::KExc) {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::rethrow(exc) })
}

/// `raise e` of an exception value (caught earlier or made with `ValueError(...)`).
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`] or [`kiln_rt_exc_new`] on this thread.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_raise_value(exc: *const exceptions::KExc) {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::raise_value(exc) })
}

/// 1 when a caught exception is an instance of class `type_name` (see
/// [`kiln_rt_exc_matches`]).
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`]; `type_name` is a valid string.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_caught_matches(exc: *const exceptions::KExc, type_name: *const KStr) -> u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::caught_matches(exc, &strings::text(type_name)) as u8 })
}

/// `str(e)` of a caught exception.
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_caught_message(exc: *const exceptions::KExc) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::caught_message(exc) })
}

/// `type(e).__name__` of a caught exception.
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_caught_name(exc: *const exceptions::KExc) -> *const KStr {
    // SAFETY: caller contract.
    fatal(|| unsafe { exceptions::caught_name(exc) })
}

/// The instance a caught exception was raised with (null when raised by class name).
///
/// # Safety
/// `exc` came from [`kiln_rt_exc_catch`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_exc_caught_object(exc: *const exceptions::KExc) -> *mut u8 {
    // SAFETY: caller contract.
    fatal(|| unsafe { (*exc).object })
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

// ----- numbers / random / files -----
//
// `round()`, three-argument `pow()`, more of `math`, the `random` module and text files
// (`numbers.rs`, `random.rs`, `files.rs`).

use crate::files::{self, KFile};
use crate::numbers;
use crate::random;

/// `round(x, ndigits)` for a float: CPython's correctly rounded decimal rounding (half-even
/// on the exact binary value; negative `ndigits` allowed; NaN and infinities pass through).
/// Raises `OverflowError: rounded value too large to represent` (e.g.
/// `round(1.7976931348623157e308, -308)`).
///
/// # Safety
/// `out` is valid for a write (this applies to every function below with an `out`).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_float_round(x: f64, ndigits: i64, out: *mut f64) -> u8 {
    status(out, || numbers::float_round(x, ndigits))
}

/// `round(x)` for a float: an int, halfway cases to even. Raises `ValueError: cannot
/// convert float NaN to integer`, `OverflowError: cannot convert float infinity to
/// integer`, and kiln's `OverflowError: integer overflow: result does not fit in 64 bits`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_float_round_int(x: f64, out: *mut i64) -> u8 {
    status(out, || numbers::float_round_int(x))
}

/// `round(i, ndigits)` for an int: `i` for `ndigits >= 0`, else rounded half-even to a
/// multiple of `10**-ndigits` (`round(25, -1) == 20`); kiln's OverflowError beyond 64 bits.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_int_round(i: i64, ndigits: i64, out: *mut i64) -> u8 {
    status(out, || numbers::int_round(i, ndigits))
}

/// `pow(base, exp, modulus)` for ints; a negative `exp` uses the modular inverse. The
/// result has the sign of `modulus`. Raises `ValueError: pow() 3rd argument cannot be 0`
/// and `ValueError: base is not invertible for the given modulus`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_int_pow_mod(base: i64, exp: i64, modulus: i64, out: *mut i64) -> u8 {
    status(out, || numbers::int_pow_mod(base, exp, modulus))
}

/// `math.fsum(xs)` for a list of floats (CPython's algorithm): `OverflowError: intermediate
/// overflow in fsum`, `ValueError: -inf + inf in fsum`.
///
/// # Safety
/// `xs` is null (empty) or a valid list of f64; `out` as above.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_fsum(xs: *const KList, out: *mut f64) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let v: &[f64] = unsafe {
            if xs.is_null() || (*xs).len <= 0 || (*xs).data.is_null() {
                &[]
            } else {
                std::slice::from_raw_parts((*xs).data as *const f64, (*xs).len as usize)
            }
        };
        numbers::fsum(v)
    })
}

/// `math.factorial(n)`: `ValueError: factorial() not defined for negative values`; kiln's
/// OverflowError from 21 on.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_factorial(n: i64, out: *mut i64) -> u8 {
    status(out, || numbers::factorial(n))
}

/// `math.gcd(a, b)` (non-negative). Can raise only for `gcd(-2**63, 0)` and
/// `gcd(-2**63, -2**63)`, whose result 2**63 is kiln's OverflowError.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_gcd(a: i64, b: i64, out: *mut i64) -> u8 {
    status(out, || numbers::gcd(a, b))
}

/// `math.lcm(a, b)` (non-negative; 0 if either is 0); kiln's OverflowError beyond 64 bits.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_lcm(a: i64, b: i64, out: *mut i64) -> u8 {
    status(out, || numbers::lcm(a, b))
}

/// `math.comb(n, k)`, exact: `ValueError: n must be a non-negative integer` / `k must be a
/// non-negative integer`; 0 for `k > n`; kiln's OverflowError beyond 64 bits.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_comb(n: i64, k: i64, out: *mut i64) -> u8 {
    status(out, || numbers::comb(n, k))
}

/// `math.perm(n, k)` (`math.perm(n)` is `perm(n, n)`); errors as [`kiln_rt_math_comb`].
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_perm(n: i64, k: i64, out: *mut i64) -> u8 {
    status(out, || numbers::perm(n, k))
}

/// `math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)` (CPython's defaults are 1e-09 and
/// 0.0): 1 or 0. `ValueError: tolerances must be non-negative`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64, out: *mut u8) -> u8 {
    status(out, || numbers::isclose(a, b, rel_tol, abs_tol).map(u8::from))
}

/// `math.trunc(x)` for a float; errors as [`kiln_rt_float_to_int`].
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_trunc(x: f64, out: *mut i64) -> u8 {
    status(out, || math::float_to_int(x))
}

/// `math.copysign(a, b)`.
#[no_mangle]
pub extern "C" fn kiln_rt_math_copysign(a: f64, b: f64) -> f64 {
    fatal(|| a.copysign(b))
}

/// `math.erf(x)` (never raises; status kept for uniformity).
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_erf(x: f64, out: *mut f64) -> u8 {
    status(out, || Ok(numbers::math_erf(x)))
}

/// `math.erfc(x)` (never raises; status kept for uniformity).
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_erfc(x: f64, out: *mut f64) -> u8 {
    status(out, || Ok(numbers::math_erfc(x)))
}

/// `math.gamma(x)` (CPython's Lanczos implementation): `ValueError: math domain error` at
/// 0, negative integers and -inf; `OverflowError: math range error` when too large.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_gamma(x: f64, out: *mut f64) -> u8 {
    status(out, || numbers::gamma(x))
}

/// `math.lgamma(x)`: errors as [`kiln_rt_math_gamma`].
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_lgamma(x: f64, out: *mut f64) -> u8 {
    status(out, || numbers::lgamma(x))
}

/// `math.fmod(x, y)` (sign of `x`; `ValueError: math domain error` for `y == 0` or
/// infinite `x`).
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_fmod(x: f64, y: f64, out: *mut f64) -> u8 {
    status(out, || numbers::math_fmod(x, y))
}

/// `math.modf(x)`: writes the fractional part to `frac_out` and the integral part to
/// `int_out` (the tuple `(frac, int)`; both carry the sign of `x`). Never raises.
///
/// # Safety
/// Both pointers are valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_modf(x: f64, frac_out: *mut f64, int_out: *mut f64) {
    fatal(|| {
        let (f, i) = numbers::modf(x);
        // SAFETY: caller contract.
        unsafe {
            frac_out.write(f);
            int_out.write(i);
        }
    })
}

/// `math.frexp(x)`: returns the mantissa `m` and writes the exponent `e` to `exp_out`
/// (`x == m * 2**e`, `0.5 <= |m| < 1`; `(x, 0)` for zeros, infinities and NaN).
///
/// # Safety
/// `exp_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_frexp(x: f64, exp_out: *mut i64) -> f64 {
    fatal(|| {
        let (m, e) = numbers::frexp(x);
        // SAFETY: caller contract.
        unsafe { exp_out.write(e) };
        m
    })
}

/// `math.ldexp(x, i)`: `OverflowError: math range error` on overflow.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_ldexp(x: f64, i: i64, out: *mut f64) -> u8 {
    status(out, || numbers::ldexp(x, i))
}

/// `math.isqrt(n)`: `ValueError: isqrt() argument must be nonnegative`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_math_isqrt(n: i64, out: *mut i64) -> u8 {
    status(out, || numbers::isqrt(n))
}

// The `random` module: one process-wide Mersenne Twister, bit-identical to CPython 3.11's
// for the same seed and the same sequence of calls. Seeded from OS entropy until
// `kiln_rt_random_seed` is called.

/// `random.seed(n)` for an int (all 64 bits used, as CPython; the sign is ignored). Also
/// resets `gauss`'s cached second value.
#[no_mangle]
pub extern "C" fn kiln_rt_random_seed(seed: i64) {
    fatal(|| random::seed(seed))
}

/// `random.seed()` / `random.seed(None)`: reseed from OS entropy.
#[no_mangle]
pub extern "C" fn kiln_rt_random_seed_entropy() {
    fatal(|| random::with_generator(|g| g.seed_entropy()))
}

/// `random.random()`: a float in [0, 1).
#[no_mangle]
pub extern "C" fn kiln_rt_random_random() -> f64 {
    fatal(|| random::with_generator(|g| g.random()))
}

/// `random.getrandbits(k)` for `0 <= k <= 63`: `ValueError: number of bits must be
/// non-negative`; kiln's OverflowError for `k > 63` (the result may not fit in 64 bits).
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_getrandbits(k: i64, out: *mut i64) -> u8 {
    status(out, || random::getrandbits(k))
}

/// `random._randbelow(n)`: a uniform int in `[0, n)` for `n >= 1` (0 for `n <= 0`).
#[no_mangle]
pub extern "C" fn kiln_rt_random_randbelow(n: i64) -> i64 {
    fatal(|| if n <= 0 { 0 } else { random::with_generator(|g| g.randbelow(n as u64)) as i64 })
}

/// `random.randrange(...)`. `nargs` is the number of arguments the program passed:
/// 1 = `randrange(stop)` (the value in `start`; `stop` and `step` ignored), 2 =
/// `randrange(start, stop)` (`step` ignored), 3 = `randrange(start, stop, step)`. Raises
/// CPython's `ValueError`s: `empty range for randrange()`, `empty range for randrange()
/// (5, 5, 0)` (start, stop, width), `zero step for randrange()`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_randrange(start: i64, stop: i64, step: i64, nargs: i64, out: *mut i64) -> u8 {
    status(out, || random::randrange(start, stop, step, nargs))
}

/// `random.randint(a, b)`: `randrange(a, b + 1)` with its errors.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_randint(a: i64, b: i64, out: *mut i64) -> u8 {
    status(out, || random::randint(a, b))
}

/// `random.uniform(a, b)`.
#[no_mangle]
pub extern "C" fn kiln_rt_random_uniform(a: f64, b: f64) -> f64 {
    fatal(|| random::with_generator(|g| a + (b - a) * g.random()))
}

/// `random.gauss(mu, sigma)` (`random.py`'s Box-Muller with the cached second value).
#[no_mangle]
pub extern "C" fn kiln_rt_random_gauss(mu: f64, sigma: f64) -> f64 {
    fatal(|| random::with_generator(|g| g.gauss(mu, sigma)))
}

/// `random.normalvariate(mu, sigma)`.
#[no_mangle]
pub extern "C" fn kiln_rt_random_normalvariate(mu: f64, sigma: f64) -> f64 {
    fatal(|| random::with_generator(|g| g.normalvariate(mu, sigma)))
}

/// `random.expovariate(lambd)`: `ZeroDivisionError: float division by zero` for 0.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_expovariate(lambd: f64, out: *mut f64) -> u8 {
    status(out, || random::with_generator(|g| g.expovariate(lambd)))
}

/// `random.triangular(low, high, mode)`; `has_mode` 0 means `mode=None` (the midpoint).
#[no_mangle]
pub extern "C" fn kiln_rt_random_triangular(low: f64, high: f64, mode: f64, has_mode: u8) -> f64 {
    fatal(|| random::with_generator(|g| g.triangular(low, high, (has_mode != 0).then_some(mode))))
}

/// `random.shuffle(list)` in place (elements of `elem_size` bytes).
///
/// # Safety
/// `list` is null or a valid list of `elem_size`-byte elements.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_shuffle(list: *mut KList, elem_size: i64) {
    // SAFETY: caller contract.
    fatal(|| unsafe { random::shuffle(list, elem_size) })
}

/// `random.choice(seq)`: the index of the element to pick from a sequence of `len` items.
/// `IndexError: Cannot choose from an empty sequence`.
///
/// # Safety
/// See [`kiln_rt_float_round`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_choice_index(len: i64, out: *mut i64) -> u8 {
    status(out, || random::choice_index(len))
}

/// `random.sample(list, k)`: a new list of `k` elements in selection order (random.py's
/// algorithm: the pool or the selected-set variant by its size heuristic). `ValueError:
/// Sample larger than population or is negative`.
///
/// # Safety
/// `list` is null (empty) or a valid list of `elem_size`-byte elements with the given
/// pointer-ness; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_random_sample(
    list: *const KList,
    elem_size: i64,
    elem_has_ptrs: u8,
    k: i64,
    out: *mut *mut KList,
) -> u8 {
    // SAFETY: caller contract.
    status(out, || unsafe { random::sample(list, elem_size, elem_has_ptrs != 0, k) })
}

// Text files. A file object is a `*mut KFile`: 16 bytes of GC memory without pointers
// (offset 0: i64 id into the runtime's table of open files). UTF-8, CPython's default
// newline handling (`\r\n` and `\r` read as `\n`). Operations on a closed file raise
// `ValueError: I/O operation on closed file.`; reading a file not opened for reading
// raises `io.UnsupportedOperation: not readable` (kind `UnsupportedOperation`, a subclass
// of `OSError` here), writing one not opened for writing `...: not writable`. Written text
// is buffered and reaches the OS on `close`, `flush`, past 8 KiB, and when `kiln_rt_main`
// finishes (every still-open file is flushed then).

/// `open(path, mode)` (text modes `r w a x` with optional `+` and `t`). Raises
/// `FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'`, `IsADirectoryError`,
/// `PermissionError`, `FileExistsError` (mode `x`) and the other `OSError`s by errno;
/// `ValueError: invalid mode: 'q'` and CPython's other mode errors; kiln's `ValueError:
/// kiln: binary file mode 'rb' is not supported`.
///
/// # Safety
/// `path` and `mode` are valid strings (null = empty); `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_open(path: *const KStr, mode: *const KStr, out: *mut *mut KFile) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let (p, m) = unsafe { (strings::text(path), strings::text(mode)) };
        files::open(&p, &m)
    })
}

/// `f.readline()`: the next line including its `\n`; "" at end of file.
///
/// # Safety
/// `f` is a handle from [`kiln_rt_file_open`] (or null: closed); `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_readline(f: *mut KFile, out: *mut *const KStr) -> u8 {
    // SAFETY: caller contract.
    status_str(out, || unsafe { files::readline(f) })
}

/// `f.read()`: the rest of the file.
///
/// # Safety
/// As [`kiln_rt_file_readline`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_read(f: *mut KFile, out: *mut *const KStr) -> u8 {
    // SAFETY: caller contract.
    status_str(out, || unsafe { files::read(f) })
}

/// `f.readlines()`: a new list of str (pointer elements) holding the remaining lines.
///
/// # Safety
/// As [`kiln_rt_file_readline`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_readlines(f: *mut KFile, out: *mut *mut KList) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let lines = unsafe { files::readlines(f) }?;
        let list = lists::new(8, 0, true);
        for l in &lines {
            // Each string goes into the (scanned) list right after it is made.
            let s = strings::new_str(l);
            // SAFETY: `list` is a valid list of pointers.
            unsafe { (lists::append_slot(list, 8, true) as *mut *const KStr).write(s) };
        }
        Ok(list)
    })
}

/// `f.write(s)`: writes `*out` = the number of characters (code points) written.
///
/// # Safety
/// As [`kiln_rt_file_readline`]; `s` is a valid string or null.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_write(f: *mut KFile, s: *const KStr, out: *mut i64) -> u8 {
    status(out, || {
        // SAFETY: caller contract.
        let (t, n) = unsafe { (strings::text(s), strings::nchars(s)) };
        // SAFETY: caller contract.
        unsafe { files::write(f, &t) }.map(|()| n)
    })
}

/// `f.flush()`: hand the buffered text to the OS.
///
/// # Safety
/// As [`kiln_rt_file_readline`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_flush(f: *mut KFile) -> u8 {
    // SAFETY: caller contract.
    status(std::ptr::null_mut::<()>(), || unsafe { files::flush(f) })
}

/// `f.close()` (closing a closed file does nothing). Write errors surface here.
///
/// # Safety
/// As [`kiln_rt_file_readline`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_file_close(f: *mut KFile) -> u8 {
    // SAFETY: caller contract.
    status(std::ptr::null_mut::<()>(), || unsafe { files::close(f) })
}

/// `input(prompt)` (`prompt` null = no prompt): writes the prompt to stdout, flushes it,
/// and reads a line from standard input without its `\n`. `EOFError: EOF when reading a
/// line` at end of input.
///
/// # Safety
/// `prompt` is a valid string or null; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_input(prompt: *const KStr, out: *mut *const KStr) -> u8 {
    status_str(out, || {
        // SAFETY: caller contract.
        let p = (!prompt.is_null()).then(|| unsafe { strings::text(prompt) });
        files::input(p.as_deref())
    })
}

// ----- end numbers / random / files -----
