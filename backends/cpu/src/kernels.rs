//! GPU kernels for the CPU device, and the host side of every launch.
//!
//! A lowered kernel (see `kiln_ir::passes::lower_kernels`) becomes `void k(ctx, args)`. A
//! kernel with barriers runs **one thread** per call (the runtime runs the threads of a block
//! as coroutines, `device-runtime/src/gpu/cpu.rs`); one without runs **a whole block** per
//! call, looping over its threads, so that the parameters are loaded once per block and LLVM
//! can keep them in registers across threads. Inside it an array is a pointer to a list-shaped header
//! `{len, cap, data}`, so indexing reuses the list code: the header of an argument is built
//! on entry from the runtime's `CpuArray { data, len }`, that of a shared array from the
//! block's shared memory. The kernel has no implicit checks left (the lowering made them
//! `Raise` statements), so [`FunctionLowering::raise_if`] and friends emit nothing in a
//! kernel, and a `Raise` records its error site in the launch's error word and returns.
//!
//! The host side: `Statement::Launch` becomes a constant `KernelDesc` (docs/gpu.md: name, file,
//! parameter kinds, error sites, the CPU entry, the WGSL and PTX texts) and one call of
//! `kiln_rt_gpu_launch`.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{AtomicOrdering, AtomicRMWBinOp, IntPredicate};
use kiln_ir::{AtomicOp, Axis, Expression, Function, GpuBuiltin, Handle, Scalar, ScalarKind, Span, Statement, Type};

use crate::codegen::Codegen;
use crate::function::FunctionLowering;
use crate::BackendError;

/// The texts of one kernel for the other devices, embedded in its descriptors.
#[derive(Clone, Debug, Default)]
pub struct KernelCode {
    pub wgsl: Option<String>,
    pub ptx: Option<String>,
    /// The PTX entry point's name.
    pub ptx_entry: String,
}

/// What a kernel's lowering knows beyond an ordinary function's.
pub(crate) struct KernelState<'ctx> {
    /// The runtime's `CpuThreadCtx` of this thread.
    ctx: PointerValue<'ctx>,
    /// Each parameter's value: a scalar, or a pointer to its array header.
    params: Vec<BasicValueEnum<'ctx>>,
    /// A header per shared array.
    shared: Vec<PointerValue<'ctx>>,
    /// Each `Raise` statement's error-site number, by address.
    sites: HashMap<*const Statement, u32>,
    /// A kernel that loops over the threads of its block: the current thread's indices, and
    /// where a thread that ends (returns or fails) goes on with the next one.
    thread_loop: Option<(PointerValue<'ctx>, BasicBlock<'ctx>)>,
}

/// Field indices in `CpuThreadCtx { [12 x i64] indices, ptr shared, ptr error }`.
const CTX_SHARED: u32 = 1;
const CTX_ERROR: u32 = 2;

/// The element code of `ParamDesc.elem` and of the runtime's device-array functions.
pub(crate) fn elem_code(module: &kiln_ir::Module, elem: Handle<Type>) -> Result<u8, BackendError> {
    match module.types[elem] {
        Type::Scalar(Scalar::I64) => Ok(0),
        Type::Scalar(Scalar::F64) => Ok(1),
        Type::Scalar(Scalar::F32) => Ok(2),
        Type::Scalar(Scalar { kind: ScalarKind::Bool, .. }) => Ok(3),
        _ => Err(BackendError::new("internal error: unsupported kernel array element", Span::UNDEFINED)),
    }
}

fn ctx_type<'ctx>(cg: &Codegen<'_, 'ctx>) -> inkwell::types::StructType<'ctx> {
    let i64t = cg.ctx.i64_type();
    cg.ctx.struct_type(&[i64t.array_type(12).into(), cg.ptr_type().into(), cg.ptr_type().into()], false)
}

/// Defines kernel `handle` as `void (ptr ctx, ptr args)`.
pub(crate) fn lower_kernel(cg: &mut Codegen<'_, '_>, handle: Handle<Function>) -> Result<(), BackendError> {
    let func = &cg.module.functions[handle];
    let finfo = cg.info.function(handle);
    let llfn = cg.functions[handle.index()];
    let mut fl = FunctionLowering::new(cg, func, finfo, llfn);
    let body = fl.new_block("body");
    fl.allocate_locals()?;
    let mut state = fl.kernel_prologue()?;
    let start = if kiln_ir::kernel::uses_barrier(func) {
        body
    } else {
        let (thread, head, next) = fl.thread_loop(state.ctx, body)?;
        state.thread_loop = Some((thread, next));
        head
    };
    fl.kernel = Some(state);
    fl.lower(body)?;
    fl.alloca_builder.build_unconditional_branch(start)?;
    Ok(())
}

impl<'a, 'ctx> FunctionLowering<'a, '_, 'ctx> {
    /// Loads the parameters and builds the array headers, in the entry block.
    fn kernel_prologue(&mut self) -> Result<KernelState<'ctx>, BackendError> {
        let b = &self.alloca_builder;
        let ctx = self.cg.ctx;
        let i64t = ctx.i64_type();
        let ptr = self.cg.ptr_type();
        let header_ty = ctx.struct_type(&[i64t.into(), i64t.into(), ptr.into()], false);
        let thread_ctx = self.llfn.get_nth_param(0).ok_or_else(|| self.internal("kernel ctx"))?.into_pointer_value();
        let args = self.llfn.get_nth_param(1).ok_or_else(|| self.internal("kernel args"))?.into_pointer_value();
        let header = |data: PointerValue<'ctx>, len: IntValue<'ctx>| -> Result<PointerValue<'ctx>, BackendError> {
            let h = b.build_alloca(header_ty, "array")?;
            b.build_store(b.build_struct_gep(header_ty, h, 0, "")?, len)?;
            b.build_store(b.build_struct_gep(header_ty, h, 1, "")?, len)?;
            b.build_store(b.build_struct_gep(header_ty, h, 2, "")?, data)?;
            Ok(h)
        };
        let mut params = Vec::new();
        for (i, param) in self.func.params.iter().enumerate() {
            // SAFETY: `args` has one u64 per parameter (the runtime's contract).
            let slot = unsafe { b.build_in_bounds_gep(i64t, args, &[i64t.const_int(i as u64, false)], "arg")? };
            let bits = b.build_load(i64t, slot, "")?.into_int_value();
            let value: BasicValueEnum<'ctx> = match &self.cg.module.types[param.ty] {
                Type::ArrayView { .. } => {
                    // `CpuArray { ptr data, i64 len }`.
                    let array = b.build_int_to_ptr(bits, ptr, "")?;
                    let array_ty = ctx.struct_type(&[ptr.into(), i64t.into()], false);
                    let data = b.build_load(ptr, b.build_struct_gep(array_ty, array, 0, "")?, "data")?;
                    let len = b.build_load(i64t, b.build_struct_gep(array_ty, array, 1, "")?, "len")?;
                    header(data.into_pointer_value(), len.into_int_value())?.into()
                }
                Type::Scalar(s) if s.kind == ScalarKind::Bool => {
                    b.build_int_compare(IntPredicate::NE, bits, i64t.const_zero(), "")?.into()
                }
                Type::Scalar(s) if s.is_float() && s.width == 8 => b.build_bit_cast(bits, ctx.f64_type(), "")?,
                Type::Scalar(s) if s.is_float() => {
                    let low = b.build_int_truncate(bits, ctx.i32_type(), "")?;
                    b.build_bit_cast(low, ctx.f32_type(), "")?
                }
                Type::Scalar(_) => bits.into(),
                _ => return Err(self.internal("kernel parameter type")),
            };
            params.push(value);
        }
        let ctx_ty = ctx_type(self.cg);
        let base = b.build_load(ptr, b.build_struct_gep(ctx_ty, thread_ctx, CTX_SHARED, "")?, "shared")?;
        let mut shared = Vec::new();
        for (offset, len, _) in shared_layout(self.cg, self.func)? {
            // SAFETY: the runtime allocates `shared_bytes` for the block.
            let data = unsafe {
                b.build_in_bounds_gep(ctx.i8_type(), base.into_pointer_value(), &[i64t.const_int(offset, false)], "")?
            };
            shared.push(header(data, i64t.const_int(len as u64, false))?);
        }
        let sites = kiln_ir::kernel::raise_statements(self.func)
            .into_iter()
            .enumerate()
            .map(|(k, (statement, _))| (statement as *const Statement, k as u32))
            .collect();
        Ok(KernelState { ctx: thread_ctx, params, shared, sites, thread_loop: None })
    }

    /// The loop over the threads of a block, `t` from 0 to `bx * by * bz` (x fastest): its
    /// thread-index array, its head (which sets the thread's indices, zeroes the locals and
    /// enters `body`), and the block where a thread ends.
    fn thread_loop(
        &mut self,
        ctx_ptr: PointerValue<'ctx>,
        body: BasicBlock<'ctx>,
    ) -> Result<(PointerValue<'ctx>, BasicBlock<'ctx>, BasicBlock<'ctx>), BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let thread = self.alloca(i64t.array_type(3).into(), "thread")?;
        let counter = self.alloca(i64t.into(), "t")?;
        self.alloca_builder.build_store(counter, i64t.const_zero())?;
        let mut dims = Vec::new();
        for axis in 0..3 {
            // SAFETY: `block_dim[axis]`, field 6 + axis of the ctx's `[12 x i64]`.
            let p = unsafe {
                self.alloca_builder.build_in_bounds_gep(i64t, ctx_ptr, &[i64t.const_int(6 + axis, false)], "")?
            };
            dims.push(self.alloca_builder.build_load(i64t, p, "dim")?.into_int_value());
        }
        let (bx, by, bz) = (dims[0], dims[1], dims[2]);
        let head = self.new_block("thread");
        let run = self.new_block("thread.run");
        let next = self.new_block("thread.next");
        let done = self.new_block("block.done");
        let b = self.b();
        b.position_at_end(head);
        let t = b.build_load(i64t, counter, "t")?.into_int_value();
        let bxy = b.build_int_mul(bx, by, "")?;
        let total = b.build_int_mul(bxy, bz, "threads")?;
        let more = b.build_int_compare(IntPredicate::SLT, t, total, "")?;
        b.build_conditional_branch(more, run, done)?;
        b.position_at_end(run);
        let x = b.build_int_signed_rem(t, bx, "x")?;
        let rest = b.build_int_signed_div(t, bx, "")?;
        let y = b.build_int_signed_rem(rest, by, "y")?;
        let z = b.build_int_signed_div(rest, by, "z")?;
        for (i, v) in [x, y, z].into_iter().enumerate() {
            // SAFETY: element `i` of the `[3 x i64]`.
            let p = unsafe { b.build_in_bounds_gep(i64t, thread, &[i64t.const_int(i as u64, false)], "")? };
            b.build_store(p, v)?;
        }
        // Every thread starts with fresh locals, as it would on its own.
        for (h, local) in self.func.locals.iter() {
            let zero = self.cg.zero_value(local.ty)?;
            self.b().build_store(self.locals[h.index()], zero)?;
        }
        self.b().build_unconditional_branch(body)?;
        self.b().position_at_end(next);
        let t = self.b().build_load(i64t, counter, "t")?.into_int_value();
        let t1 = self.b().build_int_add(t, i64t.const_int(1, false), "")?;
        self.b().build_store(counter, t1)?;
        self.b().build_unconditional_branch(head)?;
        self.b().position_at_end(done);
        self.b().build_return(None)?;
        Ok((thread, head, next))
    }

    /// Ends the current thread: on with the next thread of the block, or return.
    pub(crate) fn end_thread(&mut self) -> Result<(), BackendError> {
        match self.kernel.as_ref().and_then(|k| k.thread_loop) {
            Some((_, next)) => self.b().build_unconditional_branch(next)?,
            None => self.b().build_return(None)?,
        };
        Ok(())
    }

    fn state(&self) -> Result<&KernelState<'ctx>, BackendError> {
        self.kernel.as_ref().ok_or_else(|| self.internal("GPU construct outside a kernel"))
    }

    /// The value of a kernel-only expression, or `None` for the ordinary ones.
    pub(crate) fn kernel_expression(
        &mut self,
        expr: &Expression,
    ) -> Result<Option<BasicValueEnum<'ctx>>, BackendError> {
        if self.kernel.is_none() {
            return Ok(None);
        }
        Ok(Some(match expr {
            Expression::Param(i) => {
                *self.state()?.params.get(*i as usize).ok_or_else(|| self.internal("kernel parameter"))?
            }
            Expression::SharedArray(s) => {
                (*self.state()?.shared.get(s.index()).ok_or_else(|| self.internal("shared array"))?).into()
            }
            Expression::GpuBuiltin(builtin) => {
                let (group, axis) = match builtin {
                    GpuBuiltin::ThreadIndex(a) => (0, a),
                    GpuBuiltin::BlockIndex(a) => (1, a),
                    GpuBuiltin::BlockDim(a) => (2, a),
                    GpuBuiltin::GridDim(a) => (3, a),
                };
                let axis = match axis {
                    Axis::X => 0,
                    Axis::Y => 1,
                    Axis::Z => 2,
                };
                let i64t = self.cg.ctx.i64_type();
                let state = self.state()?;
                let (base, index) = match state.thread_loop {
                    Some((thread, _)) if group == 0 => (thread, axis),
                    _ => (state.ctx, group * 3 + axis),
                };
                // SAFETY: element `index` of the thread array or of the ctx's `[12 x i64]`.
                let p = unsafe { self.b().build_in_bounds_gep(i64t, base, &[i64t.const_int(index, false)], "")? };
                self.b().build_load(i64t, p, "gpu")?
            }
            Expression::Atomic { op, array, index, value } => {
                let elem = match &self.cg.module.types[self.type_of(*array)] {
                    Type::ArrayView { elem, .. } => *elem,
                    _ => return Err(self.internal("atomic on a non-array")),
                };
                let line = self.stmt_line();
                let ptr = self.list_element(*array, *index, elem, crate::function::INDEX_READ, line)?;
                let v = self.value(*value)?;
                self.atomic(*op, ptr, v)?
            }
            _ => return Ok(None),
        }))
    }

    /// `array[i] op= v` atomically; the old value. Int add/min/max are single instructions;
    /// floats use a compare-and-swap loop on the bits.
    fn atomic(
        &mut self,
        op: AtomicOp,
        ptr: PointerValue<'ctx>,
        v: BasicValueEnum<'ctx>,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let ordering = AtomicOrdering::SequentiallyConsistent;
        if let BasicValueEnum::IntValue(v) = v {
            let rmw = match op {
                AtomicOp::Add => AtomicRMWBinOp::Add,
                AtomicOp::Min => AtomicRMWBinOp::Min,
                AtomicOp::Max => AtomicRMWBinOp::Max,
            };
            return Ok(self.b().build_atomicrmw(rmw, ptr, v, ordering)?.into());
        }
        let v = v.into_float_value();
        let float_ty = v.get_type();
        let bits_ty = if float_ty == self.cg.ctx.f64_type() { self.cg.ctx.i64_type() } else { self.cg.ctx.i32_type() };
        let start = self.current_block()?;
        let initial = self.b().build_load(bits_ty, ptr, "old.bits")?.into_int_value();
        let retry = self.new_block("atomic.retry");
        let done = self.new_block("atomic.done");
        self.b().build_unconditional_branch(retry)?;
        self.b().position_at_end(retry);
        let phi = self.b().build_phi(bits_ty, "expected")?;
        phi.add_incoming(&[(&initial, start)]);
        let expected = phi.as_basic_value().into_int_value();
        let old = self.b().build_bit_cast(expected, float_ty, "old")?.into_float_value();
        let new = match op {
            AtomicOp::Add => self.b().build_float_add(old, v, "")?,
            AtomicOp::Min | AtomicOp::Max => {
                let pred =
                    if op == AtomicOp::Min { inkwell::FloatPredicate::OLT } else { inkwell::FloatPredicate::OGT };
                let take = self.b().build_float_compare(pred, v, old, "")?;
                self.b().build_select(take, v, old, "")?.into_float_value()
            }
        };
        let new_bits = self.b().build_bit_cast(new, bits_ty, "")?.into_int_value();
        let pair = self.b().build_cmpxchg(ptr, expected, new_bits, ordering, ordering)?;
        let seen = self.b().build_extract_value(pair, 0, "seen")?.into_int_value();
        let ok = self.b().build_extract_value(pair, 1, "ok")?.into_int_value();
        let here = self.current_block()?;
        phi.add_incoming(&[(&seen, here)]);
        self.b().build_conditional_branch(ok, done, retry)?;
        self.b().position_at_end(done);
        Ok(self.b().build_bit_cast(expected, float_ty, "old")?)
    }

    /// Lowers a kernel-only statement; `false` for the ordinary ones.
    pub(crate) fn kernel_statement(&mut self, statement: &Statement) -> Result<bool, BackendError> {
        if self.kernel.is_none() {
            return Ok(false);
        }
        match statement {
            Statement::Raise { .. } => {
                let state = self.state()?;
                let site =
                    *state.sites.get(&(statement as *const Statement)).ok_or_else(|| self.internal("error site"))?;
                let ctx = state.ctx;
                let ptr = self.cg.ptr_type();
                let error_ptr = self.b().build_struct_gep(ctx_type(self.cg), ctx, CTX_ERROR, "")?;
                let error = self.b().build_load(ptr, error_ptr, "error")?.into_pointer_value();
                let site = self.cg.ctx.i32_type().const_int(site as u64, false);
                self.b().build_atomicrmw(AtomicRMWBinOp::UMin, error, site, AtomicOrdering::SequentiallyConsistent)?;
                self.end_thread()?;
            }
            Statement::Barrier => {
                let f = self.cg.runtime("kiln_rt_gpu_barrier")?;
                let ctx = self.state()?.ctx;
                self.cg.call(f, &[ctx.into()])?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `Statement::Launch` on the host.
    pub(crate) fn launch(
        &mut self,
        kernel: Handle<Function>,
        args: &[Handle<Expression>],
        grid: &[Handle<Expression>; 3],
        block: &[Handle<Expression>; 3],
    ) -> Result<(), BackendError> {
        let ctx = self.cg.ctx;
        let i64t = ctx.i64_type();
        let mut kinds = Vec::new();
        for a in args {
            kinds.push(match &self.cg.module.types[self.type_of(*a)] {
                Type::List { elem } => (1u8, elem_code(self.cg.module, *elem)?),
                Type::DeviceArray { elem } => (2, elem_code(self.cg.module, *elem)?),
                Type::Scalar(_) => (0, elem_code(self.cg.module, self.type_of(*a)).unwrap_or(0)),
                _ => return Err(self.internal("kernel argument type")),
            });
        }
        let desc = self.cg.kernel_desc(kernel, &kinds)?;
        let slots = self.alloca(i64t.array_type(args.len().max(1) as u32).into(), "launch.args")?;
        for (i, a) in args.iter().enumerate() {
            let v = self.value(*a)?;
            let bits: IntValue<'ctx> = match v {
                BasicValueEnum::PointerValue(p) => self.b().build_ptr_to_int(p, i64t, "")?,
                BasicValueEnum::FloatValue(f) if f.get_type() == ctx.f64_type() => {
                    self.b().build_bit_cast(f, i64t, "")?.into_int_value()
                }
                BasicValueEnum::FloatValue(f) => {
                    let low = self.b().build_bit_cast(f, ctx.i32_type(), "")?.into_int_value();
                    self.b().build_int_z_extend(low, i64t, "")?
                }
                BasicValueEnum::IntValue(x) if x.get_type().get_bit_width() < 64 => {
                    self.b().build_int_z_extend(x, i64t, "")?
                }
                BasicValueEnum::IntValue(x) => x,
                _ => return Err(self.internal("kernel argument value")),
            };
            // SAFETY: slot `i` of the `[n x i64]` array.
            let slot = unsafe { self.b().build_in_bounds_gep(i64t, slots, &[i64t.const_int(i as u64, false)], "")? };
            self.b().build_store(slot, bits)?;
        }
        let dims =
            |fl: &mut Self, ds: &[Handle<Expression>; 3], name: &str| -> Result<PointerValue<'ctx>, BackendError> {
                let array = fl.alloca(i64t.array_type(3).into(), name)?;
                for (i, d) in ds.iter().enumerate() {
                    let v = fl.int_as_i64(*d)?;
                    // SAFETY: element `i` of a `[3 x i64]`.
                    let slot =
                        unsafe { fl.b().build_in_bounds_gep(i64t, array, &[i64t.const_int(i as u64, false)], "")? };
                    fl.b().build_store(slot, v)?;
                }
                Ok(array)
            };
        let grid = dims(self, grid, "launch.grid")?;
        let block = dims(self, block, "launch.block")?;
        let f = self.cg.runtime("kiln_rt_gpu_launch")?;
        let status = self.cg.call_value(f, &[desc.into(), slots.into(), grid.into(), block.into()])?.into_int_value();
        let line = self.stmt_line();
        self.check_status(status, line)
    }
}

/// Each shared array's byte offset in the block's shared memory, its length and element size
/// (each 16-aligned).
pub(crate) fn shared_layout(cg: &Codegen<'_, '_>, func: &Function) -> Result<Vec<(u64, u32, u64)>, BackendError> {
    let mut offset = 0u64;
    let mut out = Vec::new();
    for (_, s) in func.shared.iter() {
        let size = cg.mem_size(s.elem)?;
        out.push((offset, s.len, size));
        offset += (size * s.len as u64).div_ceil(16) * 16;
    }
    Ok(out)
}

impl<'ctx> Codegen<'_, 'ctx> {
    /// A private constant holding `bytes`; its address.
    fn bytes_const(&mut self, bytes: &[u8]) -> PointerValue<'ctx> {
        let value = self.ctx.const_string(bytes, false);
        let global = self.llvm.add_global(value.get_type(), None, "kiln.bytes");
        global.set_initializer(&value);
        global.set_constant(true);
        global.set_linkage(inkwell::module::Linkage::Private);
        global.as_pointer_value()
    }

    /// `{ptr, len}` fields for a text.
    fn text_fields(&mut self, text: &str) -> [BasicValueEnum<'ctx>; 2] {
        let ptr = self.bytes_const(text.as_bytes());
        [ptr.into(), self.ctx.i64_type().const_int(text.len() as u64, false).into()]
    }

    /// The `KernelDesc` of a launch of `kernel` with arguments of `kinds` (docs/gpu.md).
    pub(crate) fn kernel_desc(
        &mut self,
        kernel: Handle<Function>,
        kinds: &[(u8, u8)],
    ) -> Result<PointerValue<'ctx>, BackendError> {
        let ctx = self.ctx;
        let i8t = ctx.i8_type();
        let i64t = ctx.i64_type();
        let ptr = self.ptr_type();
        let func = &self.module.functions[kernel];
        let file = self.module.files.get(func.span.file as usize).map(|f| f.name.clone()).unwrap_or_default();
        let param_ty = ctx.struct_type(&[i8t.into(), i8t.into()], false);
        let params: Vec<_> = kinds
            .iter()
            .map(|(k, e)| {
                param_ty.const_named_struct(&[
                    i8t.const_int(*k as u64, false).into(),
                    i8t.const_int(*e as u64, false).into(),
                ])
            })
            .collect();
        let params_global = self.llvm.add_global(param_ty.array_type(params.len() as u32), None, "kiln.params");
        params_global.set_initializer(&param_ty.const_array(&params));
        params_global.set_constant(true);
        params_global.set_linkage(inkwell::module::Linkage::Private);
        let site_ty =
            ctx.struct_type(&[ptr.into(), i64t.into(), ptr.into(), i64t.into(), ctx.i32_type().into()], false);
        let mut sites = Vec::new();
        for site in kiln_ir::kernel::error_sites(func) {
            let [kp, kl] = self.text_fields(site.kind.name());
            let [mp, ml] = self.text_fields(&site.message);
            let line = self.module.line_of(site.span).map(|(_, l)| l).unwrap_or(0);
            sites.push(site_ty.const_named_struct(&[
                kp,
                kl,
                mp,
                ml,
                ctx.i32_type().const_int(line as u64, false).into(),
            ]));
        }
        let sites_global = self.llvm.add_global(site_ty.array_type(sites.len() as u32), None, "kiln.sites");
        sites_global.set_initializer(&site_ty.const_array(&sites));
        sites_global.set_constant(true);
        sites_global.set_linkage(inkwell::module::Linkage::Private);
        let shared_bytes: u64 =
            shared_layout(self, func)?.iter().map(|(_, len, size)| (size * *len as u64).div_ceil(16) * 16).sum();
        let code = self.kernel_code.get(&kernel.index()).cloned().unwrap_or_default();
        let [np, nl] = self.text_fields(&func.source_name);
        let [fp, fl] = self.text_fields(&file);
        let [wp, wl] = self.text_fields(code.wgsl.as_deref().unwrap_or(""));
        let [pp, pl] = self.text_fields(code.ptx.as_deref().unwrap_or(""));
        let [ep, el] = self.text_fields(&code.ptx_entry);
        let cpu_entry = self.functions[kernel.index()].as_global_value().as_pointer_value();
        let fields: Vec<BasicValueEnum<'ctx>> = vec![
            np,
            nl,
            fp,
            fl,
            params_global.as_pointer_value().into(),
            i64t.const_int(kinds.len() as u64, false).into(),
            sites_global.as_pointer_value().into(),
            i64t.const_int(sites.len() as u64, false).into(),
            i64t.const_int(shared_bytes, false).into(),
            i8t.const_int(kiln_ir::kernel::uses_barrier(func) as u64, false).into(),
            cpu_entry.into(),
            wp,
            wl,
            pp,
            pl,
            ep,
            el,
        ];
        let types: Vec<_> = fields.iter().map(|f| f.get_type()).collect();
        let desc_ty = ctx.struct_type(&types, false);
        let desc = self.llvm.add_global(desc_ty, None, "kiln.kernel");
        desc.set_initializer(&desc_ty.const_named_struct(&fields));
        desc.set_constant(true);
        desc.set_linkage(inkwell::module::Linkage::Private);
        Ok(desc.as_pointer_value())
    }
}
