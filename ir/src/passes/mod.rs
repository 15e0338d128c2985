//! Target-independent passes over the IR. Each pass keeps the IR valid; `optimize` re-validates
//! after every pass, so a pass bug is caught as an IR error, not as a miscompile.

pub mod const_globals;
mod gpu_loops;
mod kernels;
pub mod tail_recursion;

pub use gpu_loops::{contains_gpu_loop, outline_gpu_loops};
pub use kernels::{lower_kernels, KernelError};

use crate::ir::Module;
use crate::valid::{validate, ModuleInfo, ValidationError};

/// Runs the optimisation passes and returns the validator's side tables for the result.
pub fn optimize(module: &mut Module) -> Result<ModuleInfo, ValidationError> {
    let mut info = validate(module)?;
    if const_globals::run(module) > 0 {
        info = validate(module)?;
    }
    if tail_recursion::run(module, &info) == 0 {
        return Ok(info);
    }
    validate(module)
}
