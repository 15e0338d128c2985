//! Kernel IR statements and expressions → one LLVM function (the PTX entry).
//!
//! The walk is one-to-one: an IR `Emit` evaluates its expressions where it stands, IR
//! locals are stack slots (`alloca`s in the entry block, zero-initialised, promoted to
//! registers by the optimiser), structured control flow becomes basic blocks. Array views
//! are (pointer, length) pairs: a parameter's pointer is in `addrspace(1)` (global), a shared
//! array's in `addrspace(3)`, and an array-view local keeps both halves in two slots.
//!
//! Code after a statement that ends its block (`break`, `return`, a `Raise`...) is still
//! lowered, into a block without predecessors that the optimiser deletes: the walk stays
//! simple and every expression keeps a value.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, IntType};
use inkwell::values::{
    AsValueRef, BasicMetadataValueEnum, BasicValue, BasicValueEnum, FloatValue, FunctionValue, IntValue, PointerValue,
};
use inkwell::{AddressSpace, AtomicOrdering, AtomicRMWBinOp, FloatPredicate, IntPredicate};
use kiln_ir::{
    AtomicOp, Axis, Block, CompareOp, Expression, Function, FunctionInfo, GpuBuiltin, Handle, Literal, Scalar,
    ScalarKind, Span, Statement, Type, UnaryOp,
};

use crate::math;
use crate::PtxError;

/// NVPTX address spaces.
const GLOBAL: u16 = 1;
const SHARED: u16 = 3;

/// LLVM's `ptx_kernel` calling convention: the function becomes a PTX `.entry`.
const PTX_KERNEL_CC: u32 = 71;

/// Static shared memory a block may use (CUDA's limit without opting in to more).
const MAX_STATIC_SHARED: u64 = 48 * 1024;

/// What the kernel needs beyond its own code.
pub(crate) struct Uses {
    /// The libdevice functions it calls: what the user wrote (`math.sin`) and where, in
    /// order of appearance.
    pub libdevice: Vec<(String, Span)>,
}

/// An array view: its first element and its length (`i64`).
#[derive(Clone, Copy)]
pub(crate) struct Array<'ctx> {
    ptr: PointerValue<'ctx>,
    len: IntValue<'ctx>,
    elem: Scalar,
}

/// What an IR expression turned into.
#[derive(Clone, Copy)]
enum Value<'ctx> {
    Scalar(BasicValueEnum<'ctx>),
    Array(Array<'ctx>),
    /// `None` (an inlined procedure's result) or a string (a `Raise` message): no code.
    Nothing,
}

/// The storage of a local.
enum Slot<'ctx> {
    Scalar {
        ptr: PointerValue<'ctx>,
        ty: BasicTypeEnum<'ctx>,
    },
    Array {
        ptr: PointerValue<'ctx>,
        len: PointerValue<'ctx>,
        space: u16,
        elem: Scalar,
    },
    /// A `None` local (an inlined procedure's result): no storage.
    Nothing,
    /// A type kernels cannot hold; an error if the local is used.
    Unsupported,
}

/// The LLVM function being built and its builder: what the arithmetic of [`crate::math`]
/// needs (and all it needs, so that it can be tested on the host).
pub(crate) struct Code<'a, 'ctx> {
    pub ctx: &'ctx Context,
    pub module: &'a Module<'ctx>,
    pub b: Builder<'ctx>,
    pub llfn: FunctionValue<'ctx>,
}

impl<'ctx> Code<'_, 'ctx> {
    pub fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.ctx.append_basic_block(self.llfn, name)
    }

    pub fn current_block(&self) -> Result<BasicBlock<'ctx>, PtxError> {
        self.b.get_insert_block().ok_or_else(|| err("internal error: builder not positioned", Span::UNDEFINED))
    }

    /// The declaration of LLVM intrinsic `name` for the overload `types`.
    pub fn intrinsic(&self, name: &str, types: &[BasicTypeEnum<'ctx>]) -> Result<FunctionValue<'ctx>, PtxError> {
        inkwell::intrinsics::Intrinsic::find(name)
            .and_then(|i| i.get_declaration(self.module, types))
            .ok_or_else(|| err(format!("internal error: no LLVM intrinsic `{name}`"), Span::UNDEFINED))
    }

    /// Calls `function`, which returns a value.
    pub fn call(
        &self,
        function: FunctionValue<'ctx>,
        args: &[BasicMetadataValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>, PtxError> {
        self.b.build_call(function, args, "")?.try_as_basic_value().basic().ok_or_else(|| {
            err(
                format!("internal error: `{}` returns no value", function.get_name().to_string_lossy()),
                Span::UNDEFINED,
            )
        })
    }

    /// A one-operand float intrinsic (`llvm.fabs`, `llvm.floor`...).
    pub fn float_intrinsic(&self, name: &str, x: FloatValue<'ctx>) -> Result<FloatValue<'ctx>, PtxError> {
        let f = self.intrinsic(name, &[x.get_type().into()])?;
        Ok(self.call(f, &[x.into()])?.into_float_value())
    }
}

pub(crate) struct Emitter<'a, 'ctx> {
    code: Code<'a, 'ctx>,
    /// Positioned in the entry block, for stack slots.
    alloca_b: Builder<'ctx>,
    ir: &'a kiln_ir::Module,
    func: &'a Function,
    info: &'a FunctionInfo,
    values: Vec<Option<Value<'ctx>>>,
    locals: Vec<Slot<'ctx>>,
    params: Vec<Value<'ctx>>,
    shared: Vec<Array<'ctx>>,
    /// The `u32` error word (`ptr addrspace(1)`).
    error_word: PointerValue<'ctx>,
    /// Each `Raise` statement's error-site number, by address.
    sites: HashMap<*const Statement, u32>,
    /// Innermost last: (start of the next iteration, after the loop).
    loops: Vec<(BasicBlock<'ctx>, BasicBlock<'ctx>)>,
    pub uses: Uses,
}

fn err(message: impl Into<String>, span: Span) -> PtxError {
    PtxError::new(message, span)
}

/// The LLVM type of a scalar in registers (`bool` is `i1`).
pub(crate) fn scalar_type(ctx: &Context, s: Scalar) -> Option<BasicTypeEnum<'_>> {
    Some(match (s.kind, s.width) {
        (ScalarKind::Bool, _) => ctx.bool_type().into(),
        (ScalarKind::Sint | ScalarKind::Uint, width) => int_type(ctx, width)?.into(),
        (ScalarKind::Float, 4) => ctx.f32_type().into(),
        (ScalarKind::Float, 8) => ctx.f64_type().into(),
        _ => return None,
    })
}

/// The integer type of `bytes` bytes (1, 2, 4 or 8).
pub(crate) fn int_type(ctx: &Context, bytes: u8) -> Option<IntType<'_>> {
    Some(match bytes {
        1 => ctx.i8_type(),
        2 => ctx.i16_type(),
        4 => ctx.i32_type(),
        8 => ctx.i64_type(),
        _ => return None,
    })
}

/// The LLVM type of an array element in memory (`bool` is a byte, 0/1).
fn memory_type(ctx: &Context, s: Scalar) -> Option<BasicTypeEnum<'_>> {
    if s.kind == ScalarKind::Bool {
        return Some(ctx.i8_type().into());
    }
    scalar_type(ctx, s)
}

/// The scalars the runtime passes and stores (docs/gpu.md: `i64`, `f64`, `f32`, `bool`).
fn abi_scalar(s: Scalar) -> bool {
    matches!(s, Scalar::I64 | Scalar::F64 | Scalar::F32 | Scalar::BOOL)
}

/// Numbers the `Raise` statements in pre-order, as `kiln_ir::kernel::error_sites` does.
fn number_sites(block: &Block, out: &mut HashMap<*const Statement, u32>) {
    for (statement, _) in block.iter() {
        if matches!(statement, Statement::Raise { .. }) {
            let n = out.len() as u32;
            out.insert(statement as *const Statement, n);
        }
        statement.for_each_block(|b| number_sites(b, out));
    }
}

/// Defines the kernel `func` as the entry `entry` of `module`.
pub(crate) fn emit_kernel<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    ir: &kiln_ir::Module,
    func: &Function,
    info: &FunctionInfo,
    entry: &str,
) -> Result<Uses, PtxError> {
    let global_ptr = ctx.ptr_type(AddressSpace::from(GLOBAL));
    let i64t = ctx.i64_type();

    // The ABI: per parameter a scalar, or (pointer, length); then the error word.
    let mut param_types: Vec<BasicMetadataTypeEnum<'ctx>> = Vec::new();
    for p in &func.params {
        match &ir.types[p.ty] {
            Type::Scalar(s) if abi_scalar(*s) => param_types
                .push(memory_type(ctx, *s).ok_or_else(|| err("internal error: scalar type", func.span))?.into()),
            Type::ArrayView { elem, space: kiln_ir::AddressSpace::Global } if matches!(ir.types[*elem], Type::Scalar(s) if abi_scalar(s)) =>
            {
                param_types.push(global_ptr.into());
                param_types.push(i64t.into());
            }
            _ => {
                return Err(err(
                    format!("kernel parameter `{}` has a type that cuda kernels cannot take", p.name),
                    func.span,
                ))
            }
        }
    }
    param_types.push(global_ptr.into());
    let llfn = module.add_function(entry, ctx.void_type().fn_type(&param_types, false), Some(Linkage::External));
    llfn.set_call_conventions(PTX_KERNEL_CC);
    let annotation = ctx.metadata_node(&[
        llfn.as_global_value().as_pointer_value().into(),
        ctx.metadata_string("kernel").into(),
        ctx.i32_type().const_int(1, false).into(),
    ]);
    module
        .add_global_metadata("nvvm.annotations", &annotation)
        .map_err(|e| err(format!("internal error: nvvm.annotations: {e}"), func.span))?;

    let entry_block = ctx.append_basic_block(llfn, "entry");
    let body = ctx.append_basic_block(llfn, "body");
    let alloca_b = ctx.create_builder();
    alloca_b.position_at_end(entry_block);
    let b = ctx.create_builder();
    b.position_at_end(body);

    // Parameter values.
    let mut llparams = llfn.get_param_iter();
    let mut next =
        |what: &str| llparams.next().ok_or_else(|| err(format!("internal error: parameter {what}"), func.span));
    let mut params = Vec::with_capacity(func.params.len());
    for p in &func.params {
        let v = next(&p.name)?;
        v.set_name(&p.name);
        params.push(match &ir.types[p.ty] {
            Type::Scalar(s) if *s == Scalar::BOOL => {
                let byte = v.into_int_value();
                let flag = alloca_b.build_int_compare(IntPredicate::NE, byte, byte.get_type().const_zero(), "")?;
                Value::Scalar(flag.into())
            }
            Type::Scalar(_) => Value::Scalar(v),
            Type::ArrayView { elem, .. } => {
                let len = next(&p.name)?;
                len.set_name(&format!("{}.len", p.name));
                let elem = match ir.types[*elem] {
                    Type::Scalar(s) => s,
                    _ => return Err(err("internal error: array element", func.span)),
                };
                Value::Array(Array { ptr: v.into_pointer_value(), len: len.into_int_value(), elem })
            }
            _ => return Err(err("internal error: parameter type", func.span)),
        });
    }
    let error_word = next("error")?;
    error_word.set_name("error");
    let error_word = error_word.into_pointer_value();

    // Shared arrays: `.shared` globals. NVPTX gives shared memory no initialiser (undef);
    // the prologue zeroes it.
    let mut shared = Vec::new();
    let mut shared_bytes = 0u64;
    for (h, s) in func.shared.iter() {
        let span = func.shared.span(h);
        let elem = match ir.types[s.elem] {
            Type::Scalar(e) if abi_scalar(e) => e,
            _ => return Err(err("shared arrays hold int, float, float32 or bool", span)),
        };
        let mem = memory_type(ctx, elem).ok_or_else(|| err("internal error: shared element", span))?;
        // A zero-length array is never indexed (every index is checked against its length
        // first); one element keeps PTX free of empty arrays.
        let ty = mem.array_type(s.len.max(1));
        let size = (elem.width as u64) * u64::from(s.len.max(1));
        shared_bytes += size.div_ceil(8) * 8;
        if shared_bytes > MAX_STATIC_SHARED {
            return Err(err(
                format!(
                    "the shared arrays of this kernel need {shared_bytes} bytes or more; a cuda block has {MAX_STATIC_SHARED} bytes of static shared memory"
                ),
                span,
            ));
        }
        let global = module.add_global(ty, Some(AddressSpace::from(SHARED)), &format!("shared{}", h.index()));
        global.set_initializer(&ty.get_undef());
        global.set_linkage(Linkage::Internal);
        global.set_alignment(8);
        let len = i64t.const_int(u64::from(s.len), false);
        shared.push(Array { ptr: global.as_pointer_value(), len, elem });
    }

    let mut sites = HashMap::new();
    number_sites(&func.body, &mut sites);

    let mut e = Emitter {
        code: Code { ctx, module, b, llfn },
        alloca_b,
        ir,
        func,
        info,
        values: vec![None; func.expressions.len()],
        locals: Vec::new(),
        params,
        shared,
        error_word,
        sites,
        loops: Vec::new(),
        uses: Uses { libdevice: Vec::new() },
    };
    e.allocate_locals()?;
    e.zero_shared()?;
    e.block(&func.body)?;
    if !e.terminated() {
        e.b.build_return(None)?;
    }
    e.alloca_b.build_unconditional_branch(body)?;
    Ok(e.uses)
}

impl<'a, 'ctx> std::ops::Deref for Emitter<'a, 'ctx> {
    type Target = Code<'a, 'ctx>;
    fn deref(&self) -> &Code<'a, 'ctx> {
        &self.code
    }
}

impl<'a, 'ctx> Emitter<'a, 'ctx> {
    fn terminated(&self) -> bool {
        match self.b.get_insert_block() {
            Some(bb) => bb.get_terminator().is_some(),
            None => true,
        }
    }

    /// Calls libdevice function `name` (`double name(double, ...)`); `what` is what the user
    /// wrote, for the error when libdevice cannot be found.
    pub fn libdevice(
        &mut self,
        name: &str,
        args: &[FloatValue<'ctx>],
        what: &str,
        span: Span,
    ) -> Result<FloatValue<'ctx>, PtxError> {
        let f64t = self.ctx.f64_type();
        let f = self.module.get_function(name).unwrap_or_else(|| {
            let params: Vec<BasicMetadataTypeEnum<'ctx>> = args.iter().map(|_| f64t.into()).collect();
            self.module.add_function(name, f64t.fn_type(&params, false), Some(Linkage::External))
        });
        if !self.uses.libdevice.iter().any(|(w, _)| w == what) {
            self.uses.libdevice.push((what.to_string(), span));
        }
        let args: Vec<BasicMetadataValueEnum<'ctx>> = args.iter().map(|a| (*a).into()).collect();
        Ok(self.call(f, &args)?.into_float_value())
    }

    fn expr_scalar(&self, h: Handle<Expression>, span: Span) -> Result<Scalar, PtxError> {
        let ty = self
            .info
            .expr_types
            .get(h.index())
            .copied()
            .ok_or_else(|| err(format!("internal error: no type for expression {h:?}"), span))?;
        match self.ir.types[ty] {
            Type::Scalar(s) => Ok(s),
            _ => Err(err("a scalar is expected here", span)),
        }
    }

    fn value(&self, h: Handle<Expression>, span: Span) -> Result<Value<'ctx>, PtxError> {
        self.values
            .get(h.index())
            .copied()
            .flatten()
            .ok_or_else(|| err(format!("internal error: expression {h:?} used before it is emitted"), span))
    }

    fn scalar(&self, h: Handle<Expression>, span: Span) -> Result<BasicValueEnum<'ctx>, PtxError> {
        match self.value(h, span)? {
            Value::Scalar(v) => Ok(v),
            _ => Err(err("a scalar is expected here", span)),
        }
    }

    fn array(&self, h: Handle<Expression>, span: Span) -> Result<Array<'ctx>, PtxError> {
        match self.value(h, span)? {
            Value::Array(a) => Ok(a),
            _ => Err(err("an array is expected here", span)),
        }
    }

    fn int_value(&self, h: Handle<Expression>, span: Span) -> Result<IntValue<'ctx>, PtxError> {
        match self.scalar(h, span)? {
            BasicValueEnum::IntValue(v) => Ok(v),
            _ => Err(err("an int is expected here", span)),
        }
    }

    fn bool_value(&self, h: Handle<Expression>, span: Span) -> Result<IntValue<'ctx>, PtxError> {
        match self.scalar(h, span)? {
            BasicValueEnum::IntValue(v) if v.get_type().get_bit_width() == 1 => Ok(v),
            _ => Err(err("a bool is expected here", span)),
        }
    }

    /// `llvm.nvvm.read.ptx.sreg.<register>` zero-extended to `i64`.
    fn special_register(&self, register: &str) -> Result<IntValue<'ctx>, PtxError> {
        let f = self.intrinsic(&format!("llvm.nvvm.read.ptx.sreg.{register}"), &[])?;
        let v = self.call(f, &[])?.into_int_value();
        Ok(self.b.build_int_z_extend(v, self.ctx.i64_type(), register)?)
    }

    fn barrier(&self) -> Result<(), PtxError> {
        let f = self.intrinsic("llvm.nvvm.barrier0", &[])?;
        self.b.build_call(f, &[], "")?;
        Ok(())
    }

    // ----- setup -------------------------------------------------------------------------

    fn allocate_locals(&mut self) -> Result<(), PtxError> {
        let ctx = self.code.ctx;
        let ptr_of = |space: u16| ctx.ptr_type(AddressSpace::from(space));
        for (h, local) in self.func.locals.iter() {
            let slot = match &self.ir.types[local.ty] {
                Type::Scalar(s) => match scalar_type(self.ctx, *s) {
                    Some(ty) => {
                        let ptr = self.alloca_b.build_alloca(ty, &local.name)?;
                        // Zero-initialised: a read before any store (which Python code cannot
                        // make) still sees a defined value.
                        self.alloca_b.build_store(ptr, ty.const_zero())?;
                        Slot::Scalar { ptr, ty }
                    }
                    None => Slot::Unsupported,
                },
                Type::None => Slot::Nothing,
                Type::ArrayView { elem, space } => {
                    let space = match space {
                        kiln_ir::AddressSpace::Global => GLOBAL,
                        kiln_ir::AddressSpace::Shared => SHARED,
                        _ => {
                            self.locals.push(Slot::Unsupported);
                            continue;
                        }
                    };
                    let elem = match self.ir.types[*elem] {
                        Type::Scalar(s) => s,
                        _ => return Err(err("internal error: array element", self.func.locals.span(h))),
                    };
                    let ptr_ty = ptr_of(space);
                    let ptr = self.alloca_b.build_alloca(ptr_ty, &local.name)?;
                    self.alloca_b.build_store(ptr, ptr_ty.const_null())?;
                    let len = self.alloca_b.build_alloca(self.ctx.i64_type(), &format!("{}.len", local.name))?;
                    self.alloca_b.build_store(len, self.ctx.i64_type().const_zero())?;
                    Slot::Array { ptr, len, space, elem }
                }
                _ => Slot::Unsupported,
            };
            self.locals.push(slot);
        }
        Ok(())
    }

    /// Zeroes the shared arrays, each thread of the block a strided share of the elements,
    /// then waits for the block: Python code reads zeros from a fresh shared array.
    fn zero_shared(&mut self) -> Result<(), PtxError> {
        if self.shared.is_empty() {
            return Ok(());
        }
        let b = &self.b;
        let [tx, ty, tz, nx, ny, nz] =
            ["tid.x", "tid.y", "tid.z", "ntid.x", "ntid.y", "ntid.z"].map(|r| self.special_register(r));
        let (tx, ty, tz, nx, ny, nz) = (tx?, ty?, tz?, nx?, ny?, nz?);
        // Linear thread index tx + nx * (ty + ny * tz) and the block's thread count.
        let inner = b.build_int_add(ty, b.build_int_mul(ny, tz, "")?, "")?;
        let first = b.build_int_add(tx, b.build_int_mul(nx, inner, "")?, "tid.linear")?;
        let step = b.build_int_mul(nx, b.build_int_mul(ny, nz, "")?, "block.threads")?;
        for array in self.shared.clone() {
            let mem = memory_type(self.ctx, array.elem)
                .ok_or_else(|| err("internal error: shared element", Span::UNDEFINED))?;
            let start = self.current_block()?;
            let head = self.new_block("zero.head");
            let body = self.new_block("zero.body");
            let done = self.new_block("zero.done");
            self.b.build_unconditional_branch(head)?;
            self.b.position_at_end(head);
            let i = self.b.build_phi(self.ctx.i64_type(), "i")?;
            i.add_incoming(&[(&first, start)]);
            let iv = i.as_basic_value().into_int_value();
            let more = self.b.build_int_compare(IntPredicate::SLT, iv, array.len, "")?;
            self.b.build_conditional_branch(more, body, done)?;
            self.b.position_at_end(body);
            // SAFETY (of the GEP): `iv < len`, an element of the shared array.
            let p = unsafe { self.b.build_in_bounds_gep(mem, array.ptr, &[iv], "")? };
            self.b.build_store(p, mem.const_zero())?;
            let next = self.b.build_int_add(iv, step, "")?;
            i.add_incoming(&[(&next, body)]);
            self.b.build_unconditional_branch(head)?;
            self.b.position_at_end(done);
        }
        self.barrier()
    }

    // ----- statements --------------------------------------------------------------------

    fn block(&mut self, block: &'a Block) -> Result<(), PtxError> {
        for (statement, span) in block.iter() {
            if self.terminated() {
                // Unreachable code (after a break, return or raise): lowered for its values.
                let dead = self.new_block("dead");
                self.b.position_at_end(dead);
            }
            self.statement(statement, span)?;
        }
        Ok(())
    }

    /// Lowers `block` into the current position, then branches to `to` unless it ended.
    fn block_then(&mut self, block: &'a Block, to: BasicBlock<'ctx>) -> Result<(), PtxError> {
        self.block(block)?;
        if !self.terminated() {
            self.b.build_unconditional_branch(to)?;
        }
        Ok(())
    }

    fn statement(&mut self, statement: &'a Statement, span: Span) -> Result<(), PtxError> {
        match statement {
            Statement::Emit(range) => {
                for h in range.iter() {
                    let v = self.expression(h)?;
                    if let Some(slot) = self.values.get_mut(h.index()) {
                        *slot = Some(v);
                    }
                }
            }
            Statement::Block(block) => self.block(block)?,
            Statement::If { condition, accept, reject } => {
                let c = self.bool_value(*condition, span)?;
                let then_bb = self.new_block("then");
                let else_bb = self.new_block("else");
                let merge = self.new_block("endif");
                self.b.build_conditional_branch(c, then_bb, else_bb)?;
                self.b.position_at_end(then_bb);
                self.block_then(accept, merge)?;
                self.b.position_at_end(else_bb);
                self.block_then(reject, merge)?;
                self.b.position_at_end(merge);
            }
            Statement::Loop { body } => {
                let head = self.new_block("loop");
                let exit = self.new_block("endloop");
                self.b.build_unconditional_branch(head)?;
                self.b.position_at_end(head);
                self.loops.push((head, exit));
                let r = self.block_then(body, head);
                self.loops.pop();
                r?;
                self.b.position_at_end(exit);
            }
            Statement::Break | Statement::Continue => {
                let &(head, exit) =
                    self.loops.last().ok_or_else(|| err("`break` or `continue` outside a loop", span))?;
                let to = if matches!(statement, Statement::Break) { exit } else { head };
                self.b.build_unconditional_branch(to)?;
            }
            Statement::Return { value: None } => {
                self.b.build_return(None)?;
            }
            Statement::Return { value: Some(_) } => return Err(err("a kernel cannot return a value", span)),
            Statement::Store { local, value } => {
                let v = self.value(*value, span)?;
                match (self.locals.get(local.index()), v) {
                    (Some(Slot::Scalar { ptr, .. }), Value::Scalar(v)) => {
                        self.b.build_store(*ptr, v)?;
                    }
                    (Some(Slot::Array { ptr, len, .. }), Value::Array(a)) => {
                        self.b.build_store(*ptr, a.ptr)?;
                        self.b.build_store(*len, a.len)?;
                    }
                    (Some(Slot::Nothing), _) | (_, Value::Nothing) => {}
                    (Some(Slot::Unsupported), _) => {
                        return Err(err("a variable of this type cannot be used in cuda kernels", span))
                    }
                    _ => return Err(err("internal error: store of a value of the wrong kind", span)),
                }
            }
            Statement::IndexStore { base, index, value } => {
                let array = self.array(*base, span)?;
                let index = self.int_value(*index, span)?;
                let value = self.scalar(*value, span)?;
                let (ptr, mem) = self.element(array, index, span)?;
                let stored = match value {
                    BasicValueEnum::IntValue(flag) if array.elem == Scalar::BOOL => {
                        self.b.build_int_z_extend(flag, self.ctx.i8_type(), "")?.into()
                    }
                    _ => value,
                };
                if stored.get_type() != mem {
                    return Err(err("internal error: stored value does not match the array's elements", span));
                }
                self.b.build_store(ptr, stored)?;
            }
            Statement::Raise { .. } => {
                let site = *self
                    .sites
                    .get(&(statement as *const Statement))
                    .ok_or_else(|| err("internal error: unnumbered error site", span))?;
                let k = self.ctx.i32_type().const_int(u64::from(site), false);
                // The lowest failing site wins, whatever the order the threads fail in.
                self.b.build_atomicrmw(AtomicRMWBinOp::UMin, self.error_word, k, AtomicOrdering::Monotonic)?;
                self.b.build_return(None)?;
            }
            Statement::Barrier => self.barrier()?,
            other => {
                return Err(err(
                    format!("{} is not supported in cuda kernels", kiln_ir::kernel::describe_statement(other)),
                    span,
                ))
            }
        }
        Ok(())
    }

    /// A pointer to element `index` (known to be in `0..len`) and the element's memory type.
    fn element(
        &self,
        array: Array<'ctx>,
        index: IntValue<'ctx>,
        span: Span,
    ) -> Result<(PointerValue<'ctx>, BasicTypeEnum<'ctx>), PtxError> {
        let mem = memory_type(self.ctx, array.elem).ok_or_else(|| err("unsupported array element type", span))?;
        let index = if index.get_type().get_bit_width() == 64 {
            index
        } else {
            self.b.build_int_s_extend(index, self.ctx.i64_type(), "")?
        };
        // SAFETY (of the GEP): the lowering checked `0 <= index < len` before this access.
        let ptr = unsafe { self.b.build_in_bounds_gep(mem, array.ptr, &[index], "elem")? };
        Ok((ptr, mem))
    }

    // ----- expressions -------------------------------------------------------------------

    fn expression(&mut self, h: Handle<Expression>) -> Result<Value<'ctx>, PtxError> {
        let span = self.func.expressions.span(h);
        let e = &self.func.expressions[h];
        let v: BasicValueEnum<'ctx> = match e {
            Expression::Literal(l) => match self.literal(l) {
                Some(v) => v,
                None => return Ok(Value::Nothing),
            },
            Expression::Param(i) => {
                return self
                    .params
                    .get(*i as usize)
                    .copied()
                    .ok_or_else(|| err(format!("parameter {i} out of range"), span))
            }
            Expression::Load(local) => match self.locals.get(local.index()) {
                Some(Slot::Scalar { ptr, ty }) => self.b.build_load(*ty, *ptr, "")?,
                Some(Slot::Array { ptr, len, space, elem }) => {
                    let p = self.b.build_load(self.ctx.ptr_type(AddressSpace::from(*space)), *ptr, "")?;
                    let n = self.b.build_load(self.ctx.i64_type(), *len, "")?;
                    return Ok(Value::Array(Array {
                        ptr: p.into_pointer_value(),
                        len: n.into_int_value(),
                        elem: *elem,
                    }));
                }
                Some(Slot::Nothing) => return Ok(Value::Nothing),
                _ => return Err(err("a variable of this type cannot be used in cuda kernels", span)),
            },
            Expression::SharedArray(s) => {
                let a = self.shared.get(s.index()).copied().ok_or_else(|| err("shared array out of range", span))?;
                return Ok(Value::Array(a));
            }
            Expression::Unary { op, arg } => {
                let a = self.scalar(*arg, span)?;
                match (op, a) {
                    (UnaryOp::Neg, BasicValueEnum::FloatValue(x)) => self.b.build_float_neg(x, "")?.into(),
                    // Wraps: the lowering raised for MIN already.
                    (UnaryOp::Neg, BasicValueEnum::IntValue(x)) => self.b.build_int_neg(x, "")?.into(),
                    (UnaryOp::Not | UnaryOp::BitNot, BasicValueEnum::IntValue(x)) => self.b.build_not(x, "")?.into(),
                    _ => return Err(err(format!("{op:?} of this type is not supported in cuda kernels"), span)),
                }
            }
            Expression::Binary { op, left, right } => {
                let s = self.expr_scalar(*left, span)?;
                let l = self.scalar(*left, span)?;
                let r = self.scalar(*right, span)?;
                math::binary(self, *op, s, l, r, span)?
            }
            Expression::Compare { op, left, right } => {
                let s = self.expr_scalar(*left, span)?;
                let l = self.scalar(*left, span)?;
                let r = self.scalar(*right, span)?;
                self.compare(*op, s, l, r)?.into()
            }
            Expression::Select { condition, accept, reject } => {
                let c = self.bool_value(*condition, span)?;
                match (self.value(*accept, span)?, self.value(*reject, span)?) {
                    (Value::Scalar(a), Value::Scalar(r)) => self.b.build_select(c, a, r, "")?,
                    (Value::Array(a), Value::Array(r)) if a.ptr.get_type() == r.ptr.get_type() => {
                        let ptr = self.b.build_select(c, a.ptr, r.ptr, "")?.into_pointer_value();
                        let len = self.b.build_select(c, a.len, r.len, "")?.into_int_value();
                        return Ok(Value::Array(Array { ptr, len, elem: a.elem }));
                    }
                    (Value::Nothing, Value::Nothing) => return Ok(Value::Nothing),
                    _ => return Err(err("choosing between values of different kinds", span)),
                }
            }
            Expression::Cast { value, to, .. } => {
                let from = self.expr_scalar(*value, span)?;
                let v = self.scalar(*value, span)?;
                self.cast(v, from, *to, span)?
            }
            Expression::Math { function, args } => {
                let args = args.iter().map(|a| self.scalar(*a, span)).collect::<Result<Vec<_>, _>>()?;
                let result = self.expr_scalar(h, span)?;
                math::math_function(self, *function, &args, result, span)?
            }
            Expression::Len { value } => self.array(*value, span)?.len.into(),
            Expression::Index { base, index } => {
                let array = self.array(*base, span)?;
                let index = self.int_value(*index, span)?;
                let (ptr, mem) = self.element(array, index, span)?;
                let v = self.b.build_load(mem, ptr, "")?;
                if array.elem == Scalar::BOOL {
                    let byte = v.into_int_value();
                    self.b.build_int_compare(IntPredicate::NE, byte, byte.get_type().const_zero(), "")?.into()
                } else {
                    v
                }
            }
            Expression::GpuBuiltin(g) => {
                let (group, axis) = match *g {
                    GpuBuiltin::ThreadIndex(a) => ("tid", a),
                    GpuBuiltin::BlockIndex(a) => ("ctaid", a),
                    GpuBuiltin::BlockDim(a) => ("ntid", a),
                    GpuBuiltin::GridDim(a) => ("nctaid", a),
                };
                let axis = match axis {
                    Axis::X => "x",
                    Axis::Y => "y",
                    Axis::Z => "z",
                };
                self.special_register(&format!("{group}.{axis}"))?.into()
            }
            Expression::Atomic { op, array, index, value } => {
                let array = self.array(*array, span)?;
                let index = self.int_value(*index, span)?;
                let value = self.scalar(*value, span)?;
                self.atomic(*op, array, index, value, span)?
            }
            other => {
                return Err(err(
                    format!("{} is not supported in cuda kernels", kiln_ir::kernel::describe_expression(other)),
                    span,
                ))
            }
        };
        Ok(Value::Scalar(v))
    }

    fn literal(&self, l: &Literal) -> Option<BasicValueEnum<'ctx>> {
        let c = self.ctx;
        Some(match *l {
            Literal::Bool(v) => c.bool_type().const_int(u64::from(v), false).into(),
            Literal::I32(v) => c.i32_type().const_int(v as u64, true).into(),
            Literal::I64(v) => c.i64_type().const_int(v as u64, true).into(),
            Literal::U32(v) => c.i32_type().const_int(u64::from(v), false).into(),
            Literal::F32(v) => c.f32_type().const_float(f64::from(v)).into(),
            Literal::F64(v) => c.f64_type().const_float(v).into(),
            // A string only ever is a `Raise` message (the error site carries it).
            Literal::None | Literal::Str(_) => return None,
        })
    }

    fn compare(
        &self,
        op: CompareOp,
        s: Scalar,
        l: BasicValueEnum<'ctx>,
        r: BasicValueEnum<'ctx>,
    ) -> Result<IntValue<'ctx>, PtxError> {
        if let (BasicValueEnum::FloatValue(l), BasicValueEnum::FloatValue(r)) = (l, r) {
            let pred = match op {
                CompareOp::Eq => FloatPredicate::OEQ,
                // `nan != x` is true.
                CompareOp::Ne => FloatPredicate::UNE,
                CompareOp::Lt => FloatPredicate::OLT,
                CompareOp::Le => FloatPredicate::OLE,
                CompareOp::Gt => FloatPredicate::OGT,
                CompareOp::Ge => FloatPredicate::OGE,
            };
            return Ok(self.b.build_float_compare(pred, l, r, "")?);
        }
        // `False < True`: bools compare as unsigned.
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
        match (l, r) {
            (BasicValueEnum::IntValue(l), BasicValueEnum::IntValue(r)) => {
                Ok(self.b.build_int_compare(pred, l, r, "")?)
            }
            _ => Err(err("internal error: comparison of values of different types", Span::UNDEFINED)),
        }
    }

    /// Python's conversions; float → int truncates (the lowering raised for NaN, infinities
    /// and values outside the target's range).
    fn cast(
        &self,
        v: BasicValueEnum<'ctx>,
        from: Scalar,
        to: Scalar,
        span: Span,
    ) -> Result<BasicValueEnum<'ctx>, PtxError> {
        if from == to {
            return Ok(v);
        }
        let target = scalar_type(self.ctx, to)
            .ok_or_else(|| err(format!("conversion to {to} is not supported in cuda kernels"), span))?;
        // The value has the LLVM type of `from` (so the conversions below are well-typed).
        if scalar_type(self.ctx, from) != Some(v.get_type()) {
            return Err(err(format!("internal error: a {from} value of another type"), span));
        }
        let b = &self.b;
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
            (ScalarKind::Float, ScalarKind::Sint) => {
                b.build_float_to_signed_int(v.into_float_value(), target.into_int_type(), "")?.into()
            }
            (ScalarKind::Float, ScalarKind::Uint) => {
                b.build_float_to_unsigned_int(v.into_float_value(), target.into_int_type(), "")?.into()
            }
            (ScalarKind::Sint, ScalarKind::Float) => {
                b.build_signed_int_to_float(v.into_int_value(), target.into_float_type(), "")?.into()
            }
            (ScalarKind::Bool | ScalarKind::Uint, ScalarKind::Float) => {
                b.build_unsigned_int_to_float(v.into_int_value(), target.into_float_type(), "")?.into()
            }
            (_, ScalarKind::Bool) => {
                let v = v.into_int_value();
                b.build_int_compare(IntPredicate::NE, v, v.get_type().const_zero(), "")?.into()
            }
            (kind, _) => {
                let (v, t) = (v.into_int_value(), target.into_int_type());
                let (from_bits, to_bits) = (v.get_type().get_bit_width(), t.get_bit_width());
                if from_bits > to_bits {
                    b.build_int_truncate(v, t, "")?.into()
                } else if from_bits == to_bits {
                    v.into()
                } else if kind == ScalarKind::Sint {
                    b.build_int_s_extend(v, t, "")?.into()
                } else {
                    b.build_int_z_extend(v, t, "")?.into()
                }
            }
        })
    }

    /// `array[index] op= value` atomically; the old element. Int add/min/max and float add
    /// are single `atom` instructions; float min/max are a compare-and-swap loop on the bits
    /// (PTX has no float `atom.min`/`atom.max` before sm_90).
    fn atomic(
        &mut self,
        op: AtomicOp,
        array: Array<'ctx>,
        index: IntValue<'ctx>,
        value: BasicValueEnum<'ctx>,
        span: Span,
    ) -> Result<BasicValueEnum<'ctx>, PtxError> {
        if array.elem == Scalar::BOOL {
            return Err(err("atomic operations on bool arrays are not supported", span));
        }
        let (ptr, _) = self.element(array, index, span)?;
        // Relaxed, as CUDA's `atomicAdd`: the operation is atomic, it orders nothing else.
        let ordering = AtomicOrdering::Monotonic;
        let v = match value {
            BasicValueEnum::IntValue(v) => {
                let rmw = match (op, array.elem.kind == ScalarKind::Uint) {
                    (AtomicOp::Add, _) => AtomicRMWBinOp::Add,
                    (AtomicOp::Min, false) => AtomicRMWBinOp::Min,
                    (AtomicOp::Max, false) => AtomicRMWBinOp::Max,
                    (AtomicOp::Min, true) => AtomicRMWBinOp::UMin,
                    (AtomicOp::Max, true) => AtomicRMWBinOp::UMax,
                };
                return Ok(self.b.build_atomicrmw(rmw, ptr, v, ordering)?.into());
            }
            BasicValueEnum::FloatValue(v) => v,
            _ => return Err(err("internal error: atomic operand", span)),
        };
        if op == AtomicOp::Add {
            use inkwell::llvm_sys::core::LLVMBuildAtomicRMW;
            use inkwell::llvm_sys::{LLVMAtomicOrdering, LLVMAtomicRMWBinOp};
            self.current_block()?;
            // SAFETY: inkwell's `build_atomicrmw` only takes ints; this is the same C call
            // with `fadd`, on a positioned builder, a pointer to an element of `v`'s type
            // (the array's element) and a float operand: a well-formed `atomicrmw fadd`.
            let raw = unsafe {
                LLVMBuildAtomicRMW(
                    self.b.as_mut_ptr(),
                    LLVMAtomicRMWBinOp::LLVMAtomicRMWBinOpFAdd,
                    ptr.as_value_ref(),
                    v.as_value_ref(),
                    LLVMAtomicOrdering::LLVMAtomicOrderingMonotonic,
                    0,
                )
            };
            // SAFETY: `raw` is the instruction just built; its type is `v`'s float type.
            return Ok(unsafe { FloatValue::new(raw) }.into());
        }
        let float_ty = v.get_type();
        let bits_ty = int_type(self.ctx, array.elem.width).ok_or_else(|| err("internal error: float width", span))?;
        let start = self.current_block()?;
        let initial = self.b.build_load(bits_ty, ptr, "old.bits")?;
        if let Some(load) = initial.as_instruction_value() {
            // Atomic, so that racing with other threads' atomics is defined.
            load.set_atomic_ordering(AtomicOrdering::Monotonic)
                .map_err(|e| err(format!("internal error: atomic load: {e:?}"), span))?;
        }
        let retry = self.new_block("atomic.retry");
        let done = self.new_block("atomic.done");
        self.b.build_unconditional_branch(retry)?;
        self.b.position_at_end(retry);
        let phi = self.b.build_phi(bits_ty, "expected")?;
        phi.add_incoming(&[(&initial, start)]);
        let expected = phi.as_basic_value().into_int_value();
        let old = self.b.build_bit_cast(expected, float_ty, "old")?.into_float_value();
        // As the CPU backend: the new value replaces the old when it compares below (min) or
        // above (max); a NaN operand never does.
        let pred = if op == AtomicOp::Min { FloatPredicate::OLT } else { FloatPredicate::OGT };
        let take = self.b.build_float_compare(pred, v, old, "")?;
        let new = self.b.build_select(take, v, old, "")?.into_float_value();
        let new_bits = self.b.build_bit_cast(new, bits_ty, "")?.into_int_value();
        let pair = self.b.build_cmpxchg(ptr, expected, new_bits, ordering, ordering)?;
        let seen = self.b.build_extract_value(pair, 0, "seen")?.into_int_value();
        let ok = self.b.build_extract_value(pair, 1, "ok")?.into_int_value();
        phi.add_incoming(&[(&seen, self.current_block()?)]);
        self.b.build_conditional_branch(ok, done, retry)?;
        self.b.position_at_end(done);
        Ok(self.b.build_bit_cast(expected, float_ty, "old")?)
    }
}
