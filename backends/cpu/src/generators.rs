//! Generators as LLVM coroutines (switch lowering).
//!
//! A generator function becomes a coroutine *ramp* `ptr f(params...)`, marked
//! `presplitcoroutine`, that never raises: it allocates the coroutine frame on the collected
//! heap (`kiln_rt_alloc`: Boehm scans the frame conservatively, which keeps every value the
//! suspended body holds alive; nothing is ever freed), stops at an initial suspend point and
//! returns the coroutine handle, which is the generator object. LLVM's coroutine passes
//! (`coro-early`, `coro-split`, `coro-cleanup`, part of every `default<On>` pipeline; see
//! `target::optimise`) split the body into resume and destroy functions and move the
//! parameters, locals and SSA values that live across a suspend point into the frame.
//!
//! The *promise* (a slot of the frame at a fixed offset, reachable from the handle with
//! `llvm.coro.promise`) is `{elem value, i8 raised, i8 running}`:
//!
//! - `Yield` stores the value and suspends;
//! - a `Return`, the end of the body, and an exception leaving the body (every place where an
//!   ordinary function would return, with or without the error flag) go to the final suspend
//!   point; an exception first sets `raised`, and the traceback entries of the generator's
//!   frames are already pushed by then, as for any frame an exception leaves;
//! - `GenResume` gives `false` for a finished generator (`llvm.coro.done`), otherwise marks it
//!   running, resumes it, and after the resume gives `true` when it suspended at a `yield`,
//!   or propagates the exception (like after a raising call) when `raised` is set, or gives
//!   `false`;
//! - `GenValue` reads the value.
//!
//! The coroutine setup (`coro.id`, `coro.size`, the allocation, `coro.begin`) comes first in
//! the entry block, before the stack slots of the locals and their zero stores. The stack
//! check of a recursive generator runs after the initial suspend, that is at the start of its
//! first resume, where its frame really grows the stack.

use std::ffi::CString;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::llvm_sys::core::{LLVMBuildCall2, LLVMConstNull, LLVMGlobalGetValueType, LLVMTokenTypeInContext};
use inkwell::llvm_sys::prelude::LLVMValueRef;
use inkwell::types::{BasicType, StructType};
use inkwell::values::{AsValueRef, BasicValue, BasicValueEnum, FunctionValue, IntValue, PointerValue};
use inkwell::IntPredicate;
use kiln_ir::{Expression, Handle, Type};

use crate::codegen::Codegen;
use crate::function::FunctionLowering;
use crate::BackendError;

/// Fields of the promise.
const VALUE: u32 = 0;
const RAISED: u32 = 1;
const RUNNING: u32 = 2;

/// The alignment `coro.id` may assume of the frame memory (`kiln_rt_alloc` gives 16 bytes).
const FRAME_ALIGN: u64 = 16;

/// The coroutine state of a generator function being lowered.
pub(crate) struct GenState<'ctx> {
    promise: PointerValue<'ctx>,
    promise_ty: StructType<'ctx>,
    elem: Handle<Type>,
    /// The final suspend point: where the body ends (returned, fell off the end or raised).
    finish: BasicBlock<'ctx>,
    /// `coro.end` and `ret handle`: where every suspend point leaves to the resumer.
    leave: BasicBlock<'ctx>,
    /// The destroy path (never taken: nothing destroys a generator, the collector frees it).
    cleanup: BasicBlock<'ctx>,
}

impl<'ctx> Codegen<'_, 'ctx> {
    /// The promise of generators of `elem`: its type and alignment.
    pub(crate) fn promise_layout(&self, elem: Handle<Type>) -> Result<(StructType<'ctx>, u32), BackendError> {
        let i8t = self.ctx.i8_type();
        let ty = self.ctx.struct_type(&[self.mem_type(elem)?, i8t.into(), i8t.into()], false);
        Ok((ty, self.target_data.get_abi_alignment(&ty)))
    }

    /// `token none`.
    fn token_none(&self) -> LLVMValueRef {
        // SAFETY: the context is valid; the null value of the token type is `token none`.
        unsafe { LLVMConstNull(LLVMTokenTypeInContext(self.ctx.raw())) }
    }

    /// Calls `f`, an intrinsic whose signature has `token` values (which inkwell cannot
    /// represent), with raw arguments, at `builder`'s position.
    fn raw_call(&self, builder: &Builder<'ctx>, f: FunctionValue<'ctx>, args: &[LLVMValueRef]) -> LLVMValueRef {
        let mut args = args.to_vec();
        let name = CString::default();
        // SAFETY: `f` is a function of this module whose parameters match `args` (the callers
        // build them from the intrinsic's declared signature), and the builder is positioned
        // in a block of a function of the same context.
        unsafe {
            LLVMBuildCall2(
                builder.as_mut_ptr(),
                LLVMGlobalGetValueType(f.as_value_ref()),
                f.as_value_ref(),
                args.as_mut_ptr(),
                args.len() as u32,
                name.as_ptr(),
            )
        }
    }

    /// `llvm.coro.promise(handle, align, false)`: the address of a generator's promise.
    fn promise_of(&self, handle: PointerValue<'ctx>, align: u32) -> Result<PointerValue<'ctx>, BackendError> {
        let f = self.intrinsic("llvm.coro.promise", &[])?;
        let args = [
            handle.into(),
            self.ctx.i32_type().const_int(align as u64, false).into(),
            self.ctx.bool_type().const_zero().into(),
        ];
        Ok(self.call_value(f, &args)?.into_pointer_value())
    }

    /// `llvm.coro.done(handle)`.
    fn coro_done(&self, handle: PointerValue<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let f = self.intrinsic("llvm.coro.done", &[])?;
        Ok(self.call_value(f, &[handle.into()])?.into_int_value())
    }
}

impl<'a, 'ctx> FunctionLowering<'a, '_, 'ctx> {
    fn gen_state(&self) -> Result<&GenState<'ctx>, BackendError> {
        self.generator.as_ref().ok_or_else(|| self.internal("generator statement outside a generator"))
    }

    /// The element type of a generator-typed expression.
    fn generator_elem(&self, gen: Handle<Expression>) -> Result<Handle<Type>, BackendError> {
        match self.cg.module.types[self.type_of(gen)] {
            Type::Generator { elem } => Ok(elem),
            _ => Err(self.internal("generator operation on a value that is not a generator")),
        }
    }

    /// At the top of the entry block (before the locals): the coroutine's id, its frame on the
    /// collected heap, its handle and a zeroed promise; and the blocks every generator ends in.
    pub(crate) fn begin_generator(&mut self) -> Result<(), BackendError> {
        let Type::Generator { elem } = self.cg.module.types[self.func.result] else {
            return Err(self.internal("a generator function that does not return a generator"));
        };
        let ctx = self.cg.ctx;
        let (promise_ty, align) = self.cg.promise_layout(elem)?;
        let ab = &self.alloca_builder;
        let promise = ab.build_alloca(promise_ty, "gen.promise")?;
        if let Some(inst) = promise.as_instruction_value() {
            inst.set_alignment(align).map_err(|e| self.internal(&format!("promise alignment: {e}")))?;
        }
        let null = self.cg.ptr_type().const_null();
        let coro_id = self.cg.intrinsic("llvm.coro.id", &[])?;
        let id = self.cg.raw_call(
            ab,
            coro_id,
            &[
                ctx.i32_type().const_int(FRAME_ALIGN, false).as_value_ref(),
                promise.as_value_ref(),
                null.as_value_ref(),
                null.as_value_ref(),
            ],
        );
        let coro_size = self.cg.intrinsic("llvm.coro.size", &[ctx.i64_type().into()])?;
        let size = ab.build_call(coro_size, &[], "gen.size")?.try_as_basic_value().basic();
        let size = size.ok_or_else(|| self.internal("coro.size"))?;
        let alloc = self.cg.runtime("kiln_rt_alloc")?;
        let call = ab.build_call(alloc, &[size.into()], "gen.frame")?;
        self.mark_allocation(call);
        let memory = call.try_as_basic_value().basic().ok_or_else(|| self.internal("frame allocation"))?;
        let coro_begin = self.cg.intrinsic("llvm.coro.begin", &[])?;
        let handle = self.cg.raw_call(ab, coro_begin, &[id, memory.as_value_ref()]);
        // SAFETY: `coro.begin` returns a `ptr`.
        let handle = unsafe { PointerValue::new(handle) };
        ab.build_store(promise, promise_ty.const_zero())?;

        // Every suspend point leaves through `coro.end` and returns the handle.
        let leave = self.new_block("gen.leave");
        self.b().position_at_end(leave);
        let coro_end = self.cg.intrinsic("llvm.coro.end", &[])?;
        let mut args = vec![handle.as_value_ref(), ctx.bool_type().const_zero().as_value_ref()];
        if coro_end.count_params() == 3 {
            args.push(self.cg.token_none());
        }
        self.cg.raw_call(self.b(), coro_end, &args);
        self.b().build_return(Some(&handle))?;
        let cleanup = self.new_block("gen.cleanup");
        self.b().position_at_end(cleanup);
        self.b().build_unconditional_branch(leave)?;
        // The final suspend point: resuming from it is undefined (`GenResume` never does).
        let finish = self.new_block("gen.finish");
        let never = self.new_block("gen.resumed_after_end");
        self.b().position_at_end(never);
        self.b().build_unreachable()?;
        self.b().position_at_end(finish);
        self.generator = Some(GenState { promise, promise_ty, elem, finish, leave, cleanup });
        let state = self.suspend(true)?;
        self.b().build_switch(
            state,
            leave,
            &[(ctx.i8_type().const_zero(), never), (ctx.i8_type().const_int(1, false), cleanup)],
        )?;
        Ok(())
    }

    /// Tells LLVM that the frame allocation returns fresh zeroed memory of the size of its
    /// argument, so that the allocation of a generator whose coroutine was inlined and folded
    /// away (a `for` loop over a generator that does not escape) can be deleted too.
    fn mark_allocation(&self, call: inkwell::values::CallSiteValue<'ctx>) {
        let ctx = self.cg.ctx;
        let enum_attr =
            |name: &str, value: u64| ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(name), value);
        // `allockind("alloc,zeroed")`: LLVM's AllocFnKind bits Alloc (1) and Zeroed (16).
        call.add_attribute(AttributeLoc::Function, enum_attr("allockind", 1 | 16));
        // `allocsize(0)`: the size argument's index in the high half, "no count" in the low.
        call.add_attribute(AttributeLoc::Function, enum_attr("allocsize", u32::MAX as u64));
        call.add_attribute(AttributeLoc::Function, ctx.create_string_attribute("alloc-family", "kiln_gc"));
        call.add_attribute(AttributeLoc::Return, enum_attr("noalias", 0));
    }

    /// `llvm.coro.suspend(token none, final)`: 0 when resumed, 1 when destroyed, -1 when
    /// suspended (leave to the resumer).
    fn suspend(&self, final_point: bool) -> Result<IntValue<'ctx>, BackendError> {
        let f = self.cg.intrinsic("llvm.coro.suspend", &[])?;
        let flag = self.cg.ctx.bool_type().const_int(final_point as u64, false);
        let state = self.cg.raw_call(self.b(), f, &[self.cg.token_none(), flag.as_value_ref()]);
        // SAFETY: `coro.suspend` returns an `i8`.
        Ok(unsafe { IntValue::new(state) })
    }

    /// A suspend point in the body; the lowering continues in the block that a resume reaches.
    pub(crate) fn suspend_point(&mut self, name: &str) -> Result<(), BackendError> {
        let (leave, cleanup) = {
            let s = self.gen_state()?;
            (s.leave, s.cleanup)
        };
        let state = self.suspend(false)?;
        let resumed = self.new_block(name);
        let i8t = self.cg.ctx.i8_type();
        self.b().build_switch(state, leave, &[(i8t.const_zero(), resumed), (i8t.const_int(1, false), cleanup)])?;
        self.b().position_at_end(resumed);
        Ok(())
    }

    /// `yield value`: the value goes to the promise, then the body suspends.
    pub(crate) fn yield_value(&mut self, value: Handle<Expression>) -> Result<(), BackendError> {
        let v = self.value(value)?;
        let (promise, promise_ty, elem) = {
            let s = self.gen_state()?;
            (s.promise, s.promise_ty, s.elem)
        };
        let slot = self.b().build_struct_gep(promise_ty, promise, VALUE, "gen.value")?;
        self.store(slot, v, elem, None)?;
        self.suspend_point("gen.resume")
    }

    /// Ends the generator from the current block: to the final suspend point, after recording
    /// in the promise that an exception is pending when `raised`.
    pub(crate) fn finish_generator(&mut self, raised: bool) -> Result<(), BackendError> {
        let (promise, promise_ty, finish) = {
            let s = self.gen_state()?;
            (s.promise, s.promise_ty, s.finish)
        };
        if raised {
            let flag = self.b().build_struct_gep(promise_ty, promise, RAISED, "gen.raised")?;
            self.b().build_store(flag, self.cg.ctx.i8_type().const_int(1, false))?;
        }
        self.b().build_unconditional_branch(finish)?;
        Ok(())
    }

    /// `GenResume`: one step of the generator (see the module docs).
    pub(crate) fn gen_resume(
        &mut self,
        h: Handle<Expression>,
        gen: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let elem = self.generator_elem(gen)?;
        let (promise_ty, align) = self.cg.promise_layout(elem)?;
        let handle = self.ptr(gen)?;
        let line = self.expr_line(h);
        let i8t = self.cg.ctx.i8_type();
        let bool_t = self.cg.ctx.bool_type();

        let start = self.current_block()?;
        let run = self.new_block("gen.run");
        let next = self.new_block("gen.next");
        let done = self.cg.coro_done(handle)?;
        self.b().build_conditional_branch(done, next, run)?;

        self.b().position_at_end(run);
        let promise = self.cg.promise_of(handle, align)?;
        let running = self.b().build_struct_gep(promise_ty, promise, RUNNING, "gen.running")?;
        let busy = self.b().build_load(i8t, running, "")?.into_int_value();
        let busy = self.b().build_int_compare(IntPredicate::NE, busy, i8t.const_zero(), "")?;
        self.raise_if(busy, "ValueError", "generator already executing", line)?;
        self.b().build_store(running, i8t.const_int(1, false))?;
        let resume = self.cg.intrinsic("llvm.coro.resume", &[])?;
        self.cg.call(resume, &[handle.into()])?;
        self.b().build_store(running, i8t.const_zero())?;
        let ended = self.cg.coro_done(handle)?;
        let suspended = self.current_block()?;
        let end = self.new_block("gen.ended");
        self.b().build_conditional_branch(ended, end, next)?;

        self.b().position_at_end(end);
        let raised = self.b().build_struct_gep(promise_ty, promise, RAISED, "gen.raised")?;
        let raised = self.b().build_load(i8t, raised, "")?.into_int_value();
        let raised = self.b().build_int_compare(IntPredicate::NE, raised, i8t.const_zero(), "")?;
        self.check_flag(raised, line)?;
        let finished = self.current_block()?;
        self.b().build_unconditional_branch(next)?;

        self.b().position_at_end(next);
        let phi = self.b().build_phi(bool_t, "gen.yielded")?;
        let (no, yes) = (bool_t.const_zero(), bool_t.const_int(1, false));
        phi.add_incoming(&[(&no, start), (&yes, suspended), (&no, finished)]);
        Ok(phi.as_basic_value())
    }

    /// `GenValue`: the value of the generator's last `yield`, from its promise.
    pub(crate) fn gen_value(&mut self, gen: Handle<Expression>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let elem = self.generator_elem(gen)?;
        let (promise_ty, align) = self.cg.promise_layout(elem)?;
        let handle = self.ptr(gen)?;
        let promise = self.cg.promise_of(handle, align)?;
        let slot = self.b().build_struct_gep(promise_ty, promise, VALUE, "gen.value")?;
        let mem = self.cg.mem_type(elem)?;
        let v = self.b().build_load(mem.as_basic_type_enum(), slot, "")?;
        self.mem_to_reg(v, elem)
    }
}
