//! The CPU device: kernels compiled to native code (`KernelDesc::cpu_entry`: one call per
//! block for a kernel without barriers, which loops over its threads itself; one call per
//! thread for a kernel with barriers).
//!
//! * **Blocks** run in parallel as the iterations of a parallel loop
//!   ([`crate::parallel::par_for`], dynamic schedule): the same worker pool, thread count
//!   (`KILN_NUM_THREADS`, `--threads`), collector registration and nesting rules as
//!   `@par for` loops. A launch from inside a parallel loop runs its blocks on the calling
//!   thread.
//! * **Threads of a block** run on the worker that took the block, in order (x fastest,
//!   then y, then z). Without a barrier the compiled entry runs them one after another on
//!   the worker's stack. With `uses_barrier` each thread is a coroutine on a stack of its own (see
//!   [`super::coro`]): [`barrier`] switches back to the block's scheduler, which runs every
//!   other live thread up to its next barrier (or its end) before resuming anyone. One OS
//!   thread runs the whole block, so shared-memory writes before a barrier are visible after
//!   it without any fence; the switch is an opaque call, so the compiler cannot keep shared
//!   values in registers across it.
//! * **Arrays** are used in place: a list parameter's `CpuArray` points at the list's own
//!   storage (no copies); a device array's at its [`HostBuf`].
//! * **Shared memory**: each worker keeps one 16-aligned buffer and zeroes `shared_bytes` of
//!   it before each block.

use std::cell::RefCell;
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr::{addr_of, addr_of_mut};
use std::sync::atomic::{AtomicU32, Ordering};

use super::array::{list_len, Storage};
use super::coro::{self, DefaultSwitch, Stack, Switch};
use super::{param_kind, runtime_error, CpuArray, CpuEntry, CpuThreadCtx, DeviceKind, Fail, Job, NO_ERROR};
use crate::exceptions::{self, PyErr};
use crate::io;
use crate::parallel::{self, ParLoop, Schedule};

/// Largest per-block shared memory the CPU device allocates.
const MAX_SHARED_BYTES: usize = 1 << 30;

/// Device-array storage on the CPU device: 8-aligned heap memory (so that kernels can use
/// aligned and atomic 8-byte accesses), written in place by kernels.
pub(crate) struct HostBuf {
    ptr: *mut u64,
    words: usize,
}

// SAFETY: plain memory owned by this value; kernels write it only during launches, through
// the raw pointer.
unsafe impl Send for HostBuf {}
// SAFETY: as above.
unsafe impl Sync for HostBuf {}

impl HostBuf {
    /// A buffer holding a copy of `bytes` (at least one word, so the pointer is real).
    pub(crate) fn from_bytes(bytes: &[u8]) -> HostBuf {
        let words = bytes.len().div_ceil(8).max(1);
        let buf = vec![0u64; words].into_boxed_slice();
        let ptr = Box::into_raw(buf) as *mut u64;
        // SAFETY: the buffer holds `words * 8 >= bytes.len()` bytes.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr as *mut u8, bytes.len()) };
        HostBuf { ptr, words }
    }

    /// The data, for kernels.
    pub(crate) fn as_mut_ptr(&self) -> *mut u8 {
        self.ptr as *mut u8
    }

    /// Copy the first `out.len()` bytes out.
    pub(crate) fn copy_to(&self, out: &mut [u8]) {
        let n = out.len().min(self.words * 8);
        // SAFETY: `n` bytes are within the buffer; raw copy because kernels write it through
        // raw pointers (no reference to the buffer is ever made).
        unsafe { std::ptr::copy_nonoverlapping(self.ptr as *const u8, out.as_mut_ptr(), n) };
    }
}

impl Drop for HostBuf {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`words` came from `Box::<[u64]>::into_raw` in `from_bytes`.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr, self.words)) });
    }
}

/// One kernel thread: the context compiled code sees (first, so that the `ctx` pointer it
/// gets is the slot's address) and what [`barrier`] needs to find its block.
#[repr(C)]
struct ThreadSlot {
    ctx: CpuThreadCtx,
    entry: CpuEntry,
    args: *const u64,
    /// The block's `CoBlock<S>` (null when the threads run one after another).
    coop: *mut c_void,
    /// Switches back to the block's scheduler (None when sequential).
    yield_now: Option<unsafe fn(*mut ThreadSlot)>,
    /// Position in the block.
    index: usize,
    /// Returned from the kernel.
    done: bool,
}

/// Everything the blocks of one launch share.
struct Env {
    entry: CpuEntry,
    /// The device arguments (arrays as `*const CpuArray`).
    args: *const u64,
    grid: [i64; 3],
    block: [i64; 3],
    error: *const AtomicU32,
    shared_bytes: usize,
    /// Threads of a block run as coroutines.
    coop: bool,
    /// The kernel uses barriers: its entry runs one thread (else one whole block, looping
    /// over the threads itself).
    per_thread: bool,
}

/// Per-worker memory reused across blocks and launches.
#[derive(Default)]
struct Scratch {
    shared: Vec<u128>,
    stacks: Vec<Stack>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Run `f` with this thread's scratch memory (a fresh one if it is busy or gone).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    let mut f = Some(f);
    let done = SCRATCH
        .try_with(|cell| {
            let mut scratch = cell.try_borrow_mut().ok()?;
            f.take().map(|f| f(&mut scratch))
        })
        .ok()
        .flatten();
    match (done, f) {
        (Some(r), _) => r,
        (None, Some(f)) => f(&mut Scratch::default()),
        (None, None) => unreachable!("the scratch closure ran without a result"),
    }
}

/// Index of block `b` in a grid of `gx * gy * _` blocks (x fastest).
fn block_index(b: i64, gx: i64, gy: i64) -> [i64; 3] {
    [b % gx, (b / gx) % gy, b / (gx * gy)]
}

/// Index of thread `t` in a block of `bx * by * _` threads (x fastest).
fn thread_index(t: usize, bx: i64, by: i64) -> [i64; 3] {
    let t = t as i64;
    [t % bx, (t / bx) % by, t / (bx * by)]
}

/// Run a launch on the CPU; returns the error word.
///
/// # Safety
/// The job's arguments match its descriptor (lists and device arrays alive).
pub(crate) unsafe fn launch(job: &Job<'_>) -> Result<u32, Fail> {
    let entry = job.desc.cpu_entry.ok_or_else(|| job.not_compiled(DeviceKind::Cpu))?;
    let coop = job.desc.uses_barrier != 0 && job.threads_per_block() > 1;
    if coop && !coro::BARRIERS_SUPPORTED {
        return Err(runtime_error("gpu.syncthreads() is not supported by the cpu device on this platform"));
    }
    let shared_bytes = usize::try_from(job.desc.shared_bytes)
        .ok()
        .filter(|&b| b <= MAX_SHARED_BYTES)
        .ok_or_else(|| runtime_error(format!("kernel '{}' needs too much shared memory", job.name)))?;
    let num_blocks = job.num_blocks()?;

    // The array arguments, in place; then the argument words with arrays replaced by
    // pointers to them (`arrays` is complete before any pointer into it is taken).
    let mut arrays = Vec::with_capacity(job.params.len());
    for (i, p) in job.params.iter().enumerate() {
        match p.kind {
            param_kind::LIST => {
                let list = job.list(i);
                // SAFETY: caller contract: a valid list (or null).
                let (data, len) = unsafe { (list.as_ref().map_or(std::ptr::null_mut(), |l| l.data), list_len(list)) };
                // An empty list may have no storage; kernels never dereference it then.
                let data = if data.is_null() { std::ptr::NonNull::<u64>::dangling().as_ptr() as *mut u8 } else { data };
                arrays.push(CpuArray { data, len });
            }
            param_kind::DEVICE_ARRAY => {
                // SAFETY: caller contract.
                let arr = unsafe { job.device_array(i, DeviceKind::Cpu) }?;
                let Storage::Cpu(buf) = arr.storage() else {
                    return Err(runtime_error("kiln: device array storage does not match its device"));
                };
                arrays.push(CpuArray { data: buf.as_mut_ptr(), len: arr.len() });
            }
            _ => {}
        }
    }
    let mut next_array = arrays.as_ptr();
    let dev_args: Vec<u64> = job
        .params
        .iter()
        .zip(job.args)
        .map(|(p, &arg)| {
            if p.kind == param_kind::SCALAR {
                arg
            } else {
                let a = next_array;
                // SAFETY: one `CpuArray` per array parameter, in order.
                next_array = unsafe { next_array.add(1) };
                a as usize as u64
            }
        })
        .collect();

    let error = AtomicU32::new(NO_ERROR);
    let env = Env {
        entry,
        args: dev_args.as_ptr(),
        grid: job.grid,
        block: job.block,
        error: &error,
        shared_bytes,
        coop,
        per_thread: job.desc.uses_barrier != 0,
    };
    let lp = ParLoop {
        body: run_chunk,
        env: &env as *const Env as *mut u8,
        count: num_blocks,
        chunk_size: 0,
        schedule: Schedule::Dynamic,
        num_threads: 0,
        partial_bytes: 0,
    };
    // SAFETY: `run_chunk` may run on any worker with `env`, which (with `dev_args`,
    // `arrays` and `error`) outlives the loop; blocks share only the error word (atomic)
    // and the kernel's arrays.
    let result = unsafe { parallel::par_for(&lp) };
    if result.status != 0 {
        return Err(Fail::Pending);
    }
    Ok(error.load(Ordering::Acquire))
}

/// The parallel-loop body: blocks `lo..hi`.
extern "C" fn run_chunk(env: *mut u8, lo: i64, hi: i64, _partials: *mut u8) -> u8 {
    // SAFETY: `env` is the launch's `Env`, alive until the loop returns.
    let env = unsafe { &*(env as *const Env) };
    // SAFETY: the launch's contract; see `launch`.
    match catch_unwind(AssertUnwindSafe(|| with_scratch(|s| unsafe { run_blocks(env, s, lo, hi) }))) {
        Ok(Ok(())) => 0,
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

/// Run blocks `lo..hi`.
///
/// # Safety
/// As [`launch`].
unsafe fn run_blocks(env: &Env, scratch: &mut Scratch, lo: i64, hi: i64) -> Result<(), PyErr> {
    let words = env.shared_bytes.div_ceil(16);
    if scratch.shared.len() < words {
        scratch.shared.resize(words, 0);
    }
    let shared = scratch.shared.as_mut_ptr() as *mut u8;
    if !env.coop {
        // SAFETY: caller contract.
        unsafe { run_blocks_sequential(env, shared, lo, hi) };
        return Ok(());
    }
    let n = (env.block[0] * env.block[1] * env.block[2]) as usize;
    while scratch.stacks.len() < n {
        let index = scratch.stacks.len();
        scratch.stacks.push(Stack::new(index).ok_or_else(|| PyErr::bare("MemoryError"))?);
    }
    let stacks = &scratch.stacks[..n];
    // SAFETY: caller contract; the stacks are this thread's and not in use.
    coro::outside_collector(|| unsafe { run_blocks_coop::<DefaultSwitch>(env, stacks, shared, lo, hi) });
    Ok(())
}

fn new_slot(env: &Env, shared: *mut u8) -> ThreadSlot {
    ThreadSlot {
        ctx: CpuThreadCtx {
            thread: [0; 3],
            block: [0; 3],
            block_dim: env.block,
            grid_dim: env.grid,
            shared,
            error: env.error,
        },
        entry: env.entry,
        args: env.args,
        coop: std::ptr::null_mut(),
        yield_now: None,
        index: 0,
        done: false,
    }
}

/// Blocks without barriers (or of one thread): the compiled entry runs the threads of a
/// block in turn, itself for a kernel without barriers, one call per thread otherwise.
///
/// # Safety
/// As [`launch`]; `shared` holds `env.shared_bytes` bytes.
unsafe fn run_blocks_sequential(env: &Env, shared: *mut u8, lo: i64, hi: i64) {
    let [bx, by, bz] = env.block;
    let mut slot = new_slot(env, shared);
    for b in lo..hi {
        slot.ctx.block = block_index(b, env.grid[0], env.grid[1]);
        // SAFETY: caller contract.
        unsafe { std::ptr::write_bytes(shared, 0, env.shared_bytes) };
        if !env.per_thread {
            slot.ctx.thread = [0, 0, 0];
            // SAFETY: the compiled kernel's contract.
            unsafe { (env.entry)(addr_of!(slot.ctx), env.args) };
            continue;
        }
        for z in 0..bz {
            for y in 0..by {
                for x in 0..bx {
                    slot.ctx.thread = [x, y, z];
                    // SAFETY: the compiled kernel's contract.
                    unsafe { (env.entry)(addr_of!(slot.ctx), env.args) };
                }
            }
        }
    }
}

/// The coroutines of one block: their saved contexts and the scheduler's.
struct CoBlock<S: Switch> {
    sched: S::Ctx,
    /// Owns the thread contexts; only used through `ctxs`.
    _storage: Vec<S::Ctx>,
    ctxs: *mut S::Ctx,
}

/// Start of a kernel thread's coroutine: run the thread, mark it done, go back to the
/// scheduler for good (the stack is reused by the next block's thread).
unsafe extern "C" fn thread_main<S: Switch>(arg: *mut c_void) {
    let slot = arg as *mut ThreadSlot;
    // SAFETY: `arg` is the thread's slot, alive (with its block) until the scheduler
    // finishes the block, which it does only after this thread is done.
    unsafe {
        ((*slot).entry)(addr_of!((*slot).ctx), (*slot).args);
        (*slot).done = true;
        let block = (*slot).coop as *mut CoBlock<S>;
        S::switch((*block).ctxs.add((*slot).index), addr_of!((*block).sched));
    }
    // The scheduler never resumes a finished thread.
    std::process::abort();
}

/// [`ThreadSlot::yield_now`]: suspend this thread until the scheduler resumes it.
unsafe fn yield_to_scheduler<S: Switch>(slot: *mut ThreadSlot) {
    // SAFETY: called from the thread's own coroutine (`barrier`), whose block is running.
    unsafe {
        let block = (*slot).coop as *mut CoBlock<S>;
        S::switch((*block).ctxs.add((*slot).index), addr_of!((*block).sched));
    }
}

/// Blocks with barriers: the block's threads are coroutines on `stacks` (one each).
///
/// The scheduler works in phases: each phase resumes every live thread once, in order,
/// and each runs until its next barrier or its end. When a phase ends, every live thread
/// is waiting at a barrier that all others have reached (or returned), which is exactly
/// when a barrier may release. The block ends after a phase in which every thread returned.
///
/// # Safety
/// As [`launch`]; runs on one OS thread, outside the collector's view
/// ([`coro::outside_collector`]).
unsafe fn run_blocks_coop<S: Switch>(env: &Env, stacks: &[Stack], shared: *mut u8, lo: i64, hi: i64) {
    let n = stacks.len();
    let mut storage: Vec<S::Ctx> = (0..n).map(|_| S::blank()).collect();
    let ctxs = storage.as_mut_ptr();
    let mut block = Box::new(CoBlock::<S> { sched: S::blank(), _storage: storage, ctxs });
    let bp: *mut CoBlock<S> = &mut *block;
    let mut slots: Vec<ThreadSlot> = (0..n)
        .map(|i| {
            let mut slot = new_slot(env, shared);
            slot.ctx.thread = thread_index(i, env.block[0], env.block[1]);
            slot.coop = bp as *mut c_void;
            slot.yield_now = Some(yield_to_scheduler::<S>);
            slot.index = i;
            slot
        })
        .collect();
    let sp = slots.as_mut_ptr();
    // SAFETY: every pointer below points into `block`, `slots` or `stacks`, which outlive
    // the block's coroutines; only this OS thread runs them.
    unsafe {
        for b in lo..hi {
            let index = block_index(b, env.grid[0], env.grid[1]);
            std::ptr::write_bytes(shared, 0, env.shared_bytes);
            for (i, stack) in stacks.iter().enumerate() {
                let slot = sp.add(i);
                (*slot).ctx.block = index;
                (*slot).done = false;
                S::prepare(ctxs.add(i), stack, thread_main::<S>, slot as *mut c_void);
            }
            loop {
                let mut waiting = false;
                for i in 0..n {
                    let slot = sp.add(i);
                    if (*slot).done {
                        continue;
                    }
                    S::switch(addr_of_mut!((*bp).sched), ctxs.add(i));
                    waiting |= !(*slot).done;
                }
                if !waiting {
                    break;
                }
            }
        }
    }
    drop(slots);
    drop(block);
}

/// `kiln_rt_gpu_barrier`.
///
/// # Safety
/// `ctx` is the context a running kernel thread received from this module.
pub(crate) unsafe fn barrier(ctx: *const CpuThreadCtx) {
    let slot = ctx as *mut ThreadSlot;
    // SAFETY: every context handed to compiled code is the first field of a `ThreadSlot`.
    unsafe {
        match (*slot).yield_now {
            Some(yield_now) => yield_now(slot),
            None => {
                // Threads run one after another: a barrier is only meaningful (and free)
                // with a single thread per block.
                let d = (*slot).ctx.block_dim;
                if d[0] * d[1] * d[2] > 1 {
                    io::write_stderr(
                        b"kiln runtime internal error: gpu.syncthreads() in a kernel whose descriptor says uses_barrier = 0\n",
                    );
                    std::process::abort();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices() {
        assert_eq!(block_index(0, 3, 2), [0, 0, 0]);
        assert_eq!(block_index(4, 3, 2), [1, 1, 0]);
        assert_eq!(block_index(7, 3, 2), [1, 0, 1]);
        assert_eq!(thread_index(5, 4, 2), [1, 1, 0]);
        assert_eq!(thread_index(9, 4, 2), [1, 0, 1]);
    }

    #[test]
    fn host_buf() {
        let buf = HostBuf::from_bytes(&[1, 2, 3]);
        let mut out = [0u8; 3];
        buf.copy_to(&mut out);
        assert_eq!(out, [1, 2, 3]);
        assert_eq!(buf.as_mut_ptr() as usize % 8, 0);
        let empty = HostBuf::from_bytes(&[]);
        assert!(!empty.as_mut_ptr().is_null());
    }
}
