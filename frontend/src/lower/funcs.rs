//! Functions as values: `key=len`, `key=lambda p: p[1]`, `map(f, xs)`.
//!
//! A function value is known at compile time: its type is `Ty::Func(def)` and it occupies no
//! storage (IR `None`). Passing one to a function makes an instance for that exact function, so
//! `key(x)` inside `sorted` is a direct call, as if written by hand. A lambda becomes an
//! anonymous `def` of its own; a builtin used as a value (`len`) becomes a one-line `def`
//! calling it. Lambdas that read the enclosing function's local variables would need closures,
//! which kiln does not have yet: that is a compile error.

use rustpython_parser::ast;
use rustpython_parser::text_size::TextRange;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;
use kiln_ir::{Literal, Span};

/// Builtins that may be used as values (each takes one argument).
const BUILTIN_VALUES: &[&str] = &["len", "abs", "str", "repr", "int", "float", "bool"];

impl FnCx<'_, '_> {
    pub(crate) fn func_value(&mut self, def: usize, span: Span) -> Val {
        Val { ty: Ty::Func(def), h: self.lit(Literal::None, span) }
    }

    /// The `def` a lambda stands for (made once per lambda).
    pub(crate) fn lambda_value(&mut self, lambda: &ast::ExprLambda, span: Span) -> Res<Val> {
        let key = (self.p.file, lambda.range.start().to_u32());
        if let Some(&def) = self.p.synthetic_defs.get(&key) {
            return Ok(self.func_value(def, span));
        }
        let params: std::collections::HashSet<String> =
            super::stmt::all_args(&lambda.args).map(|a| a.def.arg.to_string()).collect();
        let mut free = Vec::new();
        free_names(&lambda.body, &params, &mut free);
        if let Some(name) = free.iter().find(|n| self.is_local(n) || self.comp_vars.contains_key(*n)) {
            return self.fail(
                Diagnostic::error(
                    format!("kiln does not support lambdas that use local variables yet (`{name}`)"),
                    span,
                )
                .with_note("a lambda here may use its parameters and global names; pass other values as parameters"),
            );
        }
        let def = ast::StmtFunctionDef {
            range: lambda.range,
            name: "<lambda>".into(),
            args: lambda.args.clone(),
            body: vec![ast::Stmt::Return(ast::StmtReturn { range: lambda.range, value: Some(lambda.body.clone()) })],
            decorator_list: Vec::new(),
            returns: None,
            type_comment: None,
            type_params: Vec::new(),
        };
        let def = self.synthesize_def(def, key);
        Ok(self.func_value(def, span))
    }

    /// A builtin used as a value, when it can be one.
    pub(crate) fn builtin_value(&mut self, name: &str, range: TextRange, span: Span) -> Option<Val> {
        if !BUILTIN_VALUES.contains(&name) {
            return None;
        }
        let key = (u32::MAX, BUILTIN_VALUES.iter().position(|b| *b == name).unwrap_or(0) as u32);
        if let Some(&def) = self.p.synthetic_defs.get(&key) {
            return Some(self.func_value(def, span));
        }
        // def <name>(value): return <name>(value)
        let arg = ast::Arg { range, arg: "value".into(), annotation: None, type_comment: None };
        let args = ast::Arguments {
            range: Default::default(),
            posonlyargs: Vec::new(),
            args: vec![ast::ArgWithDefault { range: Default::default(), def: arg, default: None }],
            vararg: None,
            kwonlyargs: Vec::new(),
            kwarg: None,
        };
        let load =
            |id: &str| Box::new(ast::Expr::Name(ast::ExprName { range, id: id.into(), ctx: ast::ExprContext::Load }));
        let call = ast::Expr::Call(ast::ExprCall {
            range,
            func: load(name),
            args: vec![*load("value")],
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
        let def = self.synthesize_def(def, key);
        Some(self.func_value(def, span))
    }

    /// Registers a compiler-made `def`, not visible by name.
    fn synthesize_def(&mut self, def: ast::StmtFunctionDef, key: (u32, u32)) -> usize {
        // The definition must live as long as the program's syntax tree; a compilation makes
        // a handful of these, so they simply stay allocated.
        let def: &'static ast::StmtFunctionDef = Box::leak(Box::new(def));
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

    /// `f(args)` where `f` is a variable holding a function value.
    pub(crate) fn callee_def(&self, name: &str) -> Option<usize> {
        if let Some((_, ty)) = self.comp_vars.get(name) {
            return match ty {
                Ty::Func(def) => Some(*def),
                _ => None,
            };
        }
        match self.var_type(name)?.ty {
            Ty::Func(def) => Some(def),
            _ => None,
        }
    }
}

/// Names `e` reads that are not in `bound` (lambda parameters).
fn free_names(e: &ast::Expr, bound: &std::collections::HashSet<String>, out: &mut Vec<String>) {
    match e {
        ast::Expr::Name(n) => {
            if !bound.contains(n.id.as_str()) {
                out.push(n.id.to_string());
            }
        }
        ast::Expr::Lambda(l) => {
            let mut inner = bound.clone();
            inner.extend(super::stmt::all_args(&l.args).map(|a| a.def.arg.to_string()));
            free_names(&l.body, &inner, out);
        }
        other => super::par::for_each_child(other, |c| free_names(c, bound, out)),
    }
}
