//! `for` loops over the iterator builtins `enumerate`, `zip` and `reversed`, lowered to index
//! loops over their lists without building the iterator or its tuples.

use kiln_ir::{BinaryOp, CompareOp, Expression, Span, Statement};
use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

impl FnCx<'_, '_> {
    /// An iterable argument of a builtin that takes a list: a `range` becomes the list of its
    /// values and a generator the list of what it yields.
    pub(crate) fn expr_iterable(&mut self, e: &ast::Expr) -> Res<Val> {
        let v = self.expr(e)?;
        self.iterable_value(v, self.span_of(e))
    }

    /// The three parts of a `range` value: start, stop and step.
    pub(crate) fn range_bounds(&mut self, range: &Val, span: Span) -> [Val; 3] {
        [0, 1, 2].map(|i| Val { ty: Ty::Int, h: self.emit(Expression::TupleGet { tuple: range.h, index: i }, span) })
    }

    /// `range(...)` as a value.
    pub(crate) fn range_object(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let (start, stop, step) = self.range_args(call, span)?;
        let h = self.emit(Expression::TupleNew { elems: vec![start.h, stop.h, step.h] }, span);
        Ty::Range.to_ir(&mut self.p.module);
        Ok(Val { ty: Ty::Range, h })
    }

    /// A prelude function of a range's three parts and `extra` arguments (`_range_len`, ...).
    pub(crate) fn range_call(&mut self, function: &str, range: &Val, extra: Vec<Val>, span: Span) -> Res<Val> {
        let mut args = self.range_bounds(range, span).to_vec();
        args.extend(extra);
        self.call_stdlib(function, args, span)
    }

    /// Lowers `s` when its iterable is `enumerate(...)`, `zip(...)` or `reversed(...)` of
    /// lists; `Ok(false)` when it is something else.
    pub(crate) fn try_iterator_for(&mut self, s: &ast::StmtFor, span: Span) -> Res<bool> {
        let ast::Expr::Call(call) = &*s.iter else { return Ok(false) };
        let ast::Expr::Name(n) = &*call.func else { return Ok(false) };
        let name = n.id.as_str();
        // `zip(*rows)` is a value of its own (see `zip_spread`).
        if !matches!(name, "enumerate" | "zip" | "reversed")
            || call.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
            || self.is_local(name)
            || self.p.globals.contains_key(name)
            || self.p.def_by_name.contains_key(name)
        {
            return Ok(false);
        }
        if let Some(k) = call.keywords.iter().find(|k| !(name == "enumerate" && k.arg.as_deref() == Some("start"))) {
            let kw = k.arg.as_deref().unwrap_or("**");
            return self.fail(Diagnostic::error(
                format!("{name}() got an unexpected keyword argument '{kw}'"),
                self.span_of(k),
            ));
        }
        let mut lists = Vec::new();
        let mut start = None;
        for (i, a) in call.args.iter().enumerate() {
            if name == "enumerate" && i == 1 {
                let v = self.expr(a)?;
                start = Some(self.expect_int(v, self.span_of(a), "enumerate() start")?);
                continue;
            }
            // Generators are resumed as the loop goes (they may be infinite, or print).
            let v = self.expr_iterated(a)?;
            match v.ty {
                Ty::List(_) | Ty::Str => lists.push(v),
                Ty::Generator(_) if name != "reversed" => lists.push(v),
                Ty::Unknown => return self.unknown(span).map(|_| true),
                ref other => {
                    return self.fail(
                        Diagnostic::error(
                            format!("kiln supports {name}() of lists and strings so far, not of {other}"),
                            self.span_of(a),
                        )
                        .with_label(format!("this is {other}")),
                    )
                }
            }
        }
        if let Some(k) = call.keywords.first() {
            let v = self.expr(&k.value)?;
            start = Some(self.expect_int(v, self.span_of(k), "enumerate() start")?);
        }
        let expected = match name {
            "enumerate" => lists.len() == 1 && call.args.len() <= 2,
            "reversed" => lists.len() == 1 && call.args.len() == 1,
            _ => !lists.is_empty(),
        };
        if !expected {
            return self.fail(Diagnostic::error(format!("wrong number of arguments to {name}()"), self.span_of(call)));
        }
        // The lists (held in hidden locals: the body may rebind the names) and the position.
        let held: Vec<(kiln_ir::Handle<kiln_ir::Local>, Ty)> = lists
            .into_iter()
            .map(|v| {
                let l = self.new_temp(&v.ty, span);
                self.push(Statement::Store { local: l, value: v.h }, span);
                (l, v.ty)
            })
            .collect();
        let index = self.new_temp(&Ty::Int, span);
        let first = if name == "reversed" {
            let list = self.load(held[0].0, held[0].1.clone(), span);
            let len = self.emit(Expression::Len { value: list.h }, span);
            let one = self.int(1, span);
            Val { ty: Ty::Int, h: self.emit(Expression::Binary { op: BinaryOp::Sub, left: len, right: one.h }, span) }
        } else {
            self.int(0, span)
        };
        self.push(Statement::Store { local: index, value: first.h }, span);
        let counter = start.map(|st| {
            let c = self.new_temp(&Ty::Int, span);
            self.push(Statement::Store { local: c, value: st.h }, span);
            c
        });
        let target_span = self.span_of(&*s.target);
        self.loop_stmt(span, &s.body, &s.orelse, false, |cx| {
            let i = cx.load(index, Ty::Int, span);
            // Stop when the position leaves any list (lengths are re-read, as Python does).
            for (l, ty) in &held {
                let list = cx.load(*l, ty.clone(), span);
                if let Ty::Generator(_) = ty {
                    let more = cx.emit(Expression::GenResume { gen: list.h }, span);
                    let done = cx.emit(Expression::Unary { op: kiln_ir::UnaryOp::Not, arg: more }, span);
                    let exit = cx.block(|cx| cx.push(Statement::Break, span));
                    cx.push(Statement::If { condition: done, accept: exit, reject: kiln_ir::Block::new() }, span);
                    continue;
                }
                let len = cx.emit(Expression::Len { value: list.h }, span);
                let done = if name == "reversed" {
                    let zero = cx.int(0, span);
                    let below = cx.emit(Expression::Compare { op: CompareOp::Lt, left: i.h, right: zero.h }, span);
                    let above = cx.emit(Expression::Compare { op: CompareOp::Ge, left: i.h, right: len }, span);
                    cx.emit(Expression::Binary { op: BinaryOp::BitOr, left: below, right: above }, span)
                } else {
                    cx.emit(Expression::Compare { op: CompareOp::Ge, left: i.h, right: len }, span)
                };
                let exit = cx.block(|cx| cx.push(Statement::Break, span));
                cx.push(Statement::If { condition: done, accept: exit, reject: kiln_ir::Block::new() }, span);
            }
            let items: Vec<Val> = held
                .iter()
                .map(|(l, ty)| {
                    let list = cx.load(*l, ty.clone(), span);
                    match ty {
                        Ty::List(elem) => Val {
                            ty: (**elem).clone(),
                            h: cx.emit(Expression::Index { base: list.h, index: i.h }, span),
                        },
                        Ty::Generator(elem) => {
                            Val { ty: (**elem).clone(), h: cx.emit(Expression::GenValue { gen: list.h }, span) }
                        }
                        _ => cx.str_index(list, i.clone(), span),
                    }
                })
                .collect();
            let step = cx.int(if name == "reversed" { -1 } else { 1 }, span);
            let next = cx.emit(Expression::Binary { op: BinaryOp::WrappingAdd, left: i.h, right: step.h }, span);
            cx.push(Statement::Store { local: index, value: next }, span);
            let value = match name {
                "enumerate" => {
                    let n = match counter {
                        Some(c) => {
                            let n = cx.load(c, Ty::Int, span);
                            let one = cx.int(1, span);
                            let bumped =
                                cx.emit(Expression::Binary { op: BinaryOp::Add, left: n.h, right: one.h }, span);
                            cx.push(Statement::Store { local: c, value: bumped }, span);
                            n
                        }
                        None => i.clone(),
                    };
                    cx.make_tuple(vec![n, items[0].clone()], span)
                }
                "zip" => cx.make_tuple(items, span),
                _ => items[0].clone(),
            };
            cx.assign_target(&s.target, value, target_span)
        })?;
        Ok(true)
    }
}
