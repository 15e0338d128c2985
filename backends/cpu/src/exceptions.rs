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
    /// By line and enclosing `try` (whose landing blocks branch to its handler).
    blocks: std::collections::HashMap<(u32, Option<u32>), BasicBlock<'ctx>>,
}

impl<'a, 'ctx> FunctionLowering<'a, '_, 'ctx> {
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
        let within = self.tries.last().copied();
        let key = (line, within.map(|(_, id)| id));
        if let Some(block) = self.unwind.blocks.get(&key) {
            return Ok(*block);
        }
        let here = self.current_block()?;
        let block = self.new_block(if within.is_some() { "landing" } else { "unwind" });
        self.b().position_at_end(block);
        if !self.func.hidden {
            let (file, name) = self.traceback_names();
            let file = self.cg.str_const(&file);
            let name = self.cg.str_const(&name);
            let line_value = self.cg.ctx.i64_type().const_int(line as u64, false);
            let push = self.cg.runtime("kiln_rt_traceback_push")?;
            self.cg.call(push, &[file.into(), name.into(), line_value.into()])?;
        }
        // Inside a `try`, the frame's entry is recorded before the handler runs: the caught
        // exception keeps it in case the handler raises it again.
        match within {
            Some((handler, _)) => {
                self.b().build_unconditional_branch(handler)?;
            }
            None => self.return_raised()?,
        }
        self.b().position_at_end(here);
        self.unwind.blocks.insert(key, block);
        Ok(block)
    }

    /// `try`: the body's raises branch (through their landing blocks) to the handler, which
    /// starts by taking the pending exception into `caught`.
    pub(crate) fn try_statement(
        &mut self,
        body: &'a kiln_ir::Block,
        handler: &'a kiln_ir::Block,
        caught: kiln_ir::Handle<kiln_ir::Local>,
    ) -> Result<(), BackendError> {
        let handler_block = self.new_block("except");
        let after = self.new_block("try.end");
        self.try_count += 1;
        self.tries.push((handler_block, self.try_count));
        self.block(body)?;
        self.tries.pop();
        if !self.terminated() {
            self.b().build_unconditional_branch(after)?;
        }
        self.b().position_at_end(handler_block);
        let catch = self.cg.runtime("kiln_rt_exc_catch")?;
        let exception = self.cg.call_value(catch, &[])?;
        let slot = self.locals[caught.index()];
        self.b().build_store(slot, exception)?;
        self.block(handler)?;
        if !self.terminated() {
            self.b().build_unconditional_branch(after)?;
        }
        self.b().position_at_end(after);
        Ok(())
    }

    /// `raise` in a handler: the caught exception is pending again, its traceback already
    /// holding this frame, so it goes on without another entry.
    pub(crate) fn reraise(&mut self, exception: kiln_ir::Handle<kiln_ir::Expression>) -> Result<(), BackendError> {
        let e = self.ptr(exception)?;
        let rethrow = self.cg.runtime("kiln_rt_exc_rethrow")?;
        self.cg.call(rethrow, &[e.into()])?;
        match self.tries.last() {
            Some((handler, _)) => {
                let handler = *handler;
                self.b().build_unconditional_branch(handler)?;
                Ok(())
            }
            None => self.return_raised(),
        }
    }

    /// `raise obj` for an instance of an exception class: the class name comes from the
    /// object's header.
    pub(crate) fn raise_object(
        &mut self,
        object: kiln_ir::Handle<kiln_ir::Expression>,
        message: kiln_ir::Handle<kiln_ir::Expression>,
        args: kiln_ir::Handle<kiln_ir::Expression>,
    ) -> Result<(), BackendError> {
        let name = self.class_name(object)?;
        let (obj, msg, args) = (self.ptr(object)?, self.ptr(message)?, self.ptr(args)?);
        let raise = self.cg.runtime("kiln_rt_raise_object")?;
        self.cg.call(raise, &[name.into(), msg.into(), obj.into(), args.into()])?;
        let line = self.stmt_line();
        self.branch_to_unwind(line)
    }

    pub(crate) fn exception_matches(
        &mut self,
        exception: kiln_ir::Handle<kiln_ir::Expression>,
        class: kiln_ir::ExceptionClass,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let name = match class {
            kiln_ir::ExceptionClass::Builtin(kind) => kind.name().to_owned(),
            kiln_ir::ExceptionClass::User(c) => self
                .cg
                .module
                .classes
                .get(c as usize)
                .map(|c| c.name.clone())
                .ok_or_else(|| self.internal("class id out of range"))?,
        };
        let name = self.cg.str_const(&name);
        let e = self.ptr(exception)?;
        let matches = self.cg.runtime("kiln_rt_exc_caught_matches")?;
        let status = self.cg.call_value(matches, &[e.into(), name.into()])?.into_int_value();
        Ok(self.b().build_int_compare(IntPredicate::NE, status, status.get_type().const_zero(), "matches")?)
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
        let key = (kind.to_owned(), message.to_owned(), line, self.tries.last().map(|(_, id)| *id));
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

    /// Returns from the function with the error flag set (the value part is undefined); in a
    /// generator, ends it with the exception recorded for the `GenResume` that ran it.
    pub(crate) fn return_raised(&mut self) -> Result<(), BackendError> {
        if self.generator.is_some() {
            return self.finish_generator(true);
        }
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
