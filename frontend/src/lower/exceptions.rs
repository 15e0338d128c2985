//! `try`/`except`/`else`/`finally` and `raise`.
//!
//! A `try` with handlers becomes an IR `Try` whose handler tests the caught exception against
//! each clause in order and raises it again when none matches. `else` runs when the body
//! completed (a flag set at its end). `finally` is a second `Try` around all that, whose
//! handler runs the `finally` body and raises again; the normal way out runs it too, and so
//! do `return`, `break` and `continue` that leave the statement (the body is lowered again at
//! each of them, as CPython's compiler does).
//!
//! While a handler (or a `finally` body run for an exception) runs, the runtime knows the
//! exception it handles, so that an exception raised meanwhile gets it as its `__context__`:
//! every way out of the handler (its end, `return`/`break`/`continue`, an exception) tells the
//! runtime it is left. Only code that runs after a raise pays for this.

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::lower::classes::exception_kind;
use crate::ty::Ty;
use kiln_ir::{Block, ExceptionClass, ExceptionKind, Expression, Handle, Literal, Local, RuntimeFn, Span, Statement};
use rustpython_parser::ast;

/// What leaving an enclosing `finally` clause or exception handler takes.
#[derive(Clone)]
pub(crate) enum Cleanup {
    /// Running the `finally` body.
    Finally(Vec<ast::Stmt>),
    /// Telling the runtime that the handler of this caught exception is left.
    Handler(Handle<Local>),
}

impl FnCx<'_, '_> {
    pub(crate) fn try_stmt(&mut self, s: &ast::StmtTry, span: Span) -> Res<()> {
        if self.in_gpu_code() {
            return self.fail(Diagnostic::error("`try` cannot be used in a GPU kernel", span));
        }
        if s.finalbody.is_empty() {
            return self.try_except(s, span);
        }
        let before = self.bound.clone();
        // The `finally` body may run from any point of the body (an exception, a handler, the
        // end): only what held on entry holds there (the body's own assignments were forgotten
        // before the `try`, in `stmt`).
        let facts = self.not_none.clone();
        let caught = self.exception_local(span);
        self.finally_stack.push(Cleanup::Finally(s.finalbody.clone()));
        let mut result = Ok(());
        let body = self.block(|cx| result = cx.try_except(s, span));
        self.finally_stack.pop();
        result?;
        let after_body = self.bound.take();
        // The exceptional way out: what the body bound is not sure to be bound.
        self.bound = before;
        self.not_none = facts.clone();
        let mut result = Ok(());
        let handler = self.block(|cx| {
            result = cx.handling(caught, span, |cx| {
                cx.stmts(&s.finalbody);
                if cx.bound.is_some() {
                    let e = cx.emit(Expression::Load(caught), span);
                    cx.push(Statement::Reraise { exception: e }, span);
                }
                Ok(())
            })
        });
        result?;
        self.push(Statement::Try { body, handler, caught }, span);
        self.bound = after_body;
        self.not_none = facts;
        if self.bound.is_some() {
            self.stmts(&s.finalbody);
        }
        Ok(())
    }

    /// `try`/`except`/`else` (without `finally`).
    fn try_except(&mut self, s: &ast::StmtTry, span: Span) -> Res<()> {
        if s.handlers.is_empty() {
            self.stmts(&s.body);
            return Ok(());
        }
        let before = self.bound.clone();
        let facts = self.not_none.clone();
        let completed = (!s.orelse.is_empty()).then(|| {
            let flag = self.new_temp(&Ty::Bool, span);
            let f = self.lit(Literal::Bool(false), span);
            self.push(Statement::Store { local: flag, value: f }, span);
            flag
        });
        let caught = self.exception_local(span);
        let body = self.block(|cx| {
            cx.stmts(&s.body);
            if let (Some(flag), Some(_)) = (completed, &cx.bound) {
                let t = cx.lit(Literal::Bool(true), span);
                cx.push(Statement::Store { local: flag, value: t }, span);
            }
        });
        let after_body = self.bound.take();
        // The `else` runs only after the whole body: what held at its end holds there; a
        // handler may run from any point of it: only what held on entry.
        let after_body_facts = std::mem::replace(&mut self.not_none, facts.clone());
        let mut after_handlers = None;
        let mut result = Ok(());
        let handler = self.block(|cx| {
            result = cx.handler_chain(&s.handlers, caught, before.clone(), &mut after_handlers, span);
        });
        result?;
        self.push(Statement::Try { body, handler, caught }, span);
        let after_else = match completed {
            Some(flag) => {
                self.bound = after_body;
                self.not_none = after_body_facts;
                let mut after_else = None;
                let accept = self.block(|cx| {
                    cx.stmts(&s.orelse);
                    after_else = cx.bound.take();
                });
                let ran = self.emit(Expression::Load(flag), span);
                self.push(Statement::If { condition: ran, accept, reject: Block::new() }, span);
                after_else
            }
            None => after_body,
        };
        self.bound = super::stmt::meet(after_else, after_handlers);
        self.not_none = facts;
        Ok(())
    }

    /// The `except` clauses, in order, as a chain of tests of the caught exception; when none
    /// matches, it is raised again.
    fn handler_chain(
        &mut self,
        handlers: &[ast::ExceptHandler],
        caught: Handle<Local>,
        before: super::stmt::Bound,
        after: &mut super::stmt::Bound,
        span: Span,
    ) -> Res<()> {
        let Some((ast::ExceptHandler::ExceptHandler(h), rest)) = handlers.split_first() else {
            let e = self.emit(Expression::Load(caught), span);
            self.push(Statement::Reraise { exception: e }, span);
            return Ok(());
        };
        let hspan = self.span_of(h);
        let classes = match &h.type_ {
            None => Vec::new(),
            Some(t) => self.except_classes(t)?,
        };
        if h.type_.is_none() && !rest.is_empty() {
            return self.fail(Diagnostic::error("default 'except:' must be last", hspan));
        }
        // A clause for user exceptions that the program never makes cannot match: its body
        // never runs (and the fields it reads may have no type).
        let never = |c: &ExceptionClass| matches!(c, ExceptionClass::User(id) if !self.p.instances_exist(*id));
        if !classes.is_empty() && classes.iter().all(never) {
            return self.handler_chain(rest, caught, before, after, span);
        }
        self.bound = before.clone();
        let mut result = Ok(());
        let accept = self.block(|cx| result = cx.handler_body(h, &classes, caught, hspan));
        result?;
        *after = super::stmt::meet(after.take(), self.bound.take());
        if classes.is_empty() {
            // A bare `except:` catches everything. (`except Exception` tests the class: it
            // lets `SystemExit` and `KeyboardInterrupt` through.)
            self.push(Statement::Block(accept), hspan);
            return Ok(());
        }
        let e = self.emit(Expression::Load(caught), hspan);
        let mut test = None;
        for class in &classes {
            let m = self.emit(Expression::ExceptionMatches { exception: e, class: *class }, hspan);
            test = Some(match test {
                None => m,
                Some(t) => self.emit(Expression::Binary { op: kiln_ir::BinaryOp::BitOr, left: t, right: m }, hspan),
            });
        }
        let mut result = Ok(());
        let reject = self.block(|cx| result = cx.handler_chain(rest, caught, before, after, span));
        result?;
        let condition = test.expect("at least one class");
        self.push(Statement::If { condition, accept, reject }, hspan);
        Ok(())
    }

    fn handler_body(
        &mut self,
        h: &ast::ExceptHandlerExceptHandler,
        classes: &[ExceptionClass],
        caught: Handle<Local>,
        span: Span,
    ) -> Res<()> {
        let previous = match &h.name {
            Some(name) => {
                // `as e`: the instance for one user class, else the caught exception. The name
                // is unbound again after the clause, as in Python.
                let e = self.emit(Expression::Load(caught), span);
                let value = match classes {
                    [ExceptionClass::User(c)] => {
                        let ty = self.p.class_ty(*c);
                        let object =
                            Val { ty, h: self.emit(Expression::ExceptionObject { exception: e, class: *c }, span) };
                        self.set_caught(&object, caught, span)?;
                        object
                    }
                    _ => Val { ty: Ty::Exception, h: e },
                };
                let local = self.new_temp(&value.ty, span);
                self.push(Statement::Store { local, value: value.h }, span);
                Some((name.to_string(), self.comp_vars.insert(name.to_string(), (local, value.ty))))
            }
            None => None,
        };
        self.handlers.push(caught);
        self.handling(caught, span, |cx| {
            cx.stmts(&h.body);
            Ok(())
        })?;
        self.handlers.pop();
        if let Some((name, previous)) = previous {
            match previous {
                Some(p) => self.comp_vars.insert(name, p),
                None => self.comp_vars.remove(&name),
            };
        }
        Ok(())
    }

    /// The classes an `except` clause names.
    fn except_classes(&mut self, t: &ast::Expr) -> Res<Vec<ExceptionClass>> {
        let names: Vec<&ast::Expr> = match t {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            one => vec![one],
        };
        let mut out = Vec::new();
        for n in names {
            let span = self.span_of(n);
            let ast::Expr::Name(name) = n else {
                return self.fail(Diagnostic::error("kiln supports exception class names in `except`", span));
            };
            // A variable holding classes (`except ERRORS:`): its type says which.
            if let Some(var) = self.var_type(name.id.as_str()) {
                let parts = match var.ty {
                    Ty::Tuple(parts) => parts,
                    one => vec![one],
                };
                for part in parts {
                    match part {
                        Ty::ExceptionClass(kind) => out.push(ExceptionClass::Builtin(kind)),
                        Ty::Class(id) if self.p.is_exception_class(id) => out.push(ExceptionClass::User(id)),
                        Ty::Unknown => {}
                        other => {
                            return self.fail(Diagnostic::error(
                                format!("catching classes that do not inherit from BaseException is not allowed (`{}` holds {other})", name.id),
                                span,
                            ))
                        }
                    }
                }
                continue;
            }
            if let Some(id) = self.class_named(name.id.as_str()) {
                if !self.p.is_exception_class(id) {
                    return self.fail(Diagnostic::error(
                        "catching classes that do not inherit from BaseException is not allowed",
                        span,
                    ));
                }
                out.push(ExceptionClass::User(id));
                continue;
            }
            match exception_kind(name.id.as_str()) {
                Some(kind) => out.push(ExceptionClass::Builtin(kind)),
                None => {
                    return self.fail(
                        Diagnostic::error(format!("name `{}` is not an exception class", name.id), span)
                            .with_label("not found in this scope"),
                    )
                }
            }
        }
        Ok(out)
    }

    fn exception_local(&mut self, span: Span) -> Handle<Local> {
        self.new_temp(&Ty::Exception, span)
    }

    /// `body`, run as the handler of `caught`: the runtime knows it handles `caught` until the
    /// body is left, whichever way (an exception leaving it passes through a `Try` that says
    /// so and raises it again).
    fn handling(&mut self, caught: Handle<Local>, span: Span, body: impl FnOnce(&mut Self) -> Res<()>) -> Res<()> {
        let e = self.emit(Expression::Load(caught), span);
        self.runtime(RuntimeFn::ExcHandlingEnter, vec![e], span);
        let escaping = self.exception_local(span);
        self.finally_stack.push(Cleanup::Handler(caught));
        let mut result = Ok(());
        let guarded = self.block(|cx| result = body(cx));
        self.finally_stack.pop();
        result?;
        let leave = self.block(|cx| {
            cx.runtime(RuntimeFn::ExcHandlingExit, vec![], span);
            let e = cx.emit(Expression::Load(escaping), span);
            cx.push(Statement::Reraise { exception: e }, span);
        });
        self.push(Statement::Try { body: guarded, handler: leave, caught: escaping }, span);
        if self.bound.is_some() {
            self.runtime(RuntimeFn::ExcHandlingExit, vec![], span);
        }
        Ok(())
    }

    /// Does what leaving the `finally` clauses and handlers above `depth` takes (innermost
    /// first), for a `return`, `break` or `continue` leaving them. A jump inside a `finally`
    /// body sees only what is outside it.
    pub(crate) fn run_finally_bodies(&mut self, depth: usize) {
        let saved = self.finally_stack.clone();
        while self.finally_stack.len() > depth && self.bound.is_some() {
            match self.finally_stack.pop().expect("checked") {
                Cleanup::Finally(body) => self.stmts(&body),
                Cleanup::Handler(_) => {
                    let span = Span::UNDEFINED;
                    self.runtime(RuntimeFn::ExcHandlingExit, vec![], span);
                }
            }
        }
        self.finally_stack = saved;
    }

    /// A `return value` leaving `try`/`finally` statements: the value is computed first, then
    /// every enclosing `finally` body runs.
    pub(crate) fn through_finally(&mut self, value: Val, span: Span) -> Res<Val> {
        if self.finally_stack.is_empty() || value.ty == Ty::Unknown {
            return Ok(value);
        }
        let temp = self.new_temp(&value.ty, span);
        self.push(Statement::Store { local: temp, value: value.h }, span);
        self.run_finally_bodies(0);
        Ok(self.load(temp, value.ty, span))
    }

    /// `raise`, `raise E`, `raise E(args)`, `raise obj`.
    pub(crate) fn raise_value(&mut self, exc: Option<&ast::Expr>, cause: Option<Val>, span: Span) -> Res<()> {
        let Some(exc) = exc else {
            match self.handlers.last().copied() {
                Some(caught) => {
                    let e = self.emit(Expression::Load(caught), span);
                    self.push(Statement::Reraise { exception: e }, span);
                }
                None => self.raise(ExceptionKind::RuntimeError, Some("No active exception to reraise"), span),
            }
            self.bound = None;
            return Ok(());
        };
        let v = self.expr(exc)?;
        self.raise_cause = cause;
        self.raise_object_value(v, span)
    }

    /// `Kind(args)` of a built-in exception class, not raised: its message is `str()` of
    /// the argument (`repr()` for a `KeyError`), or of the tuple of several.
    pub(crate) fn new_builtin_exception(&mut self, kind: ExceptionKind, args: Vec<Val>, span: Span) -> Res<Val> {
        let message = self.exception_str(&args, kind == ExceptionKind::KeyError, span)?;
        let tagged = self.exception_args(args, span)?;
        Ty::Exception.to_ir(&mut self.p.module);
        let h = self
            .emit(Expression::ExceptionNew { kind, message: message.map(|m| m.h), args: tagged.h, object: None }, span);
        Ok(Val { ty: Ty::Exception, h })
    }

    /// `str()` of an exception made with `args`: nothing without arguments, `str()` of the one
    /// argument (`repr()` for a `KeyError`), or of the tuple of several.
    pub(crate) fn exception_str(&mut self, args: &[Val], key_error: bool, span: Span) -> Res<Option<Val>> {
        Ok(Some(match args {
            [] => return Ok(None),
            [v] if key_error => self.repr_of(v.clone(), span)?,
            [v] => self.str_of(v.clone(), span)?,
            _ => {
                let ty = Ty::Tuple(args.iter().map(|a| a.ty.clone()).collect());
                ty.to_ir(&mut self.p.module);
                let h = self.emit(Expression::TupleNew { elems: args.iter().map(|a| a.h).collect() }, span);
                self.str_of(Val { ty, h }, span)?
            }
        }))
    }

    /// `raise Kind(args)` for evaluated arguments.
    pub(crate) fn raise_builtin(&mut self, kind: ExceptionKind, args: Vec<Val>, span: Span) -> Res<()> {
        match &args[..] {
            // The common cases, whose `args` follow from the message.
            [] => self.push_raise(Statement::Raise { kind, message: None }, span),
            [v] if v.ty == Ty::Str && kind != ExceptionKind::KeyError => {
                self.push_raise(Statement::Raise { kind, message: Some(v.h) }, span)
            }
            _ => {
                let e = self.new_builtin_exception(kind, args, span)?;
                self.push_raise(Statement::RaiseException { exception: e.h }, span);
            }
        }
        Ok(())
    }

    /// Pushes the statement that raises; the `from` of a `raise ... from cause` applies just
    /// before it, when nothing else can raise in between.
    fn push_raise(&mut self, raise: Statement, span: Span) {
        if let Some(cause) = self.raise_cause.take() {
            self.runtime(RuntimeFn::ExcSetCause, vec![cause.h], span);
        }
        self.push(raise, span);
    }

    /// The cause of `raise ... from cause`, as an exception value (or `None`).
    pub(crate) fn exception_cause(&mut self, cause: &ast::Expr) -> Res<Val> {
        let span = self.span_of(cause);
        let v = self.expr(cause)?;
        let v = match v.ty.clone() {
            Ty::None | Ty::Exception => v,
            Ty::Optional(inner) if *inner == Ty::Exception => v,
            Ty::ExceptionClass(kind) => self.new_builtin_exception(kind, Vec::new(), span)?,
            Ty::Object(c) if self.p.is_exception_class(c.id()) => self.exception_of_object(&v, span)?,
            Ty::Unknown => return self.unknown(span),
            other => {
                return self.fail(
                    Diagnostic::error(format!("exception causes must derive from BaseException, not {other}"), span)
                        .with_label(format!("this is {other}")),
                )
            }
        };
        // Kept in a local: the exception itself is evaluated after the cause is.
        let ty = if v.ty == Ty::None { Ty::None } else { v.ty.clone() };
        let local = self.new_temp(&ty, span);
        self.push(Statement::Store { local, value: v.h }, span);
        Ok(self.load(local, ty, span))
    }

    /// `raise v` for an evaluated `v`.
    pub(crate) fn raise_object_value(&mut self, v: Val, span: Span) -> Res<()> {
        match v.ty.clone() {
            Ty::Object(c) if self.p.is_exception_class(c.id()) => {
                let message = self.exception_message(&v, span)?;
                let args = self.exception_args_of(&v, span)?;
                self.push_raise(Statement::RaiseObject { object: v.h, message: message.h, args: args.h }, span);
            }
            Ty::Optional(inner) if inner.class().is_some_and(|c| self.p.is_exception_class(c.id())) => {
                let is_none = self.is_none(&v, span);
                self.raise_if(is_none, ExceptionKind::TypeError, "exceptions must derive from BaseException", span);
                let v = Val { ty: *inner, h: v.h };
                let message = self.exception_message(&v, span)?;
                let args = self.exception_args_of(&v, span)?;
                self.push_raise(Statement::RaiseObject { object: v.h, message: message.h, args: args.h }, span);
            }
            Ty::Exception => self.push_raise(Statement::RaiseException { exception: v.h }, span),
            Ty::Optional(inner) if *inner == Ty::Exception => {
                let is_none = self.is_none(&v, span);
                self.raise_if(is_none, ExceptionKind::TypeError, "exceptions must derive from BaseException", span);
                self.push_raise(Statement::RaiseException { exception: v.h }, span);
            }
            Ty::Unknown => {}
            other => {
                return self
                    .fail(Diagnostic::error(format!("exceptions must derive from BaseException, not {other}"), span))
            }
        }
        self.bound = None;
        Ok(())
    }
}
