//! The modules `random` and `sys`, the `math` functions beyond the IR's `MathFunction`s, and
//! the numeric builtins `round`, `divmod`, `pow` and `input`.

use kiln_ir::{CompareOp, ExceptionKind, Expression, Literal, RuntimeFn, Span};
use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

impl FnCx<'_, '_> {
    fn runtime_val(&mut self, function: RuntimeFn, args: Vec<Val>, ty: Ty, span: Span) -> Val {
        // The validator looks the result type up among the module's types.
        ty.to_ir(&mut self.p.module);
        let h = self.emit(Expression::RuntimeCall { function, args: args.iter().map(|a| a.h).collect() }, span);
        Val { ty, h }
    }

    pub(crate) fn args_of(
        &mut self,
        call: &ast::ExprCall,
        what: &str,
        min: usize,
        max: usize,
        span: Span,
    ) -> Res<Vec<Val>> {
        if let Some(k) = call.keywords.first() {
            let name = k.arg.as_deref().unwrap_or("**");
            return self.fail(Diagnostic::error(
                format!("{what}() got an unexpected keyword argument '{name}'"),
                self.span_of(k),
            ));
        }
        if call.args.len() < min || call.args.len() > max {
            let expected = if min == max { format!("exactly {min}") } else { format!("{min} to {max}") };
            return self.fail(Diagnostic::error(
                format!("{what}() takes {expected} arguments ({} given)", call.args.len()),
                span,
            ));
        }
        let mut out = Vec::new();
        for a in &call.args {
            out.push(self.expr(a)?);
        }
        Ok(out)
    }

    /// `random.<member>(...)`: CPython's Mersenne Twister, value for value.
    pub(crate) fn call_random(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let q = format!("random.{member}");
        match member {
            "seed" => {
                let args = self.args_of(call, &q, 0, 1, span)?;
                let none = Val { ty: Ty::None, h: self.lit(Literal::None, span) };
                match args.into_iter().next() {
                    None => Ok(self.runtime_val(RuntimeFn::RandomSeedEntropy, vec![], Ty::None, span)),
                    Some(v) if v.ty == Ty::None => {
                        self.runtime_val(RuntimeFn::RandomSeedEntropy, vec![], Ty::None, span);
                        Ok(none)
                    }
                    Some(v) => {
                        let v = self.expect_int(v, span, "random.seed() argument")?;
                        Ok(self.runtime_val(RuntimeFn::RandomSeed, vec![v], Ty::None, span))
                    }
                }
            }
            "random" => {
                self.args_of(call, &q, 0, 0, span)?;
                Ok(self.runtime_val(RuntimeFn::RandomRandom, vec![], Ty::Float, span))
            }
            "randint" => {
                let a = self.args_of(call, &q, 2, 2, span)?;
                let (x, y) = (
                    self.expect_int(a[0].clone(), span, "randint()")?,
                    self.expect_int(a[1].clone(), span, "randint()")?,
                );
                Ok(self.runtime_val(RuntimeFn::RandomRandint, vec![x, y], Ty::Int, span))
            }
            "randrange" => {
                let a = self.args_of(call, &q, 1, 3, span)?;
                let n = a.len() as i64;
                let mut ints = Vec::new();
                for v in a {
                    ints.push(self.expect_int(v, span, "randrange()")?);
                }
                while ints.len() < 3 {
                    ints.push(self.int(if ints.len() == 2 { 1 } else { 0 }, span));
                }
                ints.push(self.int(n, span));
                Ok(self.runtime_val(RuntimeFn::RandomRandrange, ints, Ty::Int, span))
            }
            "getrandbits" => {
                let a = self.args_of(call, &q, 1, 1, span)?;
                let k = self.expect_int(a[0].clone(), span, "getrandbits()")?;
                Ok(self.runtime_val(RuntimeFn::RandomGetrandbits, vec![k], Ty::Int, span))
            }
            "uniform" | "gauss" | "normalvariate" => {
                let a = self.args_of(call, &q, 2, 2, span)?;
                let (x, y) = (self.float_arg(a[0].clone(), span, &q)?, self.float_arg(a[1].clone(), span, &q)?);
                let f = match member {
                    "uniform" => RuntimeFn::RandomUniform,
                    "gauss" => RuntimeFn::RandomGauss,
                    _ => RuntimeFn::RandomNormalvariate,
                };
                Ok(self.runtime_val(f, vec![x, y], Ty::Float, span))
            }
            "expovariate" => {
                let a = self.args_of(call, &q, 1, 1, span)?;
                let x = self.float_arg(a[0].clone(), span, &q)?;
                Ok(self.runtime_val(RuntimeFn::RandomExpovariate, vec![x], Ty::Float, span))
            }
            "choice" | "shuffle" | "sample" => {
                if call.args.is_empty() || call.args.len() > 2 || !call.keywords.is_empty() {
                    return self.fail(Diagnostic::error(format!("{q}() takes 1 or 2 positional arguments"), span));
                }
                let mut args = Vec::new();
                for a in &call.args {
                    args.push(self.expr_iterable(a)?);
                }
                self.call_stdlib(&format!("random__{member}"), args, span)
            }
            _ => self.fail(
                Diagnostic::error(format!("module `random` has no function `{member}`"), span)
                    .with_note("kiln's random module does not have it yet, or it is misspelled"),
            ),
        }
    }

    /// `__kiln_randbelow(n)` for the prelude's `random` functions.
    pub(crate) fn randbelow(&mut self, n: Val, span: Span) -> Val {
        self.runtime_val(RuntimeFn::RandomRandbelow, vec![n], Ty::Int, span)
    }

    /// `sys.<member>(...)`.
    pub(crate) fn call_sys(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        match member {
            "exit" => {
                let args = self.args_of(call, "sys.exit", 0, 1, span)?;
                let code = match args.into_iter().next() {
                    None => self.int(0, span),
                    Some(v) if v.ty == Ty::None => self.int(0, span),
                    // `sys.exit("message")`: the message goes to stderr, the status is 1.
                    Some(v) if v.ty == Ty::Str => {
                        self.push(
                            kiln_ir::Statement::Raise { kind: ExceptionKind::SystemExit, message: Some(v.h) },
                            span,
                        );
                        return Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) });
                    }
                    Some(v) => self.expect_int(v, span, "sys.exit() code")?,
                };
                self.runtime_val(RuntimeFn::SystemExit, vec![code], Ty::Int, span);
                Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
            }
            _ => self.fail(Diagnostic::error(format!("kiln's sys module has no function `{member}` yet"), span)),
        }
    }

    /// `sys.argv`.
    pub(crate) fn sys_attribute(&mut self, member: &str, span: Span) -> Res<Val> {
        match member {
            "argv" => Ok(self.runtime_val(RuntimeFn::Argv, vec![], Ty::list(Ty::Str), span)),
            _ => self.fail(Diagnostic::error(format!("kiln's sys module has no attribute `{member}` yet"), span)),
        }
    }

    /// `math` functions that are runtime calls; `None` when `member` is not one of them.
    pub(crate) fn call_math_extra(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Option<Val>> {
        let q = format!("math.{member}");
        let int_fn = match member {
            "factorial" => Some((RuntimeFn::MathFactorial, 1)),
            "isqrt" => Some((RuntimeFn::MathIsqrt, 1)),
            "gcd" => Some((RuntimeFn::MathGcd, 2)),
            "lcm" => Some((RuntimeFn::MathLcm, 2)),
            "comb" => Some((RuntimeFn::MathComb, 2)),
            "perm" => Some((RuntimeFn::MathPerm, 2)),
            _ => None,
        };
        if let Some((f, n)) = int_fn {
            let args = self.args_of(call, &q, n, n, span)?;
            let mut ints = Vec::new();
            for v in args {
                ints.push(self.expect_int(v, span, &q)?);
            }
            return Ok(Some(self.runtime_val(f, ints, Ty::Int, span)));
        }
        let float_fn = match member {
            "erf" => Some((RuntimeFn::MathErf, 1)),
            "erfc" => Some((RuntimeFn::MathErfc, 1)),
            "gamma" => Some((RuntimeFn::MathGamma, 1)),
            "lgamma" => Some((RuntimeFn::MathLgamma, 1)),
            "fmod" => Some((RuntimeFn::MathFmod, 2)),
            "copysign" => Some((RuntimeFn::MathCopysign, 2)),
            _ => None,
        };
        if let Some((f, n)) = float_fn {
            let args = self.args_of(call, &q, n, n, span)?;
            let mut xs = Vec::new();
            for v in args {
                xs.push(self.float_arg(v, span, &q)?);
            }
            return Ok(Some(self.runtime_val(f, xs, Ty::Float, span)));
        }
        match member {
            "trunc" => {
                let args = self.args_of(call, &q, 1, 1, span)?;
                let v = args.into_iter().next().expect("one argument");
                match v.ty {
                    Ty::Int => Ok(Some(v)),
                    Ty::Bool => Ok(Some(self.cast(v, Ty::Int, span))),
                    _ => {
                        let x = self.float_arg(v, span, &q)?;
                        Ok(Some(self.runtime_val(RuntimeFn::MathTrunc, vec![x], Ty::Int, span)))
                    }
                }
            }
            "fsum" => {
                let args = self.args_of(call, &q, 1, 1, span)?;
                let v = args.into_iter().next().expect("one argument");
                let v = match v.ty.clone() {
                    Ty::List(e) if *e == Ty::Float => v,
                    Ty::List(e) if matches!(*e, Ty::Int | Ty::Bool) => self.call_stdlib("_floats", vec![v], span)?,
                    other => {
                        return self
                            .fail(Diagnostic::error(format!("kiln supports math.fsum of a list, not {other}"), span))
                    }
                };
                Ok(Some(self.runtime_val(RuntimeFn::MathFsum, vec![v], Ty::Float, span)))
            }
            "isclose" => {
                if call.args.len() != 2 {
                    return self.fail(Diagnostic::error("math.isclose() takes exactly 2 positional arguments", span));
                }
                let a = self.expr(&call.args[0])?;
                let b = self.expr(&call.args[1])?;
                let (a, b) = (self.float_arg(a, span, &q)?, self.float_arg(b, span, &q)?);
                let mut rel = Val { ty: Ty::Float, h: self.lit(Literal::F64(1e-9), span) };
                let mut abs = Val { ty: Ty::Float, h: self.lit(Literal::F64(0.0), span) };
                for k in &call.keywords {
                    let v = self.expr(&k.value)?;
                    let v = self.float_arg(v, span, &q)?;
                    match k.arg.as_deref() {
                        Some("rel_tol") => rel = v,
                        Some("abs_tol") => abs = v,
                        other => {
                            let name = other.unwrap_or("**");
                            return self.fail(Diagnostic::error(
                                format!("isclose() got an unexpected keyword argument '{name}'"),
                                span,
                            ));
                        }
                    }
                }
                Ok(Some(self.runtime_val(RuntimeFn::MathIsclose, vec![a, b, rel, abs], Ty::Bool, span)))
            }
            _ => Ok(None),
        }
    }

    /// `round(x)` / `round(x, n)`.
    pub(crate) fn builtin_round(&mut self, args: Vec<Val>, span: Span) -> Res<Val> {
        let mut it = args.into_iter();
        let x = it.next().expect("checked arity");
        let n = it.next().filter(|n| n.ty != Ty::None);
        match (x.ty.clone(), n) {
            (Ty::Float, None) => Ok(self.runtime_val(RuntimeFn::FloatRoundInt, vec![x], Ty::Int, span)),
            (Ty::Float, Some(n)) => {
                let n = self.expect_int(n, span, "round() ndigits")?;
                Ok(self.runtime_val(RuntimeFn::FloatRound, vec![x, n], Ty::Float, span))
            }
            (Ty::Int | Ty::Bool, None) => Ok(self.cast(x, Ty::Int, span)),
            (Ty::Int | Ty::Bool, Some(n)) => {
                let x = self.cast(x, Ty::Int, span);
                let n = self.expect_int(n, span, "round() ndigits")?;
                Ok(self.runtime_val(RuntimeFn::IntRound, vec![x, n], Ty::Int, span))
            }
            (Ty::Unknown, _) => self.unknown(span),
            (other, _) => self.fail(Diagnostic::error(format!("type {other} doesn't define __round__ method"), span)),
        }
    }

    /// `divmod(a, b)`: `(a // b, a % b)`.
    pub(crate) fn builtin_divmod(&mut self, args: Vec<Val>, span: Span) -> Res<Val> {
        let (a, b) = (args[0].clone(), args[1].clone());
        if a.ty == Ty::Float || b.ty == Ty::Float {
            // CPython's message for a float zero divisor here.
            let b = self.float_arg(b, span, "divmod")?;
            let zero = self.lit(Literal::F64(0.0), span);
            let is_zero = self.emit(Expression::Compare { op: CompareOp::Eq, left: b.h, right: zero }, span);
            self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "float divmod()", span);
            let q = self.binary(ast::Operator::FloorDiv, a.clone(), b.clone(), span)?;
            let r = self.binary(ast::Operator::Mod, a, b, span)?;
            return Ok(self.make_tuple(vec![q, r], span));
        }
        let q = self.binary(ast::Operator::FloorDiv, a.clone(), b.clone(), span)?;
        let r = self.binary(ast::Operator::Mod, a, b, span)?;
        Ok(self.make_tuple(vec![q, r], span))
    }

    /// `pow(a, b)` / `pow(a, b, m)`.
    pub(crate) fn builtin_pow(&mut self, args: Vec<Val>, span: Span) -> Res<Val> {
        if args.len() == 2 {
            return self.binary(ast::Operator::Pow, args[0].clone(), args[1].clone(), span);
        }
        let mut ints = Vec::new();
        for v in args {
            if !matches!(v.ty, Ty::Int | Ty::Bool) {
                return self
                    .fail(Diagnostic::error("pow() 3rd argument not allowed unless all arguments are integers", span));
            }
            ints.push(self.cast(v, Ty::Int, span));
        }
        Ok(self.runtime_val(RuntimeFn::IntPowMod, ints, Ty::Int, span))
    }

    /// `input()` / `input(prompt)`.
    pub(crate) fn builtin_input(&mut self, args: Vec<Val>, span: Span) -> Res<Val> {
        let prompt = match args.into_iter().next() {
            Some(v) => self.str_of(v, span)?,
            None => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
        };
        Ok(self.runtime_val(RuntimeFn::Input, vec![prompt], Ty::Str, span))
    }
}

impl FnCx<'_, '_> {
    /// `open(path, mode="r")`.
    pub(crate) fn builtin_open(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let mut path = None;
        let mut mode = None;
        for (i, a) in call.args.iter().enumerate() {
            let v = self.expr(a)?;
            match i {
                0 => path = Some(v),
                1 => mode = Some(v),
                _ => return self.fail(Diagnostic::error("kiln's open() takes a path and a mode", span)),
            }
        }
        for k in &call.keywords {
            let v = self.expr(&k.value)?;
            match k.arg.as_deref() {
                Some("mode") => mode = Some(v),
                Some("encoding")
                    if self
                        .literal_str(&v)
                        .is_some_and(|e| e.eq_ignore_ascii_case("utf-8") || e.eq_ignore_ascii_case("utf8")) => {}
                other => {
                    let name = other.unwrap_or("**");
                    return self.fail(Diagnostic::error(
                        format!("kiln's open() does not support `{name}=` yet"),
                        self.span_of(k),
                    ));
                }
            }
        }
        let Some(path) = path else {
            return self.fail(Diagnostic::error("open() missing required argument 'file'", span));
        };
        let path = self.expect_str_arg(path, "open() path", span)?;
        let mode = match mode {
            Some(m) => self.expect_str_arg(m, "open() mode", span)?,
            None => self.str_lit("r", span),
        };
        Ok(self.runtime_val(RuntimeFn::FileOpen, vec![path, mode], Ty::File, span))
    }

    fn expect_str_arg(&mut self, v: Val, what: &str, span: Span) -> Res<Val> {
        match v.ty {
            Ty::Str => Ok(v),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(Diagnostic::error(format!("{what} must be str, not {other}"), span)),
        }
    }

    /// Methods of files.
    pub(crate) fn file_method(&mut self, f: Val, method: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let (function, ty, nargs) = match method {
            "read" => (RuntimeFn::FileRead, Ty::Str, 0),
            "readline" => (RuntimeFn::FileReadline, Ty::Str, 0),
            "readlines" => (RuntimeFn::FileReadlines, Ty::list(Ty::Str), 0),
            "write" => (RuntimeFn::FileWrite, Ty::Int, 1),
            "close" => (RuntimeFn::FileClose, Ty::None, 0),
            _ => return self.fail(Diagnostic::error(format!("kiln's files have no method `{method}` yet"), span)),
        };
        let args = self.args_of(call, method, nargs, nargs, span)?;
        let mut all = vec![f];
        for a in args {
            all.push(self.expect_str_arg(a, "write() argument", span)?);
        }
        Ok(self.runtime_val(function, all, ty, span))
    }

    /// `for line in f:`: `readline` until it returns "".
    pub(crate) fn file_for(&mut self, s: &ast::StmtFor, file: Val, span: Span) -> Res<()> {
        let held = self.new_temp(&Ty::File, span);
        self.push(kiln_ir::Statement::Store { local: held, value: file.h }, span);
        let target_span = self.span_of(&*s.target);
        self.loop_stmt(span, &s.body, &s.orelse, false, |cx| {
            let f = cx.load(held, Ty::File, span);
            let line = cx.runtime_val(RuntimeFn::FileReadline, vec![f], Ty::Str, span);
            let len = cx.emit(Expression::Len { value: line.h }, span);
            let zero = cx.int(0, span);
            let done = cx.emit(Expression::Compare { op: CompareOp::Eq, left: len, right: zero.h }, span);
            let exit = cx.block(|cx| cx.push(kiln_ir::Statement::Break, span));
            cx.push(kiln_ir::Statement::If { condition: done, accept: exit, reject: kiln_ir::Block::new() }, span);
            cx.assign_target(&s.target, line, target_span)
        })
    }

    /// `with open(...) as f: body`: the file is closed when the body ends (an exception ends
    /// the program, which flushes every open file).
    pub(crate) fn with_stmt(&mut self, w: &ast::StmtWith, span: Span) -> Res<()> {
        let mut files = Vec::new();
        for item in &w.items {
            let is_open = matches!(&item.context_expr, ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "open"));
            if !is_open {
                return self.fail(Diagnostic::error(
                    "kiln supports `with` only for `open(...)` so far",
                    self.span_of(&item.context_expr),
                ));
            }
            let f = self.expr(&item.context_expr)?;
            let held = self.new_temp(&Ty::File, span);
            self.push(kiln_ir::Statement::Store { local: held, value: f.h }, span);
            if let Some(target) = &item.optional_vars {
                let v = self.load(held, Ty::File, span);
                self.assign_target(target, v, span)?;
            }
            files.push(held);
        }
        self.stmts(&w.body);
        if self.bound.is_some() {
            for held in files.into_iter().rev() {
                let f = self.load(held, Ty::File, span);
                self.runtime_val(RuntimeFn::FileClose, vec![f], Ty::None, span);
            }
        }
        Ok(())
    }
}
