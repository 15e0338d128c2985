//! List comprehensions and generator expressions.
//!
//! `[elt for x in xs if c for y in ys]` is lowered as the loops it stands for: the walker is
//! given a synthesized `for x in xs: if c: for y in ys: $append(elt)`, so every kind of loop
//! `for` supports (ranges, lists, `enumerate`/`zip`/`reversed`, tuple targets) works here too.
//! The `for` targets are the comprehension's own variables (Python 3 scoping): they live in
//! hidden locals and never touch the function's variables of the same name. The element type
//! is learned like a variable's, across inference rounds.
//!
//! A generator expression (`sum(x * x for x in xs)`) is built as a list: the same values in
//! the same order, computed eagerly.

use kiln_ir::{Expression, Literal, Span, Statement};
use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

/// The marker call the synthesized loops end in; `$` keeps programs from spelling it.
pub(crate) const APPEND_MARKER: &str = "$comprehension_append";

/// What a comprehension builds.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    List,
    Set,
    Dict,
}

/// One comprehension being lowered.
pub(crate) struct Comprehension {
    /// The container being filled.
    list: kiln_ir::Handle<kiln_ir::Local>,
    /// Its type as known so far.
    ty: Ty,
    kind: Kind,
    span: Span,
}

impl FnCx<'_, '_> {
    pub(crate) fn list_comprehension(
        &mut self,
        elt: &ast::Expr,
        generators: &[ast::Comprehension],
        range: rustpython_parser::text_size::TextRange,
        span: Span,
    ) -> Res<Val> {
        self.comprehension(Kind::List, vec![elt.clone()], generators, range, span)
    }

    /// `[elt for ...]`, `{elt for ...}` or `{key: value for ...}` (`elts` has the key and value).
    pub(crate) fn comprehension(
        &mut self,
        kind: Kind,
        elts: Vec<ast::Expr>,
        generators: &[ast::Comprehension],
        range: rustpython_parser::text_size::TextRange,
        span: Span,
    ) -> Res<Val> {
        if let Some(g) = generators.iter().find(|g| g.is_async) {
            return self.fail(Diagnostic::error("kiln does not support async comprehensions", self.span_of(&g.iter)));
        }
        // The loops, innermost first, around the marker.
        let marker = ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(ast::Expr::Name(ast::ExprName {
                range,
                id: APPEND_MARKER.into(),
                ctx: ast::ExprContext::Load,
            })),
            args: elts,
            keywords: Vec::new(),
        });
        let mut body = vec![ast::Stmt::Expr(ast::StmtExpr { range, value: Box::new(marker) })];
        for g in generators.iter().rev() {
            for test in g.ifs.iter().rev() {
                body =
                    vec![ast::Stmt::If(ast::StmtIf { range, test: Box::new(test.clone()), body, orelse: Vec::new() })];
            }
            body = vec![ast::Stmt::For(ast::StmtFor {
                range,
                target: Box::new(g.target.clone()),
                iter: Box::new(g.iter.clone()),
                body,
                orelse: Vec::new(),
                type_comment: None,
            })];
        }
        let mut names = std::collections::HashSet::new();
        for g in generators {
            crate::scope::target_names(&g.target, &mut names);
        }

        let key = (self.inst, span.start);
        let ty = self.p.comprehension_types.get(&key).cloned().unwrap_or(match kind {
            Kind::List => Ty::list(Ty::Unknown),
            Kind::Set => Ty::set(Ty::Unknown),
            Kind::Dict => Ty::dict(Ty::Unknown, Ty::Unknown),
        });
        let list = self.new_temp(&ty, span);
        let empty = match &ty {
            Ty::List(e) => {
                let zero = self.lit(Literal::I64(0), span);
                self.list_new(e, zero, span)
            }
            Ty::Set(e) => self.set_new(e, span).h,
            Ty::Dict(k, v) => self.dict_new(k, v, span).h,
            _ => unreachable!("comprehension types are containers"),
        };
        self.push(Statement::Store { local: list, value: empty }, span);
        let list_ty = ty.clone();
        let saved_vars = self.comp_vars.clone();
        let saved_bound = self.bound.clone();
        self.comp_scopes.push(names);
        self.comprehensions.push(Comprehension { list, ty, kind, span });
        self.stmts(&body);
        self.comprehensions.pop();
        self.comp_scopes.pop();
        self.comp_vars = saved_vars;
        self.bound = saved_bound;
        Ok(self.load(list, list_ty, span))
    }

    /// The marker: evaluates the element (or key and value) and adds it to the innermost
    /// comprehension's container.
    pub(crate) fn comprehension_append(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let mut values = Vec::new();
        for a in &call.args {
            values.push(self.expr(a)?);
        }
        let Some(c) = self.comprehensions.last() else {
            return self.fail(Diagnostic::error("internal error: comprehension marker outside a comprehension", span));
        };
        let (list, ty, kind, key_span) = (c.list, c.ty.clone(), c.kind, c.span);
        let key = (self.inst, key_span.start);
        if kind != Kind::List {
            self.check_hashable(&values[0].ty, span)?;
        }
        let observed = match kind {
            Kind::List => Ty::list(values[0].ty.clone()),
            Kind::Set => Ty::set(values[0].ty.clone()),
            Kind::Dict => Ty::dict(values[0].ty.clone(), values[1].ty.clone()),
        };
        let Some(joined) = ty.join(&observed) else {
            return self.fail(
                Diagnostic::error(
                    format!("the elements of this comprehension have different types: {ty} and {observed}"),
                    self.span_of(&call.args[0]),
                )
                .with_note("a kiln list, set or dict holds values of one type"),
            );
        };
        if joined != ty {
            self.p.comprehension_types.insert(key, joined);
            self.p.changed = true;
        }
        let container = self.load(list, ty.clone(), span);
        match (&ty, kind) {
            (Ty::List(e), _) => {
                let v = self.coerce(values[0].clone(), e, span);
                self.push(Statement::ListAppend { list: container.h, value: v.h }, span);
            }
            (Ty::Set(e), _) => {
                let v = self.coerce(values[0].clone(), e, span);
                self.push(Statement::SetAdd { set: container.h, key: v.h }, span);
            }
            (Ty::Dict(k, v), _) => {
                let key = self.coerce(values[0].clone(), k, span);
                let value = self.coerce(values[1].clone(), v, span);
                self.push(Statement::DictStore { dict: container.h, key: key.h, value: value.h }, span);
            }
            _ => {}
        }
        Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
    }

    /// Binds a comprehension variable (`Some(())`), or `None` when `name` is not one.
    pub(crate) fn assign_comprehension_var(&mut self, name: &str, value: &Val, span: Span) -> Option<Res<()>> {
        if !self.comp_scopes.iter().any(|s| s.contains(name)) {
            return None;
        }
        let (local, ty) = match self.comp_vars.get(name) {
            Some(v) => v.clone(),
            None => {
                let local = self.new_temp(&value.ty, span);
                self.comp_vars.insert(name.to_string(), (local, value.ty.clone()));
                (local, value.ty.clone())
            }
        };
        if value.ty != ty && ty.join(&value.ty).is_none() {
            return Some(self.fail(Diagnostic::error(
                format!("comprehension variable `{name}` would change type from {ty} to {}", value.ty),
                span,
            )));
        }
        self.push(Statement::Store { local, value: value.h }, span);
        if let Some(b) = &mut self.bound {
            b.insert(name.to_string());
        }
        Some(Ok(()))
    }

    /// Reads a comprehension variable, or `None` when `name` is not one here.
    pub(crate) fn read_comprehension_var(&mut self, name: &str, span: Span) -> Option<Val> {
        let (local, ty) = self.comp_vars.get(name).cloned()?;
        Some(Val { ty: ty.clone(), h: self.emit(Expression::Load(local), span) })
    }
}
