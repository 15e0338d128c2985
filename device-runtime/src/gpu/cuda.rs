//! The cuda device: PTX kernels through the CUDA driver API (cudarc, with `libcuda.so`
//! loaded at run time — a machine without it just has no cuda device).
//!
//! * **Context**: the primary context of device 0 and its default stream.
//! * **Kernels**: the PTX is loaded with `cuModuleLoadData` once per distinct source
//!   (the driver JIT-compiles it for the GPU) and the entry `KernelDesc::ptx_entry`
//!   looked up once; both stay loaded for the process.
//! * **Parameters** (`docs/gpu.md`): a scalar as `.u64`/`.f64`/`.f32`/`.u8` by its element
//!   kind, an array as two `.u64` (device pointer, length), then a `.u64` pointer to the
//!   error word. List arguments are copied to fresh device memory and back after the
//!   launch; device arrays are used in place. Elements have their host sizes.
//! * The grid is launched as one `cuLaunchKernel` (the PTX reads `%ctaid` directly), so the
//!   grid must fit CUDA's limits: 2^31 - 1 blocks in x, 65535 in y and z.
//!
//! Launches are serialised by a lock and synchronous (the stream is synchronised before
//! results are read).

use std::collections::HashMap;
use std::ffi::{c_void, CString};
use std::panic::catch_unwind;
use std::sync::{Arc, Mutex, OnceLock};

use cudarc::driver::{result, sys, CudaContext, CudaSlice, CudaStream, DevicePtr};

use super::array::{list_bytes, list_len, Storage};
use super::{elem, param_kind, runtime_error, value_error, DeviceKind, Fail, Job};
use crate::lists::KList;

/// Device-array storage on the cuda device.
pub(crate) struct CudaBuf {
    slice: CudaSlice<u8>,
}

/// A loaded PTX module and the functions looked up in it.
struct Module {
    module: sys::CUmodule,
    functions: HashMap<String, sys::CUfunction>,
}

// SAFETY: module and function handles are plain driver handles, usable from any thread
// with the context current; they are only used under `State::modules`' lock.
unsafe impl Send for Module {}

/// The opened device.
pub(crate) struct State {
    ctx: Arc<CudaContext>,
    stream: Arc<CudaStream>,
    /// By PTX source (see the wgpu cache for why not by descriptor address). Its lock also
    /// serialises launches.
    modules: Mutex<HashMap<String, Module>>,
}

static STATE: OnceLock<Result<State, String>> = OnceLock::new();

/// The cuda device, opened on first use; the error is the one-line reason it cannot be
/// used (`cuda: no CUDA driver (libcuda.so not found)`).
pub(crate) fn state() -> Result<&'static State, String> {
    STATE
        .get_or_init(|| {
            catch_unwind(open).unwrap_or_else(|_| Err("cuda: the CUDA driver failed to initialise".to_string()))
        })
        .as_ref()
        .map_err(Clone::clone)
}

fn open() -> Result<State, String> {
    // cudarc panics when it cannot load the driver library: ask first.
    // SAFETY: only tries to open the library.
    if !unsafe { sys::is_culib_present() } {
        return Err("cuda: no CUDA driver (libcuda.so not found)".to_string());
    }
    let ctx = CudaContext::new(0).map_err(|e| format!("cuda: no usable CUDA device ({e})"))?;
    let stream = ctx.default_stream();
    Ok(State { ctx, stream, modules: Mutex::new(HashMap::new()) })
}

/// The name of the cuda device, when it is open (or can be opened).
pub fn device_name() -> Result<String, String> {
    let st = state()?;
    st.ctx.name().map_err(|e| format!("cuda: {e}"))
}

fn driver_error(what: &str, e: result::DriverError) -> Fail {
    runtime_error(format!("cuda: {what}: {e}"))
}

impl State {
    /// The kernel entry `entry` of `ptx` (loading the module on first use).
    fn function(
        &self,
        modules: &mut HashMap<String, Module>,
        name: &str,
        ptx: &str,
        entry: &str,
    ) -> Result<sys::CUfunction, Fail> {
        self.ctx.bind_to_thread().map_err(|e| driver_error("cannot use the context", e))?;
        if !modules.contains_key(ptx) {
            let image =
                CString::new(ptx).map_err(|_| runtime_error(format!("cuda: kernel '{name}': PTX contains NUL")))?;
            // SAFETY: a NUL-terminated PTX image; the context is current.
            let module = unsafe { result::module::load_data(image.as_ptr() as *const c_void) }
                .map_err(|e| driver_error(&format!("cannot load kernel '{name}'"), e))?;
            modules.insert(ptx.to_string(), Module { module, functions: HashMap::new() });
        }
        let m = modules.get_mut(ptx).ok_or_else(|| runtime_error("cuda: module cache"))?;
        if let Some(&f) = m.functions.get(entry) {
            return Ok(f);
        }
        let c_entry = CString::new(entry).map_err(|_| runtime_error("cuda: entry name contains NUL"))?;
        // SAFETY: `m.module` is loaded and never unloaded.
        let f = unsafe { result::module::get_function(m.module, c_entry) }
            .map_err(|e| driver_error(&format!("kernel '{name}' has no entry '{entry}'"), e))?;
        m.functions.insert(entry.to_string(), f);
        Ok(f)
    }

    /// Fresh device memory holding `bytes` (at least 8 bytes: no empty allocations).
    fn upload(&self, bytes: &[u8]) -> Result<CudaSlice<u8>, Fail> {
        let mut padded;
        let src = if bytes.len() < 8 {
            padded = [0u8; 8];
            padded[..bytes.len()].copy_from_slice(bytes);
            &padded[..]
        } else {
            bytes
        };
        self.stream.clone_htod(src).map_err(|e| driver_error("cannot copy to the device", e))
    }

    /// The first `out.len()` bytes of `slice`; synchronises the stream.
    fn download(&self, slice: &CudaSlice<u8>, out: &mut [u8]) -> Result<(), Fail> {
        let mut all = vec![0u8; slice.len()];
        self.stream.memcpy_dtoh(slice, &mut all[..]).map_err(|e| driver_error("cannot copy from the device", e))?;
        self.stream.synchronize().map_err(|e| driver_error("cannot copy from the device", e))?;
        out.copy_from_slice(&all[..out.len()]);
        Ok(())
    }
}

/// `gpu.to_device` on cuda.
pub(crate) fn upload(bytes: &[u8]) -> Result<CudaBuf, Fail> {
    let st = state().map_err(runtime_error)?;
    Ok(CudaBuf { slice: st.upload(bytes)? })
}

/// `d.copy_to_host()` on cuda: the first `out.len()` bytes.
pub(crate) fn download(buf: &CudaBuf, out: &mut [u8]) -> Result<(), Fail> {
    let st = state().map_err(runtime_error)?;
    st.download(&buf.slice, out)
}

/// An array argument's device memory.
enum ArrayMem<'a> {
    /// A list's copy, read back after the launch.
    List {
        slice: CudaSlice<u8>,
        list: *mut KList,
        size: usize,
    },
    Device(&'a CudaSlice<u8>),
}

/// An array argument: its memory and its length in elements.
struct ArrayArg<'a> {
    mem: ArrayMem<'a>,
    len: i64,
}

impl ArrayMem<'_> {
    fn slice(&self) -> &CudaSlice<u8> {
        match self {
            ArrayMem::List { slice, .. } => slice,
            ArrayMem::Device(s) => s,
        }
    }
}

/// Run a launch on cuda; returns the error word.
///
/// # Safety
/// The job's arguments match its descriptor (lists and device arrays alive).
pub(crate) unsafe fn launch(job: &Job<'_>) -> Result<u32, Fail> {
    let st = state().map_err(runtime_error)?;
    // SAFETY: compiler-emitted constants.
    let (ptx, entry) = unsafe { (job.desc.ptx(), job.desc.ptx_entry()) };
    if ptx.is_empty() || entry.is_empty() {
        return Err(job.not_compiled(DeviceKind::Cuda));
    }
    let [gx, gy, gz] = job.grid;
    if gx > i64::from(i32::MAX) || gy > 65535 || gz > 65535 {
        return Err(value_error(format!(
            "a grid of {gx}x{gy}x{gz} blocks is too large for the cuda device (at most 2147483647x65535x65535)"
        )));
    }
    let [bx, by, bz] = job.block;
    if bz > 64 {
        return Err(value_error(format!(
            "a block of {bx}x{by}x{bz} threads is too large for the cuda device (z at most 64)"
        )));
    }

    let mut modules = st.modules.lock().unwrap_or_else(|e| e.into_inner());
    let func = st.function(&mut modules, job.name, ptx, entry)?;

    let mut arrays: Vec<ArrayArg<'_>> = Vec::new();
    for (i, p) in job.params.iter().enumerate() {
        match p.kind {
            param_kind::SCALAR => {}
            param_kind::LIST => {
                let list = job.list(i);
                let size = elem::host_size(p.elem).unwrap_or(1);
                // SAFETY: caller contract.
                let (len, host) = unsafe { (list_len(list), list_bytes(list, size)) };
                arrays.push(ArrayArg { mem: ArrayMem::List { slice: st.upload(host)?, list, size }, len });
            }
            _ => {
                // SAFETY: caller contract.
                let arr = unsafe { job.device_array(i, DeviceKind::Cuda) }?;
                let Storage::Cuda(buf) = arr.storage() else {
                    return Err(runtime_error("kiln: device array storage does not match its device"));
                };
                arrays.push(ArrayArg { mem: ArrayMem::Device(&buf.slice), len: arr.len() });
            }
        }
    }
    let error = st.upload(&u32::MAX.to_le_bytes())?;

    {
        // Parameter values, each in an 8-byte slot whose first bytes hold the value
        // (CUDA hosts are little-endian); `cuLaunchKernel` reads each parameter's size from
        // its pointer. The slots are all pushed before pointers to them are taken.
        let mut values: Vec<u64> = Vec::with_capacity(2 * job.params.len() + 1);
        let mut guards = Vec::new();
        let mut next_array = arrays.iter();
        for (i, p) in job.params.iter().enumerate() {
            let arg = job.args[i];
            if p.kind == param_kind::SCALAR {
                values.push(match p.elem {
                    elem::F32 => arg & 0xffff_ffff,
                    elem::BOOL => u64::from(arg & 0xff != 0),
                    _ => arg,
                });
            } else {
                let a = next_array.next().ok_or_else(|| runtime_error("cuda: argument bookkeeping"))?;
                let (ptr, guard) = a.mem.slice().device_ptr(&st.stream);
                guards.push(guard);
                values.push(ptr);
                values.push(a.len as u64);
            }
        }
        let (error_ptr, error_guard) = error.device_ptr(&st.stream);
        values.push(error_ptr);
        let mut params: Vec<*mut c_void> = values.iter_mut().map(|v| v as *mut u64 as *mut c_void).collect();
        st.ctx.bind_to_thread().map_err(|e| driver_error("cannot use the context", e))?;
        // SAFETY: `func` takes exactly these parameters (the PTX entry convention) and the
        // memory they point to stays allocated until the stream is synchronised below.
        unsafe {
            result::launch_kernel(
                func,
                (gx as u32, gy as u32, gz as u32),
                (bx as u32, by as u32, bz as u32),
                0,
                st.stream.cu_stream(),
                &mut params,
            )
        }
        .map_err(|e| driver_error(&format!("launching kernel '{}' failed", job.name), e))?;
        st.stream.synchronize().map_err(|e| driver_error(&format!("kernel '{}' failed", job.name), e))?;
        drop(error_guard);
        drop(guards);
    }

    let mut word = [0u8; 4];
    st.download(&error, &mut word)?;
    for a in &arrays {
        if let ArrayMem::List { slice, list, size } = &a.mem {
            // SAFETY: caller contract; the list was not resized (the host waited).
            let host = unsafe { list_bytes(*list, *size) };
            st.download(slice, host)?;
        }
    }
    Ok(u32::from_le_bytes(word))
}
