//! The NVPTX target machine, libdevice, the optimisation pipeline and PTX output.

use std::path::{Path, PathBuf};
use std::sync::Once;

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{FlagBehavior, Linkage, Module};
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple};
use inkwell::values::BasicValue;
use inkwell::OptimizationLevel;
use kiln_ir::Span;

use crate::PtxError;

/// The CUDA target triple: 64-bit pointers, the CUDA driver's ABI.
pub(crate) const TRIPLE: &str = "nvptx64-nvidia-cuda";

/// The PTX ISA version asked for: 7.8 (CUDA 11.8) knows every target up to sm_90, and
/// drivers from CUDA 11.8 on load it.
const PTX_FEATURES: &str = "+ptx78";

/// The compute capabilities LLVM 19's NVPTX back end knows from sm_60 on (sm_60 is the
/// first with `atom.add.f64`).
const KNOWN_SM: [u32; 10] = [60, 61, 62, 70, 72, 75, 80, 86, 87, 89];
const SM_90: u32 = 90;

fn error(message: impl Into<String>) -> PtxError {
    PtxError::new(message, Span::UNDEFINED)
}

/// Initialises LLVM's NVPTX target once per process.
fn init() {
    static INIT: Once = Once::new();
    INIT.call_once(|| Target::initialize_nvptx(&InitializationConfig::default()));
}

/// A target machine for `sm_<sm>`.
pub(crate) fn machine(sm: u32) -> Result<TargetMachine, PtxError> {
    if !KNOWN_SM.contains(&sm) && sm != SM_90 {
        return Err(error(format!(
            "cuda: unsupported compute capability sm_{sm} (supported: {} and sm_90)",
            KNOWN_SM.iter().map(|s| format!("sm_{s}")).collect::<Vec<_>>().join(", ")
        )));
    }
    init();
    let triple = TargetTriple::create(TRIPLE);
    let target = Target::from_triple(&triple)
        .map_err(|e| error(format!("LLVM has no NVPTX target ({}): is it built without it?", e.to_string_lossy())))?;
    target
        .create_target_machine(
            &triple,
            &format!("sm_{sm}"),
            PTX_FEATURES,
            OptimizationLevel::Default,
            RelocMode::Default,
            CodeModel::Default,
        )
        .ok_or_else(|| error(format!("LLVM cannot create an NVPTX target machine for sm_{sm}")))
}

/// Sets the module's triple and data layout to the machine's, and tells libdevice's
/// `__nvvm_reflect("__CUDA_FTZ")` that denormals are kept (IEEE semantics, as on the CPU).
pub(crate) fn configure_module(module: &Module<'_>, machine: &TargetMachine) {
    module.set_triple(&machine.get_triple());
    module.set_data_layout(&machine.get_target_data().get_data_layout());
    let zero = module.get_context().i32_type().const_zero();
    module.add_basic_value_flag("nvvm-reflect-ftz", FlagBehavior::Override, zero);
}

/// Where CUDA's libdevice is: `$KILN_LIBDEVICE` (the file, or a directory holding
/// `libdevice.10.bc`), else `nvvm/libdevice/libdevice.10.bc` under `$CUDA_HOME`,
/// `$CUDA_PATH`, `/usr/local/cuda` or `/opt/cuda`, else Debian's
/// `/usr/lib/nvidia-cuda-toolkit/libdevice/libdevice.10.bc`. `None` when none exists.
pub fn find_libdevice() -> Option<PathBuf> {
    const FILE: &str = "libdevice.10.bc";
    if let Some(p) = std::env::var_os("KILN_LIBDEVICE").map(PathBuf::from) {
        let p = if p.is_dir() { p.join(FILE) } else { p };
        // An explicit setting wins even when wrong: the error then names the file.
        return Some(p);
    }
    let roots = ["CUDA_HOME", "CUDA_PATH"]
        .iter()
        .filter_map(std::env::var_os)
        .map(PathBuf::from)
        .chain(["/usr/local/cuda", "/opt/cuda"].iter().map(PathBuf::from));
    roots
        .map(|root| root.join("nvvm").join("libdevice").join(FILE))
        .chain(std::iter::once(PathBuf::from("/usr/lib/nvidia-cuda-toolkit/libdevice").join(FILE)))
        .find(|p| p.is_file())
}

/// Links the libdevice bitcode at `path` into `module` (its unused functions are dropped
/// after internalisation by the optimiser).
pub(crate) fn link_libdevice<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    path: &Path,
    span: Span,
) -> Result<(), PtxError> {
    let fail = |what: &str, e: inkwell::support::LLVMString| {
        PtxError::new(format!("cuda: cannot {what} libdevice {}: {}", path.display(), e.to_string_lossy()), span)
    };
    let buffer = MemoryBuffer::create_from_file(path).map_err(|e| fail("read", e))?;
    let lib = context.create_module_from_ir(buffer).map_err(|e| fail("parse", e))?;
    // libdevice says `nvptx64-nvidia-gpulibs`; adopting ours avoids the linker's warning.
    lib.set_triple(&module.get_triple());
    lib.set_data_layout(&module.get_data_layout());
    module.link_in_module(lib).map_err(|e| fail("link", e))
}

/// Verifies, internalises everything but the entry, optimises (`default<O2>`, which with the
/// NVPTX machine also resolves `__nvvm_reflect`) and writes PTX.
pub(crate) fn finish(
    module: &Module<'_>,
    machine: &TargetMachine,
    entry: &str,
    span: Span,
) -> Result<String, PtxError> {
    let internal = |message: String| PtxError::new(message, span);
    module.verify().map_err(|e| {
        internal(format!("internal error: invalid LLVM IR for kernel `{entry}`: {}", e.to_string_lossy()))
    })?;
    let mut f = module.get_first_function();
    while let Some(function) = f {
        if function.count_basic_blocks() > 0 && function.get_name().to_bytes() != entry.as_bytes() {
            function.set_linkage(Linkage::Internal);
        }
        f = function.get_next_function();
    }
    let mut g = module.get_first_global();
    while let Some(global) = g {
        if global.get_initializer().is_some() {
            global.set_linkage(Linkage::Internal);
        }
        g = global.get_next_global();
    }
    module
        .run_passes("default<O2>", machine, PassBuilderOptions::create())
        .map_err(|e| internal(format!("internal error: LLVM optimisation failed: {}", e.to_string_lossy())))?;
    // A call left to an undefined function would make the driver reject the PTX at load
    // time; say which here instead.
    let mut f = module.get_first_function();
    while let Some(function) = f {
        let name = function.get_name().to_string_lossy().into_owned();
        if function.count_basic_blocks() == 0
            && !name.starts_with("llvm.")
            && function.as_global_value().as_pointer_value().get_first_use().is_some()
        {
            return Err(internal(format!("cuda: `{name}` is not defined (is the libdevice file a CUDA libdevice?)")));
        }
        f = function.get_next_function();
    }
    let buffer = machine
        .write_to_memory_buffer(module, FileType::Assembly)
        .map_err(|e| internal(format!("internal error: NVPTX code generation failed: {}", e.to_string_lossy())))?;
    let text = String::from_utf8_lossy(buffer.as_slice());
    Ok(text.trim_end_matches('\0').to_string())
}
