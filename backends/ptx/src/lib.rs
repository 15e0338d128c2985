//! kiln kernel IR → LLVM IR → LLVM's NVPTX back end → PTX text (what the cuda runtime loads).
//!
//! [`compile_kernel`] translates one `FunctionKind::Kernel` function, after the compiler's
//! kernel lowering (`kiln_ir::passes::lower_kernels`, see `docs/gpu.md`, "Kernel IR"), into
//! its own LLVM module, optimises it (`default<O2>`) and writes PTX for
//! `nvptx64-nvidia-cuda`, `sm_<PtxOptions::sm>`, PTX ISA 7.8.
//!
//! # The entry point (the contract with `device-runtime/src/gpu/cuda.rs`)
//!
//! One `.entry` named [`entry_name`]: `kiln_` followed by the IR function's `name` with every
//! character outside `[A-Za-z0-9_]` replaced by `_`. Its parameters, in order:
//!
//! - per IR parameter: an `int` as `.u64`, a `float` as `.f64`, a `float32` as `.f32`, a
//!   `bool` as `.u8` (0/1); an array as two params, a `.u64` pointer to global memory and a
//!   `.u64` element count (elements of 8 bytes for `int`/`float`, 4 for `float32`, 1 for
//!   `bool`: the host sizes);
//! - last, a `.u64` pointer to the launch's `u32` error word (initialised to `u32::MAX`).
//!
//! Error site `k` (the k-th `Raise` in pre-order of the body, as `kiln_ir::kernel::error_sites`
//! numbers them) does `atom.global.min.u32` of `k` on the error word (for site 0 LLVM emits
//! the equivalent `atom.global.exch.b32` of 0) and ends the thread (`ret`). From sm_70 on, a
//! thread that has exited no longer holds up `bar.sync`, so this is also right in kernels
//! with barriers (as on the CPU device, where a returned thread counts as arrived).
//!
//! The kernel is marked both with LLVM's `ptx_kernel` calling convention and with an
//! `!nvvm.annotations` `kernel` entry (LLVM 19 accepts either).
//!
//! # Memory
//!
//! Array parameters are `ptr addrspace(1)` (`ld.global`/`st.global`/`atom.global`). Shared
//! arrays (`gpu.shared.array`) are static `.shared` globals (`addrspace(3)`, `bool` as a
//! byte), zeroed by the block's threads at the start of the kernel followed by a `bar.sync`
//! (CUDA does not initialise shared memory; Python code expects zeros, as on the other
//! devices). Static shared memory is limited to 48 KiB per block: more is a [`PtxError`].
//!
//! # Arithmetic and math
//!
//! Python's semantics, as on the CPU backend (`src/math.rs` documents each): int `//` and `%`
//! round toward negative infinity; float `//` and `%` are CPython's `float_divmod` over an
//! *exact* `fmod` computed inline (LLVM's NVPTX `frem` is `x - trunc(x/y)*y`, which is not
//! exact); `float32` `//`, `%` and `**` are computed in `f64` and rounded once, like the CPU
//! backend does; no operation is contracted into an FMA. `math.sqrt`, `fabs`, `floor`,
//! `ceil`, `trunc`, `isnan`, `isinf`, `isfinite` and `hypot` (CPython's correctly rounded
//! algorithm) are inline PTX. The transcendental functions (`sin` ... `atan2`, `math.pow`
//! and float `**`) call CUDA's **libdevice** (`__nv_sin`, `__nv_pow`, ...): the bitcode
//! library `libdevice.10.bc` of the CUDA toolkit is linked into the kernel's module before
//! optimisation, so the PTX is self-contained (the driver cannot link libdevice when it loads
//! PTX). [`compile_kernel`] finds it with [`find_libdevice`]; a kernel that needs it when it
//! cannot be found is a [`PtxError`] naming the math function. Their results are CUDA's
//! (within 1–2 ulp of the C library's), not bit-identical to CPython's.

mod emit;
mod math;
mod target;

use std::fmt;
use std::path::{Path, PathBuf};

use kiln_ir::{Function, FunctionKind, Handle, ModuleInfo, Span};

pub use target::find_libdevice;

/// A kernel compiled to PTX.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtxKernel {
    /// The PTX module's text (one `.entry`).
    pub ptx: String,
    /// The name of the `.entry` ([`entry_name`]).
    pub entry: String,
}

/// Why a kernel cannot be compiled for cuda: a construct the backend does not support (with
/// the IR span of the offending node when there is one), a missing libdevice, or, as a
/// compiler bug, a failure inside LLVM.
#[derive(Clone, Debug)]
pub struct PtxError {
    pub message: String,
    pub span: Span,
}

impl PtxError {
    pub(crate) fn new(message: impl Into<String>, span: Span) -> PtxError {
        PtxError { message: message.into(), span }
    }
}

impl fmt::Display for PtxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PtxError {}

impl From<inkwell::builder::BuilderError> for PtxError {
    fn from(e: inkwell::builder::BuilderError) -> PtxError {
        PtxError::new(format!("internal error: LLVM IR builder: {e}"), Span::UNDEFINED)
    }
}

/// What to generate code for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtxOptions {
    /// The compute capability the PTX targets (`80` for `sm_80`). The driver JIT-compiles
    /// PTX for the GPU it runs on, so an older target runs on newer GPUs. At least 60 (float
    /// atomics need sm_60) and at most 90 (LLVM 19's newest).
    pub sm: u32,
}

impl Default for PtxOptions {
    fn default() -> PtxOptions {
        PtxOptions { sm: 80 }
    }
}

/// The PTX entry name of a kernel: `kiln_` + its IR name with characters outside
/// `[A-Za-z0-9_]` replaced by `_`.
pub fn entry_name(function: &Function) -> String {
    let mut name = String::from("kiln_");
    name.extend(function.name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }));
    name
}

/// Compiles kernel `kernel` of `module` (lowered by `kiln_ir::passes::lower_kernels` and
/// validated: `info` is the validator's output) to PTX. libdevice, when the kernel needs it,
/// is the one [`find_libdevice`] finds.
pub fn compile_kernel(
    module: &kiln_ir::Module,
    info: &ModuleInfo,
    kernel: Handle<Function>,
    options: &PtxOptions,
) -> Result<PtxKernel, PtxError> {
    compile_kernel_with_libdevice(module, info, kernel, options, find_libdevice().as_deref())
}

/// [`compile_kernel`] with an explicit libdevice bitcode file (`None`: the kernel must not
/// need one).
pub fn compile_kernel_with_libdevice(
    module: &kiln_ir::Module,
    info: &ModuleInfo,
    kernel: Handle<Function>,
    options: &PtxOptions,
    libdevice: Option<&Path>,
) -> Result<PtxKernel, PtxError> {
    let func =
        module.functions.get(kernel).ok_or_else(|| PtxError::new("kernel handle out of range", Span::UNDEFINED))?;
    if func.kind != FunctionKind::Kernel {
        return Err(PtxError::new(format!("`{}` is not a GPU kernel", func.source_name), func.span));
    }
    let finfo = info
        .functions
        .get(kernel.index())
        .ok_or_else(|| PtxError::new("internal error: no validation info for the kernel", func.span))?;
    let machine = target::machine(options.sm)?;
    let entry = entry_name(func);
    let context = inkwell::context::Context::create();
    let llvm = context.create_module(&entry);
    target::configure_module(&llvm, &machine);
    let uses = emit::emit_kernel(&context, &llvm, module, func, finfo, &entry)?;
    if let Some((what, span)) = uses.libdevice.first() {
        let path: PathBuf = libdevice.map(Path::to_path_buf).ok_or_else(|| {
            PtxError::new(
                format!(
                    "{what} on the cuda device needs CUDA's libdevice (libdevice.10.bc from the CUDA toolkit), \
                     which was not found: set KILN_LIBDEVICE to its path, or CUDA_HOME to the toolkit"
                ),
                *span,
            )
        })?;
        target::link_libdevice(&context, &llvm, &path, *span)?;
    }
    target::finish(&llvm, &machine, &entry, func.span).map(|ptx| PtxKernel { ptx, entry })
}
