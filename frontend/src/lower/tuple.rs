//! Tuples: literals, indexing, comparison, `repr`, unpacking.
//!
//! A tuple is a value (`Ty::Tuple`, an IR `Type::Tuple`): fixed length, one type per position,
//! copied rather than shared — which Python cannot tell apart, because tuples are immutable.
//! Everything here is expanded per position at compile time, since the length is static.

use kiln_ir::{BinaryOp, CompareOp, ExceptionKind, Expression, Literal, Span, Statement};
use rustpython_parser::ast;

use super::learn::Origin;
use super::stmt::{const_int, FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

impl FnCx<'_, '_> {
    /// `(a, b, ...)`.
    pub(crate) fn tuple_literal(&mut self, elts: &[ast::Expr], span: Span) -> Res<Val> {
        let mut values = Vec::with_capacity(elts.len());
        for e in elts {
            if let ast::Expr::Starred(s) = e {
                let at = self.span_of(s);
                return self.fail(Diagnostic::error("kiln does not support `*` unpacking in a tuple yet", at));
            }
            values.push(self.expr(e)?);
        }
        let tuple = self.make_tuple(values.clone(), span);
        self.note_origin(&tuple, Origin::Display(values));
        Ok(tuple)
    }

    pub(crate) fn make_tuple(&mut self, values: Vec<Val>, span: Span) -> Val {
        let ty = Ty::Tuple(values.iter().map(|v| v.ty.clone()).collect());
        ty.to_ir(&mut self.p.module);
        let h = self.emit(Expression::TupleNew { elems: values.iter().map(|v| v.h).collect() }, span);
        Val { ty, h }
    }

    /// Position `i` of a tuple value.
    pub(crate) fn tuple_get(&mut self, tuple: &Val, i: usize, span: Span) -> Val {
        let Ty::Tuple(elems) = &tuple.ty else { unreachable!("called for tuples") };
        let ty = elems[i].clone();
        let part = Val { ty, h: self.emit(Expression::TupleGet { tuple: tuple.h, index: i as u32 }, span) };
        self.note_origin(&part, Origin::Part { tuple: tuple.clone(), index: i });
        part
    }

    /// `t[i]` and `t[a:b]` with constant indices; `t[i]` with a run-time index when every
    /// position has the same type.
    pub(crate) fn tuple_subscript(&mut self, tuple: Val, slice: &ast::Expr, span: Span) -> Res<Val> {
        let Ty::Tuple(elems) = tuple.ty.clone() else { unreachable!("called for tuples") };
        let n = elems.len() as i64;
        if let ast::Expr::Slice(sl) = slice {
            let bound = |e: &Option<Box<ast::Expr>>| e.as_deref().map(const_int);
            let (lo, hi, step) = (bound(&sl.lower), bound(&sl.upper), bound(&sl.step));
            if [lo, hi, step].iter().any(|b| matches!(b, Some(None))) {
                return self
                    .fail(Diagnostic::error("kiln needs constant bounds to slice a tuple", self.span_of(slice)));
            }
            let step = step.flatten().unwrap_or(1);
            if step == 0 {
                self.raise(ExceptionKind::ValueError, Some("slice step cannot be zero"), span);
                return Ok(self.make_tuple(Vec::new(), span));
            }
            let picked = slice_positions(n, lo.flatten(), hi.flatten(), step);
            let values = picked.into_iter().map(|i| self.tuple_get(&tuple, i as usize, span)).collect();
            return Ok(self.make_tuple(values, span));
        }
        if let Some(i) = const_int(slice) {
            let i = if i < 0 { i + n } else { i };
            if !(0..n).contains(&i) {
                // CPython raises at run time; so does kiln (the value after it is never used).
                self.raise(ExceptionKind::IndexError, Some("tuple index out of range"), span);
                // (An empty tuple's items have no type: `int`, as for an empty list's.)
                let ty = elems.first().cloned().unwrap_or(Ty::Int);
                return self.unknown_of(ty, span);
            }
            return Ok(self.tuple_get(&tuple, i as usize, span));
        }
        let index = self.index_value(slice)?;
        let Some(first) = elems.first().cloned() else {
            self.raise(ExceptionKind::IndexError, Some("tuple index out of range"), span);
            return self.unknown_of(Ty::Int, span);
        };
        if elems.iter().any(|e| *e != first) {
            return self.fail(
                Diagnostic::error(format!("kiln needs a constant index into {}", tuple.ty), self.span_of(slice))
                    .with_note("the positions have different types, so the result's type depends on the index"),
            );
        }
        // A run-time index into a homogeneous tuple: a bounds check, then a select chain.
        let zero = self.int(0, span);
        let len = self.int(n, span);
        let negative = self.emit(Expression::Compare { op: CompareOp::Lt, left: index.h, right: zero.h }, span);
        let wrapped = self.emit(Expression::Binary { op: BinaryOp::Add, left: index.h, right: len.h }, span);
        let i = self.emit(Expression::Select { condition: negative, accept: wrapped, reject: index.h }, span);
        let below = self.emit(Expression::Compare { op: CompareOp::Lt, left: i, right: zero.h }, span);
        let above = self.emit(Expression::Compare { op: CompareOp::Ge, left: i, right: len.h }, span);
        let outside = self.emit(Expression::Binary { op: BinaryOp::BitOr, left: below, right: above }, span);
        self.raise_if(outside, ExceptionKind::IndexError, "tuple index out of range", span);
        let mut acc = self.tuple_get(&tuple, 0, span).h;
        for k in 1..n {
            let kk = self.int(k, span);
            let here = self.emit(Expression::Compare { op: CompareOp::Eq, left: i, right: kk.h }, span);
            let v = self.tuple_get(&tuple, k as usize, span);
            acc = self.emit(Expression::Select { condition: here, accept: v.h, reject: acc }, span);
        }
        Ok(Val { ty: first, h: acc })
    }

    /// `t[i]` and `t[a:b:c]` of a tuple of run-time length (the list underneath, with the
    /// messages of a tuple).
    pub(crate) fn var_tuple_subscript(&mut self, tuple: Val, slice: &ast::Expr, span: Span) -> Res<Val> {
        let Ty::VarTuple(elem) = tuple.ty.clone() else { unreachable!("called for run-time-length tuples") };
        let list = Val { ty: Ty::List(elem.clone()), h: tuple.h };
        if let ast::Expr::Slice(sl) = slice {
            let ([start, stop, step], given) = self.slice_parts(sl, span)?;
            let given = self.int(given, span);
            let part = self.call_stdlib("_list_slice", vec![list, start, stop, step, given], span)?;
            return Ok(Val { ty: Ty::VarTuple(elem), h: part.h });
        }
        let index = self.index_value(slice)?;
        let n = self.emit(Expression::Len { value: tuple.h }, span);
        let zero = self.int(0, span);
        let negative = self.emit(Expression::Compare { op: CompareOp::Lt, left: index.h, right: zero.h }, span);
        let wrapped = self.emit(Expression::Binary { op: BinaryOp::Add, left: index.h, right: n }, span);
        let i = self.emit(Expression::Select { condition: negative, accept: wrapped, reject: index.h }, span);
        let below = self.emit(Expression::Compare { op: CompareOp::Lt, left: i, right: zero.h }, span);
        let above = self.emit(Expression::Compare { op: CompareOp::Ge, left: i, right: n }, span);
        let outside = self.emit(Expression::Binary { op: BinaryOp::BitOr, left: below, right: above }, span);
        self.raise_if(outside, ExceptionKind::IndexError, "tuple index out of range", span);
        Ok(Val { ty: *elem, h: self.emit(Expression::Index { base: tuple.h, index: i }, span) })
    }

    /// A tuple iterated (by `for`, `max`, `str.join`...): the list of its items, when they share
    /// a type. An empty tuple gives an empty list of `empty` (no item can show the choice).
    pub(crate) fn tuple_items(&mut self, tuple: Val, empty: &Ty, span: Span) -> Res<Val> {
        if let Ty::VarTuple(e) = tuple.ty {
            // Already a list underneath, which nothing mutates.
            return Ok(Val { ty: Ty::List(e), h: tuple.h });
        }
        let Ty::Tuple(elems) = tuple.ty.clone() else { return Ok(tuple) };
        let first = elems.first().cloned().unwrap_or_else(|| empty.clone());
        if elems.iter().any(|e| *e != first) {
            return self.fail(
                Diagnostic::error(
                    format!("kiln can iterate only over tuples whose items have one type, not {}", tuple.ty),
                    span,
                )
                .with_note("the loop variable would change type from one item to the next"),
            );
        }
        let values = (0..elems.len()).map(|i| self.tuple_get(&tuple, i, span)).collect();
        Ok(self.list_of(values, &first, span))
    }

    /// A value of type `ty` for code that cannot be reached (after a `raise`).
    fn unknown_of(&mut self, ty: Ty, span: Span) -> Res<Val> {
        let local = self.new_temp(&ty, span);
        Ok(self.load(local, ty, span))
    }

    /// `==`, `!=`, `<`, `<=`, `>`, `>=` between tuples: position by position, then by length.
    pub(crate) fn tuple_compare(
        &mut self,
        op: CompareOp,
        left: Val,
        right: Val,
        span: Span,
    ) -> Res<kiln_ir::Handle<Expression>> {
        let (Ty::Tuple(a), Ty::Tuple(b)) = (left.ty.clone(), right.ty.clone()) else {
            unreachable!("called for tuples")
        };
        let common = a.len().min(b.len());
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && a.len() != b.len() {
            return Ok(self.lit(Literal::Bool(op == CompareOp::Ne), span));
        }
        // When all common positions are equal, the lengths decide.
        let by_length = match op {
            CompareOp::Eq | CompareOp::Le | CompareOp::Ge => a.len() == b.len() || ordered(op, a.len(), b.len()),
            CompareOp::Ne => false,
            CompareOp::Lt | CompareOp::Gt => ordered(op, a.len(), b.len()),
        };
        // Position by position, each compared only when the ones before were equal (as CPython
        // does: a later `==` or `<` may raise, or be a method with effects).
        let result = self.new_temp(&Ty::Bool, span);
        self.tuple_compare_from(0, common, by_length, op, &left, &right, result, span)?;
        Ok(self.emit(Expression::Load(result), span))
    }

    #[allow(clippy::too_many_arguments)]
    fn tuple_compare_from(
        &mut self,
        i: usize,
        common: usize,
        by_length: bool,
        op: CompareOp,
        left: &Val,
        right: &Val,
        result: kiln_ir::Handle<kiln_ir::Local>,
        span: Span,
    ) -> Res<()> {
        if i == common {
            let v = self.lit(Literal::Bool(by_length), span);
            self.push(kiln_ir::Statement::Store { local: result, value: v }, span);
            return Ok(());
        }
        let l = self.tuple_get(left, i, span);
        let r = self.tuple_get(right, i, span);
        let eq = self.compare(ast::CmpOp::Eq, l.clone(), r.clone(), span)?;
        let mut outcome = Ok(());
        let accept = self.block(|cx| {
            outcome = cx.tuple_compare_from(i + 1, common, by_length, op, left, right, result, span);
        });
        outcome?;
        // At the first differing position, the elements decide.
        let mut outcome = Ok(());
        let reject = self.block(|cx| {
            outcome = (|| {
                let decided = match op {
                    CompareOp::Eq => cx.lit(Literal::Bool(false), span),
                    CompareOp::Ne => cx.lit(Literal::Bool(true), span),
                    _ => cx.compare(cmp_op(op), l, r, span)?,
                };
                cx.push(kiln_ir::Statement::Store { local: result, value: decided }, span);
                Ok(())
            })();
        });
        outcome?;
        self.push(kiln_ir::Statement::If { condition: eq, accept, reject }, span);
        Ok(())
    }

    /// `x in (a, b, c)`.
    pub(crate) fn tuple_contains(&mut self, item: Val, tuple: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        let Ty::Tuple(elems) = tuple.ty.clone() else { unreachable!("called for tuples") };
        let user_eq = item.ty.class().is_some() || elems.iter().any(|e| e.class().is_some());
        if !user_eq {
            // Comparisons without side effects: all of them, or-ed without branches.
            let mut acc = self.lit(Literal::Bool(false), span);
            for i in 0..elems.len() {
                let e = self.tuple_get(&tuple, i, span);
                let eq = self.compare(ast::CmpOp::Eq, item.clone(), e, span)?;
                acc = self.emit(Expression::Binary { op: BinaryOp::BitOr, left: acc, right: eq }, span);
            }
            return Ok(acc);
        }
        // With `__eq__` methods: as CPython, stop at the first match, ask the element's
        // `__eq__`, and let an item that is the element itself match without calling it.
        let found = self.new_temp(&Ty::Bool, span);
        let no = self.lit(Literal::Bool(false), span);
        self.push(Statement::Store { local: found, value: no }, span);
        for i in 0..elems.len() {
            let before = self.load(found, Ty::Bool, span);
            let not_yet = self.emit(Expression::Unary { op: kiln_ir::UnaryOp::Not, arg: before.h }, span);
            let mut result = Ok(());
            let test = self.block(|cx| {
                result = (|| {
                    let e = cx.tuple_get(&tuple, i, span);
                    let both_objects = item.ty.class().is_some() && e.ty.class().is_some();
                    let same = if both_objects { Some(cx.identity(item.clone(), e.clone(), span)?) } else { None };
                    let matched = cx.new_temp(&Ty::Bool, span);
                    match same {
                        Some(same) => {
                            cx.push(Statement::Store { local: matched, value: same }, span);
                            let mut inner = Ok(());
                            let by_eq = cx.block(|cx| {
                                inner = cx.compare(ast::CmpOp::Eq, e, item.clone(), span).map(|eq| {
                                    cx.push(Statement::Store { local: matched, value: eq }, span);
                                });
                            });
                            inner?;
                            cx.push(
                                Statement::If { condition: same, accept: kiln_ir::Block::new(), reject: by_eq },
                                span,
                            );
                        }
                        None => {
                            // The element's `__eq__` first, as CPython's `in` asks.
                            let eq = cx.compare(ast::CmpOp::Eq, e, item.clone(), span)?;
                            cx.push(Statement::Store { local: matched, value: eq }, span);
                        }
                    }
                    let m = cx.load(matched, Ty::Bool, span);
                    cx.push(Statement::Store { local: found, value: m.h }, span);
                    Ok(())
                })()
            });
            result?;
            self.push(Statement::If { condition: not_yet, accept: test, reject: kiln_ir::Block::new() }, span);
        }
        Ok(self.load(found, Ty::Bool, span).h)
    }

    /// `repr()` (= `str()`) of a tuple: `(1, 'a')`, `(1,)`, `()`.
    pub(crate) fn tuple_repr(&mut self, tuple: Val, span: Span) -> Res<Val> {
        let Ty::Tuple(elems) = tuple.ty.clone() else { unreachable!("called for tuples") };
        let mut parts = vec![self.str_lit("(", span)];
        for i in 0..elems.len() {
            if i > 0 {
                parts.push(self.str_lit(", ", span));
            }
            let e = self.tuple_get(&tuple, i, span);
            parts.push(self.repr_of(e, span)?);
        }
        parts.push(self.str_lit(if elems.len() == 1 { ",)" } else { ")" }, span));
        Ok(self.concat_all(parts, span))
    }

    /// Binds the names of an unpacking target (`a, (b, c)`) from `value`.
    pub(crate) fn unpack_value(&mut self, targets: &[ast::Expr], value: Val, span: Span) -> Res<()> {
        match value.ty.clone() {
            Ty::Tuple(elems) => {
                if let Some(star) = targets.iter().position(|t| matches!(t, ast::Expr::Starred(_))) {
                    return self.unpack_starred(targets, star, value, &elems, span);
                }
                if targets.len() != elems.len() {
                    // Known now, raised when it runs (as CPython does).
                    let message = unpack_message(targets.len(), elems.len());
                    self.raise(ExceptionKind::ValueError, Some(&message), span);
                    self.bound = None;
                    return Ok(());
                }
                // Stash the tuple so that the targets may rebind names it was built from.
                let local = self.new_temp(&value.ty, span);
                self.push(Statement::Store { local, value: value.h }, span);
                let tuple = self.load(local, value.ty.clone(), span);
                for (i, t) in targets.iter().enumerate() {
                    let v = self.tuple_get(&tuple, i, span);
                    self.assign_target(t, v, span)?;
                }
                Ok(())
            }
            Ty::List(elem) => {
                let star = targets.iter().position(|t| matches!(t, ast::Expr::Starred(_)));
                let local = self.new_temp(&value.ty, span);
                self.push(Statement::Store { local, value: value.h }, span);
                let list = self.load(local, value.ty.clone(), span);
                let len = self.emit(Expression::Len { value: list.h }, span);
                // Without a star the length must match; with one, the fixed targets must fit.
                let fixed = targets.len() - star.map_or(0, |_| 1);
                let n = self.int(fixed as i64, span);
                if star.is_none() {
                    let more = self.emit(Expression::Compare { op: CompareOp::Gt, left: len, right: n.h }, span);
                    let message = format!("too many values to unpack (expected {fixed})");
                    self.raise_if(more, ExceptionKind::ValueError, &message, span);
                }
                // "not enough values" names the actual length: raise it with a computed message.
                let fewer = self.emit(Expression::Compare { op: CompareOp::Lt, left: len, right: n.h }, span);
                let expected = if star.is_some() { format!("at least {fixed}") } else { fixed.to_string() };
                let too_few = self.block(|cx| {
                    let head = cx.str_lit(&format!("not enough values to unpack (expected {expected}, got "), span);
                    let count = cx.str_of(Val { ty: Ty::Int, h: len }, span);
                    let close = cx.str_lit(")", span);
                    if let Ok(count) = count {
                        let message = cx.concat_all(vec![head, count, close], span);
                        cx.push(Statement::Raise { kind: ExceptionKind::ValueError, message: Some(message.h) }, span);
                    }
                });
                self.push(Statement::If { condition: fewer, accept: too_few, reject: kiln_ir::Block::new() }, span);
                let len = Val { ty: Ty::Int, h: len };
                for (k, t) in targets.iter().enumerate() {
                    // Targets after the star count from the end.
                    let index = match star {
                        Some(s) if k > s => {
                            let from_end = self.int((targets.len() - k) as i64, span);
                            self.emit(Expression::Binary { op: BinaryOp::Sub, left: len.h, right: from_end.h }, span)
                        }
                        _ => self.int(k as i64, span).h,
                    };
                    match t {
                        ast::Expr::Starred(s) if self.discards(&s.value) => {}
                        ast::Expr::Starred(s) => {
                            // `first, *rest = xs`: the middle as a new list.
                            let start = self.int(k as i64, span);
                            let after = self.int((targets.len() - k - 1) as i64, span);
                            let stop = Val {
                                ty: Ty::Int,
                                h: self
                                    .emit(Expression::Binary { op: BinaryOp::Sub, left: len.h, right: after.h }, span),
                            };
                            let step = self.int(1, span);
                            let given = self.int(3, span);
                            let rest =
                                self.call_stdlib("_list_slice", vec![list.clone(), start, stop, step, given], span)?;
                            self.assign_target(&s.value, rest, span)?;
                        }
                        _ => {
                            let v = Val {
                                ty: (*elem).clone(),
                                h: self.emit(Expression::Index { base: list.h, index }, span),
                            };
                            self.assign_target(t, v, span)?;
                        }
                    }
                }
                Ok(())
            }
            // A tuple of run-time length unpacks like the list it is underneath.
            Ty::VarTuple(elem) => self.unpack_value(targets, Val { ty: Ty::List(elem), h: value.h }, span),
            // `a, b = "xy"`: the characters.
            Ty::Str => {
                let chars = self.call_stdlib("list", vec![value], span)?;
                self.unpack_value(targets, chars, span)
            }
            Ty::Unknown => self.unknown(span).map(|_| ()),
            other => self.fail(
                Diagnostic::error(format!("cannot unpack non-iterable {other} object"), span)
                    .with_label(format!("this is {other}")),
            ),
        }
    }

    /// `a, *rest, z = t` for a tuple: the starred name gets a list of the middle positions,
    /// which must share one type.
    fn unpack_starred(&mut self, targets: &[ast::Expr], star: usize, value: Val, elems: &[Ty], span: Span) -> Res<()> {
        let after = targets.len() - star - 1;
        if elems.len() < targets.len() - 1 {
            let message =
                format!("not enough values to unpack (expected at least {}, got {})", targets.len() - 1, elems.len());
            self.raise(ExceptionKind::ValueError, Some(&message), span);
            self.bound = None;
            return Ok(());
        }
        let local = self.new_temp(&value.ty, span);
        self.push(Statement::Store { local, value: value.h }, span);
        let tuple = self.load(local, value.ty.clone(), span);
        let middle: Vec<usize> = (star..elems.len() - after).collect();
        let elem = middle.first().map_or(Ty::Unknown, |&i| elems[i].clone());
        let ast::Expr::Starred(starred) = &targets[star] else { unreachable!("found by the caller") };
        let collected = !self.discards(&starred.value);
        if collected && middle.iter().any(|&i| elems[i] != elem) {
            return self.fail(Diagnostic::error(
                "kiln needs the values collected by `*` to have one type (they become a list)",
                span,
            ));
        }
        for (k, t) in targets.iter().enumerate() {
            if k == star {
                if collected {
                    let values: Vec<Val> = middle.iter().map(|&i| self.tuple_get(&tuple, i, span)).collect();
                    let list = self.list_of(values, &elem, span);
                    self.assign_target(&starred.value, list, span)?;
                }
            } else {
                let i = if k < star { k } else { elems.len() - (targets.len() - k) };
                let v = self.tuple_get(&tuple, i, span);
                self.assign_target(t, v, span)?;
            }
        }
        Ok(())
    }
}

/// The positions `t[lo:hi:step]` selects from a tuple of length `n` (Python's slice rules).
fn slice_positions(n: i64, lo: Option<i64>, hi: Option<i64>, step: i64) -> Vec<i64> {
    let clamp = |v: i64, low: i64, high: i64| v.clamp(low, high);
    let (lo, hi) = if step > 0 {
        let lo = lo.map_or(0, |v| if v < 0 { clamp(v + n, 0, n) } else { clamp(v, 0, n) });
        let hi = hi.map_or(n, |v| if v < 0 { clamp(v + n, 0, n) } else { clamp(v, 0, n) });
        (lo, hi)
    } else {
        let lo = lo.map_or(n - 1, |v| if v < 0 { clamp(v + n, -1, n - 1) } else { clamp(v, -1, n - 1) });
        let hi = hi.map_or(-1, |v| if v < 0 { clamp(v + n, -1, n - 1) } else { clamp(v, -1, n - 1) });
        (lo, hi)
    };
    let mut out = Vec::new();
    let mut i = lo;
    while (step > 0 && i < hi) || (step < 0 && i > hi) {
        out.push(i);
        i += step;
    }
    out
}

fn unpack_message(expected: usize, got: usize) -> String {
    if got > expected {
        format!("too many values to unpack (expected {expected})")
    } else {
        format!("not enough values to unpack (expected {expected}, got {got})")
    }
}

fn ordered(op: CompareOp, a: usize, b: usize) -> bool {
    match op {
        CompareOp::Lt => a < b,
        CompareOp::Le => a <= b,
        CompareOp::Gt => a > b,
        CompareOp::Ge => a >= b,
        CompareOp::Eq => a == b,
        CompareOp::Ne => a != b,
    }
}

fn cmp_op(op: CompareOp) -> ast::CmpOp {
    match op {
        CompareOp::Eq => ast::CmpOp::Eq,
        CompareOp::Ne => ast::CmpOp::NotEq,
        CompareOp::Lt => ast::CmpOp::Lt,
        CompareOp::Le => ast::CmpOp::LtE,
        CompareOp::Gt => ast::CmpOp::Gt,
        CompareOp::Ge => ast::CmpOp::GtE,
    }
}
