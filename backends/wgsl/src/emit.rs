//! Kernel IR statements and expressions → the naga entry point.
//!
//! The walk is one-to-one: an IR `Emit` becomes naga expressions built (and emitted) at the
//! same place, IR blocks become naga blocks, IR locals become function variables. Values of
//! array-view type have no run-time representation: they are resolved at compile time to the
//! global variable of the array they denote ([`ArrayRoot`]).

use kiln_ir::{
    Axis, BinaryOp, Block, CompareOp, Expression, Function, FunctionInfo, GpuBuiltin, Handle, Literal, Scalar,
    ScalarKind, Span, Statement, Type, UnaryOp,
};
use naga::{BinaryOperator as Bo, Expression as NE, ScalarKind as NK};

use crate::builder::{Expr, FnBuilder};
use crate::layout::{naga_scalar, ArrayDecl, ArrayLen, ArrayRoot, ElemRepr, Layout, ParamSlot};
use crate::math::{self, MathLib};
use crate::KernelError;

/// What an IR expression turned into.
#[derive(Clone, Copy)]
enum Value {
    Scalar(Expr),
    Array(ArrayRoot),
    /// A value with no run-time form on the GPU: the message string of a `Raise` (the
    /// runtime has the messages; the kernel only records the site's number).
    Absent,
}

pub(crate) struct Lowerer<'a, 'm> {
    ir: &'a kiln_ir::Module,
    func: &'a Function,
    info: &'a FunctionInfo,
    layout: &'a Layout,
    pub b: FnBuilder<'m>,
    lib: &'a mut MathLib,
    values: Vec<Option<Value>>,
    locals: Vec<Option<Expr>>,
    params: Vec<Option<Expr>>,
    /// The next error site's number (sites are numbered in pre-order, as the walk meets them).
    next_site: u32,
    /// `gpu.thread`, `gpu.block`, `gpu.block.dim`, `gpu.grid.dim` (x, y, z each), loaded once
    /// at the top: lavapipe miscompiles loops that read the launch buffer after a barrier.
    builtins: [[Expr; 3]; 4],
}

fn err(message: impl Into<String>, span: Span) -> KernelError {
    KernelError { message: message.into(), span }
}

impl<'a, 'm> Lowerer<'a, 'm> {
    pub fn new(
        ir: &'a kiln_ir::Module,
        func: &'a Function,
        info: &'a FunctionInfo,
        layout: &'a Layout,
        mut b: FnBuilder<'m>,
        lib: &'a mut MathLib,
    ) -> Result<Self, KernelError> {
        let local_id = b.expr(NE::FunctionArgument(0));
        let group_id = b.expr(NE::FunctionArgument(1));
        // Locals: function variables, except array views (resolved statically).
        let mut locals = Vec::with_capacity(func.locals.len());
        for (_, l) in func.locals.iter() {
            locals.push(func_scalar(ir, l.ty).map(|s| b.local(&l.name, naga_scalar(s))));
        }
        // Scalar parameters: loaded from the Launch struct once, at the top.
        let mut params = Vec::with_capacity(func.params.len());
        for slot in &layout.params {
            params.push(match *slot {
                ParamSlot::Scalar { member, scalar } => {
                    let launch = b.expr(NE::GlobalVariable(layout.launch));
                    let ptr = b.access_index(launch, member);
                    let v = b.load(ptr);
                    Some(if scalar == Scalar::BOOL {
                        let zero = b.u32(0);
                        b.ne(v, zero)
                    } else {
                        v
                    })
                }
                ParamSlot::Array(_) => None,
            });
        }
        let mut lowerer = Lowerer {
            ir,
            func,
            info,
            layout,
            b,
            lib,
            values: vec![None; func.expressions.len()],
            locals,
            params,
            next_site: 0,
            builtins: [[local_id; 3]; 4],
        };
        for (i, axis) in [Axis::X, Axis::Y, Axis::Z].into_iter().enumerate() {
            let thread = lowerer.b.access_index(local_id, axis_index(axis));
            lowerer.builtins[0][i] = lowerer.widen(thread);
            // Large grids are split into several dispatches: the runtime passes the first
            // block of this dispatch.
            let group = lowerer.b.access_index(group_id, axis_index(axis));
            let group = lowerer.widen(group);
            let offset = lowerer.launch_dim(layout.block_offset, axis);
            lowerer.builtins[1][i] = lowerer.b.add(group, offset);
            lowerer.builtins[2][i] = lowerer.launch_dim(layout.block_dim, axis);
            lowerer.builtins[3][i] = lowerer.launch_dim(layout.grid_dim, axis);
        }
        Ok(lowerer)
    }

    /// Lowers the kernel body; returns the number of error sites met.
    pub fn body(&mut self) -> Result<u32, KernelError> {
        self.statements(&self.func.body)?;
        Ok(self.next_site)
    }

    fn statements(&mut self, block: &Block) -> Result<(), KernelError> {
        for (s, span) in block.iter() {
            self.statement(s, span)?;
        }
        Ok(())
    }

    /// An IR block as a naga block. (`FnBuilder::block` takes a closure over the builder
    /// only; lowering needs the whole lowerer, so the block is opened and closed by hand.)
    fn nested(&mut self, block: &Block) -> Result<naga::Block, KernelError> {
        let outer = self.b.open_block();
        let r = self.statements(block);
        let inner = self.b.close_block(outer);
        r.map(|()| inner)
    }

    fn statement(&mut self, s: &Statement, span: Span) -> Result<(), KernelError> {
        match s {
            Statement::Emit(range) => {
                for h in range.iter() {
                    let v = self.expression(h)?;
                    self.values[h.index()] = Some(v);
                }
            }
            Statement::Block(block) => {
                let inner = self.nested(block)?;
                self.b.stmt(naga::Statement::Block(inner));
            }
            Statement::If { condition, accept, reject } => {
                let condition = self.scalar(*condition, span)?;
                let accept = self.nested(accept)?;
                let reject = self.nested(reject)?;
                self.b.stmt(naga::Statement::If { condition, accept, reject });
            }
            Statement::Loop { body } => {
                let body = self.nested(body)?;
                self.b.stmt(naga::Statement::Loop { body, continuing: naga::Block::new(), break_if: None });
            }
            Statement::Break => self.b.stmt(naga::Statement::Break),
            Statement::Continue => self.b.stmt(naga::Statement::Continue),
            Statement::Return { value: None } => self.b.ret(None),
            Statement::Return { value: Some(_) } => return Err(err("a kernel cannot return a value", span)),
            Statement::Store { local, value } => {
                // Stores of array views were resolved by the layout analysis.
                if let Some(ptr) = self.locals.get(local.index()).copied().flatten() {
                    let v = self.scalar(*value, span)?;
                    self.b.store(ptr, v);
                }
            }
            Statement::IndexStore { base, index, value } => {
                let root = self.array(*base, span)?;
                let decl = self.decl(root);
                let index = self.scalar(*index, span)?;
                let value = self.scalar(*value, span)?;
                let ptr = self.elem_ptr(decl, index);
                let encoded = self.encode(decl.repr, value);
                self.b.store(ptr, encoded);
            }
            Statement::Raise { .. } => {
                // Error site k: record the smallest failing site, then end the thread — unless
                // the kernel has barriers, which must stay in uniform control flow: then the
                // thread goes on (the checks before each operation keep failing harmlessly,
                // and wgpu's bounds-check policy keeps memory accesses in range).
                let site = self.next_site;
                self.next_site += 1;
                let word = self.b.expr(NE::GlobalVariable(self.layout.error));
                let ptr = self.b.access_index(word, 0);
                let value = self.b.u32(site);
                self.b.stmt(naga::Statement::Atomic {
                    pointer: ptr,
                    fun: naga::AtomicFunction::Min,
                    value,
                    result: None,
                });
                if !self.layout.has_barrier {
                    self.b.ret(None);
                }
            }
            Statement::Barrier => {
                // `syncthreads` orders both shared and global memory within the block.
                self.b.stmt(naga::Statement::ControlBarrier(naga::Barrier::STORAGE | naga::Barrier::WORK_GROUP));
            }
            other => {
                return Err(err(
                    format!("{} is not supported in GPU kernels", kiln_ir::kernel::describe_statement(other)),
                    span,
                ));
            }
        }
        Ok(())
    }

    // ---- values --------------------------------------------------------------------------

    fn value(&self, h: Handle<Expression>, span: Span) -> Result<Value, KernelError> {
        self.values
            .get(h.index())
            .copied()
            .flatten()
            .ok_or_else(|| err(format!("internal error: expression {h:?} used before it was lowered"), span))
    }

    fn scalar(&self, h: Handle<Expression>, span: Span) -> Result<Expr, KernelError> {
        match self.value(h, span)? {
            Value::Scalar(e) => Ok(e),
            Value::Array(_) => Err(err("an array is used where a scalar is expected", span)),
            Value::Absent => Err(err("strings and None are not supported in GPU kernels", span)),
        }
    }

    fn array(&self, h: Handle<Expression>, span: Span) -> Result<ArrayRoot, KernelError> {
        match self.value(h, span)? {
            Value::Array(r) => Ok(r),
            Value::Scalar(_) => Err(err("a scalar is used where an array is expected", span)),
            Value::Absent => Err(err("strings and None are not supported in GPU kernels", span)),
        }
    }

    /// The values of an operation's operands. When all are compile-time constants in WGSL,
    /// the first is pinned to run time (see [`FnBuilder::pin`]), so WGSL never has to fold
    /// the operation.
    fn operands(&mut self, hs: &[Handle<Expression>], span: Span) -> Result<Vec<Expr>, KernelError> {
        let mut vs = hs.iter().map(|h| self.scalar(*h, span)).collect::<Result<Vec<_>, _>>()?;
        if let (Some(&first), Some(&h)) = (vs.first(), hs.first()) {
            if vs.iter().all(|v| self.b.is_const(*v)) {
                let s = naga_scalar(self.scalar_of(h, span)?);
                vs[0] = self.b.pin(first, s);
            }
        }
        Ok(vs)
    }

    /// The IR scalar type of an expression.
    fn scalar_of(&self, h: Handle<Expression>, span: Span) -> Result<Scalar, KernelError> {
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

    fn decl(&self, root: ArrayRoot) -> ArrayDecl {
        match root {
            ArrayRoot::Param(k) => self.layout.arrays[k],
            ArrayRoot::Shared(h) => self.layout.shared[h.index()],
        }
    }

    /// Pointer to element `index` (an `i64` known to be in range) of an array.
    fn elem_ptr(&mut self, decl: ArrayDecl, index: Expr) -> Expr {
        let base = self.b.expr(NE::GlobalVariable(decl.global));
        let index = self.b.pin(index, naga::Scalar::I64);
        let index = self.b.convert(index, NK::Uint, 4);
        self.b.access(base, index)
    }

    /// A stored element (loaded with `atomicLoad` when the array is atomic) as its IR value.
    fn decode(&mut self, repr: ElemRepr, stored: Expr) -> Expr {
        match repr {
            ElemRepr::Plain(_) | ElemRepr::AtomicInt(_) => stored,
            ElemRepr::BoolU32 => {
                let zero = self.b.u32(0);
                self.b.ne(stored, zero)
            }
            ElemRepr::AtomicFloatBits { .. } => self.b.bitcast(stored, NK::Float),
        }
    }

    fn encode(&mut self, repr: ElemRepr, value: Expr) -> Expr {
        match repr {
            ElemRepr::Plain(_) | ElemRepr::AtomicInt(_) => value,
            ElemRepr::BoolU32 => self.b.bool_to(value, naga::Scalar::U32),
            ElemRepr::AtomicFloatBits { .. } => self.b.bitcast(value, NK::Uint),
        }
    }

    fn launch_member(&mut self, member: u32) -> Expr {
        let launch = self.b.expr(NE::GlobalVariable(self.layout.launch));
        let ptr = self.b.access_index(launch, member);
        self.b.load(ptr)
    }

    /// `launch.<dims>[axis]` as an `i64`.
    fn launch_dim(&mut self, member: u32, axis: Axis) -> Expr {
        let launch = self.b.expr(NE::GlobalVariable(self.layout.launch));
        let arr = self.b.access_index(launch, member);
        let ptr = self.b.access_index(arr, axis_index(axis));
        let v = self.b.load(ptr);
        self.widen(v)
    }

    /// A `u32` as `i64`, through `u64`: lavapipe miscompiles comparisons of a direct
    /// `i64(u32)` conversion with a constant (`i64(local_id.x) >= 3li` is true for 0).
    fn widen(&mut self, v: Expr) -> Expr {
        let wide = self.b.convert(v, NK::Uint, 8);
        self.b.bitcast(wide, NK::Sint)
    }

    // ---- expressions ---------------------------------------------------------------------

    fn expression(&mut self, h: Handle<Expression>) -> Result<Value, KernelError> {
        let span = self.func.expressions.span(h);
        let e = &self.func.expressions[h];
        let v = match e {
            // Raise messages: used by nothing the GPU runs.
            Expression::Literal(Literal::Str(_) | Literal::None) => return Ok(Value::Absent),
            Expression::Literal(l) => self.literal(l, span)?,
            Expression::Param(i) => match self.layout.params.get(*i as usize) {
                Some(ParamSlot::Array(k)) => return Ok(Value::Array(ArrayRoot::Param(*k))),
                Some(ParamSlot::Scalar { .. }) => self.params[*i as usize]
                    .ok_or_else(|| err("internal error: scalar parameter without a value", span))?,
                None => return Err(err(format!("parameter {i} out of range"), span)),
            },
            Expression::Load(local) => {
                match self.locals.get(local.index()).copied().flatten() {
                    Some(ptr) => self.b.load(ptr),
                    None => {
                        let root =
                            self.layout.local_roots.get(local).copied().ok_or_else(|| {
                                err("an array variable is read before any array is stored in it", span)
                            })?;
                        return Ok(Value::Array(root));
                    }
                }
            }
            Expression::SharedArray(s) => return Ok(Value::Array(ArrayRoot::Shared(*s))),
            Expression::Unary { op, arg } => {
                let a = self.operands(&[*arg], span)?[0];
                let op = match op {
                    UnaryOp::Neg => naga::UnaryOperator::Negate,
                    UnaryOp::Not => naga::UnaryOperator::LogicalNot,
                    UnaryOp::BitNot => naga::UnaryOperator::BitwiseNot,
                };
                self.b.expr(NE::Unary { op, expr: a })
            }
            Expression::Binary { op, left, right } => {
                let s = self.scalar_of(*left, span)?;
                let [l, r] = self.operands(&[*left, *right], span)?[..] else { unreachable!("two operands") };
                self.binary(*op, s, l, r, span)?
            }
            Expression::Compare { op, left, right } => {
                let s = self.scalar_of(*left, span)?;
                let [mut l, mut r] = self.operands(&[*left, *right], span)?[..] else { unreachable!("two operands") };
                let op = match op {
                    CompareOp::Eq => Bo::Equal,
                    CompareOp::Ne => Bo::NotEqual,
                    CompareOp::Lt => Bo::Less,
                    CompareOp::Le => Bo::LessEqual,
                    CompareOp::Gt => Bo::Greater,
                    CompareOp::Ge => Bo::GreaterEqual,
                };
                if s.is_float() && op == Bo::NotEqual {
                    // IEEE: NaN != NaN (naga's float `!=` is ordered).
                    return Ok(Value::Scalar(self.b.fne(l, r)));
                }
                if s == Scalar::BOOL && !matches!(op, Bo::Equal | Bo::NotEqual) {
                    // WGSL orders numbers only: False < True as 0 < 1.
                    l = self.b.bool_to(l, naga::Scalar::U32);
                    r = self.b.bool_to(r, naga::Scalar::U32);
                }
                self.b.bin(op, l, r)
            }
            Expression::Select { condition, accept, reject } => {
                match (self.value(*accept, span)?, self.value(*reject, span)?) {
                    (Value::Scalar(_), Value::Scalar(_)) => {
                        let [c, a, r] = self.operands(&[*condition, *accept, *reject], span)?[..] else {
                            unreachable!("three operands")
                        };
                        self.b.select(c, a, r)
                    }
                    (Value::Array(a), Value::Array(r)) if a == r => return Ok(Value::Array(a)),
                    (Value::Absent, _) | (_, Value::Absent) => return Ok(Value::Absent),
                    _ => return Err(err("choosing between arrays at run time is not supported in GPU kernels", span)),
                }
            }
            Expression::Cast { value, to, .. } => {
                let from = self.scalar_of(*value, span)?;
                let v = self.operands(&[*value], span)?[0];
                self.cast(v, from, *to, span)?
            }
            Expression::Math { function, args } => {
                let s = match args.first() {
                    Some(a) => self.scalar_of(*a, span)?,
                    None => return Err(err("math function without arguments", span)),
                };
                // Constant arguments are pinned: the math helpers combine them with other
                // constants (`abs(3.0lf)`), which naga's WGSL front end cannot fold.
                let args = self.operands(args, span)?;
                let args: Vec<_> = args.into_iter().map(|a| self.b.pin(a, naga_scalar(s))).collect();
                math::math_function(&mut self.b, self.lib, *function, naga_scalar(s), &args, span)?
            }
            Expression::Len { value } => {
                let root = self.array(*value, span)?;
                match self.decl(root).len {
                    ArrayLen::Launch(member) => self.launch_member(member),
                    ArrayLen::Const(n) => self.b.i64(n.into()),
                }
            }
            Expression::Index { base, index } => {
                let root = self.array(*base, span)?;
                let decl = self.decl(root);
                let index = self.scalar(*index, span)?;
                let ptr = self.elem_ptr(decl, index);
                let stored = self.b.load(ptr);
                self.decode(decl.repr, stored)
            }
            Expression::GpuBuiltin(g) => {
                let (group, axis) = match *g {
                    GpuBuiltin::ThreadIndex(a) => (0, a),
                    GpuBuiltin::BlockIndex(a) => (1, a),
                    GpuBuiltin::BlockDim(a) => (2, a),
                    GpuBuiltin::GridDim(a) => (3, a),
                };
                self.builtins[group][axis_index(axis) as usize]
            }
            Expression::Atomic { op, array, index, value } => {
                let root = self.array(*array, span)?;
                let decl = self.decl(root);
                let index = self.scalar(*index, span)?;
                let value = self.scalar(*value, span)?;
                let ptr = self.elem_ptr(decl, index);
                self.atomic(*op, decl, ptr, value, span)?
            }
            other => {
                return Err(err(
                    format!("{} is not supported in GPU kernels", kiln_ir::kernel::describe_expression(other)),
                    span,
                ));
            }
        };
        Ok(Value::Scalar(v))
    }

    fn literal(&mut self, l: &Literal, span: Span) -> Result<Expr, KernelError> {
        Ok(match *l {
            Literal::Bool(v) => self.b.bool(v),
            Literal::I32(v) => self.b.i32(v),
            Literal::I64(v) => self.b.i64(v),
            Literal::U32(v) => self.b.u32(v),
            Literal::F32(v) => self.b.float(4, v.into()),
            Literal::F64(v) => self.b.f64(v),
            Literal::None | Literal::Str(_) => {
                return Err(err("only numbers and bools can be constants in GPU kernels", span))
            }
        })
    }

    fn binary(&mut self, op: BinaryOp, s: Scalar, l: Expr, r: Expr, span: Span) -> Result<Expr, KernelError> {
        let b = &mut self.b;
        let float = s.is_float();
        let boolean = s == Scalar::BOOL;
        Ok(match op {
            // Kernel int arithmetic wraps: the lowering made the overflow checks explicit.
            BinaryOp::Add | BinaryOp::WrappingAdd => b.add(l, r),
            BinaryOp::Sub => b.sub(l, r),
            BinaryOp::Mul => b.mul(l, r),
            BinaryOp::Div if float => b.div(l, r),
            BinaryOp::FloorDiv if float => math::float_floordiv(b, self.lib, naga_scalar(s), l, r),
            BinaryOp::Mod if float => math::float_mod(b, self.lib, naga_scalar(s), l, r),
            BinaryOp::FloorDiv if s.kind == ScalarKind::Uint => b.div(l, r),
            BinaryOp::Mod if s.kind == ScalarKind::Uint => b.rem(l, r),
            BinaryOp::FloorDiv if s.is_int() => math::int_floordiv(b, naga_scalar(s), l, r),
            BinaryOp::Mod if s.is_int() => math::int_mod(b, naga_scalar(s), l, r),
            BinaryOp::Pow if float => {
                // Constant operands are pinned (see `Expression::Math`).
                let (l, r) = (b.pin(l, naga_scalar(s)), b.pin(r, naga_scalar(s)));
                math::pow(b, self.lib, naga_scalar(s), l, r, span)?
            }
            BinaryOp::BitAnd if boolean => b.land(l, r),
            BinaryOp::BitOr if boolean => b.lor(l, r),
            BinaryOp::BitXor if boolean => b.ne(l, r),
            BinaryOp::BitAnd => b.and(l, r),
            BinaryOp::BitOr => b.or(l, r),
            BinaryOp::BitXor => b.xor(l, r),
            BinaryOp::Shl | BinaryOp::Shr if s.is_int() => {
                // WGSL shift counts are u32; the count is known to be in 0..64. A constant
                // count is pinned: naga's WGSL front end rejects the folded `u32(1li)`.
                let r = b.pin(r, naga_scalar(s));
                let count = b.convert(r, NK::Uint, 4);
                if op == BinaryOp::Shl {
                    b.shl(l, count)
                } else {
                    b.shr(l, count)
                }
            }
            BinaryOp::AddOverflows if s.is_int() => math::add_overflows(b, naga_scalar(s), l, r),
            BinaryOp::SubOverflows if s.is_int() => math::sub_overflows(b, naga_scalar(s), l, r),
            BinaryOp::MulOverflows if s.is_int() => math::mul_overflows(b, naga_scalar(s), l, r),
            _ => return Err(err(format!("{op:?} on {s} is not supported in GPU kernels"), span)),
        })
    }

    fn cast(&mut self, v: Expr, from: Scalar, to: Scalar, span: Span) -> Result<Expr, KernelError> {
        if from.width > 8 || to.width > 8 {
            return Err(err(format!("conversion between {from} and {to} is not supported in GPU kernels"), span));
        }
        let b = &mut self.b;
        if from == to {
            return Ok(v);
        }
        let target = naga_scalar(to);
        Ok(match (from.kind, to.kind) {
            // bool → number: 0 or 1.
            (ScalarKind::Bool, _) => b.bool_to(v, target),
            // number → bool: "is not zero".
            (_, ScalarKind::Bool) => {
                let zero = b.lit(crate::builder::zero_literal(naga_scalar(from)));
                // bool(nan) is True.
                if from.is_float() {
                    b.fne(v, zero)
                } else {
                    b.ne(v, zero)
                }
            }
            // int ↔ float (round to nearest), float → int (truncating; the value is known to be
            // in range), width changes.
            _ => b.convert(v, target.kind, target.width),
        })
    }

    fn atomic(
        &mut self,
        op: kiln_ir::AtomicOp,
        decl: ArrayDecl,
        ptr: Expr,
        value: Expr,
        span: Span,
    ) -> Result<Expr, KernelError> {
        match decl.repr {
            ElemRepr::AtomicInt(scalar) => {
                let fun = match op {
                    kiln_ir::AtomicOp::Add => naga::AtomicFunction::Add,
                    kiln_ir::AtomicOp::Min => naga::AtomicFunction::Min,
                    kiln_ir::AtomicOp::Max => naga::AtomicFunction::Max,
                };
                let ty = self.b.scalar_ty(scalar);
                let result = self.b.unemitted(NE::AtomicResult { ty, comparison: false });
                self.b.stmt(naga::Statement::Atomic { pointer: ptr, fun, value, result: Some(result) });
                Ok(result)
            }
            ElemRepr::AtomicFloatBits { float, bits } => math::float_atomic(&mut self.b, op, float, bits, ptr, value),
            _ => Err(err("internal error: atomic operation on an array not declared atomic", span)),
        }
    }
}

fn axis_index(axis: Axis) -> u32 {
    match axis {
        Axis::X => 0,
        Axis::Y => 1,
        Axis::Z => 2,
    }
}

/// The scalar of a local's type (`None` for array views).
fn func_scalar(ir: &kiln_ir::Module, ty: Handle<Type>) -> Option<Scalar> {
    match ir.types[ty] {
        Type::Scalar(s) => Some(s),
        _ => None,
    }
}
