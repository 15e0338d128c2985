//! GPU kernels through the runtime's C ABI (`kiln_rt_gpu_*`), with hand-written kernels
//! doing what the compiler's backends generate: `extern "C"` CPU entries for the cpu device
//! and WGSL following the binding layout of `docs/gpu.md` for wgpu.
//!
//! The kernel device is process-wide: every test takes `serial()` and requests the device
//! it needs. wgpu tests print "skipped: no wgpu adapter" when there is none.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use kiln_runtime::gpu::{
    self, array, elem, kiln_rt_gpu_array_len, kiln_rt_gpu_barrier, kiln_rt_gpu_copy_to_host, kiln_rt_gpu_launch,
    kiln_rt_gpu_synchronize, kiln_rt_gpu_to_device, param_kind, CpuArray, CpuEntry, CpuThreadCtx, DeviceArray,
    DeviceKind, ErrorSite, KernelDesc, ParamDesc,
};
use kiln_runtime::{exceptions, gc, lists, KList};

static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

// ---- building kernels and arguments ----------------------------------------------------

/// A kernel descriptor and the data it points to.
struct Kernel {
    _params: Vec<ParamDesc>,
    _sites: Vec<ErrorSite>,
    desc: KernelDesc,
}

#[derive(Default)]
struct Spec {
    params: Vec<(u8, u8)>,
    /// (kind, message, line)
    sites: Vec<(&'static str, &'static str, u32)>,
    cpu: Option<CpuEntry>,
    shared_bytes: u64,
    barrier: bool,
    wgsl: &'static str,
}

fn kernel(name: &'static str, spec: Spec) -> Box<Kernel> {
    let params: Vec<ParamDesc> = spec.params.iter().map(|&(kind, elem)| ParamDesc { kind, elem }).collect();
    let sites: Vec<ErrorSite> = spec
        .sites
        .iter()
        .map(|&(k, m, line)| ErrorSite { kind: k.as_ptr(), kind_len: k.len(), msg: m.as_ptr(), msg_len: m.len(), line })
        .collect();
    let file = "prog.py";
    let desc = KernelDesc {
        name: name.as_ptr(),
        name_len: name.len(),
        file: file.as_ptr(),
        file_len: file.len(),
        params: params.as_ptr(),
        num_params: params.len(),
        sites: sites.as_ptr(),
        num_sites: sites.len(),
        shared_bytes: spec.shared_bytes,
        uses_barrier: u8::from(spec.barrier),
        cpu_entry: spec.cpu,
        wgsl: spec.wgsl.as_ptr(),
        wgsl_len: spec.wgsl.len(),
        ptx: std::ptr::null(),
        ptx_len: 0,
        ptx_entry: std::ptr::null(),
        ptx_entry_len: 0,
    };
    Box::new(Kernel { _params: params, _sites: sites, desc })
}

/// What a launch raised: (kind, message, rendered report).
type Raised = (String, String, String);

fn launch(k: &Kernel, args: &[u64], grid: [i64; 3], block: [i64; 3]) -> Result<(), Raised> {
    // SAFETY: the descriptor matches the arguments (each test builds both).
    let status = unsafe { kiln_rt_gpu_launch(&k.desc, args.as_ptr(), grid.as_ptr(), block.as_ptr()) };
    if status == 0 {
        assert!(!exceptions::is_pending());
        return Ok(());
    }
    Err(take_raised())
}

fn take_raised() -> Raised {
    let kind = exceptions::type_name().expect("an exception is pending");
    let msg = exceptions::message().unwrap_or_default();
    let (_, report) = exceptions::take_report().expect("report");
    (kind, msg, report)
}

fn list_of<T: Copy>(items: &[T]) -> *mut KList {
    let list = lists::new(std::mem::size_of::<T>() as i64, items.len() as i64, false);
    // SAFETY: a fresh list of `items.len()` elements of `T`'s size.
    unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), (*list).data as *mut T, items.len()) };
    list
}

fn items_of<T: Copy>(list: *const KList) -> Vec<T> {
    // SAFETY: a valid list of `T` elements.
    unsafe {
        let n = (*list).len as usize;
        if n == 0 {
            return Vec::new();
        }
        std::slice::from_raw_parts((*list).data as *const T, n).to_vec()
    }
}

fn ptr<T>(p: *const T) -> u64 {
    p as usize as u64
}

fn to_device(list: *const KList, elem: u8) -> *mut DeviceArray {
    let mut out = std::ptr::null_mut();
    // SAFETY: a valid list of `elem` elements; valid out-pointer.
    assert_eq!(unsafe { kiln_rt_gpu_to_device(list, elem, &mut out) }, 0);
    out
}

fn to_host(arr: *const DeviceArray) -> *mut KList {
    let mut out = std::ptr::null_mut();
    // SAFETY: a live device array; valid out-pointer.
    assert_eq!(unsafe { kiln_rt_gpu_copy_to_host(arr, &mut out) }, 0);
    out
}

const SCALAR: u8 = param_kind::SCALAR;
const LIST: u8 = param_kind::LIST;
const DEVARR: u8 = param_kind::DEVICE_ARRAY;

// ---- CPU kernels -------------------------------------------------------------------------

/// The `i`-th argument as an array.
///
/// # Safety
/// Argument `i` is an array parameter.
unsafe fn arr<'a>(args: *const u64, i: usize) -> &'a CpuArray {
    // SAFETY: caller contract.
    unsafe { &*(*args.add(i) as usize as *const CpuArray) }
}

/// # Safety
/// `i` is in range and the array holds `T`s.
unsafe fn get<T: Copy>(a: &CpuArray, i: i64) -> T {
    // SAFETY: caller contract.
    unsafe { *(a.data as *const T).add(i as usize) }
}

/// # Safety
/// As [`get`].
unsafe fn set<T>(a: &CpuArray, i: i64, v: T) {
    // SAFETY: caller contract.
    unsafe { *(a.data as *mut T).add(i as usize) = v }
}

fn global_x(ctx: &CpuThreadCtx) -> i64 {
    ctx.block[0] * ctx.block_dim[0] + ctx.thread[0]
}

/// `saxpy(a, x, y, out)`: `out[i] = a * x[i] + y[i]` for `i < len(x)`.
unsafe extern "C" fn saxpy_thread(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: (f64 scalar, f64 array x3).
    unsafe {
        let ctx = &*ctx;
        let a = f64::from_bits(*args);
        let (x, y, out) = (arr(args, 1), arr(args, 2), arr(args, 3));
        let i = global_x(ctx);
        if i < x.len {
            set(out, i, a * get::<f64>(x, i) + get::<f64>(y, i));
        }
    }
}

/// Writes every thread's (block, thread) coordinates: `out` has 6 i64 per thread, at the
/// thread's linear index in the whole launch (blocks and threads x fastest).
unsafe extern "C" fn coords_thread(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: one i64 array of the right size.
    unsafe {
        let c = &*ctx;
        let out = arr(args, 0);
        let [gx, gy, _] = c.grid_dim;
        let [bx, by, bz] = c.block_dim;
        let block_lin = (c.block[2] * gy + c.block[1]) * gx + c.block[0];
        let thread_lin = (c.thread[2] * by + c.thread[1]) * bx + c.thread[0];
        let base = 6 * (block_lin * bx * by * bz + thread_lin);
        for (k, v) in c.block.iter().chain(c.thread.iter()).enumerate() {
            set(out, base + k as i64, *v);
        }
    }
}

/// Block sum with shared memory and barriers: `out[block] = sum(x[block*bd .. +bd])`,
/// tree reduction over `block_dim.x` (a power of two) i64 slots of shared memory.
unsafe extern "C" fn block_sum_cpu(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: (i64 list x, i64 list out), shared = bd * 8 bytes.
    unsafe {
        let c = &*ctx;
        let (x, out) = (arr(args, 0), arr(args, 1));
        let s = c.shared as *mut i64;
        let t = c.thread[0];
        let i = global_x(c);
        *s.add(t as usize) = if i < x.len { get::<i64>(x, i) } else { 0 };
        kiln_rt_gpu_barrier(ctx);
        let mut stride = c.block_dim[0] / 2;
        while stride > 0 {
            if t < stride {
                *s.add(t as usize) += *s.add((t + stride) as usize);
            }
            kiln_rt_gpu_barrier(ctx);
            stride /= 2;
        }
        if t == 0 {
            set(out, c.block[0], *s);
        }
    }
}

/// Threads `>= keep` return at once (they count as arrived at every barrier); the others
/// pass values around a ring through shared memory across three barriers:
/// `out[t] = 2 * ((t + 1) % keep)` read back through a rotation of 5.
unsafe extern "C" fn ring_cpu(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: (i64 scalar keep, i64 list out), shared = bd * 8.
    unsafe {
        let c = &*ctx;
        let keep = *args as i64;
        let out = arr(args, 1);
        let s = c.shared as *mut i64;
        let t = c.thread[0];
        if t >= keep {
            return;
        }
        *s.add(t as usize) = t;
        kiln_rt_gpu_barrier(ctx);
        let v = *s.add(((t + 1) % keep) as usize);
        kiln_rt_gpu_barrier(ctx);
        *s.add(t as usize) = 2 * v;
        kiln_rt_gpu_barrier(ctx);
        set(out, c.block[0] * keep + t, *s.add(((t + 5) % keep) as usize));
    }
}

/// `bad(x, out)`: `out[i] = x[i] * 10` — site 0 (IndexError, line 6) when `i >= len(x)`,
/// site 1 (ZeroDivisionError, line 9) for `x[i] == 0` after the write.
unsafe extern "C" fn bad_thread(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: (i64 list x, i64 list out).
    unsafe {
        let c = &*ctx;
        let (x, out) = (arr(args, 0), arr(args, 1));
        let i = global_x(c);
        if i >= x.len {
            (*c.error).fetch_min(0, Ordering::SeqCst);
            return;
        }
        let v = get::<i64>(x, i);
        set(out, i, v * 10);
        if v == 0 {
            (*c.error).fetch_min(1, Ordering::SeqCst);
        }
    }
}

/// `scale(a, d)` on a device array of f64: `d[i] *= a`.
unsafe extern "C" fn scale_thread(ctx: *const CpuThreadCtx, args: *const u64) {
    // SAFETY: the launch's contract: (f64 scalar, f64 array).
    unsafe {
        let c = &*ctx;
        let a = f64::from_bits(*args);
        let d = arr(args, 1);
        let i = global_x(c);
        if i < d.len {
            set(d, i, get::<f64>(d, i) * a);
        }
    }
}

/// A kernel without barriers runs a whole block per call, as compiled kernels do: the entry
/// runs the per-thread body for every thread of the block (x fastest).
///
/// # Safety
/// `ctx` is the runtime's context for the block; `thread` is a per-thread kernel body.
unsafe fn each_thread(
    ctx: *const CpuThreadCtx,
    args: *const u64,
    thread: unsafe extern "C" fn(*const CpuThreadCtx, *const u64),
) {
    // SAFETY: caller contract.
    let c = unsafe { &*ctx };
    let mut t = CpuThreadCtx {
        thread: [0; 3],
        block: c.block,
        block_dim: c.block_dim,
        grid_dim: c.grid_dim,
        shared: c.shared,
        error: c.error,
    };
    let [bx, by, bz] = c.block_dim;
    for z in 0..bz {
        for y in 0..by {
            for x in 0..bx {
                t.thread = [x, y, z];
                // SAFETY: caller contract.
                unsafe { thread(&t, args) };
            }
        }
    }
}

macro_rules! per_block {
    ($($entry:ident = $thread:ident;)*) => {$(
        unsafe extern "C" fn $entry(ctx: *const CpuThreadCtx, args: *const u64) {
            // SAFETY: the runtime's contract for a kernel without barriers.
            unsafe { each_thread(ctx, args, $thread) }
        }
    )*};
}

per_block! {
    saxpy_cpu = saxpy_thread;
    coords_cpu = coords_thread;
    bad_cpu = bad_thread;
    scale_cpu = scale_thread;
    count_cpu = count_thread;
}

static NEVER_RUNS: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn count_thread(_ctx: *const CpuThreadCtx, _args: *const u64) {
    NEVER_RUNS.fetch_add(1, Ordering::SeqCst);
}

fn use_cpu() {
    assert_eq!(gpu::request_device("cpu"), Ok(DeviceKind::Cpu));
    assert_eq!(gpu::current_device(), Some(DeviceKind::Cpu));
}

/// The cpu device.
mod gpu_cpu {
    use super::*;

    #[test]
    fn cpu_saxpy() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let k = kernel(
            "saxpy",
            Spec {
                params: vec![(SCALAR, elem::F64), (LIST, elem::F64), (LIST, elem::F64), (LIST, elem::F64)],
                cpu: Some(saxpy_cpu),
                ..Spec::default()
            },
        );
        let n = 1000;
        let xs: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let ys: Vec<f64> = (0..n).map(|i| 0.5 * i as f64).collect();
        let (x, y, out) = (list_of(&xs), list_of(&ys), list_of(&vec![0.0f64; n]));
        launch(&k, &[2.5f64.to_bits(), ptr(x), ptr(y), ptr(out)], [(n as i64 + 255) / 256, 1, 1], [256, 1, 1]).unwrap();
        let got: Vec<f64> = items_of(out);
        for i in 0..n {
            assert_eq!(got[i], 2.5 * xs[i] + ys[i]);
        }
        // Inputs untouched.
        assert_eq!(items_of::<f64>(x), xs);
    }

    #[test]
    fn cpu_thread_and_block_indices() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let k = kernel("coords", Spec { params: vec![(LIST, elem::I64)], cpu: Some(coords_cpu), ..Spec::default() });
        let (grid, block) = ([3i64, 2, 2], [4i64, 2, 3]);
        let threads = 12 * 24;
        let out = list_of(&vec![-1i64; 6 * threads]);
        launch(&k, &[ptr(out)], grid, block).unwrap();
        let got: Vec<i64> = items_of(out);
        let mut expect = Vec::new();
        for bz in 0..2 {
            for by in 0..2 {
                for bx in 0..3 {
                    for tz in 0..3 {
                        for ty in 0..2 {
                            for tx in 0..4 {
                                expect.extend([bx, by, bz, tx, ty, tz]);
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(got, expect);
    }

    #[test]
    fn cpu_block_reduction_with_barriers() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        for bd in [1i64, 2, 64, 256, 1024] {
            let k = kernel(
                "block_sum",
                Spec {
                    params: vec![(LIST, elem::I64), (LIST, elem::I64)],
                    cpu: Some(block_sum_cpu),
                    shared_bytes: (bd * 8) as u64,
                    barrier: true,
                    ..Spec::default()
                },
            );
            let n = 5000i64;
            let xs: Vec<i64> = (0..n).map(|i| i * i % 97).collect();
            let blocks = (n + bd - 1) / bd;
            let x = list_of(&xs);
            let out = list_of(&vec![0i64; blocks as usize]);
            launch(&k, &[ptr(x), ptr(out)], [blocks, 1, 1], [bd, 1, 1]).unwrap();
            let got: Vec<i64> = items_of(out);
            for b in 0..blocks {
                let lo = (b * bd) as usize;
                let hi = ((b + 1) * bd).min(n) as usize;
                assert_eq!(got[b as usize], xs[lo..hi].iter().sum::<i64>(), "block {b} of {bd} threads");
            }
        }
    }

    #[test]
    fn cpu_barriers_with_returned_threads() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let k = kernel(
            "ring",
            Spec {
                params: vec![(SCALAR, elem::I64), (LIST, elem::I64)],
                cpu: Some(ring_cpu),
                shared_bytes: 1024 * 8,
                barrier: true,
                ..Spec::default()
            },
        );
        for (keep, bd) in [(100i64, 128i64), (1000, 1024), (7, 7)] {
            let blocks = 9;
            let out = list_of(&vec![0i64; (blocks * keep) as usize]);
            launch(&k, &[keep as u64, ptr(out)], [blocks, 1, 1], [bd, 1, 1]).unwrap();
            let got: Vec<i64> = items_of(out);
            for b in 0..blocks {
                for t in 0..keep {
                    let src = (t + 5) % keep;
                    assert_eq!(
                        got[(b * keep + t) as usize],
                        2 * ((src + 1) % keep),
                        "keep {keep}, block {b}, thread {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn cpu_error_sites() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let k = kernel(
            "bad",
            Spec {
                params: vec![(LIST, elem::I64), (LIST, elem::I64)],
                sites: vec![
                    ("IndexError", "list index out of range", 6),
                    ("ZeroDivisionError", "integer division or modulo by zero", 9),
                ],
                cpu: Some(bad_cpu),
                ..Spec::default()
            },
        );
        // Only the second site fails.
        let x = list_of(&[1i64, 2, 0, 4]);
        let out = list_of(&[0i64; 4]);
        let (kind, msg, report) = launch(&k, &[ptr(x), ptr(out)], [1, 1, 1], [4, 1, 1]).unwrap_err();
        assert_eq!((kind.as_str(), msg.as_str()), ("ZeroDivisionError", "integer division or modulo by zero"));
        assert_eq!(report, "Traceback (most recent call last):\n  File \"prog.py\", line 9, in bad\nZeroDivisionError: integer division or modulo by zero\n");
        // Writes made before the error are kept.
        assert_eq!(items_of::<i64>(out), vec![10, 20, 0, 40]);
        // Both fail: the first site wins, whatever the thread order.
        let (kind, msg, report) = launch(&k, &[ptr(x), ptr(out)], [3, 1, 1], [2, 1, 1]).unwrap_err();
        assert_eq!((kind.as_str(), msg.as_str()), ("IndexError", "list index out of range"));
        assert!(report.contains("  File \"prog.py\", line 6, in bad\n"), "{report}");
        // No error.
        let x = list_of(&[1i64, 2]);
        launch(&k, &[ptr(x), ptr(out)], [1, 1, 1], [2, 1, 1]).unwrap();
    }

    #[test]
    fn launch_configuration_errors() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let k = kernel("k", Spec { cpu: Some(count_cpu), ..Spec::default() });
        let positive = ("ValueError".to_string(), "grid and block dimensions must be positive".to_string());
        for (grid, block) in [([0, 1, 1], [1, 1, 1]), ([1, -1, 1], [1, 1, 1]), ([1, 1, 1], [1, 1, 0])] {
            let (kind, msg, report) = launch(&k, &[], grid, block).unwrap_err();
            assert_eq!((kind, msg), positive);
            assert_eq!(report, "ValueError: grid and block dimensions must be positive\n");
        }
        for block in [[1025, 1, 1], [32, 32, 2], [i64::MAX, 2, 2]] {
            let (kind, msg, _) = launch(&k, &[], [1, 1, 1], block).unwrap_err();
            assert_eq!((kind.as_str(), msg.as_str()), ("ValueError", "a block has at most 1024 threads"));
        }
        assert_eq!(NEVER_RUNS.load(Ordering::SeqCst), 0);
        launch(&k, &[], [2, 3, 1], [4, 1, 2]).unwrap();
        assert_eq!(NEVER_RUNS.load(Ordering::SeqCst), 48);
        // A kernel without code for the device.
        let none = kernel("gpu_only", Spec::default());
        let (kind, msg, _) = launch(&none, &[], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(
            (kind.as_str(), msg.as_str()),
            ("RuntimeError", "kernel 'gpu_only' was not compiled for the cpu device")
        );
    }

    #[test]
    fn cpu_device_arrays() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        let xs: Vec<f64> = (0..300).map(|i| i as f64 * 0.25).collect();
        let host = list_of(&xs);
        let d = to_device(host, elem::F64);
        // SAFETY: a live device array.
        assert_eq!(unsafe { kiln_rt_gpu_array_len(d) }, 300);
        let k = kernel(
            "scale",
            Spec { params: vec![(SCALAR, elem::F64), (DEVARR, elem::F64)], cpu: Some(scale_cpu), ..Spec::default() },
        );
        launch(&k, &[3.0f64.to_bits(), ptr(d)], [2, 1, 1], [256, 1, 1]).unwrap();
        launch(&k, &[2.0f64.to_bits(), ptr(d)], [2, 1, 1], [256, 1, 1]).unwrap();
        let back = to_host(d);
        assert_eq!(items_of::<f64>(back), xs.iter().map(|v| v * 6.0).collect::<Vec<_>>());
        assert_eq!(items_of::<f64>(host), xs, "the list is a copy");
        // Every element kind round-trips, empty arrays too.
        let bools = list_of(&[1u8, 0, 1, 1]);
        assert_eq!(items_of::<u8>(to_host(to_device(bools, elem::BOOL))), vec![1, 0, 1, 1]);
        let f32s = list_of(&[1.5f32, -2.25, 3.0]);
        assert_eq!(items_of::<f32>(to_host(to_device(f32s, elem::F32))), vec![1.5, -2.25, 3.0]);
        let empty = list_of::<i64>(&[]);
        let de = to_device(empty, elem::I64);
        // SAFETY: a live device array.
        assert_eq!(unsafe { kiln_rt_gpu_array_len(de) }, 0);
        assert_eq!(items_of::<i64>(to_host(de)), Vec::<i64>::new());
        // A device array of another element kind is refused.
        let ints = to_device(list_of(&[1i64]), elem::I64);
        let (kind, msg, _) = launch(&k, &[1f64.to_bits(), ptr(ints)], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(kind, "RuntimeError");
        assert_eq!(msg, "kernel parameter of float elements got a device array of int");
        assert_eq!(kiln_rt_gpu_synchronize(), 0);
    }

    #[inline(never)]
    fn make_garbage_arrays(n: usize) {
        for i in 0..n {
            let list = list_of(&vec![i as i64; 1000]);
            std::hint::black_box(to_device(list, elem::I64));
        }
    }

    #[test]
    fn device_arrays_are_released_when_unreachable() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        use_cpu();
        array::release_unreachable();
        let before = array::live_device_arrays();
        // (Collections during the loop may already release some: `to_device` releases what
        // the collector found, so without the finaliser there would be 200 more.)
        make_garbage_arrays(200);
        // The collector is conservative: a few stale pointers may keep some alive.
        for _ in 0..3 {
            gc::collect();
            assert_eq!(kiln_rt_gpu_synchronize(), 0);
        }
        let after = array::live_device_arrays();
        assert!(after < before + 100, "live before {before}, after {after}");
    }
}

/// Choosing the device.
mod gpu_devices {
    use super::*;

    #[test]
    fn device_requests() {
        let _s = serial();
        assert_eq!(gpu::request_device("CPU"), Ok(DeviceKind::Cpu));
        assert_eq!(
            gpu::request_device("tpu"),
            Err("unknown device 'tpu' (expected cpu, cuda, wgpu or auto)".to_string())
        );
        let auto = gpu::request_device("auto").unwrap();
        // SAFETY: only probes for the library.
        let has_cuda = unsafe { cudarc::driver::sys::is_culib_present() };
        if !has_cuda {
            assert_ne!(auto, DeviceKind::Cuda);
            assert_eq!(gpu::request_device("cuda"), Err("cuda: no CUDA driver (libcuda.so not found)".to_string()));
            // A failed request leaves the device as it was.
            assert_eq!(gpu::current_device(), Some(auto));
        }
        if let Ok(name) = gpu::wgpu::adapter_name() {
            println!("wgpu adapter: {name}; auto chose {auto:?}");
        }
    }

    /// The print-and-exit paths, in child processes (this test binary re-run with
    /// `KILN_GPU_CHILD` set; the child runs only this test).
    #[test]
    fn unusable_device_ends_the_program() {
        if let Ok(what) = std::env::var("KILN_GPU_CHILD") {
            let _gc = gc::ThreadGuard::new();
            kiln_runtime::io::write_stdout(b"before\n");
            if what == "request" {
                // SAFETY: valid bytes.
                unsafe { gpu::kiln_rt_gpu_request_device(b"cuda".as_ptr(), 4) };
            } else {
                // KILN_DEVICE names the device at the first launch.
                let k = kernel("k", Spec { cpu: Some(count_cpu), ..Spec::default() });
                let _ = launch(&k, &[], [1, 1, 1], [1, 1, 1]);
            }
            kiln_runtime::io::write_stdout(b"not reached\n");
            kiln_runtime::io::flush_stdout();
            std::process::exit(0);
        }
        // SAFETY: only probes for the library.
        if unsafe { cudarc::driver::sys::is_culib_present() } {
            println!("skipped: this machine has a CUDA driver");
            return;
        }
        let exe = std::env::current_exe().unwrap();
        for (what, device) in [("request", "auto"), ("launch", "cuda"), ("launch", "nope")] {
            let out = std::process::Command::new(&exe)
                .args(["--exact", "gpu_devices::unusable_device_ends_the_program", "--nocapture", "--test-threads=1"])
                .env("KILN_GPU_CHILD", what)
                .env("KILN_DEVICE", device)
                .output()
                .unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{what}: {stdout} / {stderr}");
            assert!(stdout.contains("before\n") && !stdout.contains("not reached"), "{stdout}");
            let expect = if device == "nope" {
                "kiln: error: unknown device 'nope' (expected cpu, cuda, wgpu or auto)\n"
            } else {
                "kiln: error: cuda: no CUDA driver (libcuda.so not found)\n"
            };
            assert!(stderr.ends_with(expect), "{what}: {stderr}");
        }
    }
}

// ---- wgpu --------------------------------------------------------------------------------

/// The wgpu device (on whatever adapter wgpu finds: lavapipe on machines without a GPU).
mod gpu_wgpu {
    use super::*;

    fn use_wgpu() -> bool {
        match gpu::request_device("wgpu") {
            Ok(kind) => {
                assert_eq!(kind, DeviceKind::Wgpu);
                true
            }
            Err(reason) => {
                println!("skipped: no wgpu adapter ({reason})");
                false
            }
        }
    }

    /// The tail of every `Launch` struct.
    macro_rules! launch_tail {
        () => {
            "    block_offset: array<u32, 4>,\n    grid_dim: array<u32, 4>,\n    block_dim: array<u32, 4>,\n}\n"
        };
    }

    const SAXPY_WGSL: &str = concat!(
        "struct Launch {\n    a: f64,\n    len_x: i64,\n    len_y: i64,\n    len_out: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> x: array<f64>;
    @group(0) @binding(1) var<storage, read_write> y: array<f64>;
    @group(0) @binding(2) var<storage, read_write> out: array<f64>;
    @group(0) @binding(3) var<storage, read> launch: Launch;
    @group(0) @binding(4) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let i = i64(wid.x + launch.block_offset[0]) * i64(launch.block_dim[0]) + i64(tid.x);
        if i < launch.len_x {
            out[u32(i)] = launch.a * x[u32(i)] + y[u32(i)];
        }
    }
    "#
    );

    #[test]
    fn wgpu_saxpy_f64() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let k = kernel(
            "saxpy",
            Spec {
                params: vec![(SCALAR, elem::F64), (LIST, elem::F64), (LIST, elem::F64), (LIST, elem::F64)],
                wgsl: SAXPY_WGSL,
                ..Spec::default()
            },
        );
        let n = 1000;
        let xs: Vec<f64> = (0..n).map(|i| i as f64 / 3.0).collect();
        let ys: Vec<f64> = (0..n).map(|i| 1e10 + i as f64).collect();
        let (x, y, out) = (list_of(&xs), list_of(&ys), list_of(&vec![0.0f64; n]));
        for block in [64i64, 256, 1000] {
            launch(
                &k,
                &[0.1f64.to_bits(), ptr(x), ptr(y), ptr(out)],
                [(n as i64 + block - 1) / block, 1, 1],
                [block, 1, 1],
            )
            .unwrap();
            let got: Vec<f64> = items_of(out);
            for i in 0..n {
                // f64 all the way: bit-exact with the host.
                assert_eq!(got[i], 0.1 * xs[i] + ys[i], "element {i}, block {block}");
            }
        }
        assert_eq!(items_of::<f64>(x), xs);
    }

    const INT_WGSL: &str = concat!(
        "struct Launch {\n    k: i64,\n    s: f32,\n    s_pad: u32,\n    len_x: i64,\n    len_f: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> x: array<i64>;
    @group(0) @binding(1) var<storage, read_write> f: array<f32>;
    @group(0) @binding(2) var<storage, read> launch: Launch;
    @group(0) @binding(3) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let i = i64(wid.x + launch.block_offset[0]) * i64(launch.block_dim[0]) + i64(tid.x);
        if i < launch.len_x {
            x[u32(i)] = x[u32(i)] * launch.k + i;
        }
        if i < launch.len_f {
            f[u32(i)] = f[u32(i)] * launch.s;
        }
    }
    "#
    );

    #[test]
    fn wgpu_i64_and_f32() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let k = kernel(
            "ints",
            Spec {
                params: vec![(SCALAR, elem::I64), (SCALAR, elem::F32), (LIST, elem::I64), (LIST, elem::F32)],
                wgsl: INT_WGSL,
                ..Spec::default()
            },
        );
        let xs: Vec<i64> = (0..77).map(|i| (i - 30) * 1_000_000_007).collect();
        let fs: Vec<f32> = (0..50).map(|i| i as f32 * 0.5).collect();
        let (x, f) = (list_of(&xs), list_of(&fs));
        let kk: i64 = -3_000_000_000;
        let s: f32 = 1.5;
        launch(&k, &[kk as u64, u64::from(s.to_bits()), ptr(x), ptr(f)], [3, 1, 1], [32, 1, 1]).unwrap();
        let got: Vec<i64> = items_of(x);
        for (i, (&g, &v)) in got.iter().zip(&xs).enumerate() {
            assert_eq!(g, v.wrapping_mul(kk).wrapping_add(i as i64), "element {i}");
        }
        let gotf: Vec<f32> = items_of(f);
        for (i, (&g, &v)) in gotf.iter().zip(&fs).enumerate() {
            assert_eq!(g, v * s, "element {i}");
        }
    }

    const BOOL_WGSL: &str = concat!(
        "struct Launch {\n    invert: u32,\n    invert_pad: u32,\n    len_flags: i64,\n    len_count: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> flags: array<u32>;
    @group(0) @binding(1) var<storage, read_write> count: array<atomic<i64>>;
    @group(0) @binding(2) var<storage, read> launch: Launch;
    @group(0) @binding(3) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let i = i64(wid.x + launch.block_offset[0]) * i64(launch.block_dim[0]) + i64(tid.x);
        if i < launch.len_flags {
            var v = flags[u32(i)] != 0u;
            if launch.invert != 0u {
                v = !v;
            }
            flags[u32(i)] = select(0u, 1u, v);
            if v {
                atomicAdd(&count[0], 1li);
            }
        }
    }
    "#
    );

    #[test]
    fn wgpu_bools_and_atomics() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let k = kernel(
            "flags",
            Spec {
                params: vec![(SCALAR, elem::BOOL), (LIST, elem::BOOL), (LIST, elem::I64)],
                wgsl: BOOL_WGSL,
                ..Spec::default()
            },
        );
        let bs: Vec<u8> = (0..101).map(|i| u8::from(i % 3 == 0)).collect();
        let (flags, count) = (list_of(&bs), list_of(&[0i64]));
        launch(&k, &[1, ptr(flags), ptr(count)], [4, 1, 1], [32, 1, 1]).unwrap();
        let expect: Vec<u8> = bs.iter().map(|&b| 1 - b).collect();
        assert_eq!(items_of::<u8>(flags), expect);
        assert_eq!(items_of::<i64>(count), vec![expect.iter().map(|&b| i64::from(b)).sum::<i64>()]);
        launch(&k, &[0, ptr(flags), ptr(count)], [4, 1, 1], [32, 1, 1]).unwrap();
        assert_eq!(items_of::<u8>(flags), expect);
        assert_eq!(items_of::<i64>(count), vec![2 * expect.iter().map(|&b| i64::from(b)).sum::<i64>()]);
    }

    const BIG_GRID_WGSL: &str = concat!(
        "struct Launch {\n    len_out: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> out: array<i64>;
    @group(0) @binding(1) var<storage, read> launch: Launch;
    @group(0) @binding(2) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let bx = i64(wid.x + launch.block_offset[0]);
        let by = i64(wid.y + launch.block_offset[1]);
        let i = (by * i64(launch.grid_dim[0]) + bx) * i64(launch.block_dim[0]) + i64(tid.x);
        if i < launch.len_out {
            out[u32(i)] = i * 3 + 1;
        }
    }
    "#
    );

    #[test]
    fn wgpu_grids_larger_than_one_dispatch() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let k = kernel("big", Spec { params: vec![(LIST, elem::I64)], wgsl: BIG_GRID_WGSL, ..Spec::default() });
        for (grid, block) in [([70_000i64, 1, 1], 2i64), ([3, 1, 1], 4), ([66_000, 2, 1], 1)] {
            let n = (grid[0] * grid[1] * block) as usize;
            let out = list_of(&vec![-1i64; n]);
            launch(&k, &[ptr(out)], grid, [block, 1, 1]).unwrap();
            let got: Vec<i64> = items_of(out);
            let wrong = got.iter().enumerate().filter(|&(i, &v)| v != i as i64 * 3 + 1).count();
            assert_eq!(wrong, 0, "grid {grid:?}");
        }
    }

    const BAD_WGSL: &str = concat!(
        "struct Launch {\n    len_x: i64,\n    len_out: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> x: array<i64>;
    @group(0) @binding(1) var<storage, read_write> out: array<i64>;
    @group(0) @binding(2) var<storage, read> launch: Launch;
    @group(0) @binding(3) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let i = i64(wid.x + launch.block_offset[0]) * i64(launch.block_dim[0]) + i64(tid.x);
        if i >= launch.len_x {
            atomicMin(&error[0], 0u);
            return;
        }
        let v = x[u32(i)];
        out[u32(i)] = v * 10;
        if v == 0 {
            atomicMin(&error[0], 1u);
            return;
        }
    }
    "#
    );

    #[test]
    fn wgpu_error_word() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let k = kernel(
            "bad",
            Spec {
                params: vec![(LIST, elem::I64), (LIST, elem::I64)],
                sites: vec![
                    ("IndexError", "list index out of range", 6),
                    ("ZeroDivisionError", "integer division or modulo by zero", 9),
                ],
                wgsl: BAD_WGSL,
                ..Spec::default()
            },
        );
        let x = list_of(&[1i64, 2, 0, 4]);
        let out = list_of(&[0i64; 4]);
        let (kind, msg, report) = launch(&k, &[ptr(x), ptr(out)], [1, 1, 1], [4, 1, 1]).unwrap_err();
        assert_eq!((kind.as_str(), msg.as_str()), ("ZeroDivisionError", "integer division or modulo by zero"));
        assert_eq!(report, "Traceback (most recent call last):\n  File \"prog.py\", line 9, in bad\nZeroDivisionError: integer division or modulo by zero\n");
        assert_eq!(items_of::<i64>(out), vec![10, 20, 0, 40], "writes before the error are copied back");
        let (kind, _, report) = launch(&k, &[ptr(x), ptr(out)], [3, 1, 1], [2, 1, 1]).unwrap_err();
        assert_eq!(kind, "IndexError");
        assert!(report.contains("  File \"prog.py\", line 6, in bad\n"), "{report}");
        let ok = list_of(&[5i64, 6]);
        launch(&k, &[ptr(ok), ptr(out)], [1, 1, 1], [2, 1, 1]).unwrap();
        assert_eq!(items_of::<i64>(out), vec![50, 60, 0, 40]);
    }

    const SCALE_WGSL: &str = concat!(
        "struct Launch {\n    a: i64,\n    len_d: i64,\n    len_b: i64,\n",
        launch_tail!(),
        r#"
    @group(0) @binding(0) var<storage, read_write> d: array<i64>;
    @group(0) @binding(1) var<storage, read_write> b: array<u32>;
    @group(0) @binding(2) var<storage, read> launch: Launch;
    @group(0) @binding(3) var<storage, read_write> error: array<atomic<u32>, 1>;

    @compute @workgroup_size(1, 1, 1)
    fn main(@builtin(local_invocation_id) tid: vec3<u32>, @builtin(workgroup_id) wid: vec3<u32>) {
        let i = i64(wid.x + launch.block_offset[0]) * i64(launch.block_dim[0]) + i64(tid.x);
        if i < launch.len_d {
            d[u32(i)] = d[u32(i)] * launch.a;
        }
        if i < launch.len_b {
            b[u32(i)] = 1u - b[u32(i)];
        }
    }
    "#
    );

    #[test]
    fn wgpu_device_arrays() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        let xs: Vec<i64> = (0..333).map(|i| i - 100).collect();
        let bs: Vec<u8> = (0..5).map(|i| u8::from(i % 2 == 0)).collect();
        let d = to_device(list_of(&xs), elem::I64);
        let b = to_device(list_of(&bs), elem::BOOL);
        // SAFETY: live device arrays.
        assert_eq!(unsafe { (kiln_rt_gpu_array_len(d), kiln_rt_gpu_array_len(b)) }, (333, 5));
        assert_eq!(items_of::<i64>(to_host(d)), xs);
        assert_eq!(items_of::<u8>(to_host(b)), bs);
        let k = kernel(
            "scale",
            Spec {
                params: vec![(SCALAR, elem::I64), (DEVARR, elem::I64), (DEVARR, elem::BOOL)],
                wgsl: SCALE_WGSL,
                ..Spec::default()
            },
        );
        launch(&k, &[3, ptr(d), ptr(b)], [2, 1, 1], [256, 1, 1]).unwrap();
        launch(&k, &[(-2i64) as u64, ptr(d), ptr(b)], [2, 1, 1], [256, 1, 1]).unwrap();
        assert_eq!(items_of::<i64>(to_host(d)), xs.iter().map(|v| v * -6).collect::<Vec<_>>());
        assert_eq!(items_of::<u8>(to_host(b)), bs, "inverted twice");
        // Other kinds and empty arrays round-trip.
        let fs = [0.1f32, -7.5, 1e30];
        assert_eq!(items_of::<f32>(to_host(to_device(list_of(&fs), elem::F32))), fs.to_vec());
        let gs = [0.1f64, -7.5, 1e300];
        assert_eq!(items_of::<f64>(to_host(to_device(list_of(&gs), elem::F64))), gs.to_vec());
        let e = to_device(list_of::<u8>(&[]), elem::BOOL);
        assert_eq!(items_of::<u8>(to_host(e)), Vec::<u8>::new());
        // A cpu device array cannot be used by a wgpu kernel.
        use_cpu();
        let on_cpu = to_device(list_of(&[1i64]), elem::I64);
        assert!(use_wgpu());
        let (kind, msg, _) = launch(&k, &[1, ptr(on_cpu), ptr(b)], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(kind, "RuntimeError");
        assert_eq!(msg, "a device array made on the cpu device cannot be used by a kernel running on wgpu");
    }

    #[test]
    fn wgpu_rejections() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_wgpu() {
            return;
        }
        // No WGSL: not compiled for wgpu.
        let cpu_only = kernel("cpu_only", Spec { cpu: Some(count_cpu), ..Spec::default() });
        let (kind, msg, _) = launch(&cpu_only, &[], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(
            (kind.as_str(), msg.as_str()),
            ("RuntimeError", "kernel 'cpu_only' was not compiled for the wgpu device")
        );
        // WGSL that does not match the layout (a compiler bug) is a RuntimeError, not a crash.
        let wrong = kernel("wrong", Spec { params: vec![(LIST, elem::I64)], wgsl: "fn main() {}", ..Spec::default() });
        let (kind, msg, _) = launch(&wrong, &[ptr(list_of(&[1i64]))], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(kind, "RuntimeError");
        assert!(msg.starts_with("wgpu: kernel 'wrong'"), "{msg}");
        let garbage = kernel("garbage", Spec { wgsl: "this is not wgsl", ..Spec::default() });
        let (kind, msg, _) = launch(&garbage, &[], [1, 1, 1], [1, 1, 1]).unwrap_err();
        assert_eq!(kind, "RuntimeError");
        assert!(msg.starts_with("wgpu: kernel 'garbage' does not parse"), "{msg}");
        // WGSL that does not fit the bind-group layout: wgpu's validation error is raised,
        // not wgpu's default panic.
        let mismatch = kernel(
            "mismatch",
            Spec {
                params: vec![(LIST, elem::I64)],
                wgsl: concat!(
                    "struct Launch {\n    len_x: i64,\n",
                    launch_tail!(),
                    r#"
@group(0) @binding(0) var<storage, read_write> x: array<i64>;
@group(0) @binding(1) var<storage, read_write> launch: Launch;
@group(0) @binding(2) var<storage, read_write> error: array<atomic<u32>, 1>;

@compute @workgroup_size(1, 1, 1)
fn main() {
    x[0] = launch.len_x;
}
"#
                ),
                ..Spec::default()
            },
        );
        for _ in 0..2 {
            let (kind, msg, _) = launch(&mismatch, &[ptr(list_of(&[1i64]))], [1, 1, 1], [1, 1, 1]).unwrap_err();
            assert_eq!(kind, "RuntimeError");
            assert!(msg.starts_with("wgpu: kernel 'mismatch' was rejected: "), "{msg}");
        }
        // The device still works afterwards.
        let k = kernel("big", Spec { params: vec![(LIST, elem::I64)], wgsl: BIG_GRID_WGSL, ..Spec::default() });
        let out = list_of(&[0i64; 3]);
        launch(&k, &[ptr(out)], [1, 1, 1], [3, 1, 1]).unwrap();
        assert_eq!(items_of::<i64>(out), vec![1, 4, 7]);
    }
}

// ---- cuda ----------------------------------------------------------------------------------

/// The cuda device (runs only where there is one; elsewhere `gpu_devices::device_requests`
/// checks the no-driver message).
mod gpu_cuda {
    use super::*;

    /// `llc-19 -march=nvptx64 -mcpu=sm_80 -mattr=+ptx78` of an LLVM IR kernel following
    /// the PTX entry convention: `(f64 a, f32 s, u8 flag, x, y, out, err)`, arrays as
    /// (pointer, length), `out[i] = a * x[i] + y[i] + (s if flag else 0)` for
    /// `i < len(out)`, error site 0 when `i >= len(x)`.
    const SAXPY_PTX: &str = r#"//
// Generated by LLVM NVPTX Back-End
//

.version 7.8
.target sm_80
.address_size 64

	// .globl	kiln_saxpy              // -- Begin function kiln_saxpy
                                        // @kiln_saxpy
.visible .entry kiln_saxpy(
	.param .f64 kiln_saxpy_param_0,
	.param .f32 kiln_saxpy_param_1,
	.param .u8 kiln_saxpy_param_2,
	.param .u64 kiln_saxpy_param_3,
	.param .u64 kiln_saxpy_param_4,
	.param .u64 kiln_saxpy_param_5,
	.param .u64 kiln_saxpy_param_6,
	.param .u64 kiln_saxpy_param_7,
	.param .u64 kiln_saxpy_param_8,
	.param .u64 kiln_saxpy_param_9
)
{
	.reg .pred 	%p<4>;
	.reg .b16 	%rs<3>;
	.reg .b32 	%r<6>;
	.reg .f32 	%f<2>;
	.reg .b64 	%rd<12>;
	.reg .f64 	%fd<9>;

// %bb.0:                               // %entry
	mov.u32 	%r1, %tid.x;
	mov.u32 	%r2, %ctaid.x;
	mov.u32 	%r3, %ntid.x;
	mad.lo.s32 	%r4, %r2, %r3, %r1;
	cvt.u64.u32 	%rd1, %r4;
	ld.param.u64 	%rd7, [kiln_saxpy_param_8];
	setp.ge.s64 	%p1, %rd1, %rd7;
	@%p1 bra 	$L__BB0_4;
// %bb.1:                               // %check
	ld.param.u64 	%rd3, [kiln_saxpy_param_4];
	setp.lt.s64 	%p2, %rd1, %rd3;
	@%p2 bra 	$L__BB0_3;
	bra.uni 	$L__BB0_2;
$L__BB0_3:                              // %body
	ld.param.u64 	%rd5, [kiln_saxpy_param_7];
	ld.param.u64 	%rd4, [kiln_saxpy_param_5];
	ld.param.u64 	%rd2, [kiln_saxpy_param_3];
	ld.param.u8 	%rs1, [kiln_saxpy_param_2];
	ld.param.f32 	%f1, [kiln_saxpy_param_1];
	ld.param.f64 	%fd1, [kiln_saxpy_param_0];
	shl.b64 	%rd8, %rd1, 3;
	add.s64 	%rd9, %rd2, %rd8;
	ld.global.f64 	%fd2, [%rd9];
	add.s64 	%rd10, %rd4, %rd8;
	ld.global.f64 	%fd3, [%rd10];
	mul.rn.f64 	%fd4, %fd1, %fd2;
	add.rn.f64 	%fd5, %fd4, %fd3;
	and.b16  	%rs2, %rs1, 255;
	setp.ne.s16 	%p3, %rs2, 0;
	cvt.f64.f32 	%fd6, %f1;
	selp.f64 	%fd7, %fd6, 0d0000000000000000, %p3;
	add.rn.f64 	%fd8, %fd5, %fd7;
	add.s64 	%rd11, %rd5, %rd8;
	st.global.f64 	[%rd11], %fd8;
	bra.uni 	$L__BB0_4;
$L__BB0_2:                              // %oob
	ld.param.u64 	%rd6, [kiln_saxpy_param_9];
	atom.global.min.u32 	%r5, [%rd6], 0;
$L__BB0_4:                              // %done
	ret;
                                        // -- End function
}
"#;

    fn use_cuda() -> bool {
        match gpu::request_device("cuda") {
            Ok(kind) => {
                assert_eq!(kind, DeviceKind::Cuda);
                true
            }
            Err(reason) => {
                println!("skipped: {reason}");
                false
            }
        }
    }

    fn saxpy_kernel() -> Box<Kernel> {
        let mut k = kernel(
            "saxpy",
            Spec {
                params: vec![
                    (SCALAR, elem::F64),
                    (SCALAR, elem::F32),
                    (SCALAR, elem::BOOL),
                    (LIST, elem::F64),
                    (LIST, elem::F64),
                    (LIST, elem::F64),
                ],
                sites: vec![("IndexError", "list index out of range", 4)],
                ..Spec::default()
            },
        );
        let entry = "kiln_saxpy";
        k.desc.ptx = SAXPY_PTX.as_ptr();
        k.desc.ptx_len = SAXPY_PTX.len();
        k.desc.ptx_entry = entry.as_ptr();
        k.desc.ptx_entry_len = entry.len();
        k
    }

    #[test]
    fn cuda_saxpy_and_error_word() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_cuda() {
            return;
        }
        let k = saxpy_kernel();
        let n = 1000;
        let xs: Vec<f64> = (0..n).map(|i| i as f64 / 3.0).collect();
        let ys: Vec<f64> = (0..n).map(|i| 1e10 + i as f64).collect();
        let (x, y, out) = (list_of(&xs), list_of(&ys), list_of(&vec![0.0f64; n]));
        let s = 0.5f32;
        for flag in [0u64, 1] {
            launch(
                &k,
                &[0.1f64.to_bits(), u64::from(s.to_bits()), flag, ptr(x), ptr(y), ptr(out)],
                [4, 1, 1],
                [256, 1, 1],
            )
            .unwrap();
            let got: Vec<f64> = items_of(out);
            for i in 0..n {
                let extra = if flag != 0 { f64::from(s) } else { 0.0 };
                assert_eq!(got[i], 0.1 * xs[i] + ys[i] + extra, "element {i}");
            }
        }
        // `x` shorter than `out`: site 0, after the other writes were copied back.
        let short = list_of(&xs[..10]);
        let out = list_of(&[0.0f64; 12]);
        let (kind, msg, report) =
            launch(&k, &[0.1f64.to_bits(), 0, 0, ptr(short), ptr(y), ptr(out)], [1, 1, 1], [32, 1, 1]).unwrap_err();
        assert_eq!((kind.as_str(), msg.as_str()), ("IndexError", "list index out of range"));
        assert!(report.contains("  File \"prog.py\", line 4, in saxpy\n"), "{report}");
        let got: Vec<f64> = items_of(out);
        assert_eq!(got[9], 0.1 * xs[9] + ys[9]);
        assert_eq!(got[10], 0.0);
    }

    #[test]
    fn cuda_device_arrays() {
        let _s = serial();
        let _gc = gc::ThreadGuard::new();
        if !use_cuda() {
            return;
        }
        let xs: Vec<i64> = (0..333).map(|i| i * 1_000_000_007).collect();
        let d = to_device(list_of(&xs), elem::I64);
        // SAFETY: a live device array.
        assert_eq!(unsafe { kiln_rt_gpu_array_len(d) }, 333);
        assert_eq!(items_of::<i64>(to_host(d)), xs);
        let bs = [1u8, 0, 1];
        assert_eq!(items_of::<u8>(to_host(to_device(list_of(&bs), elem::BOOL))), bs.to_vec());
        assert_eq!(items_of::<f32>(to_host(to_device(list_of::<f32>(&[]), elem::F32))), Vec::<f32>::new());
    }
}
