//! kiln kernel IR → naga module → WGSL text (what the wgpu runtime loads) or SPIR-V.
//!
//! [`compile_kernel`] translates one `FunctionKind::Kernel` function, after the compiler's
//! kernel lowering (see `docs/gpu.md`, "Kernel IR"), into a [`naga::Module`] built directly
//! with naga's API, and validates it with the capabilities the runtime asks wgpu for
//! ([`capabilities`]). [`to_wgsl`] and [`to_spirv`] write it out.
//!
//! # The module's interface (the contract with `device-runtime/src/gpu/`)
//!
//! One compute entry point named [`ENTRY_POINT`] (`main`), `@workgroup_size(1, 1, 1)` as
//! written: the runtime sets the block size on the parsed module before it creates the
//! pipeline. Its arguments are the builtins `local_invocation_id` (`gpu.thread`) and
//! `workgroup_id`. Everything else is in bind group 0:
//!
//! - **binding `k`**, for the k-th *array* parameter (in parameter order):
//!   `var<storage, read_write>` runtime-sized array of `i64`, `f64`, `f32`, or `u32` for
//!   `bool` (0/1). When the kernel applies an atomic operation to the array, its elements are
//!   `atomic<i64>` (int arrays) or the float's bit pattern in `atomic<u64>` / `atomic<u32>`,
//!   and every access to it is atomic.
//! - **binding `A`** (A = number of array parameters): `var<storage, read> launch: Launch`,
//!   a struct with explicit member offsets:
//!   - one 8-byte slot per *scalar* parameter, in order: `i64`, `f64`, or a 4-byte value in
//!     the slot's low half (offset 0 of the slot): `f32`, `bool` as `u32` 0/1, followed by a
//!     `u32` pad member named `<param>_pad` (naga's WGSL writer does not write explicit
//!     offsets, so the WGSL text spells the padding out: its natural layout is this one);
//!   - then one `i64` length per array parameter, in order;
//!   - then `block_offset`, `grid_dim`, `block_dim`, each `array<u32, 4>` (x, y, z, pad).
//!
//!   So with S scalar and A array parameters the struct is `8 * (S + A) + 48` bytes.
//!   `gpu.block.x` is `workgroup_id.x + block_offset.x` (the runtime splits grids with more
//!   than 65535 blocks in a dimension into several dispatches); `gpu.block.dim` and
//!   `gpu.grid.dim` come from `block_dim` and `grid_dim`; `len(a)` of an array parameter from
//!   its length slot (the buffer may be larger).
//! - **binding `A + 1`**: `var<storage, read_write> error: array<atomic<u32>, 1>`, initialised
//!   to `u32::MAX` by the runtime. Error site `k` (the k-th `Raise` in pre-order of the kernel
//!   body, as `kiln_ir` numbers them) does `atomicMin(&error[0], k)` and ends the thread —
//!   except in kernels that contain a barrier, where the thread goes on so that barriers stay
//!   in uniform control flow (wgpu's bounds-check policy keeps the accesses that follow in
//!   range).
//!
//! Shared arrays (`gpu.shared.array`) are `var<workgroup>` arrays (bool as `u32`), zeroed by
//! wgpu at the start of each workgroup.
//!
//! # Arithmetic
//!
//! Int `+ - *` and negation wrap (the lowering made the overflow checks explicit); `//` and
//! `%` round toward negative infinity on ints and floats exactly as the CPU backend does
//! (float `%` with an exact software `fmod`: drivers' `OpFRem` is not exact). `float32` arithmetic
//! stays in 32 bits, so kernels without `float`s need no f64 support. `math` functions on
//! `float32` use the GPU's own functions (GPU precision). On `float`, only `sqrt`, `fabs`,
//! `floor`, `ceil` and `trunc` are native: GLSL.std.450 defines the others for 32-bit floats
//! only, and lavapipe computes garbage for them on doubles (`sin(0.1)` gave `1e-310`), so
//! they are ports of fdlibm generated as helper functions (`kiln_sin`, `kiln_pow_positive`...,
//! within 1 ulp of the platform libm on our tests, 3 for `tanh`, 2 for `hypot`; `sin`/`cos`/
//! `tan` lose accuracy beyond |x| ≈ 1.6e6, where fdlibm switches to Payne–Hanek).
//! Float `!=` is IEEE's (true for NaN): naga's own float `!=` is ordered.
//!
//! Values that WGSL would fold at compile time (expressions of literals only) are kept at
//! run time (`FnBuilder::pin`): naga's constant evaluator cannot convert 64-bit literals to
//! 32 bits and rejects overflowing int arithmetic, which kernels define to wrap.
//!
//! # Not supported
//!
//! Anything the kernel lowering does not produce: strings, lists, tuples, dicts and sets,
//! globals, calls that were not inlined, int `**`, parallel loops, array views that are not
//! statically one parameter or shared array, atomics on bool arrays, returning a value. Each
//! is a [`KernelError`] naming the construct, with the span of the IR node.

mod builder;
mod emit;
mod f64math;
mod layout;
mod math;

use std::fmt;

use kiln_ir::{Function, FunctionKind, Handle, ModuleInfo, Span};
use naga::valid::{Capabilities, ValidationFlags, Validator};

/// The name of the compute entry point.
pub const ENTRY_POINT: &str = "main";

/// A kernel as a validated naga module.
pub struct WgslKernel {
    pub module: naga::Module,
    pub info: naga::valid::ModuleInfo,
}

/// Why a kernel cannot be compiled for wgpu: a construct the backend does not support (with
/// the IR span of the offending node, when there is one) or, as a compiler bug, a module that
/// naga rejects.
#[derive(Clone, Debug)]
pub struct KernelError {
    pub message: String,
    pub span: Span,
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KernelError {}

impl KernelError {
    fn new(message: impl Into<String>) -> KernelError {
        KernelError { message: message.into(), span: Span::UNDEFINED }
    }
}

/// What the generated modules need from the device: 64-bit ints and floats, and 64-bit
/// atomics (int atomics, and compare-exchange on the bits of f64 elements). The runtime asks
/// wgpu for the matching features (`SHADER_INT64`, `SHADER_F64`,
/// `SHADER_INT64_ATOMIC_ALL_OPS`).
pub fn capabilities() -> Capabilities {
    Capabilities::SHADER_INT64
        | Capabilities::FLOAT64
        | Capabilities::SHADER_INT64_ATOMIC_ALL_OPS
        | Capabilities::SHADER_INT64_ATOMIC_MIN_MAX
}

/// Compiles kernel `kernel` of `module` (validated: `info` is its validator's output).
pub fn compile_kernel(
    module: &kiln_ir::Module,
    info: &ModuleInfo,
    kernel: Handle<Function>,
) -> Result<WgslKernel, KernelError> {
    let func = module.functions.get(kernel).ok_or_else(|| KernelError::new("kernel handle out of range"))?;
    if func.kind != FunctionKind::Kernel {
        return Err(KernelError { message: format!("`{}` is not a kernel", func.source_name), span: func.span });
    }
    let finfo =
        info.functions.get(kernel.index()).ok_or_else(|| KernelError::new("no validation info for the kernel"))?;
    let mut naga_module = naga::Module::default();
    let layout = layout::build(module, func, &mut naga_module)?;
    let mut lib = f64math::MathLib::default();

    let mut b = builder::FnBuilder::new(&mut naga_module, ENTRY_POINT);
    let uvec3 = b.ty(naga::TypeInner::Vector { size: naga::VectorSize::Tri, scalar: naga::Scalar::U32 });
    for (name, builtin) in [("local_id", naga::BuiltIn::LocalInvocationId), ("group_id", naga::BuiltIn::WorkGroupId)] {
        b.func.arguments.push(naga::FunctionArgument {
            name: Some(name.into()),
            ty: uvec3,
            binding: Some(naga::Binding::BuiltIn(builtin)),
        });
    }
    let mut lowerer = emit::Lowerer::new(module, func, finfo, &layout, b, &mut lib)?;
    let sites = lowerer.body()?;
    // The runtime reports site k as `error_sites(func)[k]`: both must number alike.
    if sites as usize != kiln_ir::kernel::error_sites(func).len() {
        return Err(KernelError {
            message: format!("internal error: kernel `{}` has a different number of error sites", func.source_name),
            span: func.span,
        });
    }
    let function = lowerer.b.finish();
    naga_module.entry_points.push(naga::EntryPoint {
        name: ENTRY_POINT.into(),
        stage: naga::ShaderStage::Compute,
        early_depth_test: None,
        workgroup_size: [1, 1, 1],
        workgroup_size_overrides: None,
        function,
        mesh_info: None,
        task_payload: None,
        incoming_ray_payload: None,
    });
    let info = validate(&naga_module).map_err(|e| KernelError {
        message: format!("internal error: invalid naga module for kernel `{}`: {}", func.source_name, e.message),
        span: func.span,
    })?;
    Ok(WgslKernel { module: naga_module, info })
}

/// The kernel as WGSL text (with naga's `f64`/`i64` extensions).
pub fn to_wgsl(k: &WgslKernel) -> Result<String, KernelError> {
    naga::back::wgsl::write_string(&k.module, &k.info, naga::back::wgsl::WriterFlags::empty())
        .map_err(|e| KernelError::new(format!("WGSL output failed: {}", error_chain(&e))))
}

/// The kernel as a SPIR-V binary (Vulkan 1.1 / SPIR-V 1.3 environment).
pub fn to_spirv(k: &WgslKernel) -> Result<Vec<u32>, KernelError> {
    let options = naga::back::spv::Options { lang_version: (1, 3), ..Default::default() };
    let pipeline =
        naga::back::spv::PipelineOptions { shader_stage: naga::ShaderStage::Compute, entry_point: ENTRY_POINT.into() };
    naga::back::spv::write_vec(&k.module, &k.info, &options, Some(&pipeline))
        .map_err(|e| KernelError::new(format!("SPIR-V output failed: {}", error_chain(&e))))
}

/// Parses WGSL text with naga's front end and validates it with [`capabilities`]: what the
/// runtime's wgpu does with [`to_wgsl`]'s output.
pub fn validate_wgsl(text: &str) -> Result<(), KernelError> {
    let module = naga::front::wgsl::parse_str(text)
        .map_err(|e| KernelError::new(format!("WGSL does not parse: {}", e.emit_to_string(text))))?;
    validate(&module).map(|_| ())
}

fn validate(module: &naga::Module) -> Result<naga::valid::ModuleInfo, KernelError> {
    Validator::new(ValidationFlags::all(), capabilities())
        .validate(module)
        .map_err(|e| KernelError::new(error_chain(e.as_inner())))
}

/// An error and its `source()` chain, outermost first: naga's top-level errors say only
/// where, the innermost say why.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}
