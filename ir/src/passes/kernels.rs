//! Kernel lowering: what makes a `Kernel` function easy for every GPU backend.
//!
//! 1. **Inlining.** Calls of `Device` functions are replaced by the callee's body (GPU
//!    languages either lack calls taking arrays, as WGSL does for storage pointers, or inline
//!    anyway). A callee's `return` becomes "store the result, leave the inlined body": the
//!    body is wrapped in a one-pass `Loop`, and a `return` inside one of the callee's own
//!    loops also sets a `done` flag that makes each enclosing loop break in turn.
//! 2. **Explicit checks.** Every operation that raises in Python (an index out of range, a
//!    zero divisor, an int overflow, a math domain error, a float that does not fit an int)
//!    is preceded by its test and an `If` holding a `Raise`, and the operation itself is then
//!    the unchecked one (int `Add`/`Sub`/`Mul`/`Neg` wrap; `Index` gets an index in `0..len`).
//!    The `Raise` statements are the kernel's error sites ([`crate::kernel::error_sites`]); a
//!    backend only has to record which one failed. Doing this once here keeps the three
//!    backends' checks identical, so every device reports the same exception.
//!
//! The rewrite copies each kernel into a fresh function, expression by expression, each
//! new expression in its own `Emit` (adjacent ones merge).

use crate::valid::ModuleInfo;
use crate::{
    BinaryOp, Block, CastKind, CompareOp, ExceptionKind, Expression, Function, FunctionKind, Handle, Literal, Local,
    MathFunction, Module, Range, Scalar, Span, Statement, Type, UnaryOp,
};
use std::collections::HashMap;

/// Why a kernel cannot be lowered (reported as a compile error at `span`).
#[derive(Debug, Clone)]
pub struct KernelError {
    pub message: String,
    pub span: Span,
}

const INT_OVERFLOW: &str = "integer overflow: result does not fit in 64 bits";
const INDEX_READ: &str = "list index out of range";
const INDEX_STORE: &str = "list assignment index out of range";
const MATH_DOMAIN: &str = "math domain error";
const MATH_RANGE: &str = "math range error";
/// 2^63 as a float: the first value above the `i64` range.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
/// Inlining deeper than this is certainly recursion.
const MAX_INLINE_DEPTH: usize = 64;

/// Lowers every kernel of the module in place. `info` must be the validator's side tables for
/// the module as it is.
pub fn lower_kernels(module: &mut Module, info: &ModuleInfo) -> Result<(), KernelError> {
    let kernels: Vec<Handle<Function>> =
        module.functions.iter().filter(|(_, f)| f.kind == FunctionKind::Kernel).map(|(h, _)| h).collect();
    let mut lowered = Vec::new();
    for k in kernels {
        lowered.push((k, Lowering::run(module, info, k)?));
    }
    for (k, f) in lowered {
        module.functions[k] = f;
    }
    Ok(())
}

/// One function being copied: the kernel itself or an inlined callee.
struct Frame {
    function: Handle<Function>,
    exprs: HashMap<Handle<Expression>, Handle<Expression>>,
    locals: HashMap<Handle<Local>, Handle<Local>>,
    /// An inlined callee's arguments (already lowered), by parameter index.
    args: Vec<Handle<Expression>>,
    /// An inlined callee's result local and "returned" flag.
    ret: Option<Returns>,
    /// String literals: only `Raise` messages may use them (they are re-made there).
    strings: HashMap<Handle<Expression>, String>,
}

#[derive(Clone, Copy)]
struct Returns {
    value: Option<Handle<Local>>,
    done: Handle<Local>,
}

struct Lowering<'m> {
    module: &'m Module,
    info: &'m ModuleInfo,
    out: Function,
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    /// Known ranges of int expressions of `out` (thread indices, constants, arithmetic on
    /// them): an operation whose result range fits in `i64` needs no overflow check, which
    /// keeps the usual index arithmetic (`block.x * block.dim.x + thread.x`) check-free.
    ranges: HashMap<Handle<Expression>, (i128, i128)>,
}

impl<'m> Lowering<'m> {
    fn run(module: &'m Module, info: &'m ModuleInfo, kernel: Handle<Function>) -> Result<Function, KernelError> {
        let src = &module.functions[kernel];
        let mut out = Function::new(src.name.clone(), src.source_name.clone(), src.result, src.span);
        out.kind = FunctionKind::Kernel;
        out.params = src.params.clone();
        out.hidden = src.hidden;
        for (_, shared) in src.shared.iter() {
            out.shared.append(shared.clone(), Span::UNDEFINED);
        }
        let mut lowering =
            Lowering { module, info, out, blocks: vec![Block::new()], frames: Vec::new(), ranges: HashMap::new() };
        lowering.enter(kernel, Vec::new(), None);
        lowering.block(&src.body)?;
        lowering.frames.pop();
        let body = lowering.blocks.pop().unwrap_or_default();
        lowering.out.body = body;
        Ok(lowering.out)
    }

    fn enter(&mut self, function: Handle<Function>, args: Vec<Handle<Expression>>, ret: Option<Returns>) {
        let src = &self.module.functions[function];
        let mut locals = HashMap::new();
        for (h, local) in src.locals.iter() {
            let span = src.locals.span(h);
            let name = if self.frames.is_empty() { local.name.clone() } else { format!("{}.{}", src.name, local.name) };
            locals.insert(h, self.out.locals.append(Local { name, ty: local.ty }, span));
        }
        self.frames.push(Frame { function, exprs: HashMap::new(), locals, args, ret, strings: HashMap::new() });
    }

    fn frame(&self) -> &Frame {
        self.frames.last().expect("a frame is open")
    }

    fn src(&self) -> &'m Function {
        &self.module.functions[self.frame().function]
    }

    fn error(&self, message: impl Into<String>, span: Span) -> KernelError {
        KernelError { message: message.into(), span }
    }

    // ----- output ---------------------------------------------------------------------

    fn emit(&mut self, expr: Expression, span: Span) -> Handle<Expression> {
        let h = self.out.expressions.append(expr, span);
        self.push(Statement::Emit(Range::new(h, self.out.expressions.next_handle())), span);
        h
    }

    fn push(&mut self, statement: Statement, span: Span) {
        self.blocks.last_mut().expect("a block is open").push(statement, span);
    }

    fn nested(&mut self, body: impl FnOnce(&mut Self) -> Result<(), KernelError>) -> Result<Block, KernelError> {
        self.blocks.push(Block::new());
        let result = body(self);
        let block = self.blocks.pop().unwrap_or_default();
        result.map(|()| block)
    }

    fn lit(&mut self, literal: Literal, span: Span) -> Handle<Expression> {
        let value = match literal {
            Literal::I64(v) => Some(v as i128),
            _ => None,
        };
        let h = self.emit(Expression::Literal(literal), span);
        if let Some(v) = value {
            self.ranges.insert(h, (v, v));
        }
        h
    }

    /// The range of `op` on operands of known ranges, when both are known.
    fn result_range(&self, op: BinaryOp, left: Handle<Expression>, right: Handle<Expression>) -> Option<(i128, i128)> {
        let (a, b) = (*self.ranges.get(&left)?, *self.ranges.get(&right)?);
        let corners = |f: fn(i128, i128) -> i128| {
            let all = [f(a.0, b.0), f(a.0, b.1), f(a.1, b.0), f(a.1, b.1)];
            (all.iter().copied().min().unwrap_or(0), all.iter().copied().max().unwrap_or(0))
        };
        Some(match op {
            BinaryOp::Add => (a.0 + b.0, a.1 + b.1),
            BinaryOp::Sub => (a.0 - b.1, a.1 - b.0),
            BinaryOp::Mul => corners(|x, y| x * y),
            _ => return None,
        })
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
        span: Span,
    ) -> Handle<Expression> {
        self.emit(Expression::Binary { op, left, right }, span)
    }

    fn compare(
        &mut self,
        op: CompareOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
        span: Span,
    ) -> Handle<Expression> {
        self.emit(Expression::Compare { op, left, right }, span)
    }

    fn or(&mut self, a: Handle<Expression>, b: Handle<Expression>, span: Span) -> Handle<Expression> {
        self.binary(BinaryOp::BitOr, a, b, span)
    }

    fn and(&mut self, a: Handle<Expression>, b: Handle<Expression>, span: Span) -> Handle<Expression> {
        self.binary(BinaryOp::BitAnd, a, b, span)
    }

    /// `if condition { raise kind(message) }`: one error site.
    fn raise_if(&mut self, condition: Handle<Expression>, kind: ExceptionKind, message: &str, span: Span) {
        let text = self.out.expressions.append(Expression::Literal(Literal::Str(message.to_string())), span);
        let mut accept = Block::new();
        accept.push(Statement::Emit(Range::new(text, self.out.expressions.next_handle())), span);
        accept.push(Statement::Raise { kind, message: Some(text) }, span);
        self.push(Statement::If { condition, accept, reject: Block::new() }, span);
    }

    // ----- statements -----------------------------------------------------------------

    fn block(&mut self, block: &'m Block) -> Result<(), KernelError> {
        for (statement, span) in block.iter() {
            self.statement(statement, span)?;
        }
        Ok(())
    }

    fn map(&self, h: Handle<Expression>, span: Span) -> Result<Handle<Expression>, KernelError> {
        self.frame().exprs.get(&h).copied().ok_or_else(|| {
            let what = if self.frame().strings.contains_key(&h) { "strings" } else { "this value" };
            self.error(format!("{what} cannot be used in a GPU kernel"), span)
        })
    }

    fn local(&self, l: Handle<Local>, span: Span) -> Result<Handle<Local>, KernelError> {
        self.frame().locals.get(&l).copied().ok_or_else(|| self.error("internal error: unknown kernel local", span))
    }

    fn statement(&mut self, statement: &'m Statement, span: Span) -> Result<(), KernelError> {
        match statement {
            Statement::Emit(range) => {
                for h in range.iter() {
                    if let Expression::Literal(Literal::Str(text)) = &self.src().expressions[h] {
                        self.frames.last_mut().expect("a frame is open").strings.insert(h, text.clone());
                        continue;
                    }
                    let new = self.expression(h)?;
                    self.frames.last_mut().expect("a frame is open").exprs.insert(h, new);
                }
            }
            Statement::Block(b) => {
                let b = self.nested(|l| l.block(b))?;
                self.push(Statement::Block(b), span);
            }
            Statement::If { condition, accept, reject } => {
                let condition = self.map(*condition, span)?;
                let accept = self.nested(|l| l.block(accept))?;
                let reject = self.nested(|l| l.block(reject))?;
                self.push(Statement::If { condition, accept, reject }, span);
            }
            Statement::Loop { body } => {
                let new_body = self.nested(|l| l.block(body))?;
                self.push(Statement::Loop { body: new_body }, span);
                // A callee's `return` inside this loop only left the loop: keep leaving.
                if let Some(ret) = self.frame().ret.filter(|_| contains_return(body)) {
                    let done = self.emit(Expression::Load(ret.done), span);
                    let mut leave = Block::new();
                    leave.push(Statement::Break, span);
                    self.push(Statement::If { condition: done, accept: leave, reject: Block::new() }, span);
                }
            }
            Statement::Break => self.push(Statement::Break, span),
            Statement::Continue => self.push(Statement::Continue, span),
            Statement::Return { value } => match self.frame().ret {
                None => self.push(Statement::Return { value: None }, span),
                Some(ret) => {
                    if let (Some(v), Some(slot)) = (value, ret.value) {
                        let v = self.map(*v, span)?;
                        self.push(Statement::Store { local: slot, value: v }, span);
                    }
                    let yes = self.lit(Literal::Bool(true), span);
                    self.push(Statement::Store { local: ret.done, value: yes }, span);
                    self.push(Statement::Break, span);
                }
            },
            Statement::Store { local, value } => {
                let (local, value) = (self.local(*local, span)?, self.map(*value, span)?);
                self.push(Statement::Store { local, value }, span);
            }
            Statement::IndexStore { base, index, value } => {
                let base = self.map(*base, span)?;
                let index = self.checked_index(base, self.map(*index, span)?, INDEX_STORE, span);
                let value = self.map(*value, span)?;
                self.push(Statement::IndexStore { base, index, value }, span);
            }
            Statement::Raise { kind, message } => {
                let text = message.and_then(|m| self.frame().strings.get(&m).cloned());
                let message = text.map(|t| self.lit(Literal::Str(t), span));
                self.push(Statement::Raise { kind: *kind, message }, span);
            }
            Statement::Barrier => self.push(Statement::Barrier, span),
            other => {
                let what = crate::kernel::describe_statement(other);
                return Err(self.error(format!("{what} cannot be used in a GPU kernel"), span));
            }
        }
        Ok(())
    }

    // ----- expressions ----------------------------------------------------------------

    fn ty(&self, h: Handle<Expression>) -> &'m Type {
        let info = self.info.function(self.frame().function);
        &self.module.types[info.expr_types[h.index()]]
    }

    fn scalar(&self, h: Handle<Expression>) -> Option<Scalar> {
        match self.ty(h) {
            Type::Scalar(s) => Some(*s),
            _ => None,
        }
    }

    fn expression(&mut self, h: Handle<Expression>) -> Result<Handle<Expression>, KernelError> {
        let src = self.src();
        let span = src.expressions.span(h);
        let m = |l: &Self, x: &Handle<Expression>| l.map(*x, span);
        Ok(match &src.expressions[h] {
            Expression::Param(i) => {
                if self.frames.len() == 1 {
                    self.emit(Expression::Param(*i), span)
                } else {
                    let arg = self.frame().args.get(*i as usize).copied();
                    arg.ok_or_else(|| self.error("internal error: inlined parameter out of range", span))?
                }
            }
            Expression::Literal(lit) => self.lit(lit.clone(), span),
            Expression::Load(l) => {
                let l = self.local(*l, span)?;
                self.emit(Expression::Load(l), span)
            }
            Expression::GpuBuiltin(b) => {
                // What the devices allow: at most 1024 threads per block, 2^31 - 1 blocks.
                let range = match b {
                    crate::GpuBuiltin::ThreadIndex(_) => (0, 1023),
                    crate::GpuBuiltin::BlockDim(_) => (1, 1024),
                    crate::GpuBuiltin::BlockIndex(_) => (0, (1 << 31) - 2),
                    crate::GpuBuiltin::GridDim(_) => (1, (1 << 31) - 1),
                };
                let h = self.emit(Expression::GpuBuiltin(*b), span);
                self.ranges.insert(h, range);
                h
            }
            Expression::SharedArray(s) => {
                if self.frames.len() != 1 {
                    return Err(self.error("`gpu.shared.array` can only be declared in the kernel itself", span));
                }
                self.emit(Expression::SharedArray(*s), span)
            }
            Expression::Len { value } => {
                let value = m(self, value)?;
                self.emit(Expression::Len { value }, span)
            }
            Expression::Select { condition, accept, reject } => {
                let (condition, accept, reject) = (m(self, condition)?, m(self, accept)?, m(self, reject)?);
                self.emit(Expression::Select { condition, accept, reject }, span)
            }
            Expression::Compare { op, left, right } => {
                let (left, right) = (m(self, left)?, m(self, right)?);
                self.compare(*op, left, right, span)
            }
            Expression::Index { base, index } => {
                let base = m(self, base)?;
                let index = self.checked_index(base, m(self, index)?, INDEX_READ, span);
                self.emit(Expression::Index { base, index }, span)
            }
            Expression::Atomic { op, array, index, value } => {
                let array = m(self, array)?;
                let index = self.checked_index(array, m(self, index)?, INDEX_READ, span);
                let value = m(self, value)?;
                self.emit(Expression::Atomic { op: *op, array, index, value }, span)
            }
            Expression::Unary { op, arg } => {
                let is_int = self.scalar(*arg).is_some_and(|s| s.is_int());
                let arg = m(self, arg)?;
                if *op == UnaryOp::Neg && is_int {
                    let min = self.lit(Literal::I64(i64::MIN), span);
                    let overflows = self.compare(CompareOp::Eq, arg, min, span);
                    self.raise_if(overflows, ExceptionKind::OverflowError, INT_OVERFLOW, span);
                }
                self.emit(Expression::Unary { op: *op, arg }, span)
            }
            Expression::Binary { op, left, right } => {
                let s = self.scalar(*left);
                let (left, right) = (m(self, left)?, m(self, right)?);
                match s {
                    Some(s) if s.is_float() => self.float_binary(*op, s, left, right, span)?,
                    _ => self.int_binary(*op, left, right, span)?,
                }
            }
            Expression::Cast { value, to, kind } => {
                let from = self.scalar(*value);
                let value = m(self, value)?;
                if let Some(from) = from.filter(|f| f.is_float() && to.is_int()) {
                    self.float_to_int_checks(value, from, span);
                }
                self.emit(Expression::Cast { value, to: *to, kind: *kind }, span)
            }
            Expression::Math { function, args } => {
                let args = args.iter().map(|a| m(self, a)).collect::<Result<Vec<_>, _>>()?;
                self.math(*function, args, span)?
            }
            Expression::Call { function, args } => {
                let args = args.iter().map(|a| m(self, a)).collect::<Result<Vec<_>, _>>()?;
                self.inline(*function, args, span)?
            }
            Expression::LoadGlobal(_) => {
                return Err(self.error("a GPU kernel cannot read a global variable (pass it as an argument)", span))
            }
            other => {
                return Err(self.error(
                    format!("{} cannot be used in a GPU kernel", crate::kernel::describe_expression(other)),
                    span,
                ))
            }
        })
    }

    /// `index` normalised like Python's (negative counts from the end) and checked against
    /// the length of `base`; raises `IndexError(message)` outside.
    fn checked_index(
        &mut self,
        base: Handle<Expression>,
        index: Handle<Expression>,
        message: &str,
        span: Span,
    ) -> Handle<Expression> {
        let len = self.emit(Expression::Len { value: base }, span);
        let zero = self.lit(Literal::I64(0), span);
        let negative = self.compare(CompareOp::Lt, index, zero, span);
        let from_end = self.binary(BinaryOp::Add, index, len, span);
        let index = self.emit(Expression::Select { condition: negative, accept: from_end, reject: index }, span);
        let below = self.compare(CompareOp::Lt, index, zero, span);
        let above = self.compare(CompareOp::Ge, index, len, span);
        let outside = self.or(below, above, span);
        self.raise_if(outside, ExceptionKind::IndexError, message, span);
        index
    }

    fn int_binary(
        &mut self,
        op: BinaryOp,
        left: Handle<Expression>,
        right: Handle<Expression>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        let test = match op {
            BinaryOp::Add => Some(BinaryOp::AddOverflows),
            BinaryOp::Sub => Some(BinaryOp::SubOverflows),
            BinaryOp::Mul => Some(BinaryOp::MulOverflows),
            _ => None,
        };
        if let Some(test) = test {
            let range = self.result_range(op, left, right);
            let fits = range.is_some_and(|(lo, hi)| lo >= i64::MIN as i128 && hi <= i64::MAX as i128);
            if !fits {
                let overflows = self.binary(test, left, right, span);
                self.raise_if(overflows, ExceptionKind::OverflowError, INT_OVERFLOW, span);
            }
            let result = self.binary(op, left, right, span);
            if let Some(r) = range.filter(|_| fits) {
                self.ranges.insert(result, r);
            }
            return Ok(result);
        }
        Ok(match op {
            BinaryOp::FloorDiv | BinaryOp::Mod => {
                let zero = self.lit(Literal::I64(0), span);
                let is_zero = self.compare(CompareOp::Eq, right, zero, span);
                let message =
                    if op == BinaryOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, message, span);
                let minus_one = self.lit(Literal::I64(-1), span);
                let by_minus_one = self.compare(CompareOp::Eq, right, minus_one, span);
                if op == BinaryOp::FloorDiv {
                    let min = self.lit(Literal::I64(i64::MIN), span);
                    let is_min = self.compare(CompareOp::Eq, left, min, span);
                    let overflows = self.and(is_min, by_minus_one, span);
                    self.raise_if(overflows, ExceptionKind::OverflowError, INT_OVERFLOW, span);
                    self.binary(op, left, right, span)
                } else {
                    // `x % -1 == x % 1 == 0`, and the hardware remainder of MIN by -1 traps.
                    let one = self.lit(Literal::I64(1), span);
                    let right =
                        self.emit(Expression::Select { condition: by_minus_one, accept: one, reject: right }, span);
                    self.binary(op, left, right, span)
                }
            }
            BinaryOp::Shl | BinaryOp::Shr => {
                let zero = self.lit(Literal::I64(0), span);
                let negative = self.compare(CompareOp::Lt, right, zero, span);
                self.raise_if(negative, ExceptionKind::ValueError, "negative shift count", span);
                let max = self.lit(Literal::I64(63), span);
                let big = self.compare(CompareOp::Gt, right, max, span);
                let count = self.emit(Expression::Select { condition: big, accept: max, reject: right }, span);
                let result = self.binary(op, left, count, span);
                if op == BinaryOp::Shl {
                    let back = self.binary(BinaryOp::Shr, result, count, span);
                    let lost = self.compare(CompareOp::Ne, back, left, span);
                    let nonzero = self.compare(CompareOp::Ne, left, zero, span);
                    let too_far = self.and(big, nonzero, span);
                    let overflows = self.or(lost, too_far, span);
                    self.raise_if(overflows, ExceptionKind::OverflowError, INT_OVERFLOW, span);
                }
                result
            }
            BinaryOp::Pow => self.int_pow(left, right, span)?,
            _ => self.binary(op, left, right, span),
        })
    }

    /// `base ** exp` on ints by repeated squaring, each product checked (as the host's).
    fn int_pow(
        &mut self,
        base: Handle<Expression>,
        exp: Handle<Expression>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        let i64_ty = self
            .module
            .types
            .get_handle(&Type::Scalar(Scalar::I64))
            .ok_or_else(|| self.error("internal error: no i64 type", span))?;
        let zero = self.lit(Literal::I64(0), span);
        let negative = self.compare(CompareOp::Lt, exp, zero, span);
        self.raise_if(
            negative,
            ExceptionKind::ValueError,
            "kiln: int ** negative int is a float in Python; write float(x) ** n",
            span,
        );
        let local = |l: &mut Self, name: &str, value: Handle<Expression>| {
            let h = l.out.locals.append(Local { name: format!("pow.{name}"), ty: i64_ty }, span);
            l.push(Statement::Store { local: h, value }, span);
            h
        };
        let one = self.lit(Literal::I64(1), span);
        let result = local(self, "result", one);
        let b = local(self, "base", base);
        let e = local(self, "exp", exp);
        let body = self.nested(|l| {
            let leave_if_done = |l: &mut Self| {
                let ev = l.emit(Expression::Load(e), span);
                let zero = l.lit(Literal::I64(0), span);
                let done = l.compare(CompareOp::Eq, ev, zero, span);
                let mut leave = Block::new();
                leave.push(Statement::Break, span);
                l.push(Statement::If { condition: done, accept: leave, reject: Block::new() }, span);
            };
            leave_if_done(l);
            let ev = l.emit(Expression::Load(e), span);
            let one = l.lit(Literal::I64(1), span);
            let low = l.binary(BinaryOp::BitAnd, ev, one, span);
            let odd = l.compare(CompareOp::Eq, low, one, span);
            let multiply = l.nested(|l| {
                let r = l.emit(Expression::Load(result), span);
                let bv = l.emit(Expression::Load(b), span);
                let product = l.int_binary(BinaryOp::Mul, r, bv, span)?;
                l.push(Statement::Store { local: result, value: product }, span);
                Ok(())
            })?;
            l.push(Statement::If { condition: odd, accept: multiply, reject: Block::new() }, span);
            let halved = l.binary(BinaryOp::Shr, ev, one, span);
            l.push(Statement::Store { local: e, value: halved }, span);
            leave_if_done(l);
            let bv = l.emit(Expression::Load(b), span);
            let square = l.int_binary(BinaryOp::Mul, bv, bv, span)?;
            l.push(Statement::Store { local: b, value: square }, span);
            Ok(())
        })?;
        self.push(Statement::Loop { body }, span);
        Ok(self.emit(Expression::Load(result), span))
    }

    fn float_lit(&mut self, s: Scalar, value: f64, span: Span) -> Handle<Expression> {
        let literal = if s.width == 4 { Literal::F32(value as f32) } else { Literal::F64(value) };
        self.lit(literal, span)
    }

    fn float_binary(
        &mut self,
        op: BinaryOp,
        s: Scalar,
        left: Handle<Expression>,
        right: Handle<Expression>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        let zero_message = match op {
            BinaryOp::Div => Some("float division by zero"),
            BinaryOp::FloorDiv => Some("float floor division by zero"),
            BinaryOp::Mod => Some("float modulo"),
            _ => None,
        };
        if let Some(message) = zero_message {
            let zero = self.float_lit(s, 0.0, span);
            let is_zero = self.compare(CompareOp::Eq, right, zero, span);
            self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, message, span);
        }
        if op != BinaryOp::Pow {
            return Ok(self.binary(op, left, right, span));
        }
        // CPython's float `**`: 0.0 to a negative power and a negative base to a fractional
        // power fail; a finite result that overflows is an OverflowError.
        let zero = self.float_lit(s, 0.0, span);
        let base_zero = self.compare(CompareOp::Eq, left, zero, span);
        let exp_negative = self.compare(CompareOp::Lt, right, zero, span);
        let zero_to_negative = self.and(base_zero, exp_negative, span);
        self.raise_if(
            zero_to_negative,
            ExceptionKind::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
            span,
        );
        let base_negative = self.compare(CompareOp::Lt, left, zero, span);
        let fractional = self.is_fractional(right, s, span);
        let complex = self.and(base_negative, fractional, span);
        self.raise_if(
            complex,
            ExceptionKind::ValueError,
            "kiln: complex result of negative float ** fractional power is not supported",
            span,
        );
        let result = self.binary(BinaryOp::Pow, left, right, span);
        let finite_args = self.all_finite(&[left, right], span);
        let infinite = self.emit(Expression::Math { function: MathFunction::IsInf, args: vec![result] }, span);
        let overflows = self.and(finite_args, infinite, span);
        self.raise_if(overflows, ExceptionKind::OverflowError, "(34, 'Numerical result out of range')", span);
        Ok(result)
    }

    /// Whether finite float `x` has a fractional part (`false` for NaN and infinities).
    fn is_fractional(&mut self, x: Handle<Expression>, s: Scalar, span: Span) -> Handle<Expression> {
        let finite = self.emit(Expression::Math { function: MathFunction::IsFinite, args: vec![x] }, span);
        // |x| >= 2^52 is always integral; below, truncation through an int is exact.
        let abs = self.emit(Expression::Math { function: MathFunction::Fabs, args: vec![x] }, span);
        let big = self.float_lit(s, 4_503_599_627_370_496.0, span);
        let small = self.compare(CompareOp::Lt, abs, big, span);
        let safe = self.emit(Expression::Select { condition: small, accept: x, reject: big }, span);
        let truncated = self.emit(Expression::Cast { value: safe, to: Scalar::I64, kind: CastKind::Convert }, span);
        let back = self.emit(Expression::Cast { value: truncated, to: s, kind: CastKind::Convert }, span);
        let differs = self.compare(CompareOp::Ne, back, safe, span);
        self.and(finite, differs, span)
    }

    fn all_finite(&mut self, xs: &[Handle<Expression>], span: Span) -> Handle<Expression> {
        let mut acc = self.lit(Literal::Bool(true), span);
        for &x in xs {
            let finite = self.emit(Expression::Math { function: MathFunction::IsFinite, args: vec![x] }, span);
            acc = self.and(acc, finite, span);
        }
        acc
    }

    /// The checks of a float → int conversion (`int(x)`, `math.floor(x)`...): NaN,
    /// infinities, and values outside the `i64` range.
    fn float_to_int_checks(&mut self, x: Handle<Expression>, s: Scalar, span: Span) {
        let is_nan = self.compare(CompareOp::Ne, x, x, span);
        self.raise_if(is_nan, ExceptionKind::ValueError, "cannot convert float NaN to integer", span);
        let is_inf = self.emit(Expression::Math { function: MathFunction::IsInf, args: vec![x] }, span);
        self.raise_if(is_inf, ExceptionKind::OverflowError, "cannot convert float infinity to integer", span);
        let low = self.float_lit(s, -TWO_POW_63, span);
        let high = self.float_lit(s, TWO_POW_63, span);
        let below = self.compare(CompareOp::Lt, x, low, span);
        let above = self.compare(CompareOp::Ge, x, high, span);
        let outside = self.or(below, above, span);
        self.raise_if(outside, ExceptionKind::OverflowError, INT_OVERFLOW, span);
    }

    fn math(
        &mut self,
        function: MathFunction,
        args: Vec<Handle<Expression>>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        use MathFunction as M;
        let x = *args.first().ok_or_else(|| self.error("internal error: math call without arguments", span))?;
        let f64s = Scalar::F64;
        // Domain errors decided on the arguments, as CPython's `math` module does.
        let domain_error = match function {
            M::Sqrt => {
                let zero = self.float_lit(f64s, 0.0, span);
                Some(self.compare(CompareOp::Lt, x, zero, span))
            }
            M::Log | M::Log2 | M::Log10 => {
                let zero = self.float_lit(f64s, 0.0, span);
                Some(self.compare(CompareOp::Le, x, zero, span))
            }
            M::Log1p => {
                let minus_one = self.float_lit(f64s, -1.0, span);
                Some(self.compare(CompareOp::Le, x, minus_one, span))
            }
            M::Asin | M::Acos => {
                let abs = self.emit(Expression::Math { function: M::Fabs, args: vec![x] }, span);
                let one = self.float_lit(f64s, 1.0, span);
                Some(self.compare(CompareOp::Gt, abs, one, span))
            }
            M::Sin | M::Cos | M::Tan => Some(self.emit(Expression::Math { function: M::IsInf, args: vec![x] }, span)),
            M::Pow => {
                let y = args[1];
                let zero = self.float_lit(f64s, 0.0, span);
                let base_zero = self.compare(CompareOp::Eq, x, zero, span);
                let exp_negative = self.compare(CompareOp::Lt, y, zero, span);
                let zero_to_negative = self.and(base_zero, exp_negative, span);
                let base_negative = self.compare(CompareOp::Lt, x, zero, span);
                let fractional = self.is_fractional(y, f64s, span);
                let complex = self.and(base_negative, fractional, span);
                Some(self.or(zero_to_negative, complex, span))
            }
            M::Floor | M::Ceil | M::Trunc => {
                self.float_to_int_checks(x, f64s, span);
                None
            }
            _ => None,
        };
        if let Some(bad) = domain_error {
            self.raise_if(bad, ExceptionKind::ValueError, MATH_DOMAIN, span);
        }
        let result = self.emit(Expression::Math { function, args: args.clone() }, span);
        // Range errors: an infinite result from finite arguments.
        if matches!(function, M::Exp | M::Expm1 | M::Sinh | M::Cosh | M::Pow) {
            let finite_args = self.all_finite(&args, span);
            let infinite = self.emit(Expression::Math { function: M::IsInf, args: vec![result] }, span);
            let overflows = self.and(finite_args, infinite, span);
            self.raise_if(overflows, ExceptionKind::OverflowError, MATH_RANGE, span);
        }
        Ok(result)
    }

    fn inline(
        &mut self,
        callee: Handle<Function>,
        args: Vec<Handle<Expression>>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        let f = &self.module.functions[callee];
        if f.kind == FunctionKind::Kernel {
            return Err(self.error(format!("a GPU kernel cannot call the kernel `{}`", f.source_name), span));
        }
        if f.generator {
            return Err(self.error("generators cannot be used in a GPU kernel", span));
        }
        if self.frames.len() > MAX_INLINE_DEPTH || self.frames.iter().any(|fr| fr.function == callee) {
            return Err(self.error(format!("`{}` is recursive: GPU kernels cannot recurse", f.source_name), span));
        }
        let has_value = !matches!(self.module.types[f.result], Type::None);
        let value = has_value
            .then(|| self.out.locals.append(Local { name: format!("{}.result", f.source_name), ty: f.result }, span));
        let bool_ty = self
            .module
            .types
            .get_handle(&Type::Scalar(Scalar::BOOL))
            .ok_or_else(|| self.error("internal error: no bool type", span))?;
        let done = self.out.locals.append(Local { name: format!("{}.done", f.source_name), ty: bool_ty }, span);
        let no = self.lit(Literal::Bool(false), span);
        self.push(Statement::Store { local: done, value: no }, span);
        self.enter(callee, args, Some(Returns { value, done }));
        let body = self.nested(|l| {
            l.block(&f.body)?;
            l.push(Statement::Break, span);
            Ok(())
        });
        self.frames.pop();
        self.push(Statement::Loop { body: body? }, span);
        Ok(match value {
            Some(v) => self.emit(Expression::Load(v), span),
            None => self.lit(Literal::None, span),
        })
    }
}

/// Whether a `Return` appears anywhere in `block`.
fn contains_return(block: &Block) -> bool {
    block.iter().any(|(s, _)| {
        let mut found = matches!(s, Statement::Return { .. });
        s.for_each_block(|b| found |= contains_return(b));
        found
    })
}
