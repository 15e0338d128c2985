//! Accumulator tail-recursion elimination for checked integer `+`.
//!
//! `return x + f(args)` at the end of a recursive `f` becomes `acc = acc + x; params = args;
//! continue` inside a loop around the body, and every other `return v` becomes
//! `return acc + v`. This is what C compilers do for `fib(n - 1) + fib(n - 2)`, and it halves
//! the calls there.
//!
//! LLVM cannot do it for us because the additions are overflow-checked, and reassociating
//! checked additions could raise where the source order does not (`2**61 + f(...)` with a very
//! negative base case). So each `acc + x` is formed in 128 bits; when it leaves the `i64` range
//! (a cold path) the rest of the recursion is computed by an ordinary call and added to it
//! exactly, and only that total is range-checked. At a `return v`, `acc + v` is the last
//! addition the recursion would have done, so an ordinary checked add is right there. The
//! rewritten function therefore raises `OverflowError` only where the original would have, and
//! returns the exact (CPython) result in some cases where the original would have raised.
//! Multiplication is not rewritten: a zero deep down makes the product exact while the
//! reassociated partial products overflow even 128 bits.
//!
//! The loop counts its iterations and raises `RecursionError` past [`MAX_DEPTH`], the depth
//! at which the recursion it replaces would have exhausted the 256 MiB program stack anyway,
//! so runaway recursion still ends with `RecursionError` instead of spinning.
//!
//! Only functions without side effects qualify (see [`is_pure`]), and a site qualifies only
//! when nothing observable separates the call from the `return`: the
//! expressions emitted between them must neither raise nor have effects, the call's value must
//! have no other use, and no source-level loop may enclose the `return` (its `continue` would
//! bind to that loop).

use crate::arena::{Handle, Range, Span};
use crate::ir::*;
use crate::types::{Scalar, Type};
use crate::valid::ModuleInfo;

/// Loop iterations allowed: 256 MiB of stack divided by the smallest possible frame (16 bytes).
pub const MAX_DEPTH: i64 = 1 << 24;

struct Site {
    ret: Handle<Expression>,
    call: Handle<Expression>,
    other: Handle<Expression>,
    args: Vec<Handle<Expression>>,
}

/// Rewrites every qualifying function of `module`; returns how many were rewritten.
pub fn run(module: &mut Module, info: &ModuleInfo) -> usize {
    let i64_ty = module.types.get_handle(&Type::Scalar(Scalar::I64));
    let mut rewritten = 0;
    for index in 0..module.functions.len() {
        let handle = Handle::from_index(index);
        if !info.function(handle).recursive || Some(module.functions[handle].result) != i64_ty {
            continue;
        }
        let function = &module.functions[handle];
        if !is_pure(function, handle) {
            continue;
        }
        let mut sites = Vec::new();
        collect_sites(function, handle, &function.body, false, &mut sites);
        if sites.is_empty() || !sites.iter().all(|s| uses(function, s.call) == 1 && uses(function, s.ret) == 1) {
            continue;
        }
        let Some(i64_ty) = i64_ty else { continue };
        module.types.insert(Type::Scalar(Scalar::I128));
        rewrite(&mut module.functions[handle], handle, sites, i64_ty);
        rewritten += 1;
    }
    rewritten
}

/// Finds `return x + f(...)` sites outside source loops.
fn collect_sites(f: &Function, me: Handle<Function>, block: &Block, in_loop: bool, sites: &mut Vec<Site>) {
    let statements: Vec<&Statement> = block.iter().map(|(s, _)| s).collect();
    for (i, statement) in statements.iter().enumerate() {
        match statement {
            Statement::If { accept, reject, .. } => {
                collect_sites(f, me, accept, in_loop, sites);
                collect_sites(f, me, reject, in_loop, sites);
            }
            Statement::Block(b) => collect_sites(f, me, b, in_loop, sites),
            Statement::Loop { body } => collect_sites(f, me, body, true, sites),
            Statement::Return { value: Some(ret) } if !in_loop && i > 0 => {
                let Expression::Binary { op: BinaryOp::Add, left, right } = f.expressions[*ret] else {
                    continue;
                };
                let is_self_call = |h: Handle<Expression>| matches!(&f.expressions[h], Expression::Call { function, .. } if *function == me);
                let (call, other) = if is_self_call(right) {
                    (right, left)
                } else if is_self_call(left) {
                    (left, right)
                } else {
                    continue;
                };
                // The call and the operation must be emitted by the emit right before the
                // return, with nothing observable in between.
                let Statement::Emit(range) = statements[i - 1] else { continue };
                if !(range.start <= call && call < *ret && *ret < range.end) || other == call {
                    continue;
                }
                let quiet =
                    (call.index() + 1..ret.index()).map(Handle::from_index).all(|h| is_quiet(&f.expressions[h]));
                if !quiet {
                    continue;
                }
                let Expression::Call { args, .. } = &f.expressions[call] else { continue };
                sites.push(Site { ret: *ret, call, other, args: args.clone() });
            }
            _ => {}
        }
    }
}

/// Whether the function's only observable behaviour is its result or an exception: no output,
/// no stores outside its locals, no `raise`, no calls but to itself. Only then may an overflow
/// of the reassociated accumulator surface earlier than it would have without the rewrite.
fn is_pure(f: &Function, me: Handle<Function>) -> bool {
    fn block_is_pure(block: &Block) -> bool {
        block.iter().all(|(s, _)| {
            let mut pure = !matches!(
                s,
                Statement::StoreGlobal { .. }
                    | Statement::IndexStore { .. }
                    | Statement::ListAppend { .. }
                    | Statement::ListTruncate { .. }
                    | Statement::Raise { .. }
                    | Statement::ParallelFor { .. }
                    | Statement::Barrier
                    | Statement::Yield { .. }
            );
            s.for_each_block(|b| pure &= block_is_pure(b));
            pure
        })
    }
    let calls_pure = f.expressions.iter().all(|(_, e)| match e {
        Expression::Call { function, .. } => *function == me,
        // A resume runs some generator's body, which may do anything.
        Expression::RuntimeCall { .. }
        | Expression::FormatDynamic { .. }
        | Expression::Atomic { .. }
        | Expression::GenResume { .. } => false,
        _ => true,
    });
    calls_pure && block_is_pure(&f.body)
}

/// Expressions that can neither raise nor have effects.
fn is_quiet(e: &Expression) -> bool {
    matches!(
        e,
        Expression::Literal(_)
            | Expression::Param(_)
            | Expression::Load(_)
            | Expression::LoadGlobal(_)
            | Expression::Compare { .. }
            | Expression::Select { .. }
            | Expression::Len { .. }
    )
}

/// How many times `target` is used as an operand or by a statement.
fn uses(f: &Function, target: Handle<Expression>) -> usize {
    let mut count = 0;
    for (_, e) in f.expressions.iter() {
        e.for_each_operand(|h| count += (h == target) as usize);
    }
    count_in_block(&f.body, target, &mut count);
    count
}

fn count_in_block(block: &Block, target: Handle<Expression>, count: &mut usize) {
    for (statement, _) in block.iter() {
        statement.for_each_operand(|h| *count += (h == target) as usize);
        statement.for_each_block(|b| count_in_block(b, target, count));
    }
}

fn rewrite(f: &mut Function, me: Handle<Function>, sites: Vec<Site>, i64_ty: Handle<Type>) {
    let span = f.span;
    let counted = !terminates(f, &sites);
    let acc = f.locals.append(Local { name: "$acc".into(), ty: i64_ty }, span);
    let depth = counted.then(|| f.locals.append(Local { name: "$depth".into(), ty: i64_ty }, span));
    let params: Vec<Handle<Local>> = f
        .params
        .iter()
        .map(|p| Local { name: format!("$param.{}", p.name), ty: p.ty })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|l| f.locals.append(l, span))
        .collect();
    // Parameters are read from their loop-carried locals from now on.
    let param_exprs: Vec<Handle<Expression>> =
        f.expressions.iter().filter(|(_, e)| matches!(e, Expression::Param(_))).map(|(h, _)| h).collect();
    for h in param_exprs {
        if let Expression::Param(i) = f.expressions[h] {
            f.expressions[h] = Expression::Load(params[i as usize]);
        }
    }
    let mut body = std::mem::take(&mut f.body);
    for site in &sites {
        // The call and the operation become dead constants; the loop does their work.
        f.expressions[site.call] = Expression::Literal(Literal::I64(0));
        f.expressions[site.ret] = Expression::Literal(Literal::I64(0));
    }
    let loop_state = LoopState { me, acc, depth, params };
    body = rewrite_block(f, body, &sites, &loop_state);
    // Prologue: acc = 0; param locals = params; then loop over the old body.
    let mut entry = Block::new();
    let start = f.expressions.next_handle();
    let zero = f.expressions.append(Expression::Literal(Literal::I64(0)), span);
    let values: Vec<Handle<Expression>> =
        (0..loop_state.params.len()).map(|i| f.expressions.append(Expression::Param(i as u32), span)).collect();
    entry.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
    entry.push(Statement::Store { local: acc, value: zero }, span);
    if let Some(depth) = depth {
        entry.push(Statement::Store { local: depth, value: zero }, span);
    }
    for (local, value) in loop_state.params.iter().zip(values) {
        entry.push(Statement::Store { local: *local, value }, span);
    }
    entry.push(Statement::Loop { body }, span);
    f.body = entry;
}

/// The locals of the loop that replaces the recursion.
struct LoopState {
    /// The function itself (the slow path calls it).
    me: Handle<Function>,
    acc: Handle<Local>,
    /// The iteration counter, unless the loop provably terminates.
    depth: Option<Handle<Local>>,
    params: Vec<Handle<Local>>,
}

fn rewrite_block(f: &mut Function, block: Block, sites: &[Site], state: &LoopState) -> Block {
    let mut out = Block::new();
    for (statement, span) in block.into_iter() {
        match statement {
            Statement::Return { value: Some(ret) } => match sites.iter().find(|s| s.ret == ret) {
                Some(site) => {
                    // acc + x; if it leaves the i64 range (rare), the rest of the recursion is
                    // computed by a real call and added exactly in 128 bits.
                    let start = f.expressions.next_handle();
                    let current = f.expressions.append(Expression::Load(state.acc), span);
                    let lost = f.expressions.append(
                        Expression::Binary { op: BinaryOp::AddOverflows, left: current, right: site.other },
                        span,
                    );
                    let narrow = f.expressions.append(
                        Expression::Binary { op: BinaryOp::WrappingAdd, left: current, right: site.other },
                        span,
                    );
                    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
                    let mut slow = Block::new();
                    let wide = widen_add(f, &mut slow, current, site.other, span);
                    let call_start = f.expressions.next_handle();
                    let rest =
                        f.expressions.append(Expression::Call { function: state.me, args: site.args.clone() }, span);
                    slow.push(Statement::Emit(Range::new(call_start, f.expressions.next_handle())), span);
                    let total = widen_add_wide(f, &mut slow, wide, rest, span);
                    let result = narrow_checked(f, &mut slow, total, span);
                    slow.push(Statement::Return { value: Some(result) }, span);
                    out.push(Statement::If { condition: lost, accept: slow, reject: Block::new() }, span);
                    out.push(Statement::Store { local: state.acc, value: narrow }, span);
                    if let Some(depth) = state.depth {
                        count_depth(f, &mut out, depth, span);
                    }
                    for (local, arg) in state.params.iter().zip(&site.args) {
                        out.push(Statement::Store { local: *local, value: *arg }, span);
                    }
                    out.push(Statement::Continue, span);
                }
                None => {
                    // The final addition of the recursion: an ordinary checked add.
                    let start = f.expressions.next_handle();
                    let current = f.expressions.append(Expression::Load(state.acc), span);
                    let sum =
                        f.expressions.append(Expression::Binary { op: BinaryOp::Add, left: current, right: ret }, span);
                    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
                    out.push(Statement::Return { value: Some(sum) }, span);
                }
            },
            other => out.push(other.map_blocks(&mut |b| rewrite_block(f, b, sites, state)), span),
        }
    }
    out
}

/// Whether the loop provably ends, so it needs no iteration cap: some parameter `p` lives in a
/// local assigned only from the parameter, every tail site passes `p - c` for a literal `c > 0`,
/// and the body starts every iteration with `if p < K: ... return` (or `<=`). Then `p` falls
/// by at least 1 per iteration (or the checked subtraction raises) until the `if` returns.
/// This is the shape of `fib`, `factorial` and most textbook recursion.
fn terminates(f: &Function, sites: &[Site]) -> bool {
    (0..f.params.len()).any(|i| parameter_decreases_to_exit(f, sites, i as u32))
}

fn parameter_decreases_to_exit(f: &Function, sites: &[Site], param: u32) -> bool {
    // The local that holds the parameter: stored exactly once, from `Param(param)`.
    let mut holder = None;
    let mut stores = std::collections::HashMap::<Handle<Local>, usize>::new();
    count_stores(&f.body, &mut stores);
    for (statement, _) in f.body.iter() {
        if let Statement::Store { local, value } = statement {
            if matches!(f.expressions[*value], Expression::Param(p) if p == param) {
                holder = Some(*local);
            }
        }
    }
    let Some(holder) = holder else { return false };
    if stores.get(&holder) != Some(&1) {
        return false;
    }
    let reads_holder = |h: Handle<Expression>| matches!(f.expressions[h], Expression::Load(l) if l == holder);
    let literal = |h: Handle<Expression>| match f.expressions[h] {
        Expression::Literal(Literal::I64(v)) => Some(v),
        _ => None,
    };
    let decreasing = sites.iter().all(|site| {
        site.args.get(param as usize).is_some_and(|&arg| match f.expressions[arg] {
            Expression::Binary { op: BinaryOp::Sub, left, right } => {
                reads_holder(left) && literal(right).is_some_and(|c| c > 0)
            }
            _ => false,
        })
    });
    // The exit test must run before anything that can return (a tail site included).
    let mut exits = false;
    for (statement, _) in f.body.iter() {
        if let Statement::If { condition, accept, .. } = statement {
            let bounded = matches!(f.expressions[*condition],
                Expression::Compare { op: CompareOp::Lt | CompareOp::Le, left, right } if reads_holder(left) && literal(right).is_some());
            if bounded && matches!(accept.last(), Some(Statement::Return { .. })) {
                exits = true;
                break;
            }
        }
        if contains_return(statement) {
            break;
        }
    }
    decreasing && exits
}

fn contains_return(statement: &Statement) -> bool {
    let mut found = matches!(statement, Statement::Return { .. });
    statement.for_each_block(|b| found |= b.iter().any(|(s, _)| contains_return(s)));
    found
}

fn count_stores(block: &Block, stores: &mut std::collections::HashMap<Handle<Local>, usize>) {
    for (statement, _) in block.iter() {
        if let Statement::Store { local, .. } = statement {
            *stores.entry(*local).or_default() += 1;
        }
        statement.for_each_block(|b| count_stores(b, stores));
    }
}

/// `depth += 1; if depth > MAX_DEPTH: raise RecursionError`.
fn count_depth(f: &mut Function, out: &mut Block, depth: Handle<Local>, span: Span) {
    let start = f.expressions.next_handle();
    let current = f.expressions.append(Expression::Load(depth), span);
    let one = f.expressions.append(Expression::Literal(Literal::I64(1)), span);
    let next = f.expressions.append(Expression::Binary { op: BinaryOp::WrappingAdd, left: current, right: one }, span);
    let limit = f.expressions.append(Expression::Literal(Literal::I64(MAX_DEPTH)), span);
    let too_deep = f.expressions.append(Expression::Compare { op: CompareOp::Gt, left: next, right: limit }, span);
    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
    out.push(Statement::Store { local: depth, value: next }, span);
    let mut raise = Block::new();
    let message_start = f.expressions.next_handle();
    let message =
        f.expressions.append(Expression::Literal(Literal::Str("maximum recursion depth exceeded".into())), span);
    raise.push(Statement::Emit(Range::new(message_start, f.expressions.next_handle())), span);
    raise.push(Statement::Raise { kind: ExceptionKind::RecursionError, message: Some(message) }, span);
    out.push(Statement::If { condition: too_deep, accept: raise, reject: Block::new() }, span);
}

/// Emits `a + b` for `i64`s `a` and `b`, computed in 128 bits (it cannot overflow).
fn widen_add(
    f: &mut Function,
    out: &mut Block,
    a: Handle<Expression>,
    b: Handle<Expression>,
    span: Span,
) -> Handle<Expression> {
    let start = f.expressions.next_handle();
    let wide_a = f.expressions.append(Expression::Cast { value: a, to: Scalar::I128, kind: CastKind::Convert }, span);
    let sum = widen_add_parts(f, wide_a, b, span);
    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
    sum
}

/// Emits `wide + b` for an `i128` `wide` and an `i64` `b`.
fn widen_add_wide(
    f: &mut Function,
    out: &mut Block,
    wide: Handle<Expression>,
    b: Handle<Expression>,
    span: Span,
) -> Handle<Expression> {
    let start = f.expressions.next_handle();
    let sum = widen_add_parts(f, wide, b, span);
    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
    sum
}

fn widen_add_parts(
    f: &mut Function,
    wide: Handle<Expression>,
    b: Handle<Expression>,
    span: Span,
) -> Handle<Expression> {
    let wide_b = f.expressions.append(Expression::Cast { value: b, to: Scalar::I128, kind: CastKind::Convert }, span);
    f.expressions.append(Expression::Binary { op: BinaryOp::WrappingAdd, left: wide, right: wide_b }, span)
}

/// Emits the `i64` truncation of `wide` and whether it lost information.
fn narrow_test(
    f: &mut Function,
    out: &mut Block,
    wide: Handle<Expression>,
    span: Span,
) -> (Handle<Expression>, Handle<Expression>) {
    let start = f.expressions.next_handle();
    let narrow = f.expressions.append(Expression::Cast { value: wide, to: Scalar::I64, kind: CastKind::Convert }, span);
    let back =
        f.expressions.append(Expression::Cast { value: narrow, to: Scalar::I128, kind: CastKind::Convert }, span);
    let lost = f.expressions.append(Expression::Compare { op: CompareOp::Ne, left: back, right: wide }, span);
    out.push(Statement::Emit(Range::new(start, f.expressions.next_handle())), span);
    (narrow, lost)
}

/// Emits the `i64` value of the `i128` `wide`, raising `OverflowError` when it does not fit.
fn narrow_checked(f: &mut Function, out: &mut Block, wide: Handle<Expression>, span: Span) -> Handle<Expression> {
    let (narrow, lost) = narrow_test(f, out, wide, span);
    let mut raise = Block::new();
    let message_start = f.expressions.next_handle();
    let message = f
        .expressions
        .append(Expression::Literal(Literal::Str("integer overflow: result does not fit in 64 bits".into())), span);
    raise.push(Statement::Emit(Range::new(message_start, f.expressions.next_handle())), span);
    raise.push(Statement::Raise { kind: ExceptionKind::OverflowError, message: Some(message) }, span);
    out.push(Statement::If { condition: lost, accept: raise, reject: Block::new() }, span);
    narrow
}
