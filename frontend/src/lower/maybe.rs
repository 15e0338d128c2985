//! `None` or a scalar ([`Ty::Maybe`]): `v = d.get(k)`, `x = None` then `x = 3`, a function
//! that returns an int or None; also `None` or a list, dict or set (`into=None` then
//! `into = []`), handled alike ("scalar" below means the value that is not None).
//!
//! The value is a `tuple[inner, bool]` in the IR: the scalar (a zero where None) and whether
//! there is one. Every use tests the flag first, so the zero is never seen: printing says
//! `None`, `==` compares flags and values, truthiness is false for None, and operations that
//! need the scalar (`v + 1`, `v.upper()`, `v < 3`) raise CPython's `TypeError` or
//! `AttributeError` on None. Narrowing (`if v is not None:`, `if v is None: return`) gives
//! the scalar itself inside the region where the test holds, so `total += v` stays an int
//! and `xs.append(v)` a list of ints.
//!
//! Lists, dicts, sets and generators never hold such values (`[d.get(k)]` is a compile error):
//! the runtime prints, compares and hashes some of them by their IR element types, which would
//! show the pair. Tuples may (`return v, w`): they are printed and compared part by part.

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::scope::bound_names;
use crate::ty::Ty;
use kiln_ir::{BinaryOp, CompareOp, ExceptionKind, Expression, Handle, Literal, Span, Statement, UnaryOp};
use rustpython_parser::ast;
use std::collections::HashSet;

/// Python's name of the type of a scalar (for error messages).
fn type_name(ty: &Ty) -> String {
    match ty {
        Ty::Maybe(inner) => inner.to_string(),
        other => other.to_string(),
    }
}

/// Pairs of name lists: the names surely not None when a condition is true, and when false.
type Facts = (Vec<String>, Vec<String>);

/// What a condition tells about names that may be None: the names surely not None when it
/// is true, and when it is false.
pub(crate) fn facts(cond: &ast::Expr) -> Facts {
    match cond {
        ast::Expr::Compare(c) if c.ops.len() == 1 => {
            let (left, right) = (&*c.left, &c.comparators[0]);
            let is_none = |e: &ast::Expr| matches!(e, ast::Expr::Constant(k) if k.value == ast::Constant::None);
            let name = match (left, right) {
                (ast::Expr::Name(n), r) if is_none(r) => n.id.to_string(),
                (l, ast::Expr::Name(n)) if is_none(l) => n.id.to_string(),
                _ => return Default::default(),
            };
            match c.ops[0] {
                ast::CmpOp::Is | ast::CmpOp::Eq => (Vec::new(), vec![name]),
                ast::CmpOp::IsNot | ast::CmpOp::NotEq => (vec![name], Vec::new()),
                _ => Default::default(),
            }
        }
        // A true value is never None.
        ast::Expr::Name(n) => (vec![n.id.to_string()], Vec::new()),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
            let (t, f) = facts(&u.operand);
            (f, t)
        }
        ast::Expr::BoolOp(b) => {
            let (mut when_true, mut when_false) = (Vec::new(), Vec::new());
            for v in &b.values {
                let (t, f) = facts(v);
                when_true.extend(t);
                when_false.extend(f);
            }
            // `a and b` is true when both are; `a or b` false when both are.
            if b.op == ast::BoolOp::And {
                (when_true, Vec::new())
            } else {
                (Vec::new(), when_false)
            }
        }
        _ => Default::default(),
    }
}

/// The names a compound statement may assign anywhere inside it (not inside nested functions).
pub(crate) fn assigned_in(stmt: &ast::Stmt) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut globals = HashSet::new();
    bound_names(std::slice::from_ref(stmt), &mut out, &mut globals);
    if let ast::Stmt::With(w) = stmt {
        for item in &w.items {
            if let Some(ast::Expr::Name(n)) = item.optional_vars.as_deref() {
                out.insert(n.id.to_string());
            }
        }
    }
    if let ast::Stmt::Try(t) = stmt {
        for ast::ExceptHandler::ExceptHandler(h) in &t.handlers {
            if let Some(n) = &h.name {
                out.insert(n.to_string());
            }
        }
    }
    out
}

impl FnCx<'_, '_> {
    /// Whether there is a value (not None).
    pub(crate) fn maybe_present(&mut self, v: &Val, span: Span) -> Handle<Expression> {
        self.emit(Expression::TupleGet { tuple: v.h, index: 1 }, span)
    }

    /// The scalar of a value known not to be None.
    pub(crate) fn maybe_value(&mut self, v: &Val, span: Span) -> Val {
        let Ty::Maybe(inner) = &v.ty else { unreachable!("called for maybe values") };
        let ty = (**inner).clone();
        Val { ty, h: self.emit(Expression::TupleGet { tuple: v.h, index: 0 }, span) }
    }

    /// `value` (a scalar or None) as a value of `target` (a [`Ty::Maybe`]).
    pub(crate) fn maybe_wrap(&mut self, value: Val, target: &Ty, span: Span) -> Val {
        let Ty::Maybe(inner) = target else { unreachable!("called for maybe targets") };
        let (scalar, present) = if value.ty == Ty::None {
            let ty = inner.to_ir(&mut self.p.module);
            (self.emit(Expression::Zero { ty }, span), false)
        } else {
            // `x = []` into a None-or-list variable: the literal takes the element type.
            (self.coerce(value, inner, span).h, true)
        };
        let flag = self.lit(Literal::Bool(present), span);
        target.to_ir(&mut self.p.module);
        Val { ty: target.clone(), h: self.emit(Expression::TupleNew { elems: vec![scalar, flag] }, span) }
    }

    /// `v` (None or a str or container) given to builtin `builtin`, which iterates it or takes
    /// its length: the value, after raising CPython's `TypeError` where it is None. Other
    /// values are returned as they are.
    pub(crate) fn none_as_iterable(&mut self, builtin: &str, v: Val, span: Span) -> Val {
        let Ty::Maybe(inner) = &v.ty else { return v };
        if !matches!(**inner, Ty::Str | Ty::List(_) | Ty::Dict(..) | Ty::Set(_)) {
            return v;
        }
        let message = match builtin {
            "len" => "object of type 'NoneType' has no len()",
            "reversed" => "'NoneType' object is not reversible",
            "list" | "tuple" | "set" | "frozenset" | "dict" | "sorted" | "sum" | "min" | "max" | "any" | "all"
            | "enumerate" | "zip" | "map" | "filter" | "iter" | "for" => "'NoneType' object is not iterable",
            _ => return v,
        };
        self.maybe_unwrap(v, ExceptionKind::TypeError, message, span)
    }

    /// The scalar, raising `kind(message)` when the value is None.
    pub(crate) fn maybe_unwrap(&mut self, v: Val, kind: ExceptionKind, message: &str, span: Span) -> Val {
        let present = self.maybe_present(&v, span);
        let absent = self.emit(Expression::Unary { op: UnaryOp::Not, arg: present }, span);
        self.raise_if(absent, kind, message, span);
        self.maybe_value(&v, span)
    }

    /// A compile error for a container type with a None-or-scalar part.
    pub(crate) fn reject_maybe_inside(&mut self, ty: &Ty, span: Span) -> Res<()> {
        if !ty.maybe_inside() {
            return Ok(());
        }
        self.fail(
            Diagnostic::error(format!("kiln does not support None-or-value parts in a {ty} yet"), span).with_note(
                "a value that may be None (`d.get(k)`, a variable assigned None and a number) can be kept in a \
                 variable, a field, a tuple or a result, but not in a list, dict or set",
            ),
        )
    }

    /// Runs `lower` in a block, with the scalar where the value is present and `None` where not;
    /// both store a `ty` result into a temporary.
    fn maybe_branch(
        &mut self,
        v: &Val,
        ty: &Ty,
        span: Span,
        mut lower: impl FnMut(&mut Self, Option<Val>) -> Res<Handle<Expression>>,
    ) -> Res<Val> {
        let result = self.new_temp(ty, span);
        let present = self.maybe_present(v, span);
        let mut outcome = Ok(());
        let accept = self.block(|cx| {
            let inner = cx.maybe_value(v, span);
            outcome = lower(cx, Some(inner)).map(|h| cx.push(Statement::Store { local: result, value: h }, span));
        });
        outcome?;
        let mut outcome = Ok(());
        let reject = self.block(|cx| {
            outcome = lower(cx, None).map(|h| cx.push(Statement::Store { local: result, value: h }, span));
        });
        outcome?;
        self.push(Statement::If { condition: present, accept, reject }, span);
        Ok(self.load(result, ty.clone(), span))
    }

    /// `str(v)` / `repr(v)`: `None` or the scalar's text.
    pub(crate) fn maybe_text(&mut self, v: Val, repr: bool, span: Span) -> Res<Val> {
        self.maybe_branch(&v, &Ty::Str, span, |cx, inner| match inner {
            Some(x) if repr => cx.repr_of(x, span).map(|s| s.h),
            Some(x) => cx.str_of(x, span).map(|s| s.h),
            None => Ok(cx.str_lit("None", span).h),
        })
    }

    /// `format(v, spec)`: the scalar formatted, or for None `str(None)` under an empty spec and
    /// CPython's `TypeError` under any other.
    pub(crate) fn maybe_format(&mut self, v: Val, spec: Val, span: Span) -> Res<Val> {
        self.maybe_branch(&v, &Ty::Str, span, |cx, inner| match inner {
            Some(x) => cx.format_with_spec(x, spec.clone(), span).map(|s| s.h),
            None => {
                let len = cx.emit(Expression::Len { value: spec.h }, span);
                let zero = cx.lit(Literal::I64(0), span);
                let given = cx.emit(Expression::Compare { op: CompareOp::Ne, left: len, right: zero }, span);
                let message = "unsupported format string passed to NoneType.__format__";
                cx.raise_if(given, ExceptionKind::TypeError, message, span);
                Ok(cx.str_lit("None", span).h)
            }
        })
    }

    /// Truthiness: None is false, else the scalar's.
    pub(crate) fn maybe_truthy(&mut self, v: Val, span: Span) -> Res<Handle<Expression>> {
        let r = self.maybe_branch(&v, &Ty::Bool, span, |cx, inner| match inner {
            Some(x) => cx.truthy(x, span),
            None => Ok(cx.lit(Literal::Bool(false), span)),
        })?;
        Ok(r.h)
    }

    /// Comparisons where a side may be None.
    pub(crate) fn maybe_compare(
        &mut self,
        op: ast::CmpOp,
        left: Val,
        right: Val,
        span: Span,
    ) -> Res<Handle<Expression>> {
        use ast::CmpOp as C;
        let positive = matches!(op, C::Is | C::Eq | C::In);
        let finish = |cx: &mut Self, h: Handle<Expression>| if positive { h } else { cx.negate(h, span) };
        match op {
            C::Is | C::IsNot | C::Eq | C::NotEq => {
                let (m, other) = if matches!(left.ty, Ty::Maybe(_)) { (left, right) } else { (right, left) };
                if other.ty == Ty::None {
                    let present = self.maybe_present(&m, span);
                    let none = self.negate(present, span);
                    return Ok(finish(self, none));
                }
                if matches!(op, C::Is | C::IsNot) {
                    return self.fail(
                        Diagnostic::error("kiln supports `is` only for comparisons with None", span)
                            .with_note("use `==` to compare values"),
                    );
                }
                // Equal when both are None, or both are values that compare equal.
                let eq = self.maybe_branch(&m, &Ty::Bool, span, |cx, inner| match (inner, &other.ty) {
                    (Some(x), Ty::Maybe(_)) => {
                        let o = other.clone();
                        cx.maybe_branch(&o, &Ty::Bool, span, |cx, y| match y {
                            Some(y) => cx.compare(C::Eq, x.clone(), y, span),
                            None => Ok(cx.lit(Literal::Bool(false), span)),
                        })
                        .map(|v| v.h)
                    }
                    (Some(x), _) => cx.compare(C::Eq, x, other.clone(), span),
                    (None, Ty::Maybe(_)) => {
                        let present = cx.maybe_present(&other, span);
                        Ok(cx.negate(present, span))
                    }
                    (None, _) => Ok(cx.lit(Literal::Bool(false), span)),
                })?;
                Ok(finish(self, eq.h))
            }
            C::In | C::NotIn if matches!(right.ty, Ty::Maybe(_)) => {
                let c = self.maybe_unwrap(
                    right,
                    ExceptionKind::TypeError,
                    "argument of type 'NoneType' is not iterable",
                    span,
                );
                self.compare(op, left, c, span)
            }
            C::In | C::NotIn => {
                if right.ty == Ty::Str {
                    let x = self.maybe_unwrap(
                        left,
                        ExceptionKind::TypeError,
                        "'in <string>' requires string as left operand, not NoneType",
                        span,
                    );
                    return self.compare(op, x, right, span);
                }
                // None is in no container of scalars.
                let found = self.maybe_branch(&left, &Ty::Bool, span, |cx, inner| match inner {
                    Some(x) => cx.compare(C::In, x, right.clone(), span),
                    None => Ok(cx.lit(Literal::Bool(false), span)),
                })?;
                Ok(finish(self, found.h))
            }
            C::Lt | C::LtE | C::Gt | C::GtE => {
                let sym = match op {
                    C::Lt => "<",
                    C::LtE => "<=",
                    C::Gt => ">",
                    _ => ">=",
                };
                let message = |l: &str, r: &str| format!("'{sym}' not supported between instances of '{l}' and '{r}'");
                let (l, r) = self.unwrap_operands(left, right, &message, span);
                self.compare(op, l, r, span)
            }
        }
    }

    /// Both operands' scalars, raising `TypeError(message(left type, right type))` (with
    /// `NoneType` for a None) when either is None, checking the left one first as CPython does.
    fn unwrap_operands(
        &mut self,
        left: Val,
        right: Val,
        message: &dyn Fn(&str, &str) -> String,
        span: Span,
    ) -> (Val, Val) {
        let (lt, rt) = (type_name(&left.ty), type_name(&right.ty));
        let left_absent = match left.ty {
            Ty::Maybe(_) => {
                let p = self.maybe_present(&left, span);
                Some(self.negate(p, span))
            }
            _ => None,
        };
        let right_absent = match right.ty {
            Ty::Maybe(_) => {
                let p = self.maybe_present(&right, span);
                Some(self.negate(p, span))
            }
            _ => None,
        };
        if let Some(l) = left_absent {
            if let Some(r) = right_absent {
                let both = self.emit(Expression::Binary { op: BinaryOp::BitAnd, left: l, right: r }, span);
                self.raise_if(both, ExceptionKind::TypeError, &message("NoneType", "NoneType"), span);
            }
            self.raise_if(l, ExceptionKind::TypeError, &message("NoneType", &rt), span);
        }
        if let Some(r) = right_absent {
            self.raise_if(r, ExceptionKind::TypeError, &message(&lt, "NoneType"), span);
        }
        let l = if left_absent.is_some() { self.maybe_value(&left, span) } else { left };
        let r = if right_absent.is_some() { self.maybe_value(&right, span) } else { right };
        (l, r)
    }

    /// `left op right` (or `left op= right` when `in_place`) where an operand may be None:
    /// arithmetic on numbers and `+` on strings take the scalars (CPython's `TypeError` on
    /// None); anything else is a compile error.
    pub(crate) fn maybe_binary(
        &mut self,
        op: ast::Operator,
        left: Val,
        right: Val,
        in_place: bool,
        span: Span,
    ) -> Res<Val> {
        let inner = |t: &Ty| match t {
            Ty::Maybe(i) => (**i).clone(),
            other => other.clone(),
        };
        let (li, ri) = (inner(&left.ty), inner(&right.ty));
        let numeric = li.is_numeric() && ri.is_numeric() && op != ast::Operator::MatMult;
        let strings = li == Ty::Str && ri == Ty::Str && op == ast::Operator::Add;
        if !numeric && !strings {
            return self.fail(Diagnostic::error(
                format!("kiln does not support `{}` on {} and {} yet", super::expr::op_symbol(op), left.ty, right.ty),
                span,
            ));
        }
        let sym = match (op, in_place) {
            (ast::Operator::Pow, false) => "** or pow()".to_string(),
            (_, false) => super::expr::op_symbol(op).to_string(),
            (_, true) => format!("{}=", super::expr::op_symbol(op)),
        };
        // `"a" + None` is str's own error; the other orders are the generic one.
        let left_is_str = left.ty == Ty::Str;
        let message = move |l: &str, r: &str| {
            if left_is_str && r == "NoneType" {
                "can only concatenate str (not \"NoneType\") to str".to_string()
            } else {
                format!("unsupported operand type(s) for {sym}: '{l}' and '{r}'")
            }
        };
        let (l, r) = self.unwrap_operands(left, right, &message, span);
        self.binary(op, l, r, span)
    }

    /// The operand of `-v`, `+v`, `~v`: its scalar (CPython's `TypeError` on None).
    pub(crate) fn maybe_unary_operand(&mut self, op: ast::UnaryOp, v: Val, span: Span) -> Val {
        let sym = match op {
            ast::UnaryOp::USub => "-",
            ast::UnaryOp::UAdd => "+",
            _ => "~",
        };
        let message = format!("bad operand type for unary {sym}: 'NoneType'");
        self.maybe_unwrap(v, ExceptionKind::TypeError, &message, span)
    }

    // ----- narrowing ----------------------------------------------------------------------

    /// Whether a test of `name` may narrow it: a local of this function that no closure can
    /// assign, or at module level a global no function declares `global`.
    fn narrowable(&self, name: &str) -> bool {
        if self.cells.contains(name) || self.par_locals.contains_key(name) {
            return false;
        }
        if self.is_module {
            return !self.p.defs.iter().any(|d| d.scope.globals.contains(name));
        }
        self.is_local(name)
    }

    /// Records that `names` are not None from here on (in the current region).
    pub(crate) fn assume_not_none(&mut self, names: Vec<String>) {
        for n in names {
            if self.narrowable(&n) {
                self.not_none.insert(n);
            }
        }
    }

    /// Lowers `lower` with the facts of `cond` being `truth` added; restores the facts after.
    pub(crate) fn with_facts<T>(&mut self, cond: &ast::Expr, truth: bool, lower: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.not_none.clone();
        let (t, f) = facts(cond);
        self.assume_not_none(if truth { t } else { f });
        let out = lower(self);
        self.not_none = saved;
        out
    }

    /// The scalar of a narrowed variable read (`v` inside `if v is not None:`).
    pub(crate) fn narrowed(&mut self, name: &str, value: Val, span: Span) -> Val {
        if matches!(value.ty, Ty::Maybe(_)) && self.not_none.contains(name) {
            if !self.p.final_pass {
                let Ty::Maybe(inner) = value.ty else { unreachable!("matched") };
                return Val { ty: *inner, h: value.h };
            }
            return self.maybe_value(&value, span);
        }
        value
    }
}
