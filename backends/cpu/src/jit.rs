//! In-process execution with LLVM's MCJIT.

use std::collections::HashMap;

use inkwell::execution_engine::ExecutionEngine;
use kiln_ir::Span;

use crate::codegen::ENTRY_SYMBOL;
use crate::context::OwnedModule;
use crate::BackendError;

/// A program compiled to machine code in this process. Dropping it frees the code.
pub struct JitProgram {
    /// `u8 __kiln_entry(void)`: runs the module's top-level code; 0 = ok, 1 = an exception is
    /// pending in the runtime. Pass it to the runtime's `kiln_rt_main`, which sets the stack
    /// limit, prints the traceback and flushes output. Valid while `self` lives.
    pub entry: extern "C" fn() -> u8,
    // Field order matters: the engine before the module and context it uses.
    _engine: ExecutionEngine<'static>,
    _owned: OwnedModule,
}

impl JitProgram {
    /// The address of `entry`, for passing to `kiln_rt_main` as a C function pointer.
    pub fn entry_address(&self) -> usize {
        self.entry as usize
    }
}

fn error(message: String) -> BackendError {
    BackendError::new(message, Span::UNDEFINED)
}

pub(crate) fn jit(
    owned: OwnedModule,
    opt_level: u8,
    has_entry: bool,
    runtime_symbols: &[(&str, usize)],
) -> Result<JitProgram, BackendError> {
    if !has_entry {
        return Err(error("the module has no entry function to run".into()));
    }
    crate::target::init_native()?;
    let module = owned.module();
    // `main` is for linked executables; the JIT starts at `__kiln_entry`.
    if let Some(main) = module.get_function("main") {
        // SAFETY: nothing in the module refers to `main`.
        unsafe { main.delete() };
    }
    let symbols: HashMap<&str, usize> = runtime_symbols.iter().copied().collect();
    // An external symbol without an address makes MCJIT abort the process: check first.
    let mut missing = Vec::new();
    for f in module.get_functions() {
        let name = f.get_name().to_string_lossy().into_owned();
        if f.count_basic_blocks() == 0
            && !name.starts_with("llvm.")
            && name.starts_with("kiln_rt_")
            && !symbols.contains_key(name.as_str())
        {
            missing.push(name);
        }
    }
    for g in module.get_globals() {
        let name = g.get_name().to_string_lossy().into_owned();
        if g.is_declaration() && !symbols.contains_key(name.as_str()) {
            missing.push(name);
        }
    }
    if !missing.is_empty() {
        return Err(error(format!("the runtime does not provide {}", missing.join(", "))));
    }
    let engine = module
        .create_jit_execution_engine(crate::target::llvm_opt_level(opt_level))
        .map_err(|e| error(format!("cannot create the JIT: {}", e.to_string_lossy())))?;
    for f in module.get_functions() {
        if f.count_basic_blocks() == 0 {
            if let Some(addr) = symbols.get(f.get_name().to_string_lossy().as_ref()) {
                engine.add_global_mapping(&f, *addr);
            }
        }
    }
    for g in module.get_globals() {
        if g.is_declaration() {
            if let Some(addr) = symbols.get(g.get_name().to_string_lossy().as_ref()) {
                engine.add_global_mapping(&g, *addr);
            }
        }
    }
    let address = engine
        .get_function_address(ENTRY_SYMBOL)
        .map_err(|e| error(format!("the JIT cannot find `{ENTRY_SYMBOL}`: {e}")))?;
    if address == 0 {
        return Err(error(format!("the JIT produced no code for `{ENTRY_SYMBOL}`")));
    }
    // SAFETY: `__kiln_entry` is defined by `codegen::build_entry` as `u8 (void)` with the C
    // calling convention; the code stays mapped while the engine (kept in the result) lives.
    let entry: extern "C" fn() -> u8 = unsafe { std::mem::transmute::<usize, extern "C" fn() -> u8>(address) };
    Ok(JitProgram { entry, _engine: engine, _owned: owned })
}
