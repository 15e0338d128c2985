//! Functions as values: `key=len`, `compose(f, g)`, lambdas, nested functions and closures.
//!
//! A function value's type names the `def` it is ([`FuncTy`]), so calling it is a direct call
//! of an instance made for the argument types, as if written by hand. What a nested function or
//! lambda captures from the functions around it (see `captures.rs`) is its *environment*: a
//! tuple of the captured values, passed to its instances after their parameters. A variable
//! that may change after a closure captured it lives in a cell (`Ty::Cell`) that the definer
//! and its closures share; `nonlocal` assigns through it.
//!
//! Where one variable or list holds different functions, its type is a union
//! ([`Ty::Funcs`]): a tuple of a tag and every member's environment, and a call tests the tag
//! and calls each member directly. A builtin used as a value (`len`) becomes a one-line `def`
//! calling it.

use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::{FuncTy, Ty};
use kiln_ir::{CompareOp, Expression, Literal, Span, Statement};

/// Closures over closures over closures...: deeper than this is taken as a type that grows
/// without bound (inference would never finish).
const MAX_CLOSURE_DEPTH: usize = 12;

/// Builtins that may be used as values, with the number of arguments they take then.
const BUILTIN_VALUES: &[(&str, usize)] = &[
    ("len", 1),
    ("abs", 1),
    ("str", 1),
    ("repr", 1),
    ("int", 1),
    ("float", 1),
    ("bool", 1),
    ("sum", 1),
    ("sorted", 1),
    ("list", 1),
    ("min", 2),
    ("max", 2),
    ("pow", 2),
    ("divmod", 2),
];

impl FnCx<'_, '_> {
    /// A module-level function (or a compiler-made one that captures nothing) as a value.
    pub(crate) fn func_value(&mut self, def: usize, span: Span) -> Val {
        Val { ty: Ty::Func(FuncTy::new(def, Vec::new())), h: self.lit(Literal::None, span) }
    }

    /// The value of nested function `def` made here (a `def` statement or a lambda): its
    /// environment is read from this function's variables (cells as cells).
    pub(crate) fn closure_value(&mut self, def: usize, span: Span) -> Res<Val> {
        let env = self.closure_env(def, span)?;
        let value = self.func_of(def, env, span);
        if value.ty.func_depth() > MAX_CLOSURE_DEPTH {
            // Reported at once: inference would otherwise go on making deeper types.
            self.p.final_pass = true;
            let stop = self.fail(
                Diagnostic::error(
                    "kiln cannot give this closure a type: it captures closures nested without bound",
                    span,
                )
                .with_note(
                    "each function value has its own type in kiln, so a closure built from the previous one in a \
                         loop or recursion (`f = compose(g, f)`) would need infinitely many; use a list of functions",
                ),
            );
            self.p.final_pass = false;
            return stop;
        }
        Ok(value)
    }

    /// The environment of nested function `def` made here: what it captures, read from this
    /// function's variables (cells as cells).
    pub(crate) fn closure_env(&mut self, def: usize, span: Span) -> Res<Vec<Val>> {
        let captures = self.p.defs[def].captures.clone();
        let mut env = Vec::with_capacity(captures.len());
        for (k, c) in captures.iter().enumerate() {
            let v = if c.default {
                let expr = self.p.defs[def].params.iter().find_map(|p| match p.default {
                    Some(super::DefaultValue::Captured { capture, expr }) if capture == k => Some(expr),
                    _ => None,
                });
                let Some(expr) = expr else { return Err(super::Stop) };
                self.expr(expr)?
            } else if c.cell {
                self.cell_of(&c.name, span)?
            } else {
                self.name_value(&c.name, span)?
            };
            env.push(v);
        }
        self.learn_from_closure(def, &env, span)?;
        Ok(env)
    }

    /// A captured container that only the closure fills (`cache = {}` filled by the nested
    /// function) gets its type from what the closure's instance learned.
    fn learn_from_closure(&mut self, def: usize, env: &[Val], span: Span) -> Res<()> {
        if self.p.final_pass || env.iter().all(|v| v.ty.is_known()) {
            return Ok(());
        }
        let nparams = self.p.defs[def].params.len();
        let env_tys: Vec<Ty> = env.iter().map(|v| v.ty.clone()).collect();
        let captures = self.p.defs[def].captures.clone();
        let mut learned = Vec::new();
        for inst in &self.p.instances {
            if inst.def != Some(def) || inst.args.get(nparams..) != Some(&env_tys[..]) {
                continue;
            }
            for (c, v) in captures.iter().zip(env) {
                let Some(var) = inst.vars.get(&c.name) else { continue };
                let had = match &v.ty {
                    Ty::Cell(inner) => (**inner).clone(),
                    other => other.clone(),
                };
                if !had.is_known() && had.join(&var.ty).is_some_and(|t| t != had) {
                    learned.push((c.name.clone(), var.ty.clone()));
                }
            }
        }
        for (name, ty) in learned {
            self.join_var(&name, &ty, span)?;
        }
        Ok(())
    }

    /// The function value of `def` with captured values `env`.
    fn func_of(&mut self, def: usize, env: Vec<Val>, span: Span) -> Val {
        let ty = Ty::Func(FuncTy::new(def, env.iter().map(|v| v.ty.clone()).collect()));
        if env.is_empty() {
            return Val { ty, h: self.lit(Literal::None, span) };
        }
        ty.to_ir(&mut self.p.module);
        Val { ty, h: self.emit(Expression::TupleNew { elems: env.iter().map(|v| v.h).collect() }, span) }
    }

    /// Inside a nested function, the value of the function `name` stands for when that is the
    /// function itself or a sibling of its group of mutually recursive `def`s: made from the
    /// environment this instance was called with (the members of a group capture alike).
    pub(crate) fn sibling_closure(&mut self, name: &str, span: Span) -> Res<Option<Val>> {
        let Some(def) = self.sibling_def(name) else { return Ok(None) };
        let captures = self.p.defs[def].captures.clone();
        let mut env = Vec::with_capacity(captures.len());
        for c in &captures {
            env.push(if c.cell { self.cell_of(&c.name, span)? } else { self.name_value(&c.name, span)? });
        }
        Ok(Some(self.func_of(def, env, span)))
    }

    /// The `def` that `name`, read inside a nested function, stands for when that is the
    /// function itself or one of its siblings (see `captures::sibling_groups`).
    fn sibling_def(&self, name: &str) -> Option<usize> {
        let def = self.p.instances[self.inst].def?;
        if self.is_local(name) {
            return None;
        }
        let d = &self.p.defs[def];
        if d.self_name.as_deref() == Some(name) {
            return Some(def);
        }
        let key = d.siblings.iter().find(|(s, _)| s == name)?.1;
        self.p.synthetic_defs.get(&key).copied()
    }

    /// Whether `name`, read inside a nested function, is that function itself or a sibling.
    pub(crate) fn is_self_name(&self, name: &str) -> bool {
        self.sibling_def(name).is_some()
    }

    /// A captured cell keeps the type it had when captured: an assignment through `nonlocal`
    /// must not change it.
    pub(crate) fn check_captured_cell(&mut self, name: &str, ty: &Ty, span: Span) -> Res<()> {
        let Some(def) = self.p.instances[self.inst].def else { return Ok(()) };
        let nparams = self.p.defs[def].params.len();
        let Some(c) = self.p.defs[def].captures.iter().position(|c| c.cell && c.name == name) else { return Ok(()) };
        match self.p.instances[self.inst].args.get(nparams + c) {
            Some(Ty::Cell(captured)) if **captured != *ty && captured.is_known() => self
                .fail(Diagnostic::error(format!("nonlocal `{name}` would change type from {captured} to {ty}"), span)),
            _ => Ok(()),
        }
    }

    /// The cell holding variable `name` (a cell of this function, or one it captured).
    pub(crate) fn cell_of(&mut self, name: &str, span: Span) -> Res<Val> {
        if let Some((local, ty @ Ty::Cell(_))) = self.comp_vars.get(name).cloned() {
            return Ok(self.load(local, ty, span));
        }
        let ty = self.var_type(name).map(|v| v.ty).unwrap_or(Ty::Unknown);
        let cell_ty = Ty::Cell(Box::new(ty));
        let local = self.local_handle(name, &cell_ty, span);
        Ok(self.load(local, cell_ty, span))
    }

    /// `obj.method` as a value: the method's `def` with the instance as its environment (a
    /// call passes it as `self`).
    pub(crate) fn bound_method(&mut self, def: usize, object: Val, span: Span) -> Val {
        self.func_of(def, vec![object], span)
    }

    /// The `def` a lambda stands for (made once per lambda), as a value.
    pub(crate) fn lambda_value(&mut self, lambda: &ast::ExprLambda, span: Span) -> Res<Val> {
        let key = (self.p.file, lambda.range.start().to_u32());
        let def = match self.p.synthetic_defs.get(&key) {
            Some(&def) => def,
            None => {
                let def = ast::StmtFunctionDef {
                    range: lambda.range,
                    name: "<lambda>".into(),
                    args: lambda.args.clone(),
                    body: vec![ast::Stmt::Return(ast::StmtReturn {
                        range: lambda.range,
                        value: Some(lambda.body.clone()),
                    })],
                    decorator_list: Vec::new(),
                    returns: None,
                    type_comment: None,
                    type_params: Vec::new(),
                };
                let def: &'static ast::StmtFunctionDef = Box::leak(Box::new(def));
                let parent = self.p.instances[self.inst].def;
                let made = match parent {
                    Some(parent) => crate::scope::collect_nested(self.p, def, "<lambda>".into(), parent),
                    None => {
                        let index = self.synthesize_def(def, key);
                        crate::scope::defaults_in_closure(self.p, def, index);
                        Some(index)
                    }
                };
                let Some(index) = made else { return Err(super::Stop) };
                // The variables of the comprehensions around it are captured as their cells
                // (see `comprehension.rs`), not the function's variables of that name.
                let captures = &mut self.p.defs[index].captures;
                for name in crate::captures::free_vars(crate::captures::Scoped::Def(def)) {
                    if !self.comp_scopes.iter().any(|s| s.contains(&name)) {
                        continue;
                    }
                    match captures.iter_mut().find(|c| c.name == name) {
                        Some(c) => c.cell = true,
                        None => captures.push(super::Capture { name, cell: true, default: false }),
                    }
                }
                index
            }
        };
        self.closure_value(def, span)
    }

    /// A builtin used as a value, when it can be one.
    pub(crate) fn builtin_value(&mut self, name: &str, range: TextRange, span: Span) -> Option<Val> {
        let index = BUILTIN_VALUES.iter().position(|(b, _)| *b == name)?;
        let key = (u32::MAX, index as u32);
        if let Some(&def) = self.p.synthetic_defs.get(&key) {
            return Some(self.func_value(def, span));
        }
        // def <name>(a0, ...): return <name>(a0, ...)
        let params: Vec<String> = (0..BUILTIN_VALUES[index].1).map(|i| format!("a{i}")).collect();
        let args = ast::Arguments {
            range: Default::default(),
            posonlyargs: Vec::new(),
            args: params
                .iter()
                .map(|p| ast::ArgWithDefault {
                    range: Default::default(),
                    def: ast::Arg { range, arg: p.as_str().into(), annotation: None, type_comment: None },
                    default: None,
                })
                .collect(),
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: None,
        };
        let load =
            |id: &str| Box::new(ast::Expr::Name(ast::ExprName { range, id: id.into(), ctx: ast::ExprContext::Load }));
        let call = ast::Expr::Call(ast::ExprCall {
            range,
            func: load(name),
            args: params.iter().map(|p| *load(p)).collect(),
            keywords: Vec::new(),
        });
        let def = ast::StmtFunctionDef {
            range,
            name: name.into(),
            args: Box::new(args),
            body: vec![ast::Stmt::Return(ast::StmtReturn { range, value: Some(Box::new(call)) })],
            decorator_list: Vec::new(),
            returns: None,
            type_comment: None,
            type_params: Vec::new(),
        };
        // The definition must live as long as the program's syntax tree; a compilation makes
        // a handful of these, so they simply stay allocated.
        let def: &'static ast::StmtFunctionDef = Box::leak(Box::new(def));
        let def = self.synthesize_def(def, key);
        Some(self.func_value(def, span))
    }

    /// Registers a compiler-made module-level `def`, not visible by name.
    pub(crate) fn synthesize_def(&mut self, def: &'static ast::StmtFunctionDef, key: (u32, u32)) -> usize {
        let name = def.name.to_string();
        let shadowed = self.p.def_by_name.remove(&name);
        crate::scope::collect_def_pub(self.p, def);
        let index = self.p.defs.len() - 1;
        self.p.def_by_name.remove(&name);
        if let Some(user) = shadowed {
            self.p.def_by_name.insert(name, user);
        }
        self.p.defs[index].synthetic = true;
        self.p.synthetic_defs.insert(key, index);
        index
    }

    /// Whether `name` is a variable holding a function value here.
    pub(crate) fn holds_function(&self, name: &str) -> bool {
        let ty = match self.comp_vars.get(name) {
            Some((_, Ty::Cell(ty))) => (**ty).clone(),
            Some((_, ty)) => ty.clone(),
            None => match self.var_type(name) {
                Some(v) => v.ty,
                None => return false,
            },
        };
        matches!(ty, Ty::Func(_) | Ty::Funcs(_))
    }

    /// `f(args)` where `f` is a function value.
    pub(crate) fn call_value(&mut self, callee: Val, call: &ast::ExprCall, span: Span) -> Res<Val> {
        match callee.ty.clone() {
            Ty::Func(f) => self.call_member(&callee, &f, None, None, call, span),
            Ty::Funcs(members) => {
                if !call.keywords.is_empty() {
                    return self.fail(Diagnostic::error(
                        "kiln does not support keyword arguments in a call of one of several functions yet",
                        span,
                    ));
                }
                let mut positional = Vec::with_capacity(call.args.len());
                for a in &call.args {
                    if let ast::Expr::Starred(_) = a {
                        return self
                            .fail(Diagnostic::error("kiln does not support `*` arguments yet", self.span_of(a)));
                    }
                    positional.push(self.expr(a)?);
                }
                // The members' results join; a chain of tag tests picks the member.
                let mut result = Ty::Unknown;
                for f in members.iter() {
                    // (Only the types matter here: a bound method's instance is its first argument.)
                    let bound = self.p.defs[f.def].method == super::MethodKind::Instance;
                    let receiver = bound.then(|| Val { ty: f.env[0].clone(), h: callee.h });
                    let env: Vec<Val> = f.env.iter().map(|t| Val { ty: t.clone(), h: callee.h }).collect();
                    let args = self.bind_arguments(f.def, receiver, Some(positional.clone()), None, &env, span)?;
                    let mut key: Vec<Ty> = args.iter().map(|a| a.ty.clone()).collect();
                    key.extend(f.env.iter().skip(usize::from(bound)).cloned());
                    if key.iter().any(|t| !t.is_known()) {
                        for (k, f) in members.iter().enumerate() {
                            let _ = self.call_member(&callee, f, Some(k), Some(positional.clone()), call, span);
                        }
                        return self.unknown(span);
                    }
                    let inst = self.p.instance(f.def, key);
                    let ret = self.p.instances[inst].ret.clone();
                    match result.join(&ret) {
                        Some(t) => result = t,
                        None => {
                            return self.fail(Diagnostic::error(
                                format!("the functions called here return different types ({result} and {ret})"),
                                span,
                            ))
                        }
                    }
                }
                if result == Ty::Unknown {
                    // Still learning what the members return: call each to make its instance.
                    for (k, f) in members.iter().enumerate() {
                        let _ = self.call_member(&callee, f, Some(k), Some(positional.clone()), call, span);
                    }
                    return self.unknown(span);
                }
                let temp = (result != Ty::None).then(|| self.new_temp(&result, span));
                let tag = self.emit(Expression::TupleGet { tuple: callee.h, index: 0 }, span);
                let members: Vec<(usize, FuncTy)> = members.iter().cloned().enumerate().collect();
                let mut test = |cx: &mut Self, (k, _): &(usize, FuncTy)| {
                    let k = cx.lit(Literal::I64(*k as i64), span);
                    cx.emit(Expression::Compare { op: CompareOp::Eq, left: tag, right: k }, span)
                };
                self.case_chain(&members, span, &mut test, &mut |cx, (k, f)| {
                    // A failed call was reported; the other members are still lowered.
                    if let Ok(v) = cx.call_member(&callee, f, Some(*k), Some(positional.clone()), call, span) {
                        if let Some(t) = temp {
                            let v = cx.coerce(v, &result, span);
                            cx.push(Statement::Store { local: t, value: v.h }, span);
                        }
                    }
                    Ok(())
                })?;
                Ok(match temp {
                    Some(t) => self.load(t, result, span),
                    None => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
                })
            }
            _ => self.unknown(span),
        }
    }

    /// Calls function `f`, which is `callee` itself or (`member`) the member of union `callee`.
    fn call_member(
        &mut self,
        callee: &Val,
        f: &FuncTy,
        member: Option<usize>,
        evaluated: Option<Vec<Val>>,
        call: &ast::ExprCall,
        span: Span,
    ) -> Res<Val> {
        if self.p.defs[f.def].kernel {
            return self.launch(f.def, call, span);
        }
        let env_tuple = match member {
            None => callee.h,
            Some(k) => self.emit(Expression::TupleGet { tuple: callee.h, index: k as u32 + 1 }, span),
        };
        let mut env = Vec::with_capacity(f.env.len());
        for (i, ty) in f.env.iter().enumerate() {
            env.push(Val {
                ty: ty.clone(),
                h: self.emit(Expression::TupleGet { tuple: env_tuple, index: i as u32 }, span),
            });
        }
        // A bound method: its environment is the instance, its first argument.
        let receiver = (self.p.defs[f.def].method == super::MethodKind::Instance).then(|| env.remove(0));
        let call_syntax = evaluated.is_none().then_some(call);
        let args = self.bind_arguments(f.def, receiver, evaluated, call_syntax, &env, span)?;
        self.call_with_env(f.def, args, env, Some(call), span)
    }

    /// A function value seen as the wider type `target` (a union that has it as a member, or
    /// a union with more members).
    pub(crate) fn coerce_function(&mut self, value: Val, target: &Ty, span: Span) -> Val {
        let Ty::Funcs(targets) = target else { return value };
        let position = |f: &FuncTy| targets.iter().position(|t| f.join(t).as_ref() == Some(t));
        let zeros: Vec<kiln_ir::Handle<Expression>> = targets
            .iter()
            .map(|t| {
                let ty = Ty::Func(t.clone()).to_ir(&mut self.p.module);
                self.emit(Expression::Zero { ty }, span)
            })
            .collect();
        target.to_ir(&mut self.p.module);
        match &value.ty {
            Ty::Func(f) => {
                let Some(k) = position(f) else { return value };
                let tag = self.lit(Literal::I64(k as i64), span);
                let mut elems = vec![tag];
                elems.extend(zeros);
                elems[k + 1] = value.h;
                Val { ty: target.clone(), h: self.emit(Expression::TupleNew { elems }, span) }
            }
            Ty::Funcs(sources) => {
                // Renumber the tag and move each member's environment to its new slot.
                let old_tag = self.emit(Expression::TupleGet { tuple: value.h, index: 0 }, span);
                let mut tag = self.lit(Literal::I64(0), span);
                let mut elems = zeros;
                for (i, f) in sources.iter().enumerate() {
                    let Some(k) = position(f) else { return value };
                    let old = self.lit(Literal::I64(i as i64), span);
                    let new = self.lit(Literal::I64(k as i64), span);
                    let is = self.emit(Expression::Compare { op: CompareOp::Eq, left: old_tag, right: old }, span);
                    tag = self.emit(Expression::Select { condition: is, accept: new, reject: tag }, span);
                    elems[k] = self.emit(Expression::TupleGet { tuple: value.h, index: i as u32 + 1 }, span);
                }
                elems.insert(0, tag);
                Val { ty: target.clone(), h: self.emit(Expression::TupleNew { elems }, span) }
            }
            _ => value,
        }
    }
}
