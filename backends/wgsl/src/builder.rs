//! A small convenience layer over naga's function IR.
//!
//! naga keeps expressions in an arena and evaluates them when a `Statement::Emit` covering
//! their handles executes. [`FnBuilder`] keeps a [`naga::proc::Emitter`] running over the
//! function's expression arena at all times and closes the current emit range whenever a
//! statement is pushed, so every expression is evaluated exactly where it was built — the
//! same rule the kiln IR has, which is what makes the translation a straight walk.
//!
//! Expressions that naga forbids inside `Emit` ranges (literals, variables, arguments) and
//! the results of statements (`CallResult`, `AtomicResult`) are appended between two emit
//! ranges.

use naga::proc::Emitter;
use naga::{
    BinaryOperator as Bo, Block, Expression, Handle, Literal, MathFunction as Mf, Scalar, ScalarKind, Span, Statement,
    Type, TypeInner,
};

use crate::KernelError;

pub(crate) type Expr = Handle<Expression>;

/// Builds one naga function.
pub(crate) struct FnBuilder<'m> {
    pub module: &'m mut naga::Module,
    pub func: naga::Function,
    block: Block,
    emitter: Emitter,
    /// Span given to new nodes (naga spans are byte ranges into WGSL text we do not have;
    /// they stay undefined).
    span: Span,
    /// Expressions built from literals only. WGSL's front end evaluates those at compile
    /// time, and naga's evaluator cannot do everything at run time can (it has no 64-bit to
    /// 32-bit conversions, and rejects overflowing int arithmetic that kernels define to
    /// wrap), so operations on them are kept at run time with [`FnBuilder::pin`].
    constant: std::collections::HashSet<Expr>,
}

impl<'m> FnBuilder<'m> {
    pub fn new(module: &'m mut naga::Module, name: &str) -> FnBuilder<'m> {
        let func = naga::Function { name: Some(name.to_string()), ..Default::default() };
        let mut emitter = Emitter::default();
        emitter.start(&func.expressions);
        FnBuilder { module, func, block: Block::new(), emitter, span: Span::UNDEFINED, constant: Default::default() }
    }

    /// Ends construction: the function with its body.
    pub fn finish(mut self) -> naga::Function {
        self.flush();
        self.func.body = std::mem::take(&mut self.block);
        self.func
    }

    // ---- types -------------------------------------------------------------------------

    pub fn ty(&mut self, inner: TypeInner) -> Handle<Type> {
        self.module.types.insert(Type { name: None, inner }, Span::UNDEFINED)
    }

    pub fn scalar_ty(&mut self, scalar: Scalar) -> Handle<Type> {
        self.ty(TypeInner::Scalar(scalar))
    }

    // ---- expressions -------------------------------------------------------------------

    /// Closes the running emit range (pushing its `Emit`) and opens a new one.
    fn flush(&mut self) {
        if let Some((stmt, span)) = self.emitter.finish(&self.func.expressions) {
            self.block.push(stmt, span);
        }
        self.emitter.start(&self.func.expressions);
    }

    /// Appends an expression; it is evaluated here (covered by the running emit range, or
    /// kept out of it when naga requires that).
    pub fn expr(&mut self, e: Expression) -> Expr {
        let constant = match e {
            Expression::Literal(_) => true,
            Expression::Unary { expr, .. } | Expression::As { expr, .. } => self.is_const(expr),
            Expression::Binary { left, right, .. } => self.is_const(left) && self.is_const(right),
            Expression::Select { condition, accept, reject } => {
                self.is_const(condition) && self.is_const(accept) && self.is_const(reject)
            }
            Expression::Math { arg, arg1, arg2, arg3, .. } => {
                [Some(arg), arg1, arg2, arg3].into_iter().flatten().all(|a| self.is_const(a))
            }
            _ => false,
        };
        let h = if e.needs_pre_emit() { self.unemitted(e) } else { self.func.expressions.append(e, self.span) };
        if constant {
            self.constant.insert(h);
        }
        h
    }

    /// Whether WGSL would evaluate `e` at compile time.
    pub fn is_const(&self, e: Expr) -> bool {
        self.constant.contains(&e)
    }

    /// `e` (of type `scalar`) as a run-time value: through a function variable when it is a
    /// compile-time constant in WGSL.
    pub fn pin(&mut self, e: Expr, scalar: Scalar) -> Expr {
        if !self.is_const(e) {
            return e;
        }
        let ptr = self.local_with("pinned", scalar, e);
        self.load(ptr)
    }

    /// Appends an expression outside any emit range.
    pub fn unemitted(&mut self, e: Expression) -> Expr {
        self.flush();
        let h = self.func.expressions.append(e, self.span);
        // Restart after `h` so that the next range does not cover it.
        let _ = self.emitter.finish(&self.func.expressions);
        self.emitter.start(&self.func.expressions);
        h
    }

    pub fn lit(&mut self, l: Literal) -> Expr {
        self.expr(Expression::Literal(l))
    }

    /// A float constant of the given width. Non-finite values cannot be literals in naga (nor
    /// in WGSL), and WGSL's constant evaluator rejects them too, so they are loaded from a
    /// function variable holding their bit pattern and bit-cast at run time.
    pub fn float(&mut self, width: u8, v: f64) -> Expr {
        if v.is_finite() {
            return match width {
                4 => self.lit(Literal::F32(v as f32)),
                _ => self.lit(Literal::F64(v)),
            };
        }
        let (bits, uint) = match width {
            4 => (Literal::U32((v as f32).to_bits()), Scalar::U32),
            _ => (Literal::U64(v.to_bits()), Scalar::U64),
        };
        let ty = self.scalar_ty(uint);
        let init = self.lit(bits);
        let var = self.func.local_variables.append(
            naga::LocalVariable { name: Some("non_finite_bits".into()), ty, init: Some(init) },
            Span::UNDEFINED,
        );
        let ptr = self.expr(Expression::LocalVariable(var));
        let loaded = self.load(ptr);
        self.bitcast(loaded, ScalarKind::Float)
    }

    pub fn f64(&mut self, v: f64) -> Expr {
        self.float(8, v)
    }
    pub fn i64(&mut self, v: i64) -> Expr {
        self.lit(Literal::I64(v))
    }
    pub fn u64(&mut self, v: u64) -> Expr {
        self.lit(Literal::U64(v))
    }
    pub fn u32(&mut self, v: u32) -> Expr {
        self.lit(Literal::U32(v))
    }
    pub fn i32(&mut self, v: i32) -> Expr {
        self.lit(Literal::I32(v))
    }
    pub fn bool(&mut self, v: bool) -> Expr {
        self.lit(Literal::Bool(v))
    }

    pub fn bin(&mut self, op: Bo, left: Expr, right: Expr) -> Expr {
        self.expr(Expression::Binary { op, left, right })
    }
    pub fn add(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Add, a, b)
    }
    pub fn sub(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Subtract, a, b)
    }
    pub fn mul(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Multiply, a, b)
    }
    pub fn div(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Divide, a, b)
    }
    pub fn rem(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Modulo, a, b)
    }
    pub fn and(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::And, a, b)
    }
    pub fn or(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::InclusiveOr, a, b)
    }
    pub fn xor(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::ExclusiveOr, a, b)
    }
    pub fn shl(&mut self, a: Expr, count: Expr) -> Expr {
        self.bin(Bo::ShiftLeft, a, count)
    }
    pub fn shr(&mut self, a: Expr, count: Expr) -> Expr {
        self.bin(Bo::ShiftRight, a, count)
    }
    pub fn eq(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Equal, a, b)
    }
    pub fn ne(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::NotEqual, a, b)
    }
    /// IEEE `!=` on floats: true when either is NaN. (naga's `!=` on floats is SPIR-V's
    /// *ordered* `OpFOrdNotEqual`, false for NaN.)
    pub fn fne(&mut self, a: Expr, b: Expr) -> Expr {
        let eq = self.eq(a, b);
        self.not(eq)
    }
    pub fn lt(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Less, a, b)
    }
    pub fn le(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::LessEqual, a, b)
    }
    pub fn gt(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::Greater, a, b)
    }
    pub fn ge(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::GreaterEqual, a, b)
    }
    /// Non-short-circuit `&&` / `||` of two bools (both are already evaluated).
    pub fn land(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::LogicalAnd, a, b)
    }
    pub fn lor(&mut self, a: Expr, b: Expr) -> Expr {
        self.bin(Bo::LogicalOr, a, b)
    }
    pub fn not(&mut self, a: Expr) -> Expr {
        self.expr(Expression::Unary { op: naga::UnaryOperator::LogicalNot, expr: a })
    }
    pub fn neg(&mut self, a: Expr) -> Expr {
        self.expr(Expression::Unary { op: naga::UnaryOperator::Negate, expr: a })
    }
    pub fn select(&mut self, condition: Expr, accept: Expr, reject: Expr) -> Expr {
        self.expr(Expression::Select { condition, accept, reject })
    }

    /// Numeric conversion to `kind` of `width` bytes.
    pub fn convert(&mut self, e: Expr, kind: ScalarKind, width: u8) -> Expr {
        self.expr(Expression::As { expr: e, kind, convert: Some(width) })
    }
    /// Reinterprets the bits (same width).
    pub fn bitcast(&mut self, e: Expr, kind: ScalarKind) -> Expr {
        self.expr(Expression::As { expr: e, kind, convert: None })
    }

    pub fn math(&mut self, fun: Mf, arg: Expr, arg1: Option<Expr>) -> Expr {
        self.expr(Expression::Math { fun, arg, arg1, arg2: None, arg3: None })
    }
    pub fn math1(&mut self, fun: Mf, arg: Expr) -> Expr {
        self.math(fun, arg, None)
    }
    pub fn math2(&mut self, fun: Mf, arg: Expr, arg1: Expr) -> Expr {
        self.math(fun, arg, Some(arg1))
    }

    pub fn load(&mut self, pointer: Expr) -> Expr {
        self.expr(Expression::Load { pointer })
    }

    pub fn access_index(&mut self, base: Expr, index: u32) -> Expr {
        self.expr(Expression::AccessIndex { base, index })
    }

    pub fn access(&mut self, base: Expr, index: Expr) -> Expr {
        self.expr(Expression::Access { base, index })
    }

    /// A new function variable of type `ty`, zero-initialised (WGSL's rule, made explicit so
    /// every backend agrees); returns the pointer expression.
    pub fn local(&mut self, name: &str, scalar: Scalar) -> Expr {
        let ty = self.scalar_ty(scalar);
        let zero = self.lit(zero_literal(scalar));
        let var = self
            .func
            .local_variables
            .append(naga::LocalVariable { name: Some(name.to_string()), ty, init: Some(zero) }, Span::UNDEFINED);
        self.expr(Expression::LocalVariable(var))
    }

    /// A function variable holding `value` from here on.
    pub fn local_with(&mut self, name: &str, scalar: Scalar, value: Expr) -> Expr {
        let ptr = self.local(name, scalar);
        self.store(ptr, value);
        ptr
    }

    // ---- statements --------------------------------------------------------------------

    pub fn stmt(&mut self, s: Statement) {
        self.flush();
        self.block.push(s, self.span);
    }

    pub fn store(&mut self, pointer: Expr, value: Expr) {
        self.stmt(Statement::Store { pointer, value });
    }

    /// Starts a nested block; statements go there until [`Self::close_block`] (which takes
    /// the returned outer block back).
    pub fn open_block(&mut self) -> Block {
        self.flush();
        std::mem::take(&mut self.block)
    }

    /// Ends the nested block opened by [`Self::open_block`]: returns it and resumes `outer`.
    pub fn close_block(&mut self, outer: Block) -> Block {
        self.flush();
        std::mem::replace(&mut self.block, outer)
    }

    /// Builds a nested block with `f`.
    pub fn block<R>(&mut self, f: impl FnOnce(&mut Self) -> Result<R, KernelError>) -> Result<(Block, R), KernelError> {
        let outer = self.open_block();
        let r = f(self);
        let inner = self.close_block(outer);
        Ok((inner, r?))
    }

    pub fn if_(
        &mut self,
        condition: Expr,
        accept: impl FnOnce(&mut Self) -> Result<(), KernelError>,
        reject: impl FnOnce(&mut Self) -> Result<(), KernelError>,
    ) -> Result<(), KernelError> {
        let (accept, ()) = self.block(accept)?;
        let (reject, ()) = self.block(reject)?;
        self.stmt(Statement::If { condition, accept, reject });
        Ok(())
    }

    /// `if condition { accept }`.
    pub fn when(
        &mut self,
        condition: Expr,
        accept: impl FnOnce(&mut Self) -> Result<(), KernelError>,
    ) -> Result<(), KernelError> {
        self.if_(condition, accept, |_| Ok(()))
    }

    pub fn loop_(&mut self, body: impl FnOnce(&mut Self) -> Result<(), KernelError>) -> Result<(), KernelError> {
        let (body, ()) = self.block(body)?;
        self.stmt(Statement::Loop { body, continuing: Block::new(), break_if: None });
        Ok(())
    }

    pub fn ret(&mut self, value: Option<Expr>) {
        self.stmt(Statement::Return { value });
    }

    /// Calls `function` (which returns a value) with `arguments`.
    pub fn call(&mut self, function: Handle<naga::Function>, arguments: Vec<Expr>) -> Expr {
        let result = self.unemitted(Expression::CallResult(function));
        self.stmt(Statement::Call { function, arguments, result: Some(result) });
        result
    }

    // ---- helpers on values ----------------------------------------------------------------

    /// `select(cond, 1, 0)` in the given integer or float scalar.
    pub fn bool_to(&mut self, b: Expr, scalar: Scalar) -> Expr {
        let one = self.lit(one_literal(scalar));
        let zero = self.lit(zero_literal(scalar));
        self.select(b, one, zero)
    }
}

pub(crate) fn zero_literal(s: Scalar) -> Literal {
    literal_of(s, 0)
}

pub(crate) fn one_literal(s: Scalar) -> Literal {
    literal_of(s, 1)
}

fn literal_of(s: Scalar, v: i8) -> Literal {
    match (s.kind, s.width) {
        (ScalarKind::Bool, _) => Literal::Bool(v != 0),
        (ScalarKind::Sint, 8) => Literal::I64(v.into()),
        (ScalarKind::Sint, _) => Literal::I32(v.into()),
        (ScalarKind::Uint, 8) => Literal::U64(v as u64),
        (ScalarKind::Uint, _) => Literal::U32(v as u32),
        (ScalarKind::Float, 4) => Literal::F32(v.into()),
        _ => Literal::F64(v.into()),
    }
}
