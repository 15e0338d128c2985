//! Lowering of one IR function: structured statements to basic blocks, expressions to SSA
//! values, Python semantics for every operation.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::types::{BasicTypeEnum, IntType};
use inkwell::values::{
    BasicMetadataValueEnum, BasicValue, BasicValueEnum, FloatValue, FunctionValue, IntValue, PointerValue,
};
use inkwell::{FloatPredicate, IntPredicate};
use kiln_ir::{
    BinaryOp, Block, CastKind, CompareOp, Expression, FormatArg, FormatKind, Function, FunctionInfo, Handle, Literal,
    MathFunction, ParallelTarget, RuntimeFn, Scalar, ScalarKind, Span, Statement, Type, UnaryOp, ValueTag,
};

use crate::codegen::Codegen;
use crate::effects::LoopEffects;
use crate::exceptions::Unwind;
use crate::types::{has_pointers, is_bool, is_none, scalar_of, scalar_type, tbaa_name};
use crate::BackendError;

/// CPython 3.11's messages for `//` and `%` by an int zero.
pub(crate) const ZERO_DIVISION_INT: &str = "integer division or modulo by zero";
pub(crate) const ZERO_MODULO_INT: &str = "integer modulo by zero";
pub(crate) const INDEX_READ: &str = "list index out of range";
pub(crate) const INDEX_STORE: &str = "list assignment index out of range";

/// TBAA tags of the runtime objects' fields and of kiln's globals.
const TBAA_LIST_LEN: &str = "kiln list.len";
const TBAA_LIST_DATA: &str = "kiln list.data";
const TBAA_LIST_CAP: &str = "kiln list.cap";
const TBAA_STR_NCHARS: &str = "kiln str.nchars";
const TBAA_STR_LEN: &str = "kiln str.len";
const TBAA_GLOBAL: &str = "kiln global";

pub(crate) struct LoopFrame<'ctx> {
    pub(crate) header: BasicBlock<'ctx>,
    /// Created by the first `break`; a loop without one never falls out.
    pub(crate) exit: Option<BasicBlock<'ctx>>,
}

pub(crate) struct FunctionLowering<'a, 'b, 'ctx> {
    pub(crate) cg: &'b mut Codegen<'a, 'ctx>,
    pub(crate) func: &'a Function,
    pub(crate) finfo: &'a FunctionInfo,
    pub(crate) llfn: FunctionValue<'ctx>,
    pub(crate) values: Vec<Option<BasicValueEnum<'ctx>>>,
    pub(crate) locals: Vec<PointerValue<'ctx>>,
    /// Builder positioned at the end of the entry block, where every stack slot is allocated.
    pub(crate) alloca_builder: Builder<'ctx>,
    pub(crate) loops: Vec<LoopFrame<'ctx>>,
    pub(crate) unwind: Unwind<'ctx>,
    /// Shared raise blocks by (exception, message, line, enclosing `try`).
    pub(crate) raise_blocks: HashMap<(String, String, u32, Option<u32>), BasicBlock<'ctx>>,
    /// The enclosing `try` statements, innermost last: their handler blocks and ids.
    pub(crate) tries: Vec<(BasicBlock<'ctx>, u32)>,
    pub(crate) try_count: u32,
    /// Span of the statement being lowered (fallback for expressions without a span).
    stmt_span: Span,
    /// Per enclosing loop: the list and string headers loaded before it (see
    /// [`FunctionLowering::preload_invariant_headers`]).
    pub(crate) preloaded: Vec<HashMap<BaseKey, Header<'ctx>>>,
    /// Set while lowering a GPU kernel (see `kernels.rs`).
    pub(crate) kernel: Option<crate::kernels::KernelState<'ctx>>,
    /// Set while lowering a generator function's coroutine (see `generators.rs`).
    pub(crate) generator: Option<crate::generators::GenState<'ctx>>,
    /// `s[i]` reads evaluated inside the `==` that uses them (see `chars.rs`).
    pub(crate) deferred_chars: std::collections::HashSet<usize>,
}

/// What holds a list or string that a loop accesses.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum BaseKey {
    Local(usize),
    Global(usize),
    /// A value computed before the loop.
    Expr(usize),
}

/// A list's length and data pointer, or a string's length (`data: None`).
#[derive(Clone, Copy)]
pub(crate) struct Header<'ctx> {
    pub(crate) len: IntValue<'ctx>,
    pub(crate) data: Option<PointerValue<'ctx>>,
    /// A string's length in bytes (`len` is its length in code points).
    pub(crate) bytes: Option<IntValue<'ctx>>,
    /// A string's first text byte (see `chars.rs`).
    pub(crate) first: Option<IntValue<'ctx>>,
}

pub(crate) fn lower_function(cg: &mut Codegen<'_, '_>, handle: Handle<Function>) -> Result<(), BackendError> {
    let func = &cg.module.functions[handle];
    let finfo = cg.info.function(handle);
    let llfn = cg.functions[handle.index()];
    let mut fl = FunctionLowering::new(cg, func, finfo, llfn);
    let body = fl.new_block("body");
    if func.generator {
        // The coroutine setup comes first in the entry block, before the locals.
        fl.begin_generator()?;
    }
    fl.allocate_locals()?;
    fl.lower(body)?;
    fl.alloca_builder.build_unconditional_branch(body)?;
    Ok(())
}

impl<'a, 'b, 'ctx> FunctionLowering<'a, 'b, 'ctx> {
    /// Lowering state for `llfn`, which gets an entry block for the stack slots. The code of
    /// IR function `func` goes there (or, for a parallel loop's outlined body, part of it).
    pub(crate) fn new(
        cg: &'b mut Codegen<'a, 'ctx>,
        func: &'a Function,
        finfo: &'a FunctionInfo,
        llfn: FunctionValue<'ctx>,
    ) -> Self {
        let entry = cg.ctx.append_basic_block(llfn, "entry");
        let alloca_builder = cg.ctx.create_builder();
        alloca_builder.position_at_end(entry);
        FunctionLowering {
            cg,
            func,
            finfo,
            llfn,
            values: vec![None; func.expressions.len()],
            locals: Vec::with_capacity(func.locals.len()),
            alloca_builder,
            loops: Vec::new(),
            unwind: Unwind::default(),
            raise_blocks: HashMap::new(),
            tries: Vec::new(),
            try_count: 0,
            stmt_span: func.span,
            preloaded: Vec::new(),
            kernel: None,
            generator: None,
            deferred_chars: crate::chars::deferred_char_reads(func),
        }
    }

    /// A stack slot for every local, holding its type's zero value, so no read is ever undefined.
    pub(crate) fn allocate_locals(&mut self) -> Result<(), BackendError> {
        for (_, local) in self.func.locals.iter() {
            let ty = self.cg.mem_type(local.ty)?;
            let slot = self.alloca_builder.build_alloca(ty, &local.name)?;
            let zero = self.cg.zero_value(local.ty)?;
            self.alloca_builder.build_store(slot, zero)?;
            self.locals.push(slot);
        }
        Ok(())
    }

    pub(crate) fn b(&self) -> &Builder<'ctx> {
        &self.cg.builder
    }

    pub(crate) fn error(&self, message: impl Into<String>, span: Span) -> BackendError {
        let span = if span.is_defined() { span } else { self.func.span };
        BackendError::new(message, span)
    }

    pub(crate) fn internal(&self, what: &str) -> BackendError {
        self.error(format!("internal error in the CPU backend (function `{}`): {what}", self.func.name), self.stmt_span)
    }

    pub(crate) fn unsupported(&self, what: &str, span: Span) -> BackendError {
        self.error(format!("{what} not supported by the CPU backend yet"), span)
    }

    pub(crate) fn lower(&mut self, body: BasicBlock<'ctx>) -> Result<(), BackendError> {
        self.cg.builder.position_at_end(body);
        if self.generator.is_some() {
            // Calling a generator function runs nothing of its body.
            self.suspend_point("gen.start")?;
        }
        if self.finfo.recursive {
            self.stack_check()?;
        }
        let is_entry = self.cg.module.entry.is_some_and(|e| std::ptr::eq(&self.cg.module.functions[e], self.func));
        if is_entry && !self.cg.module.classes.is_empty() {
            self.register_exception_classes()?;
        }
        self.block(&self.func.body)?;
        if !self.terminated() {
            self.build_return(None)?;
        }
        Ok(())
    }

    /// A stack slot in the entry block.
    pub(crate) fn alloca(&self, ty: BasicTypeEnum<'ctx>, name: &str) -> Result<PointerValue<'ctx>, BackendError> {
        Ok(self.alloca_builder.build_alloca(ty, name)?)
    }

    pub(crate) fn current_block(&self) -> Result<BasicBlock<'ctx>, BackendError> {
        self.b().get_insert_block().ok_or_else(|| self.internal("builder not positioned"))
    }

    pub(crate) fn terminated(&self) -> bool {
        self.b().get_insert_block().and_then(|b| b.get_terminator()).is_some()
    }

    pub(crate) fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.cg.ctx.append_basic_block(self.llfn, name)
    }

    // ----- source lines -------------------------------------------------------------------------

    pub(crate) fn line_of(&self, span: Span) -> Option<u32> {
        if !span.is_defined() {
            return None;
        }
        self.cg.module.line_of(span).map(|(_, line)| line)
    }

    /// The line of the current statement (or of the function).
    pub(crate) fn stmt_line(&self) -> u32 {
        self.line_of(self.stmt_span).or_else(|| self.line_of(self.func.span)).unwrap_or(0)
    }

    /// The line of expression `h` (falling back to its statement's).
    pub(crate) fn expr_line(&self, h: Handle<Expression>) -> u32 {
        self.line_of(self.func.expressions.span(h)).unwrap_or_else(|| self.stmt_line())
    }

    // ----- values -------------------------------------------------------------------------------

    pub(crate) fn value(&self, h: Handle<Expression>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        self.values
            .get(h.index())
            .copied()
            .flatten()
            .ok_or_else(|| self.internal(&format!("expression {h:?} used before it is evaluated")))
    }

    pub(crate) fn int(&self, h: Handle<Expression>) -> Result<IntValue<'ctx>, BackendError> {
        match self.value(h)? {
            BasicValueEnum::IntValue(v) => Ok(v),
            _ => Err(self.internal(&format!("expression {h:?} is not an integer"))),
        }
    }

    pub(crate) fn float(&self, h: Handle<Expression>) -> Result<FloatValue<'ctx>, BackendError> {
        match self.value(h)? {
            BasicValueEnum::FloatValue(v) => Ok(v),
            _ => Err(self.internal(&format!("expression {h:?} is not a float"))),
        }
    }

    pub(crate) fn ptr(&self, h: Handle<Expression>) -> Result<PointerValue<'ctx>, BackendError> {
        match self.value(h)? {
            BasicValueEnum::PointerValue(v) => Ok(v),
            _ => Err(self.internal(&format!("expression {h:?} is not a pointer"))),
        }
    }

    pub(crate) fn type_of(&self, h: Handle<Expression>) -> Handle<Type> {
        self.finfo.type_of(h)
    }

    pub(crate) fn scalar(&self, h: Handle<Expression>) -> Result<Scalar, BackendError> {
        scalar_of(self.cg.module, self.type_of(h))
            .ok_or_else(|| self.internal(&format!("expression {h:?} is not a scalar")))
    }

    /// The `None` value.
    fn none(&self) -> BasicValueEnum<'ctx> {
        self.cg.ctx.i8_type().const_zero().into()
    }

    /// An integer expression widened to `i64` (indices, lengths, counts).
    pub(crate) fn int_as_i64(&self, h: Handle<Expression>) -> Result<IntValue<'ctx>, BackendError> {
        let v = self.int(h)?;
        let i64t = self.cg.ctx.i64_type();
        if v.get_type().get_bit_width() == 64 {
            return Ok(v);
        }
        Ok(match self.scalar(h)?.kind {
            ScalarKind::Sint => self.b().build_int_s_extend(v, i64t, "")?,
            _ => self.b().build_int_z_extend(v, i64t, "")?,
        })
    }

    /// A register value converted to its memory form (`bool`: `i1` → `i8`).
    fn reg_to_mem(&self, value: BasicValueEnum<'ctx>, ty: Handle<Type>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        if is_bool(self.cg.module, ty) {
            return Ok(self.b().build_int_z_extend(value.into_int_value(), self.cg.ctx.i8_type(), "")?.into());
        }
        Ok(value)
    }

    /// A loaded value converted to its register form (`bool`: `i8` → `i1`).
    pub(crate) fn mem_to_reg(
        &self,
        value: BasicValueEnum<'ctx>,
        ty: Handle<Type>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        if is_bool(self.cg.module, ty) {
            let v = value.into_int_value();
            return Ok(self.b().build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?.into());
        }
        Ok(value)
    }

    pub(crate) fn load(
        &mut self,
        ptr: PointerValue<'ctx>,
        ty: Handle<Type>,
        tbaa: Option<&str>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let mem = self.cg.mem_type(ty)?;
        let v = self.b().build_load(mem, ptr, "")?;
        if let Some(inst) = v.as_instruction_value() {
            if let Some(tag) = tbaa {
                self.cg.tbaa(inst, tag)?;
            }
            self.cg.mark_object_load(inst, ty)?;
        }
        self.mem_to_reg(v, ty)
    }

    pub(crate) fn store(
        &mut self,
        ptr: PointerValue<'ctx>,
        value: BasicValueEnum<'ctx>,
        ty: Handle<Type>,
        tbaa: Option<&str>,
    ) -> Result<(), BackendError> {
        let v = self.reg_to_mem(value, ty)?;
        let inst = self.b().build_store(ptr, v)?;
        if let Some(tag) = tbaa {
            self.cg.tbaa(inst, tag)?;
        }
        Ok(())
    }

    fn global_ptr(&self, global: Handle<kiln_ir::Global>) -> Result<PointerValue<'ctx>, BackendError> {
        let (g, ty) = self.cg.globals.ok_or_else(|| self.internal("global access without globals"))?;
        Ok(self.b().build_struct_gep(ty, g.as_pointer_value(), global.index() as u32, "")?)
    }

    // ----- statements ---------------------------------------------------------------------------

    pub(crate) fn block(&mut self, block: &'a Block) -> Result<(), BackendError> {
        for (statement, span) in block.iter() {
            if self.terminated() {
                // The rest of the block is unreachable (after return/break/continue/raise).
                break;
            }
            self.stmt_span = span;
            self.statement(statement, span)?;
        }
        Ok(())
    }

    fn statement(&mut self, statement: &'a Statement, span: Span) -> Result<(), BackendError> {
        if self.kernel_statement(statement)? {
            return Ok(());
        }
        match statement {
            Statement::Emit(range) => {
                for h in range.iter() {
                    if self.is_deferred_char(h) {
                        continue;
                    }
                    let v = self.expression(h)?;
                    if let Some(slot) = self.values.get_mut(h.index()) {
                        *slot = Some(v);
                    }
                }
            }
            Statement::Block(b) => self.block(b)?,
            Statement::If { condition, accept, reject } => {
                let cond = self.int(*condition)?;
                let then_bb = self.new_block("then");
                let else_bb = self.new_block("else");
                self.b().build_conditional_branch(cond, then_bb, else_bb)?;
                let mut ends = Vec::new();
                for (bb, body) in [(then_bb, accept), (else_bb, reject)] {
                    self.b().position_at_end(bb);
                    self.block(body)?;
                    if !self.terminated() {
                        ends.push(self.current_block()?);
                    }
                }
                if !ends.is_empty() {
                    let merge = self.new_block("endif");
                    for end in ends {
                        self.b().position_at_end(end);
                        self.b().build_unconditional_branch(merge)?;
                    }
                    self.b().position_at_end(merge);
                }
            }
            Statement::Loop { body } => {
                let preloaded = self.preload_invariant_headers(body)?;
                self.preloaded.push(preloaded);
                let header = self.new_block("loop");
                self.b().build_unconditional_branch(header)?;
                self.b().position_at_end(header);
                self.loops.push(LoopFrame { header, exit: None });
                self.block(body)?;
                self.preloaded.pop();
                if !self.terminated() {
                    self.b().build_unconditional_branch(header)?;
                }
                let frame = self.loops.pop().ok_or_else(|| self.internal("loop stack"))?;
                if let Some(exit) = frame.exit {
                    self.b().position_at_end(exit);
                }
            }
            Statement::Break => {
                let exit = match self.loops.last().and_then(|f| f.exit) {
                    Some(exit) => exit,
                    None => {
                        let exit = self.new_block("endloop");
                        let err = self.internal("break outside a loop");
                        self.loops.last_mut().ok_or(err)?.exit = Some(exit);
                        exit
                    }
                };
                self.b().build_unconditional_branch(exit)?;
            }
            Statement::Continue => {
                let header = self.loops.last().ok_or_else(|| self.internal("continue outside a loop"))?.header;
                self.b().build_unconditional_branch(header)?;
            }
            Statement::Return { value } => {
                let v = value.map(|h| self.value(h)).transpose()?;
                self.build_return(v)?;
            }
            Statement::Store { local, value } => {
                let v = self.value(*value)?;
                let slot = *self.locals.get(local.index()).ok_or_else(|| self.internal("local out of range"))?;
                let ty = self.func.locals[*local].ty;
                self.store(slot, v, ty, None)?;
            }
            Statement::StoreGlobal { global, value } => {
                let v = self.value(*value)?;
                let ptr = self.global_ptr(*global)?;
                let ty = self.cg.module.globals[*global].ty;
                self.store(ptr, v, ty, Some(TBAA_GLOBAL))?;
            }
            Statement::IndexStore { base, index, value } => {
                let elem = self.list_elem_type(*base, span)?;
                let line = self.stmt_line();
                let ptr = self.list_element(*base, *index, elem, INDEX_STORE, line)?;
                let v = self.value(*value)?;
                let tag = tbaa_name(self.cg.module, elem).map(|n| format!("kiln elem.{n}"));
                self.store(ptr, v, elem, tag.as_deref())?;
            }
            Statement::DictStore { dict, key, value } => {
                self.dict_store(*dict, *key, *value)?;
                let line = self.stmt_line();
                self.check_key_callbacks(*dict, line)?;
            }
            Statement::SetField { object, field, value } => self.set_field(*object, *field, *value)?,
            Statement::CellSet { cell, value } => self.cell_set(*cell, *value)?,
            Statement::Try { body, handler, caught } => self.try_statement(body, handler, *caught)?,
            Statement::Reraise { exception } => self.reraise(*exception)?,
            Statement::RaiseException { exception } => {
                let e = self.ptr(*exception)?;
                let raise = self.cg.runtime("kiln_rt_exc_raise_value")?;
                self.cg.call(raise, &[e.into()])?;
                let line = self.stmt_line();
                self.branch_to_unwind(line)?;
            }
            Statement::RaiseObject { object, message, args } => self.raise_object(*object, *message, *args)?,
            Statement::SetAdd { set, key } => {
                self.set_add(*set, *key)?;
                let line = self.stmt_line();
                self.check_key_callbacks(*set, line)?;
            }
            Statement::SetUpdate { op, target, other } => {
                self.set_update(*op, *target, *other)?;
                let line = self.stmt_line();
                self.check_key_callbacks(*target, line)?;
            }
            Statement::ContainerClear { value } => {
                self.container_copy_or_clear(*value, true)?;
            }
            Statement::ContainerNext { container, pos, found, key, value } => {
                self.container_next(*container, *pos, *found, *key, *value)?
            }
            Statement::ListTruncate { list, len } => {
                let l = self.ptr(*list)?;
                let n = self.int_as_i64(*len)?;
                let header = self.list_header_type();
                let p = self.b().build_struct_gep(header, l, 0, "len.ptr")?;
                let store = self.b().build_store(p, n)?;
                self.cg.tbaa(store, TBAA_LIST_LEN)?;
            }
            Statement::ListAppend { list, value } => {
                let elem = self.list_elem_type(*list, span)?;
                let l = self.ptr(*list)?;
                let (size, ptrs) = self.elem_layout(elem)?;
                // Inline while the data has room (`len < cap`): the slot is `data + len * size`
                // and `len += 1`; only growing calls the runtime.
                let header = self.list_header_type();
                let len = self.list_len(l)?;
                let cap_ptr = self.b().build_struct_gep(header, l, 1, "cap.ptr")?;
                let cap = self.b().build_load(self.cg.ctx.i64_type(), cap_ptr, "cap")?;
                if let Some(inst) = cap.as_instruction_value() {
                    self.cg.tbaa(inst, TBAA_LIST_CAP)?;
                }
                let full = self.b().build_int_compare(IntPredicate::SGE, len, cap.into_int_value(), "full")?;
                let grow = self.new_block("append.grow");
                let room = self.new_block("append.room");
                let done = self.new_block("append.done");
                self.cg.unlikely_branch(full, grow, room)?;
                self.b().position_at_end(room);
                let data = self.list_data(l)?;
                let offset = self.b().build_int_mul(len, size, "")?;
                // SAFETY: 0 <= len < cap: a slot inside the data allocation.
                let fast_slot =
                    unsafe { self.b().build_in_bounds_gep(self.cg.ctx.i8_type(), data, &[offset], "slot")? };
                let len_ptr = self.b().build_struct_gep(header, l, 0, "len.ptr")?;
                let one = self.cg.ctx.i64_type().const_int(1, false);
                let new_len = self.b().build_int_nsw_add(len, one, "")?;
                let store = self.b().build_store(len_ptr, new_len)?;
                self.cg.tbaa(store, TBAA_LIST_LEN)?;
                self.b().build_unconditional_branch(done)?;
                self.b().position_at_end(grow);
                let append = self.cg.runtime("kiln_rt_list_append_slot")?;
                let grown_slot =
                    self.cg.call_value(append, &[l.into(), size.into(), ptrs.into()])?.into_pointer_value();
                let grow_end = self.b().get_insert_block().ok_or_else(|| self.internal("append block"))?;
                self.b().build_unconditional_branch(done)?;
                self.b().position_at_end(done);
                let phi = self.b().build_phi(self.cg.ptr_type(), "slot")?;
                phi.add_incoming(&[(&fast_slot, room), (&grown_slot, grow_end)]);
                let slot = phi.as_basic_value().into_pointer_value();
                let v = self.value(*value)?;
                let tag = tbaa_name(self.cg.module, elem).map(|n| format!("kiln elem.{n}"));
                self.store(slot, v, elem, tag.as_deref())?;
            }
            Statement::Raise { kind, message } => {
                let msg = match message {
                    Some(m) => self.ptr(*m)?,
                    None => self.cg.ptr_type().const_null(),
                };
                let line = self.stmt_line();
                self.raise_now(kind.name(), msg, line)?;
            }
            Statement::ParallelFor {
                index,
                start,
                stop,
                step,
                body,
                schedule,
                chunk_size,
                num_threads,
                target: ParallelTarget::Cpu,
                reductions,
            } => self.parallel_for(crate::parallel::ParallelLoop {
                index: *index,
                start: *start,
                stop: *stop,
                step: *step,
                body,
                schedule: *schedule,
                chunk_size: *chunk_size,
                num_threads: *num_threads,
                reductions,
            })?,
            Statement::ParallelFor { target: ParallelTarget::Gpu, .. } => {
                return Err(self.unsupported("parallel loops on a GPU (`par(gpu=True)`) are", span))
            }
            Statement::Yield { value } => self.yield_value(*value)?,
            Statement::Barrier => return Err(self.unsupported("`gpu.syncthreads()` is", span)),
            Statement::Launch { kernel, args, grid, block } => self.launch(*kernel, args, grid, block)?,
        }
        Ok(())
    }

    /// `return value` following the calling convention; `None` returns the result type's zero
    /// (only reachable when control falls off the end of a function).
    pub(crate) fn build_return(&mut self, value: Option<BasicValueEnum<'ctx>>) -> Result<(), BackendError> {
        if self.kernel.is_some() {
            return self.end_thread();
        }
        if self.generator.is_some() {
            return self.finish_generator(false);
        }
        let result = self.func.result;
        let none = is_none(self.cg.module, result);
        let may_raise = self.finfo.may_raise;
        let ok = self.cg.ctx.bool_type().const_zero();
        if none {
            if may_raise {
                self.b().build_return(Some(&ok))?;
            } else {
                self.b().build_return(None)?;
            }
            return Ok(());
        }
        let v = match value {
            Some(v) => v,
            None => self.cg.reg_type(result)?.const_zero(),
        };
        if may_raise {
            let ret_ty = self.llfn.get_type().get_return_type().ok_or_else(|| self.internal("return type"))?;
            let pair = ret_ty.into_struct_type().get_undef();
            let pair = self.b().build_insert_value(pair, v, 0, "")?;
            let pair = self.b().build_insert_value(pair, ok, 1, "")?;
            self.b().build_return(Some(&pair.as_basic_value_enum()))?;
        } else {
            self.b().build_return(Some(&v))?;
        }
        Ok(())
    }

    // ----- lists --------------------------------------------------------------------------------

    fn list_elem_type(&self, list: Handle<Expression>, _span: Span) -> Result<Handle<Type>, BackendError> {
        match &self.cg.module.types[self.type_of(list)] {
            Type::List { elem } | Type::ArrayView { elem, .. } => Ok(*elem),
            _ => Err(self.internal("indexing of a non-list")),
        }
    }

    /// `(elem_size, elem_has_ptrs)` arguments of the runtime's list functions.
    fn elem_layout(&self, elem: Handle<Type>) -> Result<(IntValue<'ctx>, IntValue<'ctx>), BackendError> {
        let size = self.cg.mem_size(elem)?;
        let ptrs = has_pointers(self.cg.module, elem) as u64;
        Ok((self.cg.ctx.i64_type().const_int(size, false), self.cg.ctx.i8_type().const_int(ptrs, false)))
    }

    fn list_header_type(&self) -> inkwell::types::StructType<'ctx> {
        let i64t = self.cg.ctx.i64_type();
        self.cg.ctx.struct_type(&[i64t.into(), i64t.into(), self.cg.ptr_type().into()], false)
    }

    fn list_len(&mut self, list: PointerValue<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let header = self.list_header_type();
        let p = self.b().build_struct_gep(header, list, 0, "len.ptr")?;
        let len = self.b().build_load(self.cg.ctx.i64_type(), p, "len")?;
        if let Some(inst) = len.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_LIST_LEN)?;
        }
        Ok(len.into_int_value())
    }

    fn list_data(&mut self, list: PointerValue<'ctx>) -> Result<PointerValue<'ctx>, BackendError> {
        let header = self.list_header_type();
        let p = self.b().build_struct_gep(header, list, 2, "data.ptr")?;
        let data = self.b().build_load(self.cg.ptr_type(), p, "data")?;
        if let Some(inst) = data.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_LIST_DATA)?;
        }
        Ok(data.into_pointer_value())
    }

    /// `s[i]`: an ASCII character of an ASCII string is the runtime's shared one-character
    /// string, found inline; anything else (and every error) goes through the runtime.
    fn str_getitem(
        &mut self,
        h: Handle<Expression>,
        args: &[Handle<Expression>],
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (s, i) = (self.ptr(args[0])?, self.int_as_i64(args[1])?);
        let i64t = self.cg.ctx.i64_type();
        let i8t = self.cg.ctx.i8_type();
        // Strings are immutable: a header loaded before the loop (the variable is not
        // reassigned in it) is the header now.
        let (len, n) = match self.preloaded_header(self.base_key(args[0])) {
            Some(Header { len: n, bytes: Some(len), .. }) => (len, n),
            _ => (self.str_byte_len(s)?, self.str_len(s)?),
        };
        let negative = self.b().build_int_compare(IntPredicate::SLT, i, i64t.const_zero(), "")?;
        let wrapped = self.b().build_int_add(i, n, "")?;
        let idx = self.b().build_select(negative, wrapped, i, "idx")?.into_int_value();
        let inside = self.b().build_int_compare(IntPredicate::ULT, idx, n, "")?;
        let ascii_text = self.b().build_int_compare(IntPredicate::EQ, len, n, "")?;
        let candidate = self.b().build_and(inside, ascii_text, "")?;
        let load_byte = self.new_block("getitem.byte");
        let fast = self.new_block("getitem.fast");
        let slow = self.new_block("getitem.slow");
        let done = self.new_block("getitem.done");
        self.b().build_conditional_branch(candidate, load_byte, slow)?;
        self.b().position_at_end(load_byte);
        let at = self.b().build_int_add(idx, i64t.const_int(16, false), "")?;
        // SAFETY: 0 <= idx < nchars == len, so the byte is inside the string.
        let bp = unsafe { self.b().build_in_bounds_gep(i8t, s, &[at], "")? };
        let byte = self.b().build_load(i8t, bp, "")?.into_int_value();
        let is_ascii = self.b().build_int_compare(IntPredicate::SGE, byte, i8t.const_zero(), "")?;
        self.b().build_conditional_branch(is_ascii, fast, slow)?;
        self.b().position_at_end(fast);
        let table = crate::abi::declare_ascii_chars(self.cg.ctx, self.cg.llvm).as_pointer_value();
        let offset = self.b().build_int_z_extend(byte, i64t, "")?;
        let offset = self.b().build_int_mul(offset, i64t.const_int(crate::abi::ASCII_CHAR_SIZE, false), "")?;
        // SAFETY: byte < 128: one of the table's entries.
        let entry = unsafe { self.b().build_in_bounds_gep(i8t, table, &[offset], "char")? };
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(slow);
        let general = self.runtime_call(h, RuntimeFn::StrGetItem, args)?;
        let slow_end = self.current_block()?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        let phi = self.b().build_phi(self.cg.ptr_type(), "item")?;
        phi.add_incoming(&[(&entry, fast), (&general, slow_end)]);
        Ok(phi.as_basic_value())
    }

    /// `a == b` for strings: the same object, or one byte each (shared one-character strings
    /// and single characters from indexing), is decided inline; anything else calls the runtime.
    pub(crate) fn str_eq_ptrs(
        &mut self,
        pa: PointerValue<'ctx>,
        pb: PointerValue<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let bool_t = self.cg.ctx.bool_type();
        let start = self.current_block()?;
        let check_len = self.new_block("streq.len");
        let done = self.new_block("streq.done");
        let same = self.b().build_int_compare(IntPredicate::EQ, pa, pb, "same")?;
        self.b().build_conditional_branch(same, done, check_len)?;
        self.b().position_at_end(check_len);
        let (byte_eq, one_byte) = self.one_byte_str_compare(pa, pb, IntPredicate::EQ, done)?;
        let f = self.cg.runtime("kiln_rt_str_eq")?;
        let r = self.cg.call_value(f, &[pa.into(), pb.into()])?.into_int_value();
        let call_eq = self.b().build_int_compare(IntPredicate::NE, r, r.get_type().const_zero(), "")?;
        let call_end = self.current_block()?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        let phi = self.b().build_phi(bool_t, "str.eq")?;
        phi.add_incoming(&[(&bool_t.const_int(1, false), start), (&byte_eq, one_byte), (&call_eq, call_end)]);
        Ok(phi.as_basic_value())
    }

    /// Two strings of one byte each are compared by their bytes (`pred`) inline: emits the
    /// length test and that comparison, which goes on to `done`. Returns its result and block;
    /// the builder is left in the block for every other pair of strings.
    fn one_byte_str_compare(
        &mut self,
        a: PointerValue<'ctx>,
        b: PointerValue<'ctx>,
        pred: IntPredicate,
        done: inkwell::basic_block::BasicBlock<'ctx>,
    ) -> Result<(IntValue<'ctx>, inkwell::basic_block::BasicBlock<'ctx>), BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let i8t = self.cg.ctx.i8_type();
        let one_byte = self.new_block("str.byte");
        let other = self.new_block("str.call");
        let la = self.str_byte_len(a)?;
        let lb = self.str_byte_len(b)?;
        let one = i64t.const_int(1, false);
        let a1 = self.b().build_int_compare(IntPredicate::EQ, la, one, "")?;
        let b1 = self.b().build_int_compare(IntPredicate::EQ, lb, one, "")?;
        let both_one = self.b().build_and(a1, b1, "")?;
        self.b().build_conditional_branch(both_one, one_byte, other)?;
        self.b().position_at_end(one_byte);
        // SAFETY: both strings have one byte of text at offset 16.
        let (ba, bb) = unsafe {
            (
                self.b().build_in_bounds_gep(i8t, a, &[i64t.const_int(16, false)], "")?,
                self.b().build_in_bounds_gep(i8t, b, &[i64t.const_int(16, false)], "")?,
            )
        };
        let ba = self.b().build_load(i8t, ba, "")?.into_int_value();
        let bb = self.b().build_load(i8t, bb, "")?.into_int_value();
        let result = self.b().build_int_compare(pred, ba, bb, "")?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(other);
        Ok((result, one_byte))
    }

    /// The length of string `s` in bytes.
    pub(crate) fn str_byte_len(&mut self, s: PointerValue<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let header = self.cg.ctx.struct_type(&[i64t.into(), i64t.into()], false);
        let p = self.b().build_struct_gep(header, s, 0, "len.ptr")?;
        let n = self.b().build_load(i64t, p, "len")?;
        if let Some(inst) = n.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_STR_LEN)?;
        }
        Ok(n.into_int_value())
    }

    pub(crate) fn str_len(&mut self, s: PointerValue<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let header = self.cg.ctx.struct_type(&[i64t.into(), i64t.into()], false);
        let p = self.b().build_struct_gep(header, s, 1, "nchars.ptr")?;
        let n = self.b().build_load(i64t, p, "nchars")?;
        if let Some(inst) = n.as_instruction_value() {
            self.cg.tbaa(inst, TBAA_STR_NCHARS)?;
        }
        Ok(n.into_int_value())
    }

    /// The address of `list[index]` after Python's index normalisation and bounds check
    /// (raising `IndexError(message)` at `line`).
    pub(crate) fn list_element(
        &mut self,
        list: Handle<Expression>,
        index: Handle<Expression>,
        elem: Handle<Type>,
        message: &str,
        line: u32,
    ) -> Result<PointerValue<'ctx>, BackendError> {
        let idx = self.int_as_i64(index)?;
        let (len, data) = match self.preloaded_header(self.base_key(list)) {
            Some(Header { len, data: Some(data), .. }) => (len, data),
            _ => {
                let l = self.ptr(list)?;
                (self.list_len(l)?, self.list_data(l)?)
            }
        };
        let i64t = self.cg.ctx.i64_type();
        let idx = if self.scalar(index)?.kind == ScalarKind::Sint {
            let negative = self.b().build_int_compare(IntPredicate::SLT, idx, i64t.const_zero(), "neg")?;
            let wrapped = self.b().build_int_add(idx, len, "")?;
            self.b().build_select(negative, wrapped, idx, "idx")?.into_int_value()
        } else {
            idx
        };
        let outside = self.b().build_int_compare(IntPredicate::UGE, idx, len, "oob")?;
        self.raise_if(outside, "IndexError", message, line)?;
        let mem = self.cg.mem_type(elem)?;
        // SAFETY: the index was checked against the list's length just above.
        Ok(unsafe { self.b().build_in_bounds_gep(mem, data, &[idx], "elem")? })
    }

    /// Before a loop: when the loop (with everything it calls) appends to no list, loads the
    /// header (length, data pointer) of each list — and the length of each string — that the
    /// loop indexes or measures through a variable it does not assign or a value computed
    /// before it. Accesses inside the loop then use these values instead of reloading them,
    /// which keeps hot loops free of header loads (see `effects`).
    pub(crate) fn preload_invariant_headers(
        &mut self,
        body: &'a Block,
    ) -> Result<HashMap<BaseKey, Header<'ctx>>, BackendError> {
        let mut preloaded = HashMap::new();
        let effects = LoopEffects::of(self.func, body, &self.cg.summaries);
        if effects.appends {
            return Ok(preloaded);
        }
        let mut bases = Vec::new();
        self.collect_bases(body, &mut bases);
        for base in bases {
            let key = self.base_key(base);
            let object = match (key, &self.func.expressions[base]) {
                (_, _) if preloaded.contains_key(&key) || self.preloaded_header(key).is_some() => continue,
                (BaseKey::Local(_), Expression::Load(l)) if effects.keeps_local(*l) => {
                    let slot = *self.locals.get(l.index()).ok_or_else(|| self.internal("local out of range"))?;
                    self.load(slot, self.type_of(base), None)?
                }
                (BaseKey::Global(_), Expression::LoadGlobal(g)) if effects.keeps_global(*g) => {
                    let ptr = self.global_ptr(*g)?;
                    self.load(ptr, self.type_of(base), Some(TBAA_GLOBAL))?
                }
                (BaseKey::Expr(_), _) => match self.values.get(base.index()).copied().flatten() {
                    Some(v) => v,
                    None => continue,
                },
                _ => continue,
            };
            let object = object.into_pointer_value();
            let header = match self.cg.module.types[self.type_of(base)] {
                Type::List { .. } => Header {
                    len: self.list_len(object)?,
                    data: Some(self.list_data(object)?),
                    bytes: None,
                    first: None,
                },
                Type::Str => Header {
                    len: self.str_len(object)?,
                    data: None,
                    bytes: Some(self.str_byte_len(object)?),
                    first: Some(self.str_byte(object, self.cg.ctx.i64_type().const_zero())?),
                },
                _ => continue,
            };
            preloaded.insert(key, header);
        }
        Ok(preloaded)
    }

    pub(crate) fn base_key(&self, base: Handle<Expression>) -> BaseKey {
        match self.func.expressions.get(base) {
            Some(Expression::Load(l)) => BaseKey::Local(l.index()),
            Some(Expression::LoadGlobal(g)) => BaseKey::Global(g.index()),
            _ => BaseKey::Expr(base.index()),
        }
    }

    /// The header of the object `key` names, if an enclosing loop loaded it before it started.
    pub(crate) fn preloaded_header(&self, key: BaseKey) -> Option<Header<'ctx>> {
        self.preloaded.iter().rev().find_map(|m| m.get(&key).copied())
    }

    /// The list/str operands of the indexing and `len` nodes in `block` (recursively).
    fn collect_bases(&self, block: &Block, out: &mut Vec<Handle<Expression>>) {
        for (statement, _) in block.iter() {
            match statement {
                Statement::Emit(range) => {
                    for h in range.iter() {
                        match self.func.expressions.get(h) {
                            Some(Expression::Index { base, .. }) | Some(Expression::Len { value: base }) => {
                                out.push(*base)
                            }
                            Some(Expression::RuntimeCall { function: RuntimeFn::StrGetItem, args })
                                if args.len() == 2 =>
                            {
                                out.push(args[0])
                            }
                            // The other operand of a comparison with a character (`chars.rs`).
                            Some(Expression::RuntimeCall { function: RuntimeFn::StrEq, args })
                                if args.len() == 2 && args.iter().any(|&a| self.is_deferred_char(a)) =>
                            {
                                out.extend(args.iter().copied().filter(|&a| !self.is_deferred_char(a)))
                            }
                            _ => {}
                        }
                    }
                }
                Statement::IndexStore { base, .. } => out.push(*base),
                Statement::Block(b) | Statement::Loop { body: b } => self.collect_bases(b, out),
                Statement::If { accept, reject, .. } => {
                    self.collect_bases(accept, out);
                    self.collect_bases(reject, out);
                }
                _ => {}
            }
        }
    }

    /// Stores the zero value of `elem` (an object pointer type) into every element of a new
    /// list (the runtime zero-fills, but `str` and `list` values are never null).
    fn fill_with_zero_value(&mut self, list: PointerValue<'ctx>, elem: Handle<Type>) -> Result<(), BackendError> {
        let zero = self.cg.zero_value(elem)?;
        let len = self.list_len(list)?;
        let data = self.list_data(list)?;
        let i64t = self.cg.ctx.i64_type();
        let before = self.current_block()?;
        let body = self.new_block("fill");
        let done = self.new_block("filled");
        let empty = self.b().build_int_compare(IntPredicate::SLE, len, i64t.const_zero(), "")?;
        self.b().build_conditional_branch(empty, done, body)?;
        self.b().position_at_end(body);
        let k = self.b().build_phi(i64t, "k")?;
        k.add_incoming(&[(&i64t.const_zero(), before)]);
        let kv = k.as_basic_value().into_int_value();
        // SAFETY: 0 <= k < len, inside the list's data.
        let slot = unsafe { self.b().build_in_bounds_gep(self.cg.ptr_type(), data, &[kv], "")? };
        self.store(slot, zero, elem, Some("kiln elem.ptr"))?;
        let next = self.b().build_int_add(kv, i64t.const_int(1, false), "")?;
        k.add_incoming(&[(&next, body)]);
        let more = self.b().build_int_compare(IntPredicate::SLT, next, len, "")?;
        self.b().build_conditional_branch(more, body, done)?;
        self.b().position_at_end(done);
        Ok(())
    }

    // ----- expressions --------------------------------------------------------------------------

    fn expression(&mut self, h: Handle<Expression>) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let span = self.func.expressions.span(h);
        let expr = self.func.expressions.get(h).ok_or_else(|| self.internal("expression out of range"))?;
        if let Some(v) = self.kernel_expression(expr)? {
            return Ok(v);
        }
        let ctx = self.cg.ctx;
        Ok(match expr {
            Expression::Literal(lit) => match lit {
                Literal::None => self.none(),
                Literal::Bool(b) => ctx.bool_type().const_int(*b as u64, false).into(),
                Literal::I32(v) => ctx.i32_type().const_int(*v as i64 as u64, true).into(),
                Literal::I64(v) => ctx.i64_type().const_int(*v as u64, true).into(),
                Literal::U32(v) => ctx.i32_type().const_int(*v as u64, false).into(),
                Literal::F32(v) => ctx.f32_type().const_float(*v as f64).into(),
                Literal::F64(v) => ctx.f64_type().const_float(*v).into(),
                Literal::Str(s) => self.cg.str_const(s).into(),
            },
            Expression::Param(i) => {
                self.llfn.get_nth_param(*i).ok_or_else(|| self.internal("parameter out of range"))?
            }
            Expression::Load(local) => {
                let slot = *self.locals.get(local.index()).ok_or_else(|| self.internal("local out of range"))?;
                let ty = self.func.locals[*local].ty;
                self.load(slot, ty, None)?
            }
            Expression::LoadGlobal(global) => {
                let ptr = self.global_ptr(*global)?;
                let ty = self.cg.module.globals[*global].ty;
                self.load(ptr, ty, Some(TBAA_GLOBAL))?
            }
            Expression::Unary { op, arg } => self.unary(h, *op, *arg)?,
            Expression::Binary { op, left, right } => self.binary(h, *op, *left, *right)?,
            Expression::Compare { op, left, right } => self.compare(*op, *left, *right)?,
            Expression::Select { condition, accept, reject } => {
                let c = self.int(*condition)?;
                let a = self.value(*accept)?;
                let r = self.value(*reject)?;
                self.b().build_select(c, a, r, "")?
            }
            Expression::Cast { value, to, kind: CastKind::Convert } => self.cast(h, *value, *to)?,
            Expression::Call { function, args } => self.call(h, *function, args, span)?,
            Expression::RuntimeCall { function: RuntimeFn::StrEq, args }
                if args.len() == 2 && (self.is_deferred_char(args[0]) || self.is_deferred_char(args[1])) =>
            {
                self.char_eq(args[0], args[1])?
            }
            Expression::RuntimeCall { function: RuntimeFn::StrEq, args } if args.len() == 2 => {
                self.str_eq_ptrs(self.ptr(args[0])?, self.ptr(args[1])?)?
            }
            Expression::RuntimeCall { function: RuntimeFn::StrGetItem, args } if args.len() == 2 => {
                self.str_getitem(h, args)?
            }
            Expression::RuntimeCall { function, args } => self.runtime_call(h, *function, args)?,
            Expression::FormatDynamic { kind, template, args } => self.format_dynamic(h, *kind, *template, args)?,
            Expression::Math { function, args } => self.math(h, *function, args)?,
            Expression::ListNew { elem, len } => {
                let (size, ptrs) = self.elem_layout(*elem)?;
                let n = self.int_as_i64(*len)?;
                let f = self.cg.runtime("kiln_rt_list_new")?;
                let list = self.cg.call_value(f, &[size.into(), n.into(), ptrs.into()])?;
                if self.cg.dereferenceable_bytes(*elem).is_some() {
                    self.fill_with_zero_value(list.into_pointer_value(), *elem)?;
                }
                list
            }
            Expression::ListRepeat { list, count } => {
                let elem = self.list_elem_type(*list, span)?;
                let (size, ptrs) = self.elem_layout(elem)?;
                let l = self.ptr(*list)?;
                let n = self.int_as_i64(*count)?;
                let f = self.cg.runtime("kiln_rt_list_repeat")?;
                self.cg.call_value(f, &[l.into(), n.into(), size.into(), ptrs.into()])?
            }
            Expression::ListConcat { left, right } => {
                let elem = self.list_elem_type(*left, span)?;
                let (size, ptrs) = self.elem_layout(elem)?;
                let a = self.ptr(*left)?;
                let b = self.ptr(*right)?;
                let f = self.cg.runtime("kiln_rt_list_concat")?;
                self.cg.call_value(f, &[a.into(), b.into(), size.into(), ptrs.into()])?
            }
            Expression::DictNew { key, value } => self.dict_new(*key, *value)?,
            Expression::New { class } => self.new_object(*class)?,
            Expression::GetField { object, field } => self.get_field(*object, *field)?,
            Expression::ObjectCast { value, .. } => self.value(*value)?,
            Expression::ClassId { object } => self.class_id(*object)?.into(),
            Expression::ObjectAddress { value } => {
                let p = self.ptr(*value)?;
                self.b().build_ptr_to_int(p, self.cg.ctx.i64_type(), "address")?.into()
            }
            Expression::Null { ty } => self.cg.mem_type(*ty)?.const_zero(),
            Expression::Zero { ty } => match self.cg.module.types[*ty] {
                Type::Scalar(_) => self.cg.reg_type(*ty)?.const_zero(),
                _ => self.cg.zero_value(*ty)?,
            },
            Expression::CellNew { value } => self.cell_new(*value)?,
            Expression::CellGet { cell } => self.cell_get(*cell)?,
            Expression::SameObject { left, right } => self.same_object(*left, *right)?.into(),
            Expression::ExceptionMatches { exception, class } => self.exception_matches(*exception, *class)?.into(),
            Expression::TypeName { value } => match self.cg.module.types[self.type_of(*value)] {
                Type::Exception => {
                    let f = self.cg.runtime("kiln_rt_exc_caught_name")?;
                    let e = self.ptr(*value)?;
                    self.cg.call_value(f, &[e.into()])?
                }
                _ => self.class_name(*value)?.into(),
            },
            Expression::ExceptionMessage { exception } => {
                let f = self.cg.runtime("kiln_rt_exc_caught_message")?;
                let e = self.ptr(*exception)?;
                self.cg.call_value(f, &[e.into()])?
            }
            Expression::GenResume { gen } => self.gen_resume(h, *gen)?,
            Expression::GenValue { gen } => self.gen_value(*gen)?,
            Expression::ExceptionNew { kind, message, args, object } => {
                let f = self.cg.runtime("kiln_rt_exc_new")?;
                let (name, object) = match object {
                    Some(o) => (self.class_name(*o)?, self.ptr(*o)?),
                    None => (self.cg.str_const(kind.name()), self.cg.ptr_type().const_null()),
                };
                let msg = match message {
                    Some(m) => self.ptr(*m)?,
                    None => self.cg.ptr_type().const_null(),
                };
                let args = self.ptr(*args)?;
                self.cg.call_value(f, &[name.into(), msg.into(), args.into(), object.into()])?
            }
            Expression::ExceptionArgs { exception } => {
                let f = self.cg.runtime("kiln_rt_exc_caught_args")?;
                let e = self.ptr(*exception)?;
                self.cg.call_value(f, &[e.into()])?
            }
            Expression::ExceptionObject { exception, .. } => {
                let f = self.cg.runtime("kiln_rt_exc_caught_object")?;
                let e = self.ptr(*exception)?;
                self.cg.call_value(f, &[e.into()])?
            }
            Expression::SetNew { elem } => self.set_new(*elem)?,
            Expression::SetFromDisplay { list, frozen } => {
                let set = self.set_from_display(*list, *frozen)?;
                self.check_key_callbacks(h, self.expr_line(h))?;
                set
            }
            Expression::SetFromList { list } => {
                let set = self.set_from_list(*list)?;
                self.check_key_callbacks(h, self.expr_line(h))?;
                set
            }
            Expression::DictLookup { dict, key } => {
                let found = self.dict_lookup(self.type_of(h), *dict, *key)?;
                self.check_key_callbacks(*dict, self.expr_line(h))?;
                found
            }
            Expression::DictRemove { dict, key } => {
                let removed = self.keyed_query("kiln_rt_dict_delete", *dict, *key)?;
                self.check_key_callbacks(*dict, self.expr_line(h))?;
                removed
            }
            Expression::SetContains { set, key } => {
                let found = self.keyed_query("kiln_rt_set_contains", *set, *key)?;
                self.check_key_callbacks(*set, self.expr_line(h))?;
                found
            }
            Expression::SetDiscard { set, key } => {
                let found = self.keyed_query("kiln_rt_set_discard", *set, *key)?;
                self.check_key_callbacks(*set, self.expr_line(h))?;
                found
            }
            Expression::SetAlgebra { op, left, right } => {
                let result = self.set_algebra(*op, *left, *right)?;
                self.check_key_callbacks(*left, self.expr_line(h))?;
                result
            }
            Expression::SetPop { set } => self.set_pop(self.type_of(h), *set)?,
            Expression::DictPopItem { dict } => self.dict_popitem(self.type_of(h), *dict)?,
            Expression::ContainerCopy { value } => {
                self.container_copy_or_clear(*value, false)?.ok_or_else(|| self.internal("copy result"))?
            }
            Expression::TupleNew { elems } => {
                let Type::Tuple { elems: field_types } = &self.cg.module.types[self.type_of(h)] else {
                    return Err(self.internal("tuple of a non-tuple type"));
                };
                let struct_ty = self.cg.reg_type(self.type_of(h))?.into_struct_type();
                let mut agg = struct_ty.get_undef();
                for (i, (e, field)) in elems.iter().zip(field_types).enumerate() {
                    let v = self.reg_to_mem(self.value(*e)?, *field)?;
                    agg = self.b().build_insert_value(agg, v, i as u32, "")?.into_struct_value();
                }
                agg.as_basic_value_enum()
            }
            Expression::TupleGet { tuple, index } => {
                let Type::Tuple { elems: field_types } = &self.cg.module.types[self.type_of(*tuple)] else {
                    return Err(self.internal("field of a non-tuple"));
                };
                let field = field_types[*index as usize];
                let agg = self.value(*tuple)?.into_struct_value();
                let v = self.b().build_extract_value(agg, *index, "")?;
                self.mem_to_reg(v, field)?
            }
            Expression::ListRepr { list } => {
                let elem = self.list_elem_type(*list, span)?;
                let kind = match &self.cg.module.types[elem] {
                    Type::Scalar(Scalar::I64) => 0,
                    Type::Scalar(Scalar::F64) => 1,
                    Type::Scalar(Scalar::BOOL) => 2,
                    Type::Str => 3,
                    Type::None => 4,
                    _ => return Err(self.unsupported("repr() of lists of this element type is", span)),
                };
                let l = self.ptr(*list)?;
                let f = self.cg.runtime("kiln_rt_list_repr")?;
                self.cg.call_value(f, &[l.into(), ctx.i8_type().const_int(kind, false).into()])?
            }
            Expression::Len { value } => match &self.cg.module.types[self.type_of(*value)] {
                Type::List { .. } | Type::Str if self.preloaded_header(self.base_key(*value)).is_some() => self
                    .preloaded_header(self.base_key(*value))
                    .ok_or_else(|| self.internal("preloaded header"))?
                    .len
                    .into(),
                Type::List { .. } | Type::ArrayView { .. } => {
                    let l = self.ptr(*value)?;
                    self.list_len(l)?.into()
                }
                Type::DeviceArray { .. } => {
                    let a = self.value(*value)?;
                    let f = self.cg.runtime("kiln_rt_gpu_array_len")?;
                    self.cg.call_value(f, &[a.into()])?
                }
                Type::Str => {
                    let s = self.ptr(*value)?;
                    self.str_len(s)?.into()
                }
                Type::Dict { .. } => {
                    let d = self.value(*value)?;
                    let f = self.cg.runtime("kiln_rt_dict_len")?;
                    self.cg.call_value(f, &[d.into()])?
                }
                Type::Set { .. } => {
                    let d = self.value(*value)?;
                    let f = self.cg.runtime("kiln_rt_set_len")?;
                    self.cg.call_value(f, &[d.into()])?
                }
                _ => return Err(self.unsupported("len() of array views is", span)),
            },
            Expression::Index { base, index } => {
                let elem = self.list_elem_type(*base, span)?;
                let line = self.expr_line(h);
                let ptr = self.list_element(*base, *index, elem, INDEX_READ, line)?;
                let tag = tbaa_name(self.cg.module, elem).map(|n| format!("kiln elem.{n}"));
                self.load(ptr, elem, tag.as_deref())?
            }
            Expression::GpuBuiltin(_) => return Err(self.unsupported("GPU thread and block indices are", span)),
            Expression::Atomic { .. } => return Err(self.unsupported("atomics are", span)),
            Expression::SharedArray(_) => return Err(self.unsupported("shared arrays are", span)),
            Expression::ToDevice { list } => {
                let elem = self.list_elem_type(*list, span)?;
                let code = crate::kernels::elem_code(self.cg.module, elem)?;
                let l = self.ptr(*list)?;
                let out = self.alloca(self.cg.ptr_type().into(), "device.array")?;
                let f = self.cg.runtime("kiln_rt_gpu_to_device")?;
                let code = ctx.i8_type().const_int(code as u64, false);
                let status = self.cg.call_value(f, &[l.into(), code.into(), out.into()])?.into_int_value();
                let line = self.expr_line(h);
                self.check_status(status, line)?;
                self.b().build_load(self.cg.ptr_type(), out, "")?
            }
            Expression::CopyToHost { array } => {
                let a = self.ptr(*array)?;
                let out = self.alloca(self.cg.ptr_type().into(), "host.list")?;
                let f = self.cg.runtime("kiln_rt_gpu_copy_to_host")?;
                let status = self.cg.call_value(f, &[a.into(), out.into()])?.into_int_value();
                let line = self.expr_line(h);
                self.check_status(status, line)?;
                self.b().build_load(self.cg.ptr_type(), out, "")?
            }
        })
    }

    fn overflow_message(bits: u32) -> String {
        format!("integer overflow: result does not fit in {bits} bits")
    }

    /// `l op r` with LLVM's `*.with.overflow` intrinsic `name`; raises `OverflowError` on overflow.
    pub(crate) fn checked(
        &mut self,
        name: &str,
        l: IntValue<'ctx>,
        r: IntValue<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let ty = l.get_type();
        let f = self.cg.intrinsic(&format!("llvm.{name}.with.overflow"), &[ty.into()])?;
        let pair = self.cg.call_value(f, &[l.into(), r.into()])?.into_struct_value();
        let v = self.b().build_extract_value(pair, 0, "")?.into_int_value();
        let overflow = self.b().build_extract_value(pair, 1, "ov")?.into_int_value();
        self.raise_if(overflow, "OverflowError", &Self::overflow_message(ty.get_bit_width()), line)?;
        Ok(v)
    }

    fn unary(
        &mut self,
        h: Handle<Expression>,
        op: UnaryOp,
        arg: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let s = self.scalar(arg)?;
        Ok(match op {
            UnaryOp::Neg if s.is_float() => self.b().build_float_neg(self.float(arg)?, "")?.into(),
            UnaryOp::Neg => {
                let v = self.int(arg)?;
                let name = if s.kind == ScalarKind::Uint { "usub" } else { "ssub" };
                let line = self.expr_line(h);
                self.checked(name, v.get_type().const_zero(), v, line)?.into()
            }
            UnaryOp::Not | UnaryOp::BitNot => self.b().build_not(self.int(arg)?, "")?.into(),
        })
    }

    fn binary(
        &mut self,
        h: Handle<Expression>,
        op: BinaryOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let s = self.scalar(left)?;
        if s.is_float() {
            return Ok(self.float_binary(h, op, s, self.float(left)?, self.float(right)?)?.into());
        }
        let l = self.int(left)?;
        let r = self.int(right)?;
        let line = self.expr_line(h);
        let signed = s.kind == ScalarKind::Sint;
        let b = self.b();
        Ok(match op {
            BinaryOp::BitAnd => b.build_and(l, r, "")?.into(),
            BinaryOp::BitOr => b.build_or(l, r, "")?.into(),
            BinaryOp::BitXor => b.build_xor(l, r, "")?.into(),
            BinaryOp::WrappingAdd => b.build_int_add(l, r, "")?.into(),
            BinaryOp::AddOverflows | BinaryOp::SubOverflows | BinaryOp::MulOverflows => {
                let name = match (op, signed) {
                    (BinaryOp::AddOverflows, true) => "llvm.sadd.with.overflow",
                    (BinaryOp::AddOverflows, false) => "llvm.uadd.with.overflow",
                    (BinaryOp::SubOverflows, true) => "llvm.ssub.with.overflow",
                    (BinaryOp::SubOverflows, false) => "llvm.usub.with.overflow",
                    (_, true) => "llvm.smul.with.overflow",
                    (_, false) => "llvm.umul.with.overflow",
                };
                let f = self.cg.intrinsic(name, &[l.get_type().into()])?;
                let pair = self.cg.call_value(f, &[l.into(), r.into()])?.into_struct_value();
                self.b().build_extract_value(pair, 1, "ov")?
            }
            BinaryOp::Add => self.checked(if signed { "sadd" } else { "uadd" }, l, r, line)?.into(),
            BinaryOp::Sub => self.checked(if signed { "ssub" } else { "usub" }, l, r, line)?.into(),
            BinaryOp::Mul => self.checked(if signed { "smul" } else { "umul" }, l, r, line)?.into(),
            BinaryOp::FloorDiv | BinaryOp::Mod => self.int_divmod(op == BinaryOp::FloorDiv, signed, l, r, line)?.into(),
            BinaryOp::Shl | BinaryOp::Shr => self.int_shift(op == BinaryOp::Shl, signed, l, r, line)?.into(),
            BinaryOp::Pow => self.int_pow(signed, l, r, line)?.into(),
            BinaryOp::Div => return Err(self.internal("true division of integers")),
        })
    }

    /// Python's `//` (`floor_div`) or `%` on integers: rounding toward negative infinity.
    fn int_divmod(
        &mut self,
        floor_div: bool,
        signed: bool,
        l: IntValue<'ctx>,
        r: IntValue<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let ty = l.get_type();
        let zero = ty.const_zero();
        let is_zero = self.b().build_int_compare(IntPredicate::EQ, r, zero, "divzero")?;
        let message = if floor_div { ZERO_DIVISION_INT } else { ZERO_MODULO_INT };
        self.raise_if(is_zero, "ZeroDivisionError", message, line)?;
        if !signed {
            return Ok(if floor_div {
                self.b().build_int_unsigned_div(l, r, "")?
            } else {
                self.b().build_int_unsigned_rem(l, r, "")?
            });
        }
        let minus_one = ty.const_all_ones();
        let is_minus_one = self.b().build_int_compare(IntPredicate::EQ, r, minus_one, "")?;
        if floor_div {
            // MIN // -1 does not fit; every other quotient does.
            let min = min_value(ty);
            let is_min = self.b().build_int_compare(IntPredicate::EQ, l, min, "")?;
            let overflow = self.b().build_and(is_min, is_minus_one, "")?;
            self.raise_if(overflow, "OverflowError", &Self::overflow_message(ty.get_bit_width()), line)?;
            let q = self.b().build_int_signed_div(l, r, "q")?;
            let rem = self.b().build_int_signed_rem(l, r, "rem")?;
            let adjust = self.floor_adjust(rem, r)?;
            let adjust = self.b().build_int_s_extend(adjust, ty, "")?;
            Ok(self.b().build_int_add(q, adjust, "floordiv")?)
        } else {
            // `srem MIN, -1` is undefined in LLVM; `x % -1` is always 0, like `x % 1`.
            let one = ty.const_int(1, false);
            let divisor = self.b().build_select(is_minus_one, one, r, "")?.into_int_value();
            let rem = self.b().build_int_signed_rem(l, divisor, "rem")?;
            let adjust = self.floor_adjust(rem, r)?;
            let fixed = self.b().build_int_add(rem, r, "")?;
            Ok(self.b().build_select(adjust, fixed, rem, "mod")?.into_int_value())
        }
    }

    /// Whether a truncated remainder must move toward negative infinity: it is non-zero and its
    /// sign differs from the divisor's.
    fn floor_adjust(&self, rem: IntValue<'ctx>, divisor: IntValue<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let zero = rem.get_type().const_zero();
        let nonzero = self.b().build_int_compare(IntPredicate::NE, rem, zero, "")?;
        let signs = self.b().build_xor(rem, divisor, "")?;
        let differ = self.b().build_int_compare(IntPredicate::SLT, signs, zero, "")?;
        Ok(self.b().build_and(nonzero, differ, "adjust")?)
    }

    fn int_shift(
        &mut self,
        left: bool,
        signed: bool,
        l: IntValue<'ctx>,
        c: IntValue<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let ty = l.get_type();
        let bits = ty.get_bit_width() as u64;
        let zero = ty.const_zero();
        if signed {
            let negative = self.b().build_int_compare(IntPredicate::SLT, c, zero, "")?;
            self.raise_if(negative, "ValueError", "negative shift count", line)?;
        }
        let big = self.b().build_int_compare(IntPredicate::UGE, c, ty.const_int(bits, false), "")?;
        let clamped = self.b().build_select(big, ty.const_int(bits - 1, false), c, "")?.into_int_value();
        if left {
            let shifted = self.b().build_left_shift(l, clamped, "")?;
            let back = self.b().build_right_shift(shifted, clamped, signed, "")?;
            let lost = self.b().build_int_compare(IntPredicate::NE, back, l, "")?;
            let nonzero = self.b().build_int_compare(IntPredicate::NE, l, zero, "")?;
            let overflow = self.b().build_select(big, nonzero, lost, "")?.into_int_value();
            self.raise_if(overflow, "OverflowError", &Self::overflow_message(bits as u32), line)?;
            Ok(self.b().build_select(big, zero, shifted, "shl")?.into_int_value())
        } else if signed {
            // Shifting by more than the width gives 0 or -1, as shifting by width - 1 does.
            Ok(self.b().build_right_shift(l, clamped, true, "shr")?)
        } else {
            let shifted = self.b().build_right_shift(l, clamped, false, "")?;
            Ok(self.b().build_select(big, zero, shifted, "shr")?.into_int_value())
        }
    }

    fn int_pow(
        &mut self,
        signed: bool,
        l: IntValue<'ctx>,
        r: IntValue<'ctx>,
        line: u32,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let ty = l.get_type();
        let i64t = self.cg.ctx.i64_type();
        let widen = |fl: &Self, v: IntValue<'ctx>| -> Result<IntValue<'ctx>, BackendError> {
            Ok(match (ty.get_bit_width(), signed) {
                (64, _) => v,
                (_, true) => fl.b().build_int_s_extend(v, i64t, "")?,
                (_, false) => fl.b().build_int_z_extend(v, i64t, "")?,
            })
        };
        let (a, b) = (widen(self, l)?, widen(self, r)?);
        let out = self.alloca(i64t.into(), "pow.out")?;
        let f = self.cg.runtime("kiln_rt_int_pow")?;
        let status = self.cg.call_value(f, &[a.into(), b.into(), out.into()])?.into_int_value();
        self.check_status(status, line)?;
        let v = self.b().build_load(i64t, out, "pow")?.into_int_value();
        Ok(if ty.get_bit_width() == 64 { v } else { self.b().build_int_truncate(v, ty, "")? })
    }

    fn float_binary(
        &mut self,
        h: Handle<Expression>,
        op: BinaryOp,
        s: Scalar,
        l: FloatValue<'ctx>,
        r: FloatValue<'ctx>,
    ) -> Result<FloatValue<'ctx>, BackendError> {
        let line = self.expr_line(h);
        let zero_check = |fl: &mut Self, message: &str| -> Result<(), BackendError> {
            let is_zero = fl.b().build_float_compare(FloatPredicate::OEQ, r, r.get_type().const_zero(), "divzero")?;
            fl.raise_if(is_zero, "ZeroDivisionError", message, line)
        };
        Ok(match op {
            BinaryOp::Add => self.b().build_float_add(l, r, "")?,
            BinaryOp::Sub => self.b().build_float_sub(l, r, "")?,
            BinaryOp::Mul => self.b().build_float_mul(l, r, "")?,
            BinaryOp::Div => {
                zero_check(self, "float division by zero")?;
                self.b().build_float_div(l, r, "")?
            }
            BinaryOp::FloorDiv | BinaryOp::Mod => {
                let (name, message) = if op == BinaryOp::FloorDiv {
                    ("kiln_rt_float_floordiv", "float floor division by zero")
                } else {
                    ("kiln_rt_float_mod", "float modulo")
                };
                zero_check(self, message)?;
                let (a, b) = (self.to_f64(l)?, self.to_f64(r)?);
                let f = self.cg.runtime(name)?;
                let v = self.cg.call_value(f, &[a.into(), b.into()])?.into_float_value();
                self.narrow_f64(v, s)?
            }
            BinaryOp::Pow => {
                let (a, b) = (self.to_f64(l)?, self.to_f64(r)?);
                let f64t = self.cg.ctx.f64_type();
                let out = self.alloca(f64t.into(), "pow.out")?;
                let f = self.cg.runtime("kiln_rt_float_pow")?;
                let status = self.cg.call_value(f, &[a.into(), b.into(), out.into()])?.into_int_value();
                self.check_status(status, line)?;
                let v = self.b().build_load(f64t, out, "pow")?.into_float_value();
                self.narrow_f64(v, s)?
            }
            _ => return Err(self.internal(&format!("{op:?} on floats"))),
        })
    }

    fn to_f64(&self, v: FloatValue<'ctx>) -> Result<FloatValue<'ctx>, BackendError> {
        let f64t = self.cg.ctx.f64_type();
        if v.get_type() == f64t {
            return Ok(v);
        }
        Ok(self.b().build_float_ext(v, f64t, "")?)
    }

    fn narrow_f64(&self, v: FloatValue<'ctx>, s: Scalar) -> Result<FloatValue<'ctx>, BackendError> {
        let ty = scalar_type(self.cg.ctx, s)?.into_float_type();
        if ty == v.get_type() {
            return Ok(v);
        }
        Ok(self.b().build_float_trunc(v, ty, "")?)
    }

    fn compare(
        &mut self,
        op: CompareOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let ty = self.type_of(left);
        if self.cg.module.types[ty] == Type::Str {
            return self.str_compare(op, left, right);
        }
        let s = self.scalar(left)?;
        if s.is_float() {
            let pred = match op {
                CompareOp::Eq => FloatPredicate::OEQ,
                // `nan != x` is true.
                CompareOp::Ne => FloatPredicate::UNE,
                CompareOp::Lt => FloatPredicate::OLT,
                CompareOp::Le => FloatPredicate::OLE,
                CompareOp::Gt => FloatPredicate::OGT,
                CompareOp::Ge => FloatPredicate::OGE,
            };
            return Ok(self.b().build_float_compare(pred, self.float(left)?, self.float(right)?, "")?.into());
        }
        let signed = s.kind == ScalarKind::Sint;
        let pred = match (op, signed) {
            (CompareOp::Eq, _) => IntPredicate::EQ,
            (CompareOp::Ne, _) => IntPredicate::NE,
            (CompareOp::Lt, true) => IntPredicate::SLT,
            (CompareOp::Le, true) => IntPredicate::SLE,
            (CompareOp::Gt, true) => IntPredicate::SGT,
            (CompareOp::Ge, true) => IntPredicate::SGE,
            (CompareOp::Lt, false) => IntPredicate::ULT,
            (CompareOp::Le, false) => IntPredicate::ULE,
            (CompareOp::Gt, false) => IntPredicate::UGT,
            (CompareOp::Ge, false) => IntPredicate::UGE,
        };
        Ok(self.b().build_int_compare(pred, self.int(left)?, self.int(right)?, "")?.into())
    }

    fn str_compare(
        &mut self,
        op: CompareOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let (a, b) = (self.ptr(left)?, self.ptr(right)?);
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            let f = self.cg.runtime("kiln_rt_str_eq")?;
            let eq = self.cg.call_value(f, &[a.into(), b.into()])?.into_int_value();
            let pred = if op == CompareOp::Eq { IntPredicate::NE } else { IntPredicate::EQ };
            return Ok(self.b().build_int_compare(pred, eq, eq.get_type().const_zero(), "")?.into());
        }
        // Two one-byte strings (single ASCII characters, as sorting a word's letters compares)
        // are ordered by their bytes inline; anything else calls the runtime.
        let (pred, byte_pred) = match op {
            CompareOp::Lt => (IntPredicate::SLT, IntPredicate::ULT),
            CompareOp::Le => (IntPredicate::SLE, IntPredicate::ULE),
            CompareOp::Gt => (IntPredicate::SGT, IntPredicate::UGT),
            _ => (IntPredicate::SGE, IntPredicate::UGE),
        };
        let bool_t = self.cg.ctx.bool_type();
        let done = self.new_block("strcmp.done");
        let (byte_r, one_byte) = self.one_byte_str_compare(a, b, byte_pred, done)?;
        let f = self.cg.runtime("kiln_rt_str_cmp")?;
        let c = self.cg.call_value(f, &[a.into(), b.into()])?.into_int_value();
        let call_r = self.b().build_int_compare(pred, c, c.get_type().const_zero(), "")?;
        let call_end = self.current_block()?;
        self.b().build_unconditional_branch(done)?;
        self.b().position_at_end(done);
        let phi = self.b().build_phi(bool_t, "str.cmp")?;
        phi.add_incoming(&[(&byte_r, one_byte), (&call_r, call_end)]);
        Ok(phi.as_basic_value())
    }

    fn cast(
        &mut self,
        h: Handle<Expression>,
        value: Handle<Expression>,
        to: Scalar,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let from = self.scalar(value)?;
        let target = scalar_type(self.cg.ctx, to)?;
        let v = self.value(value)?;
        if from == to {
            return Ok(v);
        }
        let b = self.b();
        Ok(match (from.kind, to.kind) {
            (ScalarKind::Float, ScalarKind::Float) => {
                let (v, t) = (v.into_float_value(), target.into_float_type());
                if to.width > from.width {
                    b.build_float_ext(v, t, "")?.into()
                } else {
                    b.build_float_trunc(v, t, "")?.into()
                }
            }
            (ScalarKind::Float, ScalarKind::Bool) => {
                let v = v.into_float_value();
                b.build_float_compare(FloatPredicate::UNE, v, v.get_type().const_zero(), "")?.into()
            }
            (ScalarKind::Float, _) => {
                let x = self.to_f64(v.into_float_value())?;
                let i64t = self.cg.ctx.i64_type();
                let out = self.alloca(i64t.into(), "int.out")?;
                let f = self.cg.runtime("kiln_rt_float_to_int")?;
                let status = self.cg.call_value(f, &[x.into(), out.into()])?.into_int_value();
                let line = self.expr_line(h);
                self.check_status(status, line)?;
                let i = self.b().build_load(i64t, out, "")?.into_int_value();
                self.resize_int(i, true, target.into_int_type())?.into()
            }
            (ScalarKind::Bool, ScalarKind::Float) => {
                b.build_unsigned_int_to_float(v.into_int_value(), target.into_float_type(), "")?.into()
            }
            (ScalarKind::Sint, ScalarKind::Float) => {
                b.build_signed_int_to_float(v.into_int_value(), target.into_float_type(), "")?.into()
            }
            (ScalarKind::Uint, ScalarKind::Float) => {
                b.build_unsigned_int_to_float(v.into_int_value(), target.into_float_type(), "")?.into()
            }
            (_, ScalarKind::Bool) => {
                let v = v.into_int_value();
                b.build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?.into()
            }
            (kind, _) => self.resize_int(v.into_int_value(), kind == ScalarKind::Sint, target.into_int_type())?.into(),
        })
    }

    fn resize_int(&self, v: IntValue<'ctx>, signed: bool, to: IntType<'ctx>) -> Result<IntValue<'ctx>, BackendError> {
        let (from_bits, to_bits) = (v.get_type().get_bit_width(), to.get_bit_width());
        Ok(if from_bits == to_bits {
            v
        } else if from_bits > to_bits {
            self.b().build_int_truncate(v, to, "")?
        } else if signed {
            self.b().build_int_s_extend(v, to, "")?
        } else {
            self.b().build_int_z_extend(v, to, "")?
        })
    }

    fn call(
        &mut self,
        h: Handle<Expression>,
        function: Handle<Function>,
        args: &[Handle<Expression>],
        span: Span,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let callee =
            self.cg.module.functions.get(function).ok_or_else(|| self.internal("call of an unknown function"))?;
        if callee.kind == kiln_ir::FunctionKind::Kernel {
            return Err(self.unsupported("launching GPU kernels is", span));
        }
        let llcallee = self.cg.functions[function.index()];
        let args =
            args.iter().map(|a| self.value(*a).map(BasicMetadataValueEnum::from)).collect::<Result<Vec<_>, _>>()?;
        let result = self.cg.call(llcallee, &args)?;
        let none = is_none(self.cg.module, callee.result);
        // Creating a generator never raises (its body raises inside `GenResume`s).
        if !self.cg.info.function(function).may_raise || callee.generator {
            return Ok(if none { self.none() } else { result.ok_or_else(|| self.internal("call result"))? });
        }
        let line = self.expr_line(h);
        let result = result.ok_or_else(|| self.internal("call result"))?;
        if none {
            self.check_flag(result.into_int_value(), line)?;
            return Ok(self.none());
        }
        let pair = result.into_struct_value();
        let flag = self.b().build_extract_value(pair, 1, "raised")?.into_int_value();
        self.check_flag(flag, line)?;
        Ok(self.b().build_extract_value(pair, 0, "")?)
    }

    pub(crate) fn runtime_call(
        &mut self,
        h: Handle<Expression>,
        function: RuntimeFn,
        args: &[Handle<Expression>],
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let sig = function.signature();
        let (name, params, result) = crate::abi::runtime_fn_decl(function);
        let effects = crate::abi::lookup(&name).map(|d| d.effects).unwrap_or(crate::abi::Effects::Any);
        let f = crate::abi::declare_parts(self.cg.ctx, self.cg.llvm, &name, &params, result, effects);
        let i8t = self.cg.ctx.i8_type();
        let mut call_args: Vec<BasicMetadataValueEnum<'ctx>> = Vec::with_capacity(args.len() + 1);
        for (arg, tag) in args.iter().zip(sig.params) {
            // An absent optional string (a `None` operand) is a null pointer.
            if matches!(tag, ValueTag::OptStr | ValueTag::Exception) && is_none(self.cg.module, self.type_of(*arg)) {
                call_args.push(self.cg.ptr_type().const_null().into());
                continue;
            }
            let v = self.value(*arg)?;
            call_args.push(match tag {
                ValueTag::Bool => self.b().build_int_z_extend(v.into_int_value(), i8t, "")?.into(),
                _ => v.into(),
            });
        }
        let result_ty: Option<BasicTypeEnum<'ctx>> = match sig.result {
            ValueTag::None => None,
            ValueTag::Bool => Some(i8t.into()),
            ValueTag::Int => Some(self.cg.ctx.i64_type().into()),
            ValueTag::Float => Some(self.cg.ctx.f64_type().into()),
            ValueTag::Str
            | ValueTag::OptStr
            | ValueTag::StrList
            | ValueTag::FloatList
            | ValueTag::File
            | ValueTag::Exception => Some(self.cg.ptr_type().into()),
        };
        let raw = if sig.can_raise {
            let out = match result_ty {
                Some(ty) => {
                    let out = self.alloca(ty, "rt.out")?;
                    call_args.push(out.into());
                    Some((ty, out))
                }
                None => None,
            };
            let status = self.cg.call_value(f, &call_args)?.into_int_value();
            let line = self.expr_line(h);
            self.check_status(status, line)?;
            match out {
                Some((ty, out)) => Some(self.b().build_load(ty, out, "")?),
                None => None,
            }
        } else {
            self.cg.call(f, &call_args)?
        };
        Ok(match sig.result {
            ValueTag::None => self.none(),
            ValueTag::Bool => {
                let v = raw.ok_or_else(|| self.internal("runtime result"))?.into_int_value();
                self.b().build_int_compare(IntPredicate::NE, v, i8t.const_zero(), "")?.into()
            }
            _ => raw.ok_or_else(|| self.internal("runtime result"))?,
        })
    }

    /// `template % args` / `template.format(*args)`: the arguments go to the runtime as an
    /// array of `KArg { i64 tag, i64 bits, ptr repr }` (`device-runtime/src/str_format.rs`)
    /// in a stack slot of the entry block.
    fn format_dynamic(
        &mut self,
        h: Handle<Expression>,
        kind: FormatKind,
        template: Handle<Expression>,
        args: &[FormatArg],
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let ctx = self.cg.ctx;
        let i64t = ctx.i64_type();
        let ptr_t = self.cg.ptr_type();
        let karg = ctx.struct_type(&[i64t.into(), i64t.into(), ptr_t.into()], false);
        let array_ty = karg.array_type(args.len() as u32);
        let array = self.alloca(array_ty.into(), "format.args")?;
        for (i, arg) in args.iter().enumerate() {
            let ty = self.type_of(arg.value);
            let (tag, bits, repr): (u64, IntValue<'ctx>, PointerValue<'ctx>) = match arg.repr {
                Some(repr) => (5, self.b().build_ptr_to_int(self.ptr(arg.value)?, i64t, "")?, self.ptr(repr)?),
                None => match &self.cg.module.types[ty] {
                    Type::Scalar(Scalar::I64) => (0, self.int(arg.value)?, ptr_t.const_null()),
                    Type::Scalar(Scalar::F64) => {
                        let x = self.float(arg.value)?;
                        (1, self.b().build_bit_cast(x, i64t, "")?.into_int_value(), ptr_t.const_null())
                    }
                    Type::Scalar(Scalar::BOOL) => {
                        (2, self.b().build_int_z_extend(self.int(arg.value)?, i64t, "")?, ptr_t.const_null())
                    }
                    Type::None => (3, i64t.const_zero(), ptr_t.const_null()),
                    Type::Str => (4, self.b().build_ptr_to_int(self.ptr(arg.value)?, i64t, "")?, ptr_t.const_null()),
                    _ => return Err(self.internal("format argument of an unsupported type")),
                },
            };
            let idx = |j: u64| i64t.const_int(j, false);
            let i32t = ctx.i32_type();
            let fields: [(u32, BasicValueEnum<'ctx>); 3] =
                [(0, i64t.const_int(tag, false).into()), (1, bits.into()), (2, repr.into())];
            for (field, value) in fields {
                // SAFETY: in-bounds indices of the array slot allocated above.
                let slot = unsafe {
                    self.b().build_in_bounds_gep(
                        array_ty,
                        array,
                        &[idx(0), idx(i as u64), i32t.const_int(field as u64, false)],
                        "",
                    )?
                };
                self.b().build_store(slot, value)?;
            }
        }
        let name = match kind {
            FormatKind::Percent => "kiln_rt_str_percent",
            FormatKind::Method => "kiln_rt_str_format_method",
        };
        let f = self.cg.runtime(name)?;
        let out = self.alloca(ptr_t.into(), "format.out")?;
        let fmt = self.ptr(template)?;
        let n = i64t.const_int(args.len() as u64, false);
        let status = self.cg.call_value(f, &[fmt.into(), array.into(), n.into(), out.into()])?.into_int_value();
        let line = self.expr_line(h);
        self.check_status(status, line)?;
        Ok(self.b().build_load(ptr_t, out, "")?)
    }

    fn math(
        &mut self,
        h: Handle<Expression>,
        function: MathFunction,
        args: &[Handle<Expression>],
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let xs = args.iter().map(|a| self.float(*a)).collect::<Result<Vec<_>, _>>()?;
        let x = *xs.first().ok_or_else(|| self.internal("math function without arguments"))?;
        let f64t = self.cg.ctx.f64_type();
        let line = self.expr_line(h);
        let fabs = |fl: &Self, x: FloatValue<'ctx>| -> Result<FloatValue<'ctx>, BackendError> {
            let f = fl.cg.intrinsic("llvm.fabs", &[f64t.into()])?;
            Ok(fl.cg.call_value(f, &[x.into()])?.into_float_value())
        };
        let inf = f64t.const_float(f64::INFINITY);
        Ok(match function {
            MathFunction::Sqrt => {
                let negative = self.b().build_float_compare(FloatPredicate::OLT, x, f64t.const_zero(), "")?;
                self.raise_if(negative, "ValueError", "math domain error", line)?;
                let f = self.cg.intrinsic("llvm.sqrt", &[f64t.into()])?;
                self.cg.call_value(f, &[x.into()])?
            }
            MathFunction::Fabs => fabs(self, x)?.into(),
            MathFunction::IsNan => self.b().build_float_compare(FloatPredicate::UNO, x, x, "")?.into(),
            MathFunction::IsInf => {
                let a = fabs(self, x)?;
                self.b().build_float_compare(FloatPredicate::OEQ, a, inf, "")?.into()
            }
            MathFunction::IsFinite => {
                let a = fabs(self, x)?;
                self.b().build_float_compare(FloatPredicate::OLT, a, inf, "")?.into()
            }
            MathFunction::Floor | MathFunction::Ceil | MathFunction::Trunc => {
                let name = match function {
                    MathFunction::Floor => "kiln_rt_math_floor",
                    MathFunction::Ceil => "kiln_rt_math_ceil",
                    _ => "kiln_rt_float_to_int",
                };
                let i64t = self.cg.ctx.i64_type();
                let out = self.alloca(i64t.into(), "math.out")?;
                let f = self.cg.runtime(name)?;
                let status = self.cg.call_value(f, &[x.into(), out.into()])?.into_int_value();
                self.check_status(status, line)?;
                self.b().build_load(i64t, out, "")?
            }
            _ => {
                let out = self.alloca(f64t.into(), "math.out")?;
                let f = self.cg.runtime(&format!("kiln_rt_math_{}", function.name()))?;
                let mut call_args: Vec<BasicMetadataValueEnum<'ctx>> = xs.iter().map(|v| (*v).into()).collect();
                call_args.push(out.into());
                let status = self.cg.call_value(f, &call_args)?.into_int_value();
                if function.can_raise() {
                    self.check_status(status, line)?;
                }
                self.b().build_load(f64t, out, "")?
            }
        })
    }
}

fn min_value(ty: IntType<'_>) -> IntValue<'_> {
    let bits = ty.get_bit_width();
    // 1 << (bits - 1), built from a u64 (bits <= 64 here).
    ty.const_int(1u64 << (bits - 1), false)
}
