//! The function walker and statement lowering.

use super::learn::Origin;
use super::{DefaultValue, Program, Res, Var};
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;
use kiln_ir::{
    BinaryOp, Block, CompareOp, ExceptionKind, Expression, Function, Handle, Literal, Local, Param, Range, Span,
    Statement, UnaryOp,
};
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};

/// A lowered value: its frontend type and the IR expression holding it.
#[derive(Clone, Debug)]
pub(crate) struct Val {
    pub ty: Ty,
    pub h: Handle<Expression>,
}

/// Definite-assignment state: the names surely bound here, or `None` where control cannot
/// reach (after `return`, `raise`, `break`, `continue`).
pub(crate) type Bound = Option<HashSet<String>>;

pub(crate) fn meet(a: Bound, b: Bound) -> Bound {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(a.intersection(&b).cloned().collect()),
    }
}

pub(crate) struct LoopCx {
    /// Set when the loop has an `else`: `break` stores `true` here so the `else` can be skipped
    /// after the IR loop ends (a `break` inside the `else` belongs to an enclosing loop).
    pub broke: Option<Handle<Local>>,
    /// Definite-assignment states at the `break`s.
    pub break_states: Bound,
    pub saw_break: bool,
    /// The body of a parallel loop: nothing may `break` out of it.
    pub parallel: bool,
    /// How many `finally` bodies enclosed the loop: `break`/`continue` run the ones above.
    pub finally_depth: usize,
}

/// Walks one function instance, lowering it to IR.
pub(crate) struct FnCx<'p, 'a> {
    pub p: &'p mut Program<'a>,
    pub inst: usize,
    pub f: Function,
    pub blocks: Vec<Block>,
    pub locals: HashMap<String, Handle<Local>>,
    pub flags: HashMap<String, Handle<Local>>,
    pub bound: Bound,
    pub loops: Vec<LoopCx>,
    /// Names local to this function (empty at module level, where names are globals).
    pub local_names: HashSet<String>,
    pub is_module: bool,
    /// The element values of each list literal (so that `[[]]` can be retyped as a whole).
    pub list_elements: HashMap<Handle<Expression>, Vec<Handle<Expression>>>,
    /// Where values whose type may be open came from (see `learn.rs`).
    pub origins: HashMap<Handle<Expression>, Origin>,
    /// Per enclosing parallel loop: the names private to its iterations, and its span.
    pub par_private: Vec<(HashSet<String>, Span)>,
    /// Globals that an enclosing parallel loop keeps in hidden locals (privates, reductions).
    pub par_locals: HashMap<String, Handle<Local>>,
    /// Names that were private to an earlier parallel loop (at that loop's span): reading
    /// one that has not been assigned again is an error.
    pub par_dead: HashMap<String, Span>,
    /// Per enclosing comprehension: the names its `for` targets bind.
    pub comp_scopes: Vec<HashSet<String>>,
    /// Comprehension variables bound so far, in hidden locals (see `comprehension.rs`).
    pub comp_vars: HashMap<String, (Handle<Local>, Ty)>,
    /// Comprehension variables kept in cells: the start of the comprehension that binds each.
    pub comp_cells: HashMap<String, u32>,
    /// The comprehensions being lowered, innermost last.
    pub comprehensions: Vec<super::comprehension::Comprehension>,
    /// Generator expressions (by start offset) that a builtin consumes at once: computed as
    /// lists (see `comprehension.rs`).
    pub eager_genexprs: HashSet<u32>,
    /// Lowering the body of a `@par(gpu=True)` loop (GPU code inside a host function).
    pub gpu_body: bool,
    /// The caught exception of each enclosing `except` clause, innermost last (bare `raise`).
    pub handlers: Vec<Handle<Local>>,
    /// What the enclosing `finally` clauses and exception handlers must do when left, innermost
    /// last: `return`, `break` and `continue` do it on their way out.
    pub finally_stack: Vec<super::exceptions::Cleanup>,
    /// The `__cause__` of the `raise ... from cause` being lowered (an exception or `None`),
    /// for the statement that raises.
    pub raise_cause: Option<Val>,
    /// The line a `print(..., file=...)` to another stream than stdout is building.
    pub print_buffer: Option<Handle<Local>>,
    /// Variables kept in cells (shared with closures): this function's own and the ones it
    /// captured as cells. Their locals hold the cell.
    pub cells: HashSet<String>,
    /// Set by a loop's head when the types decide that the loop ends at once: its body is
    /// not compiled (see `loop_stmt`).
    pub dead_loop_body: bool,
    /// Variables that may be None (`Ty::Maybe`) known not to be None here: tested by the
    /// enclosing condition or an earlier `if v is None: return` (see `maybe.rs`).
    pub not_none: HashSet<String>,
    temp_counter: u32,
}

/// Lowers instance `inst` (a scratch function during inference, the real one in the final walk).
pub(crate) fn walk_instance(p: &mut Program<'_>, inst: usize, suite: &[ast::Stmt]) -> Function {
    let def = p.instances[inst].def;
    let result = p.instances[inst].ret.to_ir(&mut p.module);
    let (name, source_name, span) = match def {
        // A method shows as its own name in tracebacks (`__init__`), as in CPython.
        Some(d) => {
            let short = p.defs[d].name.rsplit('.').next().unwrap_or_default().to_string();
            (p.instances[inst].ir_name.clone(), short, p.defs[d].span)
        }
        None => ("__kiln_module".to_string(), "<module>".to_string(), Span::new(p.file, 0, 0)),
    };
    let mut f = Function::new(name, source_name, result, span);
    f.hidden = def.is_some_and(|d| p.defs[d].stdlib);
    f.generator = def.is_some_and(|d| p.defs[d].generator);
    // Spans of the walk are in the def's own file (the program or the prelude).
    let program_file = p.file;
    if let Some(d) = def {
        p.file = p.defs[d].file;
    }
    let (local_names, cells) = match def {
        Some(d) => {
            let mut locals = p.defs[d].scope.locals.clone();
            let mut cells = p.defs[d].scope.cells.clone();
            for c in &p.defs[d].captures {
                locals.insert(c.name.clone());
                if c.cell {
                    cells.insert(c.name.clone());
                }
            }
            (locals, cells)
        }
        None => Default::default(),
    };
    let mut cx = FnCx {
        p,
        inst,
        f,
        blocks: vec![Block::new()],
        locals: HashMap::new(),
        flags: HashMap::new(),
        bound: Some(HashSet::new()),
        loops: Vec::new(),
        local_names,
        is_module: def.is_none(),
        origins: HashMap::new(),
        list_elements: HashMap::new(),
        par_private: Vec::new(),
        par_locals: HashMap::new(),
        par_dead: HashMap::new(),
        comp_scopes: Vec::new(),
        comp_vars: HashMap::new(),
        comp_cells: HashMap::new(),
        comprehensions: Vec::new(),
        eager_genexprs: HashSet::new(),
        gpu_body: false,
        handlers: Vec::new(),
        finally_stack: Vec::new(),
        raise_cause: None,
        print_buffer: None,
        cells,
        dead_loop_body: false,
        not_none: HashSet::new(),
        temp_counter: 0,
    };
    cx.prologue();
    let body: &[ast::Stmt] = match def {
        Some(d) => &cx.p.defs[d].ast.body,
        None => suite,
    };
    cx.stmts(body);
    cx.epilogue(span);
    let body = cx.blocks.pop().unwrap_or_default();
    cx.f.body = body;
    if def.is_some_and(|d| cx.p.defs[d].kernel) {
        cx.f.kind = kiln_ir::FunctionKind::Kernel;
    } else if cx.in_gpu_code() {
        cx.f.kind = kiln_ir::FunctionKind::Device;
    }
    cx.p.file = program_file;
    cx.f
}

/// A placeholder for an instance nothing calls any more (its handle must stay valid): it raises
/// if ever reached.
pub(crate) fn stub_instance(p: &mut Program<'_>, inst: usize) -> Function {
    let result = p.instances[inst].ret.to_ir(&mut p.module);
    let def = p.instances[inst].def.expect("the top level is always live");
    let mut f = Function::new(p.instances[inst].ir_name.clone(), p.defs[def].name.clone(), result, p.defs[def].span);
    for (param, ty) in p.defs[def].params.iter().zip(p.instances[inst].args.clone()) {
        let ty = ty.to_ir(&mut p.module);
        f.params.push(Param { name: param.name.clone(), ty });
    }
    f.body.push(Statement::Raise { kind: ExceptionKind::RuntimeError, message: None }, f.span);
    f
}

impl<'p, 'a> FnCx<'p, 'a> {
    // ----- building blocks -------------------------------------------------------------

    pub fn emit(&mut self, expr: Expression, span: Span) -> Handle<Expression> {
        let h = self.f.expressions.append(expr, span);
        self.push(Statement::Emit(Range::new(h, self.f.expressions.next_handle())), span);
        h
    }

    /// `if test(c0) { body(c0) } else if test(c1) { body(c1) } ... else { body(last) }`: one
    /// case of `cases` applies, so the last one needs no test. The dispatch over subclasses
    /// and over the members of a union of functions are such chains.
    pub fn case_chain<T>(
        &mut self,
        cases: &[T],
        span: Span,
        test: &mut dyn FnMut(&mut Self, &T) -> Handle<Expression>,
        body: &mut dyn FnMut(&mut Self, &T) -> Res<()>,
    ) -> Res<()> {
        let Some((first, rest)) = cases.split_first() else { return Ok(()) };
        if rest.is_empty() {
            return body(self, first);
        }
        let condition = test(self, first);
        let mut outcome = Ok(());
        let accept = self.block(|cx| outcome = body(cx, first));
        outcome?;
        let mut outcome = Ok(());
        let reject = self.block(|cx| outcome = cx.case_chain(rest, span, test, body));
        outcome?;
        self.push(Statement::If { condition, accept, reject }, span);
        Ok(())
    }

    pub fn push(&mut self, statement: Statement, span: Span) {
        self.blocks.last_mut().expect("a block is open").push(statement, span);
    }

    /// Lowers what `body` emits into a separate block.
    pub fn block(&mut self, body: impl FnOnce(&mut Self)) -> Block {
        self.blocks.push(Block::new());
        body(self);
        self.blocks.pop().unwrap_or_default()
    }

    pub fn lit(&mut self, literal: Literal, span: Span) -> Handle<Expression> {
        self.emit(Expression::Literal(literal), span)
    }

    pub fn int(&mut self, value: i64, span: Span) -> Val {
        Val { ty: Ty::Int, h: self.lit(Literal::I64(value), span) }
    }

    pub fn str_lit(&mut self, text: &str, span: Span) -> Val {
        Val { ty: Ty::Str, h: self.lit(Literal::Str(text.to_string()), span) }
    }

    pub fn bool_lit(&mut self, value: bool, span: Span) -> Val {
        Val { ty: Ty::Bool, h: self.lit(Literal::Bool(value), span) }
    }

    /// A placeholder for a value whose type is not known yet (inference only).
    pub fn unknown(&mut self, span: Span) -> Res<Val> {
        if self.p.final_pass && !self.p.lenient {
            return self.p.fail(Diagnostic::error("kiln cannot infer the type of this expression", span));
        }
        Ok(Val { ty: Ty::Unknown, h: self.lit(Literal::None, span) })
    }

    /// A new list of `len` zero elements of type `elem`.
    pub fn list_new(&mut self, elem: &Ty, len: Handle<Expression>, span: Span) -> Handle<Expression> {
        Ty::list(elem.clone()).to_ir(&mut self.p.module);
        let elem = elem.to_ir(&mut self.p.module);
        self.emit(Expression::ListNew { elem, len }, span)
    }

    pub fn new_temp(&mut self, ty: &Ty, span: Span) -> Handle<Local> {
        self.temp_counter += 1;
        let ty = ty.to_ir(&mut self.p.module);
        self.f.locals.append(Local { name: format!("${}", self.temp_counter), ty }, span)
    }

    pub fn load(&mut self, local: Handle<Local>, ty: Ty, span: Span) -> Val {
        Val { ty, h: self.emit(Expression::Load(local), span) }
    }

    pub fn raise(&mut self, kind: ExceptionKind, message: Option<&str>, span: Span) {
        let message = message.map(|m| self.lit(Literal::Str(m.to_string()), span));
        self.push(Statement::Raise { kind, message }, span);
    }

    /// `if condition { raise kind(message) }`.
    pub fn raise_if(&mut self, condition: Handle<Expression>, kind: ExceptionKind, message: &str, span: Span) {
        let accept = self.block(|cx| cx.raise(kind, Some(message), span));
        self.push(Statement::If { condition, accept, reject: Block::new() }, span);
    }

    pub fn fail<T>(&mut self, diagnostic: Diagnostic) -> Res<T> {
        // An error inside the prelude is the program's: report it where the program called it.
        if let Some((site, name)) = self.p.stdlib_call_sites.get(&self.inst).filter(|_| self.in_stdlib()).cloned() {
            let message = format!("{} (inside kiln's `{name}`)", diagnostic.message);
            return self.p.fail(
                Diagnostic::error(message, site).with_label(format!("in this call of `{name}`")).with_note(
                    "kiln implements this builtin in kiln-Python (stdlib/prelude.py) for the argument types given here",
                ),
            );
        }
        self.p.fail(diagnostic)
    }

    pub fn span_of(&self, node: &impl Ranged) -> Span {
        self.p.span_of(node)
    }

    // ----- variables -------------------------------------------------------------------

    fn prologue(&mut self) {
        let inst = self.inst;
        let Some(def) = self.p.instances[inst].def else {
            // Module level: flags of globals read before they are surely bound start false.
            let flags: Vec<_> = self.p.global_flags.values().copied().collect();
            for flag in flags {
                let f = self.lit(Literal::Bool(false), Span::UNDEFINED);
                self.push(Statement::StoreGlobal { global: flag, value: f }, Span::UNDEFINED);
            }
            return;
        };
        let args = self.p.instances[inst].args.clone();
        // Every cell of this function exists before anything can assign it.
        let mut own_cells: Vec<String> = self.p.defs[def].scope.cells.iter().cloned().collect();
        own_cells.sort();
        for name in own_cells {
            let ty = self.p.instances[inst].vars.get(&name).map(|v| v.ty.clone()).unwrap_or(Ty::Unknown);
            let ir_ty = ty.to_ir(&mut self.p.module);
            let zero = self.emit(Expression::Zero { ty: ir_ty }, Span::UNDEFINED);
            let cell_ty = Ty::Cell(Box::new(ty));
            cell_ty.to_ir(&mut self.p.module);
            let cell = self.emit(Expression::CellNew { value: zero }, Span::UNDEFINED);
            let local = self.local_handle(&name, &cell_ty, Span::UNDEFINED);
            self.push(Statement::Store { local, value: cell }, Span::UNDEFINED);
        }
        let nparams = self.p.defs[def].params.len();
        let captures = self.p.defs[def].captures.clone();
        for (i, ty) in args.iter().enumerate() {
            let (name, span) = match i.checked_sub(nparams) {
                None => (self.p.defs[def].params[i].name.clone(), self.p.defs[def].params[i].span),
                Some(c) => (captures[c].name.clone(), self.p.defs[def].span),
            };
            let ir_ty = ty.to_ir(&mut self.p.module);
            self.f.params.push(Param { name: name.clone(), ty: ir_ty });
            let value = self.emit(Expression::Param(i as u32), span);
            match ty {
                // A captured cell: the local holds the cell itself.
                Ty::Cell(inner) if i >= nparams => {
                    let local = self.local_handle(&name, ty, span);
                    self.push(Statement::Store { local, value }, span);
                    let _ = self.join_var(&name, inner, span);
                    if let Some(bound) = &mut self.bound {
                        bound.insert(name);
                    }
                }
                _ => {
                    self.assign_name(&name, Val { ty: ty.clone(), h: value }, span).ok();
                }
            }
        }
        // Sorted, so the IR is the same on every run.
        let mut flagged: Vec<String> = self.p.instances[inst].flagged.iter().cloned().collect();
        flagged.sort();
        for name in flagged {
            if self.flags.contains_key(&name) {
                continue;
            }
            let bool_ty = Ty::Bool.to_ir(&mut self.p.module);
            let flag = self.f.locals.append(Local { name: format!("{name}$bound"), ty: bool_ty }, Span::UNDEFINED);
            let f = self.lit(Literal::Bool(false), Span::UNDEFINED);
            self.push(Statement::Store { local: flag, value: f }, Span::UNDEFINED);
            self.flags.insert(name, flag);
        }
    }

    fn epilogue(&mut self, span: Span) {
        if self.bound.is_none() {
            return;
        }
        // Falling off the end returns None.
        let inst = self.inst;
        if self.is_module {
            let none = self.lit(Literal::None, span);
            self.push(Statement::Return { value: Some(none) }, span);
            return;
        }
        if self.in_generator() {
            self.push(Statement::Return { value: None }, span);
            return;
        }
        let ret = self.p.instances[inst].ret.clone();
        // A result that can be None (an instance or a scalar) takes the None of the end too.
        let takes_none = matches!(ret.join_value(&Ty::None), Some(Ty::Optional(_) | Ty::Maybe(_)));
        if ret != Ty::None && ret != Ty::Unknown && !takes_none {
            let ret_span = self.p.instances[inst].ret_span;
            let name = self.p.defs[self.p.instances[inst].def.unwrap_or(0)].name.clone();
            let _ = self.fail::<()>(
                Diagnostic::error(
                    format!("function `{name}` returns {ret} but can also reach its end and return None"),
                    span,
                )
                .with_secondary(ret_span, format!("returns {ret} here"))
                .with_note("kiln needs one return type per function; add a final `return` or make every path return"),
            );
            return;
        }
        self.join_return(&Ty::None, span);
        if self.p.final_pass || ret == Ty::None {
            let none = Val { ty: Ty::None, h: self.lit(Literal::None, span) };
            let target = self.p.instances[inst].ret.clone();
            let none = self.coerce(none, &target, span);
            self.push(Statement::Return { value: Some(none.h) }, span);
        }
    }

    fn join_return(&mut self, ty: &Ty, span: Span) {
        let inst = &mut self.p.instances[self.inst];
        if let Some(joined) = inst.ret.join_value(ty) {
            if joined != inst.ret {
                inst.ret = joined;
                if !inst.ret_span.is_defined() || ty != &Ty::None {
                    inst.ret_span = span;
                }
                self.p.changed = true;
            }
        }
    }

    /// Whether this is one of the prelude's functions.
    pub fn in_stdlib(&self) -> bool {
        self.p.instances[self.inst].def.is_some_and(|d| self.p.defs[d].stdlib)
    }

    /// Whether `name` is a local of this function (as opposed to a global or builtin).
    pub fn is_local(&self, name: &str) -> bool {
        !self.is_module && self.local_names.contains(name)
    }

    pub fn var_type(&self, name: &str) -> Option<Var> {
        if self.is_local(name) {
            self.p.instances[self.inst].vars.get(name).cloned()
        } else {
            self.p.globals.get(name).map(|g| Var { ty: g.ty.clone(), span: g.span })
        }
    }

    pub fn local_handle(&mut self, name: &str, ty: &Ty, span: Span) -> Handle<Local> {
        if let Some(&h) = self.locals.get(name) {
            return h;
        }
        let ir_ty = ty.to_ir(&mut self.p.module);
        let h = self.f.locals.append(Local { name: name.to_string(), ty: ir_ty }, span);
        self.locals.insert(name.to_string(), h);
        h
    }

    /// Joins `ty` into the type of variable `name` (creating it), or reports the conflict.
    pub fn join_var(&mut self, name: &str, ty: &Ty, span: Span) -> Res<Ty> {
        let joined = match self.var_type(name) {
            Some(var) => match var.ty.join_value(ty) {
                Some(t) => t,
                None => {
                    return self.fail(
                        Diagnostic::error(format!("`{name}` would change type from {} to {ty}", var.ty), span)
                            .with_label(format!("assigned a {ty} here"))
                            .with_secondary(var.span, format!("`{name}` is {} here", var.ty))
                            .with_note("a kiln variable keeps one type; use another name, or convert (e.g. float(x))"),
                    )
                }
            },
            None => ty.clone(),
        };
        self.reject_maybe_inside(&joined, span)?;
        if self.is_local(name) {
            let inst = &mut self.p.instances[self.inst];
            match inst.vars.get_mut(name) {
                Some(v) if v.ty != joined => {
                    v.ty = joined.clone();
                    self.p.changed = true;
                }
                Some(_) => {}
                None => {
                    inst.vars.insert(name.to_string(), Var { ty: joined.clone(), span });
                    self.p.changed = true;
                }
            }
        } else {
            self.p.join_global(name, &joined, span);
        }
        Ok(joined)
    }

    /// Binds `name` to `value` (joining its type into the variable's).
    pub fn assign_name(&mut self, name: &str, value: Val, span: Span) -> Res<()> {
        if let Some(done) = self.assign_comprehension_var(name, &value, span) {
            return done;
        }
        if matches!(value.ty, Ty::GpuArray(_)) {
            // The name stands for its parameter or shared array: nothing to store.
            self.join_var(name, &value.ty, span)?;
            if let Some(bound) = &mut self.bound {
                bound.insert(name.to_string());
            }
            return Ok(());
        }
        if self.p.def_by_name.contains_key(name) && !self.is_local(name) {
            return self.fail(Diagnostic::error(
                format!("kiln does not support rebinding the function name `{name}` yet"),
                span,
            ));
        }
        let ty = self.join_var(name, &value.ty, span)?;
        // Assigned a scalar, it is not None until its next assignment.
        self.not_none.remove(name);
        if value.ty.is_maybe_scalar() {
            self.assume_not_none(vec![name.to_string()]);
        }
        // `ys = xs` makes two names for one list: what `ys` learns about its elements, `xs`
        // learns too; and `ys = make()` tells `make` what its (empty) list result holds.
        self.learn(&value, &ty, span)?;
        if self.p.final_pass && value.ty != ty {
            // Only an empty list literal can differ from the variable's final type here.
            if !value.ty.conforms_to(&ty) {
                return self
                    .fail(Diagnostic::error(format!("cannot assign {} to `{name}` of type {ty}", value.ty), span));
            }
        }
        let value = self.coerce(value, &ty, span);
        if let Some(&local) = self.par_locals.get(name) {
            self.push(Statement::Store { local, value: value.h }, span);
        } else if self.cells.contains(name) {
            self.check_captured_cell(name, &ty, span)?;
            let cell = self.cell_of(name, span)?;
            self.push(Statement::CellSet { cell: cell.h, value: value.h }, span);
        } else if self.is_local(name) {
            let local = self.local_handle(name, &ty, span);
            self.push(Statement::Store { local, value: value.h }, span);
            if let Some(&flag) = self.flags.get(name) {
                let t = self.lit(Literal::Bool(true), span);
                self.push(Statement::Store { local: flag, value: t }, span);
            }
        } else if self.p.final_pass {
            let Some(&global) = self.p.global_handles.get(name) else {
                return self.fail(Diagnostic::error(format!("kiln cannot infer the type of `{name}`"), span));
            };
            self.push(Statement::StoreGlobal { global, value: value.h }, span);
            if let Some(&flag) = self.p.global_flags.get(name) {
                let t = self.lit(Literal::Bool(true), span);
                self.push(Statement::StoreGlobal { global: flag, value: t }, span);
            }
        }
        if let Some(bound) = &mut self.bound {
            bound.insert(name.to_string());
        }
        Ok(())
    }

    /// An empty list literal (`list[?]`) takes the element type its variable ends up with: its
    /// `ListNew` is retyped in place (also through `[] * n` and `[] + []`).
    pub fn coerce(&mut self, value: Val, target: &Ty, span: Span) -> Val {
        if value.ty == *target {
            return value;
        }
        if let Ty::Funcs(_) = target {
            return self.coerce_function(value, target, span);
        }
        if let Ty::Maybe(_) = target {
            if matches!(value.ty, Ty::Maybe(_) | Ty::Unknown) {
                return value;
            }
            return self.maybe_wrap(value, target, span);
        }
        // A tuple whose parts widen (a function among several, an instance as its base
        // class): rebuilt part by part.
        if let (Ty::Tuple(from), Ty::Tuple(to)) = (&value.ty, target) {
            let widens = |f: &Ty, t: &Ty| f != t && (matches!(t, Ty::Funcs(_) | Ty::Tuple(_)) || t.class().is_some());
            if from.len() == to.len() && from.iter().zip(to).any(|(f, t)| widens(f, t)) {
                let (from, to) = (from.clone(), to.clone());
                let elems = from
                    .iter()
                    .zip(&to)
                    .enumerate()
                    .map(|(i, (f, t))| {
                        let part = self.emit(Expression::TupleGet { tuple: value.h, index: i as u32 }, span);
                        self.coerce(Val { ty: f.clone(), h: part }, t, span).h
                    })
                    .collect();
                target.to_ir(&mut self.p.module);
                return Val { ty: target.clone(), h: self.emit(Expression::TupleNew { elems }, span) };
            }
        }
        // A list display of instances meant as a list of their base class: built again with
        // the base class's element type (the display itself is not seen by anything else).
        if let (Ty::List(from), Ty::List(to)) = (&value.ty, target) {
            if from.class().is_some() && to.class().is_some() && self.list_elements.contains_key(&value.h) {
                let elements = self.list_elements[&value.h].clone();
                let values: Vec<Val> = elements
                    .into_iter()
                    .map(|h| {
                        let v = Val { ty: (**from).clone(), h };
                        self.coerce(v, to, span)
                    })
                    .collect();
                return self.list_of(values, to, span);
            }
        }
        // `None` or an exception as an optional exception: a null or the same pointer.
        if *target == Ty::Optional(Box::new(Ty::Exception)) {
            let ty = target.to_ir(&mut self.p.module);
            let h = if value.ty == Ty::None { self.emit(Expression::Null { ty }, span) } else { value.h };
            return Val { ty: target.clone(), h };
        }
        // An instance seen as a base class, or `None` or an instance as an optional one.
        if let Some(class) = target.class() {
            let id = class.id();
            match &value.ty {
                Ty::None => {
                    let ty = target.to_ir(&mut self.p.module);
                    return Val { ty: target.clone(), h: self.emit(Expression::Null { ty }, span) };
                }
                Ty::Object(_) | Ty::Optional(_) => {
                    let from = value.ty.class().map(|c| c.id());
                    if from != Some(id) {
                        target.to_ir(&mut self.p.module);
                        let h = self.emit(Expression::ObjectCast { value: value.h, class: id }, span);
                        return Val { ty: target.clone(), h };
                    }
                    return Val { ty: target.clone(), h: value.h };
                }
                _ => return value,
            }
        }
        if !self.p.final_pass || !self.retype_empty_list(value.h, target) {
            return value;
        }
        Val { ty: target.clone(), h: value.h }
    }

    fn retype_empty_list(&mut self, h: Handle<Expression>, target: &Ty) -> bool {
        // An empty `{}` / `set()` takes the types its variable ends up with, too.
        match (self.f.expressions.get(h).cloned(), target) {
            (Some(Expression::DictNew { .. }), Ty::Dict(k, v, ..)) => {
                // The values of a literal like `{"a": []}` are retyped too.
                for value in self.list_elements.get(&h).cloned().unwrap_or_default() {
                    self.retype_empty_list(value, v);
                }
                target.to_ir(&mut self.p.module);
                let (key, value) = (k.to_ir(&mut self.p.module), v.to_ir(&mut self.p.module));
                self.f.expressions[h] = Expression::DictNew { key, value };
                return true;
            }
            (Some(Expression::SetNew { .. }), Ty::Set(e)) => {
                target.to_ir(&mut self.p.module);
                let elem = e.to_ir(&mut self.p.module);
                self.f.expressions[h] = Expression::SetNew { elem };
                return true;
            }
            // `("c", [])` in a list of `tuple[str, list[str]]`: the parts are retyped (the
            // tuple's own type follows from its operands).
            (Some(Expression::TupleNew { elems }), Ty::Tuple(targets)) if elems.len() == targets.len() => {
                for (e, t) in elems.iter().zip(targets) {
                    self.retype_empty_list(*e, t);
                }
                target.to_ir(&mut self.p.module);
                return true;
            }
            _ => {}
        }
        let Ty::List(elem) = target else { return false };
        match self.f.expressions.get(h).cloned() {
            Some(Expression::ListNew { len, .. }) => {
                // The elements of a literal like `[[]]` are retyped too.
                for element in self.list_elements.get(&h).cloned().unwrap_or_default() {
                    self.retype_empty_list(element, elem);
                }
                target.to_ir(&mut self.p.module);
                let elem = elem.to_ir(&mut self.p.module);
                self.f.expressions[h] = Expression::ListNew { elem, len };
                true
            }
            Some(Expression::ListRepeat { list, .. }) => self.retype_empty_list(list, target),
            Some(Expression::ListConcat { left, right }) => {
                let l = self.retype_empty_list(left, target);
                self.retype_empty_list(right, target) && l
            }
            _ => false,
        }
    }

    /// Reads variable `name`, with an unbound check where it may not be bound yet.
    pub fn read_name(&mut self, name: &str, span: Span) -> Res<Option<Val>> {
        if let Some(v) = self.read_comprehension_var(name, span) {
            return Ok(Some(v));
        }
        let Some(var) = self.var_type(name) else {
            if self.p.final_pass
                && !self.p.diagnostics.is_empty()
                && (self.is_local(name) || self.p.module_names.contains(name))
            {
                // Its assignment failed and was reported: say nothing more about it.
                return Err(super::Stop);
            }
            if self.is_local(name) {
                // A local that no reachable assignment has typed yet.
                return self.unknown(span).map(Some);
            }
            return Ok(None);
        };
        if let Some(error) = self.par_read_error(name, span) {
            return self.fail(error);
        }
        if let Ty::GpuArray(a) = &var.ty {
            return Ok(Some(self.gpu_array_value(a, span)));
        }
        // GPU code cannot read the host's globals, but module-level constants are constants.
        if !self.is_local(name) && !self.is_module && self.in_gpu_code() {
            if let Some(&e) = self.p.global_constants.get(name) {
                return self.expr(e).map(Some);
            }
        }
        if let Some(&local) = self.par_locals.get(name) {
            let value = self.load(local, var.ty, span);
            self.note_origin(&value, Origin::Var(name.to_string()));
            return Ok(Some(value));
        }
        let surely_bound = match &self.bound {
            Some(b) if b.contains(name) => true,
            Some(_) if !self.is_local(name) && !self.is_module => self.entry_bound_contains(name),
            None => true,
            Some(_) => false,
        };
        if self.is_local(name) {
            if !surely_bound && self.p.instances[self.inst].flagged.insert(name.to_string()) {
                self.p.changed = true;
            }
            if let Some(&flag) = self.flags.get(name) {
                if !surely_bound {
                    let f = self.emit(Expression::Load(flag), span);
                    let unbound = self.emit(Expression::Unary { op: UnaryOp::Not, arg: f }, span);
                    let msg = format!("cannot access local variable '{name}' where it is not associated with a value");
                    self.raise_if(unbound, ExceptionKind::UnboundLocalError, &msg, span);
                }
            }
            if self.cells.contains(name) {
                let cell = self.cell_of(name, span)?;
                return Ok(Some(Val { ty: var.ty, h: self.emit(Expression::CellGet { cell: cell.h }, span) }));
            }
            let local = self.local_handle(name, &var.ty, span);
            let value = self.load(local, var.ty, span);
            self.note_origin(&value, Origin::Var(name.to_string()));
            return Ok(Some(self.narrowed(name, value, span)));
        }
        if !surely_bound {
            if let Some(g) = self.p.globals.get_mut(name) {
                if !g.flagged {
                    g.flagged = true;
                    self.p.changed = true;
                }
            }
            if !self.p.final_pass && self.p.globals.contains_key(name) {
                self.name_error_hint(name, span);
            }
        }
        if !self.p.final_pass {
            let value = Val { ty: var.ty.clone(), h: self.lit(Literal::None, span) };
            self.note_origin(&value, Origin::Var(name.to_string()));
            return Ok(Some(self.narrowed(name, value, span)));
        }
        if !surely_bound {
            if let Some(&flag) = self.p.global_flags.get(name) {
                let f = self.emit(Expression::LoadGlobal(flag), span);
                let unbound = self.emit(Expression::Unary { op: UnaryOp::Not, arg: f }, span);
                let message = format!("name '{}' is not defined", super::names::split_module(name).1);
                let accept = self.block(|cx| {
                    cx.name_error_hint(name, span);
                    cx.raise(ExceptionKind::NameError, Some(&message), span);
                });
                self.push(Statement::If { condition: unbound, accept, reject: Block::new() }, span);
            }
        }
        let Some(&global) = self.p.global_handles.get(name) else {
            return self.fail(Diagnostic::error(format!("kiln cannot infer the type of `{name}`"), span));
        };
        let value = Val { ty: var.ty, h: self.emit(Expression::LoadGlobal(global), span) };
        Ok(Some(self.narrowed(name, value, span)))
    }

    /// Records a call of instance `callee`: at module level, what is bound there is what the
    /// callee (and everything it calls) may rely on.
    pub fn note_call_site(&mut self, callee: usize) {
        if self.is_module {
            let here = self.bound.clone().unwrap_or_default();
            self.p.module_calls.push((callee, here));
        } else {
            self.p.round_edges.entry(self.inst).or_default().insert(callee);
        }
    }

    /// Whether module-level `name` is surely bound whenever this function runs.
    pub fn entry_bound_contains(&self, name: &str) -> bool {
        match self.p.entry_bound.get(self.inst) {
            Some(Some(bound)) => bound.contains(name),
            _ => true, // not reached from module level (yet): nothing to check
        }
    }

    /// Whether the `def` of `name` has surely run at this point.
    pub fn def_is_bound(&self, name: &str) -> bool {
        if self.is_module {
            self.bound.as_ref().is_none_or(|b| b.contains(name))
        } else {
            self.entry_bound_contains(name)
        }
    }

    // ----- statements ------------------------------------------------------------------

    pub fn stmts(&mut self, body: &[ast::Stmt]) {
        for stmt in body {
            if self.bound.is_none() {
                break; // unreachable code: nothing after a return/raise/break/continue runs
            }
            if self.stmt(stmt).is_err()
                && matches!(
                    stmt,
                    ast::Stmt::Return(_) | ast::Stmt::Raise(_) | ast::Stmt::Break(_) | ast::Stmt::Continue(_)
                )
            {
                // The statement failed to lower, but control still cannot fall through it.
                self.bound = None;
            }
        }
    }

    fn stmt(&mut self, stmt: &ast::Stmt) -> Res<()> {
        // Inside a loop, `try` or `with`, control may come back to (or jump over) any part of
        // it: a variable it assigns anywhere is not known to be non-None anywhere in it, and
        // after it, unless tested again.
        if matches!(stmt, ast::Stmt::While(_) | ast::Stmt::For(_) | ast::Stmt::Try(_) | ast::Stmt::With(_)) {
            for name in super::maybe::assigned_in(stmt) {
                self.not_none.remove(&name);
            }
            let saved = self.not_none.clone();
            let result = self.stmt_inner(stmt);
            self.not_none = saved;
            return result;
        }
        self.stmt_inner(stmt)
    }

    fn stmt_inner(&mut self, stmt: &ast::Stmt) -> Res<()> {
        let span = self.span_of(stmt);
        match stmt {
            ast::Stmt::Expr(s) => {
                if let ast::Expr::Constant(c) = &*s.value {
                    if matches!(c.value, ast::Constant::Str(_) | ast::Constant::Ellipsis) {
                        return Ok(()); // docstring or `...`
                    }
                }
                self.expr(&s.value)?;
            }
            ast::Stmt::Assign(s) => {
                if let [target @ (ast::Expr::Tuple(_) | ast::Expr::List(_))] = &s.targets[..] {
                    return self.unpack_assign(target, &s.value, span);
                }
                let value = self.expr(&s.value)?;
                for target in &s.targets {
                    self.assign_target(target, value.clone(), span)?;
                }
            }
            ast::Stmt::AnnAssign(s) => {
                let declared = crate::scope::annotation(self.p, &s.annotation);
                let declared = match declared {
                    Ok(t) => t,
                    Err(d) => return self.fail(d),
                };
                let Some(value) = &s.value else { return Ok(()) };
                let value = self.expr(value)?;
                if !value.ty.conforms_to(&declared) {
                    let ann = self.span_of(&*s.annotation);
                    return self.fail(
                        Diagnostic::error(
                            format!("expected {declared}, found {}", value.ty),
                            self.span_of(&**s.value.as_ref().unwrap()),
                        )
                        .with_secondary(ann, format!("declared {declared} here")),
                    );
                }
                // `xs: list[float] = []` gives the empty list its declared element type.
                let ty = value.ty.join(&declared).unwrap_or_else(|| value.ty.clone());
                let value = if self.p.final_pass { self.coerce(value, &ty, span) } else { Val { ty, ..value } };
                self.assign_target(&s.target, value, span)?;
            }
            ast::Stmt::AugAssign(s) => self.aug_assign(s, span)?,
            ast::Stmt::If(s) => self.if_stmt(s)?,
            ast::Stmt::While(s) => self.while_stmt(s, span)?,
            ast::Stmt::For(s) => self.for_stmt(s, span)?,
            ast::Stmt::Break(_) => {
                let Some(lp) = self.loops.last_mut() else {
                    return self.fail(Diagnostic::error("`break` outside loop", span));
                };
                if lp.parallel {
                    return self.fail(Diagnostic::error("`break` cannot leave a parallel loop", span));
                }
                let depth = lp.finally_depth;
                self.run_finally_bodies(depth);
                let Some(lp) = self.loops.last_mut() else { return Ok(()) };
                lp.saw_break = true;
                let state = self.bound.take();
                let lp = self.loops.last_mut().expect("checked above");
                lp.break_states = meet(lp.break_states.take(), state);
                if let Some(flag) = self.loops.last().and_then(|l| l.broke) {
                    let t = self.lit(Literal::Bool(true), span);
                    self.push(Statement::Store { local: flag, value: t }, span);
                }
                self.push(Statement::Break, span);
            }
            ast::Stmt::Continue(_) => {
                let Some(depth) = self.loops.last().map(|l| l.finally_depth) else {
                    return self.fail(Diagnostic::error("`continue` not properly in loop", span));
                };
                self.run_finally_bodies(depth);
                self.bound = None;
                self.push(Statement::Continue, span);
            }
            ast::Stmt::Return(s) => {
                if self.is_module {
                    return self.fail(Diagnostic::error("`return` outside function", span));
                }
                if !self.par_private.is_empty() {
                    return self.fail(Diagnostic::error("`return` cannot leave a parallel loop", span));
                }
                if self.in_generator() {
                    return self.generator_return(s.value.as_deref(), span);
                }
                let value = match &s.value {
                    Some(v) => self.expr(v)?,
                    None => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
                };
                let value = self.through_finally(value, span)?;
                self.return_value(value, span)?;
            }
            ast::Stmt::Pass(_) => {}
            ast::Stmt::With(w) => self.with_stmt(w, span)?,
            ast::Stmt::Delete(d) => {
                for t in &d.targets {
                    let ast::Expr::Subscript(sub) = t else {
                        let at = self.span_of(t);
                        return self.fail(Diagnostic::error("kiln supports `del` of list elements only so far", at));
                    };
                    let base = self.expr(&sub.value)?;
                    match base.ty {
                        Ty::Dict(..) => {
                            let key = self.expr(&sub.slice)?;
                            self.dict_delete(base, key, span)?;
                        }
                        Ty::List(_) if matches!(&*sub.slice, ast::Expr::Slice(_)) => {
                            let ast::Expr::Slice(sl) = &*sub.slice else { unreachable!("matched above") };
                            let ([start, stop, step], given) = self.slice_parts(sl, span)?;
                            let given = self.int(given, span);
                            self.call_stdlib("_list_del_slice", vec![base, start, stop, step, given], span)?;
                        }
                        Ty::List(_) if !matches!(&*sub.slice, ast::Expr::Slice(_)) => {
                            let index = self.index_value(&sub.slice)?;
                            self.call_stdlib("_list_delitem", vec![base, index], span)?;
                        }
                        Ty::Unknown => {}
                        ref other => {
                            let at = self.span_of(t);
                            return self.fail(Diagnostic::error(
                                format!("kiln does not support deleting items of {other} yet"),
                                at,
                            ));
                        }
                    }
                }
            }
            ast::Stmt::Assert(s) => {
                let cond = self.condition(&s.test)?;
                let not = self.emit(Expression::Unary { op: UnaryOp::Not, arg: cond }, span);
                let accept = self.block(|cx| {
                    let args = match &s.msg {
                        Some(m) => cx.expr(m).map(|v| vec![v]),
                        None => Ok(Vec::new()),
                    };
                    // An error was reported.
                    let _ = args.and_then(|args| cx.raise_builtin(ExceptionKind::AssertionError, args, span));
                });
                self.push(Statement::If { condition: not, accept, reject: Block::new() }, span);
                let (holds, _) = super::maybe::facts(&s.test);
                self.assume_not_none(holds);
            }
            ast::Stmt::Raise(s) => self.raise_stmt(s, span)?,
            // Declarations were collected by the name pre-pass (`scope.rs`); at module level
            // `global` is a no-op, as in Python.
            ast::Stmt::Global(_) | ast::Stmt::Nonlocal(_) => {}
            ast::Stmt::FunctionDef(def) if self.is_module => self.def_stmt(def)?,
            ast::Stmt::FunctionDef(def) => self.nested_def_stmt(def, span)?,
            ast::Stmt::ClassDef(c) => self.class_stmt(c, span)?,
            ast::Stmt::Try(t) => self.try_stmt(t, span)?,
            ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => {
                if !self.is_module {
                    return self.fail(Diagnostic::error("kiln does not support `import` inside functions yet", span));
                }
            }
            other => {
                let what = match other {
                    ast::Stmt::TryStar(_) => "`try`/`except*` statements",
                    ast::Stmt::AsyncWith(_) => "`async with` statements",
                    ast::Stmt::Match(_) => "`match` statements",
                    ast::Stmt::Nonlocal(_) => "`nonlocal`",
                    ast::Stmt::AsyncFunctionDef(_) | ast::Stmt::AsyncFor(_) => "async code",
                    ast::Stmt::TypeAlias(_) => "type aliases",
                    _ => "this statement",
                };
                return self.fail(Diagnostic::error(format!("kiln does not support {what} yet"), span));
            }
        }
        Ok(())
    }

    fn return_value(&mut self, value: Val, span: Span) -> Res<()> {
        let inst = self.inst;
        let def = self.p.instances[inst].def.expect("returns are inside functions");
        if let Some(declared) = self.p.defs[def].returns.clone() {
            if !value.ty.conforms_to(&declared) {
                let name = self.p.defs[def].name.clone();
                let def_span = self.p.defs[def].span;
                return self.fail(
                    Diagnostic::error(
                        format!("`{name}` is declared to return {declared} but returns {}", value.ty),
                        span,
                    )
                    .with_secondary(def_span, format!("declared to return {declared}")),
                );
            }
        }
        let ret = self.p.instances[inst].ret.clone();
        self.reject_maybe_inside(&value.ty, span)?;
        // `return row` where a caller taught this instance what its (empty) list result holds.
        self.learn(&value, &ret, span)?;
        if ret.join_value(&value.ty).is_none() {
            let ret_span = self.p.instances[inst].ret_span;
            let name = self.p.defs[def].name.clone();
            return self.fail(
                Diagnostic::error(
                    format!("function `{name}` returns {ret} in one place and {} in another", value.ty),
                    span,
                )
                .with_label(format!("returns {}", value.ty))
                .with_secondary(ret_span, format!("returns {ret} here"))
                .with_note("a kiln function has one result type"),
            );
        }
        self.join_return(&value.ty, span);
        let target = self.p.instances[inst].ret.clone();
        let value = self.coerce(value, &target, span);
        if self.p.final_pass || value.ty == target {
            self.push(Statement::Return { value: Some(value.h) }, span);
        } else {
            // Inference: the value is not the function's type yet; leave the scratch IR alone.
            self.push(Statement::Return { value: None }, span);
        }
        self.bound = None;
        Ok(())
    }

    /// `a, b = x, y`: every right-hand value is computed before any target is assigned.
    fn unpack_assign(&mut self, target: &ast::Expr, value: &ast::Expr, span: Span) -> Res<()> {
        let targets = match target {
            ast::Expr::Tuple(t) => &t.elts,
            ast::Expr::List(t) => &t.elts,
            _ => unreachable!("checked by the caller"),
        };
        let values = match value {
            ast::Expr::Tuple(t) if !t.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) => &t.elts,
            ast::Expr::List(t) if !t.elts.iter().any(|e| matches!(e, ast::Expr::Starred(_))) => &t.elts,
            _ => {
                let v = self.expr(value)?;
                return self.unpack_value(targets, v, span);
            }
        };
        if targets.iter().any(|t| matches!(t, ast::Expr::Starred(_))) {
            let v = self.expr(value)?;
            return self.unpack_value(targets, v, span);
        }
        if targets.len() != values.len() {
            // CPython evaluates the right side, then raises.
            let v = self.expr(value)?;
            return self.unpack_value(targets, v, span);
        }
        let mut vals = Vec::with_capacity(values.len());
        for v in values {
            vals.push(self.expr(v)?);
        }
        for (t, v) in targets.iter().zip(vals) {
            self.assign_target(t, v, span)?;
        }
        Ok(())
    }

    pub fn assign_target(&mut self, target: &ast::Expr, value: Val, span: Span) -> Res<()> {
        match target {
            ast::Expr::Name(_) if self.discards(target) => Ok(()),
            ast::Expr::Name(n) => self.assign_name(n.id.as_str(), value, span),
            ast::Expr::Subscript(s) => {
                let base = self.expr(&s.value)?;
                if base.ty.class().is_some() {
                    let key = self.expr(&s.slice)?;
                    self.call_dunder(base, "__setitem__", &[key, value], span)?;
                    return Ok(());
                }
                if let Ty::Dict(..) = base.ty {
                    let key = self.expr(&s.slice)?;
                    return self.dict_store(base, key, value, span);
                }
                if let (Ty::List(_), ast::Expr::Slice(sl)) = (&base.ty, &*s.slice) {
                    let ([start, stop, step], given) = self.slice_parts(sl, span)?;
                    let given = self.int(given, span);
                    self.call_stdlib("_list_set_slice", vec![base, start, stop, step, given, value], span)?;
                    return Ok(());
                }
                let index = self.index_value(&s.slice)?;
                self.store_index(base, index, value, span)
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. }) | ast::Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_value(elts, value, span)
            }
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(n) = &*a.value {
                    if let Some(id) = self.class_named(n.id.as_str()) {
                        return self.set_class_attribute(id, a.attr.as_str(), value, span);
                    }
                }
                let object = self.expr(&a.value)?;
                match object.ty {
                    Ty::Object(_) | Ty::Optional(_) => self.set_object_attribute(object, a.attr.as_str(), value, span),
                    Ty::Class(id) => self.set_class_attribute(id, a.attr.as_str(), value, span),
                    Ty::Unknown => Ok(()),
                    ref other => self.fail(Diagnostic::error(
                        format!("'{other}' object has no attribute '{}'", a.attr),
                        self.span_of(target),
                    )),
                }
            }
            _ => {
                self.fail(Diagnostic::error("kiln does not support assigning to this target yet", self.span_of(target)))
            }
        }
    }

    /// Whether `target` is `_` in a program that never reads it: nothing needs storing.
    pub fn discards(&self, target: &ast::Expr) -> bool {
        matches!(target, ast::Expr::Name(n) if n.id.as_str() == "_") && !self.p.underscore_read
    }

    pub fn store_index(&mut self, base: Val, index: Val, value: Val, span: Span) -> Res<()> {
        match &base.ty {
            Ty::List(elem) => {
                let elem = (**elem).clone();
                // `grid[i] = empty` with `empty = []` teaches `empty`; `grid[i] = [1.5]` with
                // `grid = [[]] * n` teaches `grid`.
                self.learn(&value, &elem, span)?;
                if let Some(joined) = elem.join(&value.ty) {
                    self.learn(&base, &Ty::list(joined), span)?;
                }
                let value = self.coerce(value, &elem, span);
                if value.ty != elem && elem != Ty::Unknown && value.ty != Ty::Unknown {
                    return self.fail(
                        Diagnostic::error(format!("cannot store {} into a list of {elem}", value.ty), span)
                            .with_note("a kiln list holds values of one type; create it with the right element type (e.g. [0.0] * n)"),
                    );
                }
                self.push(Statement::IndexStore { base: base.h, index: index.h, value: value.h }, span);
                Ok(())
            }
            Ty::GpuArray(_) | Ty::GpuRow(_) => self.gpu_index_store(base, index, value, span),
            Ty::Unknown => Ok(()),
            Ty::Str => self.fail(
                Diagnostic::error("'str' object does not support item assignment", span)
                    .with_note("Python strings are immutable"),
            ),
            other => self.fail(Diagnostic::error(format!("'{other}' object does not support item assignment"), span)),
        }
    }

    fn aug_assign(&mut self, s: &ast::StmtAugAssign, span: Span) -> Res<()> {
        match &*s.target {
            ast::Expr::Name(n) => {
                let current = self.name_value(n.id.as_str(), self.span_of(&*s.target))?;
                let rhs = self.expr(&s.value)?;
                let result = self.in_place(s.op, current, rhs, span)?;
                self.assign_name(n.id.as_str(), result, span)
            }
            ast::Expr::Subscript(sub) => {
                let base = self.expr(&sub.value)?;
                if base.ty.class().is_some() {
                    let key = self.expr(&sub.slice)?;
                    let current = self.call_dunder(base.clone(), "__getitem__", std::slice::from_ref(&key), span)?;
                    let rhs = self.expr(&s.value)?;
                    let result = self.in_place(s.op, current, rhs, span)?;
                    self.call_dunder(base, "__setitem__", &[key, result], span)?;
                    return Ok(());
                }
                if let Ty::Dict(..) = base.ty {
                    let key = self.expr(&sub.slice)?;
                    let current = self.dict_get(base.clone(), key.clone(), span)?;
                    let rhs = self.expr(&s.value)?;
                    let result = self.in_place(s.op, current, rhs, span)?;
                    return self.dict_store(base, key, result, span);
                }
                let index = self.index_value(&sub.slice)?;
                let current = self.index_load(base.clone(), index.clone(), span)?;
                let rhs = self.expr(&s.value)?;
                let result = self.in_place(s.op, current, rhs, span)?;
                self.store_index(base, index, result, span)
            }
            ast::Expr::Attribute(a) => {
                // The object is evaluated once, as in Python.
                let class = match &*a.value {
                    ast::Expr::Name(n) => self.class_named(n.id.as_str()),
                    _ => None,
                };
                let object = match class {
                    Some(id) => Val { ty: Ty::Class(id), h: self.lit(Literal::None, span) },
                    None => self.expr(&a.value)?,
                };
                let current = match object.ty {
                    Ty::Object(_) | Ty::Optional(_) => self.object_attribute(object.clone(), a.attr.as_str(), span)?,
                    Ty::Class(id) => self.class_attribute(id, a.attr.as_str(), span)?,
                    Ty::Unknown => return Ok(()),
                    ref other => {
                        return self.fail(Diagnostic::error(
                            format!("'{other}' object has no attribute '{}'", a.attr),
                            self.span_of(&*s.target),
                        ))
                    }
                };
                let rhs = self.expr(&s.value)?;
                let result = self.in_place(s.op, current, rhs, span)?;
                match object.ty {
                    Ty::Class(id) => self.set_class_attribute(id, a.attr.as_str(), result, span),
                    _ => self.set_object_attribute(object, a.attr.as_str(), result, span),
                }
            }
            _ => self.fail(Diagnostic::error("kiln does not support this augmented assignment target yet", span)),
        }
    }

    /// `current op= rhs`: lists are changed in place (every alias sees it, as in Python); other
    /// values are immutable, so it is `current op rhs`.
    fn in_place(&mut self, op: ast::Operator, current: Val, rhs: Val, span: Span) -> Res<Val> {
        if matches!(current.ty, Ty::Maybe(_)) || matches!(rhs.ty, Ty::Maybe(_)) {
            return self.maybe_binary(op, current, rhs, true, span);
        }
        if current.ty.class().is_some() {
            if let Some(v) = self.object_in_place(op, current.clone(), rhs.clone(), span)? {
                return Ok(v);
            }
        }
        let Ty::List(elem) = current.ty.clone() else {
            return self.binary(op, current, rhs, span);
        };
        match op {
            ast::Operator::Add => {}
            ast::Operator::Mult => {
                return self.fail(
                    Diagnostic::error("kiln does not support `*=` on lists yet", span)
                        .with_note("`xs = xs * n` makes a new list (other names for the old one do not change)"),
                )
            }
            _ => return self.binary(op, current, rhs, span),
        }
        let Some(joined) = rhs.ty.join(&current.ty) else {
            return self.fail(Diagnostic::error(format!("cannot extend a list of {elem} with {}", rhs.ty), span));
        };
        let other = self.coerce(rhs, &current.ty, span);
        // Like list.extend: the length is taken first, so `xs += xs` doubles xs once.
        let count = self.new_temp(&Ty::Int, span);
        let len = self.emit(Expression::Len { value: other.h }, span);
        self.push(Statement::Store { local: count, value: len }, span);
        let index = self.new_temp(&Ty::Int, span);
        let zero = self.lit(Literal::I64(0), span);
        self.push(Statement::Store { local: index, value: zero }, span);
        let body = self.block(|cx| {
            let i = cx.emit(Expression::Load(index), span);
            let n = cx.emit(Expression::Load(count), span);
            let done = cx.emit(Expression::Compare { op: CompareOp::Ge, left: i, right: n }, span);
            let exit = cx.block(|cx| cx.push(Statement::Break, span));
            cx.push(Statement::If { condition: done, accept: exit, reject: Block::new() }, span);
            let x = cx.emit(Expression::Index { base: other.h, index: i }, span);
            cx.push(Statement::ListAppend { list: current.h, value: x }, span);
            let one = cx.lit(Literal::I64(1), span);
            let next = cx.emit(Expression::Binary { op: BinaryOp::WrappingAdd, left: i, right: one }, span);
            cx.push(Statement::Store { local: index, value: next }, span);
        });
        self.push(Statement::Loop { body }, span);
        // The joined type lets `xs = []; xs += [1.5]` make `xs` a list of floats.
        Ok(Val { ty: joined, h: current.h })
    }

    fn if_stmt(&mut self, s: &ast::StmtIf) -> Res<()> {
        let span = self.span_of(s);
        let cond = self.condition(&s.test)?;
        // A condition known from the types (`x is None` where `x` can only be None, in an
        // instance made for a `None` argument): only the branch that runs is compiled, as
        // the other could not be typed (`x.attr` on None).
        let (when_true, when_false) = super::maybe::facts(&s.test);
        let start = self.not_none.clone();
        if let Some(Expression::Literal(Literal::Bool(known))) = self.f.expressions.get(cond) {
            let (body, facts) = if *known { (&s.body, when_true) } else { (&s.orelse, when_false) };
            self.assume_not_none(facts);
            let block = self.block(|cx| cx.stmts(body));
            self.push(Statement::Block(block), span);
            return Ok(());
        }
        let before = self.bound.clone();
        self.assume_not_none(when_true);
        let accept = self.block(|cx| cx.stmts(&s.body));
        let after_accept = std::mem::replace(&mut self.bound, before);
        let known_accept = std::mem::replace(&mut self.not_none, start);
        self.assume_not_none(when_false);
        let reject = self.block(|cx| cx.stmts(&s.orelse));
        let after_reject = self.bound.take();
        // After the `if`: what holds at the end of every branch that falls through (a branch
        // that returns or raises tells nothing: `if v is None: return` narrows `v`).
        self.not_none = match (&after_accept, &after_reject) {
            (None, _) => std::mem::take(&mut self.not_none),
            (Some(_), None) => known_accept,
            (Some(_), Some(_)) => self.not_none.intersection(&known_accept).cloned().collect(),
        };
        self.bound = meet(after_accept, after_reject);
        self.push(Statement::If { condition: cond, accept, reject }, span);
        Ok(())
    }

    /// Shared shape of `while` and `for`: `head` decides whether to go on (lowered at the top
    /// of every iteration), then the body; an `else` runs when `head` ends the loop.
    pub(crate) fn loop_stmt(
        &mut self,
        span: Span,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        always_true: bool,
        head: impl FnOnce(&mut Self) -> Res<()>,
    ) -> Res<()> {
        let broke = if orelse.is_empty() {
            None
        } else {
            let flag = self.new_temp(&Ty::Bool, span);
            let f = self.lit(Literal::Bool(false), span);
            self.push(Statement::Store { local: flag, value: f }, span);
            Some(flag)
        };
        let before = self.bound.clone();
        let facts_before = self.not_none.clone();
        let finally_depth = self.finally_stack.len();
        self.loops.push(LoopCx { broke, break_states: None, saw_break: false, parallel: false, finally_depth });
        let mut head_result = Ok(());
        let loop_body = self.block(|cx| {
            head_result = head(cx);
            if head_result.is_ok() && !std::mem::take(&mut cx.dead_loop_body) {
                cx.stmts(body);
            }
        });
        let lp = self.loops.pop().expect("pushed above");
        // The `else` runs when the condition no longer holds: what the head told is gone.
        self.not_none = facts_before;
        head_result?;
        self.push(Statement::Loop { body: loop_body }, span);
        // After the loop: the body may not have run (unless the loop only ends by `break`).
        self.bound = if always_true { None } else { before };
        if let Some(flag) = broke {
            let f = self.emit(Expression::Load(flag), span);
            let not = self.emit(Expression::Unary { op: UnaryOp::Not, arg: f }, span);
            let else_block = self.block(|cx| cx.stmts(orelse));
            self.push(Statement::If { condition: not, accept: else_block, reject: Block::new() }, span);
        }
        if lp.saw_break {
            self.bound = meet(self.bound.take(), lp.break_states);
        }
        Ok(())
    }

    fn while_stmt(&mut self, s: &ast::StmtWhile, span: Span) -> Res<()> {
        let always_true = matches!(&*s.test, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)))
            || matches!(&*s.test, ast::Expr::Constant(c) if matches!(&c.value, ast::Constant::Int(i) if i.to_string() != "0"));
        self.loop_stmt(span, &s.body, &s.orelse, always_true && s.orelse.is_empty(), |cx| {
            if !always_true {
                let cond = cx.condition(&s.test)?;
                if cx.known_bool(cond) == Some(false) {
                    // Decided by the types (`while x is not None` where `x` can only be None):
                    // the body never runs and is not compiled.
                    cx.push(Statement::Break, span);
                    cx.dead_loop_body = true;
                    return Ok(());
                }
                // The body runs only when the condition held (the loop's own assignments were
                // forgotten before it, in `stmt`).
                let (holds, _) = super::maybe::facts(&s.test);
                cx.assume_not_none(holds);
                let not = cx.emit(Expression::Unary { op: UnaryOp::Not, arg: cond }, span);
                let exit = cx.block(|cx| cx.push(Statement::Break, span));
                cx.push(Statement::If { condition: not, accept: exit, reject: Block::new() }, span);
            }
            Ok(())
        })
    }

    fn for_stmt(&mut self, s: &ast::StmtFor, span: Span) -> Res<()> {
        if self.try_par_for(s, span)? || self.try_iterator_for(s, span)? {
            return Ok(());
        }
        let target_span = self.span_of(&*s.target);
        // `for i in range(...)`
        if let ast::Expr::Call(call) = &*s.iter {
            if self.is_builtin_range(call) {
                return self.for_range(s, call, span);
            }
        }
        let mut iterable = match &*s.iter {
            // `for x in {1, 2, 3}` iterates CPython's frozenset constant.
            ast::Expr::Set(set) => self.set_display(&set.elts, true, span)?,
            other => self.expr(other)?,
        };
        // `for x in []` and a loop over an empty tuple (`*args` without extra arguments) never
        // run their body, whose types may not even make sense: only `else` runs.
        let empty_display = matches!(&*s.iter, ast::Expr::List(l) if l.elts.is_empty());
        if empty_display || iterable.ty == Ty::Tuple(Vec::new()) {
            self.stmts(&s.orelse);
            return Ok(());
        }
        // A tuple whose items share a type iterates as the list of its items.
        if let Ty::Tuple(_) | Ty::VarTuple(_) = iterable.ty {
            iterable = self.tuple_items(iterable, &Ty::Int, self.span_of(&*s.iter))?;
        }
        // An instance with `__iter__` iterates over what `__iter__` returns.
        let iterable = self.iterated(iterable, span)?;
        match iterable.ty.clone() {
            Ty::Range => {
                let bounds = self.range_bounds(&iterable, span);
                self.range_loop(s, bounds, None, span)
            }
            Ty::Dict(..) | Ty::Set(_) => self.container_for(s, iterable, span),
            Ty::File => self.file_for(s, iterable, span),
            _ => {
                let Some(cursor) = self.cursor(iterable, self.span_of(&*s.iter))? else { return Ok(()) };
                self.loop_stmt(span, &s.body, &s.orelse, false, |cx| {
                    let item = cx.cursor_next(&cursor, span);
                    cx.assign_target(&s.target, item, target_span)
                })
            }
        }
    }

    /// Evaluates the arguments of `range(...)`: start, stop and a step that is not zero.
    pub fn range_args(&mut self, call: &ast::ExprCall, span: Span) -> Res<(Val, Val, Val)> {
        if !call.keywords.is_empty() {
            return self.fail(Diagnostic::error("range() takes no keyword arguments", self.span_of(call)));
        }
        let mut args = Vec::new();
        for a in &call.args {
            let v = self.expr(a)?;
            let v = self.expect_int(v, self.span_of(a), "range() argument")?;
            args.push(v);
        }
        let (start, stop, step) = match args.len() {
            1 => (self.int(0, span), args[0].clone(), self.int(1, span)),
            2 => (args[0].clone(), args[1].clone(), self.int(1, span)),
            3 => (args[0].clone(), args[1].clone(), args[2].clone()),
            n => {
                return self.fail(Diagnostic::error(
                    format!("range expected at most 3 arguments, got {n}"),
                    self.span_of(call),
                ))
            }
        };
        let literal_step = call.args.get(2).map_or(Some(1), const_int);
        if literal_step == Some(0) || literal_step.is_none() {
            let zero = self.int(0, span);
            let is_zero = self.emit(Expression::Compare { op: CompareOp::Eq, left: step.h, right: zero.h }, span);
            self.raise_if(is_zero, ExceptionKind::ValueError, "range() arg 3 must not be zero", span);
        }
        Ok((start, stop, step))
    }

    fn for_range(&mut self, s: &ast::StmtFor, call: &ast::ExprCall, span: Span) -> Res<()> {
        let (start, stop, step) = self.range_args(call, span)?;
        // A literal step decides the direction at compile time.
        let literal_step = call.args.get(2).map_or(Some(1), const_int);
        self.range_loop(s, [start, stop, step], literal_step, span)
    }

    /// A `for` loop counting through `range(start, stop, step)` (the step is not zero);
    /// `literal_step` is the step when the source spells it as a constant.
    fn range_loop(&mut self, s: &ast::StmtFor, bounds: [Val; 3], literal_step: Option<i64>, span: Span) -> Res<()> {
        let target_span = self.span_of(&*s.target);
        let [start, stop, step] = bounds;
        // Hidden counter and bounds, so the body can reassign the loop variable freely.
        let counter = self.new_temp(&Ty::Int, span);
        self.push(Statement::Store { local: counter, value: start.h }, span);
        let stop_l = self.new_temp(&Ty::Int, span);
        self.push(Statement::Store { local: stop_l, value: stop.h }, span);
        let step_l = self.new_temp(&Ty::Int, span);
        self.push(Statement::Store { local: step_l, value: step.h }, span);
        self.loop_stmt(span, &s.body, &s.orelse, false, |cx| {
            let c = cx.load(counter, Ty::Int, span);
            let stop = cx.load(stop_l, Ty::Int, span);
            let done = match literal_step {
                Some(k) if k > 0 => cx.emit(Expression::Compare { op: CompareOp::Ge, left: c.h, right: stop.h }, span),
                Some(_) => cx.emit(Expression::Compare { op: CompareOp::Le, left: c.h, right: stop.h }, span),
                None => {
                    let st = cx.load(step_l, Ty::Int, span);
                    let zero = cx.int(0, span);
                    let positive = cx.emit(Expression::Compare { op: CompareOp::Gt, left: st.h, right: zero.h }, span);
                    let ge = cx.emit(Expression::Compare { op: CompareOp::Ge, left: c.h, right: stop.h }, span);
                    let le = cx.emit(Expression::Compare { op: CompareOp::Le, left: c.h, right: stop.h }, span);
                    cx.emit(Expression::Select { condition: positive, accept: ge, reject: le }, span)
                }
            };
            let exit = cx.block(|cx| cx.push(Statement::Break, span));
            cx.push(Statement::If { condition: done, accept: exit, reject: Block::new() }, span);
            // Advance before the body, so `continue` needs no special path. If the counter
            // would wrap past the int range, the range is over: park it at `stop`.
            let st = cx.load(step_l, Ty::Int, span);
            let next = cx.emit(Expression::Binary { op: BinaryOp::WrappingAdd, left: c.h, right: st.h }, span);
            let next = if literal_step == Some(1) {
                next
            } else {
                let zero = cx.int(0, span);
                let positive = cx.emit(Expression::Compare { op: CompareOp::Gt, left: st.h, right: zero.h }, span);
                let below = cx.emit(Expression::Compare { op: CompareOp::Lt, left: next, right: c.h }, span);
                let above = cx.emit(Expression::Compare { op: CompareOp::Gt, left: next, right: c.h }, span);
                let wrapped = cx.emit(Expression::Select { condition: positive, accept: below, reject: above }, span);
                cx.emit(Expression::Select { condition: wrapped, accept: stop.h, reject: next }, span)
            };
            cx.push(Statement::Store { local: counter, value: next }, span);
            cx.assign_target(&s.target, c, target_span)
        })
    }

    fn raise_stmt(&mut self, s: &ast::StmtRaise, span: Span) -> Res<()> {
        let cause = match &s.cause {
            Some(cause) => Some(self.exception_cause(cause)?),
            None => None,
        };
        let result = self.raise_stmt_exc(s, cause, span);
        self.raise_cause = None;
        result
    }

    /// `raise exc` (`from` gave `cause`): the exception is evaluated first, and the cause set
    /// just before the statement that raises it (raises inside the evaluation keep theirs).
    fn raise_stmt_exc(&mut self, s: &ast::StmtRaise, cause: Option<Val>, span: Span) -> Res<()> {
        let Some(exc) = &s.exc else {
            return self.raise_value(None, cause, span);
        };
        let (name, args, call_span) = match &**exc {
            ast::Expr::Name(n) => (n.id.to_string(), &[][..], self.span_of(&**exc)),
            ast::Expr::Call(c) => match &*c.func {
                ast::Expr::Name(n) if c.keywords.is_empty() => (n.id.to_string(), &c.args[..], self.span_of(c)),
                _ => return self.raise_value(Some(exc), cause, span),
            },
            _ => return self.raise_value(Some(exc), cause, span),
        };
        let builtin = ExceptionKind::from_name(&name).filter(|_| {
            !self.is_local(&name) && !self.p.globals.contains_key(&name) && !self.comp_vars.contains_key(&name)
        });
        let Some(kind) = builtin else {
            if self.class_named(&name).is_some() && matches!(&**exc, ast::Expr::Name(_)) {
                // `raise E`: an instance made without arguments.
                let ast::Expr::Name(n) = &**exc else { unreachable!("matched") };
                let call = ast::ExprCall { range: n.range, func: exc.clone(), args: Vec::new(), keywords: Vec::new() };
                let id = self.class_named(&name).expect("checked");
                let object = self.construct(id, &call, call_span)?;
                self.raise_cause = cause;
                return self.raise_object_value(object, span);
            }
            return self.raise_value(Some(exc), cause, span);
        };
        let mut values = Vec::new();
        for a in args {
            values.push(self.expr(a)?);
        }
        self.raise_cause = cause;
        self.raise_builtin(kind, values, call_span)?;
        self.bound = None;
        Ok(())
    }

    fn def_stmt(&mut self, def: &ast::StmtFunctionDef) -> Res<()> {
        let name = def.name.to_string();
        // Only the module's top-level `def`s are collected (one function per name).
        let Some(index) = self.p.def_by_name.get(&name).copied().filter(|&i| std::ptr::eq(self.p.defs[i].ast, def))
        else {
            let head = crate::scope::def_head_span(self.p, def);
            return self.fail(Diagnostic::error(
                "kiln does not support a `def` inside a module-level `if`, loop or `try` yet",
                head,
            ));
        };
        self.method_defaults(index, def)?;
        self.set_def_flag(&name, self.span_of(def));
        if let Some(bound) = &mut self.bound {
            bound.insert(name);
        }
        Ok(())
    }

    /// A `def` inside a function binds its name to a closure.
    fn nested_def_stmt(&mut self, def: &ast::StmtFunctionDef, span: Span) -> Res<()> {
        let key = (self.p.file, def.range.start().to_u32());
        // Not collected: why was reported by the name pre-pass.
        let Some(&index) = self.p.synthetic_defs.get(&key) else { return Err(super::Stop) };
        self.method_defaults(index, def)?;
        let value = self.closure_value(index, span)?;
        self.assign_name(def.name.as_str(), value, span)
    }

    /// Evaluates the defaults of `def` (index `index`) that are not constants, once, into
    /// hidden globals: when its `def` statement (or its class's `class` statement) runs.
    pub(crate) fn method_defaults(&mut self, index: usize, def: &ast::StmtFunctionDef) -> Res<()> {
        let mut hidden = Vec::new();
        for param in &self.p.defs[index].params {
            let Some(arg) = all_args(&def.args).find(|a| a.def.arg.as_str() == param.name) else { continue };
            if let Some(DefaultValue::Global(g)) = &param.default {
                if let Some(d) = &arg.default {
                    hidden.push((g.clone(), &**d));
                }
            }
        }
        for (global, expr) in hidden {
            let span = self.span_of(expr);
            let v = self.expr(expr)?;
            self.assign_global_hidden(&global, v, span);
        }
        Ok(())
    }

    fn assign_global_hidden(&mut self, global: &str, value: Val, span: Span) {
        self.p.join_global(global, &value.ty, span);
        if let Some(&g) = self.p.global_handles.get(global).filter(|_| self.p.final_pass) {
            // `seen=[]` takes the element type the function's body taught it.
            let ty = self.p.globals[global].ty.clone();
            let value = self.coerce(value, &ty, span);
            self.push(Statement::StoreGlobal { global: g, value: value.h }, span);
        }
    }
}

/// All parameters of a def in declaration order.
pub(crate) fn all_args(args: &ast::Arguments) -> impl Iterator<Item = &ast::ArgWithDefault> {
    args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs)
}

/// The value of an integer literal (with an optional sign), if `expr` is one.
pub(crate) fn const_int(expr: &ast::Expr) -> Option<i64> {
    match expr {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i64::try_from(i).ok(),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => const_int(&u.operand).and_then(|v| v.checked_neg()),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::UAdd => const_int(&u.operand),
        _ => None,
    }
}
