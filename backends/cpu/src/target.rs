//! The host target machine, the optimisation pipeline and file output.

use std::path::Path;
use std::sync::OnceLock;

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine};
use inkwell::OptimizationLevel;
use kiln_ir::Span;

use crate::BackendError;

fn error(message: String) -> BackendError {
    BackendError::new(message, Span::UNDEFINED)
}

/// Initialises LLVM's native target once per process.
pub(crate) fn init_native() -> Result<(), BackendError> {
    static INIT: OnceLock<Result<(), String>> = OnceLock::new();
    INIT.get_or_init(|| Target::initialize_native(&InitializationConfig::default()))
        .clone()
        .map_err(|e| error(format!("cannot initialise LLVM for the host CPU: {e}")))
}

/// The host CPU's name and feature string, as LLVM sees them. `KILN_TARGET_CPU` names another
/// CPU (with its default features), e.g. `x86-64-v2`: valgrind cannot run AVX-512 code, so
/// instruction-count profiles of built programs need code for an older CPU.
pub(crate) fn host_cpu() -> (String, String) {
    match std::env::var("KILN_TARGET_CPU") {
        Ok(cpu) if !cpu.is_empty() => (cpu, String::new()),
        _ => (TargetMachine::get_host_cpu_name().to_string(), TargetMachine::get_host_cpu_features().to_string()),
    }
}

pub(crate) fn llvm_opt_level(opt_level: u8) -> OptimizationLevel {
    match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    }
}

/// A target machine for the host CPU (name and features), position-independent code.
pub(crate) fn host_machine(opt_level: u8) -> Result<TargetMachine, BackendError> {
    init_native()?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple)
        .map_err(|e| error(format!("no LLVM target for the host ({}): {}", triple, e.to_string_lossy())))?;
    let (cpu, features) = host_cpu();
    target
        .create_target_machine(&triple, &cpu, &features, llvm_opt_level(opt_level), RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| error(format!("LLVM cannot create a target machine for {triple} ({cpu})")))
}

/// Runs LLVM's standard pipeline for `opt_level`. At 0 nothing runs, unless the module has
/// `coroutines` (generators), which must be lowered even then: `default<O0>` does that (its
/// `coro-early`, `coro-split` and `coro-cleanup` passes) and optimises nothing.
pub(crate) fn optimise(
    module: &Module<'_>,
    machine: &TargetMachine,
    opt_level: u8,
    coroutines: bool,
) -> Result<(), BackendError> {
    if opt_level == 0 && !coroutines {
        return Ok(());
    }
    // From -O2 on, the standard pipeline is followed by inductive range check elimination
    // (LLVM's `irce`, not part of `default<On>`): a loop whose index is checked against a
    // list length it does not change is split so that its main part runs without the bounds
    // checks (the pre- and post-loops keep them, so an `IndexError` is raised where it would
    // have been); `instcombine` and `simplifycfg` then tidy the main loop.
    let pipeline = if opt_level >= 2 {
        format!("default<O{}>,function(irce,instcombine,simplifycfg)", opt_level.min(3))
    } else {
        format!("default<O{}>", opt_level)
    };
    module
        .run_passes(&pipeline, machine, PassBuilderOptions::create())
        .map_err(|e| error(format!("LLVM optimisation failed: {}", e.to_string_lossy())))
}

pub(crate) fn write_file(
    module: &Module<'_>,
    machine: &TargetMachine,
    file_type: FileType,
    path: &Path,
) -> Result<(), BackendError> {
    machine
        .write_to_file(module, file_type, path)
        .map_err(|e| error(format!("cannot write {}: {}", path.display(), e.to_string_lossy())))
}
