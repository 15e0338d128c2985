//! Raising and propagating Python exceptions.
//!
//! An exception is *pending* in the runtime (set by `kiln_rt_raise` or by a runtime function
//! that failed). A function leaves through an **unwind block** for the raising line, which
//! pushes this frame's traceback entry (`kiln_rt_traceback_push(file, function, line)`) and
//! returns with the error flag set. Raise sites are cold
//! blocks reached through branches weighted as unlikely, so the hot path stays straight.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use crate::function::FunctionLowering;
use crate::BackendError;

/// The function's unwind blocks, one per source line: each pushes its traceback entry with a
/// constant line number (none for hidden library functions) and returns the error flag. (A single block with a phi over the lines
/// would make LLVM keep line numbers in callee-saved registers on the hot path.)
#[derive(Default)]
pub(crate) struct Unwind<'ctx> {
    blocks: std::collections::HashMap<u32, BasicBlock<'ctx>>,
}

impl<'ctx> FunctionLowering<'_, '_, 'ctx> {
    fn unwind_block(&mut self, line: u32) -> Result<BasicBlock<'ctx>, BackendError> {
        if !self.finfo.may_raise {
            return Err(self.error(
                format!(
                    "internal error in the CPU backend: `{}` raises but the validator says it cannot",
                    self.func.name
                ),
                self.func.span,
            ));
        }
        if let Some(block) = self.unwind.blocks.get(&line) {
            return Ok(*block);
        }
        let here = self.current_block()?;
        let block = self.new_block("unwind");
        self.b().position_at_end(block);
        if !self.func.hidden {
            let (file, name) = self.traceback_names();
            let file = self.cg.str_const(&file);
            let name = self.cg.str_const(&name);
            let line_value = self.cg.ctx.i64_type().const_int(line as u64, false);
            let push = self.cg.runtime("kiln_rt_traceback_push")?;
            self.cg.call(push, &[file.into(), name.into(), line_value.into()])?;
        }
        self.return_raised()?;
        self.b().position_at_end(here);
        self.unwind.blocks.insert(line, block);
        Ok(block)
    }

    /// Leaves the function from the current block: the exception is already pending.
    pub(crate) fn branch_to_unwind(&mut self, line: u32) -> Result<(), BackendError> {
        let unwind = self.unwind_block(line)?;
        self.b().build_unconditional_branch(unwind)?;
        Ok(())
    }

    /// After a call of a raising function: unwind when `flag` (an `i1`) is set.
    pub(crate) fn check_flag(&mut self, flag: IntValue<'ctx>, line: u32) -> Result<(), BackendError> {
        // A kernel's checks were made explicit before (`lower_kernels`): nothing raises here.
        if self.kernel.is_some() {
            return Ok(());
        }
        let unwind = self.unwind_block(line)?;
        let cont = self.new_block("ok");
        self.cg.unlikely_branch(flag, unwind, cont)?;
        self.b().position_at_end(cont);
        Ok(())
    }

    /// After a status-returning runtime call: unwind when the `u8` status is non-zero.
    pub(crate) fn check_status(&mut self, status: IntValue<'ctx>, line: u32) -> Result<(), BackendError> {
        let flag = self.b().build_int_compare(IntPredicate::NE, status, status.get_type().const_zero(), "raised")?;
        self.check_flag(flag, line)
    }

    /// Raises `kind(message)` at `line` when `cond` holds; continues in a fresh block otherwise.
    /// Raise blocks are shared by identical raises on one line.
    pub(crate) fn raise_if(
        &mut self,
        cond: IntValue<'ctx>,
        kind: &str,
        message: &str,
        line: u32,
    ) -> Result<(), BackendError> {
        // A condition folded to false by the builder needs no raise path; in a kernel the
        // check was made explicit before (`lower_kernels`).
        if cond.get_zero_extended_constant() == Some(0) || self.kernel.is_some() {
            return Ok(());
        }
        let key = (kind.to_owned(), message.to_owned(), line);
        let raise = match self.raise_blocks.get(&key) {
            Some(b) => *b,
            None => {
                let here = self.current_block()?;
                let raise = self.new_block("raise");
                self.b().position_at_end(raise);
                let name = self.cg.str_const(kind);
                let msg = self.cg.str_const(message);
                let f = self.cg.runtime("kiln_rt_raise")?;
                self.cg.call(f, &[name.into(), msg.into()])?;
                self.branch_to_unwind(line)?;
                self.b().position_at_end(here);
                self.raise_blocks.insert(key, raise);
                raise
            }
        };
        let cont = self.new_block("ok");
        self.cg.unlikely_branch(cond, raise, cont)?;
        self.b().position_at_end(cont);
        Ok(())
    }

    /// `raise kind(message)` (a `null` message means no message) from the current block.
    pub(crate) fn raise_now(&mut self, kind: &str, message: PointerValue<'ctx>, line: u32) -> Result<(), BackendError> {
        let name = self.cg.str_const(kind);
        let f = self.cg.runtime("kiln_rt_raise")?;
        self.cg.call(f, &[name.into(), message.into()])?;
        self.branch_to_unwind(line)
    }

    /// On entry of a recursive function: raise `RecursionError` when the stack is nearly full.
    /// Like CPython, the frame that could not start adds no traceback entry: the caller's
    /// entry (the line of the call) is the innermost one.
    pub(crate) fn stack_check(&mut self) -> Result<(), BackendError> {
        if !self.finfo.may_raise {
            return Err(
                self.error("internal error in the CPU backend: a recursive function that cannot raise", self.func.span)
            );
        }
        let ptr = self.cg.ptr_type();
        let i64t = self.cg.ctx.i64_type();
        // `llvm.stacksave` reads the stack pointer without forcing a frame pointer (which
        // `llvm.frameaddress` would, costing two instructions per call).
        let stack_save = self.cg.intrinsic("llvm.stacksave", &[ptr.into()])?;
        let frame = self.cg.call_value(stack_save, &[])?;
        let frame = self.b().build_ptr_to_int(frame.into_pointer_value(), i64t, "sp")?;
        let limit_global = crate::abi::declare_stack_limit(self.cg.ctx, self.cg.llvm);
        let limit = self.b().build_load(i64t, limit_global.as_pointer_value(), "stack.limit")?.into_int_value();
        let overflow = self.b().build_int_compare(IntPredicate::ULT, frame, limit, "stack.overflow")?;
        let here = self.current_block()?;
        // Below the limit (or on a worker thread of a parallel loop, where the limit is
        // `usize::MAX`): the runtime checks this thread's own stack.
        let slow = self.new_block("stack.check");
        self.b().position_at_end(slow);
        let f = self.cg.runtime("kiln_rt_stack_check")?;
        let status = self.cg.call_value(f, &[])?.into_int_value();
        let exhausted = self.b().build_int_compare(IntPredicate::NE, status, status.get_type().const_zero(), "")?;
        let raise = self.new_block("stack.overflow");
        let cont = self.new_block("start");
        self.cg.unlikely_branch(exhausted, raise, cont)?;
        self.b().position_at_end(raise);
        self.return_raised()?;
        self.b().position_at_end(here);
        self.cg.unlikely_branch(overflow, slow, cont)?;
        self.b().position_at_end(cont);
        Ok(())
    }

    /// Returns from the function with the error flag set (the value part is undefined).
    pub(crate) fn return_raised(&mut self) -> Result<(), BackendError> {
        let raised = self.cg.ctx.bool_type().const_int(1, false);
        match self.llfn.get_type().get_return_type() {
            Some(inkwell::types::BasicTypeEnum::StructType(pair)) => {
                let v = self.b().build_insert_value(pair.get_undef(), raised, 1, "")?;
                self.b().build_return(Some(&v.as_basic_value_enum()))?;
            }
            _ => {
                self.b().build_return(Some(&raised))?;
            }
        }
        Ok(())
    }

    /// The file name and function name shown in this function's traceback entries.
    fn traceback_names(&self) -> (String, String) {
        let file = self
            .cg
            .module
            .files
            .get(self.func.span.file as usize)
            .map(|f| f.name.clone())
            .unwrap_or_else(|| "<unknown>".to_owned());
        (file, self.func.source_name.clone())
    }
}
