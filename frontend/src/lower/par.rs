//! Parallel loops: the `@par` / `par(...)` options, the race analysis, and the lowering to
//! [`Statement::ParallelFor`].
//!
//! # What a parallel body may do (docs/language.md states this for users)
//!
//! A parallel loop's iterations run concurrently, so the body is checked *before* it is
//! lowered, on the syntax tree, and every name it touches is classified:
//!
//! - **private**: the loop variable and every variable the body assigns (other than a
//!   reduction). Each iteration has its own copy. Reading one before the iteration assigned it
//!   would need another iteration's value, and reading one after the loop would need "the
//!   last" iteration's: both are compile errors (checked by the walker's definite-assignment
//!   state, see `FnCx::read_name`).
//! - **reduction**: a variable bound before the loop whose only uses in the body are
//!   `x += e`, `x *= e`, `x |= e`, `x &= e`, `x ^= e`, `x = min(x, e)` or `x = max(x, e)`
//!   with one operator. Each chunk of iterations folds from the operator's identity and the
//!   runtime's partials are combined in chunk order.
//! - **shared**: everything else; only read, except for writes to list elements whose index
//!   depends on the loop variable (distinct elements). Of such a list an iteration reads only
//!   elements on its own index path (same index text up to the loop-dependent index).
//!
//! Also rejected: `print` (the output order would depend on scheduling), resizing or
//! reordering a list the body did not build itself (`append`, `pop`, `sort`, ...), leaving
//! the loop with `break`/`return`, and calling a function that (transitively) prints,
//! assigns a global, resizes a list it did not build, or reads a global that is private to
//! the loop, or writes elements of a global list. The analysis is syntactic and conservative
//! where it can be; what it cannot see (two iterations writing one element through computed
//! indices or through an alias) is the program's responsibility, as in OpenMP and Codon.

use std::collections::{HashMap, HashSet, VecDeque};

use kiln_ir::{
    BinaryOp, CompareOp, ExceptionKind, Expression, ParallelTarget, Reduction, ReductionOp, Schedule, Span, Statement,
};
use rustpython_parser::ast;

use super::stmt::{FnCx, LoopCx, Val};
use super::{Imported, Program, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

/// List (and later dict/set) methods that change a container's size or order.
const MUTATING_METHODS: &[&str] = &[
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "add",
    "discard",
    "update",
    "setdefault",
    "popitem",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];

pub(crate) fn misplaced_par(span: Span) -> Diagnostic {
    Diagnostic::error("`par(...)` can only be the iterable of a `for` loop", span)
        .with_note("write `for i in par(range(n)):` (or put `@par` on the line above the `for`)")
}

/// The options of one parallel loop.
struct ParOptions {
    schedule: Schedule,
    chunk_size: Option<ast::Expr>,
    num_threads: Option<ast::Expr>,
    collapse: u32,
    /// `gpu=True`: the body becomes a kernel on the program's kernel device.
    gpu: bool,
}

fn int_literal(e: &ast::Expr) -> Option<i64> {
    super::stmt::const_int(e)
}

fn parse_options(p: &Program<'_>, keywords: &[ast::Keyword]) -> Result<ParOptions, Diagnostic> {
    let mut options =
        ParOptions { schedule: Schedule::Static, chunk_size: None, num_threads: None, collapse: 1, gpu: false };
    for k in keywords {
        let span = p.span_of(k);
        let Some(name) = &k.arg else {
            return Err(Diagnostic::error("`par` takes its options by name", span));
        };
        match name.as_str() {
            "schedule" => {
                let text = match &k.value {
                    ast::Expr::Constant(c) => match &c.value {
                        ast::Constant::Str(s) => Some(s.as_str()),
                        _ => None,
                    },
                    _ => None,
                };
                options.schedule = match text {
                    Some("static") => Schedule::Static,
                    Some("dynamic") => Schedule::Dynamic,
                    Some("guided") => Schedule::Guided,
                    _ => {
                        return Err(Diagnostic::error(
                            "schedule must be \"static\", \"dynamic\" or \"guided\"",
                            p.span_of(&k.value),
                        ))
                    }
                }
            }
            "chunk_size" | "num_threads" => {
                if int_literal(&k.value).is_some_and(|v| v < 1) {
                    return Err(Diagnostic::error(format!("{name} must be at least 1"), p.span_of(&k.value)));
                }
                if name.as_str() == "chunk_size" {
                    options.chunk_size = Some(k.value.clone());
                } else {
                    options.num_threads = Some(k.value.clone());
                }
            }
            "collapse" => match int_literal(&k.value) {
                Some(n @ (1 | 2)) => options.collapse = n as u32,
                _ => return Err(Diagnostic::error("collapse must be 1 or 2", p.span_of(&k.value))),
            },
            "gpu" => match &k.value {
                ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(_)) => {
                    options.gpu = matches!(c.value, ast::Constant::Bool(true))
                }
                _ => return Err(Diagnostic::error("gpu must be True or False", p.span_of(&k.value))),
            },
            other => {
                return Err(Diagnostic::error(format!("`par` has no option `{other}`"), span)
                    .with_note("the options are schedule, chunk_size, num_threads and collapse"))
            }
        }
    }
    let cpu_only = options.schedule != Schedule::Static
        || options.chunk_size.is_some()
        || options.num_threads.is_some()
        || options.collapse != 1;
    if options.gpu && cpu_only {
        let span = keywords.first().map(|k| p.span_of(k)).unwrap_or(Span::UNDEFINED);
        return Err(Diagnostic::error(
            "schedule, chunk_size, num_threads and collapse cannot be combined with gpu=True",
            span,
        )
        .with_note("a GPU loop runs one thread per iteration"));
    }
    Ok(options)
}

// ----- the syntactic facts of a body ------------------------------------------------------

/// Calls `f` with each direct sub-expression of `e`.
pub(crate) fn for_each_child<'e>(e: &'e ast::Expr, f: impl FnMut(&'e ast::Expr)) {
    children(e, f)
}

fn children<'e>(e: &'e ast::Expr, mut f: impl FnMut(&'e ast::Expr)) {
    use ast::Expr as E;
    match e {
        E::BoolOp(b) => b.values.iter().for_each(f),
        E::NamedExpr(n) => {
            f(&n.target);
            f(&n.value)
        }
        E::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        E::UnaryOp(u) => f(&u.operand),
        E::Lambda(l) => f(&l.body),
        E::IfExp(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        E::Dict(d) => {
            d.keys.iter().flatten().for_each(&mut f);
            d.values.iter().for_each(f)
        }
        E::Set(s) => s.elts.iter().for_each(f),
        E::ListComp(c) => {
            f(&c.elt);
            comprehension(&c.generators, f)
        }
        E::SetComp(c) => {
            f(&c.elt);
            comprehension(&c.generators, f)
        }
        E::GeneratorExp(c) => {
            f(&c.elt);
            comprehension(&c.generators, f)
        }
        E::DictComp(c) => {
            f(&c.key);
            f(&c.value);
            comprehension(&c.generators, f)
        }
        E::Await(a) => f(&a.value),
        E::Yield(y) => y.value.iter().for_each(|v| f(v)),
        E::YieldFrom(y) => f(&y.value),
        E::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        E::Call(c) => {
            f(&c.func);
            c.args.iter().for_each(&mut f);
            c.keywords.iter().for_each(|k| f(&k.value))
        }
        E::FormattedValue(v) => {
            f(&v.value);
            v.format_spec.iter().for_each(|s| f(s))
        }
        E::JoinedStr(j) => j.values.iter().for_each(f),
        E::Attribute(a) => f(&a.value),
        E::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        E::Starred(s) => f(&s.value),
        E::List(l) => l.elts.iter().for_each(f),
        E::Tuple(t) => t.elts.iter().for_each(f),
        E::Slice(s) => {
            s.lower.iter().for_each(|x| f(x));
            s.upper.iter().for_each(|x| f(x));
            s.step.iter().for_each(|x| f(x))
        }
        E::Constant(_) | E::Name(_) => {}
    }
}

fn comprehension<'e>(generators: &'e [ast::Comprehension], mut f: impl FnMut(&'e ast::Expr)) {
    for g in generators {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut f);
    }
}

/// Whether `e` mentions any of `names`.
fn mentions(e: &ast::Expr, names: &HashSet<String>) -> bool {
    if let ast::Expr::Name(n) = e {
        return names.contains(n.id.as_str());
    }
    let mut found = false;
    children(e, |c| found = found || mentions(c, names));
    found
}

/// The variable a subscript chain `a[i][j]` starts from, and its indices, outermost first.
fn subscript_path(e: &ast::Expr) -> Option<(&str, Vec<&ast::Expr>)> {
    let mut indices = Vec::new();
    let mut e = e;
    while let ast::Expr::Subscript(s) = e {
        indices.push(&*s.slice);
        e = &s.value;
    }
    indices.reverse();
    match e {
        ast::Expr::Name(n) if !indices.is_empty() => Some((n.id.as_str(), indices)),
        _ => None,
    }
}

/// Whether `e` calls anything but `len` (which has no side effects).
fn calls_other_than_len(e: &ast::Expr) -> bool {
    if let ast::Expr::Call(c) = e {
        if !matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "len") {
            return true;
        }
    }
    let mut found = false;
    children(e, |c| found = found || calls_other_than_len(c));
    found
}

/// Whether `e` certainly builds a new list (so the name it is assigned to owns it).
fn is_fresh_list(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::List(_) | ast::Expr::ListComp(_) => true,
        ast::Expr::BinOp(b) if matches!(b.op, ast::Operator::Mult | ast::Operator::Add) => {
            is_fresh_list(&b.left) || (matches!(b.op, ast::Operator::Mult) && is_fresh_list(&b.right))
        }
        ast::Expr::Call(c) => matches!(&*c.func, ast::Expr::Name(n) if matches!(n.id.as_str(), "list" | "sorted")),
        _ => false,
    }
}

/// One assignment of a name in a body.
struct Write {
    name: String,
    span: Span,
    /// The assigned value (for a `for` target: the iterable), when there is a single one.
    value: Option<ast::Expr>,
    /// The target of a `for` loop inside the body (a per-iteration counter by nature).
    loop_target: bool,
}

/// What a statement list does, syntactically.
#[derive(Default)]
struct Facts {
    writes: Vec<Write>,
    reductions: Vec<(String, ReductionOp, Span)>,
    reads: Vec<(String, Span)>,
    /// `base[index] = ...` targets.
    element_writes: Vec<(ast::Expr, Span)>,
    /// `base[index]` reads.
    element_reads: Vec<(ast::Expr, Span)>,
    /// `receiver.method(...)` calls of [`MUTATING_METHODS`].
    mutating_calls: Vec<(ast::Expr, String, Span)>,
    prints: Vec<Span>,
    /// Calls of plain names (user functions, builtins).
    calls: Vec<(String, Span)>,
    /// The arguments that are plain names, per call of a plain name (same order as `calls`).
    call_name_args: Vec<Vec<String>>,
    /// `return`, `break` out of the body, nested `def`s.
    escapes: Vec<(&'static str, Span)>,
    /// Names bound by comprehensions (their own scope).
    comprehension_vars: HashSet<String>,
}

struct Collector<'p, 'a> {
    p: &'p Program<'a>,
    facts: Facts,
    loop_depth: u32,
    in_for_target: bool,
}

impl Collector<'_, '_> {
    fn expr(&mut self, e: &ast::Expr) {
        match e {
            ast::Expr::Name(n) => {
                if matches!(n.ctx, ast::ExprContext::Load) {
                    self.facts.reads.push((n.id.to_string(), self.p.span_of(n)));
                } else {
                    let span = self.p.span_of(n);
                    self.facts.writes.push(Write { name: n.id.to_string(), span, value: None, loop_target: false });
                }
                return;
            }
            ast::Expr::Call(c) => match &*c.func {
                ast::Expr::Name(n) if n.id.as_str() == "print" => self.facts.prints.push(self.p.span_of(c)),
                ast::Expr::Name(n) => {
                    self.facts.calls.push((n.id.to_string(), self.p.span_of(c)));
                    let names = c
                        .args
                        .iter()
                        .filter_map(|a| match a {
                            ast::Expr::Name(n) => Some(n.id.to_string()),
                            _ => None,
                        })
                        .collect();
                    self.facts.call_name_args.push(names);
                }
                ast::Expr::Attribute(a) if MUTATING_METHODS.contains(&a.attr.as_str()) => {
                    self.facts.mutating_calls.push(((*a.value).clone(), a.attr.to_string(), self.p.span_of(c)))
                }
                _ => {}
            },
            ast::Expr::Subscript(sub) if matches!(sub.ctx, ast::ExprContext::Load) => {
                self.facts.element_reads.push((e.clone(), self.p.span_of(e)))
            }
            // A comprehension's own variables are not the function's (Python 3 scoping).
            ast::Expr::ListComp(ast::ExprListComp { generators, .. })
            | ast::Expr::SetComp(ast::ExprSetComp { generators, .. })
            | ast::Expr::DictComp(ast::ExprDictComp { generators, .. })
            | ast::Expr::GeneratorExp(ast::ExprGeneratorExp { generators, .. }) => {
                for g in generators {
                    crate::scope::target_names(&g.target, &mut self.facts.comprehension_vars);
                }
            }
            _ => {}
        }
        children(e, |c| self.expr(c));
    }

    fn target(&mut self, t: &ast::Expr, value: Option<&ast::Expr>, span: Span) {
        match t {
            ast::Expr::Name(n) => self.facts.writes.push(Write {
                name: n.id.to_string(),
                span,
                value: value.cloned(),
                loop_target: self.in_for_target,
            }),
            ast::Expr::Tuple(_) | ast::Expr::List(_) | ast::Expr::Starred(_) => {
                children(t, |c| self.target(c, None, span));
            }
            ast::Expr::Subscript(s) => {
                self.facts.element_writes.push((t.clone(), span));
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    /// `x = min(x, e)` / `x = max(x, e)` (either argument order).
    fn min_max_reduction(&self, target: &ast::Expr, value: &ast::Expr) -> Option<(String, ReductionOp, ast::Expr)> {
        let ast::Expr::Name(t) = target else { return None };
        let ast::Expr::Call(c) = value else { return None };
        let ast::Expr::Name(f) = &*c.func else { return None };
        let op = match f.id.as_str() {
            "min" => ReductionOp::Min,
            "max" => ReductionOp::Max,
            _ => return None,
        };
        if c.args.len() != 2 || !c.keywords.is_empty() {
            return None;
        }
        let own = HashSet::from([t.id.to_string()]);
        let is_self = |e: &ast::Expr| matches!(e, ast::Expr::Name(n) if n.id == t.id);
        let other = match (is_self(&c.args[0]), is_self(&c.args[1])) {
            (true, false) => &c.args[1],
            (false, true) => &c.args[0],
            _ => return None,
        };
        (!mentions(other, &own)).then(|| (t.id.to_string(), op, other.clone()))
    }

    fn stmts(&mut self, body: &[ast::Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &ast::Stmt) {
        let span = self.p.span_of(s);
        match s {
            ast::Stmt::Expr(e) => self.expr(&e.value),
            ast::Stmt::Assign(a) => {
                if let [t] = &a.targets[..] {
                    if let Some((name, op, other)) = self.min_max_reduction(t, &a.value) {
                        self.facts.reductions.push((name, op, span));
                        self.expr(&other);
                        return;
                    }
                }
                self.expr(&a.value);
                let single = (a.targets.len() == 1).then_some(&*a.value);
                for t in &a.targets {
                    self.target(t, single, span);
                }
            }
            ast::Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.target(&a.target, Some(v), span);
                }
            }
            ast::Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let ast::Expr::Name(n) = &*a.target {
                    let op = match a.op {
                        ast::Operator::Add => Some(ReductionOp::Add),
                        ast::Operator::Mult => Some(ReductionOp::Mul),
                        ast::Operator::BitOr => Some(ReductionOp::BitOr),
                        ast::Operator::BitAnd => Some(ReductionOp::BitAnd),
                        ast::Operator::BitXor => Some(ReductionOp::BitXor),
                        _ => None,
                    };
                    let own = HashSet::from([n.id.to_string()]);
                    match op {
                        Some(op) if !mentions(&a.value, &own) => {
                            self.facts.reductions.push((n.id.to_string(), op, span))
                        }
                        _ => {
                            self.facts.reads.push((n.id.to_string(), span));
                            self.facts.writes.push(Write {
                                name: n.id.to_string(),
                                span,
                                value: None,
                                loop_target: false,
                            });
                        }
                    }
                } else {
                    self.target(&a.target, None, span);
                }
            }
            ast::Stmt::For(f) => {
                self.expr(&f.iter);
                self.in_for_target = true;
                self.target(&f.target, Some(&f.iter), span);
                self.in_for_target = false;
                self.loop_depth += 1;
                self.stmts(&f.body);
                self.loop_depth -= 1;
                self.stmts(&f.orelse);
            }
            ast::Stmt::While(w) => {
                self.expr(&w.test);
                self.loop_depth += 1;
                self.stmts(&w.body);
                self.loop_depth -= 1;
                self.stmts(&w.orelse);
            }
            ast::Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                self.stmts(&i.orelse);
            }
            ast::Stmt::Return(r) => {
                r.value.iter().for_each(|v| self.expr(v));
                self.facts.escapes.push(("`return`", span));
            }
            ast::Stmt::Break(_) if self.loop_depth == 0 => self.facts.escapes.push(("`break`", span)),
            ast::Stmt::Raise(r) => r.exc.iter().for_each(|v| self.expr(v)),
            ast::Stmt::Assert(a) => {
                self.expr(&a.test);
                a.msg.iter().for_each(|v| self.expr(v));
            }
            ast::Stmt::FunctionDef(_) => self.facts.escapes.push(("a `def`", span)),
            // `del xs[i]` / `del d[k]` resize the container, like `pop`.
            ast::Stmt::Delete(d) => {
                for t in &d.targets {
                    if let ast::Expr::Subscript(sub) = t {
                        self.facts.mutating_calls.push(((*sub.value).clone(), "del".to_string(), span));
                        self.expr(&sub.value);
                        self.expr(&sub.slice);
                    }
                }
            }
            _ => {}
        }
    }
}

fn collect(p: &Program<'_>, body: &[ast::Stmt]) -> Facts {
    let mut c = Collector { p, facts: Facts::default(), loop_depth: 0, in_for_target: false };
    c.stmts(body);
    c.facts
}

// ----- what functions may do ----------------------------------------------------------------

/// What one `def` does itself that a parallel loop calling it must know about.
#[derive(Clone, Default)]
pub(crate) struct Effects {
    prints: Option<Span>,
    assigns_global: Option<(String, Span)>,
    resizes: Option<(String, Span)>,
    reads_globals: HashMap<String, Span>,
    /// An element write into a global list (`counts[k] += 1`).
    writes_global_elements: Option<(String, Span)>,
    /// A store into, or a resizing call on, a parameter (`d[k] = v`, `s.add(x)`).
    mutates_params: Option<Span>,
    calls: Vec<usize>,
}

fn own_effects(p: &Program<'_>, def: usize) -> Effects {
    let d = &p.defs[def];
    let facts = collect(p, &d.ast.body);
    let locals = &d.scope.locals;
    let params: HashSet<&str> = d.params.iter().map(|x| x.name.as_str()).collect();
    // Locals that only ever hold lists this function built.
    let owned: HashSet<&str> = facts
        .writes
        .iter()
        .map(|w| w.name.as_str())
        .filter(|n| locals.contains(*n) && !params.contains(n))
        .filter(|n| facts.writes.iter().filter(|w| w.name == *n).all(|w| w.value.as_ref().is_some_and(is_fresh_list)))
        .collect();
    let mut effects = Effects { prints: facts.prints.first().copied(), ..Effects::default() };
    effects.assigns_global = facts
        .writes
        .iter()
        .map(|w| (&w.name, w.span))
        .chain(facts.reductions.iter().map(|(n, _, s)| (n, *s)))
        .find(|(n, _)| d.scope.globals.contains(*n))
        .map(|(n, s)| (n.clone(), s));
    effects.resizes = facts
        .mutating_calls
        .iter()
        .find(|(recv, _, _)| !matches!(recv, ast::Expr::Name(n) if owned.contains(n.id.as_str())))
        .map(|(_, m, s)| (m.clone(), *s));
    let is_param = |e: &ast::Expr| {
        let mut e = e;
        while let ast::Expr::Subscript(s) = e {
            e = &s.value;
        }
        matches!(e, ast::Expr::Name(n) if params.contains(n.id.as_str()))
    };
    effects.mutates_params = facts
        .element_writes
        .iter()
        .map(|(t, s)| (t, *s))
        .chain(facts.mutating_calls.iter().map(|(r, _, s)| (r, *s)))
        .find(|(t, _)| is_param(t))
        .map(|(_, s)| s);
    effects.writes_global_elements = facts.element_writes.iter().find_map(|(t, span)| {
        let (root, _) = subscript_path(t)?;
        (!locals.contains(root)).then(|| (root.to_string(), *span))
    });
    for (name, span) in &facts.reads {
        // The prelude reads no program globals (its free names are builtins and its own).
        if !locals.contains(name) && !facts.comprehension_vars.contains(name) && !d.stdlib {
            effects.reads_globals.entry(name.clone()).or_insert(*span);
        }
    }
    for (name, _) in &facts.calls {
        if !locals.contains(name) && !p.globals.contains_key(name) {
            if let Some(&callee) = p.def_by_name.get(name) {
                effects.calls.push(callee);
            }
        }
    }
    effects
}

// ----- the analysis and the lowering --------------------------------------------------------

/// How a parallel body uses each variable.
struct Plan {
    /// `for ... in ...`, what diagnostics point at.
    head: Span,
    /// Assigned in the body: one copy per iteration.
    private: HashSet<String>,
    reductions: Vec<(String, ReductionOp)>,
}

fn op_symbol(op: ReductionOp) -> &'static str {
    match op {
        ReductionOp::Add => "+=",
        ReductionOp::Mul => "*=",
        ReductionOp::BitOr => "|=",
        ReductionOp::BitAnd => "&=",
        ReductionOp::BitXor => "^=",
        ReductionOp::Min => "= min(...)",
        ReductionOp::Max => "= max(...)",
    }
}

impl FnCx<'_, '_> {
    /// The parallel spelling of a `for` loop, if it has one: its options and its iterable.
    fn par_spelling(&mut self, s: &ast::StmtFor) -> Res<Option<(ParOptions, ast::Expr)>> {
        if let Some(decorator) = self.p.par_decorators.get(&s.range.start().to_u32()).cloned() {
            let keywords = match &decorator {
                ast::Expr::Call(c) => {
                    if let Some(a) = c.args.first() {
                        let span = self.span_of(a);
                        return self.fail(Diagnostic::error("`@par` takes its options by name", span));
                    }
                    c.keywords.clone()
                }
                _ => Vec::new(),
            };
            return match parse_options(self.p, &keywords) {
                Ok(o) => Ok(Some((o, (*s.iter).clone()))),
                Err(d) => self.fail(d),
            };
        }
        let ast::Expr::Call(call) = &*s.iter else { return Ok(None) };
        let is_par = match &*call.func {
            ast::Expr::Name(n) => {
                matches!(self.read_name_is_module(n.id.as_str()), Some(Imported::KilnMember(m)) if m == "par")
            }
            ast::Expr::Attribute(a) => {
                a.attr.as_str() == "par"
                    && matches!(&*a.value, ast::Expr::Name(n)
                        if self.read_name_is_module(n.id.as_str()) == Some(Imported::KilnModule))
            }
            _ => false,
        };
        if !is_par {
            return Ok(None);
        }
        let [iterable] = &call.args[..] else {
            let span = self.span_of(call);
            return self.fail(Diagnostic::error("`par` takes one iterable, and its options by name", span));
        };
        match parse_options(self.p, &call.keywords) {
            Ok(o) => Ok(Some((o, iterable.clone()))),
            Err(d) => self.fail(d),
        }
    }

    /// Lowers `s` as a parallel loop when it is spelled as one; `Ok(false)` otherwise.
    pub(crate) fn try_par_for(&mut self, s: &ast::StmtFor, span: Span) -> Res<bool> {
        let Some((options, iterable)) = self.par_spelling(s)? else { return Ok(false) };
        self.par_for(s, options, &iterable, span)?;
        Ok(true)
    }

    /// Whether `name` surely has a value here (as `read_name` decides it).
    fn surely_bound(&self, name: &str) -> bool {
        match &self.bound {
            Some(b) if b.contains(name) => true,
            Some(_) if !self.is_local(name) && !self.is_module => self.entry_bound_contains(name),
            Some(_) => false,
            None => true,
        }
    }

    /// Classifies the body's variables, or reports why the body would race.
    fn plan(&mut self, body: &[ast::Stmt], target: &str, span: Span) -> Res<Plan> {
        let facts = collect(self.p, body);
        let loop_line = self.loop_line(span);
        if let Some((what, at)) = facts.escapes.first() {
            return self.fail(
                Diagnostic::error(format!("{what} cannot leave a parallel loop"), *at)
                    .with_secondary(span, "all iterations of this parallel loop run, in any order".to_string()),
            );
        }
        if let Some(&at) = facts.prints.first() {
            return self.fail(
                Diagnostic::error("`print` inside a parallel loop: the output order would depend on scheduling", at)
                    .with_secondary(span, "in this parallel loop".to_string())
                    .with_note("collect the results in a list (`out[i] = ...`) and print them after the loop"),
            );
        }
        // A variable that already has a value is shared: assigning it in the body (other than
        // as a reduction, or as an inner loop's counter) would race.
        if let Some(w) = facts.writes.iter().find(|w| !w.loop_target && w.name != target && self.surely_bound(&w.name))
        {
            let name = &w.name;
            return self.fail(
                Diagnostic::error(
                    format!("`{name}` is shared by all iterations of {loop_line}, and assigning it here would race"),
                    w.span,
                )
                .with_label(format!("`{name}` is defined before the loop and assigned in every iteration"))
                .with_note(format!(
                    "use a new name for a per-iteration value; to combine values, use a reduction \
                     (`{name} += ...`, `{name} = max({name}, ...)`)"
                )),
            );
        }
        let mut private: HashSet<String> = facts.writes.iter().map(|w| w.name.clone()).collect();
        private.insert(target.to_string());
        let mut reductions: Vec<(String, ReductionOp)> = Vec::new();
        for (name, op, at) in &facts.reductions {
            if private.contains(name) || reductions.iter().any(|(n, o)| n == name && o == op) {
                continue;
            }
            if !self.surely_bound(name) {
                private.insert(name.clone());
                continue;
            }
            if let Some((_, other)) = reductions.iter().find(|(n, _)| n == name) {
                let (a, b) = (op_symbol(*other), op_symbol(*op));
                return self.fail(Diagnostic::error(
                    format!("reduction variable `{name}` is combined with both `{a}` and `{b}` in {loop_line}"),
                    *at,
                ));
            }
            if let Some((_, read)) = facts.reads.iter().find(|(n, _)| n == name) {
                return self.fail(
                    Diagnostic::error(
                        format!("`{name}` is a reduction variable of {loop_line}, but is also read here"),
                        *read,
                    )
                    .with_secondary(*at, format!("`{name}` is reduced with `{}` here", op_symbol(*op)))
                    .with_note("inside the loop it holds only a partial result; read it after the loop"),
                );
            }
            reductions.push((name.clone(), *op));
        }
        // Names whose value depends on the loop variable (for "distinct element" writes).
        let mut varying: HashSet<String> = HashSet::from([target.to_string()]);
        loop {
            let before = varying.len();
            for w in &facts.writes {
                if w.value.as_ref().is_some_and(|v| mentions(v, &varying)) {
                    varying.insert(w.name.clone());
                }
            }
            if varying.len() == before {
                break;
            }
        }
        let owned: HashSet<&str> = private
            .iter()
            .map(String::as_str)
            .filter(|n| {
                facts.writes.iter().filter(|w| w.name == *n).all(|w| w.value.as_ref().is_some_and(is_fresh_list))
            })
            .filter(|n| *n != target)
            .collect();
        // `a[i][j] = ...`: some index on the way down depends on the loop variable.
        let distinct = |e: &ast::Expr| {
            let mut e = e;
            loop {
                match e {
                    ast::Expr::Subscript(s) => {
                        if mentions(&s.slice, &varying) {
                            return true;
                        }
                        e = &s.value;
                    }
                    ast::Expr::Name(n) => return owned.contains(n.id.as_str()),
                    _ => return false,
                }
            }
        };
        // A store into a shared dict inserts (it may resize the table): never from two
        // threads at once, whatever the key.
        for (t, at) in &facts.element_writes {
            if let Some((root, _)) = subscript_path(t) {
                let shared_dict =
                    !owned.contains(root) && self.var_type(root).is_some_and(|v| matches!(v.ty, Ty::Dict(..)));
                if shared_dict {
                    return self.fail(
                        Diagnostic::error(
                            format!("storing into `{root}`, a dict all iterations of {loop_line} share"),
                            *at,
                        )
                        .with_label("several threads would insert into one hash table at once")
                        .with_note(
                            "build one dict per iteration, or fill the dict after the loop from a list of results",
                        ),
                    );
                }
            }
        }
        for (t, at) in &facts.element_writes {
            if !distinct(t) {
                let mut root = t;
                while let ast::Expr::Subscript(s) = root {
                    root = &s.value;
                }
                let of = match root {
                    ast::Expr::Name(n) => format!(" of `{}`", n.id),
                    _ => String::new(),
                };
                return self.fail(
                    Diagnostic::error(
                        format!("every iteration of {loop_line} may write the same element{of} here"),
                        *at,
                    )
                    .with_label(format!("the index does not depend on the loop variable `{target}`"))
                    .with_note("iterations may only write distinct elements of a shared list, e.g. `out[i] = ...`"),
                );
            }
        }
        // An element read of a list the body writes must stay inside this iteration's part of
        // it: up to the first index that depends on the loop variable (the one that keeps
        // iterations apart), it must use the same indices as the write.
        let raw = |e: &ast::Expr| -> &str {
            let span = self.span_of(e);
            self.p.file_text(span.file).get(span.start as usize..span.end as usize).unwrap_or("")
        };
        let text = |e: &ast::Expr| -> String { raw(e).split_whitespace().collect() };
        for (w, _) in &facts.element_writes {
            let Some((root, w_path)) = subscript_path(w) else { continue };
            if owned.contains(root) {
                continue;
            }
            let Some(k) = w_path.iter().position(|i| mentions(i, &varying)) else { continue };
            let conflict = facts.element_reads.iter().find(|(r, _)| match subscript_path(r) {
                Some((r_root, r_path)) if r_root == root && r_path.len() == w_path.len() => {
                    (0..=k).any(|level| text(r_path[level]) != text(w_path[level]))
                }
                _ => false,
            });
            if let Some((r, at)) = conflict {
                return self.fail(
                    Diagnostic::error(
                        format!(
                            "`{}` reads an element of `{root}` that another iteration of {loop_line} may be writing",
                            raw(r)
                        ),
                        *at,
                    )
                    .with_secondary(self.span_of(w), format!("each iteration writes `{}`", raw(w)))
                    .with_note(
                        "iterations may read only the elements they write; read from another list, or run the loop sequentially",
                    ),
                );
            }
        }
        for (recv, method, at) in &facts.mutating_calls {
            if !distinct(recv) {
                let what = match recv {
                    ast::Expr::Name(n) => format!("`{}`", n.id),
                    _ => "a list".to_string(),
                };
                return self.fail(
                    Diagnostic::error(
                        format!("`{method}` on {what}, which all iterations of {loop_line} share"),
                        *at,
                    )
                    .with_label("several threads would append to or reorder one list at once")
                    .with_note(
                        "build the list before the loop with its final length (`out = [0] * n`) and assign `out[i] = ...`",
                    ),
                );
            }
        }
        // Functions called from the body, and what they (transitively) do.
        let mut parents: HashMap<usize, Option<usize>> = HashMap::new();
        let mut queue = VecDeque::new();
        let mut call_site: HashMap<usize, Span> = HashMap::new();
        for (name, at) in &facts.calls {
            if self.is_local(name) || self.p.globals.contains_key(name) {
                continue;
            }
            if let Some(&def) = self.p.def_by_name.get(name) {
                if parents.insert(def, None).is_none() {
                    call_site.insert(def, *at);
                    queue.push_back(def);
                }
            }
        }
        let shared_globals: HashSet<String> = private
            .iter()
            .cloned()
            .chain(reductions.iter().map(|(n, _)| n.clone()))
            .filter(|n| !self.is_local(n))
            .collect();
        while let Some(def) = queue.pop_front() {
            let effects = match self.p.par_effects.get(&def) {
                Some(e) => e.clone(),
                None => {
                    let e = own_effects(self.p, def);
                    self.p.par_effects.insert(def, e.clone());
                    e
                }
            };
            let mut root = def;
            while let Some(Some(up)) = parents.get(&root) {
                root = *up;
            }
            let name = &self.p.defs[def].name;
            let subject = if root == def {
                format!("`{name}`")
            } else {
                format!("`{}`, which calls `{name}`", self.p.defs[root].name)
            };
            let at = call_site[&root];
            let problem = if let Some(place) = effects.prints {
                Some(("prints".to_string(), place, "the output order would depend on scheduling"))
            } else if let Some((g, place)) = effects.assigns_global {
                Some((
                    format!("assigns the global `{g}`"),
                    place,
                    "a global is shared by all iterations; return the value instead",
                ))
            } else if let Some((g, place)) = effects.writes_global_elements {
                Some((
                    format!("writes elements of the global list `{g}`"),
                    place,
                    "the compiler cannot check that iterations write distinct elements there; write the element in the loop body (`out[i] = ...`) or return the value",
                ))
            } else if let Some((m, place)) = effects.resizes {
                Some((
                    format!("uses `{m}` on a list it did not build"),
                    place,
                    "that list may be shared by all iterations (an append from several threads at once)",
                ))
            } else {
                effects.reads_globals.iter().find(|(g, _)| shared_globals.contains(*g)).map(|(g, place)| {
                    (
                        format!("reads `{g}`, which is private to each iteration"),
                        *place,
                        "pass the value as an argument instead",
                    )
                })
            };
            if let Some((verb, place, note)) = problem {
                return self.fail(
                    Diagnostic::error(format!("this parallel loop body calls {subject}, which {verb}"), at)
                        .with_secondary(place, "here".to_string())
                        .with_note(note),
                );
            }
            for callee in effects.calls {
                if let std::collections::hash_map::Entry::Vacant(e) = parents.entry(callee) {
                    e.insert(Some(def));
                    queue.push_back(callee);
                }
            }
        }
        // A shared dict or set passed to a function that changes its parameters (a store or
        // an insertion from several threads at once).
        for ((name, at), args) in facts.calls.iter().zip(&facts.call_name_args) {
            let Some(&def) = self.p.def_by_name.get(name).filter(|_| !self.is_local(name)) else { continue };
            let Some(shared) = args.iter().find(|a| {
                !owned.contains(a.as_str())
                    && self.var_type(a).is_some_and(|v| matches!(v.ty, Ty::Dict(..) | Ty::Set(_)))
            }) else {
                continue;
            };
            if !self.p.par_effects.contains_key(&def) {
                let e = own_effects(self.p, def);
                self.p.par_effects.insert(def, e);
            }
            if let Some(place) = self.p.par_effects[&def].mutates_params {
                let fname = self.p.defs[def].name.clone();
                return self.fail(
                    Diagnostic::error(
                        format!("this parallel loop body passes `{shared}`, which all iterations share, to `{fname}`, which changes its arguments"),
                        *at,
                    )
                    .with_secondary(place, "here".to_string())
                    .with_note("several threads would insert into one hash table at once"),
                );
            }
        }
        // A global private to the loop never receives a value: no function may read it.
        let private_globals: Vec<String> = private.iter().filter(|n| !self.is_local(n)).cloned().collect();
        for name in &private_globals {
            for def in 0..self.p.defs.len() {
                if !self.p.par_effects.contains_key(&def) {
                    let e = own_effects(self.p, def);
                    self.p.par_effects.insert(def, e);
                }
                if let Some(&place) = self.p.par_effects[&def].reads_globals.get(name) {
                    let fname = self.p.defs[def].name.clone();
                    let at = facts.writes.iter().find(|w| w.name == *name).map_or(span, |w| w.span);
                    return self.fail(
                        Diagnostic::error(
                            format!(
                                "`{name}` is private to each iteration of {loop_line}, but function `{fname}` reads the global `{name}`"
                            ),
                            at,
                        )
                        .with_secondary(place, format!("`{fname}` reads `{name}` here"))
                        .with_note("a variable assigned in a parallel loop is not shared; use another name in the loop"),
                    );
                }
            }
        }
        Ok(Plan { head: span, private, reductions })
    }

    fn loop_line(&self, span: Span) -> String {
        let line = self.p.module.line_of(span).map_or(0, |(_, l)| l);
        format!("the parallel loop at line {line}")
    }

    /// Why reading `name` here is an error, when it is one: a variable private to a parallel
    /// loop that this iteration has not assigned yet, or one read after its loop.
    pub(crate) fn par_read_error(&self, name: &str, span: Span) -> Option<Diagnostic> {
        if self.bound.as_ref().is_none_or(|b| b.contains(name)) {
            return None;
        }
        if let Some((_, at)) = self.par_private.iter().rev().find(|(names, _)| names.contains(name)) {
            return Some(
                Diagnostic::error(
                    format!("`{name}` is read before it is assigned in this iteration of {}", self.loop_line(*at)),
                    span,
                )
                .with_label("iterations run concurrently: a value from another iteration is not available")
                .with_note(format!(
                    "`{name}` is assigned in the loop, so each iteration has its own copy and it is not shared; \
                     to accumulate into a variable defined before the loop, use a reduction (`{name} += ...`)"
                )),
            );
        }
        let at = self.par_dead.get(name)?;
        Some(
            Diagnostic::error(
                format!("`{name}` has no value after the loop: it was private to each iteration of {}", self.loop_line(*at)),
                span,
            )
            .with_secondary(*at, "the parallel loop".to_string())
            .with_note("variables assigned in a parallel loop are not shared; assign it again after the loop, or collect per-iteration values in a list"),
        )
    }

    fn par_for(&mut self, s: &ast::StmtFor, options: ParOptions, iterable: &ast::Expr, span: Span) -> Res<()> {
        let ast::Expr::Name(target) = &*s.target else {
            let at = self.span_of(&*s.target);
            return self.fail(Diagnostic::error("a parallel loop's variable must be a plain name", at));
        };
        let target_name = target.id.to_string();
        let target_span = self.span_of(&*s.target);
        let mut body: &[ast::Stmt] = &s.body;
        // `collapse=2`: the body is exactly one loop over a range that does not depend on
        // the outer one.
        let mut inner: Option<(&ast::StmtFor, &ast::ExprCall)> = None;
        if options.collapse == 2 {
            let inner_loop = match &s.body[..] {
                [ast::Stmt::For(f)] if f.orelse.is_empty() && matches!(&*f.target, ast::Expr::Name(_)) => {
                    match &*f.iter {
                        ast::Expr::Call(c) if self.is_builtin_range(c) => Some((f, c)),
                        _ => None,
                    }
                }
                _ => None,
            };
            let Some((f, c)) = inner_loop else {
                return self.fail(Diagnostic::error(
                    "`collapse=2` needs a body that is exactly one `for ... in range(...)` loop",
                    span,
                ));
            };
            let mut outer_names: HashSet<String> = HashSet::from([target_name.clone()]);
            let mut written = HashSet::new();
            crate::scope::bound_names(&f.body, &mut written, &mut HashSet::new());
            outer_names.extend(written);
            // Evaluated once instead of once per outer iteration: only side-effect-free bounds.
            if c.args.iter().any(|a| mentions(a, &outer_names) || calls_other_than_len(a)) {
                let at = self.span_of(c);
                return self.fail(Diagnostic::error(
                    "`collapse=2` needs an inner range that does not depend on the outer loop",
                    at,
                ));
            }
            inner = Some((f, c));
            body = &f.body;
        }
        let head = Span::new(span.file, span.start, self.span_of(&*s.iter).end.max(span.start));
        let mut plan = self.plan(&s.body, &target_name, head)?;
        if let Some((f, _)) = inner {
            if let ast::Expr::Name(n) = &*f.target {
                plan.private.insert(n.id.to_string());
            }
        }

        // The iteration space, and how each iteration binds the loop variable(s) from its
        // index: `start + k*step`, the (i, j) pair of a collapsed index, or a list element.
        type Bind<'c> = Box<dyn Fn(&mut FnCx<'_, '_>, Val) -> Res<()> + 'c>;
        let iter_span = self.span_of(iterable);
        let (bounds, bind): ((Val, Val, Val), Bind<'_>) = match (iterable, inner) {
            (ast::Expr::Call(c), None) if self.is_builtin_range(c) => {
                let bounds = self.range_args(c, span)?;
                (bounds, Box::new(|cx: &mut FnCx<'_, '_>, i: Val| cx.assign_name(&target_name, i, target_span)))
            }
            (ast::Expr::Call(c), Some((inner_for, inner_call))) if self.is_builtin_range(c) => {
                let (start, stop, step) = self.range_args(c, span)?;
                let (start2, stop2, step2) = self.range_args(inner_call, span)?;
                let outer_bounds = [start, stop, step].map(|v| self.stash(v, span));
                let inner_bounds = [start2, stop2, step2].map(|v| self.stash(v, span));
                let inner_count = self.range_count(inner_bounds, span);
                let outer_count = self.range_count(outer_bounds, span);
                let ic = self.load(inner_count, Ty::Int, span);
                let oc = self.load(outer_count, Ty::Int, span);
                let total = self.emit(Expression::Binary { op: BinaryOp::Mul, left: oc.h, right: ic.h }, span);
                let bounds = (self.int(0, span), Val { ty: Ty::Int, h: total }, self.int(1, span));
                let ast::Expr::Name(inner_target) = &*inner_for.target else { unreachable!("checked above") };
                let inner_name = inner_target.id.to_string();
                let inner_span = self.span_of(&*inner_for.target);
                let bind: Bind<'_> = Box::new(move |cx: &mut FnCx<'_, '_>, k: Val| {
                    // k = q * inner_count + r (inner_count > 0 whenever an iteration runs)
                    let ic = cx.load(inner_count, Ty::Int, span);
                    let q = cx.emit(Expression::Binary { op: BinaryOp::FloorDiv, left: k.h, right: ic.h }, span);
                    let r = cx.emit(Expression::Binary { op: BinaryOp::Mod, left: k.h, right: ic.h }, span);
                    let i = cx.range_value(outer_bounds, q, span);
                    cx.assign_name(&target_name, i, target_span)?;
                    let j = cx.range_value(inner_bounds, r, span);
                    cx.assign_name(&inner_name, j, inner_span)
                });
                (bounds, bind)
            }
            (_, Some(_)) => {
                return self.fail(Diagnostic::error("`collapse=2` needs a loop over `range(...)`", iter_span))
            }
            (_, None) => {
                let v = self.expr(iterable)?;
                let elem = match v.ty.clone() {
                    Ty::List(elem) => *elem,
                    Ty::Unknown => return self.unknown(span).map(|_| ()),
                    other => {
                        return self.fail(
                            Diagnostic::error(
                                format!("a parallel loop runs over `range(...)` or a list, not {other}"),
                                iter_span,
                            )
                            .with_label(format!("this is {other}")),
                        )
                    }
                };
                // The list is read once, like the length: the body cannot resize it.
                let list_ty = v.ty.clone();
                let list = self.stash(v.clone(), span);
                let count = Val { ty: Ty::Int, h: self.emit(Expression::Len { value: v.h }, span) };
                let bounds = (self.int(0, span), count, self.int(1, span));
                let bind: Bind<'_> = Box::new(move |cx: &mut FnCx<'_, '_>, k: Val| {
                    let l = cx.load(list, list_ty.clone(), span);
                    let item = cx.emit(Expression::Index { base: l.h, index: k.h }, span);
                    cx.assign_name(&target_name, Val { ty: elem.clone(), h: item }, target_span)
                });
                (bounds, bind)
            }
        };
        self.lower_par(s, body, &plan, &options, bounds, &*bind, span)
    }

    pub(crate) fn is_builtin_range(&self, c: &ast::ExprCall) -> bool {
        matches!(&*c.func, ast::Expr::Name(n)
            if n.id.as_str() == "range" && self.var_type("range").is_none() && !self.p.def_by_name.contains_key("range"))
    }

    /// Stores `v` in a fresh hidden local.
    fn stash(&mut self, v: Val, span: Span) -> kiln_ir::Handle<kiln_ir::Local> {
        let l = self.new_temp(&v.ty, span);
        self.push(Statement::Store { local: l, value: v.h }, span);
        l
    }

    /// `len(range(start, stop, step))` of stashed bounds (the step is not zero).
    fn range_count(
        &mut self,
        [start, stop, step]: [kiln_ir::Handle<kiln_ir::Local>; 3],
        span: Span,
    ) -> kiln_ir::Handle<kiln_ir::Local> {
        let a = self.load(start, Ty::Int, span);
        let b = self.load(stop, Ty::Int, span);
        let st = self.load(step, Ty::Int, span);
        let zero = self.int(0, span);
        let one = self.int(1, span);
        // step > 0: (stop - start - 1) // step + 1 when stop > start; mirrored for step < 0.
        let positive = self.emit(Expression::Compare { op: CompareOp::Gt, left: st.h, right: zero.h }, span);
        let up = self.emit(Expression::Binary { op: BinaryOp::Sub, left: b.h, right: a.h }, span);
        let down = self.emit(Expression::Binary { op: BinaryOp::Sub, left: a.h, right: b.h }, span);
        let dist = self.emit(Expression::Select { condition: positive, accept: up, reject: down }, span);
        let neg_step = self.emit(Expression::Unary { op: kiln_ir::UnaryOp::Neg, arg: st.h }, span);
        let mag = self.emit(Expression::Select { condition: positive, accept: st.h, reject: neg_step }, span);
        let d1 = self.emit(Expression::Binary { op: BinaryOp::Sub, left: dist, right: one.h }, span);
        let q = self.emit(Expression::Binary { op: BinaryOp::FloorDiv, left: d1, right: mag }, span);
        let n = self.emit(Expression::Binary { op: BinaryOp::Add, left: q, right: one.h }, span);
        let nonempty = self.emit(Expression::Compare { op: CompareOp::Gt, left: dist, right: zero.h }, span);
        let count = self.emit(Expression::Select { condition: nonempty, accept: n, reject: zero.h }, span);
        self.stash(Val { ty: Ty::Int, h: count }, span)
    }

    /// `start + k * step` of stashed bounds.
    fn range_value(
        &mut self,
        [start, _, step]: [kiln_ir::Handle<kiln_ir::Local>; 3],
        k: kiln_ir::Handle<Expression>,
        span: Span,
    ) -> Val {
        let a = self.load(start, Ty::Int, span);
        let st = self.load(step, Ty::Int, span);
        let off = self.emit(Expression::Binary { op: BinaryOp::Mul, left: k, right: st.h }, span);
        Val { ty: Ty::Int, h: self.emit(Expression::Binary { op: BinaryOp::Add, left: a.h, right: off }, span) }
    }

    /// An option value (`chunk_size`, `num_threads`): an int ≥ 1, checked at run time.
    fn option_value(&mut self, e: &ast::Expr, name: &str) -> Res<kiln_ir::Handle<Expression>> {
        let span = self.span_of(e);
        let v = self.expr(e)?;
        let v = self.expect_int(v, span, name)?;
        let one = self.int(1, span);
        let bad = self.emit(Expression::Compare { op: CompareOp::Lt, left: v.h, right: one.h }, span);
        // The message of `kiln.par` under CPython.
        self.raise_if(bad, ExceptionKind::ValueError, &format!("par(): {name} must be at least 1"), span);
        Ok(v.h)
    }

    /// Emits the `ParallelFor`: `bind` assigns the loop variable(s) from the index.
    #[allow(clippy::too_many_arguments)]
    fn lower_par(
        &mut self,
        s: &ast::StmtFor,
        body: &[ast::Stmt],
        plan: &Plan,
        options: &ParOptions,
        (start, stop, step): (Val, Val, Val),
        bind: &dyn Fn(&mut FnCx<'_, '_>, Val) -> Res<()>,
        span: Span,
    ) -> Res<()> {
        let chunk_size = match &options.chunk_size {
            Some(e) => Some(self.option_value(e, "chunk_size")?),
            None => None,
        };
        let num_threads = match &options.num_threads {
            Some(e) => Some(self.option_value(e, "num_threads")?),
            None => None,
        };
        if options.gpu {
            if let Some((name, _)) = plan.reductions.first() {
                return self.fail(
                    Diagnostic::error(format!("`{name}` would be a reduction of a `gpu=True` loop, which kiln does not support"), span)
                        .with_note("write the per-iteration values into a list and add them up after the loop, or use gpu.atomic.add in a kernel"),
                );
            }
        }
        // Reductions: function locals directly; globals through a hidden local copied in
        // before the loop and out after it.
        let mut reductions = Vec::new();
        let mut global_copies = Vec::new();
        let saved_par_locals = self.par_locals.clone();
        for (name, op) in &plan.reductions {
            let Some(var) = self.var_type(name) else {
                return self.fail(Diagnostic::error(format!("kiln cannot infer the type of `{name}`"), span));
            };
            let ok = match op {
                ReductionOp::BitAnd | ReductionOp::BitOr | ReductionOp::BitXor => {
                    matches!(var.ty, Ty::Int | Ty::Bool | Ty::Unknown)
                }
                _ => matches!(var.ty, Ty::Int | Ty::Float | Ty::Unknown),
            };
            if !ok {
                return self.fail(
                    Diagnostic::error(
                        format!(
                            "`{name}` is {} and shared by all iterations: only int and float variables can be reductions",
                            var.ty
                        ),
                        span,
                    )
                    .with_note("a list or str would be extended by several threads at once (append would race)"),
                );
            }
            let local = if self.is_local(name) {
                self.local_handle(name, &var.ty, span)
            } else {
                let current = match self.read_name(name, span)? {
                    Some(v) => v,
                    None => return self.fail(Diagnostic::error(format!("name `{name}` is not defined"), span)),
                };
                let l = self.new_temp(&var.ty, span);
                self.push(Statement::Store { local: l, value: current.h }, span);
                self.par_locals.insert(name.clone(), l);
                global_copies.push((name.clone(), l, var.ty.clone()));
                l
            };
            if var.ty != Ty::Unknown {
                reductions.push(Reduction { local, op: *op });
            }
        }
        // Private globals live in hidden locals inside the body.
        for name in &plan.private {
            if !self.is_local(name) && !self.par_locals.contains_key(name) {
                if let Some(var) = self.var_type(name) {
                    let l = self.new_temp(&var.ty, span);
                    self.par_locals.insert(name.clone(), l);
                }
            }
        }
        let index = self.new_temp(&Ty::Int, span);
        let before = self.bound.clone();
        let mut inside = before.clone();
        if let Some(b) = &mut inside {
            for name in &plan.private {
                b.remove(name);
            }
        }
        self.par_private.push((plan.private.clone(), plan.head));
        let finally_depth = self.finally_stack.len();
        self.loops.push(LoopCx { broke: None, break_states: None, saw_break: false, parallel: true, finally_depth });
        self.bound = inside;
        let mut result = Ok(());
        let gpu_inside = options.gpu || self.gpu_body;
        let gpu_before = std::mem::replace(&mut self.gpu_body, gpu_inside);
        let block = self.block(|cx| {
            let i = cx.load(index, Ty::Int, span);
            result = bind(cx, i);
            if result.is_ok() {
                cx.stmts(body);
            }
        });
        self.gpu_body = gpu_before;
        self.loops.pop();
        self.par_private.pop();
        self.par_locals = saved_par_locals;
        result?;
        self.push(
            Statement::ParallelFor {
                index,
                start: start.h,
                stop: stop.h,
                step: step.h,
                body: block,
                schedule: options.schedule,
                chunk_size,
                num_threads,
                target: if options.gpu { ParallelTarget::Gpu } else { ParallelTarget::Cpu },
                reductions,
            },
            span,
        );
        // After the loop no iteration's private value is visible.
        self.bound = before;
        if let Some(b) = &mut self.bound {
            for name in &plan.private {
                b.remove(name);
            }
        }
        for name in &plan.private {
            self.par_dead.entry(name.clone()).or_insert(plan.head);
        }
        for (name, l, ty) in global_copies {
            let v = self.load(l, ty, span);
            self.assign_name(&name, v, span)?;
        }
        // `else` of a loop without `break`: always runs.
        self.stmts(&s.orelse);
        Ok(())
    }
}
