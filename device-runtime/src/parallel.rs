//! Parallel `for` loops (`@par for i in range(n)`), behind `kiln_rt_par_for`.
//!
//! Compiled code outlines the loop body into a function
//! `body(env, lo, hi, partials) -> u8` ([`ParBody`]) that runs iterations `lo..hi` in
//! order, writes the reduction partials of that range to `partials` and returns 0, or
//! returns 1 at the first iteration that raised (the exception pending on the thread that
//! ran it, its traceback entries pushed). [`par_for`] runs the iterations `0..count` with
//! it. What a program can rely on:
//!
//! 1. **Deterministic partition.** The iterations are cut into chunks of `chunk`
//!    consecutive iterations (the last one shorter): `chunk = chunk_size` when non-zero,
//!    else `max(1, ceil(count / 1024))` ([`chunk_len`]). It depends only on `count` and
//!    `chunk_size`, never on the thread count or the schedule. Chunk `c` covers
//!    `[c*chunk, min(count, (c+1)*chunk))` and writes its partials at
//!    `buffer + c*partial_bytes`; compiled code combines them in chunk order afterwards, so
//!    a reduction gives the same bits for every thread count and schedule.
//! 2. **Schedules** only decide which worker runs which chunks: *static* gives each of the
//!    `T` workers one contiguous group of chunks (group sizes differ by at most one, the
//!    larger groups first); *dynamic* lets workers take the next single chunk from a
//!    shared counter; *guided* lets them take batches of
//!    `max(1, remaining_chunks / (2*T))` consecutive chunks. A worker runs its chunks in
//!    increasing order.
//! 3. **Thread count** `T`: the loop's `num_threads` when positive; else the process
//!    default set with [`set_default_threads`] (`kiln --threads N`, built executables);
//!    else `KILN_NUM_THREADS` when it is a positive integer (read once; another value is
//!    reported once on stderr and ignored); else `std::thread::available_parallelism()`.
//!    `T` is then capped at the number of chunks (and at [`MAX_THREADS`]). With `T == 1`,
//!    and for a loop started inside a parallel loop's body (nested loops), all chunks run
//!    in order on the calling thread.
//! 4. **Workers** are threads of a pool cached per thread count (named `kiln-worker-N`,
//!    64 MiB stacks, registered with the collector, with their own stack limit for
//!    `RecursionError`). The calling thread waits for the loop; it runs no chunk itself.
//!    If a pool cannot be created, the loop runs on the calling thread.
//! 5. **Exceptions.** The loop raises the exception of the lowest-numbered chunk that
//!    raised, which is the first exception in iteration order (a chunk stops at its first
//!    raising iteration). Once a chunk has failed, workers skip the chunks after it, but
//!    every chunk before it still runs (one of those may raise first). The exception
//!    (with its traceback entries) is moved to the calling thread. On the calling-thread
//!    path the loop simply stops at the first raising chunk. Iterations after the first
//!    raising one may or may not have run, as in any parallel loop.
//! 6. **Recursion.** While a loop runs on workers, the process-wide fast stack check of
//!    compiled code always fails, so every check takes the slow path
//!    (`kiln_rt_stack_check`), which compares against the current thread's own limit
//!    (see [`crate::entry::ParallelRegion`]).
//!
//! The body may run on any worker thread with the same `env`; chunks write disjoint
//! partials. Partials live in a zeroed, unscanned (atomic) GC buffer: they are numbers.

use std::cell::Cell;
use std::collections::HashMap;
use std::ffi::OsStr;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::entry;
use crate::exceptions::{self, Saved};
use crate::gc;
use crate::io;

/// The outlined body of a parallel loop: runs iterations `lo..hi` (0-based iteration
/// numbers, `hi` exclusive) in order; returns 0 after writing the range's reduction
/// partials to `partials` (`partial_bytes` bytes; null when the loop has none), or 1 when
/// an iteration raised (the exception pending on the calling thread).
pub type ParBody = extern "C" fn(env: *mut u8, lo: i64, hi: i64, partials: *mut u8) -> u8;

/// With the default chunk size a loop has at most this many chunks.
pub const DEFAULT_MAX_CHUNKS: i64 = 1024;
/// Stack size of worker threads (recursive code in loop bodies).
pub const WORKER_STACK_SIZE: usize = 64 * 1024 * 1024;
/// Upper bound on the thread count, whatever was asked for: a mistyped `KILN_NUM_THREADS`
/// must not try to create millions of threads. It changes which worker runs which chunk,
/// never a result.
pub const MAX_THREADS: usize = 1024;

/// Which worker runs which chunks (`schedule` argument of `kiln_rt_par_for`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    Static,
    Dynamic,
    Guided,
}

impl Schedule {
    /// 0 static, 1 dynamic, 2 guided; any other code reads as static.
    pub fn from_code(code: i64) -> Schedule {
        match code {
            1 => Schedule::Dynamic,
            2 => Schedule::Guided,
            _ => Schedule::Static,
        }
    }
}

/// Iterations per chunk: `chunk_size` when positive, else `max(1, ceil(count / 1024))`.
pub fn chunk_len(count: i64, chunk_size: i64) -> i64 {
    if chunk_size > 0 {
        chunk_size
    } else if count <= 0 {
        1
    } else {
        ((count - 1) / DEFAULT_MAX_CHUNKS + 1).max(1)
    }
}

/// Number of chunks of `chunk` iterations covering `count` iterations (0 when `count <= 0`).
pub fn num_chunks(count: i64, chunk: i64) -> i64 {
    if count <= 0 {
        0
    } else {
        (count - 1) / chunk.max(1) + 1
    }
}

/// The chunks `[start, end)` of worker `w` of `t` under the static schedule: contiguous
/// groups whose sizes differ by at most one, the larger first.
pub fn static_group(nchunks: usize, t: usize, w: usize) -> (usize, usize) {
    let base = nchunks / t;
    let rem = nchunks % t;
    let start = w * base + w.min(rem);
    let len = base + usize::from(w < rem);
    (start, start + len)
}

// ---------------------------------------------------------------------------------------
// Thread count
// ---------------------------------------------------------------------------------------

static DEFAULT_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Set the process default thread count (`kiln --threads N`); 0 forgets a previous
/// setting (back to `KILN_NUM_THREADS` / the machine's parallelism).
pub fn set_default_threads(n: usize) {
    DEFAULT_THREADS.store(n, Ordering::Relaxed);
}

/// The `KILN_NUM_THREADS` rule: a positive decimal integer, else None.
pub fn parse_num_threads(value: &OsStr) -> Option<usize> {
    value.to_str()?.parse::<usize>().ok().filter(|&n| n > 0)
}

/// The warning printed (once) for a `KILN_NUM_THREADS` value that is not a positive
/// integer.
pub fn num_threads_warning(value: &OsStr) -> String {
    format!("kiln: ignoring KILN_NUM_THREADS='{}': not a positive integer\n", value.to_string_lossy())
}

fn env_threads() -> Option<usize> {
    static ENV: OnceLock<Option<usize>> = OnceLock::new();
    *ENV.get_or_init(|| {
        let value = std::env::var_os("KILN_NUM_THREADS")?;
        let n = parse_num_threads(&value);
        if n.is_none() {
            io::write_stderr(num_threads_warning(&value).as_bytes());
        }
        n
    })
}

/// The thread count of a loop that does not name one (rule 3 of the module doc, before
/// the cap at the number of chunks).
pub fn default_threads() -> usize {
    let n = DEFAULT_THREADS.load(Ordering::Relaxed);
    if n > 0 {
        return n;
    }
    if let Some(n) = env_threads() {
        return n;
    }
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

// ---------------------------------------------------------------------------------------
// Workers
// ---------------------------------------------------------------------------------------

thread_local! {
    /// Is this thread a parallel-loop worker? (A loop started here runs sequentially.)
    static IS_WORKER: Cell<bool> = const { Cell::new(false) };
    /// Did this worker register itself with the collector (undo it at exit)?
    static GC_REGISTERED: Cell<bool> = const { Cell::new(false) };
}

/// Is the current thread a parallel-loop worker?
pub fn on_worker_thread() -> bool {
    IS_WORKER.try_with(Cell::get).unwrap_or(false)
}

fn worker_start() {
    IS_WORKER.with(|w| w.set(true));
    GC_REGISTERED.with(|r| r.set(gc::register_current_thread()));
    entry::set_thread_stack_limit();
}

fn worker_exit() {
    if GC_REGISTERED.try_with(Cell::get).unwrap_or(false) {
        gc::unregister_current_thread();
    }
}

/// The pool of `threads` workers, created on first use and kept for the process (None,
/// also remembered, when it could not be created).
fn pool(threads: usize) -> Option<Arc<ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Option<Arc<ThreadPool>>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(|| Mutex::new(HashMap::new())).lock().unwrap_or_else(|e| e.into_inner());
    pools
        .entry(threads)
        .or_insert_with(|| {
            // The start handler registers workers with the collector.
            gc::init();
            ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("kiln-worker-{i}"))
                .stack_size(WORKER_STACK_SIZE)
                .start_handler(|_| worker_start())
                .exit_handler(|_| worker_exit())
                .build()
                .ok()
                .map(Arc::new)
        })
        .clone()
}

// ---------------------------------------------------------------------------------------
// Running a loop
// ---------------------------------------------------------------------------------------

/// One `kiln_rt_par_for` call.
#[derive(Clone, Copy, Debug)]
pub struct ParLoop {
    pub body: ParBody,
    pub env: *mut u8,
    /// Number of iterations (`<= 0`: nothing to do).
    pub count: i64,
    /// Iterations per chunk; `<= 0`: the default ([`chunk_len`]).
    pub chunk_size: i64,
    pub schedule: Schedule,
    /// 0: [`default_threads`].
    pub num_threads: usize,
    /// Bytes of reduction partials per chunk (0: no reductions).
    pub partial_bytes: usize,
}

/// What a loop left behind: its status (0, or 1 with an exception pending on the calling
/// thread), the partials buffer (`nchunks * partial_bytes` bytes, zeroed before the loop;
/// null without reductions or iterations) and the number of chunks.
#[derive(Clone, Copy, Debug)]
pub struct ParResult {
    pub status: u8,
    pub partials: *mut u8,
    pub nchunks: i64,
}

const NO_EXCEPTION: &str = "kiln: parallel loop body failed without setting an exception";

/// State shared by the workers of one loop.
struct Shared {
    body: ParBody,
    env: *mut u8,
    count: i64,
    chunk: i64,
    nchunks: usize,
    partials: *mut u8,
    partial_bytes: usize,
    threads: usize,
    schedule: Schedule,
    /// Lowest failed chunk so far (`usize::MAX`: none): later chunks are skipped.
    first_failed: AtomicUsize,
    /// The exception of the lowest failed chunk.
    kept: Mutex<Option<(usize, Saved)>>,
    /// Next chunk to hand out (dynamic and guided schedules).
    next: AtomicUsize,
    panicked: AtomicBool,
}

// SAFETY: `env` and `partials` are only passed to `body`, which compiled code emits to run
// on any thread with this `env`; chunks write disjoint `partial_bytes` slots of `partials`,
// which stays alive (on the calling thread's registered stack) until every worker is done.
unsafe impl Sync for Shared {}

impl Shared {
    /// Run chunk `c`; false when it raised (pending on this thread).
    fn run_chunk(&self, c: usize) -> bool {
        let lo = c as i64 * self.chunk;
        let hi = lo.saturating_add(self.chunk).min(self.count);
        let partials = if self.partial_bytes == 0 {
            std::ptr::null_mut()
        } else {
            // SAFETY: c < nchunks: the slot lies within the nchunks*partial_bytes buffer.
            unsafe { self.partials.add(c * self.partial_bytes) }
        };
        (self.body)(self.env, lo, hi, partials) == 0
    }

    /// Run chunk `c` on a worker unless a lower chunk failed; false when this worker
    /// should stop (its later chunks are all higher).
    fn step(&self, c: usize) -> bool {
        if c > self.first_failed.load(Ordering::Acquire) {
            return false;
        }
        if self.run_chunk(c) {
            return true;
        }
        let saved = exceptions::take_pending().unwrap_or_else(|| Saved::new("SystemError", Some(NO_EXCEPTION)));
        {
            let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
            if !matches!(kept.as_ref(), Some((k, _)) if *k < c) {
                *kept = Some((c, saved));
            }
        }
        self.first_failed.fetch_min(c, Ordering::AcqRel);
        false
    }

    /// The work of worker `w` (of `self.threads`).
    fn work(&self, w: usize) {
        let n = self.nchunks;
        match self.schedule {
            Schedule::Static => {
                let (start, end) = static_group(n, self.threads, w);
                for c in start..end {
                    if !self.step(c) {
                        return;
                    }
                }
            }
            Schedule::Dynamic => loop {
                let c = self.next.fetch_add(1, Ordering::Relaxed);
                if c >= n || !self.step(c) {
                    return;
                }
            },
            Schedule::Guided => loop {
                let mut start = self.next.load(Ordering::Relaxed);
                let end = loop {
                    if start >= n {
                        return;
                    }
                    let batch = ((n - start) / (2 * self.threads)).max(1);
                    let end = (start + batch).min(n);
                    match self.next.compare_exchange_weak(start, end, Ordering::Relaxed, Ordering::Relaxed) {
                        Ok(_) => break end,
                        Err(now) => start = now,
                    }
                };
                for c in start..end {
                    if !self.step(c) {
                        return;
                    }
                }
            },
        }
    }
}

/// Run a parallel loop (see the module doc). Initialises the collector. A runtime panic
/// is not caught here (the ABI wrapper turns it into `SystemError`), except on workers.
///
/// # Safety
/// `body` may be called with `env` on any thread, concurrently; the calling thread is
/// registered with the collector (it holds the partials buffer).
pub unsafe fn par_for(l: &ParLoop) -> ParResult {
    let empty = ParResult { status: 0, partials: std::ptr::null_mut(), nchunks: 0 };
    if l.count <= 0 {
        return empty;
    }
    gc::init();
    let chunk = chunk_len(l.count, l.chunk_size);
    let nchunks = num_chunks(l.count, chunk) as usize;
    let partials = if l.partial_bytes == 0 {
        std::ptr::null_mut()
    } else {
        match nchunks.checked_mul(l.partial_bytes).filter(|&b| b <= isize::MAX as usize) {
            Some(bytes) => gc::alloc_atomic(bytes),
            None => {
                exceptions::raise("MemoryError", None);
                return ParResult { status: 1, ..empty };
            }
        }
    };
    let requested = if l.num_threads > 0 { l.num_threads } else { default_threads() };
    let requested = requested.min(MAX_THREADS);
    let threads = requested.min(nchunks);
    let shared = Shared {
        body: l.body,
        env: l.env,
        count: l.count,
        chunk,
        nchunks,
        partials,
        partial_bytes: l.partial_bytes,
        threads,
        schedule: l.schedule,
        first_failed: AtomicUsize::new(usize::MAX),
        kept: Mutex::new(None),
        next: AtomicUsize::new(0),
        panicked: AtomicBool::new(false),
    };
    let result = |status| ParResult { status, partials, nchunks: nchunks as i64 };
    // Pools are keyed by the requested count (not the count capped at nchunks), so small
    // loops reuse the usual pool instead of creating one per size.
    let pool = if threads > 1 && !on_worker_thread() { pool(requested) } else { None };
    let Some(pool) = pool else {
        for c in 0..nchunks {
            if !shared.run_chunk(c) {
                if !exceptions::is_pending() {
                    exceptions::raise("SystemError", Some(NO_EXCEPTION));
                }
                return result(1);
            }
        }
        return result(0);
    };

    let region = entry::ParallelRegion::enter();
    let joined = catch_unwind(AssertUnwindSafe(|| {
        pool.scope(|s| {
            for w in 0..threads {
                let shared = &shared;
                s.spawn(move |_| {
                    if catch_unwind(AssertUnwindSafe(|| shared.work(w))).is_err() {
                        shared.panicked.store(true, Ordering::Relaxed);
                        shared.first_failed.store(0, Ordering::Release);
                    }
                });
            }
        })
    }));
    drop(region);
    if joined.is_err() || shared.panicked.load(Ordering::Relaxed) {
        exceptions::raise("SystemError", Some("kiln runtime internal error"));
        return result(1);
    }
    let kept = shared.kept.into_inner().unwrap_or_else(|e| e.into_inner());
    match kept {
        Some((_, saved)) => {
            exceptions::restore(saved);
            result(1)
        }
        None => result(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition() {
        assert_eq!(chunk_len(0, 0), 1);
        assert_eq!(chunk_len(1, 0), 1);
        assert_eq!(chunk_len(1024, 0), 1);
        assert_eq!(chunk_len(1025, 0), 2);
        assert_eq!(chunk_len(100_000, 0), 98);
        assert_eq!(chunk_len(100_000, 7), 7);
        assert_eq!(chunk_len(i64::MAX, 0), (i64::MAX - 1) / 1024 + 1);
        assert_eq!(num_chunks(0, 1), 0);
        assert_eq!(num_chunks(-5, 1), 0);
        assert_eq!(num_chunks(1025, 2), 513);
        assert_eq!(num_chunks(100_000, 98), 1021);
        assert_eq!(num_chunks(i64::MAX, 1), i64::MAX);
        for n in 0..40 {
            for t in 1..9 {
                let mut next = 0;
                let mut sizes = Vec::new();
                for w in 0..t {
                    let (s, e) = static_group(n, t, w);
                    assert_eq!(s, next);
                    next = e;
                    sizes.push(e - s);
                }
                assert_eq!(next, n);
                assert!(sizes.windows(2).all(|p| p[0] >= p[1] && p[0] - p[1] <= 1));
            }
        }
    }

    #[test]
    fn env_rule() {
        let p = |s: &str| parse_num_threads(OsStr::new(s));
        assert_eq!(p("4"), Some(4));
        assert_eq!(p("1"), Some(1));
        assert_eq!(p("0"), None);
        assert_eq!(p("-2"), None);
        assert_eq!(p(""), None);
        assert_eq!(p(" 4"), None);
        assert_eq!(p("four"), None);
        assert_eq!(p("99999999999999999999999"), None);
        assert_eq!(
            num_threads_warning(OsStr::new("x y")),
            "kiln: ignoring KILN_NUM_THREADS='x y': not a positive integer\n"
        );
        assert_eq!(Schedule::from_code(0), Schedule::Static);
        assert_eq!(Schedule::from_code(1), Schedule::Dynamic);
        assert_eq!(Schedule::from_code(2), Schedule::Guided);
    }
}
