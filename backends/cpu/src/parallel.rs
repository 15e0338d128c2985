//! Parallel loops on the host: [`Statement::ParallelFor`](kiln_ir::Statement::ParallelFor) as an
//! outlined body plus one call of the runtime's `kiln_rt_par_for`.
//!
//! The body becomes a function `i1 body(ptr env, i64 lo, i64 hi, ptr partials)` that runs
//! iteration numbers `lo..hi` of the loop in order. Its environment is a struct on the
//! caller's stack holding, by value, everything the body reads from outside: the range's
//! start and step, the locals it reads but never assigns (shared, unchanged while the loop
//! runs), and the values of expressions evaluated before the loop. Every other local gets a
//! fresh slot in the body function, so what an iteration assigns is private to it; reduction
//! locals start at their operator's identity and are written to the chunk's `partials` at the
//! end. After the call, the caller folds the partials into its reduction locals in chunk order.
//!
//! *Architecture invariant:* a body that raises has already pushed its traceback entry (with
//! the enclosing function's name and the raising line, exactly what CPython shows for that
//! frame); the caller propagates without pushing another.

use std::collections::HashSet;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::module::Linkage;
use inkwell::types::BasicType;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::{FloatPredicate, IntPredicate};
use kiln_ir::{Block, Expression, Handle, Local, Reduction, ReductionOp, Scalar, Schedule, Statement};

use crate::function::{FunctionLowering, LoopFrame};
use crate::types::scalar_of;
use crate::BackendError;

/// The parts of a `ParallelFor` the lowering needs.
pub(crate) struct ParallelLoop<'a> {
    pub index: Handle<Local>,
    pub start: Handle<Expression>,
    pub stop: Handle<Expression>,
    pub step: Handle<Expression>,
    pub body: &'a Block,
    pub schedule: Schedule,
    pub chunk_size: Option<Handle<Expression>>,
    pub num_threads: Option<Handle<Expression>>,
    pub reductions: &'a [Reduction],
}

/// Bytes per reduction in a chunk's partials.
const PARTIAL_SLOT: u64 = 8;

/// What a body reads from outside and writes.
#[derive(Default)]
struct Uses {
    emitted: HashSet<Handle<Expression>>,
    operands: Vec<Handle<Expression>>,
    loaded: HashSet<Handle<Local>>,
    stored: HashSet<Handle<Local>>,
}

impl Uses {
    fn scan(&mut self, func: &kiln_ir::Function, block: &Block) {
        for (statement, _) in block.iter() {
            match statement {
                Statement::Emit(range) => {
                    for h in range.iter() {
                        self.emitted.insert(h);
                        let e = &func.expressions[h];
                        e.for_each_operand(|o| self.operands.push(o));
                        if let Expression::Load(l) = e {
                            self.loaded.insert(*l);
                        }
                    }
                }
                Statement::ParallelFor { reductions, .. } => {
                    // A nested loop's reduction locals are read and written by it.
                    for r in reductions {
                        self.loaded.insert(r.local);
                        self.stored.insert(r.local);
                    }
                }
                _ => {}
            }
            statement.for_each_stored_local(|l| {
                self.stored.insert(l);
            });
            statement.for_each_operand(|o| self.operands.push(o));
            statement.for_each_block(|b| self.scan(func, b));
        }
    }
}

/// What the environment struct carries into the body.
enum Captured {
    Local(Handle<Local>),
    Expr(Handle<Expression>),
}

impl<'a, 'ctx> FunctionLowering<'a, '_, 'ctx> {
    pub(crate) fn parallel_for(&mut self, lp: ParallelLoop<'a>) -> Result<(), BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let ptr_t = self.cg.ptr_type();
        let line = self.stmt_line();

        let mut uses = Uses::default();
        uses.scan(self.func, lp.body);
        let reduction_locals: HashSet<_> = lp.reductions.iter().map(|r| r.local).collect();
        let mut captured: Vec<Captured> = Vec::new();
        let mut shared: Vec<_> = uses
            .loaded
            .iter()
            .copied()
            .filter(|l| !uses.stored.contains(l) && !reduction_locals.contains(l) && *l != lp.index)
            .collect();
        shared.sort_by_key(|l| l.index());
        captured.extend(shared.into_iter().map(Captured::Local));
        let mut outer_exprs: Vec<_> = uses.operands.iter().copied().filter(|o| !uses.emitted.contains(o)).collect();
        outer_exprs.sort_by_key(|h| h.index());
        outer_exprs.dedup();
        captured.extend(outer_exprs.into_iter().map(Captured::Expr));

        // The environment: start, step, then the captured values.
        let mut env_values: Vec<BasicValueEnum<'ctx>> = vec![self.value(lp.start)?, self.value(lp.step)?];
        for c in &captured {
            env_values.push(match c {
                Captured::Local(l) => {
                    let ty = self.func.locals[*l].ty;
                    self.load(self.locals[l.index()], ty, None)?
                }
                Captured::Expr(h) => self.value(*h)?,
            });
        }
        let field_types: Vec<_> = env_values.iter().map(|v| v.get_type()).collect();
        let env_ty = self.cg.ctx.struct_type(&field_types, false);
        let env = self.alloca(env_ty.as_basic_type_enum(), "par.env")?;
        for (i, v) in env_values.iter().enumerate() {
            let field = self.b().build_struct_gep(env_ty, env, i as u32, "")?;
            self.b().build_store(field, *v)?;
        }

        let count = self.range_count(self.int(lp.start)?, self.int(lp.stop)?, self.int(lp.step)?)?;

        // The outlined body.
        let fn_ty = self.cg.ctx.bool_type().fn_type(&[ptr_t.into(), i64t.into(), i64t.into(), ptr_t.into()], false);
        let name = format!("{}.par", self.llfn.get_name().to_string_lossy());
        let body_fn = self.cg.llvm.add_function(&name, fn_ty, Some(Linkage::Internal));
        let zeroext = self.cg.ctx.create_enum_attribute(Attribute::get_named_enum_kind_id("zeroext"), 0);
        body_fn.add_attribute(AttributeLoc::Return, zeroext);
        let resume = self.current_block()?;
        {
            let mut inner = FunctionLowering::new(&mut *self.cg, self.func, self.finfo, body_fn);
            inner.outlined_body(&lp, env_ty, &captured)?;
        }
        self.b().position_at_end(resume);

        // The call.
        let partials_slot = self.alloca(ptr_t.into(), "par.partials")?;
        let chunks_slot = self.alloca(i64t.into(), "par.chunks")?;
        let zero = i64t.const_zero();
        let chunk_size = lp.chunk_size.map(|h| self.int_as_i64(h)).transpose()?.unwrap_or(zero);
        let num_threads = lp.num_threads.map(|h| self.int_as_i64(h)).transpose()?.unwrap_or(zero);
        let schedule = match lp.schedule {
            Schedule::Static => 0,
            Schedule::Dynamic => 1,
            Schedule::Guided => 2,
        };
        let nred = lp.reductions.len() as u64;
        let par_for = self.cg.runtime("kiln_rt_par_for")?;
        let status = self
            .cg
            .call_value(
                par_for,
                &[
                    body_fn.as_global_value().as_pointer_value().into(),
                    env.into(),
                    count.into(),
                    chunk_size.into(),
                    i64t.const_int(schedule, false).into(),
                    num_threads.into(),
                    i64t.const_int(nred * PARTIAL_SLOT, false).into(),
                    partials_slot.into(),
                    chunks_slot.into(),
                ],
            )?
            .into_int_value();
        let failed = self.b().build_int_compare(IntPredicate::NE, status, status.get_type().const_zero(), "")?;
        let propagate = self.new_block("par.raised");
        let ok = self.new_block("par.done");
        self.cg.unlikely_branch(failed, propagate, ok)?;
        self.b().position_at_end(propagate);
        self.return_raised()?;
        self.b().position_at_end(ok);

        if nred > 0 {
            self.combine_partials(lp.reductions, partials_slot, chunks_slot, line)?;
        }
        Ok(())
    }

    /// `len(range(start, stop, step))` for a step that is not zero, in unsigned arithmetic so
    /// that no range overflows.
    fn range_count(
        &mut self,
        start: IntValue<'ctx>,
        stop: IntValue<'ctx>,
        step: IntValue<'ctx>,
    ) -> Result<IntValue<'ctx>, BackendError> {
        let b = self.b();
        let zero = step.get_type().const_zero();
        let one = step.get_type().const_int(1, false);
        let up = b.build_int_compare(IntPredicate::SGT, step, zero, "up")?;
        let (lo, hi) = (b.build_select(up, start, stop, "")?, b.build_select(up, stop, start, "")?);
        let (lo, hi) = (lo.into_int_value(), hi.into_int_value());
        let magnitude = b.build_select(up, step, b.build_int_neg(step, "")?, "")?.into_int_value();
        let nonempty = b.build_int_compare(IntPredicate::SGT, hi, lo, "")?;
        let distance = b.build_int_sub(hi, lo, "")?;
        let distance = b.build_int_sub(distance, one, "")?;
        let n = b.build_int_unsigned_div(distance, magnitude, "")?;
        let n = b.build_int_add(n, one, "")?;
        Ok(b.build_select(nonempty, n, zero, "par.count")?.into_int_value())
    }

    /// Emits the outlined body into this (fresh) lowering's function.
    fn outlined_body(
        &mut self,
        lp: &ParallelLoop<'a>,
        env_ty: inkwell::types::StructType<'ctx>,
        captured: &[Captured],
    ) -> Result<(), BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let body_bb = self.new_block("body");
        self.allocate_locals()?;
        self.b().position_at_end(body_bb);
        let param = |i: u32| self.llfn.get_nth_param(i).ok_or_else(|| self.internal("outlined body parameter"));
        let env = param(0)?.into_pointer_value();
        let lo = param(1)?.into_int_value();
        let hi = param(2)?.into_int_value();
        let partials = param(3)?.into_pointer_value();
        let field = |fl: &Self, i: usize| -> Result<BasicValueEnum<'ctx>, BackendError> {
            let ty = env_ty.get_field_type_at_index(i as u32).ok_or_else(|| fl.internal("environment field"))?;
            let p = fl.b().build_struct_gep(env_ty, env, i as u32, "")?;
            Ok(fl.b().build_load(ty, p, "")?)
        };
        let start = field(self, 0)?.into_int_value();
        let step = field(self, 1)?.into_int_value();
        for (i, c) in captured.iter().enumerate() {
            let v = field(self, i + 2)?;
            match c {
                Captured::Local(l) => {
                    let ty = self.func.locals[*l].ty;
                    self.store(self.locals[l.index()], v, ty, None)?;
                }
                Captured::Expr(h) => self.values[h.index()] = Some(v),
            }
        }
        for r in lp.reductions {
            let identity = self.identity(r)?;
            let ty = self.func.locals[r.local].ty;
            self.store(self.locals[r.local.index()], identity, ty, None)?;
        }
        let preloaded = self.preload_invariant_headers(lp.body)?;
        self.preloaded.push(preloaded);

        // for k in lo..hi: index = start + k*step (in range, so no overflow); body
        let k_slot = self.alloca(i64t.into(), "par.k")?;
        self.b().build_store(k_slot, lo)?;
        let header = self.new_block("par.iter");
        let run = self.new_block("par.body");
        let exit = self.new_block("par.exit");
        self.b().build_unconditional_branch(header)?;
        self.b().position_at_end(header);
        let k = self.b().build_load(i64t, k_slot, "k")?.into_int_value();
        let done = self.b().build_int_compare(IntPredicate::SGE, k, hi, "")?;
        self.b().build_conditional_branch(done, exit, run)?;
        self.b().position_at_end(run);
        let offset = self.b().build_int_mul(k, step, "")?;
        let i = self.b().build_int_add(start, offset, "i")?;
        let index_ty = self.func.locals[lp.index].ty;
        self.store(self.locals[lp.index.index()], i.into(), index_ty, None)?;
        let next = self.b().build_int_add(k, i64t.const_int(1, false), "")?;
        self.b().build_store(k_slot, next)?;
        self.loops.push(LoopFrame { header, exit: None });
        self.block(lp.body)?;
        self.loops.pop();
        if !self.terminated() {
            self.b().build_unconditional_branch(header)?;
        }
        self.b().position_at_end(exit);
        for (n, r) in lp.reductions.iter().enumerate() {
            let ty = self.func.locals[r.local].ty;
            let v = self.load(self.locals[r.local.index()], ty, None)?;
            let slot = self.partial_slot(partials, i64t.const_int(n as u64, false))?;
            self.store_partial(slot, v)?;
        }
        self.b().build_return(Some(&self.cg.ctx.bool_type().const_zero()))?;
        self.alloca_builder.build_unconditional_branch(body_bb)?;
        Ok(())
    }

    fn reduction_scalar(&self, r: &Reduction) -> Result<Scalar, BackendError> {
        scalar_of(self.cg.module, self.func.locals[r.local].ty)
            .ok_or_else(|| self.internal("reduction over a non-scalar local"))
    }

    /// The value each chunk's partial starts from.
    fn identity(&self, r: &Reduction) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let s = self.reduction_scalar(r)?;
        let ctx = self.cg.ctx;
        Ok(if s == Scalar::F64 {
            let v = match r.op {
                // -0.0, not 0.0: -0.0 + x is x for every x, including -0.0.
                ReductionOp::Add => -0.0,
                ReductionOp::Mul => 1.0,
                ReductionOp::Min => f64::INFINITY,
                ReductionOp::Max => f64::NEG_INFINITY,
                _ => return Err(self.internal("bitwise reduction of a float")),
            };
            ctx.f64_type().const_float(v).into()
        } else if s == Scalar::BOOL {
            let v = matches!(r.op, ReductionOp::BitAnd);
            ctx.bool_type().const_int(v as u64, false).into()
        } else {
            let v: i64 = match r.op {
                ReductionOp::Add | ReductionOp::BitOr | ReductionOp::BitXor => 0,
                ReductionOp::Mul => 1,
                ReductionOp::BitAnd => -1,
                ReductionOp::Min => i64::MAX,
                ReductionOp::Max => i64::MIN,
            };
            ctx.i64_type().const_int(v as u64, true).into()
        })
    }

    /// The address of reduction `n` in the partials at `base`.
    fn partial_slot(&self, base: PointerValue<'ctx>, n: IntValue<'ctx>) -> Result<PointerValue<'ctx>, BackendError> {
        let i64t = self.cg.ctx.i64_type();
        // SAFETY: the runtime allocates `PARTIAL_SLOT` bytes per reduction per chunk.
        Ok(unsafe { self.b().build_in_bounds_gep(i64t, base, &[n], "partial")? })
    }

    /// Partials are stored as `i64` (ints, bools zero-extended) or `f64`.
    fn store_partial(&self, slot: PointerValue<'ctx>, v: BasicValueEnum<'ctx>) -> Result<(), BackendError> {
        let v: BasicValueEnum<'ctx> = match v {
            BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() < 64 => {
                self.b().build_int_z_extend(i, self.cg.ctx.i64_type(), "")?.into()
            }
            other => other,
        };
        self.b().build_store(slot, v)?;
        Ok(())
    }

    /// After the loop: `x = x op partial[c]` for every chunk `c` in order.
    fn combine_partials(
        &mut self,
        reductions: &[Reduction],
        partials_slot: PointerValue<'ctx>,
        chunks_slot: PointerValue<'ctx>,
        line: u32,
    ) -> Result<(), BackendError> {
        let i64t = self.cg.ctx.i64_type();
        let ptr_t = self.cg.ptr_type();
        let partials = self.b().build_load(ptr_t, partials_slot, "partials")?.into_pointer_value();
        let chunks = self.b().build_load(i64t, chunks_slot, "chunks")?.into_int_value();
        let c_slot = self.alloca(i64t.into(), "par.c")?;
        self.b().build_store(c_slot, i64t.const_zero())?;
        let header = self.new_block("combine");
        let step = self.new_block("combine.step");
        let done = self.new_block("combine.done");
        self.b().build_unconditional_branch(header)?;
        self.b().position_at_end(header);
        let c = self.b().build_load(i64t, c_slot, "c")?.into_int_value();
        let more = self.b().build_int_compare(IntPredicate::SLT, c, chunks, "")?;
        self.b().build_conditional_branch(more, step, done)?;
        self.b().position_at_end(step);
        let nred = i64t.const_int(reductions.len() as u64, false);
        let row = self.b().build_int_mul(c, nred, "")?;
        for (n, r) in reductions.iter().enumerate() {
            let at = self.b().build_int_add(row, i64t.const_int(n as u64, false), "")?;
            let slot = self.partial_slot(partials, at)?;
            let ty = self.func.locals[r.local].ty;
            let local = self.locals[r.local.index()];
            let x = self.load(local, ty, None)?;
            let combined = self.combine(r, x, slot, line)?;
            self.store(local, combined, ty, None)?;
        }
        let next = self.b().build_int_add(c, i64t.const_int(1, false), "")?;
        self.b().build_store(c_slot, next)?;
        self.b().build_unconditional_branch(header)?;
        self.b().position_at_end(done);
        Ok(())
    }

    /// `x op partial` with the semantics of the statement the reduction came from:
    /// `x += p` (checked for ints), `x = min(x, p)` (`p` only when `p < x`), ...
    fn combine(
        &mut self,
        r: &Reduction,
        x: BasicValueEnum<'ctx>,
        slot: PointerValue<'ctx>,
        line: u32,
    ) -> Result<BasicValueEnum<'ctx>, BackendError> {
        let s = self.reduction_scalar(r)?;
        let ctx = self.cg.ctx;
        if s == Scalar::F64 {
            let x = x.into_float_value();
            let p = self.b().build_load(ctx.f64_type(), slot, "")?.into_float_value();
            return Ok(match r.op {
                ReductionOp::Add => self.b().build_float_add(x, p, "")?.into(),
                ReductionOp::Mul => self.b().build_float_mul(x, p, "")?.into(),
                ReductionOp::Min | ReductionOp::Max => {
                    let pred = if r.op == ReductionOp::Min { FloatPredicate::OLT } else { FloatPredicate::OGT };
                    let better = self.b().build_float_compare(pred, p, x, "")?;
                    self.b().build_select(better, p, x, "")?
                }
                _ => return Err(self.internal("bitwise reduction of a float")),
            });
        }
        let p = self.b().build_load(ctx.i64_type(), slot, "")?.into_int_value();
        let x = x.into_int_value();
        let p = if x.get_type().get_bit_width() < 64 { self.b().build_int_truncate(p, x.get_type(), "")? } else { p };
        Ok(match r.op {
            ReductionOp::Add => self.checked("sadd", x, p, line)?.into(),
            ReductionOp::Mul => self.checked("smul", x, p, line)?.into(),
            ReductionOp::BitAnd => self.b().build_and(x, p, "")?.into(),
            ReductionOp::BitOr => self.b().build_or(x, p, "")?.into(),
            ReductionOp::BitXor => self.b().build_xor(x, p, "")?.into(),
            ReductionOp::Min | ReductionOp::Max => {
                let pred = if r.op == ReductionOp::Min { IntPredicate::SLT } else { IntPredicate::SGT };
                let better = self.b().build_int_compare(pred, p, x, "")?;
                self.b().build_select(better, p, x, "")?
            }
        })
    }
}
