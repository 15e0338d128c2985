//! Resolution, type inference, monomorphisation and lowering to IR, in one walker.
//!
//! # Why one walker
//!
//! Typing Python needs the types of callees' results (including recursive ones), of globals
//! assigned anywhere, and of list elements that only an `append` later reveals. We therefore
//! walk every function *instance* (a source function together with a tuple of argument types)
//! repeatedly: each walk lowers the body to a scratch IR function using the types known so far
//! and joins every assignment, `append` and `return` it sees into the instance's variable and
//! result types, creating new instances at call sites. When a whole round changes nothing the
//! types are final, and one more walk — the *final* walk — produces the IR that is kept and
//! reports diagnostics. The same code both infers and lowers, so the two can never disagree.
//!
//! # Names
//!
//! Module-level names (variables, `def`s, default values of parameters) are IR globals or
//! functions; a function's locals are the names it assigns (minus its `global` declarations).
//! A definite-assignment analysis runs along the walk: a read that is not definitely preceded
//! by an assignment gets a runtime "bound" flag check raising `UnboundLocalError`/`NameError`
//! as CPython does, so such reads never see garbage.

mod call;
mod classes;
mod collections;
pub(crate) mod comprehension;
mod dicts;
mod exceptions;
mod expr;
mod funcs;
mod generators;
mod gpu;
mod iter;
mod learn;
mod maybe;
mod modules;
mod names;
mod par;
mod print;
mod spread;
mod stmt;
mod strings;
mod tuple;

pub(crate) use call::{is_builtin, LATER_BUILTINS};
pub(crate) use generators::is_generator;
pub(crate) use par::for_each_child;

use crate::diagnostic::Diagnostic;
use crate::scope::{self, FunctionScope};
use crate::ty::Ty;
use indexmap::IndexMap;
use kiln_ir::{Handle, Module, Span};
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};

/// A `def` at module level.
pub(crate) struct FuncDef<'a> {
    pub name: String,
    pub ast: &'a ast::StmtFunctionDef,
    pub params: Vec<ParamDef<'a>>,
    pub returns: Option<Ty>,
    pub scope: FunctionScope,
    pub span: Span,
    /// The file the `def` is in (the program, or kiln's prelude).
    pub file: u32,
    /// Part of kiln's prelude (`stdlib/prelude.py`): found only by the builtins and methods
    /// it implements, and hidden from tracebacks.
    pub stdlib: bool,
    /// Made by the compiler: a lambda, or a builtin used as a value (see `funcs.rs`).
    pub synthetic: bool,
    /// `@gpu.kernel`: launched over a grid, never called (see `gpu.rs`).
    pub kernel: bool,
    /// The class whose body holds this `def` (a method; see `classes.rs`).
    pub class: Option<u32>,
    pub method: MethodKind,
    /// The function whose body holds this `def` or lambda (see `funcs.rs`).
    pub parent: Option<usize>,
    /// The variables it captures from `parent` (and, through it, from further out), in the
    /// order of its environment: an instance takes them after its parameters.
    pub captures: Vec<Capture>,
    /// A nested `def` that refers to itself by its name (recursion): that name.
    pub self_name: Option<String>,
    /// A member of a group of mutually recursive nested `def`s (`captures::sibling_groups`):
    /// every member's name and its key in `Program::synthetic_defs` (itself included).
    pub siblings: Vec<(String, (u32, u32))>,
    /// Its body yields: calling it makes a generator (see `generators.rs`).
    pub generator: bool,
}

/// A variable a nested function captures.
#[derive(Clone, Debug)]
pub(crate) struct Capture {
    pub name: String,
    /// Captured as its cell (it may be assigned after the closure was made); else by value.
    pub cell: bool,
    /// Not a variable: the value of a computed parameter default, which the definer
    /// evaluates when it makes the closure ([`DefaultValue::Captured`]).
    pub default: bool,
}

/// What a `def` in a class body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MethodKind {
    /// Not in a class.
    Function,
    /// Takes the instance first (`self`).
    Instance,
    /// `@staticmethod`.
    Static,
    /// `@classmethod`: takes the class first (`cls`).
    Class,
    /// `@property`: a getter read as an attribute.
    Property,
}

pub(crate) struct ParamDef<'a> {
    pub name: String,
    pub annotation: Option<(Ty, Span)>,
    pub default: Option<DefaultValue<'a>>,
    pub keyword_only: bool,
    /// `*args`: takes the extra positional arguments, as a tuple.
    pub vararg: bool,
    pub span: Span,
}

/// Where a parameter's default comes from. Constants are re-evaluated at each call site (the
/// same thing, since they are immutable); anything else is evaluated once when the `def` runs,
/// as Python does, and kept in a hidden global (a module-level `def` or a method), or in the
/// closure (a nested `def` or a lambda: each closure made has its own).
pub(crate) enum DefaultValue<'a> {
    Constant(&'a ast::Expr),
    Global(String),
    /// Kept in the environment, as capture `capture` (named `$default.PARAM`).
    Captured {
        capture: usize,
        expr: &'a ast::Expr,
    },
}

/// A variable's inferred type and the place that first gave it.
#[derive(Clone, Debug)]
pub(crate) struct Var {
    pub ty: Ty,
    pub span: Span,
}

/// One monomorphic instance of a source function (or the module's top level).
pub(crate) struct Instance {
    /// `None` for the module's top-level code.
    pub def: Option<usize>,
    pub args: Vec<Ty>,
    pub ret: Ty,
    pub ret_span: Span,
    pub vars: IndexMap<String, Var>,
    /// Locals read where they may be unbound: they get a runtime flag.
    pub flagged: HashSet<String>,
    pub ir_name: String,
    /// Reads GPU builtins: GPU code only (see `gpu.rs`).
    pub device: bool,
}

/// A module-level variable.
pub(crate) struct GlobalVar {
    pub ty: Ty,
    pub span: Span,
    /// Read somewhere it may be unbound: it gets a runtime flag.
    pub flagged: bool,
}

/// What an imported or built-in name refers to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Imported {
    MathModule,
    TimeModule,
    /// `from math import name` (a function or a constant).
    MathMember(String),
    /// `from time import name`.
    TimeMember(String),
    /// `import kiln`: kiln's own constructs (`kiln.par`).
    KilnModule,
    RandomModule,
    /// `from random import name`.
    RandomMember(String),
    SysModule,
    /// `from sys import name`.
    SysMember(String),
    /// `from kiln import name`.
    KilnMember(String),
    /// `import gpu` or `from kiln import gpu`.
    GpuModule,
    /// `import collections`.
    CollectionsModule,
    /// `from collections import name` (`defaultdict` or `Counter`).
    CollectionsMember(String),
}

pub(crate) struct Program<'a> {
    pub source: &'a str,
    pub file: u32,
    pub module: Module,
    pub defs: Vec<FuncDef<'a>>,
    pub def_by_name: HashMap<String, usize>,
    pub globals: IndexMap<String, GlobalVar>,
    pub imports: HashMap<String, Imported>,
    pub instances: Vec<Instance>,
    pub instance_by_key: HashMap<(usize, Vec<Ty>), usize>,
    /// Module-level calls of this round: the callee instance and the module-level names
    /// surely bound at the call.
    pub module_calls: Vec<(usize, HashSet<String>)>,
    /// Call edges between instances (caller → callees) seen in the last complete round.
    pub call_edges: HashMap<usize, HashSet<usize>>,
    /// Call edges of the round in progress.
    pub round_edges: HashMap<usize, HashSet<usize>>,
    /// Per instance: the module-level names surely bound whenever it runs (the meet over the
    /// module-level calls that reach it); `None` when no call reaches it (yet).
    pub entry_bound: Vec<Option<HashSet<String>>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Set whenever a walk learns something new; the fixpoint loop runs until it stays false.
    pub changed: bool,
    pub final_pass: bool,
    /// Checking a function that nothing calls: its parameter types are unknown, so unknown
    /// types are tolerated, but unsupported syntax and unknown names are still reported.
    pub lenient: bool,
    /// Every name bound at module level.
    pub module_names: HashSet<String>,
    /// Whether the program reads `_` anywhere; when not, stores to it are dropped.
    pub underscore_read: bool,
    /// The module-level names (imports included) in the order of their first binding in the
    /// source: the order of CPython's globals dict, for "Did you mean" (see `names.rs`).
    pub module_name_order: Vec<String>,
    /// Module-level `def`s and classes that get a `$bound` flag: a "Did you mean" may name
    /// them where they may not be bound yet (see `names.rs`).
    pub flagged_defs: HashSet<String>,
    /// IR handles of globals (and their flags), fixed before the final walk.
    pub global_handles: HashMap<String, Handle<kiln_ir::Global>>,
    pub global_flags: HashMap<String, Handle<kiln_ir::Global>>,
    /// `@par` decorators, by the start offset of their `for` (see `par_syntax`).
    pub par_decorators: crate::par_syntax::ParDecorators,
    /// The prelude's `def`s by name (not visible to the program as plain names).
    pub stdlib_by_name: HashMap<String, usize>,
    /// For each instance of a prelude function: the program's call that first needed it (what
    /// an error inside the prelude is reported at), and the builtin or method called there.
    pub stdlib_call_sites: HashMap<usize, (Span, String)>,
    /// Compiler-made `def`s: lambdas by (file, offset), builtins used as values.
    /// The types of comprehension variables kept in cells (lambdas use them), by instance,
    /// comprehension start and name, as learned so far.
    pub comprehension_cells: HashMap<(usize, u32, String), Ty>,
    pub synthetic_defs: HashMap<(u32, u32), usize>,
    /// The element type learned so far for each list comprehension, by (instance, offset).
    pub comprehension_types: HashMap<(usize, u32), Ty>,
    /// What each `def` may do that a parallel loop must know about (see `par.rs`).
    pub par_effects: HashMap<usize, par::Effects>,
    /// Module-level names bound once to a number literal: constants in GPU code.
    pub global_constants: HashMap<String, &'a ast::Expr>,
    /// User classes, indexed by class id (pre-order of the inheritance forest).
    pub classes: Vec<classes::ClassDef<'a>>,
    pub class_by_name: HashMap<String, u32>,
    /// The program's other module files (see `imports.rs`).
    pub modules: &'a [crate::imports::ModuleFile],
    /// Classes whose instances are dict keys or set elements hashed by a user `__hash__`:
    /// the instances of the prelude's `_key_hash` and `_key_eq` for them (see `classes.rs`).
    pub key_functions: HashMap<u32, (usize, usize)>,
}

/// Marks a statement whose diagnostic has already been recorded (or, during inference, one
/// that cannot be typed yet): the walker abandons the statement and goes on with the next.
#[derive(Debug)]
pub(crate) struct Stop;

pub(crate) type Res<T> = Result<T, Stop>;

const MAX_ROUNDS: usize = 200;

impl<'a> Program<'a> {
    /// The text of file `file` (an id of a [`Span`]).
    pub fn file_text(&self, file: u32) -> &'a str {
        match file {
            crate::STDLIB_FILE => crate::PRELUDE,
            crate::MAIN_FILE => self.source,
            module => self.modules.iter().find(|m| m.file_id() == module).map(|m| m.text.as_str()).unwrap_or(""),
        }
    }

    /// The span of a syntax node: in the prelude, or in the program file its offset is in
    /// (each module's offsets start at its own base, see `imports.rs`).
    pub fn span(&self, range: rustpython_parser::text_size::TextRange) -> Span {
        if self.file == crate::STDLIB_FILE {
            return Span::new(self.file, range.start().to_u32(), range.end().to_u32());
        }
        let (file, start) = crate::imports::locate(range.start().to_u32());
        Span::new(file, start, start + range.len().to_u32())
    }

    pub fn span_of(&self, node: &impl Ranged) -> Span {
        self.span(node.range())
    }

    /// Records a diagnostic (final walk only) and stops the statement.
    pub fn fail<T>(&mut self, diagnostic: Diagnostic) -> Res<T> {
        if self.final_pass {
            self.diagnostics.push(diagnostic);
        }
        Err(Stop)
    }

    pub fn join_global(&mut self, name: &str, ty: &Ty, span: Span) {
        match self.globals.get_mut(name) {
            Some(g) => {
                if let Some(joined) = g.ty.join_value(ty) {
                    if joined != g.ty {
                        g.ty = joined;
                        self.changed = true;
                    }
                }
            }
            None => {
                self.globals.insert(name.to_string(), GlobalVar { ty: ty.clone(), span, flagged: false });
                self.changed = true;
            }
        }
    }

    /// The instance of `def` for `args`, created on first use.
    pub fn instance(&mut self, def: usize, args: Vec<Ty>) -> usize {
        if let Some(&i) = self.instance_by_key.get(&(def, args.clone())) {
            return i;
        }
        let index = self.instances.len();
        let base = &self.defs[def].name;
        let ir_name = if args.is_empty() {
            base.clone()
        } else {
            let parts: Vec<String> = args.iter().map(|t| t.to_string()).collect();
            format!("{base}({})", parts.join(", "))
        };
        let ret = if self.defs[def].generator { Ty::Generator(Box::new(Ty::Unknown)) } else { Ty::Unknown };
        self.instances.push(Instance {
            def: Some(def),
            args: args.clone(),
            ret,
            ret_span: Span::UNDEFINED,
            vars: IndexMap::new(),
            flagged: HashSet::new(),
            ir_name,
            device: false,
        });
        self.instance_by_key.insert((def, args), index);
        self.changed = true;
        index
    }

    /// Pins down what inference left open, once it has converged: the element type of a list
    /// that never receives an element (`int`; no element can show it), a variable that only
    /// its own unbound value flows into, and the result of a
    /// function that never returns normally (`int`; every return is its own recursion, so any
    /// type is sound). Returns whether anything changed; inference then goes on from there.
    fn default_unknowns(&mut self) -> bool {
        fn fill(ty: &mut Ty) -> bool {
            match ty {
                Ty::Unknown => {
                    *ty = Ty::Int;
                    true
                }
                Ty::List(e) | Ty::Generator(e) => fill(e),
                _ => false,
            }
        }
        let mut changed = false;
        for g in self.globals.values_mut() {
            changed |= fill(&mut g.ty);
        }
        for inst in self.instances.iter_mut().skip(1) {
            changed |= fill(&mut inst.ret);
        }
        // A comprehension whose loops never run (`[f(x) for x in []]`) gets no element.
        for ty in self.comprehension_types.values_mut() {
            if !ty.is_known() {
                *ty = ty.or_int();
                changed = true;
            }
        }
        for inst in &mut self.instances {
            // A variable only ever assigned from itself (`total = total + n` before any other
            // assignment) is read before it is bound whenever it runs.
            for v in inst.vars.values_mut() {
                changed |= fill(&mut v.ty);
            }
        }
        changed
    }
}

/// Walks the module's top level, then works out what each function may assume bound, then
/// walks every function instance (including the ones created along the way).
fn walk_round(p: &mut Program<'_>, mut walk: impl FnMut(&mut Program<'_>, usize)) {
    p.module_calls.clear();
    p.round_edges.clear();
    walk(p, 0);
    p.entry_bound = vec![None; p.instances.len()];
    let calls = std::mem::take(&mut p.module_calls);
    for (callee, bound) in &calls {
        let mut seen = HashSet::new();
        let mut stack = vec![*callee];
        while let Some(f) = stack.pop() {
            if !seen.insert(f) {
                continue;
            }
            let slot = &mut p.entry_bound[f];
            *slot = Some(match slot.take() {
                None => bound.clone(),
                Some(prev) => prev.intersection(bound).cloned().collect(),
            });
            if let Some(callees) = p.call_edges.get(&f) {
                stack.extend(callees.iter().copied().filter(|&c| c < p.entry_bound.len()));
            }
        }
    }
    p.module_calls = calls;
    let mut i = 1;
    while i < p.instances.len() {
        walk(p, i);
        i += 1;
    }
    // A changed call graph changes what each function may assume bound.
    if p.round_edges != p.call_edges {
        p.changed = true;
        p.call_edges = std::mem::take(&mut p.round_edges);
    }
}

/// The instances the program can run: the top level and what its calls reach. Others are
/// left over from earlier rounds (an instance for `list[?]` before the list got its type).
fn reachable(p: &Program<'_>) -> HashSet<usize> {
    let mut seen = HashSet::from([0]);
    let mut stack: Vec<usize> = p.module_calls.iter().map(|(callee, _)| *callee).collect();
    while let Some(f) = stack.pop() {
        if seen.insert(f) {
            stack.extend(p.call_edges.get(&f).into_iter().flatten().copied());
        }
    }
    seen
}

/// Functions that nothing calls get no instance; walk each once with unknown parameter types
/// so that `kiln check` still reports unsupported syntax and unknown names inside them.
fn check_uncalled_defs(p: &mut Program<'_>, suite: &[ast::Stmt]) {
    let called: HashSet<usize> = p.instances.iter().filter_map(|i| i.def).collect();
    let count = p.instances.len();
    p.lenient = true;
    for def in 0..p.defs.len() {
        // The prelude is generic library code: it is checked by the programs that use it.
        if called.contains(&def) || p.defs[def].stdlib || p.defs[def].synthetic {
            continue;
        }
        let args = vec![Ty::Unknown; p.defs[def].params.len()];
        let index = p.instances.len();
        let ret = if p.defs[def].generator { Ty::Generator(Box::new(Ty::Unknown)) } else { Ty::Unknown };
        p.instances.push(Instance {
            def: Some(def),
            args,
            ret,
            ret_span: Span::UNDEFINED,
            vars: IndexMap::new(),
            flagged: HashSet::new(),
            ir_name: String::new(),
            device: false,
        });
        p.entry_bound.push(None);
        let _ = stmt::walk_instance(p, index, suite);
    }
    p.lenient = false;
    // Drop the probes and whatever instances they created.
    p.instances.truncate(count);
    p.instance_by_key.retain(|_, i| *i < count);
}

/// One error inside a prelude function (or a function with several instances) can be met by
/// several statements that are reported at the same place: say it once. Then in source order:
/// the walk meets module code before the functions it calls, so an error in a function (the
/// cause) would otherwise come after the errors its unknown result led to at the call sites.
fn deduplicated(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    diagnostics.retain(|d| seen.insert((d.message.clone(), d.primary_span())));
    diagnostics.sort_by_key(|d| {
        let at = d.primary_span();
        (at.file, at.start)
    });
    diagnostics
}

/// Compiles the parsed main file into an IR module.
pub(crate) fn lower_module<'a>(
    path: &str,
    source: &'a str,
    suite: &'a [ast::Stmt],
    file: u32,
    par_decorators: crate::par_syntax::ParDecorators,
    prelude: &'a [ast::Stmt],
    modules: &'a [crate::imports::ModuleFile],
) -> Result<Module, Vec<Diagnostic>> {
    let mut module = Module::new();
    module.files.push(kiln_ir::SourceFile::new(path, source));
    let mut p = Program {
        source,
        file,
        module,
        defs: Vec::new(),
        def_by_name: HashMap::new(),
        globals: IndexMap::new(),
        imports: HashMap::new(),
        instances: Vec::new(),
        instance_by_key: HashMap::new(),
        module_calls: Vec::new(),
        call_edges: HashMap::new(),
        round_edges: HashMap::new(),
        entry_bound: Vec::new(),
        diagnostics: Vec::new(),
        changed: false,
        final_pass: false,
        lenient: false,
        module_names: HashSet::new(),
        underscore_read: scope::reads_underscore(suite),
        module_name_order: Vec::new(),
        flagged_defs: HashSet::new(),
        global_handles: HashMap::new(),
        global_flags: HashMap::new(),
        par_decorators,
        par_effects: HashMap::new(),
        stdlib_by_name: HashMap::new(),
        stdlib_call_sites: HashMap::new(),
        comprehension_types: HashMap::new(),
        synthetic_defs: HashMap::new(),
        comprehension_cells: HashMap::new(),
        global_constants: HashMap::new(),
        classes: Vec::new(),
        class_by_name: HashMap::new(),
        modules,
        key_functions: HashMap::new(),
    };
    p.module.files.push(kiln_ir::SourceFile::new(crate::STDLIB_NAME, crate::PRELUDE));
    for m in modules {
        p.module.files.push(kiln_ir::SourceFile::new(&m.path, &m.text));
    }
    scope::collect_prelude(&mut p, prelude);
    classes::declare_classes(&mut p, suite);
    scope::collect_module(&mut p, suite);
    classes::collect_members(&mut p);
    if !p.diagnostics.is_empty() {
        return Err(p.diagnostics);
    }
    p.instances.push(Instance {
        def: None,
        args: Vec::new(),
        ret: Ty::None,
        ret_span: Span::UNDEFINED,
        vars: IndexMap::new(),
        flagged: HashSet::new(),
        ir_name: "<module>".into(),
        device: false,
    });

    // Inference: walk every instance until nothing changes, pin down what is still open (see
    // `default_unknowns`), and go on until that changes nothing either.
    let mut rounds = 0;
    loop {
        p.changed = false;
        walk_round(&mut p, |p, i| {
            // The IR of an inference round is scratch: only the types it taught are kept.
            stmt::walk_instance(p, i, suite);
        });
        rounds += 1;
        // Errors found during inference are final (a type that would grow without bound).
        if !p.diagnostics.is_empty() {
            return Err(deduplicated(p.diagnostics));
        }
        if !p.changed && !p.default_unknowns() && !p.default_unknown_fields() {
            break;
        }
        if rounds == MAX_ROUNDS {
            return Err(vec![Diagnostic::error("type inference did not converge", Span::new(file, 0, 0))]);
        }
    }

    // Final walk: fix the IR globals, then lower every instance for real.
    p.final_pass = true;
    let names: Vec<String> = p.globals.keys().cloned().collect();
    for name in &names {
        let ty = p.globals[name].ty.to_ir(&mut p.module);
        let h = p.module.globals.append(kiln_ir::Global { name: name.clone(), ty }, p.globals[name].span);
        p.global_handles.insert(name.clone(), h);
    }
    p.declare_ir_classes();
    for name in &names {
        if p.globals[name].flagged {
            let ty = p.module.scalar_type(kiln_ir::Scalar::BOOL);
            let h = p.module.globals.append(kiln_ir::Global { name: format!("{name}$bound"), ty }, Span::UNDEFINED);
            p.global_flags.insert(name.clone(), h);
        }
    }
    let mut defs: Vec<String> = p.flagged_defs.iter().cloned().collect();
    defs.sort();
    for name in defs {
        let ty = p.module.scalar_type(kiln_ir::Scalar::BOOL);
        let h = p.module.globals.append(kiln_ir::Global { name: format!("{name}$bound"), ty }, Span::UNDEFINED);
        p.global_flags.insert(name, h);
    }
    let count = p.instances.len();
    let live = reachable(&p);
    let mut functions = Vec::with_capacity(count);
    walk_round(&mut p, |p, i| {
        functions.push(if live.contains(&i) { stmt::walk_instance(p, i, suite) } else { stmt::stub_instance(p, i) })
    });
    if p.instances.len() != count {
        p.diagnostics
            .push(Diagnostic::error("internal error: new function instance in the final walk", Span::new(file, 0, 0)));
    }
    check_uncalled_defs(&mut p, suite);
    if !p.diagnostics.is_empty() {
        return Err(deduplicated(p.diagnostics));
    }
    for (i, f) in functions.into_iter().enumerate() {
        let span = f.span;
        let h = p.module.functions.append(f, span);
        if i == 0 {
            p.module.entry = Some(h);
        }
    }
    Ok(p.module)
}

/// Whether `from collections import NAME` names something kiln provides.
pub(crate) fn collections_supported(name: &str) -> bool {
    collections::SUPPORTED.contains(&name)
}

pub(crate) fn collections_unsupported(name: &str, span: kiln_ir::Span) -> crate::diagnostic::Diagnostic {
    collections::unsupported_member(name, span)
}
