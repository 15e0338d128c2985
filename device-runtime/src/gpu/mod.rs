//! # GPU kernels: the device side
//!
//! A `@gpu.kernel` function is compiled once per device kind (a CPU entry, WGSL, PTX) and
//! described to the runtime by a [`KernelDesc`] constant. Host code launches it with
//! [`kiln_rt_gpu_launch`]; this module moves the arguments to the process's *kernel device*,
//! runs the grid, waits, copies list arguments back and turns the kernel's error word into a
//! Python exception. `docs/gpu.md` ("Internals") is the contract with the compiler; the
//! `#[repr(C)]` types below are that contract in Rust.
//!
//! ## Devices
//!
//! * [`DeviceKind::Cpu`] ([`cpu`]): blocks run in parallel on the parallel-loop workers;
//!   the threads of a block run one after another, or as coroutines (one small stack each)
//!   when the kernel uses `gpu.syncthreads()` ([`kiln_rt_gpu_barrier`]).
//! * [`DeviceKind::Wgpu`] ([`wgpu`]): Vulkan/Metal/DX12 through wgpu; the WGSL is parsed with
//!   naga, given the launch's block size and turned into a compute pipeline (both cached).
//! * [`DeviceKind::Cuda`] ([`cuda`]): the CUDA driver API through cudarc (loaded at run
//!   time: a machine without `libcuda.so` simply has no cuda device).
//!
//! One device serves all launches of the process: the one chosen with [`request_device`]
//! (`kiln run --device`, or [`kiln_rt_gpu_request_device`] in built executables), else the
//! one `KILN_DEVICE` names (default `auto`) when the first kernel is launched or the first
//! device array is made. `auto` prefers cuda, then a hardware wgpu adapter, then cpu. A
//! device that was named but cannot be used ends the program with
//! `kiln: error: <device>: <reason>` and exit status 1.
//!
//! ## Launches are synchronous
//!
//! [`kiln_rt_gpu_launch`] returns after the kernel finished and the lists were copied back,
//! so [`kiln_rt_gpu_synchronize`] has nothing to wait for.
//!
//! ## Device arrays
//!
//! `gpu.to_device(xs)` makes a [`DeviceArray`]: a small object on the collector's heap (so
//! it can be stored anywhere a kiln value can) that owns device memory. When the collector
//! finds it unreachable, a finaliser queues its device memory, which is released at the next
//! call into this module (see [`array`]).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU32, AtomicU8, Ordering};
use std::sync::Mutex;

use crate::exceptions::{self, PyErr};
use crate::io;
use crate::lists::KList;

pub mod array;
mod coro;
pub mod cpu;
pub mod cuda;
pub mod wgpu;

pub use array::DeviceArray;

// ---------------------------------------------------------------------------------------
// The ABI shared with the compiler (docs/gpu.md, "Runtime ABI")
// ---------------------------------------------------------------------------------------

/// One compiled kernel, as a constant the compiler emits. Strings are UTF-8, not
/// NUL-terminated, and live as long as the program.
#[repr(C)]
#[derive(Debug)]
pub struct KernelDesc {
    /// Kernel name as written in the source (traceback entries).
    pub name: *const u8,
    pub name_len: usize,
    /// Source path as the traceback prints it.
    pub file: *const u8,
    pub file_len: usize,
    /// One entry per parameter, in order.
    pub params: *const ParamDesc,
    pub num_params: usize,
    /// The kernel's error sites: the error word holds an index into this table.
    pub sites: *const ErrorSite,
    pub num_sites: usize,
    /// CPU: bytes of shared memory each block gets (zeroed, 16-aligned).
    pub shared_bytes: u64,
    /// CPU: non-zero when the kernel calls [`kiln_rt_gpu_barrier`] (its threads then need
    /// their own stacks).
    pub uses_barrier: u8,
    /// CPU: runs one thread (None when not compiled for the CPU).
    pub cpu_entry: Option<CpuEntry>,
    /// WGSL source (empty when not compiled for wgpu).
    pub wgsl: *const u8,
    pub wgsl_len: usize,
    /// PTX source (empty when not compiled for cuda).
    pub ptx: *const u8,
    pub ptx_len: usize,
    /// Name of the PTX entry (`kiln_<kernel symbol>`).
    pub ptx_entry: *const u8,
    pub ptx_entry_len: usize,
}

/// Compiled code runs one CPU thread of a kernel: `entry(ctx, args)`, `args` being the
/// launch's arguments rewritten for the device (scalars unchanged, arrays as pointers to
/// [`CpuArray`]).
pub type CpuEntry = unsafe extern "C" fn(ctx: *const CpuThreadCtx, args: *const u64);

/// [`ParamDesc::kind`] values.
pub mod param_kind {
    /// Passed by value in the argument word.
    pub const SCALAR: u8 = 0;
    /// The argument is a `*mut KList`, copied to the device and back.
    pub const LIST: u8 = 1;
    /// The argument is a `*mut DeviceArray`, used in place.
    pub const DEVICE_ARRAY: u8 = 2;
}

/// Element (and scalar) kinds: [`ParamDesc::elem`] and the `elem` of
/// [`kiln_rt_gpu_to_device`]. Note that these codes differ from `lists::kind`.
pub mod elem {
    /// `int`: i64, 8 bytes everywhere.
    pub const I64: u8 = 0;
    /// `float`: f64, 8 bytes everywhere.
    pub const F64: u8 = 1;
    /// `float32`: f32, 4 bytes everywhere.
    pub const F32: u8 = 2;
    /// `bool`: 1 byte (0/1) on the host, cpu and cuda; a `u32` 0/1 in wgpu buffers.
    pub const BOOL: u8 = 3;

    /// Bytes per element in host lists (and on the cpu and cuda devices); None for an
    /// unknown code.
    pub fn host_size(elem: u8) -> Option<usize> {
        match elem {
            I64 | F64 => Some(8),
            F32 => Some(4),
            BOOL => Some(1),
            _ => None,
        }
    }

    /// The Python type name, for messages.
    pub fn name(elem: u8) -> &'static str {
        match elem {
            I64 => "int",
            F64 => "float",
            F32 => "float32",
            BOOL => "bool",
            _ => "?",
        }
    }
}

/// How one parameter is passed.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamDesc {
    /// [`param_kind`]: 0 scalar, 1 list, 2 device array.
    pub kind: u8,
    /// [`elem`]: the scalar's type or the array's element type.
    pub elem: u8,
}

/// One error site of a kernel (a `Raise` of the lowered kernel): the exception raised on
/// the host when the error word names it.
#[repr(C)]
#[derive(Debug)]
pub struct ErrorSite {
    /// Exception class name (`IndexError`).
    pub kind: *const u8,
    pub kind_len: usize,
    /// Its message (`list index out of range`); empty for none.
    pub msg: *const u8,
    pub msg_len: usize,
    /// Source line of the failing check (traceback).
    pub line: u32,
}

/// What a CPU kernel thread knows about itself: `gpu.thread`, `gpu.block`,
/// `gpu.block.dim`, `gpu.grid.dim`, the block's shared memory and the error word.
#[repr(C)]
#[derive(Debug)]
pub struct CpuThreadCtx {
    pub thread: [i64; 3],
    pub block: [i64; 3],
    pub block_dim: [i64; 3],
    pub grid_dim: [i64; 3],
    /// This block's shared memory: `shared_bytes` bytes, zeroed, 16-aligned.
    pub shared: *mut u8,
    /// The launch's error word: a failing thread does `fetch_min(site)` and returns.
    pub error: *const AtomicU32,
}

/// An array argument of a CPU kernel: the elements of the list (or device array) in place,
/// packed at their host size.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CpuArray {
    pub data: *mut u8,
    pub len: i64,
}

/// The error word's value when no thread failed.
pub const NO_ERROR: u32 = u32::MAX;

/// Offsets in the wgpu `Launch` buffer (binding `A` of group 0, `var<storage, read>`), for
/// a kernel with `scalars` scalar and `arrays` array parameters: an 8-byte slot per scalar
/// (in parameter order), an `i64` length per array, then
/// `u32 block_offset[3], pad, grid_dim[3], pad, block_dim[3], pad`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaunchLayout {
    /// Offset of the first array length.
    pub lengths: usize,
    /// Offset of `block_offset[0]` (`grid_dim` is 16 bytes further, `block_dim` 32).
    pub block_offset: usize,
    /// Total size in bytes.
    pub size: usize,
}

impl LaunchLayout {
    /// The layout for `scalars` scalar and `arrays` array parameters.
    pub fn new(scalars: usize, arrays: usize) -> LaunchLayout {
        let lengths = 8 * scalars;
        let block_offset = lengths + 8 * arrays;
        LaunchLayout { lengths, block_offset, size: block_offset + 48 }
    }
}

// ---------------------------------------------------------------------------------------
// Devices
// ---------------------------------------------------------------------------------------

/// Where kernels run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum DeviceKind {
    Cpu = 1,
    Cuda = 2,
    Wgpu = 3,
}

impl DeviceKind {
    /// `cpu`, `cuda` or `wgpu`.
    pub fn name(self) -> &'static str {
        match self {
            DeviceKind::Cpu => "cpu",
            DeviceKind::Cuda => "cuda",
            DeviceKind::Wgpu => "wgpu",
        }
    }

    fn from_code(code: u8) -> Option<DeviceKind> {
        match code {
            1 => Some(DeviceKind::Cpu),
            2 => Some(DeviceKind::Cuda),
            3 => Some(DeviceKind::Wgpu),
            _ => None,
        }
    }
}

/// The kernel device of the process (a [`DeviceKind`] code; 0 = not chosen yet).
static CURRENT: AtomicU8 = AtomicU8::new(0);
/// Serialises device selection (probing opens drivers).
static SELECTING: Mutex<()> = Mutex::new(());

/// Probe and initialise a device and make it the process's kernel device. `name` is `cpu`,
/// `cuda`, `wgpu` or `auto` (ASCII case ignored). Requesting the current device again does
/// nothing; requesting another one switches (device arrays stay on the device that made
/// them and cannot be passed to kernels running elsewhere).
///
/// Errors are one line, naming the device: `cuda: no CUDA driver (libcuda.so not found)`,
/// `wgpu: no Vulkan/Metal/DX12 adapter found`. `auto` never fails: it falls back to cpu.
pub fn request_device(name: &str) -> Result<DeviceKind, String> {
    let _selecting = SELECTING.lock().unwrap_or_else(|e| e.into_inner());
    select(name)
}

/// [`request_device`] under the selection lock.
fn select(name: &str) -> Result<DeviceKind, String> {
    array::release_unreachable();
    let kind = match name.trim().to_ascii_lowercase().as_str() {
        "cpu" => DeviceKind::Cpu,
        "cuda" => {
            cuda::state()?;
            DeviceKind::Cuda
        }
        "wgpu" => {
            wgpu::state()?;
            DeviceKind::Wgpu
        }
        "auto" => {
            if cuda::state().is_ok() {
                DeviceKind::Cuda
            } else if wgpu::has_hardware_adapter() && wgpu::state().is_ok() {
                DeviceKind::Wgpu
            } else {
                DeviceKind::Cpu
            }
        }
        _ => return Err(format!("unknown device '{}' (expected cpu, cuda, wgpu or auto)", name.trim())),
    };
    CURRENT.store(kind as u8, Ordering::Release);
    Ok(kind)
}

/// The process's kernel device, if one was chosen.
pub fn current_device() -> Option<DeviceKind> {
    DeviceKind::from_code(CURRENT.load(Ordering::Acquire))
}

/// The kernel device, choosing it from `KILN_DEVICE` (default `auto`) if nothing was
/// requested yet; a device that cannot be used ends the program ([`fail_device`]).
pub fn device_for_use() -> DeviceKind {
    if let Some(kind) = current_device() {
        return kind;
    }
    let _selecting = SELECTING.lock().unwrap_or_else(|e| e.into_inner());
    // Another thread may have chosen meanwhile.
    if let Some(kind) = current_device() {
        return kind;
    }
    let name = std::env::var("KILN_DEVICE").unwrap_or_default();
    let name = if name.trim().is_empty() { "auto".to_string() } else { name };
    match select(&name) {
        Ok(kind) => kind,
        Err(reason) => fail_device(&reason),
    }
}

/// Print `kiln: error: <reason>` (after the program's buffered output) and exit with
/// status 1: the requested device cannot run kernels.
pub fn fail_device(reason: &str) -> ! {
    crate::files::flush_all();
    io::write_stderr(format!("kiln: error: {reason}\n").as_bytes());
    std::process::exit(1)
}

// ---------------------------------------------------------------------------------------
// Launching
// ---------------------------------------------------------------------------------------

/// Why an operation did not complete.
#[derive(Debug)]
pub(crate) enum Fail {
    /// Raise this.
    Raise(PyErr),
    /// An exception is already pending on this thread.
    Pending,
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Raise(e)
    }
}

pub(crate) fn runtime_error(msg: impl Into<String>) -> Fail {
    Fail::Raise(PyErr::new("RuntimeError", msg))
}

pub(crate) fn value_error(msg: impl Into<String>) -> Fail {
    Fail::Raise(PyErr::new("ValueError", msg))
}

/// `len` bytes at `ptr` as text (empty for null).
///
/// # Safety
/// `ptr` is null or valid for `len` bytes that outlive the result.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> &'a str {
    if ptr.is_null() || len == 0 {
        return "";
    }
    // SAFETY: caller contract.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).unwrap_or("<invalid utf-8>")
}

/// `len` items at `ptr` (empty for null).
///
/// # Safety
/// `ptr` is null or valid for `len` items that outlive the result.
unsafe fn items<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if ptr.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: caller contract.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

impl KernelDesc {
    /// The kernel's name.
    ///
    /// # Safety
    /// The descriptor's pointers are valid (they are compiler-emitted constants).
    pub unsafe fn name(&self) -> &str {
        // SAFETY: caller contract.
        unsafe { text(self.name, self.name_len) }
    }

    /// The source path the traceback prints.
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn file(&self) -> &str {
        // SAFETY: caller contract.
        unsafe { text(self.file, self.file_len) }
    }

    /// The parameter descriptors.
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn params(&self) -> &[ParamDesc] {
        // SAFETY: caller contract.
        unsafe { items(self.params, self.num_params) }
    }

    /// The error sites.
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn sites(&self) -> &[ErrorSite] {
        // SAFETY: caller contract.
        unsafe { items(self.sites, self.num_sites) }
    }

    /// The WGSL source (empty when not compiled for wgpu).
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn wgsl(&self) -> &str {
        // SAFETY: caller contract.
        unsafe { text(self.wgsl, self.wgsl_len) }
    }

    /// The PTX source (empty when not compiled for cuda).
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn ptx(&self) -> &str {
        // SAFETY: caller contract.
        unsafe { text(self.ptx, self.ptx_len) }
    }

    /// The PTX entry's name.
    ///
    /// # Safety
    /// As [`KernelDesc::name`].
    pub unsafe fn ptx_entry(&self) -> &str {
        // SAFETY: caller contract.
        unsafe { text(self.ptx_entry, self.ptx_entry_len) }
    }
}

/// One launch, validated: what the device back ends receive.
pub(crate) struct Job<'a> {
    pub desc: &'a KernelDesc,
    pub name: &'a str,
    pub params: &'a [ParamDesc],
    /// One word per parameter (see [`kiln_rt_gpu_launch`]).
    pub args: &'a [u64],
    pub grid: [i64; 3],
    pub block: [i64; 3],
}

impl Job<'_> {
    /// `RuntimeError` for a kernel that has no code for `device`.
    pub fn not_compiled(&self, device: DeviceKind) -> Fail {
        runtime_error(format!("kernel '{}' was not compiled for the {} device", self.name, device.name()))
    }

    /// Number of blocks in the grid (checked: the product may not fit).
    pub fn num_blocks(&self) -> Result<i64, Fail> {
        self.grid
            .iter()
            .try_fold(1i64, |acc, &g| acc.checked_mul(g))
            .ok_or_else(|| value_error("the grid has too many blocks"))
    }

    /// Threads per block (at most 1024 after validation).
    pub fn threads_per_block(&self) -> usize {
        (self.block[0] * self.block[1] * self.block[2]) as usize
    }

    /// The list argument of parameter `i` (null for an empty list).
    pub fn list(&self, i: usize) -> *mut KList {
        self.args[i] as usize as *mut KList
    }

    /// The device array argument of parameter `i`, checked against the parameter and the
    /// device that runs the launch.
    ///
    /// # Safety
    /// The argument is a pointer to a live [`DeviceArray`] (or null).
    pub unsafe fn device_array(&self, i: usize, device: DeviceKind) -> Result<&DeviceArray, Fail> {
        // SAFETY: caller contract.
        let arr = unsafe { DeviceArray::from_ptr(self.args[i] as usize as *const DeviceArray) }?;
        arr.check_use(device, self.params[i].elem)?;
        Ok(arr)
    }
}

/// Validate the launch configuration (the errors CPython's reference raises too).
fn check_dims(grid: [i64; 3], block: [i64; 3]) -> Result<(), Fail> {
    if grid.iter().chain(block.iter()).any(|&d| d < 1) {
        return Err(value_error("grid and block dimensions must be positive"));
    }
    let threads = block.iter().try_fold(1i64, |acc, &b| acc.checked_mul(b));
    if !matches!(threads, Some(t) if t <= 1024) {
        return Err(value_error("a block has at most 1024 threads"));
    }
    Ok(())
}

/// The body of [`kiln_rt_gpu_launch`].
///
/// # Safety
/// As [`kiln_rt_gpu_launch`].
unsafe fn launch(desc: *const KernelDesc, args: *const u64, grid: *const i64, block: *const i64) -> Result<(), Fail> {
    array::release_unreachable();
    if desc.is_null() || grid.is_null() || block.is_null() {
        return Err(runtime_error("kiln_rt_gpu_launch: null kernel descriptor or launch configuration"));
    }
    // SAFETY: caller contract: the descriptor and the 3-element arrays are valid.
    let (desc, grid, block) = unsafe { (&*desc, *(grid as *const [i64; 3]), *(block as *const [i64; 3])) };
    check_dims(grid, block)?;
    // SAFETY: the descriptor is a compiler-emitted constant.
    let (name, params) = unsafe { (desc.name(), desc.params()) };
    if !params.is_empty() && args.is_null() {
        return Err(runtime_error("kiln_rt_gpu_launch: null argument array"));
    }
    for p in params {
        if p.kind > param_kind::DEVICE_ARRAY || elem::host_size(p.elem).is_none() {
            return Err(runtime_error(format!("kernel '{name}': bad parameter descriptor {p:?}")));
        }
    }
    // SAFETY: `args` holds one word per parameter (caller contract).
    let args = unsafe { items(args, params.len()) };
    let job = Job { desc, name, params, args, grid, block };
    let device = device_for_use();
    // SAFETY: the arguments match the descriptor (caller contract).
    let err = unsafe {
        match device {
            DeviceKind::Cpu => cpu::launch(&job),
            DeviceKind::Wgpu => wgpu::launch(&job),
            DeviceKind::Cuda => cuda::launch(&job),
        }
    }?;
    if err == NO_ERROR {
        return Ok(());
    }
    // SAFETY: the descriptor is a compiler-emitted constant.
    let sites = unsafe { desc.sites() };
    let Some(site) = sites.get(err as usize) else {
        return Err(Fail::Raise(PyErr::new(
            "SystemError",
            format!("kernel '{name}' reported error site {err}, but it has {} sites", sites.len()),
        )));
    };
    // SAFETY: the site's strings are compiler-emitted constants.
    let (kind, msg, file) = unsafe { (text(site.kind, site.kind_len), text(site.msg, site.msg_len), desc.file()) };
    exceptions::raise(if kind.is_empty() { "RuntimeError" } else { kind }, (!msg.is_empty()).then_some(msg));
    exceptions::traceback_push(file, name, i64::from(site.line));
    Err(Fail::Pending)
}

// ---------------------------------------------------------------------------------------
// The C ABI
// ---------------------------------------------------------------------------------------

/// Run a fallible operation: 0, or 1 with an exception pending. A panic (a runtime bug)
/// becomes `SystemError`; nothing unwinds into compiled code.
fn status(f: impl FnOnce() -> Result<(), Fail>) -> u8 {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => 0,
        Ok(Err(Fail::Raise(e))) => {
            exceptions::raise_err(&e);
            1
        }
        Ok(Err(Fail::Pending)) => {
            if !exceptions::is_pending() {
                exceptions::raise("SystemError", Some("kiln: gpu operation failed without setting an exception"));
            }
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

/// Launch kernel `desc` on the kernel device with `grid` and `block` (3 dimensions each) and
/// wait for it. `args[i]` is parameter `i`: a scalar's bits (`i64`, `f64` bits, `f32` bits
/// in the low half, `bool` 0/1), a `*mut KList` (list parameters: copied to the device and
/// back; on cpu the kernel works on the list's storage directly) or a `*mut DeviceArray`.
///
/// Returns 1 when it raised: `ValueError: grid and block dimensions must be positive`,
/// `ValueError: a block has at most 1024 threads`, the device's own limits, or the exception
/// of the kernel's error site (`sites[err]`, after the lists were copied back) with the
/// traceback entry `(file, name, line)` pushed; the caller pushes its own entry.
///
/// # Safety
/// `desc` is a valid descriptor, `args` holds `desc.num_params` words matching it (the
/// lists and device arrays alive), `grid` and `block` point to 3 `i64`s each.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_launch(
    desc: *const KernelDesc,
    args: *const u64,
    grid: *const i64,
    block: *const i64,
) -> u8 {
    // SAFETY: caller contract.
    status(|| unsafe { launch(desc, args, grid, block) })
}

/// `gpu.syncthreads()` in a CPU kernel: wait until every thread of the block has called it
/// (or returned). Shared-memory writes made before it are visible after it.
///
/// # Safety
/// `ctx` is the context the running kernel thread received.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_barrier(ctx: *const CpuThreadCtx) {
    // SAFETY: caller contract. Not wrapped in `fatal`: it switches stacks, and it cannot
    // panic (a broken contract aborts inside).
    unsafe { cpu::barrier(ctx) }
}

/// `gpu.to_device(xs)`: a new [`DeviceArray`] on the kernel device holding a copy of the
/// list `list` (elements of kind `elem`, an [`elem`] code). Writes it to `*out`.
///
/// # Safety
/// `list` is null (empty) or a valid list of `elem` elements; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_to_device(list: *const KList, elem: u8, out: *mut *mut DeviceArray) -> u8 {
    status(|| {
        // SAFETY: caller contract.
        let arr = unsafe { array::to_device(list, elem) }?;
        if !out.is_null() {
            // SAFETY: caller contract.
            unsafe { out.write(arr) };
        }
        Ok(())
    })
}

/// `d.copy_to_host()`: a new list with the device array's current contents.
///
/// # Safety
/// `arr` is a device array from [`kiln_rt_gpu_to_device`]; `out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_copy_to_host(arr: *const DeviceArray, out: *mut *mut KList) -> u8 {
    status(|| {
        // SAFETY: caller contract.
        let list = unsafe { array::copy_to_host(arr) }?;
        if !out.is_null() {
            // SAFETY: caller contract.
            unsafe { out.write(list) };
        }
        Ok(())
    })
}

/// `len(d)` for a device array (0 for null).
///
/// # Safety
/// `arr` is null or a device array from [`kiln_rt_gpu_to_device`].
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_array_len(arr: *const DeviceArray) -> i64 {
    // SAFETY: caller contract.
    fatal(|| unsafe { DeviceArray::from_ptr(arr) }.map(|a| a.len()).unwrap_or(0))
}

/// `gpu.synchronize()`: launches are synchronous, so this only releases the device memory
/// of unreachable device arrays. Never raises today (status kept for the future).
#[no_mangle]
pub extern "C" fn kiln_rt_gpu_synchronize() -> u8 {
    status(|| {
        array::release_unreachable();
        Ok(())
    })
}

/// Choose the kernel device by name (`cpu`, `cuda`, `wgpu`, `auto`; `len` bytes of UTF-8 at
/// `name`), as [`request_device`]; when it cannot be used, print `kiln: error: <reason>`
/// and exit with status 1. Built executables call it at start for `KILN_DEVICE`-style
/// options.
///
/// # Safety
/// `name` is valid for `len` bytes (or null: `auto`).
#[no_mangle]
pub unsafe extern "C" fn kiln_rt_gpu_request_device(name: *const u8, len: usize) {
    // SAFETY: caller contract.
    let name = unsafe { text(name, len) };
    let name = if name.is_empty() { "auto" } else { name };
    if let Err(reason) = fatal(|| request_device(name)) {
        fail_device(&reason)
    }
}

/// The `kiln_rt_gpu_*` functions and their addresses (appended to [`crate::symbols`]).
pub fn symbols() -> Vec<(&'static str, usize)> {
    vec![
        ("kiln_rt_gpu_launch", kiln_rt_gpu_launch as *const () as usize),
        ("kiln_rt_gpu_barrier", kiln_rt_gpu_barrier as *const () as usize),
        ("kiln_rt_gpu_to_device", kiln_rt_gpu_to_device as *const () as usize),
        ("kiln_rt_gpu_copy_to_host", kiln_rt_gpu_copy_to_host as *const () as usize),
        ("kiln_rt_gpu_array_len", kiln_rt_gpu_array_len as *const () as usize),
        ("kiln_rt_gpu_synchronize", kiln_rt_gpu_synchronize as *const () as usize),
        ("kiln_rt_gpu_request_device", kiln_rt_gpu_request_device as *const () as usize),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layouts the compiler's backends emit (docs/gpu.md).
    #[test]
    fn abi_layouts() {
        use std::mem::{offset_of, size_of};
        assert_eq!(size_of::<ParamDesc>(), 2);
        assert_eq!((size_of::<ErrorSite>(), offset_of!(ErrorSite, line)), (40, 32));
        assert_eq!((size_of::<CpuArray>(), offset_of!(CpuArray, len)), (16, 8));
        assert_eq!(size_of::<CpuThreadCtx>(), 112);
        assert_eq!((offset_of!(CpuThreadCtx, shared), offset_of!(CpuThreadCtx, error)), (96, 104));
        assert_eq!(size_of::<KernelDesc>(), 136);
        assert_eq!(offset_of!(KernelDesc, shared_bytes), 64);
        assert_eq!(offset_of!(KernelDesc, uses_barrier), 72);
        assert_eq!(offset_of!(KernelDesc, cpu_entry), 80);
        assert_eq!(offset_of!(KernelDesc, wgsl), 88);
        assert_eq!(offset_of!(KernelDesc, ptx_entry_len), 128);
    }

    #[test]
    fn launch_layout() {
        assert_eq!(LaunchLayout::new(0, 0), LaunchLayout { lengths: 0, block_offset: 0, size: 48 });
        assert_eq!(LaunchLayout::new(2, 3), LaunchLayout { lengths: 16, block_offset: 40, size: 88 });
    }

    #[test]
    fn dims() {
        assert!(check_dims([1, 1, 1], [1024, 1, 1]).is_ok());
        assert!(check_dims([0, 1, 1], [1, 1, 1]).is_err());
        assert!(check_dims([1, 1, 1], [1, -1, 1]).is_err());
        assert!(check_dims([1, 1, 1], [32, 32, 2]).is_err());
        assert!(check_dims([1, 1, 1], [i64::MAX, i64::MAX, 2]).is_err());
    }
}
