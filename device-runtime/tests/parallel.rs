//! `kiln_rt_par_for`: every iteration runs exactly once, the chunking and the combined
//! reduction partials do not depend on the thread count or the schedule, the first
//! exception in iteration order is the one propagated, nested loops run inline, workers
//! are registered with the collector and have their own stack limit, and the thread-count
//! rules (`KILN_NUM_THREADS`, `kiln_rt_set_default_threads`).
//!
//! The bodies are `extern "C"` functions written in Rust, doing what the outlined body of a
//! compiled `@par for` does.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread::ThreadId;

use kiln_runtime::abi::{self, kiln_rt_stack_limit};
use kiln_runtime::parallel::{self, ParBody};
use kiln_runtime::{entry, exceptions, gc, strings, KStr};

/// The tests look at the process-wide stack limit: run them one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

struct Run {
    status: u8,
    partials: *mut u8,
    nchunks: i64,
}

#[allow(clippy::too_many_arguments)]
fn par_for<E>(body: ParBody, env: &E, count: i64, chunk: i64, schedule: i64, threads: i64, pbytes: i64) -> Run {
    let mut sentinel = 0u8;
    let mut partials: *mut u8 = &mut sentinel; // always overwritten
    let mut nchunks = -1;
    // SAFETY: the bodies below are thread-safe for their envs; valid out-pointers.
    let status = unsafe {
        abi::kiln_rt_par_for(
            body,
            env as *const E as *mut u8,
            count,
            chunk,
            schedule,
            threads,
            pbytes,
            &mut partials,
            &mut nchunks,
        )
    };
    Run { status, partials, nchunks }
}

fn expected_ranges(count: i64, chunk_size: i64) -> Vec<(i64, i64)> {
    let chunk = if chunk_size > 0 { chunk_size } else { ((count + 1023) / 1024).max(1) };
    (0..count.max(0)).step_by(chunk as usize).map(|lo| (lo, (lo + chunk).min(count))).collect()
}

fn on_worker_named() -> bool {
    std::thread::current().name().is_some_and(|n| n.starts_with("kiln-worker-"))
}

// ---- coverage, partition, reductions ---------------------------------------------------

struct Cover {
    hits: Vec<AtomicU32>,
    ranges: Mutex<Vec<(i64, i64)>>,
    caller: ThreadId,
    on_caller: AtomicUsize,
    on_worker: AtomicUsize,
}

/// Counts every iteration; partials: (sum of i as i64, sum of 1/(i+1) as f64).
extern "C" fn cover_body(env: *mut u8, lo: i64, hi: i64, partials: *mut u8) -> u8 {
    // SAFETY: `env` is a `Cover`.
    let e = unsafe { &*(env as *const Cover) };
    let (mut sum, mut harm) = (0i64, 0f64);
    for i in lo..hi {
        e.hits[i as usize].fetch_add(1, Ordering::Relaxed);
        sum += i;
        harm += 1.0 / (i + 1) as f64;
    }
    e.ranges.lock().unwrap().push((lo, hi));
    if std::thread::current().id() == e.caller {
        e.on_caller.fetch_add(1, Ordering::Relaxed);
    } else if on_worker_named() {
        e.on_worker.fetch_add(1, Ordering::Relaxed);
    }
    if !partials.is_null() {
        // SAFETY: 16 bytes of partials for this chunk, 16-byte aligned buffer.
        unsafe {
            (partials as *mut i64).write(sum);
            (partials.add(8) as *mut f64).write(harm);
        }
    }
    0
}

#[test]
fn every_iteration_once_same_chunks_same_bits() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    let mut runs = 0;
    for &count in &[0i64, 1, 5, 1023, 1024, 1025, 100_000] {
        for &chunk_size in &[0i64, 1, 7, 1000] {
            let want_ranges = expected_ranges(count, chunk_size);
            let nchunks = want_ranges.len() as i64;
            // The sequential result, chunk by chunk, combined in chunk order.
            let (mut want_sum, mut want_harm) = (0i64, 0f64);
            for &(lo, hi) in &want_ranges {
                let mut h = 0f64;
                for i in lo..hi {
                    h += 1.0 / (i + 1) as f64;
                }
                want_sum += (lo..hi).sum::<i64>();
                want_harm += h;
            }
            for schedule in 0..3 {
                for threads in 1..=4 {
                    for pbytes in [0i64, 16] {
                        let env = Cover {
                            hits: (0..count).map(|_| AtomicU32::new(0)).collect(),
                            ranges: Mutex::new(Vec::new()),
                            caller: std::thread::current().id(),
                            on_caller: AtomicUsize::new(0),
                            on_worker: AtomicUsize::new(0),
                        };
                        let what = format!("count={count} chunk={chunk_size} sched={schedule} T={threads} pb={pbytes}");
                        let r = par_for(cover_body, &env, count, chunk_size, schedule, threads, pbytes);
                        runs += 1;
                        assert_eq!(r.status, 0, "{what}");
                        assert_eq!(r.nchunks, nchunks, "{what}");
                        assert!(env.hits.iter().all(|h| h.load(Ordering::Relaxed) == 1), "{what}");
                        let mut ranges = env.ranges.into_inner().unwrap();
                        ranges.sort();
                        assert_eq!(ranges, want_ranges, "{what}");
                        let calls = nchunks as usize;
                        if threads.min(nchunks) > 1 {
                            assert_eq!(env.on_worker.load(Ordering::Relaxed), calls, "{what}: not on workers");
                        } else {
                            assert_eq!(env.on_caller.load(Ordering::Relaxed), calls, "{what}: not on the caller");
                        }
                        if pbytes == 0 || count == 0 {
                            assert!(r.partials.is_null(), "{what}");
                            continue;
                        }
                        let (mut sum, mut harm) = (0i64, 0f64);
                        for c in 0..nchunks as usize {
                            // SAFETY: nchunks * 16 bytes.
                            unsafe {
                                sum += (r.partials.add(16 * c) as *const i64).read();
                                harm += (r.partials.add(16 * c + 8) as *const f64).read();
                            }
                        }
                        assert_eq!(sum, want_sum, "{what}");
                        assert_eq!(harm.to_bits(), want_harm.to_bits(), "{what}");
                    }
                }
            }
        }
    }
    assert_eq!(runs, 7 * 4 * 3 * 4 * 2);
}

#[test]
fn partials_are_zeroed() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    extern "C" fn nothing(_: *mut u8, _: i64, _: i64, _: *mut u8) -> u8 {
        0
    }
    let r = par_for(nothing, &(), 3000, 1, 1, 3, 24);
    assert_eq!((r.status, r.nchunks), (0, 3000));
    // SAFETY: 3000 * 24 bytes.
    let bytes = unsafe { std::slice::from_raw_parts(r.partials, 3000 * 24) };
    assert!(bytes.iter().all(|&b| b == 0));
    // Negative counts do nothing.
    let r = par_for(nothing, &(), -5, 0, 0, 4, 8);
    assert_eq!((r.status, r.nchunks), (0, 0));
    assert!(r.partials.is_null());
}

// ---- exceptions ------------------------------------------------------------------------

struct Raise {
    ran: Vec<AtomicU32>,
    raise_at: [i64; 2],
    /// Iterations below this are slow, so that the later raise often happens first.
    slow_below: i64,
}

extern "C" fn raise_body(env: *mut u8, lo: i64, hi: i64, _partials: *mut u8) -> u8 {
    // SAFETY: `env` is a `Raise`.
    let e = unsafe { &*(env as *const Raise) };
    for i in lo..hi {
        e.ran[i as usize].fetch_add(1, Ordering::Relaxed);
        if i < e.slow_below {
            let t = std::time::Instant::now();
            while t.elapsed() < std::time::Duration::from_micros(10) {
                std::hint::spin_loop();
            }
        }
        if e.raise_at.contains(&i) {
            exceptions::raise("ValueError", Some(&format!("bad {i}")));
            exceptions::traceback_push("prog.py", "f", i);
            exceptions::traceback_push("prog.py", "<par body>", 3);
            return 1;
        }
    }
    0
}

#[test]
fn first_exception_in_iteration_order() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    let want = "Traceback (most recent call last):\n  File \"prog.py\", line 9, in <module>\n  File \"prog.py\", line 3, in <par body>\n  File \"prog.py\", line 300, in f\nValueError: bad 300\n";
    for rep in 0..3 {
        for &chunk_size in &[0i64, 7, 100, 1000] {
            for schedule in 0..3 {
                for threads in 1..=4 {
                    let env = Raise {
                        ran: (0..1000).map(|_| AtomicU32::new(0)).collect(),
                        raise_at: if rep % 2 == 0 { [700, 300] } else { [300, 700] },
                        slow_below: if rep == 2 { 0 } else { 400 },
                    };
                    let what = format!("rep={rep} chunk={chunk_size} sched={schedule} T={threads}");
                    let r = par_for(raise_body, &env, 1000, chunk_size, schedule, threads, 8);
                    assert_eq!(r.status, 1, "{what}");
                    exceptions::traceback_push("prog.py", "<module>", 9);
                    let (_, text) = exceptions::take_report().expect("pending");
                    assert_eq!(text, want, "{what}");
                    // Every iteration up to the raising one ran, exactly once; none twice.
                    for (i, n) in env.ran.iter().enumerate() {
                        let n = n.load(Ordering::Relaxed);
                        if i <= 300 {
                            assert_eq!(n, 1, "{what}: iteration {i}");
                        } else {
                            assert!(n <= 1, "{what}: iteration {i}");
                        }
                    }
                    // A chunk stops at its raise.
                    let chunk = if chunk_size == 0 { 1 } else { chunk_size } as usize;
                    let end = (300 / chunk + 1) * chunk;
                    assert!(env.ran[301..end.min(1000)].iter().all(|n| n.load(Ordering::Relaxed) == 0), "{what}");
                    assert!(!exceptions::is_pending());
                }
            }
        }
    }
}

#[test]
fn failure_without_exception_is_system_error() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    extern "C" fn fails(_: *mut u8, lo: i64, _: i64, _: *mut u8) -> u8 {
        u8::from(lo == 5)
    }
    for threads in [1, 3] {
        let r = par_for(fails, &(), 10, 1, 0, threads, 0);
        assert_eq!(r.status, 1);
        let p = exceptions::take_pending().unwrap();
        assert_eq!(p.kind(), "SystemError");
    }
}

// ---- nested loops ----------------------------------------------------------------------

struct Outer {
    inner_elsewhere: AtomicBool,
    bad_inner: AtomicBool,
    total: AtomicI64,
}

struct Inner {
    thread: ThreadId,
    elsewhere: AtomicBool,
}

extern "C" fn inner_body(env: *mut u8, lo: i64, hi: i64, partials: *mut u8) -> u8 {
    // SAFETY: `env` is an `Inner`.
    let e = unsafe { &*(env as *const Inner) };
    if std::thread::current().id() != e.thread {
        e.elsewhere.store(true, Ordering::Relaxed);
    }
    // SAFETY: 8 bytes of partials.
    unsafe { (partials as *mut i64).write((lo..hi).sum()) };
    0
}

extern "C" fn outer_body(env: *mut u8, lo: i64, hi: i64, _partials: *mut u8) -> u8 {
    // SAFETY: `env` is an `Outer`.
    let e = unsafe { &*(env as *const Outer) };
    for _ in lo..hi {
        let inner = Inner { thread: std::thread::current().id(), elsewhere: AtomicBool::new(false) };
        let r = par_for(inner_body, &inner, 5000, 0, 1, 4, 8);
        if r.status != 0 || r.nchunks != 1000 {
            e.bad_inner.store(true, Ordering::Relaxed);
            return 0;
        }
        if inner.elsewhere.load(Ordering::Relaxed) {
            e.inner_elsewhere.store(true, Ordering::Relaxed);
        }
        for c in 0..r.nchunks as usize {
            // SAFETY: nchunks * 8 bytes.
            e.total.fetch_add(unsafe { (r.partials.add(8 * c) as *const i64).read() }, Ordering::Relaxed);
        }
    }
    0
}

#[test]
fn nested_loops_run_on_the_worker() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    let env =
        Outer { inner_elsewhere: AtomicBool::new(false), bad_inner: AtomicBool::new(false), total: AtomicI64::new(0) };
    let r = par_for(outer_body, &env, 8, 1, 0, 4, 0);
    assert_eq!(r.status, 0);
    assert!(!env.bad_inner.load(Ordering::Relaxed));
    assert!(!env.inner_elsewhere.load(Ordering::Relaxed));
    assert_eq!(env.total.load(Ordering::Relaxed), 8 * (4999 * 5000 / 2));
}

// ---- the collector ---------------------------------------------------------------------

struct Strings {
    /// A scanned GC array of `count` string pointers.
    slots: *mut *const KStr,
}

extern "C" fn string_body(env: *mut u8, lo: i64, hi: i64, _partials: *mut u8) -> u8 {
    // SAFETY: `env` is a `Strings`.
    let e = unsafe { &*(env as *const Strings) };
    for i in lo..hi {
        let text = format!("string number {i}");
        // SAFETY: valid bytes.
        let s = unsafe { abi::kiln_rt_str_new(text.as_ptr(), text.len() as i64) };
        for _ in 0..10 {
            let junk = "garbage garbage garbage garbage garbage";
            // SAFETY: valid bytes.
            let _ = unsafe { abi::kiln_rt_str_new(junk.as_ptr(), junk.len() as i64) };
        }
        // SAFETY: i < count; each slot written by one iteration.
        unsafe { e.slots.add(i as usize).write(s) };
        if i % 2500 == 0 {
            abi::kiln_rt_gc_collect();
        }
    }
    0
}

#[test]
fn workers_allocate_and_collect() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    let count = 20_000i64;
    let slots = abi::kiln_rt_alloc(count * 8) as *mut *const KStr;
    let env = Strings { slots };
    for schedule in 0..3 {
        let r = par_for(string_body, &env, count, 0, schedule, 4, 0);
        assert_eq!(r.status, 0);
        abi::kiln_rt_gc_collect();
        for i in 0..count as usize {
            // SAFETY: every slot holds a live string.
            let s = unsafe { strings::as_str(*slots.add(i)) };
            assert_eq!(s, format!("string number {i}"));
        }
    }
    std::hint::black_box(slots);
}

// ---- stack limits ----------------------------------------------------------------------

static MAX_DEPTH: AtomicI64 = AtomicI64::new(0);
static SAW_GLOBAL_MAX: AtomicBool = AtomicBool::new(false);

/// A recursive "kiln function" with the check compiled code performs at entry.
#[inline(never)]
extern "C" fn recurse(depth: i64) -> u8 {
    let marker = [0u8; 64];
    let sp = std::hint::black_box(&marker) as *const _ as usize;
    if sp < kiln_rt_stack_limit.load(Ordering::Relaxed) && abi::kiln_rt_stack_check() != 0 {
        MAX_DEPTH.fetch_max(depth, Ordering::Relaxed);
        exceptions::traceback_push("prog.py", "f", 2);
        return 1;
    }
    if recurse(depth + 1) != 0 {
        exceptions::traceback_push("prog.py", "f", 2);
        return 1;
    }
    0
}

extern "C" fn recursing_body(_env: *mut u8, _lo: i64, _hi: i64, _partials: *mut u8) -> u8 {
    if kiln_rt_stack_limit.load(Ordering::Relaxed) == usize::MAX {
        SAW_GLOBAL_MAX.store(true, Ordering::Relaxed);
    }
    if abi::kiln_rt_stack_check() != 0 || recurse(0) != 0 {
        exceptions::traceback_push("prog.py", "<par body>", 5);
        return 1;
    }
    0
}

fn check_recursion_error() {
    let (p, text) = exceptions::take_report().expect("pending");
    assert_eq!(p.kind, "RecursionError");
    // Only the innermost 1000 entries are printed: the body's own frame is not among them.
    assert!(text.starts_with("Traceback (most recent call last):\n  File \"prog.py\", line 2, in f\n"), "{text}");
    assert!(text.ends_with("more times]\nRecursionError: maximum recursion depth exceeded\n"), "{text}");
}

#[test]
fn recursion_error_on_workers() {
    let _s = serial();
    let _gc = gc::ThreadGuard::new();
    // No limit known on this thread: the slow path never fails.
    assert_eq!(entry::thread_stack_limit(), 0);
    assert_eq!(abi::kiln_rt_stack_check(), 0);
    let before = kiln_rt_stack_limit.load(Ordering::Relaxed);
    for schedule in 0..3 {
        MAX_DEPTH.store(0, Ordering::Relaxed);
        SAW_GLOBAL_MAX.store(false, Ordering::Relaxed);
        let r = par_for(recursing_body, &(), 2, 1, schedule, 2, 0);
        assert_eq!(r.status, 1);
        check_recursion_error();
        assert!(SAW_GLOBAL_MAX.load(Ordering::Relaxed));
        // 64 MiB worker stacks: far deeper than an 8 MiB stack allows.
        assert!(MAX_DEPTH.load(Ordering::Relaxed) > 200_000, "{}", MAX_DEPTH.load(Ordering::Relaxed));
        assert_eq!(kiln_rt_stack_limit.load(Ordering::Relaxed), before);
    }
}

static MAIN_LIMIT: AtomicUsize = AtomicUsize::new(0);
static AFTER_LOOP: AtomicUsize = AtomicUsize::new(0);
static MAIN_STATUS: AtomicU32 = AtomicU32::new(99);

extern "C" fn program() -> u8 {
    MAIN_LIMIT.store(kiln_rt_stack_limit.load(Ordering::Relaxed), Ordering::Relaxed);
    SAW_GLOBAL_MAX.store(false, Ordering::Relaxed);
    let r = par_for(recursing_body, &(), 4, 1, 1, 3, 0);
    MAIN_STATUS.store(r.status.into(), Ordering::Relaxed);
    AFTER_LOOP.store(kiln_rt_stack_limit.load(Ordering::Relaxed), Ordering::Relaxed);
    exceptions::clear();
    0
}

static SEQ_STATUS: AtomicU32 = AtomicU32::new(99);
static SEQ_REPORT: Mutex<String> = Mutex::new(String::new());

/// One thread: the body runs on the program thread, checked against its own limit.
extern "C" fn sequential_program() -> u8 {
    assert_ne!(entry::thread_stack_limit(), 0);
    SAW_GLOBAL_MAX.store(false, Ordering::Relaxed);
    MAX_DEPTH.store(0, Ordering::Relaxed);
    let r = par_for(recursing_body, &(), 4, 1, 2, 1, 0);
    SEQ_STATUS.store(r.status.into(), Ordering::Relaxed);
    AFTER_LOOP.store(kiln_rt_stack_limit.load(Ordering::Relaxed), Ordering::Relaxed);
    MAIN_LIMIT.store(entry::thread_stack_limit(), Ordering::Relaxed);
    if let Some((p, text)) = exceptions::take_report() {
        *SEQ_REPORT.lock().unwrap() = format!("{}|{text}", p.kind);
    }
    0
}

#[test]
fn program_thread_limit_comes_back() {
    let _s = serial();
    // SAFETY: no arguments.
    let code = unsafe { abi::kiln_rt_main(program, 0, std::ptr::null()) };
    assert_eq!(code, 0);
    assert_eq!(MAIN_STATUS.load(Ordering::Relaxed), 1);
    assert!(SAW_GLOBAL_MAX.load(Ordering::Relaxed));
    let main = MAIN_LIMIT.load(Ordering::Relaxed);
    assert!(main != 0 && main != usize::MAX);
    assert_eq!(AFTER_LOOP.load(Ordering::Relaxed), main);
    assert_eq!(kiln_rt_stack_limit.load(Ordering::Relaxed), 0);
}

#[test]
fn recursion_error_on_the_calling_thread() {
    let _s = serial();
    // SAFETY: no arguments.
    let code = unsafe { abi::kiln_rt_main(sequential_program, 0, std::ptr::null()) };
    assert_eq!(code, 0);
    assert_eq!(SEQ_STATUS.load(Ordering::Relaxed), 1);
    assert!(!SAW_GLOBAL_MAX.load(Ordering::Relaxed));
    assert_eq!(AFTER_LOOP.load(Ordering::Relaxed), MAIN_LIMIT.load(Ordering::Relaxed));
    // The 256 MiB program stack.
    assert!(MAX_DEPTH.load(Ordering::Relaxed) > 1_000_000, "{}", MAX_DEPTH.load(Ordering::Relaxed));
    let report = SEQ_REPORT.lock().unwrap().clone();
    assert!(report.starts_with("RecursionError|Traceback"), "{report}");
    assert!(report.ends_with("RecursionError: maximum recursion depth exceeded\n"), "{report}");
    assert_eq!(kiln_rt_stack_limit.load(Ordering::Relaxed), 0);
}

// ---- thread count ----------------------------------------------------------------------

/// Run in a child process by `thread_count_rules` (with `KILN_NUM_THREADS` set).
#[test]
#[ignore]
fn probe_thread_count() {
    let first = parallel::default_threads();
    let again = parallel::default_threads();
    abi::kiln_rt_set_default_threads(5);
    let set = parallel::default_threads();
    abi::kiln_rt_set_default_threads(-1);
    let still = parallel::default_threads();
    println!("probe: {first} {again} {set} {still}");
}

#[test]
fn thread_count_rules() {
    let exe = std::env::current_exe().unwrap();
    let ncpu = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let cases: &[(Option<&str>, usize, bool)] = &[
        (None, ncpu, false),
        (Some("3"), 3, false),
        (Some("0"), ncpu, true),
        (Some("x7"), ncpu, true),
        (Some(""), ncpu, true),
    ];
    for &(value, want, warns) in cases {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(["--ignored", "--exact", "probe_thread_count", "--nocapture", "--test-threads=1"]);
        match value {
            Some(v) => cmd.env("KILN_NUM_THREADS", v),
            None => cmd.env_remove("KILN_NUM_THREADS"),
        };
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stdout.contains(&format!("probe: {want} {want} 5 5\n")), "{value:?}: {stdout}");
        let warning = format!("kiln: ignoring KILN_NUM_THREADS='{}': not a positive integer\n", value.unwrap_or(""));
        assert_eq!(stderr.matches(&warning).count(), usize::from(warns), "{value:?}: {stderr}");
    }
}

// ---- symbols ---------------------------------------------------------------------------

#[test]
fn exported_for_the_jit() {
    let names: HashMap<&str, usize> = kiln_runtime::symbols().into_iter().collect();
    for n in ["kiln_rt_par_for", "kiln_rt_stack_check", "kiln_rt_set_default_threads", "kiln_rt_stack_overflow"] {
        assert!(names.contains_key(n), "{n}");
    }
}
