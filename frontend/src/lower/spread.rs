//! `f(*xs)`: positional arguments spread from a sequence.
//!
//! A tuple's items are known one by one at compile time: `f(*t)` is `f(t[0], t[1], ...)`. A
//! list (or range, str, generator...) has a run-time length: the arguments from the first such
//! spread on are gathered into one new list (their items must share a type), and the call
//! binds it at run time. The callee's remaining positional parameters take its first items,
//! or their defaults, and CPython's `TypeError` is raised where there are too few or too many
//! items; the rest goes to `*args`, which is then a [`Ty::VarTuple`] (a list underneath that
//! nothing mutates: it is always a fresh copy). `max(*xs)` and `min(*xs)` work the same way.

use kiln_ir::{BinaryOp, CompareOp, ExceptionKind, Expression, Literal, Span, Statement};
use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

/// One positional argument as written: a value, or the items of a sequence spread with `*`
/// whose length is known only at run time (a list).
pub(crate) enum Positional {
    One(Val),
    Many(Val),
}

/// Whether a call spreads an argument with `*`.
pub(crate) fn has_spread(call: &ast::ExprCall) -> bool {
    call.args.iter().any(|a| matches!(a, ast::Expr::Starred(_)))
}

impl FnCx<'_, '_> {
    /// The positional arguments of `call`, evaluated in order; `*t` of a tuple gives its items.
    pub(crate) fn positional_items(&mut self, args: &[ast::Expr]) -> Res<Vec<Positional>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            let ast::Expr::Starred(s) = a else {
                out.push(Positional::One(self.expr(a)?));
                continue;
            };
            let span = self.span_of(a);
            let v = self.expr_iterable(&s.value)?;
            match v.ty.clone() {
                Ty::Tuple(elems) => {
                    for i in 0..elems.len() {
                        out.push(Positional::One(self.tuple_get(&v, i, span)));
                    }
                }
                Ty::List(_) => out.push(Positional::Many(v)),
                Ty::Str | Ty::Dict(..) | Ty::Set(_) => {
                    let items = self.call_stdlib("list", vec![v], span)?;
                    out.push(Positional::Many(items));
                }
                Ty::Unknown => out.push(Positional::Many(Val { ty: Ty::list(Ty::Unknown), h: v.h })),
                other => {
                    return self.fail(Diagnostic::error(format!("kiln cannot spread a {other} with `*` yet"), span))
                }
            }
        }
        Ok(out)
    }

    /// A new list of all the items (values and spread lists, in order); they must share a type.
    pub(crate) fn items_list(&mut self, items: Vec<Positional>, span: Span) -> Res<Val> {
        let mut elem = Ty::Unknown;
        for item in &items {
            let t = match item {
                Positional::One(v) => v.ty.clone(),
                Positional::Many(v) => match &v.ty {
                    Ty::List(e) => (**e).clone(),
                    _ => Ty::Unknown,
                },
            };
            let Some(joined) = elem.join(&t) else {
                return self.fail(
                    Diagnostic::error(
                        format!("the arguments from the first `*` on have different types ({elem} and {t})"),
                        span,
                    )
                    .with_note("kiln gathers them into one list, whose items have one type"),
                );
            };
            elem = joined;
        }
        // Nothing was ever known about the items (`f(*[])`): there are none to see.
        let elem = if elem.is_known() { elem } else { elem.or_int() };
        let list_ty = Ty::list(elem.clone());
        list_ty.to_ir(&mut self.p.module);
        let mut acc: Option<Val> = None;
        let mut ones = Vec::new();
        let flush = |cx: &mut Self, acc: Option<Val>, part: Val| -> Val {
            match acc {
                None => part,
                Some(a) => {
                    let h = cx.emit(Expression::ListConcat { left: a.h, right: part.h }, span);
                    Val { ty: list_ty.clone(), h }
                }
            }
        };
        for item in items {
            match item {
                Positional::One(v) => ones.push(self.coerce(v, &elem, span)),
                Positional::Many(v) => {
                    if !ones.is_empty() {
                        let part = self.list_of(std::mem::take(&mut ones), &elem, span);
                        acc = Some(flush(self, acc, part));
                    }
                    let v = self.coerce(v, &list_ty, span);
                    let part = match acc {
                        // A copy: the callee's `*args` must not see later changes of the list.
                        None => {
                            let one = self.int(1, span);
                            Val {
                                ty: list_ty.clone(),
                                h: self.emit(Expression::ListRepeat { list: v.h, count: one.h }, span),
                            }
                        }
                        Some(_) => v,
                    };
                    acc = Some(flush(self, acc, part));
                }
            }
        }
        if !ones.is_empty() {
            let part = self.list_of(ones, &elem, span);
            acc = Some(flush(self, acc, part));
        }
        Ok(acc.unwrap_or_else(|| self.list_of(Vec::new(), &elem, span)))
    }

    /// Binds the positional arguments `items` of a call of `def` that spreads a list: slots
    /// `positional` (the callee's positional parameters, in order, after `receiver` ones
    /// already bound: `self`, which CPython's messages count) and `*args` (`vararg`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn bind_spread(
        &mut self,
        def: usize,
        (receiver, positional): (usize, &[usize]),
        vararg: Option<usize>,
        items: Vec<Positional>,
        bound: &mut [Option<Val>],
        env: &[Val],
        span: Span,
    ) -> Res<()> {
        let name = self.qualname(def);
        let mut items = items.into_iter().peekable();
        // The values before the first spread have fixed positions.
        let mut slot = 0;
        let mut extra = Vec::new();
        while let Some(Positional::One(_)) = items.peek() {
            let Some(Positional::One(v)) = items.next() else { unreachable!("peeked") };
            match positional.get(slot) {
                Some(&p) => {
                    bound[p] = Some(v);
                    slot += 1;
                }
                None => extra.push(v),
            }
        }
        if !extra.is_empty() && vararg.is_none() {
            let n = positional.len() + receiver;
            let s = if n == 1 { "" } else { "s" };
            return self.fail(Diagnostic::error(
                format!("{name}() takes {n} positional argument{s} but more were given"),
                span,
            ));
        }
        let before = (receiver + slot + extra.len()) as i64;
        let rest = self.items_list(items.collect(), span)?;
        let Ty::List(elem) = rest.ty.clone() else { unreachable!("a list") };
        let elem = *elem;
        let n = Val { ty: Ty::Int, h: self.emit(Expression::Len { value: rest.h }, span) };
        let open = &positional[slot..];
        let remaining = self.int(open.len() as i64, span);
        if vararg.is_none() {
            // Too many: `f() takes 2 positional arguments but 3 were given`.
            let required =
                open.iter().filter(|&&p| self.p.defs[def].params[p].default.is_none()).count() + slot + receiver;
            let total = positional.len() + receiver;
            let takes = match (required == total, total) {
                (true, 1) => "1 positional argument".to_string(),
                (true, t) => format!("{t} positional arguments"),
                (false, t) => format!("from {required} to {t} positional arguments"),
            };
            let over = self.emit(Expression::Compare { op: CompareOp::Gt, left: n.h, right: remaining.h }, span);
            let mut outcome = Ok(());
            let accept = self.block(|cx| outcome = cx.raise_too_many(&name, &takes, before, &n, span));
            outcome?;
            self.push(Statement::If { condition: over, accept, reject: Default::default() }, span);
        }
        // Too few: `f() missing 1 required positional argument: 'b'`, by how many there are.
        for have in 0..open.len() {
            let missing: Vec<String> = open[have..]
                .iter()
                .filter(|&&p| self.p.defs[def].params[p].default.is_none())
                .map(|&p| format!("'{}'", self.p.defs[def].params[p].name))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let count = missing.len();
            let list = match count {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                _ => format!("{}, and {}", missing[..count - 1].join(", "), missing[count - 1]),
            };
            let s = if count == 1 { "" } else { "s" };
            let message = format!("{name}() missing {count} required positional argument{s}: {list}");
            let k = self.int(have as i64, span);
            let short = self.emit(Expression::Compare { op: CompareOp::Eq, left: n.h, right: k.h }, span);
            self.raise_if(short, ExceptionKind::TypeError, &message, span);
        }
        for (j, &p) in open.iter().enumerate() {
            let k = self.int(j as i64, span);
            let value = match self.default_value(def, p, env, span)? {
                None => Val { ty: elem.clone(), h: self.emit(Expression::Index { base: rest.h, index: k.h }, span) },
                Some(default) => {
                    let pname = self.p.defs[def].params[p].name.clone();
                    let Some(ty) = default.ty.join(&elem) else {
                        return self.fail(Diagnostic::error(
                            format!(
                                "the default of `{pname}` ({}) and the spread items ({elem}) have different types",
                                default.ty
                            ),
                            span,
                        ));
                    };
                    let temp = self.new_temp(&ty, span);
                    let d = self.coerce(default, &ty, span);
                    self.push(Statement::Store { local: temp, value: d.h }, span);
                    let there = self.emit(Expression::Compare { op: CompareOp::Lt, left: k.h, right: n.h }, span);
                    let take = self.block(|cx| {
                        let item =
                            Val { ty: elem.clone(), h: cx.emit(Expression::Index { base: rest.h, index: k.h }, span) };
                        let item = cx.coerce(item, &ty, span);
                        cx.push(Statement::Store { local: temp, value: item.h }, span);
                    });
                    self.push(Statement::If { condition: there, accept: take, reject: Default::default() }, span);
                    self.load(temp, ty, span)
                }
            };
            bound[p] = Some(value);
        }
        if let Some(v) = vararg {
            let mut tail =
                if open.is_empty() { rest } else { self.call_stdlib("_list_from", vec![rest, remaining], span)? };
            if !extra.is_empty() {
                let list_ty = tail.ty.clone();
                let head = self.list_of(extra, &elem, span);
                tail = Val { ty: list_ty, h: self.emit(Expression::ListConcat { left: head.h, right: tail.h }, span) };
            }
            bound[v] = Some(Val { ty: Ty::VarTuple(Box::new(elem)), h: tail.h });
        }
        Ok(())
    }

    /// `raise TypeError("f() takes 2 positional arguments but N were given")`, `N` being
    /// `before` plus the `n` spread items.
    fn raise_too_many(&mut self, name: &str, takes: &str, before: i64, n: &Val, span: Span) -> Res<()> {
        let before = self.int(before, span);
        let given = self.emit(Expression::Binary { op: BinaryOp::Add, left: before.h, right: n.h }, span);
        let given = Val { ty: Ty::Int, h: given };
        let count = self.str_of(given.clone(), span)?;
        let one = self.int(1, span);
        let single = self.emit(Expression::Compare { op: CompareOp::Eq, left: given.h, right: one.h }, span);
        let was = self.str_lit(" was given", span);
        let were = self.str_lit(" were given", span);
        let verb = Val {
            ty: Ty::Str,
            h: self.emit(Expression::Select { condition: single, accept: was.h, reject: were.h }, span),
        };
        let head = self.str_lit(&format!("{name}() takes {takes} but "), span);
        let message = self.concat_all(vec![head, count, verb], span);
        self.raise_builtin(ExceptionKind::TypeError, vec![message], span)
    }

    /// The name CPython gives function `def` in messages (`outer.<locals>.inner`).
    pub(crate) fn qualname(&self, def: usize) -> String {
        let d = &self.p.defs[def];
        match d.parent {
            Some(parent) if d.name == "<lambda>" || d.name == "<genexpr>" => {
                format!("{}.<locals>.{}", self.qualname(parent), d.name)
            }
            _ => d.name.clone(),
        }
    }

    /// `max(*xs)` / `min(*xs)`: with one item CPython iterates it; with none it raises.
    pub(crate) fn min_max_spread(&mut self, is_min: bool, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let name = if is_min { "min" } else { "max" };
        if !call.keywords.is_empty() {
            return self.fail(Diagnostic::error(
                format!("kiln does not support keyword arguments in `{name}` with a `*` argument yet"),
                span,
            ));
        }
        let items = self.positional_items(&call.args)?;
        if items.iter().all(|i| matches!(i, Positional::One(_))) {
            let values =
                items.into_iter().map(|i| if let Positional::One(v) = i { v } else { unreachable!() }).collect();
            return self.min_max(is_min, values, span);
        }
        let list = self.items_list(items, span)?;
        let Ty::List(elem) = list.ty.clone() else { unreachable!("a list") };
        let n = self.emit(Expression::Len { value: list.h }, span);
        let zero = self.lit(Literal::I64(0), span);
        let none = self.emit(Expression::Compare { op: CompareOp::Eq, left: n, right: zero }, span);
        self.raise_if(none, ExceptionKind::TypeError, &format!("{name} expected at least 1 argument, got 0"), span);
        let one = self.lit(Literal::I64(1), span);
        let single = self.emit(Expression::Compare { op: CompareOp::Eq, left: n, right: one }, span);
        match *elem {
            Ty::Int | Ty::Float | Ty::Bool => {
                let message = format!("'{elem}' object is not iterable");
                self.raise_if(single, ExceptionKind::TypeError, &message, span);
            }
            ref other => {
                return self.fail(
                    Diagnostic::error(format!("kiln does not support `{name}(*xs)` of {other} items yet"), span)
                        .with_note("with a single item, CPython takes the item itself as the iterable"),
                )
            }
        }
        self.min_max(is_min, vec![list], span)
    }
}
