//! A builder of hand-made kernel IR, for the GPU backends' tests and for tools: the IR the
//! frontend would produce for a kernel after `passes::lower_kernels`, written directly.

use crate::{
    AddressSpace, AtomicOp, Axis, BinaryOp, Block, CompareOp, ExceptionKind, Expression, Function, FunctionKind,
    GpuBuiltin, Handle, Literal, Local, MathFunction, Module, Param, Range, Scalar, SharedArray, Span, Statement, Type,
};

/// An expression handle.
pub type H = Handle<Expression>;

/// Builds one kernel function as `kiln_ir::passes::lower_kernels` leaves them: every
/// expression emitted where it is built, checks as explicit `If { Raise }`.
pub struct KernelBuilder {
    pub module: Module,
    pub f: Function,
    blocks: Vec<Block>,
}

impl KernelBuilder {
    pub fn new(name: &str) -> KernelBuilder {
        let mut module = Module::new();
        let none = module.types.insert(Type::None);
        let mut f = Function::new(name, name, none, Span::new(0, 0, 1));
        f.kind = FunctionKind::Kernel;
        KernelBuilder { module, f, blocks: vec![Block::new()] }
    }

    fn ty(&mut self, s: Scalar) -> Handle<Type> {
        self.module.types.insert(Type::Scalar(s))
    }

    /// A scalar parameter; returns its value.
    pub fn scalar_param(&mut self, name: &str, s: Scalar) -> H {
        let ty = self.ty(s);
        let i = self.f.params.len() as u32;
        self.f.params.push(Param { name: name.into(), ty });
        self.e(Expression::Param(i))
    }

    /// An array parameter (a global array view); returns the view.
    pub fn array_param(&mut self, name: &str, s: Scalar) -> H {
        let elem = self.ty(s);
        let ty = self.module.types.insert(Type::ArrayView { elem, space: AddressSpace::Global });
        let i = self.f.params.len() as u32;
        self.f.params.push(Param { name: name.into(), ty });
        self.e(Expression::Param(i))
    }

    /// A shared array of `len` elements; returns the view.
    pub fn shared(&mut self, s: Scalar, len: u32) -> H {
        let elem = self.ty(s);
        self.module.types.insert(Type::ArrayView { elem, space: AddressSpace::Shared });
        let h = self.f.shared.append(SharedArray { elem, len }, Span::UNDEFINED);
        self.e(Expression::SharedArray(h))
    }

    pub fn s(&mut self, st: Statement) {
        self.blocks.last_mut().expect("open block").push(st, Span::UNDEFINED);
    }

    /// Appends and emits an expression.
    pub fn e(&mut self, e: Expression) -> H {
        self.e_at(e, Span::UNDEFINED)
    }

    /// Appends and emits an expression with a span.
    pub fn e_at(&mut self, e: Expression, span: Span) -> H {
        let h = self.f.expressions.append(e, span);
        self.s(Statement::Emit(Range::new(h, self.f.expressions.next_handle())));
        h
    }

    pub fn i64(&mut self, v: i64) -> H {
        self.e(Expression::Literal(Literal::I64(v)))
    }
    pub fn f64(&mut self, v: f64) -> H {
        self.e(Expression::Literal(Literal::F64(v)))
    }
    pub fn f32(&mut self, v: f32) -> H {
        self.e(Expression::Literal(Literal::F32(v)))
    }
    pub fn bool(&mut self, v: bool) -> H {
        self.e(Expression::Literal(Literal::Bool(v)))
    }
    pub fn bin(&mut self, op: BinaryOp, left: H, right: H) -> H {
        self.e(Expression::Binary { op, left, right })
    }
    pub fn cmp(&mut self, op: CompareOp, left: H, right: H) -> H {
        self.e(Expression::Compare { op, left, right })
    }
    pub fn select(&mut self, condition: H, accept: H, reject: H) -> H {
        self.e(Expression::Select { condition, accept, reject })
    }
    pub fn cast(&mut self, value: H, to: Scalar) -> H {
        self.e(Expression::Cast { value, to, kind: crate::CastKind::Convert })
    }
    pub fn math(&mut self, function: MathFunction, args: &[H]) -> H {
        self.e(Expression::Math { function, args: args.to_vec() })
    }
    pub fn len(&mut self, value: H) -> H {
        self.e(Expression::Len { value })
    }
    pub fn index(&mut self, base: H, index: H) -> H {
        self.e(Expression::Index { base, index })
    }
    pub fn store_index(&mut self, base: H, index: H, value: H) {
        self.s(Statement::IndexStore { base, index, value })
    }
    pub fn atomic(&mut self, op: AtomicOp, array: H, index: H, value: H) -> H {
        self.e(Expression::Atomic { op, array, index, value })
    }
    pub fn builtin(&mut self, b: GpuBuiltin) -> H {
        self.e(Expression::GpuBuiltin(b))
    }
    /// `block.x * block.dim.x + thread.x`.
    pub fn global_x(&mut self) -> H {
        let bx = self.builtin(GpuBuiltin::BlockIndex(Axis::X));
        let dx = self.builtin(GpuBuiltin::BlockDim(Axis::X));
        let tx = self.builtin(GpuBuiltin::ThreadIndex(Axis::X));
        let p = self.bin(BinaryOp::Mul, bx, dx);
        self.bin(BinaryOp::Add, p, tx)
    }

    pub fn local(&mut self, name: &str, s: Scalar) -> Handle<Local> {
        let ty = self.ty(s);
        self.f.locals.append(Local { name: name.into(), ty }, Span::UNDEFINED)
    }
    /// A local holding an array view of `s` in `space`.
    pub fn array_local(&mut self, name: &str, s: Scalar, space: AddressSpace) -> Handle<Local> {
        let elem = self.ty(s);
        let ty = self.module.types.insert(Type::ArrayView { elem, space });
        self.f.locals.append(Local { name: name.into(), ty }, Span::UNDEFINED)
    }
    pub fn store(&mut self, local: Handle<Local>, value: H) {
        self.s(Statement::Store { local, value })
    }
    pub fn load(&mut self, local: Handle<Local>) -> H {
        self.e(Expression::Load(local))
    }

    fn block(&mut self, f: impl FnOnce(&mut KernelBuilder)) -> Block {
        self.blocks.push(Block::new());
        f(self);
        self.blocks.pop().expect("pushed above")
    }
    pub fn if_(
        &mut self,
        condition: H,
        accept: impl FnOnce(&mut KernelBuilder),
        reject: impl FnOnce(&mut KernelBuilder),
    ) {
        let accept = self.block(accept);
        let reject = self.block(reject);
        self.s(Statement::If { condition, accept, reject })
    }
    pub fn when(&mut self, condition: H, accept: impl FnOnce(&mut KernelBuilder)) {
        self.if_(condition, accept, |_| {})
    }
    pub fn loop_(&mut self, body: impl FnOnce(&mut KernelBuilder)) {
        let body = self.block(body);
        self.s(Statement::Loop { body })
    }
    pub fn brk(&mut self) {
        self.s(Statement::Break)
    }
    pub fn cont(&mut self) {
        self.s(Statement::Continue)
    }
    pub fn ret(&mut self) {
        self.s(Statement::Return { value: None })
    }
    /// `raise kind(message)`, the message a string literal as the lowering writes it.
    pub fn raise(&mut self, kind: ExceptionKind, message: &str) {
        let m = self.e(Expression::Literal(Literal::Str(message.into())));
        self.s(Statement::Raise { kind, message: Some(m) })
    }
    /// `if condition: raise kind(message)`: an error site.
    pub fn raise_if(&mut self, condition: H, kind: ExceptionKind, message: &str) {
        self.when(condition, |k| k.raise(kind, message))
    }
    /// `index` checked against `len(base)` with Python's negative indices, as the lowering
    /// does; the in-range index.
    pub fn checked_index(&mut self, base: H, index: H) -> H {
        let len = self.len(base);
        let zero = self.i64(0);
        let negative = self.cmp(CompareOp::Lt, index, zero);
        let from_end = self.bin(BinaryOp::Add, index, len);
        let index = self.select(negative, from_end, index);
        let below = self.cmp(CompareOp::Lt, index, zero);
        let above = self.cmp(CompareOp::Ge, index, len);
        let outside = self.bin(BinaryOp::BitOr, below, above);
        self.raise_if(outside, ExceptionKind::IndexError, "list index out of range");
        index
    }
    pub fn barrier(&mut self) {
        self.s(Statement::Barrier)
    }

    /// The finished module and the kernel's handle.
    pub fn finish(mut self) -> (Module, Handle<Function>) {
        debug_assert_eq!(self.blocks.len(), 1, "every nested block is closed");
        self.f.body = self.blocks.pop().expect("body");
        let h = self.module.functions.append(self.f, Span::UNDEFINED);
        (self.module, h)
    }
}
