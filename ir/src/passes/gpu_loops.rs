//! `@par(gpu=True)` loops: each `ParallelFor { target: Gpu }` becomes a kernel and a launch.
//!
//! The kernel runs one thread per iteration: thread `k` (of `count`) sets the loop index to
//! `start + k * step` and runs the body. What the body reads from outside — locals it does not
//! assign, globals, values computed before the loop — becomes a kernel parameter (a list
//! becomes an array view, copied to the device and back by the launch); what it assigns is a
//! kernel local (the frontend's race analysis guarantees these are private to an iteration).
//! A `Continue` of the body ends the thread's iteration.

use crate::valid::ModuleInfo;
use crate::{
    AddressSpace, BinaryOp, Block, CompareOp, Expression, Function, FunctionKind, GpuBuiltin, Handle, Literal, Local,
    Module, ParallelTarget, Param, Range, Scalar, Span, Statement, Type,
};
use std::collections::HashMap;

use super::KernelError;

/// Threads per block of a GPU loop.
const BLOCK: i64 = 256;

/// Outlines every GPU loop of the module. `info` must describe the module as it is.
pub fn outline_gpu_loops(module: &mut Module, info: &ModuleInfo) -> Result<(), KernelError> {
    let hosts: Vec<Handle<Function>> = module
        .functions
        .iter()
        .filter(|(_, f)| f.kind == FunctionKind::Host && contains_gpu_loop(&f.body))
        .map(|(h, _)| h)
        .collect();
    for h in hosts {
        let mut host = std::mem::replace(
            &mut module.functions[h],
            Function::new("", "", module.types.insert(Type::None), Span::UNDEFINED),
        );
        let body = std::mem::take(&mut host.body);
        let mut outliner = Outliner { module, info, host_handle: h, host: &mut host, count: 0 };
        let result = outliner.block(body);
        let restored = result.map(|b| {
            host.body = b;
        });
        module.functions[h] = host;
        restored?;
    }
    Ok(())
}

/// Whether `block` contains a `@par(gpu=True)` loop.
pub fn contains_gpu_loop(block: &Block) -> bool {
    block.iter().any(|(s, _)| {
        let mut found = matches!(s, Statement::ParallelFor { target: ParallelTarget::Gpu, .. });
        s.for_each_block(|b| found |= contains_gpu_loop(b));
        found
    })
}

struct Outliner<'m, 'h> {
    module: &'m mut Module,
    info: &'m ModuleInfo,
    host_handle: Handle<Function>,
    host: &'h mut Function,
    count: usize,
}

impl Outliner<'_, '_> {
    fn block(&mut self, block: Block) -> Result<Block, KernelError> {
        let mut out = Block::new();
        for (statement, span) in block {
            match statement {
                Statement::ParallelFor { target: ParallelTarget::Gpu, index, start, stop, step, body, .. } => {
                    self.outline(&mut out, index, [start, stop, step], body, span)?
                }
                other => {
                    let mut failed = None;
                    let mapped = other.map_blocks(&mut |b| match self.block(b) {
                        Ok(b) => b,
                        Err(e) => {
                            failed.get_or_insert(e);
                            Block::new()
                        }
                    });
                    if let Some(e) = failed {
                        return Err(e);
                    }
                    out.push(mapped, span);
                }
            }
        }
        Ok(out)
    }

    fn host_emit(&mut self, out: &mut Block, e: Expression, span: Span) -> Handle<Expression> {
        let h = self.host.expressions.append(e, span);
        out.push(Statement::Emit(Range::new(h, self.host.expressions.next_handle())), span);
        h
    }

    fn outline(
        &mut self,
        out: &mut Block,
        index: Handle<Local>,
        [start, stop, step]: [Handle<Expression>; 3],
        body: Block,
        span: Span,
    ) -> Result<(), KernelError> {
        let i64_ty = self.module.scalar_type(Scalar::I64);
        let none = self.module.types.insert(Type::None);
        self.count += 1;
        let name = format!("{}$gpu_loop{}", self.host.name, self.count);
        let mut kernel = Function::new(name, self.host.source_name.clone(), none, span);
        kernel.kind = FunctionKind::Kernel;
        kernel.hidden = self.host.hidden;
        // The loop's own parameters: start, step, count.
        for p in ["start", "step", "count"] {
            kernel.params.push(Param { name: p.into(), ty: i64_ty });
        }
        let mut copy = Copy {
            kernel,
            host: self.host,
            loop_body: &body,
            locals: HashMap::new(),
            exprs: HashMap::new(),
            captures: Vec::new(),
            capture_index: HashMap::new(),
            pending: Vec::new(),
        };
        let new_index =
            copy.kernel.locals.append(Local { name: copy.host.locals[index].name.clone(), ty: i64_ty }, span);
        copy.locals.insert(index, new_index);
        // k = block.x * block.dim.x + thread.x; if k < count: index = start + k * step; body.
        let mut entry = Block::new();
        let e = |k: &mut Function, b: &mut Block, x: Expression| {
            let h = k.expressions.append(x, span);
            b.push(Statement::Emit(Range::new(h, k.expressions.next_handle())), span);
            h
        };
        let bx = e(&mut copy.kernel, &mut entry, Expression::GpuBuiltin(GpuBuiltin::BlockIndex(crate::Axis::X)));
        let bd = e(&mut copy.kernel, &mut entry, Expression::GpuBuiltin(GpuBuiltin::BlockDim(crate::Axis::X)));
        let tx = e(&mut copy.kernel, &mut entry, Expression::GpuBuiltin(GpuBuiltin::ThreadIndex(crate::Axis::X)));
        let base = e(&mut copy.kernel, &mut entry, Expression::Binary { op: BinaryOp::Mul, left: bx, right: bd });
        let k = e(&mut copy.kernel, &mut entry, Expression::Binary { op: BinaryOp::Add, left: base, right: tx });
        let count = e(&mut copy.kernel, &mut entry, Expression::Param(2));
        let inside = e(&mut copy.kernel, &mut entry, Expression::Compare { op: CompareOp::Lt, left: k, right: count });
        let mut run = Block::new();
        let start_p = e(&mut copy.kernel, &mut run, Expression::Param(0));
        let step_p = e(&mut copy.kernel, &mut run, Expression::Param(1));
        let offset = e(&mut copy.kernel, &mut run, Expression::Binary { op: BinaryOp::Mul, left: k, right: step_p });
        let i = e(&mut copy.kernel, &mut run, Expression::Binary { op: BinaryOp::Add, left: start_p, right: offset });
        run.push(Statement::Store { local: new_index, value: i }, span);
        // The body in a one-pass loop, so that its `continue` can end the iteration.
        let mut once = copy.block(&body, 0, self.module, self.info, self.host_handle)?;
        once.push(Statement::Break, span);
        run.push(Statement::Loop { body: once }, span);
        entry.push(Statement::If { condition: inside, accept: run, reject: Block::new() }, span);
        copy.kernel.body = entry;
        // The body's expressions stay in the host's arena; they become emitted `None`s (the
        // IR wants every expression emitted once).
        let mut ranges = Vec::new();
        emitted_ranges(&body, &mut ranges);
        let captures = std::mem::take(&mut copy.captures);
        let mut kernel = copy.kernel;
        // The launch: count = len(range(start, stop, step)); skipped when 0.
        let zero = self.host_emit(out, Expression::Literal(Literal::I64(0)), span);
        let one = self.host_emit(out, Expression::Literal(Literal::I64(1)), span);
        let up = self.host_emit(out, Expression::Compare { op: CompareOp::Gt, left: step, right: zero }, span);
        let minus_one = self.host_emit(out, Expression::Literal(Literal::I64(-1)), span);
        let adjust = self.host_emit(out, Expression::Select { condition: up, accept: one, reject: minus_one }, span);
        let span_len = self.host_emit(out, Expression::Binary { op: BinaryOp::Sub, left: stop, right: start }, span);
        let widened = self.host_emit(out, Expression::Binary { op: BinaryOp::Add, left: span_len, right: step }, span);
        let numerator =
            self.host_emit(out, Expression::Binary { op: BinaryOp::Sub, left: widened, right: adjust }, span);
        let quotient =
            self.host_emit(out, Expression::Binary { op: BinaryOp::FloorDiv, left: numerator, right: step }, span);
        let positive =
            self.host_emit(out, Expression::Compare { op: CompareOp::Gt, left: quotient, right: zero }, span);
        for range in ranges {
            for h in range.iter() {
                self.host.expressions[h] = Expression::Literal(Literal::None);
            }
            out.push(Statement::Emit(range), span);
        }
        let mut launch = Block::new();
        let mut args = vec![start, step, quotient];
        for capture in &captures {
            let value = match capture.source {
                Source::Local(l) => {
                    let h = self.host.expressions.append(Expression::Load(l), span);
                    launch.push(Statement::Emit(Range::new(h, self.host.expressions.next_handle())), span);
                    h
                }
                Source::Global(g) => {
                    let h = self.host.expressions.append(Expression::LoadGlobal(g), span);
                    launch.push(Statement::Emit(Range::new(h, self.host.expressions.next_handle())), span);
                    h
                }
                Source::Value(h) => h,
            };
            args.push(value);
            kernel.params.push(Param { name: capture.name.clone(), ty: capture.ty });
        }
        let blocks_needed = {
            let b = self.host.expressions.append(Expression::Literal(Literal::I64(BLOCK - 1)), span);
            let sum =
                self.host.expressions.append(Expression::Binary { op: BinaryOp::Add, left: quotient, right: b }, span);
            let per = self.host.expressions.append(Expression::Literal(Literal::I64(BLOCK)), span);
            let blocks = self
                .host
                .expressions
                .append(Expression::Binary { op: BinaryOp::FloorDiv, left: sum, right: per }, span);
            launch.push(Statement::Emit(Range::new(b, self.host.expressions.next_handle())), span);
            (blocks, per)
        };
        let kernel_handle = self.module.functions.append(kernel, span);
        launch.push(
            Statement::Launch {
                kernel: kernel_handle,
                args,
                grid: [blocks_needed.0, one, one],
                block: [blocks_needed.1, one, one],
            },
            span,
        );
        out.push(Statement::If { condition: positive, accept: launch, reject: Block::new() }, span);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Source {
    Local(Handle<Local>),
    Global(Handle<crate::Global>),
    Value(Handle<Expression>),
}

struct Capture {
    name: String,
    ty: Handle<Type>,
    source: Source,
}

/// Copies a loop body from the host function into the kernel.
struct Copy<'h> {
    kernel: Function,
    host: &'h Function,
    /// The loop body being copied.
    loop_body: &'h Block,
    locals: HashMap<Handle<Local>, Handle<Local>>,
    exprs: HashMap<Handle<Expression>, Handle<Expression>>,
    captures: Vec<Capture>,
    capture_index: HashMap<Source, u32>,
    /// Parameter reads made for operands, to be emitted before the statement that uses them.
    pending: Vec<Handle<Expression>>,
}

impl Copy<'_> {
    fn flush(&mut self, out: &mut Block, span: Span) {
        for h in self.pending.drain(..) {
            out.push(Statement::Emit(Range::new(h, Handle::from_index(h.index() + 1))), span);
        }
    }

    fn block(
        &mut self,
        block: &Block,
        loop_depth: usize,
        module: &mut Module,
        info: &ModuleInfo,
        host: Handle<Function>,
    ) -> Result<Block, KernelError> {
        // Operands captured by the enclosing statement are emitted before it, not in here.
        let outer_pending = std::mem::take(&mut self.pending);
        let result = self.block_inner(block, loop_depth, module, info, host);
        self.pending = outer_pending;
        result
    }

    fn block_inner(
        &mut self,
        block: &Block,
        loop_depth: usize,
        module: &mut Module,
        info: &ModuleInfo,
        host: Handle<Function>,
    ) -> Result<Block, KernelError> {
        let mut out = Block::new();
        for (statement, span) in block.iter() {
            let s = match statement {
                Statement::Emit(range) => {
                    for h in range.iter() {
                        let e = self.expression(h, module, info, host, span)?;
                        self.flush(&mut out, span);
                        let new = self.kernel.expressions.append(e, self.host.expressions.span(h));
                        out.push(Statement::Emit(Range::new(new, self.kernel.expressions.next_handle())), span);
                        self.exprs.insert(h, new);
                    }
                    continue;
                }
                Statement::Block(b) => Statement::Block(self.block(b, loop_depth, module, info, host)?),
                Statement::If { condition, accept, reject } => Statement::If {
                    condition: self.operand(*condition, module, info, host, span)?,
                    accept: self.block(accept, loop_depth, module, info, host)?,
                    reject: self.block(reject, loop_depth, module, info, host)?,
                },
                Statement::Loop { body } => {
                    Statement::Loop { body: self.block(body, loop_depth + 1, module, info, host)? }
                }
                // The body's own `continue` ends the iteration: leave the one-pass loop.
                Statement::Continue if loop_depth == 0 => Statement::Break,
                Statement::Continue => Statement::Continue,
                Statement::Break => Statement::Break,
                Statement::Store { local, value } => {
                    let value = self.operand(*value, module, info, host, span)?;
                    Statement::Store { local: self.local(*local), value }
                }
                Statement::IndexStore { base, index, value } => Statement::IndexStore {
                    base: self.operand(*base, module, info, host, span)?,
                    index: self.operand(*index, module, info, host, span)?,
                    value: self.operand(*value, module, info, host, span)?,
                },
                Statement::Raise { kind, message } => Statement::Raise {
                    kind: *kind,
                    message: message.map(|m| self.operand(m, module, info, host, span)).transpose()?,
                },
                _ => {
                    return Err(KernelError {
                        message: "this statement cannot be used in a `gpu=True` loop".into(),
                        span,
                    })
                }
            };
            self.flush(&mut out, span);
            out.push(s, span);
        }
        Ok(out)
    }

    /// A local the body assigns is the kernel's own.
    fn local(&mut self, l: Handle<Local>) -> Handle<Local> {
        if let Some(&k) = self.locals.get(&l) {
            return k;
        }
        let local = self.host.locals[l].clone();
        let k = self.kernel.locals.append(local, self.host.locals.span(l));
        self.locals.insert(l, k);
        k
    }

    /// The kernel parameter for a value from outside the body.
    fn capture(
        &mut self,
        name: String,
        ty: Handle<Type>,
        source: Source,
        module: &mut Module,
        span: Span,
    ) -> Result<Expression, KernelError> {
        let param_ty = match &module.types[ty] {
            Type::Scalar(_) => ty,
            Type::List { elem } if matches!(module.types[*elem], Type::Scalar(_)) => {
                let elem = *elem;
                module.types.insert(Type::ArrayView { elem, space: AddressSpace::Global })
            }
            _ => {
                return Err(KernelError {
                    message: format!(
                        "`{name}` cannot be used in a `gpu=True` loop (only numbers and lists of numbers can)"
                    ),
                    span,
                })
            }
        };
        let next = 3 + self.captures.len() as u32;
        let index = *self.capture_index.entry(source).or_insert(next);
        if index == next {
            self.captures.push(Capture { name, ty: param_ty, source });
        }
        Ok(Expression::Param(index))
    }

    fn operand(
        &mut self,
        h: Handle<Expression>,
        module: &mut Module,
        info: &ModuleInfo,
        host: Handle<Function>,
        span: Span,
    ) -> Result<Handle<Expression>, KernelError> {
        if let Some(&k) = self.exprs.get(&h) {
            return Ok(k);
        }
        // A value computed before the loop.
        let ty = info.function(host).expr_types[h.index()];
        let e = self.capture(format!("value{}", h.index()), ty, Source::Value(h), module, span)?;
        let k = self.kernel.expressions.append(e, span);
        self.pending.push(k);
        Ok(k)
    }

    fn expression(
        &mut self,
        h: Handle<Expression>,
        module: &mut Module,
        info: &ModuleInfo,
        host: Handle<Function>,
        span: Span,
    ) -> Result<Expression, KernelError> {
        let e = self.host.expressions[h].clone();
        let ty = info.function(host).expr_types[h.index()];
        Ok(match e {
            Expression::Load(l) if !self.locals.contains_key(&l) && !assigned_in(self.loop_body, l) => {
                // Read-only outside local: a parameter. (Locals the body assigns were
                // registered when their store was met, or are assigned later in the body.)
                let name = self.host.locals[l].name.clone();
                self.capture(name, ty, Source::Local(l), module, span)?
            }
            Expression::Load(l) => Expression::Load(self.local(l)),
            Expression::LoadGlobal(g) => {
                let name = module.globals[g].name.clone();
                self.capture(name, ty, Source::Global(g), module, span)?
            }
            mut other => {
                for o in other.operands_mut() {
                    *o = self.operand(*o, module, info, host, span)?;
                }
                other
            }
        })
    }
}

/// Every `Emit` range in `block`, nested ones included.
fn emitted_ranges(block: &Block, out: &mut Vec<Range<Expression>>) {
    for (s, _) in block.iter() {
        if let Statement::Emit(r) = s {
            out.push(r.clone());
        }
        s.for_each_block(|b| emitted_ranges(b, out));
    }
}

/// Whether `local` is assigned anywhere in `block` (such locals are private to the loop).
fn assigned_in(block: &Block, local: Handle<Local>) -> bool {
    block.iter().any(|(s, _)| {
        let mut found = false;
        s.for_each_stored_local(|l| found |= l == local);
        s.for_each_block(|b| found |= assigned_in(b, local));
        found
    })
}
