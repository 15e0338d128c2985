//! kiln's CPU backend: kiln IR → LLVM IR → an optimised LLVM module for the host CPU, which is
//! then either run in process ([`Compiled::jit`]) or written out as an object file or assembly
//! ([`Compiled::write_object`], [`Compiled::write_assembly`]).
//!
//! # Layout
//!
//! - [`abi`]: declarations of the runtime's `kiln_rt_*` C ABI (one table, declared on first use).
//! - `codegen`: module-level lowering (types, string literals, globals, signatures, the
//!   `__kiln_entry`/`main` wrappers, TBAA tags).
//! - `function`: lowering of one function's statements and expressions.
//! - `exceptions`: the raise/unwind paths (error flag, traceback entries, cold blocks).
//! - `generators`: generator functions as LLVM coroutines (switch lowering), `yield`, and the
//!   resume and value of a generator.
//! - `target`: the host target machine, the optimisation pipeline, object and assembly output.
//! - `jit`: MCJIT execution with the runtime's symbols mapped in.
//!
//! # Calling convention
//!
//! A kiln function whose [`kiln_ir::FunctionInfo::may_raise`] is true returns `{T, i1}` (just
//! `i1` when its result is `None`): the `i1` says that an exception is pending in the runtime.
//! Other functions return plain `T` (`void` for `None`). Each frame that an exception leaves
//! pushes one traceback entry (`kiln_rt_traceback_push`) on its way out, like CPython. A
//! generator function returns its generator (a coroutine handle, `ptr`) and never raises; the
//! exceptions of its body come out of the `GenResume`s that run it (see `generators`).

pub mod abi;
mod chars;
mod codegen;
mod containers;
mod context;
mod effects;
mod exceptions;
mod function;
mod generators;
mod jit;
mod kernels;
mod objects;
mod parallel;
mod target;
mod types;

use std::fmt;
use std::path::Path;

use inkwell::targets::TargetMachine;
use kiln_ir::Span;

pub use jit::JitProgram;
pub use kernels::KernelCode;

/// Code generation options.
#[derive(Clone, Debug)]
pub struct Options {
    /// 0..=3; 0 runs no LLVM passes (but `default<O0>` when there are generators, whose
    /// coroutines must be lowered), 1..=3 run LLVM's `default<On>` pipeline.
    pub opt_level: u8,
    /// The thread count a built executable's parallel loops use when they set none
    /// (`kiln build --threads N`); `None` leaves it to `KILN_NUM_THREADS` or the core count.
    pub default_threads: Option<u32>,
    /// Each kernel's WGSL and PTX (by function index), embedded in its launch descriptors.
    pub kernel_code: std::collections::HashMap<usize, KernelCode>,
}

impl Default for Options {
    fn default() -> Self {
        Options { opt_level: 2, default_threads: None, kernel_code: Default::default() }
    }
}

/// Why the backend could not lower, optimise or emit a module.
#[derive(Clone, Debug)]
pub struct BackendError {
    pub message: String,
    /// Where in the source the problem is; [`Span::UNDEFINED`] for problems of the whole module
    /// (LLVM failures, output files).
    pub span: Span,
}

impl BackendError {
    pub fn new(message: impl Into<String>, span: Span) -> BackendError {
        BackendError { message: message.into(), span }
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BackendError {}

impl From<inkwell::builder::BuilderError> for BackendError {
    fn from(e: inkwell::builder::BuilderError) -> Self {
        BackendError::new(format!("internal error while building LLVM IR: {e}"), Span::UNDEFINED)
    }
}

/// Lowers the whole module to LLVM, verifies it and optimises it for the host CPU.
///
/// `info` must be the result of `kiln_ir::validate(module)`.
pub fn compile(
    module: &kiln_ir::Module,
    info: &kiln_ir::ModuleInfo,
    options: &Options,
) -> Result<Compiled, BackendError> {
    let machine = target::host_machine(options.opt_level)?;
    let owned = context::OwnedModule::new("kiln");
    // SAFETY: everything lowering makes from the context lives in the module, which is owned
    // by `owned`; nothing escapes with a `'static` lifetime.
    let ctx = unsafe { owned.context() };
    let llvm = owned.module();
    let has_entry = codegen::lower_module(ctx, llvm, &machine, module, info, options)?;
    llvm.verify().map_err(|e| {
        BackendError::new(format!("LLVM rejected the generated code: {}", e.to_string_lossy()), Span::UNDEFINED)
    })?;
    let coroutines = module.functions.iter().any(|(_, f)| f.generator);
    target::optimise(llvm, &machine, options.opt_level, coroutines)?;
    Ok(Compiled { owned, machine, opt_level: options.opt_level, has_entry })
}

/// An optimised LLVM module, ready to be printed, written out or run.
pub struct Compiled {
    owned: context::OwnedModule,
    machine: TargetMachine,
    opt_level: u8,
    has_entry: bool,
}

impl Compiled {
    /// The module as LLVM IR text (`--emit llvm`).
    pub fn llvm_ir(&self) -> String {
        self.owned.module().print_to_string().to_string()
    }

    /// Writes the module as host assembly (`--emit asm`).
    pub fn write_assembly(&self, path: impl AsRef<Path>) -> Result<(), BackendError> {
        target::write_file(self.owned.module(), &self.machine, inkwell::targets::FileType::Assembly, path.as_ref())
    }

    /// Writes the module as a position-independent object file (`--emit obj`, `kiln build`). When
    /// the module has an entry function, the object defines `int main(int argc, char **argv)`,
    /// which returns `kiln_rt_main(&__kiln_entry, argc, argv)`.
    pub fn write_object(&self, path: impl AsRef<Path>) -> Result<(), BackendError> {
        target::write_file(self.owned.module(), &self.machine, inkwell::targets::FileType::Object, path.as_ref())
    }

    /// Whether the module has an entry function (and so `__kiln_entry` and `main`).
    pub fn has_entry(&self) -> bool {
        self.has_entry
    }

    /// Compiles the module to machine code in this process. Every runtime symbol the module uses
    /// must be among `runtime_symbols` (name, address); the result holds the address of
    /// `u8 __kiln_entry(void)`, to be run through the runtime's `kiln_rt_main`.
    pub fn jit(self, runtime_symbols: &[(&str, usize)]) -> Result<JitProgram, BackendError> {
        let Compiled { owned, machine, opt_level, has_entry } = self;
        drop(machine);
        jit::jit(owned, opt_level, has_entry, runtime_symbols)
    }
}
