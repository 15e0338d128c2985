//! Free variables of nested functions and lambdas: what each captures from the functions
//! around it, and which variables of a function must live in cells.
//!
//! Python closures capture *variables*, not values: a closure sees later assignments made by
//! its definer, and `nonlocal` lets it assign them. kiln keeps such a variable in a heap cell
//! shared by the definer and its closures. Most captured variables are never assigned after
//! the closure exists (a parameter, a helper defined once before its users): those are
//! captured by value, which is what CPython's behaviour amounts to for them, and costs nothing.

use crate::scope::{bound_names, target_names};
use indexmap::IndexSet;
use rustpython_parser::ast;
use std::collections::HashSet;

/// A function-like node: a `def`, a `lambda`, or a generator expression that is a value of its
/// own (lazy: see `lower/comprehension.rs`; its outermost iterable is the definer's).
#[derive(Clone, Copy)]
pub(crate) enum Scoped<'a> {
    Def(&'a ast::StmtFunctionDef),
    Lambda(&'a ast::ExprLambda),
    GenExpr(&'a ast::ExprGeneratorExp),
}

/// The names a function binds (parameters included; `global` and `nonlocal` names excluded),
/// and those it declares `nonlocal`.
pub(crate) fn locals_of(node: Scoped<'_>) -> (HashSet<String>, HashSet<String>) {
    let (args, body) = match node {
        Scoped::Def(d) => (&*d.args, &d.body[..]),
        Scoped::Lambda(l) => (&*l.args, &[][..]),
        Scoped::GenExpr(g) => {
            let mut locals = HashSet::new();
            for c in &g.generators {
                target_names(&c.target, &mut locals);
            }
            return (locals, HashSet::new());
        }
    };
    let mut locals = HashSet::new();
    let mut globals = HashSet::new();
    bound_names(body, &mut locals, &mut globals);
    locals.extend(all_params(args));
    let mut nonlocals = HashSet::new();
    declared_nonlocal(body, &mut nonlocals);
    for n in globals.iter().chain(&nonlocals) {
        locals.remove(n);
    }
    (locals, nonlocals)
}

fn all_params(args: &ast::Arguments) -> impl Iterator<Item = String> + '_ {
    args.posonlyargs
        .iter()
        .chain(&args.args)
        .chain(&args.kwonlyargs)
        .map(|a| a.def.arg.to_string())
        .chain(args.vararg.iter().chain(&args.kwarg).map(|a| a.arg.to_string()))
}

pub(crate) fn declared_nonlocal_names(body: &[ast::Stmt], out: &mut HashSet<String>) {
    declared_nonlocal(body, out)
}

/// Whether `def` binds `name` in exactly one place (a nested `def` of that name, say).
pub(crate) fn binds_once(def: &ast::StmtFunctionDef, name: &str) -> bool {
    binding_count(Scoped::Def(def), name) == 1
}

fn declared_nonlocal(body: &[ast::Stmt], out: &mut HashSet<String>) {
    for stmt in body {
        if let ast::Stmt::Nonlocal(n) = stmt {
            out.extend(n.names.iter().map(|n| n.to_string()));
        }
        for_each_block(stmt, |b| declared_nonlocal(b, out));
    }
}

/// The names a function reads or writes that it does not bind itself, including those its own
/// nested functions need from outside it (which it passes on), in order of appearance.
pub(crate) fn free_vars(node: Scoped<'_>) -> IndexSet<String> {
    let (locals, nonlocals) = locals_of(node);
    let mut globals = HashSet::new();
    if let Scoped::Def(d) = node {
        bound_names(&d.body, &mut HashSet::new(), &mut globals);
    }
    let mut uses = Uses::default();
    match node {
        Scoped::Def(d) => {
            // Defaults and annotations are evaluated by the definer, not the function.
            uses.stmts(&d.body);
        }
        Scoped::Lambda(l) => uses.expr(&l.body),
        Scoped::GenExpr(g) => {
            uses.expr(&g.elt);
            for (k, c) in g.generators.iter().enumerate() {
                if k > 0 {
                    uses.expr(&c.iter);
                }
                c.ifs.iter().for_each(|t| uses.expr(t));
            }
        }
    }
    let mut free: IndexSet<String> = nonlocals.iter().cloned().collect();
    for name in std::mem::take(&mut uses.names) {
        if !locals.contains(&name) && !globals.contains(&name) && !uses.comprehension_targets.contains(&name) {
            free.insert(name);
        }
    }
    for (inner, inner_free) in uses.nested_free(free_vars) {
        let own_name = match inner {
            Scoped::Def(d) => Some(d.name.to_string()),
            Scoped::Lambda(_) | Scoped::GenExpr(_) => None,
        };
        for name in inner_free {
            // A nested `def` that calls itself refers to itself, not to a captured variable.
            if own_name.as_ref() == Some(&name) && binding_count(node, &name) == 1 {
                continue;
            }
            if !locals.contains(&name) && !globals.contains(&name) {
                free.insert(name);
            }
        }
    }
    free
}

/// Nested `def`s of `def` that name one another (mutual recursion), each bound once, with
/// constant defaults, and defined by consecutive statements of one block. Capturing each
/// other's values would give a closure type that contains itself; instead every member of
/// such a group captures what the whole group needs ([`group_free_vars`]) and rebuilds a
/// sibling's value from that when it names one (see `lower/funcs.rs`). Nothing runs between
/// the `def`s of a group, so no member can be called before its siblings are bound (where
/// CPython would raise `NameError`).
pub(crate) fn sibling_groups(def: &ast::StmtFunctionDef) -> Vec<Vec<&ast::StmtFunctionDef>> {
    let mut groups = Vec::new();
    groups_in(def, &def.body, &mut groups);
    groups
}

fn groups_in<'a>(outer: &'a ast::StmtFunctionDef, body: &'a [ast::Stmt], out: &mut Vec<Vec<&'a ast::StmtFunctionDef>>) {
    let mut run: Vec<&ast::StmtFunctionDef> = Vec::new();
    for stmt in body.iter().map(Some).chain([None]) {
        if let Some(ast::Stmt::FunctionDef(d)) = stmt {
            let eligible = d.decorator_list.is_empty()
                && binds_once(outer, d.name.as_str())
                && stmt_defaults(d).all(crate::scope::is_constant_default);
            if eligible {
                run.push(d);
                continue;
            }
        }
        out.extend(cycles(&run));
        run.clear();
        if let Some(stmt) = stmt {
            for_each_block(stmt, |b| groups_in(outer, b, out));
        }
    }
}

fn stmt_defaults(d: &ast::StmtFunctionDef) -> impl Iterator<Item = &ast::Expr> {
    d.args.posonlyargs.iter().chain(&d.args.args).chain(&d.args.kwonlyargs).filter_map(|a| a.default.as_deref())
}

/// The strongly connected sets (two members or more) of the "names" relation among `defs`.
fn cycles<'a>(defs: &[&'a ast::StmtFunctionDef]) -> Vec<Vec<&'a ast::StmtFunctionDef>> {
    let n = defs.len();
    if n < 2 {
        return Vec::new();
    }
    let free: Vec<IndexSet<String>> = defs.iter().map(|d| free_vars(Scoped::Def(d))).collect();
    let mut reach: Vec<Vec<bool>> =
        (0..n).map(|i| (0..n).map(|j| i != j && free[i].contains(defs[j].name.as_str())).collect()).collect();
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
            }
        }
    }
    let mut taken = vec![false; n];
    let mut groups = Vec::new();
    for i in 0..n {
        if taken[i] {
            continue;
        }
        let members: Vec<usize> = (0..n).filter(|&j| j == i || (reach[i][j] && reach[j][i])).collect();
        if members.len() > 1 {
            members.iter().for_each(|&j| taken[j] = true);
            groups.push(members.iter().map(|&j| defs[j]).collect());
        }
    }
    groups
}

/// What a group of mutually recursive nested `def`s captures, each member alike: everything
/// any member needs from outside, but not the members themselves.
pub(crate) fn group_free_vars(group: &[&ast::StmtFunctionDef]) -> IndexSet<String> {
    let names: HashSet<&str> = group.iter().map(|d| d.name.as_str()).collect();
    group.iter().flat_map(|d| free_vars(Scoped::Def(d))).filter(|n| !names.contains(n.as_str())).collect()
}

/// What nested function `inner` of a function with sibling groups `groups` captures.
fn captured_by<'a>(inner: Scoped<'a>, groups: &[Vec<&'a ast::StmtFunctionDef>]) -> IndexSet<String> {
    if let Scoped::Def(d) = inner {
        if let Some(g) = groups.iter().find(|g| g.iter().any(|m| std::ptr::eq(*m, d))) {
            return group_free_vars(g);
        }
    }
    free_vars(inner)
}

/// The `def` statements directly nested in `body` (inside `if`, loops, `try`...; not inside
/// other functions or classes).
pub(crate) fn nested_defs<'a>(body: &'a [ast::Stmt], out: &mut Vec<&'a ast::StmtFunctionDef>) {
    for stmt in body {
        if let ast::Stmt::FunctionDef(d) = stmt {
            out.push(d);
            continue;
        }
        if matches!(stmt, ast::Stmt::ClassDef(_)) {
            continue;
        }
        for_each_block(stmt, |b| nested_defs(b, out));
    }
}

/// How many statements of the function bind `name` (assignments, loops, `def`s...), plus
/// one for a parameter of that name.
fn binding_count(node: Scoped<'_>, name: &str) -> usize {
    fn count(body: &[ast::Stmt], name: &str) -> usize {
        body.iter()
            .map(|s| {
                let mut own = HashSet::new();
                match s {
                    ast::Stmt::For(f) => target_names(&f.target, &mut own),
                    ast::Stmt::If(_) | ast::Stmt::While(_) | ast::Stmt::With(_) | ast::Stmt::Try(_) => {}
                    simple => bound_names(std::slice::from_ref(simple), &mut own, &mut HashSet::new()),
                }
                let mut nested = 0;
                for_each_block(s, |b| nested += count(b, name));
                usize::from(own.contains(name)) + nested
            })
            .sum()
    }
    match node {
        Scoped::Def(d) => count(&d.body, name) + usize::from(all_params(&d.args).any(|p| p == name)),
        Scoped::Lambda(l) => usize::from(all_params(&l.args).any(|p| p == name)),
        Scoped::GenExpr(_) => 0,
    }
}

/// The variables of `def` (a function with nested functions) that must be cells: captured by
/// a nested function and possibly assigned after a closure captured them (or by it, through
/// `nonlocal`).
pub(crate) fn cell_vars(def: &ast::StmtFunctionDef) -> HashSet<String> {
    let node = Scoped::Def(def);
    let (locals, _) = locals_of(node);
    let groups = sibling_groups(def);
    let mut cells = HashSet::new();
    // Per top-level statement: the variables its nested functions capture.
    let captured_at: Vec<IndexSet<String>> = def
        .body
        .iter()
        .map(|s| {
            let mut uses = Uses::default();
            uses.stmts(std::slice::from_ref(s));
            let mut out = IndexSet::new();
            for (inner, inner_free) in uses.nested_free(|inner| captured_by(inner, &groups)) {
                let own = match inner {
                    Scoped::Def(d) => Some(d.name.to_string()),
                    Scoped::Lambda(_) | Scoped::GenExpr(_) => None,
                };
                for n in inner_free {
                    if locals.contains(&n) && !(own.as_ref() == Some(&n) && binding_count(node, &n) == 1) {
                        out.insert(n);
                    }
                }
            }
            out
        })
        .collect();
    let mut assigned_inside = HashSet::new();
    assigned_by_nested(&def.body, &mut assigned_inside);
    for name in captured_at.iter().flatten() {
        if assigned_inside.contains(name) {
            cells.insert(name.clone());
            continue;
        }
        let is_param = all_params(&def.args).any(|p| p == *name);
        let mut bindings = HashSet::new();
        let first_capture = captured_at.iter().position(|c| c.contains(name)).unwrap_or(0);
        let binders: Vec<usize> = def
            .body
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                bindings.clear();
                bound_names(std::slice::from_ref(*s), &mut bindings, &mut HashSet::new());
                bindings.contains(name)
            })
            .map(|(i, _)| i)
            .collect();
        let by_value = match (is_param, &binders[..]) {
            (true, []) => true,
            // Bound once, by a simple statement, before any closure captures it.
            (false, [i]) => {
                *i < first_capture
                    && matches!(
                        def.body[*i],
                        ast::Stmt::Assign(_) | ast::Stmt::AnnAssign(_) | ast::Stmt::FunctionDef(_)
                    )
                    && binding_count(node, name) == 1
            }
            _ => false,
        };
        if !by_value {
            cells.insert(name.clone());
        }
    }
    cells
}

/// Names that nested functions (at any depth) declare `nonlocal`.
fn assigned_by_nested(body: &[ast::Stmt], out: &mut HashSet<String>) {
    let mut uses = Uses::default();
    uses.stmts(body);
    for inner in uses.nested {
        if let Scoped::Def(d) = inner {
            declared_nonlocal(&d.body, out);
            assigned_by_nested(&d.body, out);
        }
    }
}

/// Calls `f` with each statement list directly inside `stmt`.
fn for_each_block<'a>(stmt: &'a ast::Stmt, mut f: impl FnMut(&'a [ast::Stmt])) {
    match stmt {
        ast::Stmt::For(s) => {
            f(&s.body);
            f(&s.orelse)
        }
        ast::Stmt::While(s) => {
            f(&s.body);
            f(&s.orelse)
        }
        ast::Stmt::If(s) => {
            f(&s.body);
            f(&s.orelse)
        }
        ast::Stmt::With(s) => f(&s.body),
        ast::Stmt::Try(s) => {
            f(&s.body);
            for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
                f(&h.body);
            }
            f(&s.orelse);
            f(&s.finalbody)
        }
        _ => {}
    }
}

/// The names used in a function body, and the functions nested in it (not entered).
#[derive(Default)]
struct Uses<'a> {
    names: Vec<String>,
    comprehension_targets: HashSet<String>,
    nested: Vec<Scoped<'a>>,
    /// Per entry of `nested`: the comprehension variables around it, which it takes from
    /// the comprehension, not from the function (a lambda in `[lambda: i for i in r]`).
    nested_shadow: Vec<HashSet<String>>,
    /// The targets of the comprehensions being visited.
    active: Vec<String>,
}

impl<'a> Uses<'a> {
    fn push_nested(&mut self, inner: Scoped<'a>) {
        self.nested.push(inner);
        self.nested_shadow.push(self.active.iter().cloned().collect());
    }

    /// The nested functions with what each needs from the function (its free variables,
    /// less the comprehension variables around it).
    fn nested_free(&self, free: impl Fn(Scoped<'a>) -> IndexSet<String>) -> Vec<(Scoped<'a>, IndexSet<String>)> {
        self.nested
            .iter()
            .zip(&self.nested_shadow)
            .map(|(&inner, shadow)| (inner, free(inner).into_iter().filter(|n| !shadow.contains(n)).collect()))
            .collect()
    }
}

impl<'a> Uses<'a> {
    fn stmts(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &'a ast::Stmt) {
        use ast::Stmt as S;
        match stmt {
            S::FunctionDef(d) => {
                // The definer evaluates the defaults.
                for a in d.args.posonlyargs.iter().chain(&d.args.args).chain(&d.args.kwonlyargs) {
                    if let Some(default) = &a.default {
                        self.expr(default);
                    }
                }
                self.push_nested(Scoped::Def(d));
                return;
            }
            S::ClassDef(_) => return,
            S::Expr(s) => self.expr(&s.value),
            S::Assign(s) => {
                s.targets.iter().for_each(|t| self.expr(t));
                self.expr(&s.value)
            }
            S::AugAssign(s) => {
                self.expr(&s.target);
                self.expr(&s.value)
            }
            S::AnnAssign(s) => {
                self.expr(&s.target);
                s.value.iter().for_each(|v| self.expr(v))
            }
            S::Return(s) => s.value.iter().for_each(|v| self.expr(v)),
            S::For(s) => {
                self.expr(&s.target);
                self.expr(&s.iter)
            }
            S::While(s) => self.expr(&s.test),
            S::If(s) => self.expr(&s.test),
            S::Assert(s) => {
                self.expr(&s.test);
                s.msg.iter().for_each(|m| self.expr(m))
            }
            S::Raise(s) => s.exc.iter().chain(&s.cause).for_each(|e| self.expr(e)),
            S::Delete(s) => s.targets.iter().for_each(|t| self.expr(t)),
            S::With(s) => {
                for item in &s.items {
                    self.expr(&item.context_expr);
                    item.optional_vars.iter().for_each(|v| self.expr(v));
                }
            }
            S::Try(s) => {
                for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
                    h.type_.iter().for_each(|t| self.expr(t));
                }
            }
            _ => {}
        }
        for_each_block(stmt, |b| self.stmts(b));
    }

    /// A comprehension computed in place: its targets are its own, its names the function's.
    fn comprehension(&mut self, e: &'a ast::Expr, generators: &'a [ast::Comprehension]) {
        let mut own = HashSet::new();
        for g in generators {
            target_names(&g.target, &mut own);
        }
        let depth = self.active.len();
        self.active.extend(own.iter().cloned());
        self.comprehension_targets.extend(own);
        crate::lower::for_each_child(e, |c| self.expr(c));
        self.active.truncate(depth);
    }

    fn expr(&mut self, e: &'a ast::Expr) {
        match e {
            ast::Expr::Name(n) => self.names.push(n.id.to_string()),
            ast::Expr::Lambda(l) => {
                for a in l.args.posonlyargs.iter().chain(&l.args.args).chain(&l.args.kwonlyargs) {
                    if let Some(default) = &a.default {
                        self.expr(default);
                    }
                }
                self.push_nested(Scoped::Lambda(l));
            }
            // A generator expression that is a value of its own is a function (lazy); one that a
            // builtin consumes at once is computed in place, like a list comprehension.
            ast::Expr::Call(c) if crate::lower::comprehension::eager_genexpr_call(c) => {
                self.expr(&c.func);
                if let ast::Expr::GeneratorExp(g) = &c.args[0] {
                    self.comprehension(&c.args[0], &g.generators);
                }
                c.keywords.iter().for_each(|k| self.expr(&k.value));
            }
            ast::Expr::GeneratorExp(g) => {
                self.expr(&g.generators[0].iter);
                self.push_nested(Scoped::GenExpr(g));
            }
            ast::Expr::ListComp(_) | ast::Expr::SetComp(_) | ast::Expr::DictComp(_) => {
                let generators = match e {
                    ast::Expr::ListComp(c) => &c.generators,
                    ast::Expr::SetComp(c) => &c.generators,
                    ast::Expr::DictComp(c) => &c.generators,
                    _ => unreachable!("matched above"),
                };
                self.comprehension(e, generators);
            }
            other => crate::lower::for_each_child(other, |c| self.expr(c)),
        }
    }
}
