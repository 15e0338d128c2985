//! Generators: `def`s with `yield`, consumed by `for`, `next()` and the builtins.
//!
//! A generator function's instance has the result type `Ty::Generator(elem)`, where `elem`
//! joins everything it yields; its IR function is marked `generator` and the CPU backend
//! compiles it to a coroutine (a state machine on the heap). `for x in g` is a loop of
//! `GenResume` (break on `false`) and `GenValue`; `yield from it` is `for v in it: yield v`.
//! Builtins written in the prelude for lists (`sum`, `sorted`, `list`...) take a generator
//! as the list of the values it yields.

use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;
use kiln_ir::{Block, ExceptionKind, Expression, Handle, Literal, Local, RuntimeFn, Span, Statement, UnaryOp};

/// Whether a function body yields (not counting the functions nested in it).
pub(crate) fn is_generator(body: &[ast::Stmt]) -> bool {
    fn expr_yields(e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => true,
            ast::Expr::Lambda(_) => false,
            other => {
                let mut found = false;
                super::for_each_child(other, |c| found |= expr_yields(c));
                found
            }
        }
    }
    fn stmt_yields(s: &ast::Stmt) -> bool {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(_) | S::ClassDef(_) => false,
            S::Expr(x) => expr_yields(&x.value),
            S::Assign(x) => expr_yields(&x.value),
            S::AugAssign(x) => expr_yields(&x.value),
            S::AnnAssign(x) => x.value.as_deref().is_some_and(expr_yields),
            S::Return(x) => x.value.as_deref().is_some_and(expr_yields),
            S::For(x) => expr_yields(&x.iter) || is_generator(&x.body) || is_generator(&x.orelse),
            S::While(x) => expr_yields(&x.test) || is_generator(&x.body) || is_generator(&x.orelse),
            S::If(x) => expr_yields(&x.test) || is_generator(&x.body) || is_generator(&x.orelse),
            S::With(x) => is_generator(&x.body),
            S::Try(x) => {
                is_generator(&x.body)
                    || x.handlers.iter().any(|ast::ExceptHandler::ExceptHandler(h)| is_generator(&h.body))
                    || is_generator(&x.orelse)
                    || is_generator(&x.finalbody)
            }
            _ => false,
        }
    }
    body.iter().any(stmt_yields)
}

impl FnCx<'_, '_> {
    /// Whether this instance is of a generator function.
    pub(crate) fn in_generator(&self) -> bool {
        self.p.instances[self.inst].def.is_some_and(|d| self.p.defs[d].generator)
    }

    /// `yield value` (`yield` alone yields `None`); the expression's own value (what `send`
    /// would pass in) is always `None`.
    pub(crate) fn yield_expr(&mut self, value: Option<&ast::Expr>, span: Span) -> Res<Val> {
        if !self.in_generator() {
            return self.fail(Diagnostic::error("'yield' outside function", span));
        }
        if self.finally_stack.iter().any(|c| matches!(c, super::exceptions::Cleanup::Finally(_))) {
            return self.fail(Diagnostic::error("kiln does not support `yield` inside `try ... finally` yet", span));
        }
        let v = match value {
            Some(e) => self.expr(e)?,
            None => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
        };
        let elem = self.join_yield(&v.ty, span)?;
        if self.p.final_pass || v.ty == elem {
            let v = self.coerce(v, &elem, span);
            // The exceptions handled around the `yield` are not handled while the consumer
            // runs: the runtime forgets them until the generator resumes.
            let handled: Vec<_> = self
                .finally_stack
                .iter()
                .filter_map(|c| match c {
                    super::exceptions::Cleanup::Handler(caught) => Some(*caught),
                    super::exceptions::Cleanup::Finally(_) => None,
                })
                .collect();
            for _ in &handled {
                self.runtime(RuntimeFn::ExcHandlingExit, vec![], span);
            }
            self.push(Statement::Yield { value: v.h }, span);
            for caught in handled {
                let e = self.emit(Expression::Load(caught), span);
                self.runtime(RuntimeFn::ExcHandlingEnter, vec![e], span);
            }
        }
        Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
    }

    /// Joins a yielded type into the generator's element type.
    fn join_yield(&mut self, ty: &Ty, span: Span) -> Res<Ty> {
        let inst = self.inst;
        let Ty::Generator(elem) = self.p.instances[inst].ret.clone() else {
            return self.fail(Diagnostic::error("internal error: a generator without a generator type", span));
        };
        let Some(joined) = elem.join(ty) else {
            let name = self.p.defs[self.p.instances[inst].def.unwrap_or(0)].name.clone();
            return self.fail(
                Diagnostic::error(format!("generator `{name}` yields {elem} in one place and {ty} in another"), span)
                    .with_note("a kiln generator yields values of one type"),
            );
        };
        if joined != *elem {
            self.p.instances[inst].ret = Ty::Generator(Box::new(joined.clone()));
            self.p.changed = true;
        }
        Ok(joined)
    }

    /// `yield from iterable`: `for v in iterable: yield v`.
    pub(crate) fn yield_from(&mut self, iterable: &ast::Expr, span: Span) -> Res<Val> {
        if !self.in_generator() {
            return self.fail(Diagnostic::error("'yield' outside function", span));
        }
        let it = self.expr_iterated(iterable)?;
        self.for_each_value(it, span, |cx, v| {
            let elem = cx.join_yield(&v.ty, span)?;
            if cx.p.final_pass || v.ty == elem {
                let v = cx.coerce(v, &elem, span);
                cx.push(Statement::Yield { value: v.h }, span);
            }
            Ok(())
        })?;
        Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
    }

    /// `return` inside a generator ends it (a value would become `StopIteration.value`).
    pub(crate) fn generator_return(&mut self, value: Option<&ast::Expr>, span: Span) -> Res<()> {
        if let Some(v) = value {
            if !matches!(v, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None)) {
                return self
                    .fail(Diagnostic::error("kiln does not support `return` with a value in a generator yet", span));
            }
        }
        self.run_finally_bodies(0);
        self.push(Statement::Return { value: None }, span);
        self.bound = None;
        Ok(())
    }

    /// Runs `body` for each value generator `gen` yields (a loop of resumes), or each item of
    /// a list, str or tuple of one type.
    pub(crate) fn for_each_value(
        &mut self,
        gen: Val,
        span: Span,
        mut body: impl FnMut(&mut Self, Val) -> Res<()>,
    ) -> Res<()> {
        let gen = if matches!(gen.ty, Ty::Generator(_)) { gen } else { self.tuple_items(gen, &Ty::Int, span)? };
        let Some(cursor) = self.cursor(gen, span)? else { return Ok(()) };
        let mut failed = None;
        let loop_body = self.block(|cx| {
            let item = cx.cursor_next(&cursor, span);
            if let Err(e) = body(cx, item) {
                failed = Some(e);
            }
        });
        self.push(Statement::Loop { body: loop_body }, span);
        match failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// The state of a loop over a generator, list or str, kept in hidden locals (`None` for a
    /// value whose type is still unknown). A non-iterable value is an error.
    pub(crate) fn cursor(&mut self, iterable: Val, span: Span) -> Res<Option<Cursor>> {
        let iterable = self.none_as_iterable("for", iterable, span);
        if iterable.ty == Ty::Range {
            let values = self.iterable_value(iterable, span)?;
            return self.cursor(values, span);
        }
        let elem = match &iterable.ty {
            Ty::Generator(e) | Ty::List(e) => (**e).clone(),
            Ty::Str => Ty::Str,
            Ty::Unknown => return self.unknown(span).map(|_| None),
            other => {
                return self.fail(
                    Diagnostic::error(format!("'{other}' object is not iterable"), span)
                        .with_label(format!("this is {other}")),
                )
            }
        };
        elem.to_ir(&mut self.p.module);
        let holder = self.new_temp(&iterable.ty, span);
        self.push(Statement::Store { local: holder, value: iterable.h }, span);
        // A list or str is read by index; its length is read again each time, as in Python.
        let index = (!matches!(iterable.ty, Ty::Generator(_))).then(|| {
            let index = self.new_temp(&Ty::Int, span);
            let zero = self.int(0, span);
            self.push(Statement::Store { local: index, value: zero.h }, span);
            index
        });
        Ok(Some(Cursor { holder, ty: iterable.ty, elem, index }))
    }

    /// The head of one iteration: leaves the loop when `cursor` is exhausted, else gives the
    /// next item.
    pub(crate) fn cursor_next(&mut self, cursor: &Cursor, span: Span) -> Val {
        let seq = self.load(cursor.holder, cursor.ty.clone(), span);
        let (done, item) = match cursor.index {
            None => {
                let more = self.emit(Expression::GenResume { gen: seq.h }, span);
                let done = self.emit(Expression::Unary { op: UnaryOp::Not, arg: more }, span);
                (done, None)
            }
            Some(index) => {
                let i = self.load(index, Ty::Int, span);
                let len = self.emit(Expression::Len { value: seq.h }, span);
                let done = self.emit(Expression::Compare { op: kiln_ir::CompareOp::Ge, left: i.h, right: len }, span);
                (done, Some((index, i)))
            }
        };
        let exit = self.block(|cx| cx.push(Statement::Break, span));
        self.push(Statement::If { condition: done, accept: exit, reject: Block::new() }, span);
        let Some((index, i)) = item else {
            return Val { ty: cursor.elem.clone(), h: self.emit(Expression::GenValue { gen: seq.h }, span) };
        };
        let item = if cursor.ty == Ty::Str {
            self.str_index(seq, i.clone(), span)
        } else {
            Val { ty: cursor.elem.clone(), h: self.emit(Expression::Index { base: seq.h, index: i.h }, span) }
        };
        let one = self.int(1, span);
        let next = self.emit(Expression::Binary { op: kiln_ir::BinaryOp::WrappingAdd, left: i.h, right: one.h }, span);
        self.push(Statement::Store { local: index, value: next }, span);
        item
    }

    /// `next(gen)` and `next(gen, default)`.
    pub(crate) fn builtin_next(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let (gen, default) = match &call.args[..] {
            [g] => (self.expr(g)?, None),
            [g, d] => (self.expr(g)?, Some(d)),
            _ => return self.fail(Diagnostic::error("next expected 1 or 2 arguments", span)),
        };
        let Ty::Generator(elem) = gen.ty.clone() else {
            if gen.ty == Ty::Unknown {
                return self.unknown(span);
            }
            return self.fail(Diagnostic::error(format!("'{}' object is not an iterator", gen.ty), span));
        };
        let more = self.emit(Expression::GenResume { gen: gen.h }, span);
        let Some(default) = default else {
            let not = self.emit(Expression::Unary { op: UnaryOp::Not, arg: more }, span);
            self.raise_if_bare(not, ExceptionKind::StopIteration, span);
            return Ok(Val { ty: (*elem).clone(), h: self.emit(Expression::GenValue { gen: gen.h }, span) });
        };
        // With a default: the result is whichever of the two the generator's state picks.
        let result_ty = if *elem == Ty::Unknown { Ty::Unknown } else { (*elem).clone() };
        let temp = self.new_temp(&result_ty, span);
        let mut default_value = None;
        let reject = self.block(|cx| {
            if let Ok(d) = cx.expr(default) {
                default_value = Some(d.ty.clone());
                let d = cx.coerce(d, &result_ty, span);
                cx.push(Statement::Store { local: temp, value: d.h }, span);
            }
        });
        if let Some(d) = default_value.filter(|d| !d.conforms_to(&result_ty)) {
            return self.fail(Diagnostic::error(
                format!("the default of `next` is {d} but the generator yields {result_ty}"),
                span,
            ));
        }
        let accept = self.block(|cx| {
            let v = cx.emit(Expression::GenValue { gen: gen.h }, span);
            cx.push(Statement::Store { local: temp, value: v }, span);
        });
        self.push(Statement::If { condition: more, accept, reject }, span);
        Ok(self.load(temp, result_ty, span))
    }

    /// `if condition { raise kind }` without a message (`StopIteration` prints bare).
    fn raise_if_bare(&mut self, condition: Handle<Expression>, kind: ExceptionKind, span: Span) {
        let accept = self.block(|cx| cx.raise(kind, None, span));
        self.push(Statement::If { condition, accept, reject: Block::new() }, span);
    }

    /// An iterable as builtins take it: an instance with `__iter__` as what that returns, a
    /// generator as the list of the values it yields.
    pub(crate) fn iterable_value(&mut self, v: Val, span: Span) -> Res<Val> {
        let v = self.iterated(v, span)?;
        if v.ty == Ty::Range {
            return self.range_call("_range_list", &v, Vec::new(), span);
        }
        self.drain_generator(v, span)
    }

    /// What a loop over `v` iterates: for an instance with `__iter__`, what that returns.
    pub(crate) fn iterated(&mut self, v: Val, span: Span) -> Res<Val> {
        if v.ty.class().is_some() && self.has_method(&v.ty, "__iter__") {
            return self.call_dunder(v, "__iter__", &[], span);
        }
        if let Ty::VarTuple(e) = v.ty {
            // The list underneath (the builtins only read it).
            return Ok(Val { ty: Ty::List(e), h: v.h });
        }
        Ok(v)
    }

    /// The value a loop over expression `e` iterates: a `range` as the list of its values,
    /// an instance through its `__iter__`, anything else (a generator too) as it is.
    pub(crate) fn expr_iterated(&mut self, e: &ast::Expr) -> Res<Val> {
        let v = self.expr(e)?;
        if v.ty == Ty::Range {
            return self.iterable_value(v, self.span_of(e));
        }
        self.iterated(v, self.span_of(e))
    }

    /// A generator taken as the list of the values it yields (for the prelude's builtins).
    pub(crate) fn drain_generator(&mut self, gen: Val, span: Span) -> Res<Val> {
        let Ty::Generator(elem) = gen.ty.clone() else { return Ok(gen) };
        let list_ty = Ty::list((*elem).clone());
        let zero = self.int(0, span);
        let list = self.list_new(&elem, zero.h, span);
        let holder = self.new_temp(&list_ty, span);
        self.push(Statement::Store { local: holder, value: list }, span);
        self.for_each_value(gen, span, |cx, v| {
            let l = cx.load(holder, list_ty.clone(), span);
            cx.push(Statement::ListAppend { list: l.h, value: v.h }, span);
            Ok(())
        })?;
        Ok(self.load(holder, list_ty, span))
    }
}

/// A loop over a generator, list or str in progress (see [`FnCx::cursor`]).
pub(crate) struct Cursor {
    /// The iterated value.
    holder: Handle<Local>,
    ty: Ty,
    elem: Ty,
    /// The next index, for a list or str.
    index: Option<Handle<Local>>,
}
