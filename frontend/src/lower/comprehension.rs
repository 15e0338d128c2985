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

/// One comprehension being lowered.
pub(crate) struct Comprehension {
    list: kiln_ir::Handle<kiln_ir::Local>,
    elem: Ty,
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
            args: vec![elt.clone()],
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
        let elem = self.p.comprehension_types.get(&key).cloned().unwrap_or(Ty::Unknown);
        let list_ty = Ty::list(elem.clone());
        let list = self.new_temp(&list_ty, span);
        let zero = self.lit(Literal::I64(0), span);
        let empty = self.list_new(&elem, zero, span);
        self.push(Statement::Store { local: list, value: empty }, span);

        let saved_vars = self.comp_vars.clone();
        let saved_bound = self.bound.clone();
        self.comp_scopes.push(names);
        self.comprehensions.push(Comprehension { list, elem: elem.clone(), span });
        self.stmts(&body);
        self.comprehensions.pop();
        self.comp_scopes.pop();
        self.comp_vars = saved_vars;
        self.bound = saved_bound;
        Ok(self.load(list, list_ty, span))
    }

    /// The marker: evaluates the element and appends it to the innermost comprehension's list.
    pub(crate) fn comprehension_append(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let value = self.expr(&call.args[0])?;
        let Some(c) = self.comprehensions.last() else {
            return self.fail(Diagnostic::error("internal error: comprehension marker outside a comprehension", span));
        };
        let (list, elem, key_span) = (c.list, c.elem.clone(), c.span);
        let key = (self.inst, key_span.start);
        let Some(joined) = elem.join(&value.ty) else {
            return self.fail(
                Diagnostic::error(
                    format!("the elements of this list comprehension have different types: {elem} and {}", value.ty),
                    self.span_of(&call.args[0]),
                )
                .with_note("a kiln list holds values of one type"),
            );
        };
        if joined != elem {
            self.p.comprehension_types.insert(key, joined);
            self.p.changed = true;
        }
        let value = self.coerce_list(value, &elem, span);
        let l = self.load(list, Ty::list(elem), span);
        self.push(Statement::ListAppend { list: l.h, value: value.h }, span);
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
