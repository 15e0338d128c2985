//! The wgpu device: WGSL kernels on Vulkan (Metal, DX12) through wgpu.
//!
//! * **Adapter**: the best one the instance enumerates (discrete, integrated, virtual,
//!   other, then software/CPU adapters such as lavapipe), opened with
//!   `SHADER_INT64`, `SHADER_F64` and the 64-bit atomics features when it has them and
//!   with all of its limits. `WGPU_BACKEND` and wgpu's other instance variables apply.
//! * **Kernels**: the WGSL is parsed with naga once per distinct source; per block size the
//!   module gets `workgroup_size = block` and becomes a compute pipeline over the fixed
//!   bind-group layout of `docs/gpu.md` (cached too). Kernels that need f64/i64 on an
//!   adapter without them fail with a clear `RuntimeError`.
//! * **Buffers**: list arguments are uploaded into fresh storage buffers and read back after
//!   the launch; bool elements are `u32` 0/1 on the device. Every buffer has at least 8
//!   bytes (wgpu rejects empty bindings). The `Launch` buffer holds one region per
//!   dispatch: grids with more blocks in a dimension than the adapter allows per dispatch
//!   (65535 usually) are split into several dispatches whose regions differ in
//!   `block_offset`.
//! * **Errors** from wgpu (validation, out of memory) are captured with error scopes and
//!   raised as `RuntimeError`; wgpu's default handler for uncaptured errors (a panic) is
//!   replaced by one that records them for the next launch to report.
//!
//! Launches are serialised by a lock: the queue runs one kernel at a time anyway.

use std::borrow::Cow;
use std::collections::HashMap;
use std::panic::catch_unwind;
use std::sync::{Arc, Mutex, OnceLock};

use ::wgpu as w;
use ::wgpu::naga;

use super::array::{list_bytes, list_len, Storage};
use super::{elem, param_kind, runtime_error, value_error, DeviceKind, Fail, Job, LaunchLayout};
use crate::lists::KList;

/// The opened adapter and the caches of compiled kernels.
pub(crate) struct State {
    _instance: w::Instance,
    info: w::AdapterInfo,
    device: w::Device,
    queue: w::Queue,
    limits: w::Limits,
    cache: Mutex<Cache>,
    /// Messages of errors no error scope caught (reported by the next launch).
    uncaptured: Arc<Mutex<Vec<String>>>,
}

impl State {
    /// Is the adapter a software rasteriser (lavapipe, SwiftShader, WARP)? `auto` skips it.
    pub(crate) fn is_software(&self) -> bool {
        self.info.device_type == w::DeviceType::Cpu
    }

    /// The adapter's name (`llvmpipe (LLVM 15.0.6, 256 bits)`).
    pub(crate) fn adapter_name(&self) -> &str {
        &self.info.name
    }
}

#[derive(Default)]
struct Cache {
    /// By WGSL source: keying by the text (not the descriptor's address) stays right
    /// when a JIT reuses an address for another kernel.
    kernels: HashMap<String, Kernel>,
    /// The bind-group layout of kernels with a given number of array parameters.
    layouts: HashMap<usize, (w::BindGroupLayout, w::PipelineLayout)>,
}

struct Kernel {
    module: naga::Module,
    /// Device features the module needs.
    needs: w::Features,
    pipelines: HashMap<[u32; 3], w::ComputePipeline>,
}

static STATE: OnceLock<Result<State, String>> = OnceLock::new();

/// The wgpu device, opened on first use; the error is the one-line reason it cannot be
/// used (`wgpu: no Vulkan/Metal/DX12 adapter found`).
pub(crate) fn state() -> Result<&'static State, String> {
    STATE
        .get_or_init(|| {
            catch_unwind(open).unwrap_or_else(|_| Err("wgpu: internal error while opening the adapter".to_string()))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The adapter's name, when the wgpu device is open (or can be opened).
pub fn adapter_name() -> Result<String, String> {
    state().map(|s| s.adapter_name().to_string())
}

/// Make `XDG_RUNTIME_DIR` name a private directory if it does not: Mesa's Vulkan drivers
/// print "XDG_RUNTIME_DIR is invalid or not set" on stderr otherwise, which would end up
/// in the program's output. Uses `$TMPDIR/kiln-runtime-<uid>` (mode 0700), or a fresh
/// `mkdtemp` directory if that one is not ours.
///
/// This sets an environment variable: it runs once, before wgpu starts any thread.
fn ensure_xdg_runtime_dir() {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    use std::path::Path;

    fn usable(p: &Path) -> bool {
        // SAFETY: getuid has no preconditions.
        let uid = unsafe { libc::getuid() };
        p.is_absolute()
            && std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir() && m.uid() == uid && m.mode() & 0o777 == 0o700)
    }

    if std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|d| usable(Path::new(&d))) {
        return;
    }
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    let dir = std::env::temp_dir().join(format!("kiln-runtime-{uid}"));
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
    if usable(&dir) {
        std::env::set_var("XDG_RUNTIME_DIR", &dir);
        return;
    }
    let template = std::env::temp_dir().join("kiln-runtime-XXXXXX");
    let Ok(template) = std::ffi::CString::new(template.as_os_str().as_encoded_bytes()) else { return };
    let mut buf = template.into_bytes_with_nul();
    // SAFETY: a writable NUL-terminated template ending in XXXXXX.
    let made = unsafe { libc::mkdtemp(buf.as_mut_ptr() as *mut libc::c_char) };
    if !made.is_null() {
        buf.pop();
        std::env::set_var("XDG_RUNTIME_DIR", <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(&buf));
    }
}

/// Preference among adapters (lower is better).
fn rank(t: w::DeviceType) -> u8 {
    match t {
        w::DeviceType::DiscreteGpu => 0,
        w::DeviceType::IntegratedGpu => 1,
        w::DeviceType::VirtualGpu => 2,
        w::DeviceType::Other => 3,
        w::DeviceType::Cpu => 4,
    }
}

/// The optional features kernels may use.
fn wanted_features() -> w::Features {
    w::Features::SHADER_INT64
        | w::Features::SHADER_F64
        | w::Features::SHADER_INT64_ATOMIC_MIN_MAX
        | w::Features::SHADER_INT64_ATOMIC_ALL_OPS
}

/// A new instance (wgpu's environment variables apply) and its adapters, best first.
fn adapters() -> (w::Instance, Vec<w::Adapter>) {
    ensure_xdg_runtime_dir();
    let desc = w::InstanceDescriptor::new_without_display_handle_from_env();
    let backends = desc.backends;
    let instance = w::Instance::new(desc);
    let mut adapters = pollster::block_on(instance.enumerate_adapters(backends));
    adapters.sort_by_key(|a| rank(a.get_info().device_type));
    (instance, adapters)
}

/// Is there a hardware adapter (what `auto` wants)? Checked once, without opening a device
/// when there is only a software one.
pub(crate) fn has_hardware_adapter() -> bool {
    static HARDWARE: OnceLock<bool> = OnceLock::new();
    *HARDWARE.get_or_init(|| {
        if let Some(Ok(st)) = STATE.get() {
            return !st.is_software();
        }
        catch_unwind(|| adapters().1.first().is_some_and(|a| a.get_info().device_type != w::DeviceType::Cpu))
            .unwrap_or(false)
    })
}

fn open() -> Result<State, String> {
    let (instance, adapters) = adapters();
    let Some(adapter) = adapters.into_iter().next() else {
        return Err("wgpu: no Vulkan/Metal/DX12 adapter found".to_string());
    };
    let info = adapter.get_info();
    let limits = adapter.limits();
    let (device, queue) = pollster::block_on(adapter.request_device(&w::DeviceDescriptor {
        label: Some("kiln"),
        required_features: adapter.features() & wanted_features(),
        required_limits: limits.clone(),
        ..Default::default()
    }))
    .map_err(|e| format!("wgpu: cannot open adapter '{}': {}", info.name, one_line(&e.to_string())))?;
    let uncaptured = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&uncaptured);
    device.on_uncaptured_error(Arc::new(move |e: w::Error| {
        sink.lock().unwrap_or_else(|e| e.into_inner()).push(one_line(&e.to_string()));
    }));
    Ok(State { _instance: instance, info, device, queue, limits, cache: Mutex::default(), uncaptured })
}

/// wgpu's multi-line error reports as one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Run `f` inside validation and out-of-memory error scopes; a captured error becomes a
/// `RuntimeError` (`what` says what was being done).
fn scoped<T>(st: &State, what: &str, f: impl FnOnce() -> Result<T, Fail>) -> Result<T, Fail> {
    let validation = st.device.push_error_scope(w::ErrorFilter::Validation);
    let oom = st.device.push_error_scope(w::ErrorFilter::OutOfMemory);
    let result = f();
    let oom = pollster::block_on(oom.pop());
    let validation = pollster::block_on(validation.pop());
    if let Some(e) = oom.or(validation) {
        return Err(runtime_error(format!("wgpu: {what}: {}", one_line(&e.to_string()))));
    }
    let uncaptured = std::mem::take(&mut *st.uncaptured.lock().unwrap_or_else(|e| e.into_inner()));
    if let Some(e) = uncaptured.first() {
        return Err(runtime_error(format!("wgpu: {e}")));
    }
    result
}

// ---------------------------------------------------------------------------------------
// Buffers
// ---------------------------------------------------------------------------------------

/// Bytes per element in wgpu buffers (bool is a `u32`).
fn device_size(elem: u8) -> usize {
    if elem == elem::BOOL {
        4
    } else {
        elem::host_size(elem).unwrap_or(8)
    }
}

/// Size of the buffer for `n` elements: a multiple of 4, at least 8.
fn buffer_size(elem: u8, n: usize) -> u64 {
    ((n * device_size(elem)).div_ceil(4) * 4).max(8) as u64
}

/// Host elements (`host`: packed at host size) as the contents of a device buffer.
fn to_device_bytes(elem: u8, host: &[u8]) -> Vec<u8> {
    let hs = elem::host_size(elem).unwrap_or(1);
    let n = host.len() / hs;
    let mut out = vec![0u8; buffer_size(elem, n) as usize];
    if elem == elem::BOOL {
        for (i, &b) in host.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&u32::from(b != 0).to_le_bytes());
        }
    } else {
        out[..host.len()].copy_from_slice(host);
    }
    out
}

/// Device buffer contents back into host elements (`host.len()` bytes).
fn from_device_bytes(elem: u8, dev: &[u8], host: &mut [u8]) {
    if elem == elem::BOOL {
        for (i, h) in host.iter_mut().enumerate() {
            let w = u32::from_le_bytes([dev[4 * i], dev[4 * i + 1], dev[4 * i + 2], dev[4 * i + 3]]);
            *h = u8::from(w != 0);
        }
    } else {
        host.copy_from_slice(&dev[..host.len()]);
    }
}

/// A storage buffer holding `contents` (its size is `contents.len()`, a multiple of 4).
fn buffer_with(st: &State, label: &str, usage: w::BufferUsages, contents: &[u8]) -> Result<w::Buffer, Fail> {
    let size = contents.len() as u64;
    if size > st.limits.max_buffer_size
        || (usage.contains(w::BufferUsages::STORAGE) && size > st.limits.max_storage_buffer_binding_size)
    {
        return Err(runtime_error(format!(
            "wgpu: an array of {size} bytes is larger than the adapter '{}' allows ({} bytes)",
            st.info.name,
            st.limits.max_storage_buffer_binding_size.min(st.limits.max_buffer_size)
        )));
    }
    let buffer =
        st.device.create_buffer(&w::BufferDescriptor { label: Some(label), size, usage, mapped_at_creation: true });
    {
        let mut view = buffer
            .slice(..)
            .get_mapped_range_mut()
            .map_err(|e| runtime_error(format!("wgpu: cannot fill a buffer: {e}")))?;
        view.copy_from_slice(contents);
    }
    buffer.unmap();
    Ok(buffer)
}

/// Usage of array buffers (kernel arguments and device arrays).
fn array_usage() -> w::BufferUsages {
    w::BufferUsages::STORAGE | w::BufferUsages::COPY_SRC | w::BufferUsages::COPY_DST
}

/// Map `buffer` (MAP_READ) after the submitted work finished.
fn map_read(st: &State, buffer: &w::Buffer) -> Result<(), Fail> {
    let (tx, rx) = std::sync::mpsc::channel();
    buffer.slice(..).map_async(w::MapMode::Read, move |r| {
        let _ = tx.send(r);
    });
    // The callback runs inside a poll; the first wait normally suffices.
    for _ in 0..100 {
        st.device
            .poll(w::PollType::wait_indefinitely())
            .map_err(|e| runtime_error(format!("wgpu: waiting for the device failed: {e}")))?;
        match rx.try_recv() {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => return Err(runtime_error(format!("wgpu: reading results back failed: {e}"))),
            Err(_) => continue,
        }
    }
    Err(runtime_error("wgpu: reading results back did not complete"))
}

/// Copy `(source, byte count)` buffers back into host memory: one staging buffer, one
/// submission (with `encoder`'s work before the copies), one map. Each output gets
/// `size` bytes (a multiple of 4).
fn read_back(st: &State, mut encoder: w::CommandEncoder, sources: &[(&w::Buffer, u64)]) -> Result<Vec<Vec<u8>>, Fail> {
    let mut offsets = Vec::with_capacity(sources.len());
    let mut total = 0u64;
    for &(_, size) in sources {
        offsets.push(total);
        total += size.div_ceil(w::MAP_ALIGNMENT) * w::MAP_ALIGNMENT;
    }
    let staging = st.device.create_buffer(&w::BufferDescriptor {
        label: Some("kiln read-back"),
        size: total.max(8),
        usage: w::BufferUsages::MAP_READ | w::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    for (&(src, size), &off) in sources.iter().zip(&offsets) {
        encoder.copy_buffer_to_buffer(src, 0, &staging, off, size);
    }
    st.queue.submit([encoder.finish()]);
    map_read(st, &staging)?;
    let out = {
        let view = staging
            .slice(..)
            .get_mapped_range()
            .map_err(|e| runtime_error(format!("wgpu: cannot read results back: {e}")))?;
        sources
            .iter()
            .zip(&offsets)
            .map(|(&(_, size), &off)| view[off as usize..(off + size) as usize].to_vec())
            .collect()
    };
    staging.unmap();
    Ok(out)
}

/// `gpu.to_device` on wgpu: a storage buffer with the list's elements.
pub(crate) fn upload(elem: u8, host: &[u8]) -> Result<w::Buffer, Fail> {
    let st = state().map_err(runtime_error)?;
    scoped(st, "cannot make a device array", || {
        buffer_with(st, "kiln device array", array_usage(), &to_device_bytes(elem, host))
    })
}

/// `d.copy_to_host()` on wgpu: the buffer's elements into `host` (`host.len()` bytes).
pub(crate) fn download(elem: u8, buffer: &w::Buffer, host: &mut [u8]) -> Result<(), Fail> {
    let st = state().map_err(runtime_error)?;
    let encoder = st.device.create_command_encoder(&w::CommandEncoderDescriptor { label: Some("kiln copy_to_host") });
    let data = scoped(st, "cannot read a device array", || read_back(st, encoder, &[(buffer, buffer.size())]))?;
    from_device_bytes(elem, &data[0], host);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Kernels
// ---------------------------------------------------------------------------------------

/// The features a module's types need.
fn needed_features(module: &naga::Module) -> w::Features {
    use naga::{ScalarKind, TypeInner};
    let mut needs = w::Features::empty();
    for (_, ty) in module.types.iter() {
        let (scalar, atomic) = match ty.inner {
            TypeInner::Scalar(s) => (s, false),
            TypeInner::Vector { scalar, .. } | TypeInner::Matrix { scalar, .. } => (scalar, false),
            TypeInner::Atomic(s) => (s, true),
            _ => continue,
        };
        if scalar.width != 8 {
            continue;
        }
        match scalar.kind {
            ScalarKind::Float => needs |= w::Features::SHADER_F64,
            ScalarKind::Sint | ScalarKind::Uint => {
                needs |= w::Features::SHADER_INT64;
                if atomic {
                    needs |= w::Features::SHADER_INT64_ATOMIC_MIN_MAX;
                }
            }
            _ => {}
        }
    }
    needs
}

/// A `RuntimeError` naming the first needed feature the device lacks.
fn check_features(st: &State, name: &str, needs: w::Features) -> Result<(), Fail> {
    let missing = needs - st.device.features();
    let what = if missing.contains(w::Features::SHADER_F64) {
        "64-bit floats (SHADER_F64)"
    } else if missing.contains(w::Features::SHADER_INT64) {
        "64-bit integers (SHADER_INT64)"
    } else if missing.contains(w::Features::SHADER_INT64_ATOMIC_MIN_MAX) {
        "64-bit atomics (SHADER_INT64_ATOMIC_ALL_OPS)"
    } else {
        return Ok(());
    };
    Err(runtime_error(format!(
        "the wgpu adapter '{}' does not support {what}, which kernel '{name}' needs (try --device cpu)",
        st.info.name
    )))
}

/// The bind-group layout of a kernel with `arrays` array parameters: bindings
/// `0..arrays` read-write storage, `arrays` the read-only `Launch`, `arrays + 1` the error
/// word.
fn layout(st: &State, arrays: usize) -> (w::BindGroupLayout, w::PipelineLayout) {
    let storage = |binding: usize, read_only: bool| w::BindGroupLayoutEntry {
        binding: binding as u32,
        visibility: w::ShaderStages::COMPUTE,
        ty: w::BindingType::Buffer {
            ty: w::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    };
    let mut entries: Vec<_> = (0..arrays).map(|k| storage(k, false)).collect();
    entries.push(storage(arrays, true));
    entries.push(storage(arrays + 1, false));
    let bgl = st
        .device
        .create_bind_group_layout(&w::BindGroupLayoutDescriptor { label: Some("kiln kernel"), entries: &entries });
    let pl = st.device.create_pipeline_layout(&w::PipelineLayoutDescriptor {
        label: Some("kiln kernel"),
        bind_group_layouts: &[Some(&bgl)],
        immediate_size: 0,
    });
    (bgl, pl)
}

/// Parse a kernel's WGSL (once per source).
fn kernel<'c>(
    st: &State,
    cache: &'c mut HashMap<String, Kernel>,
    name: &str,
    src: &str,
) -> Result<&'c mut Kernel, Fail> {
    if !cache.contains_key(src) {
        let module = naga::front::wgsl::parse_str(src).map_err(|e| {
            runtime_error(format!("wgpu: kernel '{name}' does not parse: {}", one_line(&e.emit_to_string(src))))
        })?;
        if module.entry_points.is_empty() {
            return Err(runtime_error(format!("wgpu: kernel '{name}' has no entry point")));
        }
        let needs = needed_features(&module);
        cache.insert(src.to_string(), Kernel { module, needs, pipelines: HashMap::new() });
    }
    let k = cache.get_mut(src).ok_or_else(|| runtime_error("wgpu: kernel cache"))?;
    check_features(st, name, k.needs)?;
    Ok(k)
}

/// The pipeline of `k` for one block size.
fn pipeline<'k>(
    st: &State,
    k: &'k mut Kernel,
    layout: &w::PipelineLayout,
    name: &str,
    block: [u32; 3],
) -> Result<&'k w::ComputePipeline, Fail> {
    if !k.pipelines.contains_key(&block) {
        let mut module = k.module.clone();
        let ep_index = module.entry_points.iter().position(|e| e.name == "main").unwrap_or(0);
        let ep = &mut module.entry_points[ep_index];
        ep.workgroup_size = block;
        ep.workgroup_size_overrides = None;
        let entry = ep.name.clone();
        let pipe = scoped(st, &format!("kernel '{name}' was rejected"), || {
            let sm = st.device.create_shader_module(w::ShaderModuleDescriptor {
                label: Some(name),
                source: w::ShaderSource::Naga(Cow::Owned(module)),
            });
            Ok(st.device.create_compute_pipeline(&w::ComputePipelineDescriptor {
                label: Some(name),
                layout: Some(layout),
                module: &sm,
                entry_point: Some(&entry),
                compilation_options: Default::default(),
                cache: None,
            }))
        })?;
        k.pipelines.insert(block, pipe);
    }
    k.pipelines.get(&block).ok_or_else(|| runtime_error("wgpu: pipeline cache"))
}

/// Most dispatches one launch is split into (each covers up to 65535 blocks per dimension
/// on usual adapters, so this allows grids of billions of blocks).
const MAX_DISPATCHES: u64 = 1 << 16;

/// An array argument's buffer.
enum ArrayBuf<'a> {
    /// A list's elements, uploaded for this launch and read back after it.
    List { buffer: w::Buffer, list: *mut KList, elem: u8 },
    /// A device array's buffer, used in place.
    Device(&'a w::Buffer),
}

impl ArrayBuf<'_> {
    fn buffer(&self) -> &w::Buffer {
        match self {
            ArrayBuf::List { buffer, .. } => buffer,
            ArrayBuf::Device(b) => b,
        }
    }
}

/// The dispatches covering `grid` with at most `max` blocks per dimension each:
/// `(block_offset, blocks)` pairs.
fn dispatches(grid: [u32; 3], max: u32) -> Vec<([u32; 3], [u32; 3])> {
    let max = max.max(1);
    let split =
        |g: u32| -> Vec<(u32, u32)> { (0..g.div_ceil(max)).map(|i| (i * max, (g - i * max).min(max))).collect() };
    let (xs, ys, zs) = (split(grid[0]), split(grid[1]), split(grid[2]));
    let mut out = Vec::with_capacity(xs.len() * ys.len() * zs.len());
    for &(oz, nz) in &zs {
        for &(oy, ny) in &ys {
            for &(ox, nx) in &xs {
                out.push(([ox, oy, oz], [nx, ny, nz]));
            }
        }
    }
    out
}

fn put_u64(buf: &mut [u8], off: usize, v: u64) {
    buf[off..off + 8].copy_from_slice(&v.to_le_bytes());
}

fn put_u32s(buf: &mut [u8], off: usize, v: [u32; 3]) {
    for (i, x) in v.iter().enumerate() {
        buf[off + 4 * i..off + 4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
}

/// Run a launch on wgpu; returns the error word.
///
/// # Safety
/// The job's arguments match its descriptor (lists and device arrays alive).
pub(crate) unsafe fn launch(job: &Job<'_>) -> Result<u32, Fail> {
    let st = state().map_err(runtime_error)?;
    // SAFETY: compiler-emitted constant.
    let src = unsafe { job.desc.wgsl() };
    if src.is_empty() {
        return Err(job.not_compiled(DeviceKind::Wgpu));
    }
    let lim = &st.limits;
    let block = job.block.map(|b| b as u32);
    if block[0] > lim.max_compute_workgroup_size_x
        || block[1] > lim.max_compute_workgroup_size_y
        || block[2] > lim.max_compute_workgroup_size_z
        || job.threads_per_block() > lim.max_compute_invocations_per_workgroup as usize
    {
        return Err(value_error(format!(
            "a block of {}x{}x{} threads is too large for the wgpu adapter '{}' (at most {}x{}x{}, {} threads)",
            block[0],
            block[1],
            block[2],
            st.info.name,
            lim.max_compute_workgroup_size_x,
            lim.max_compute_workgroup_size_y,
            lim.max_compute_workgroup_size_z,
            lim.max_compute_invocations_per_workgroup
        )));
    }
    job.num_blocks()?;
    let mut grid = [0u32; 3];
    for (g, &d) in grid.iter_mut().zip(&job.grid) {
        *g = u32::try_from(d)
            .map_err(|_| value_error(format!("a grid dimension of {d} blocks is too large for wgpu")))?;
    }

    let mut cache = st.cache.lock().unwrap_or_else(|e| e.into_inner());
    let cache = &mut *cache;
    let num_arrays = job.params.iter().filter(|p| p.kind != param_kind::SCALAR).count();
    let num_scalars = job.params.len() - num_arrays;
    let (bgl, pl) = cache.layouts.entry(num_arrays).or_insert_with(|| layout(st, num_arrays));
    let k = kernel(st, &mut cache.kernels, job.name, src)?;
    let pipe = pipeline(st, k, pl, job.name, block)?;

    scoped(st, &format!("launching kernel '{}' failed", job.name), || {
        // The arguments.
        let lay = LaunchLayout::new(num_scalars, num_arrays);
        let mut launch_bytes = vec![0u8; lay.size];
        let mut arrays: Vec<ArrayBuf<'_>> = Vec::with_capacity(num_arrays);
        let mut scalar = 0;
        for (i, p) in job.params.iter().enumerate() {
            let arg = job.args[i];
            match p.kind {
                param_kind::SCALAR => {
                    let bits = match p.elem {
                        elem::F32 => arg & 0xffff_ffff,
                        elem::BOOL => u64::from(arg & 0xff != 0),
                        _ => arg,
                    };
                    put_u64(&mut launch_bytes, 8 * scalar, bits);
                    scalar += 1;
                }
                param_kind::LIST => {
                    let list = job.list(i);
                    let size = elem::host_size(p.elem).unwrap_or(1);
                    // SAFETY: caller contract: a valid list of `p.elem` elements.
                    let (len, host) = unsafe { (list_len(list), list_bytes(list, size)) };
                    let buffer = buffer_with(st, "kiln list argument", array_usage(), &to_device_bytes(p.elem, host))?;
                    put_u64(&mut launch_bytes, lay.lengths + 8 * arrays.len(), len as u64);
                    arrays.push(ArrayBuf::List { buffer, list, elem: p.elem });
                }
                _ => {
                    // SAFETY: caller contract.
                    let arr = unsafe { job.device_array(i, DeviceKind::Wgpu) }?;
                    let Storage::Wgpu(buffer) = arr.storage() else {
                        return Err(runtime_error("kiln: device array storage does not match its device"));
                    };
                    put_u64(&mut launch_bytes, lay.lengths + 8 * arrays.len(), arr.len() as u64);
                    arrays.push(ArrayBuf::Device(buffer));
                }
            }
        }
        put_u32s(&mut launch_bytes, lay.block_offset + 16, grid);
        put_u32s(&mut launch_bytes, lay.block_offset + 32, block);

        // One `Launch` region per dispatch, at offsets storage bindings accept.
        let max = lim.max_compute_workgroups_per_dimension.max(1);
        if grid.iter().map(|&g| u64::from(g.div_ceil(max))).product::<u64>() > MAX_DISPATCHES {
            return Err(value_error(format!(
                "a grid of {}x{}x{} blocks is too large for wgpu",
                grid[0], grid[1], grid[2]
            )));
        }
        let parts = dispatches(grid, max);
        let align = u64::from(lim.min_storage_buffer_offset_alignment.max(4));
        let stride = (lay.size as u64).div_ceil(align) * align;
        let mut regions = vec![0u8; stride as usize * parts.len()];
        for (d, (offset, _)) in parts.iter().enumerate() {
            let region = &mut regions[d * stride as usize..][..lay.size];
            region.copy_from_slice(&launch_bytes);
            put_u32s(region, lay.block_offset, *offset);
        }
        let launch_buf = buffer_with(st, "kiln launch", w::BufferUsages::STORAGE, &regions)?;
        let error_buf =
            buffer_with(st, "kiln error word", w::BufferUsages::STORAGE | w::BufferUsages::COPY_SRC, &[0xff; 8])?;

        let groups: Vec<w::BindGroup> = (0..parts.len())
            .map(|d| {
                let mut entries: Vec<w::BindGroupEntry<'_>> = arrays
                    .iter()
                    .enumerate()
                    .map(|(k, a)| w::BindGroupEntry { binding: k as u32, resource: a.buffer().as_entire_binding() })
                    .collect();
                entries.push(w::BindGroupEntry {
                    binding: num_arrays as u32,
                    resource: w::BindingResource::Buffer(w::BufferBinding {
                        buffer: &launch_buf,
                        offset: d as u64 * stride,
                        size: w::BufferSize::new(stride),
                    }),
                });
                entries.push(w::BindGroupEntry {
                    binding: num_arrays as u32 + 1,
                    resource: error_buf.as_entire_binding(),
                });
                st.device.create_bind_group(&w::BindGroupDescriptor {
                    label: Some(job.name),
                    layout: bgl,
                    entries: &entries,
                })
            })
            .collect();

        let mut encoder = st.device.create_command_encoder(&w::CommandEncoderDescriptor { label: Some(job.name) });
        {
            let mut pass =
                encoder.begin_compute_pass(&w::ComputePassDescriptor { label: Some(job.name), timestamp_writes: None });
            pass.set_pipeline(pipe);
            for ((_, blocks), group) in parts.iter().zip(&groups) {
                pass.set_bind_group(0, group, &[]);
                pass.dispatch_workgroups(blocks[0], blocks[1], blocks[2]);
            }
        }

        // Read back the error word and the lists.
        let mut sources: Vec<(&w::Buffer, u64)> = vec![(&error_buf, 4)];
        for a in &arrays {
            if let ArrayBuf::List { buffer, .. } = a {
                sources.push((buffer, buffer.size()));
            }
        }
        let data = read_back(st, encoder, &sources)?;
        let err = u32::from_le_bytes([data[0][0], data[0][1], data[0][2], data[0][3]]);
        let lists = arrays.iter().filter_map(|a| match a {
            ArrayBuf::List { list, elem, .. } => Some((*list, *elem)),
            ArrayBuf::Device(_) => None,
        });
        for ((list, elem), dev) in lists.zip(&data[1..]) {
            let size = elem::host_size(elem).unwrap_or(1);
            // SAFETY: caller contract; the list was not resized (the host waited).
            let host = unsafe { list_bytes(list, size) };
            from_device_bytes(elem, dev, host);
        }
        Ok(err)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_grid() {
        assert_eq!(dispatches([10, 1, 1], 65535), vec![([0, 0, 0], [10, 1, 1])]);
        assert_eq!(
            dispatches([5, 3, 1], 2),
            vec![
                ([0, 0, 0], [2, 2, 1]),
                ([2, 0, 0], [2, 2, 1]),
                ([4, 0, 0], [1, 2, 1]),
                ([0, 2, 0], [2, 1, 1]),
                ([2, 2, 0], [2, 1, 1]),
                ([4, 2, 0], [1, 1, 1]),
            ]
        );
        let big = dispatches([70000, 1, 1], 65535);
        assert_eq!(big, vec![([0, 0, 0], [65535, 1, 1]), ([65535, 0, 0], [4465, 1, 1])]);
    }

    #[test]
    fn bool_conversion() {
        let dev = to_device_bytes(elem::BOOL, &[1, 0, 1]);
        assert_eq!(dev.len(), 12);
        assert_eq!(&dev[..8], &[1, 0, 0, 0, 0, 0, 0, 0]);
        let mut host = [9u8; 3];
        from_device_bytes(elem::BOOL, &dev, &mut host);
        assert_eq!(host, [1, 0, 1]);
        assert_eq!(to_device_bytes(elem::F32, &[]).len(), 8);
        assert_eq!(buffer_size(elem::F32, 3), 12);
        assert_eq!(buffer_size(elem::I64, 0), 8);
    }
}
