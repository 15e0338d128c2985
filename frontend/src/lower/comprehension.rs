//! List comprehensions and generator expressions.
//!
//! `[elt for x in xs if c for y in ys]` is lowered as the loops it stands for: the walker is
//! given a synthesized `for x in xs: if c: for y in ys: $append(elt)`, so every kind of loop
//! `for` supports (ranges, lists, `enumerate`/`zip`/`reversed`, tuple targets) works here too.
//! The `for` targets are the comprehension's own variables (Python 3 scoping): they live in
//! hidden locals and never touch the function's variables of the same name. The element type
//! is learned like a variable's, across inference rounds.
//!
//! A generator expression is lazy, as in Python: it becomes an anonymous generator function
//! (`def <genexpr>(.0): for x in .0: yield elt`) that captures what it uses like a lambda, called
//! with the outermost iterable (evaluated where the expression is, as CPython does). Where a
//! builtin consumes it at once and entirely (`sum(x * x for x in xs)`, `sorted`, `str.join`...,
//! see [`eager_genexpr_call`]) it is built as a list instead: the same values, computed in the
//! same order, without a coroutine. `any`/`all` of one stop at the first decisive value: they
//! are lowered as the loops, which break there.

use kiln_ir::{CompareOp, Expression, Literal, Span, Statement};
use rustpython_parser::ast;

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

/// The marker call the synthesized loops end in; `$` keeps programs from spelling it.
pub(crate) const APPEND_MARKER: &str = "$comprehension_append";
/// For `any`/`all`: whether the decisive value was found (the outer loops break then too).
pub(crate) const STOP_MARKER: &str = "$comprehension_stop";

/// Builtins that consume an iterable at once and entirely: a generator expression passed to
/// one (as its only positional argument) is computed as a list.
const CONSUMERS: &[&str] = &["sum", "max", "min", "sorted", "list", "set", "dict", "tuple", "any", "all"];

/// Whether `call` is a consumer builtin (or `str.join`) of a generator expression, which is then
/// not a function of its own (also for `captures.rs`: its names are the caller's).
pub(crate) fn eager_genexpr_call(call: &ast::ExprCall) -> bool {
    let consumer = match &*call.func {
        ast::Expr::Name(n) => CONSUMERS.contains(&n.id.as_str()),
        ast::Expr::Attribute(a) => a.attr.as_str() == "join",
        _ => false,
    };
    consumer && matches!(&call.args[..], [ast::Expr::GeneratorExp(_)])
}

/// The parameter of a generator expression's function: its outermost iterable.
const GENEXPR_SOURCE: &str = ".0";

/// What a comprehension builds.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    List,
    Set,
    Dict,
    /// `any(...)` (`true`) or `all(...)` of a generator expression: a flag, "decided".
    AnyAll(bool),
}

/// One comprehension being lowered.
pub(crate) struct Comprehension {
    /// The container being filled.
    list: kiln_ir::Handle<kiln_ir::Local>,
    /// Its type as known so far.
    ty: Ty,
    kind: Kind,
    span: Span,
    /// Its variables not assigned yet: until they are, their names still mean the enclosing
    /// comprehension's variables (read by its first iterable: `[[x for x in x] for x in xs]`).
    fresh: std::collections::HashSet<String>,
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
        let mut names = std::collections::HashSet::new();
        for g in generators {
            crate::scope::target_names(&g.target, &mut names);
        }
        let mut captured = std::collections::HashSet::new();
        let inner_iters = generators.iter().skip(1).map(|g| &g.iter);
        let tests = generators.iter().flat_map(|g| &g.ifs);
        for e in elts.iter().chain(inner_iters).chain(tests) {
            lambdas_using(e, &names, &mut captured);
        }
        let mut captured: Vec<String> = captured.into_iter().collect();
        captured.sort();
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
        let name =
            |id: &str| Box::new(ast::Expr::Name(ast::ExprName { range, id: id.into(), ctx: ast::ExprContext::Load }));
        let break_if = |test: Box<ast::Expr>| {
            ast::Stmt::If(ast::StmtIf {
                range,
                test,
                body: vec![ast::Stmt::Break(ast::StmtBreak { range })],
                orelse: Vec::new(),
            })
        };
        let mut body = match kind {
            // `if $marker(elt): break`, and the same test after each inner loop.
            Kind::AnyAll(_) => vec![break_if(Box::new(marker))],
            _ => vec![ast::Stmt::Expr(ast::StmtExpr { range, value: Box::new(marker) })],
        };
        for (k, g) in generators.iter().enumerate().rev() {
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
            if k > 0 && matches!(kind, Kind::AnyAll(_)) {
                let stop = ast::Expr::Call(ast::ExprCall {
                    range,
                    func: name(STOP_MARKER),
                    args: Vec::new(),
                    keywords: Vec::new(),
                });
                body.push(break_if(Box::new(stop)));
            }
        }
        let key = (self.inst, span.start);
        let ty = self.p.comprehension_types.get(&key).cloned().unwrap_or(match kind {
            Kind::List => Ty::list(Ty::Unknown),
            Kind::Set => Ty::set(Ty::Unknown),
            Kind::Dict => Ty::dict(Ty::Unknown, Ty::Unknown),
            Kind::AnyAll(_) => Ty::Bool,
        });
        // (Recorded even before an element is seen: one that never gets one is pinned down.)
        self.p.comprehension_types.entry(key).or_insert_with(|| ty.clone());
        let reserve = match (kind, generators) {
            (Kind::List, [g]) if g.ifs.is_empty() => self.range_len_hint(&g.iter, span)?,
            _ => None,
        };
        let list = self.new_temp(&ty, span);
        let empty = match &ty {
            Ty::List(e) => match reserve {
                // Room for every element from the start (then emptied), so that the appends
                // need not grow the list.
                Some(n) => {
                    let l = self.list_new(e, n, span);
                    let zero = self.lit(Literal::I64(0), span);
                    self.push(Statement::ListTruncate { list: l, len: zero }, span);
                    l
                }
                None => {
                    let zero = self.lit(Literal::I64(0), span);
                    self.list_new(e, zero, span)
                }
            },
            Ty::Set(e) => self.set_new(e, span).h,
            Ty::Dict(k, v, ..) => self.dict_new(k, v, span).h,
            Ty::Bool => self.lit(Literal::Bool(false), span),
            _ => unreachable!("comprehension types are containers"),
        };
        self.push(Statement::Store { local: list, value: empty }, span);
        let list_ty = ty.clone();
        let saved_vars = self.comp_vars.clone();
        let saved_cells = self.comp_cells.clone();
        let saved_bound = self.bound.clone();
        // A variable that a lambda inside uses lives in a cell made once for this evaluation
        // of the comprehension, which every iteration assigns: the lambdas share it and see
        // its last value when they run (late binding, as in CPython).
        for name in captured {
            let key = (self.inst, span.start, name.clone());
            let inner = self.p.comprehension_cells.get(&key).cloned().unwrap_or(Ty::Unknown);
            let ir_ty = inner.to_ir(&mut self.p.module);
            let zero = self.emit(Expression::Zero { ty: ir_ty }, span);
            let cell_ty = Ty::Cell(Box::new(inner));
            cell_ty.to_ir(&mut self.p.module);
            let cell = self.emit(Expression::CellNew { value: zero }, span);
            let local = self.new_temp(&cell_ty, span);
            self.push(Statement::Store { local, value: cell }, span);
            self.comp_cells.insert(name.clone(), span.start);
            self.comp_vars.insert(name, (local, cell_ty));
        }
        let own_cell = |cx: &Self, n: &String| cx.comp_cells.get(n) == Some(&span.start);
        let fresh = names.iter().filter(|n| !own_cell(self, n)).cloned().collect();
        self.comp_scopes.push(names);
        self.comprehensions.push(Comprehension { list, ty, kind, span, fresh });
        self.stmts(&body);
        self.comprehensions.pop();
        self.comp_scopes.pop();
        self.comp_vars = saved_vars;
        self.comp_cells = saved_cells;
        self.bound = saved_bound;
        let result = self.load(list, list_ty, span);
        self.note_origin(&result, Origin::Comprehension(key.0, key.1));
        if kind == Kind::AnyAll(false) {
            // `all`: true unless a false value decided it.
            let h = self.emit(Expression::Unary { op: kiln_ir::UnaryOp::Not, arg: result.h }, span);
            return Ok(Val { ty: Ty::Bool, h });
        }
        Ok(result)
    }

    /// For a comprehension over `range(n)` with `n` a name or an int literal (reading it
    /// early has no effect): how many elements to make room for, `n` clamped to
    /// `0..=RESERVE_MAX` (a huge range may still fail part way, as in CPython).
    fn range_len_hint(&mut self, iter: &ast::Expr, span: Span) -> Res<Option<kiln_ir::Handle<Expression>>> {
        const RESERVE_MAX: i64 = 4096;
        let ast::Expr::Call(c) = iter else { return Ok(None) };
        let ast::Expr::Name(f) = &*c.func else { return Ok(None) };
        let [arg] = &c.args[..] else { return Ok(None) };
        let pure = match arg {
            ast::Expr::Name(_) => true,
            ast::Expr::Constant(k) => matches!(k.value, ast::Constant::Int(_)),
            _ => false,
        };
        if f.id.as_str() != "range" || !c.keywords.is_empty() || !pure || !self.calls_builtin("range") {
            return Ok(None);
        }
        let n = self.expr(arg)?;
        if n.ty != Ty::Int {
            return Ok(None);
        }
        let zero = self.lit(Literal::I64(0), span);
        let max = self.lit(Literal::I64(RESERVE_MAX), span);
        let negative = self.emit(Expression::Compare { op: CompareOp::Lt, left: n.h, right: zero }, span);
        let big = self.emit(Expression::Compare { op: CompareOp::Gt, left: n.h, right: max }, span);
        let capped = self.emit(Expression::Select { condition: big, accept: max, reject: n.h }, span);
        Ok(Some(self.emit(Expression::Select { condition: negative, accept: zero, reject: capped }, span)))
    }

    /// `any(genexpr)` / `all(genexpr)`: the loops, stopping at the first decisive value.
    pub(crate) fn any_all_genexpr(&mut self, any: bool, g: &ast::ExprGeneratorExp, span: Span) -> Res<Val> {
        self.comprehension(Kind::AnyAll(any), vec![(*g.elt).clone()], &g.generators, g.range, span)
    }

    /// The stop marker: whether the innermost `any`/`all` is decided.
    pub(crate) fn comprehension_stop(&mut self, span: Span) -> Res<Val> {
        let Some(c) = self.comprehensions.last() else {
            return self.fail(Diagnostic::error("internal error: comprehension marker outside a comprehension", span));
        };
        let flag = c.list;
        Ok(self.load(flag, Ty::Bool, span))
    }

    /// A generator expression where it is a value of its own: a call of its anonymous
    /// generator function (or, as a consumer builtin's argument, the list of its values).
    pub(crate) fn generator_expression(&mut self, g: &ast::ExprGeneratorExp, span: Span) -> Res<Val> {
        if self.eager_genexprs.contains(&g.range.start().to_u32()) {
            return self.list_comprehension(&g.elt, &g.generators, g.range, span);
        }
        if let Some(c) = g.generators.iter().find(|c| c.is_async) {
            return self.fail(Diagnostic::error("kiln does not support async comprehensions", self.span_of(&c.iter)));
        }
        let key = (self.p.file, g.range.start().to_u32());
        let def = match self.p.synthetic_defs.get(&key) {
            Some(&def) => def,
            None => {
                let range = g.range;
                let load = |id: &str| {
                    Box::new(ast::Expr::Name(ast::ExprName { range, id: id.into(), ctx: ast::ExprContext::Load }))
                };
                let yield_elt = ast::Expr::Yield(ast::ExprYield { range, value: Some(g.elt.clone()) });
                let mut body = vec![ast::Stmt::Expr(ast::StmtExpr { range, value: Box::new(yield_elt) })];
                for (k, c) in g.generators.iter().enumerate().rev() {
                    for test in c.ifs.iter().rev() {
                        body = vec![ast::Stmt::If(ast::StmtIf {
                            range,
                            test: Box::new(test.clone()),
                            body,
                            orelse: Vec::new(),
                        })];
                    }
                    body = vec![ast::Stmt::For(ast::StmtFor {
                        range,
                        target: Box::new(c.target.clone()),
                        iter: if k == 0 { load(GENEXPR_SOURCE) } else { Box::new(c.iter.clone()) },
                        body,
                        orelse: Vec::new(),
                        type_comment: None,
                    })];
                }
                let args = ast::Arguments {
                    range: Default::default(),
                    posonlyargs: Vec::new(),
                    args: vec![ast::ArgWithDefault {
                        range: Default::default(),
                        def: ast::Arg { range, arg: GENEXPR_SOURCE.into(), annotation: None, type_comment: None },
                        default: None,
                    }],
                    vararg: None,
                    kwonlyargs: Vec::new(),
                    kwarg: None,
                };
                let def = ast::StmtFunctionDef {
                    range,
                    name: "<genexpr>".into(),
                    args: Box::new(args),
                    body,
                    decorator_list: Vec::new(),
                    returns: None,
                    type_comment: None,
                    type_params: Vec::new(),
                };
                // Lives as long as the program's syntax tree (as lambdas' defs do).
                let def: &'static ast::StmtFunctionDef = Box::leak(Box::new(def));
                let made = match self.p.instances[self.inst].def {
                    Some(parent) => crate::scope::collect_nested(self.p, def, "<genexpr>".into(), parent),
                    None => Some(self.synthesize_def(def, key)),
                };
                let Some(def) = made else { return Err(super::Stop) };
                self.p.synthetic_defs.insert(key, def);
                def
            }
        };
        // A variable of an enclosing comprehension would have to be a cell of that comprehension.
        let ast_def = self.p.defs[def].ast;
        if let Some(name) = crate::captures::free_vars(crate::captures::Scoped::Def(ast_def))
            .into_iter()
            .find(|n| self.comp_scopes.iter().any(|s| s.contains(n)))
        {
            return self.fail(
                Diagnostic::error(
                    format!(
                        "kiln does not support generator expressions that use comprehension variables yet (`{name}`)"
                    ),
                    span,
                )
                .with_note("use a list comprehension inside, or a loop outside"),
            );
        }
        let source = self.expr_iterated(&g.generators[0].iter)?;
        let env = self.closure_env(def, span)?;
        self.call_with_env(def, vec![source], env, None, span)
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
        if let Kind::AnyAll(any) = kind {
            // Decided by a true value (`any`) or a false one (`all`).
            let truth = self.truthy(values[0].clone(), span)?;
            let decided =
                if any { truth } else { self.emit(Expression::Unary { op: kiln_ir::UnaryOp::Not, arg: truth }, span) };
            self.push(Statement::Store { local: list, value: decided }, span);
            return Ok(Val { ty: Ty::Bool, h: decided });
        }
        let key = (self.inst, key_span.start);
        if kind != Kind::List {
            self.check_hashable(&values[0].ty, span)?;
        }
        let observed = match kind {
            Kind::List => Ty::list(values[0].ty.clone()),
            Kind::Set => Ty::set(values[0].ty.clone()),
            Kind::Dict => Ty::dict(values[0].ty.clone(), values[1].ty.clone()),
            Kind::AnyAll(_) => unreachable!("handled above"),
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
            (Ty::Dict(k, v, ..), _) => {
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
        // The first assignment of a variable of this comprehension makes its own local, apart
        // from an enclosing comprehension's variable of the same name.
        let binder = self.comp_scopes.iter().rposition(|s| s.contains(name));
        let first = binder.and_then(|k| self.comprehensions.get_mut(k)).is_some_and(|c| c.fresh.remove(name));
        let (local, ty) = match self.comp_vars.get(name).filter(|_| !first) {
            Some(v) => v.clone(),
            None => {
                let local = self.new_temp(&value.ty, span);
                self.comp_vars.insert(name.to_string(), (local, value.ty.clone()));
                (local, value.ty.clone())
            }
        };
        if let Ty::Cell(inner) = &ty {
            return Some(self.assign_comprehension_cell(name, local, inner, value.clone(), span));
        }
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

    /// Assigns a comprehension variable kept in a cell (lambdas use it), learning its type.
    fn assign_comprehension_cell(
        &mut self,
        name: &str,
        local: kiln_ir::Handle<kiln_ir::Local>,
        had: &Ty,
        value: Val,
        span: Span,
    ) -> Res<()> {
        let Some(joined) = had.join(&value.ty) else {
            return self.fail(Diagnostic::error(
                format!("comprehension variable `{name}` would change type from {had} to {}", value.ty),
                span,
            ));
        };
        if joined != *had {
            let at = self.comp_cells.get(name).copied().unwrap_or_default();
            self.p.comprehension_cells.insert((self.inst, at, name.to_string()), joined.clone());
            self.p.changed = true;
        }
        let value = self.coerce(value, &joined, span);
        let cell = self.load(local, Ty::Cell(Box::new(had.clone())), span);
        self.push(Statement::CellSet { cell: cell.h, value: value.h }, span);
        if let Some(b) = &mut self.bound {
            b.insert(name.to_string());
        }
        Ok(())
    }

    /// Reads a comprehension variable, or `None` when `name` is not one here.
    pub(crate) fn read_comprehension_var(&mut self, name: &str, span: Span) -> Option<Val> {
        let (local, ty) = self.comp_vars.get(name).cloned()?;
        let h = self.emit(Expression::Load(local), span);
        if let Ty::Cell(inner) = ty {
            return Some(Val { ty: *inner, h: self.emit(Expression::CellGet { cell: h }, span) });
        }
        Some(Val { ty, h })
    }
}

/// Adds to `out` the names of `names` that a lambda in `e` uses.
fn lambdas_using(
    e: &ast::Expr,
    names: &std::collections::HashSet<String>,
    out: &mut std::collections::HashSet<String>,
) {
    if let ast::Expr::Lambda(l) = e {
        let free = crate::captures::free_vars(crate::captures::Scoped::Lambda(l));
        out.extend(free.into_iter().filter(|n| names.contains(n)));
        // Its defaults are the comprehension's own expressions.
        let args = l.args.posonlyargs.iter().chain(&l.args.args).chain(&l.args.kwonlyargs);
        for default in args.filter_map(|a| a.default.as_deref()) {
            lambdas_using(default, names, out);
        }
        return;
    }
    crate::lower::for_each_child(e, |c| lambdas_using(c, names, out));
}
