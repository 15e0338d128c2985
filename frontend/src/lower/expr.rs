//! Expression lowering: operators with Python's typing rules, truthiness, strings, f-strings,
//! lists and indexing.

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::{Imported, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;
use kiln_ir::{
    BinaryOp, Block, CastKind, CompareOp, ExceptionKind, Expression, Literal, MathFunction, RuntimeFn, Scalar, Span,
    Statement, UnaryOp,
};
use rustpython_parser::ast;

/// The source text of a binary operator (`+`, `//`, ...).
pub(crate) fn op_symbol(op: ast::Operator) -> &'static str {
    use ast::Operator::*;
    match op {
        Add => "+",
        Sub => "-",
        Mult => "*",
        MatMult => "@",
        Div => "/",
        Mod => "%",
        Pow => "**",
        LShift => "<<",
        RShift => ">>",
        BitOr => "|",
        BitXor => "^",
        BitAnd => "&",
        FloorDiv => "//",
    }
}

/// Whether the source of a (non-raw) string literal escapes a UTF-16 surrogate (`\ud800`),
/// which the parser silently turns into U+FFFD.
fn has_surrogate_escape(source: &str, span: Span) -> bool {
    let text = source.get(span.start as usize..span.end as usize).unwrap_or("");
    let prefix: String = text.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if prefix.contains(['r', 'R']) {
        return false;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 5 < bytes.len() {
        if bytes[i] == b'\\' {
            let escape = &text[i + 1..];
            let hex = if escape.starts_with('u') {
                escape.get(1..5)
            } else if escape.starts_with('U') {
                escape.get(5..9).filter(|_| escape.get(1..5) == Some("0000"))
            } else {
                None
            };
            if let Some(code) = hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
                if (0xD800..=0xDFFF).contains(&code) {
                    return true;
                }
            }
            i += 2; // skip the escaped character (so `\\ud800` is not an escape)
            continue;
        }
        i += 1;
    }
    false
}

/// The operator with its operands swapped (`a < b` is `b > a`).
fn mirror(op: CompareOp) -> CompareOp {
    match op {
        CompareOp::Lt => CompareOp::Gt,
        CompareOp::Gt => CompareOp::Lt,
        CompareOp::Le => CompareOp::Ge,
        CompareOp::Ge => CompareOp::Le,
        other => other,
    }
}

fn cmp_symbol(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp::*;
    match op {
        Eq => "==",
        NotEq => "!=",
        Lt => "<",
        LtE => "<=",
        Gt => ">",
        GtE => ">=",
        Is => "is",
        IsNot => "is not",
        In => "in",
        NotIn => "not in",
    }
}

impl FnCx<'_, '_> {
    pub fn expr(&mut self, expr: &ast::Expr) -> Res<Val> {
        let v = self.expr_value(expr)?;
        if v.ty.maybe_inside() {
            let span = self.span_of(expr);
            self.reject_maybe_inside(&v.ty, span)?;
        }
        Ok(v)
    }

    fn expr_value(&mut self, expr: &ast::Expr) -> Res<Val> {
        let span = self.span_of(expr);
        match expr {
            ast::Expr::Constant(c) => self.constant(&c.value, span),
            ast::Expr::Name(n) => self.name_value(n.id.as_str(), span),
            ast::Expr::BinOp(b) => {
                let left = self.expr(&b.left)?;
                // `x ** -k` with a literal negative exponent is a float in Python.
                let right = self.expr(&b.right)?;
                self.binary(b.op, left, right, span)
            }
            ast::Expr::UnaryOp(u) => self.unary(u, span),
            ast::Expr::BoolOp(b) => self.bool_op(b, span),
            ast::Expr::Compare(c) => {
                let h = self.compare_chain(c, span)?;
                Ok(Val { ty: Ty::Bool, h })
            }
            ast::Expr::IfExp(e) => {
                let cond = self.condition(&e.test)?;
                // Decided by the types: only the branch that runs is compiled (the other may
                // not type, like `x.key` where `x` can only be None).
                if let Some(k) = self.known_bool(cond) {
                    return self.with_facts(&e.test, k, |cx| cx.expr(if k { &e.body } else { &e.orelse }));
                }
                let mut accept_val = None;
                let mut reject_val = None;
                let accept = self.with_facts(&e.test, true, |cx| cx.block(|cx| accept_val = Some(cx.expr(&e.body))));
                let reject = self.with_facts(&e.test, false, |cx| cx.block(|cx| reject_val = Some(cx.expr(&e.orelse))));
                let (a, r) = (accept_val.expect("set")?, reject_val.expect("set")?);
                let Some(ty) = a.ty.join_value(&r.ty) else {
                    return self.fail(
                        Diagnostic::error(format!("the two branches have types {} and {}", a.ty, r.ty), span)
                            .with_note("a kiln expression has one type"),
                    );
                };
                let tmp = self.new_temp(&ty, span);
                // Each branch converts its value (an instance to a base class, `None` to an
                // optional) inside its own block, where the value is visible.
                let in_branch = |cx: &mut Self, block: Block, v: Val| {
                    cx.blocks.push(block);
                    let v = cx.coerce(v, &ty, span);
                    cx.push(Statement::Store { local: tmp, value: v.h }, span);
                    cx.blocks.pop().unwrap_or_default()
                };
                let accept = in_branch(self, accept, a);
                let reject = in_branch(self, reject, r);
                self.push(Statement::If { condition: cond, accept, reject }, span);
                Ok(self.load(tmp, ty, span))
            }
            ast::Expr::Call(c) => self.call(c, span),
            ast::Expr::Attribute(a) => self.attribute(a, span),
            ast::Expr::Subscript(s) => {
                let mut base = self.expr(&s.value)?;
                if let Ty::Maybe(_) = base.ty {
                    let message = "'NoneType' object is not subscriptable";
                    base = self.maybe_unwrap(base, ExceptionKind::TypeError, message, span);
                }
                if matches!(base.ty, Ty::Tuple(_)) {
                    return self.tuple_subscript(base, &s.slice, span);
                }
                if let Ty::VarTuple(_) = base.ty {
                    return self.var_tuple_subscript(base, &s.slice, span);
                }
                if base.ty == Ty::ExceptionArgs {
                    if let ast::Expr::Slice(_) = &*s.slice {
                        return self.fail(Diagnostic::error("kiln does not support slicing `args` yet", span));
                    }
                    let index = self.index_value(&s.slice)?;
                    let items = Val { ty: Ty::list(Ty::Str), h: base.h };
                    return self.call_stdlib("_exc_args_item", vec![items, index], span);
                }
                if base.ty.class().is_some() {
                    let key = self.expr(&s.slice)?;
                    return self.call_dunder(base, "__getitem__", &[key], span);
                }
                if let ast::Expr::Slice(sl) = &*s.slice {
                    return self.slice(base, sl, span);
                }
                if let Ty::Dict(..) = base.ty {
                    let key = self.expr(&s.slice)?;
                    return self.dict_get(base, key, span);
                }
                let index = self.index_value(&s.slice)?;
                self.index_load(base, index, span)
            }
            ast::Expr::List(l) => self.list_literal(&l.elts, span),
            ast::Expr::JoinedStr(j) => self.fstring(&j.values, span),
            ast::Expr::Tuple(t) => self.tuple_literal(&t.elts, span),
            ast::Expr::Lambda(l) => self.lambda_value(l, span),
            ast::Expr::Yield(y) => self.yield_expr(y.value.as_deref(), span),
            ast::Expr::YieldFrom(y) => self.yield_from(&y.value, span),
            ast::Expr::Dict(d) => self.dict_literal(d, span),
            ast::Expr::Set(st) => self.set_literal(&st.elts, span),
            ast::Expr::ListComp(c) => self.list_comprehension(&c.elt, &c.generators, c.range, span),
            ast::Expr::GeneratorExp(g) => self.generator_expression(g, span),
            ast::Expr::SetComp(c) => self.comprehension(
                super::comprehension::Kind::Set,
                vec![(*c.elt).clone()],
                &c.generators,
                c.range,
                span,
            ),
            ast::Expr::DictComp(c) => self.comprehension(
                super::comprehension::Kind::Dict,
                vec![(*c.key).clone(), (*c.value).clone()],
                &c.generators,
                c.range,
                span,
            ),
            other => {
                let what = match other {
                    ast::Expr::Lambda(_) => "lambda expressions",
                    ast::Expr::Dict(_) => "dict literals",
                    ast::Expr::Set(_) => "set literals",
                    ast::Expr::ListComp(_) => "list comprehensions",
                    ast::Expr::SetComp(_) => "set comprehensions",
                    ast::Expr::DictComp(_) => "dict comprehensions",
                    ast::Expr::GeneratorExp(_) => "generator expressions",
                    ast::Expr::Await(_) => "`await`",
                    ast::Expr::NamedExpr(_) => "assignment expressions (`:=`)",
                    ast::Expr::Starred(_) => "starred expressions",
                    ast::Expr::Slice(_) => "slicing",
                    _ => "this expression",
                };
                self.fail(Diagnostic::error(format!("kiln does not support {what} yet"), span))
            }
        }
    }

    fn constant(&mut self, c: &ast::Constant, span: Span) -> Res<Val> {
        Ok(match c {
            ast::Constant::None => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
            ast::Constant::Bool(b) => self.bool_lit(*b, span),
            ast::Constant::Int(i) => match i64::try_from(i) {
                Ok(v) => self.int(v, span),
                Err(_) => {
                    return self.fail(
                        Diagnostic::error("integer literal too large", span)
                            .with_label("does not fit in 64 bits")
                            .with_note("kiln's int is a 64-bit integer (-9223372036854775808 to 9223372036854775807)"),
                    )
                }
            },
            ast::Constant::Float(f) => Val { ty: Ty::Float, h: self.lit(Literal::F64(*f), span) },
            ast::Constant::Str(s) => {
                if has_surrogate_escape(self.p.file_text(span.file), span) {
                    return self.fail(
                        Diagnostic::error("kiln does not support lone surrogates in strings", span)
                            .with_label("a \\uD800-\\uDFFF escape")
                            .with_note("kiln strings are UTF-8, which cannot hold a lone surrogate"),
                    );
                }
                self.str_lit(s, span)
            }
            ast::Constant::Bytes(_) => return self.fail(Diagnostic::error("kiln does not support bytes yet", span)),
            ast::Constant::Complex { .. } => {
                return self.fail(Diagnostic::error("kiln does not support complex numbers yet", span))
            }
            ast::Constant::Ellipsis => {
                return self.fail(Diagnostic::error("kiln does not support `...` as a value", span))
            }
            ast::Constant::Tuple(_) => {
                return self.fail(Diagnostic::error("kiln does not support tuples as values yet", span))
            }
        })
    }

    pub fn name_value(&mut self, name: &str, span: Span) -> Res<Val> {
        if let Some(v) = self.read_name(name, span)? {
            return Ok(v);
        }
        if let Some(module) = name.strip_prefix("<module ").and_then(|m| m.strip_suffix('>')) {
            return self.fail(
                Diagnostic::error(format!("kiln does not support using module `{module}` as a value yet"), span)
                    .with_note("use its names (`module.name`), which kiln resolves when it compiles"),
            );
        }
        if self.is_self_name(name) {
            if let Some(v) = self.sibling_closure(name, span)? {
                return Ok(v);
            }
        }
        if name == "__name__" {
            return Ok(self.str_lit("__main__", span));
        }
        if let Some(imported) = self.p.imports.get(name).cloned() {
            if let Imported::MathMember(member) = &imported {
                if let Some(v) = self.math_constant(member, span) {
                    return Ok(v);
                }
            }
            if let Imported::SysMember(member) = &imported {
                return self.sys_attribute(member, span);
            }
            return self.fail(Diagnostic::error(format!("kiln does not support using `{name}` as a value yet"), span));
        }
        if let Some(&def) = self.p.def_by_name.get(name) {
            return Ok(self.func_value(def, span));
        }
        if let Some(id) = self.class_named(name) {
            return self.class_value(id, span);
        }
        if let Some(v) = self.builtin_value(name, span_range(span), span) {
            return Ok(v);
        }
        if let Some(kind) = ExceptionKind::from_name(name) {
            return Ok(Val { ty: Ty::ExceptionClass(kind), h: self.lit(Literal::None, span) });
        }
        if super::call::LATER_BUILTINS.contains(&name) {
            return self.fail(Diagnostic::error(format!("kiln does not support the builtin `{name}` yet"), span));
        }
        if super::call::is_builtin(name) {
            return self.fail(Diagnostic::error(
                format!("kiln does not support using the builtin `{name}` as a value yet"),
                span,
            ));
        }
        self.fail(
            Diagnostic::error(format!("name `{}` is not defined", super::names::split_module(name).1), span)
                .with_label("not found in this scope"),
        )
    }

    pub fn math_constant(&mut self, name: &str, span: Span) -> Option<Val> {
        let value = match name {
            "pi" => std::f64::consts::PI,
            "e" => std::f64::consts::E,
            "tau" => std::f64::consts::TAU,
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            _ => return None,
        };
        Some(Val { ty: Ty::Float, h: self.lit(Literal::F64(value), span) })
    }

    fn attribute(&mut self, a: &ast::ExprAttribute, span: Span) -> Res<Val> {
        if let Some(path) = self.gpu_path(&ast::Expr::Attribute(a.clone())) {
            return self.gpu_attribute(&path, span);
        }
        if let ast::Expr::Name(n) = &*a.value {
            if self.read_name_is_module(n.id.as_str()) == Some(Imported::SysModule) {
                return self.sys_attribute(a.attr.as_str(), span);
            }
            if self.read_name_is_module(n.id.as_str()) == Some(Imported::MathModule) {
                if let Some(v) = self.math_constant(a.attr.as_str(), span) {
                    return Ok(v);
                }
                return self.fail(Diagnostic::error(format!("module `math` has no attribute `{}`", a.attr), span));
            }
        }
        if let ast::Expr::Call(c) = &*a.value {
            let is_type = matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "type" && self.read_name_is_module("type").is_none() && !self.is_local("type"));
            if is_type && a.attr.as_str() == "__name__" && c.args.len() == 1 && c.keywords.is_empty() {
                return self.type_name(&c.args[0], span);
            }
        }
        let base = self.expr(&a.value)?;
        let optional_exception = base.ty == Ty::Optional(Box::new(Ty::Exception));
        let exception = base.ty == Ty::Exception
            || optional_exception
            || base.ty.class().is_some_and(|c| self.p.is_exception_class(c.id()));
        if exception && matches!(a.attr.as_str(), "__cause__" | "__context__" | "__suppress_context__") {
            return self.exception_chain_attribute(base, a.attr.as_str(), span);
        }
        if exception && a.attr.as_str() == "__traceback__" {
            return self.fail(
                Diagnostic::error("kiln does not support `__traceback__` of exceptions yet", span)
                    .with_note("kiln keeps an exception's class, message, args, chain and traceback lines only"),
            );
        }
        match base.ty {
            Ty::Unknown => self.unknown(span),
            // `best.t` where `best = None` so far: a later assignment may make it an optional
            // instance, so inference goes on; the final walk reports what is left.
            Ty::None if !self.p.final_pass => self.unknown(span),
            Ty::Optional(ref inner) if **inner == Ty::Exception => {
                let base = self.non_null(base, a.attr.as_str(), span);
                self.exception_attribute(Val { ty: Ty::Exception, h: base.h }, a.attr.as_str(), span)
            }
            Ty::Object(_) | Ty::Optional(_) => self.object_attribute(base, a.attr.as_str(), span),
            Ty::Class(id) => self.class_attribute(id, a.attr.as_str(), span),
            Ty::Range if matches!(a.attr.as_str(), "start" | "stop" | "step") => {
                let i = ["start", "stop", "step"].iter().position(|n| *n == a.attr.as_str()).expect("matched");
                Ok(self.range_bounds(&base, span)[i].clone())
            }
            Ty::Exception => self.exception_attribute(base, a.attr.as_str(), span),
            _ => self.fail(Diagnostic::error(format!("'{}' object has no attribute '{}'", base.ty, a.attr), span)),
        }
    }

    /// An attribute of an exception value other than its chain.
    fn exception_attribute(&mut self, base: Val, attr: &str, span: Span) -> Res<Val> {
        match attr {
            "args" => {
                Ok(Val { ty: Ty::ExceptionArgs, h: self.emit(Expression::ExceptionArgs { exception: base.h }, span) })
            }
            _ => self.fail(Diagnostic::error(format!("'{}' object has no attribute '{attr}'", base.ty), span)),
        }
    }

    /// `e.__context__`, `e.__cause__` and `e.__suppress_context__` of an exception value, an
    /// optional one or an exception instance.
    fn exception_chain_attribute(&mut self, base: Val, attr: &str, span: Span) -> Res<Val> {
        let exc = match base.ty {
            Ty::Exception => base,
            Ty::Optional(ref inner) if **inner == Ty::Exception => {
                let v = self.non_null(base, attr, span);
                Val { ty: Ty::Exception, h: v.h }
            }
            // An instance that was never caught has no chain: the runtime takes None for it.
            _ => {
                let object = self.non_null(base, attr, span);
                self.caught_of(&object, span)?
            }
        };
        let optional = Ty::Optional(Box::new(Ty::Exception));
        let (function, ty) = match attr {
            "__context__" => (RuntimeFn::ExcContext, optional),
            "__cause__" => (RuntimeFn::ExcCause, optional),
            _ => (RuntimeFn::ExcSuppressContext, Ty::Bool),
        };
        ty.to_ir(&mut self.p.module);
        Ok(Val { ty, h: self.runtime(function, vec![exc.h], span) })
    }

    /// `type(value).__name__`.
    fn type_name(&mut self, value: &ast::Expr, span: Span) -> Res<Val> {
        let v = self.expr(value)?;
        let name = match &v.ty {
            Ty::Object(_) | Ty::Exception => {
                return Ok(Val { ty: Ty::Str, h: self.emit(Expression::TypeName { value: v.h }, span) })
            }
            Ty::Optional(_) => {
                let v = self.coerce(v.clone(), &v.ty, span);
                let is_none = self.is_none(&v, span);
                let none = self.str_lit("NoneType", span);
                let temp = self.new_temp(&Ty::Str, span);
                self.push(Statement::Store { local: temp, value: none.h }, span);
                let named = self.block(|cx| {
                    let n = cx.emit(Expression::TypeName { value: v.h }, span);
                    cx.push(Statement::Store { local: temp, value: n }, span);
                });
                self.push(Statement::If { condition: is_none, accept: Block::new(), reject: named }, span);
                return Ok(self.load(temp, Ty::Str, span));
            }
            Ty::Int => "int",
            Ty::Bool => "bool",
            Ty::Float => "float",
            Ty::Str => "str",
            Ty::None => "NoneType",
            Ty::List(_) => "list",
            Ty::Tuple(_) | Ty::VarTuple(_) => "tuple",
            Ty::Dict(..) => "dict",
            Ty::Set(_) => "set",
            Ty::Class(_) | Ty::ExceptionClass(_) => "type",
            Ty::Func(_) | Ty::Funcs(_) | Ty::Cell(_) => "function",
            Ty::Generator(_) => "generator",
            Ty::Unknown => return self.unknown(span),
            other => return self.fail(Diagnostic::error(format!("kiln does not support type() of {other}"), span)),
        };
        Ok(self.str_lit(name, span))
    }

    /// The imported module a name stands for, unless a variable shadows it.
    pub fn read_name_is_module(&self, name: &str) -> Option<Imported> {
        if self.is_local(name) || self.p.globals.contains_key(name) {
            return None;
        }
        self.p.imports.get(name).cloned()
    }

    // ----- conversions ------------------------------------------------------------------

    pub fn cast(&mut self, v: Val, to: Ty, span: Span) -> Val {
        if v.ty == to {
            return v;
        }
        let scalar = match to {
            Ty::Int => Scalar::I64,
            Ty::Float => Scalar::F64,
            Ty::Float32 => Scalar::F32,
            Ty::Bool => Scalar::BOOL,
            _ => unreachable!("casts are between numeric types"),
        };
        let h = self.emit(Expression::Cast { value: v.h, to: scalar, kind: CastKind::Convert }, span);
        Val { ty: to, h }
    }

    pub fn expect_int(&mut self, v: Val, span: Span, what: &str) -> Res<Val> {
        match v.ty {
            Ty::Int => Ok(v),
            Ty::Bool => Ok(self.cast(v, Ty::Int, span)),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(
                Diagnostic::error(format!("{what} must be an integer, not {other}"), span)
                    .with_label(format!("this is {other}")),
            ),
        }
    }

    /// Python truthiness as a `bool` value.
    pub fn truthy(&mut self, v: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        Ok(match v.ty {
            Ty::Bool => v.h,
            Ty::Int | Ty::Float | Ty::Float32 => self.cast(v, Ty::Bool, span).h,
            Ty::DeviceArray(_) | Ty::GpuArray(_) | Ty::GpuRow(_) => {
                return self.fail(Diagnostic::error(format!("kiln cannot test the truth of a {}", v.ty), span))
            }
            Ty::None => self.lit(Literal::Bool(false), span),
            Ty::Tuple(ref elems) => self.lit(Literal::Bool(!elems.is_empty()), span),
            Ty::Func(_)
            | Ty::Funcs(_)
            | Ty::Cell(_)
            | Ty::Generator(_)
            | Ty::File
            | Ty::Class(_)
            | Ty::ExceptionClass(_)
            | Ty::Exception => self.lit(Literal::Bool(true), span),
            Ty::Object(_) | Ty::Optional(_) => return self.object_truthy(v, span),
            Ty::Maybe(_) => return self.maybe_truthy(v, span),
            Ty::Dict(..) | Ty::Set(_) | Ty::ExceptionArgs => {
                let len = self.emit(Expression::Len { value: v.h }, span);
                let zero = self.lit(Literal::I64(0), span);
                self.emit(Expression::Compare { op: CompareOp::Ne, left: len, right: zero }, span)
            }
            Ty::Range => {
                let len = self.range_call("_range_len", &v, Vec::new(), span)?;
                let zero = self.lit(Literal::I64(0), span);
                self.emit(Expression::Compare { op: CompareOp::Ne, left: len.h, right: zero }, span)
            }
            Ty::Str | Ty::List(_) | Ty::VarTuple(_) => {
                let len = self.emit(Expression::Len { value: v.h }, span);
                let zero = self.lit(Literal::I64(0), span);
                self.emit(Expression::Compare { op: CompareOp::Ne, left: len, right: zero }, span)
            }
            Ty::Unknown => self.unknown(span)?.h,
        })
    }

    /// An expression in a condition (`if`, `while`, `not`, `assert`): only its truth matters,
    /// so `and`/`or` may mix operand types here.
    pub fn condition(&mut self, expr: &ast::Expr) -> Res<kiln_ir::Handle<Expression>> {
        let span = self.span_of(expr);
        match expr {
            ast::Expr::BoolOp(b) => {
                // Each operand is lowered knowing what the ones before it told (`v is not
                // None and v > 3`).
                let saved = self.not_none.clone();
                let result = self.condition_bool_op(b, span);
                self.not_none = saved;
                result
            }
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                let inner = self.condition(&u.operand)?;
                if let Some(k) = self.known_bool(inner) {
                    return Ok(self.lit(Literal::Bool(!k), span));
                }
                Ok(self.emit(Expression::Unary { op: UnaryOp::Not, arg: inner }, span))
            }
            _ => {
                let v = self.expr(expr)?;
                self.truthy(v, span)
            }
        }
    }

    /// The operands of a chain that goes on past an operand tell its facts for the rest.
    fn assume_operand(&mut self, e: &ast::Expr, is_and: bool) {
        let (t, f) = super::maybe::facts(e);
        self.assume_not_none(if is_and { t } else { f });
    }

    fn condition_bool_op(&mut self, b: &ast::ExprBoolOp, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        let is_and = b.op == ast::BoolOp::And;
        // Operands whose truth the types decide (`x is not None` where `x` can only be
        // None) fold: the decisive one ends the chain, so the operands after it (which
        // might not type, like `x.next` on None) are not compiled, as they never run.
        let mut values = &b.values[..];
        let first = loop {
            let h = self.condition(&values[0])?;
            self.assume_operand(&values[0], is_and);
            match self.known_bool(h) {
                Some(k) if k != is_and => return Ok(h),
                Some(_) if values.len() > 1 => values = &values[1..],
                _ => break h,
            }
        };
        if values.len() == 1 {
            return Ok(first);
        }
        let result = self.new_temp(&Ty::Bool, span);
        self.push(Statement::Store { local: result, value: first }, span);
        let mut eval = |cx: &mut Self, e: &ast::Expr| {
            let h = cx.condition(e)?;
            cx.assume_operand(e, is_and);
            Ok(h)
        };
        let decided = self.short_circuit(result, is_and, &values[1..], &mut eval, span)?;
        if decided {
            return Ok(self.lit(Literal::Bool(!is_and), span));
        }
        Ok(self.emit(Expression::Load(result), span))
    }

    /// The value of a condition when the types decide it (a `bool` literal).
    pub fn known_bool(&self, h: kiln_ir::Handle<Expression>) -> Option<bool> {
        match self.f.expressions.get(h) {
            Some(Expression::Literal(Literal::Bool(b))) => Some(*b),
            _ => None,
        }
    }

    /// Evaluates `rest` one by one while `result` says to go on (true for `and`, false for
    /// `or`), storing each value into `result`. Returns whether an operand's value is known
    /// to end the chain (then the whole result is known, and the operands after it are not
    /// compiled).
    fn short_circuit(
        &mut self,
        result: kiln_ir::Handle<kiln_ir::Local>,
        is_and: bool,
        rest: &[ast::Expr],
        eval: &mut dyn FnMut(&mut Self, &ast::Expr) -> Res<kiln_ir::Handle<Expression>>,
        span: Span,
    ) -> Res<bool> {
        let Some((next, tail)) = rest.split_first() else { return Ok(false) };
        let current = self.emit(Expression::Load(result), span);
        let go_on =
            if is_and { current } else { self.emit(Expression::Unary { op: UnaryOp::Not, arg: current }, span) };
        let mut outcome = Ok(false);
        let accept = self.block(|cx| {
            outcome = (|| {
                let v = eval(cx, next)?;
                cx.push(Statement::Store { local: result, value: v }, span);
                if cx.known_bool(v) == Some(!is_and) {
                    return Ok(true);
                }
                cx.short_circuit(result, is_and, tail, eval, span)
            })();
        });
        let decided = outcome?;
        self.push(Statement::If { condition: go_on, accept, reject: Block::new() }, span);
        Ok(decided)
    }

    /// `a and b` / `a or b` as a value: Python returns one of the operands, so they must share
    /// a type.
    fn bool_op(&mut self, b: &ast::ExprBoolOp, span: Span) -> Res<Val> {
        let is_and = b.op == ast::BoolOp::And;
        let last = b.values.len() - 1;
        // `or` gives an operand before the last only when it is true, so never None there:
        // `d.get(k) or 0` is an int.
        let chosen = |cx: &mut Self, v: &Val, i: usize| match &v.ty {
            Ty::Maybe(inner) if !is_and && i < last => {
                if cx.p.final_pass {
                    cx.maybe_value(v, span)
                } else {
                    Val { ty: (**inner).clone(), h: v.h }
                }
            }
            _ => v.clone(),
        };
        let first = self.expr(&b.values[0])?;
        let first_chosen = chosen(self, &first, 0);
        let result = self.new_temp(&first_chosen.ty, span);
        self.push(Statement::Store { local: result, value: first_chosen.h }, span);
        let flag = self.new_temp(&Ty::Bool, span);
        let t = self.truthy(first, span)?;
        self.push(Statement::Store { local: flag, value: t }, span);
        let mut operands = vec![first_chosen];
        let saved = self.not_none.clone();
        for (i, value) in b.values[1..].iter().enumerate() {
            self.assume_operand(&b.values[i], is_and);
            let current = self.emit(Expression::Load(flag), span);
            let go_on =
                if is_and { current } else { self.emit(Expression::Unary { op: UnaryOp::Not, arg: current }, span) };
            let mut outcome = Ok(());
            let accept = self.block(|cx| {
                outcome = cx.expr(value).and_then(|v| {
                    let c = chosen(cx, &v, i + 1);
                    cx.push(Statement::Store { local: result, value: c.h }, span);
                    let t = cx.truthy(v, span)?;
                    cx.push(Statement::Store { local: flag, value: t }, span);
                    operands.push(c);
                    Ok(())
                });
            });
            if let Err(e) = outcome {
                self.not_none = saved;
                return Err(e);
            }
            self.push(Statement::If { condition: go_on, accept, reject: Block::new() }, span);
        }
        self.not_none = saved;
        // Python returns one of the operands, so they must share a type (`[] or [1]` is fine:
        // the empty list takes the other's element type).
        let mut ty = Ty::Unknown;
        for v in &operands {
            match ty.join(&v.ty) {
                Some(t) => ty = t,
                None => {
                    let op = if is_and { "and" } else { "or" };
                    return self.fail(
                        Diagnostic::error(format!("operands of `{op}` have types {ty} and {}", v.ty), span).with_note(
                            format!("Python's `{op}` returns one of its operands, so kiln needs them to have one type"),
                        ),
                    );
                }
            }
        }
        for v in operands {
            // `xs or [1.5]` with `xs = []` tells `xs` its element type.
            self.learn(&v, &ty, span)?;
            self.coerce(v, &ty, span);
        }
        self.f.locals[result].ty = ty.to_ir(&mut self.p.module);
        Ok(self.load(result, ty, span))
    }

    // ----- operators --------------------------------------------------------------------

    fn unary(&mut self, u: &ast::ExprUnaryOp, span: Span) -> Res<Val> {
        if u.op == ast::UnaryOp::Not {
            let c = self.condition(&u.operand)?;
            return Ok(Val { ty: Ty::Bool, h: self.emit(Expression::Unary { op: UnaryOp::Not, arg: c }, span) });
        }
        // Fold `-<literal>` so that `-9223372036854775808` is accepted.
        if u.op == ast::UnaryOp::USub {
            if let ast::Expr::Constant(c) = &*u.operand {
                if let ast::Constant::Int(i) = &c.value {
                    if let Ok(v) = i64::try_from(&-i.clone()) {
                        return Ok(self.int(v, span));
                    }
                }
                if let ast::Constant::Float(f) = &c.value {
                    return Ok(Val { ty: Ty::Float, h: self.lit(Literal::F64(-f), span) });
                }
            }
        }
        let mut v = self.expr(&u.operand)?;
        if let Ty::Maybe(_) = v.ty {
            v = self.maybe_unary_operand(u.op, v, span);
        }
        let sym = match u.op {
            ast::UnaryOp::USub => "-",
            ast::UnaryOp::UAdd => "+",
            ast::UnaryOp::Invert => "~",
            ast::UnaryOp::Not => "not",
        };
        if v.ty.class().is_some() {
            let name = match u.op {
                ast::UnaryOp::USub => "__neg__",
                ast::UnaryOp::UAdd => "__pos__",
                _ => "__invert__",
            };
            if self.has_method(&v.ty, name) {
                return self.call_dunder(v, name, &[], span);
            }
        }
        match (u.op, &v.ty) {
            (_, Ty::Unknown) => self.unknown(span),
            (ast::UnaryOp::UAdd, Ty::Int | Ty::Float | Ty::Float32) => Ok(v),
            (ast::UnaryOp::UAdd, Ty::Bool) => Ok(self.cast(v, Ty::Int, span)),
            (ast::UnaryOp::USub, Ty::Int | Ty::Float | Ty::Float32 | Ty::Bool) => {
                let v = if v.ty == Ty::Bool { self.cast(v, Ty::Int, span) } else { v };
                let h = self.emit(Expression::Unary { op: UnaryOp::Neg, arg: v.h }, span);
                Ok(Val { ty: v.ty, h })
            }
            (ast::UnaryOp::Invert, Ty::Int | Ty::Bool) => {
                let v = self.cast(v, Ty::Int, span);
                Ok(Val { ty: Ty::Int, h: self.emit(Expression::Unary { op: UnaryOp::BitNot, arg: v.h }, span) })
            }
            (_, ty) => self.fail(Diagnostic::error(format!("bad operand type for unary {sym}: '{ty}'"), span)),
        }
    }

    pub fn binary(&mut self, op: ast::Operator, left: Val, right: Val, span: Span) -> Res<Val> {
        use ast::Operator as O;
        let (lt, rt) = (left.ty.clone(), right.ty.clone());
        if lt == Ty::Unknown || rt == Ty::Unknown {
            return self.unknown(span);
        }
        if matches!(lt, Ty::Maybe(_)) || matches!(rt, Ty::Maybe(_)) {
            return self.maybe_binary(op, left, right, false, span);
        }
        if lt.class().is_some() || rt.class().is_some() {
            if let Some(v) = self.object_binary(op, left.clone(), right.clone(), span)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.counter_binary(op, &left, &right, span)? {
            return Ok(v);
        }
        let type_error = |cx: &mut Self| -> Res<Val> {
            cx.fail(
                Diagnostic::error(
                    format!("unsupported operand type(s) for {}: '{lt}' and '{rt}'", op_symbol(op)),
                    span,
                )
                .with_label(format!("{lt} {} {rt}", op_symbol(op))),
            )
        };
        // Set operators.
        if let (Ty::Set(_), Ty::Set(_)) = (&lt, &rt) {
            let set_op = match op {
                O::BitOr => Some(kiln_ir::SetOp::Union),
                O::BitAnd => Some(kiln_ir::SetOp::Intersection),
                O::Sub => Some(kiln_ir::SetOp::Difference),
                O::BitXor => Some(kiln_ir::SetOp::SymmetricDifference),
                _ => None,
            };
            if let Some(set_op) = set_op {
                let Some(joined) = lt.join(&rt) else { return type_error(self) };
                // An empty `set()` operand learns its element type from the other one.
                let left = Val { ty: joined.clone(), h: self.coerce(left, &joined, span).h };
                let right = Val { ty: joined.clone(), h: self.coerce(right, &joined, span).h };
                return Ok(self.set_algebra(set_op, left, right, span));
            }
        }
        // Tuple concatenation and repetition (by a constant count).
        if let (Ty::Tuple(a), Ty::Tuple(b), O::Add) = (&lt, &rt, op) {
            let mut values: Vec<Val> = (0..a.len()).map(|i| self.tuple_get(&left, i, span)).collect();
            values.extend((0..b.len()).map(|i| self.tuple_get(&right, i, span)));
            return Ok(self.make_tuple(values, span));
        }
        if let (Ty::Tuple(a), Ty::Int | Ty::Bool, O::Mult) = (&lt, &rt, op) {
            let Some(Expression::Literal(Literal::I64(n))) = self.f.expressions.get(right.h).cloned() else {
                return self.fail(Diagnostic::error("kiln needs a constant count to repeat a tuple", span));
            };
            let mut values = Vec::new();
            for _ in 0..n.max(0) {
                values.extend((0..a.len()).map(|i| self.tuple_get(&left, i, span)));
            }
            return Ok(self.make_tuple(values, span));
        }
        // `"template" % values`: a literal template is compiled, a computed one formatted at
        // run time.
        if lt == Ty::Str && op == O::Mod {
            return match self.literal_str(&left) {
                Some(template) => self.percent_format(&template, right, span),
                None => self.percent_format_dynamic(left, right, span),
            };
        }
        // Strings and lists.
        match (&lt, &rt, op) {
            (Ty::Str, Ty::Str, O::Add) => {
                let h = self.emit(
                    Expression::RuntimeCall { function: RuntimeFn::StrConcat, args: vec![left.h, right.h] },
                    span,
                );
                return Ok(Val { ty: Ty::Str, h });
            }
            (Ty::List(_), Ty::List(_), O::Add) => {
                let Some(ty) = lt.join(&rt) else { return type_error(self) };
                let l = self.coerce(left, &ty, span);
                let r = self.coerce(right, &ty, span);
                let h = self.emit(Expression::ListConcat { left: l.h, right: r.h }, span);
                return Ok(Val { ty, h });
            }
            (Ty::List(_), Ty::Int | Ty::Bool, O::Mult) | (Ty::Int | Ty::Bool, Ty::List(_), O::Mult) => {
                let (list, count) = if matches!(lt, Ty::List(_)) { (left, right) } else { (right, left) };
                let count = self.cast(count, Ty::Int, span);
                let h = self.emit(Expression::ListRepeat { list: list.h, count: count.h }, span);
                return Ok(Val { ty: list.ty, h });
            }
            (Ty::Str, Ty::Int | Ty::Bool, O::Mult) | (Ty::Int | Ty::Bool, Ty::Str, O::Mult) => {
                let (text, count) = if lt == Ty::Str { (left, right) } else { (right, left) };
                let count = self.cast(count, Ty::Int, span);
                let h = self.emit(
                    Expression::RuntimeCall { function: RuntimeFn::StrRepeat, args: vec![text.h, count.h] },
                    span,
                );
                return Ok(Val { ty: Ty::Str, h });
            }
            _ => {}
        }
        if !lt.is_numeric() || !rt.is_numeric() || op == O::MatMult {
            return type_error(self);
        }
        let bitwise = matches!(op, O::BitAnd | O::BitOr | O::BitXor);
        // bool & bool stays bool.
        if bitwise && lt == Ty::Bool && rt == Ty::Bool {
            let ir_op = match op {
                O::BitAnd => BinaryOp::BitAnd,
                O::BitOr => BinaryOp::BitOr,
                _ => BinaryOp::BitXor,
            };
            let h = self.emit(Expression::Binary { op: ir_op, left: left.h, right: right.h }, span);
            return Ok(Val { ty: Ty::Bool, h });
        }
        let is_float = lt == Ty::Float || rt == Ty::Float;
        let is_float32 = lt == Ty::Float32 || rt == Ty::Float32;
        if (is_float || is_float32) && (bitwise || matches!(op, O::LShift | O::RShift)) {
            return type_error(self);
        }
        if is_float32 {
            // An operation with a float32 operand gives a float32 (rounded each time).
            return Ok(self.float_op(op, left, right, Ty::Float32, span));
        }
        // Int true division: CPython's message differs from float division's. GPU code
        // divides in doubles (exact for operands within ±2**53; documented).
        if op == O::Div && !is_float && self.in_gpu_code() {
            let l = self.cast(left, Ty::Float, span);
            let r = self.cast(right, Ty::Float, span);
            let zero = self.lit(Literal::F64(0.0), span);
            let is_zero = self.emit(Expression::Compare { op: CompareOp::Eq, left: r.h, right: zero }, span);
            self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "division by zero", span);
            let h = self.emit(Expression::Binary { op: BinaryOp::Div, left: l.h, right: r.h }, span);
            return Ok(Val { ty: Ty::Float, h });
        }
        if op == O::Div && !is_float {
            let l = self.cast(left, Ty::Int, span);
            let r = self.cast(right, Ty::Int, span);
            let zero = self.lit(Literal::I64(0), span);
            let is_zero = self.emit(Expression::Compare { op: CompareOp::Eq, left: r.h, right: zero }, span);
            self.raise_if(is_zero, ExceptionKind::ZeroDivisionError, "division by zero", span);
            // Operands within ±2**53 convert exactly, so one float division rounds once, as
            // CPython's does; larger ones need the runtime's exact algorithm.
            let h = self.exact_or_runtime(
                &[l.clone(), r.clone()],
                Ty::Float,
                |cx| {
                    let lf = cx.cast(l.clone(), Ty::Float, span);
                    let rf = cx.cast(r.clone(), Ty::Float, span);
                    cx.emit(Expression::Binary { op: BinaryOp::Div, left: lf.h, right: rf.h }, span)
                },
                |cx| cx.emit(Expression::RuntimeCall { function: RuntimeFn::IntTrueDiv, args: vec![l.h, r.h] }, span),
                span,
            );
            return Ok(Val { ty: Ty::Float, h });
        }
        // `int ** negative int` is a float in Python; kiln knows that only for literal exponents.
        if op == O::Pow && !is_float {
            if let Some(Expression::Literal(Literal::I64(e))) = self.f.expressions.get(right.h) {
                if *e < 0 {
                    let l = self.cast(left, Ty::Float, span);
                    let r = self.cast(right, Ty::Float, span);
                    let h = self.emit(Expression::Binary { op: BinaryOp::Pow, left: l.h, right: r.h }, span);
                    return Ok(Val { ty: Ty::Float, h });
                }
            }
        }
        let ty = if is_float || op == O::Div { Ty::Float } else { Ty::Int };
        let l = self.cast(left, ty.clone(), span);
        let r = self.cast(right, ty.clone(), span);
        let ir_op = match op {
            O::Add => BinaryOp::Add,
            O::Sub => BinaryOp::Sub,
            O::Mult => BinaryOp::Mul,
            O::Div => BinaryOp::Div,
            O::FloorDiv => BinaryOp::FloorDiv,
            O::Mod => BinaryOp::Mod,
            O::Pow => BinaryOp::Pow,
            O::LShift => BinaryOp::Shl,
            O::RShift => BinaryOp::Shr,
            O::BitAnd => BinaryOp::BitAnd,
            O::BitOr => BinaryOp::BitOr,
            O::BitXor => BinaryOp::BitXor,
            O::MatMult => unreachable!("rejected above"),
        };
        let h = self.emit(Expression::Binary { op: ir_op, left: l.h, right: r.h }, span);
        Ok(Val { ty, h })
    }

    /// `left op right` on floats of type `ty` (both operands converted to it).
    fn float_op(&mut self, op: ast::Operator, left: Val, right: Val, ty: Ty, span: Span) -> Val {
        use ast::Operator as O;
        let ir_op = match op {
            O::Add => BinaryOp::Add,
            O::Sub => BinaryOp::Sub,
            O::Mult => BinaryOp::Mul,
            O::Div => BinaryOp::Div,
            O::FloorDiv => BinaryOp::FloorDiv,
            O::Mod => BinaryOp::Mod,
            _ => BinaryOp::Pow,
        };
        let l = self.cast(left, ty.clone(), span);
        let r = self.cast(right, ty.clone(), span);
        Val { ty, h: self.emit(Expression::Binary { op: ir_op, left: l.h, right: r.h }, span) }
    }

    /// `a < b < c` evaluates `b` once and stops at the first false comparison.
    fn compare_chain(&mut self, c: &ast::ExprCompare, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        if c.ops.len() == 1 {
            if let Some(h) = self.type_compare(c.ops[0], &c.left, &c.comparators[0], span)? {
                return Ok(h);
            }
        }
        let left = self.expr(&c.left)?;
        if c.ops.len() == 1 {
            let right = self.expr(&c.comparators[0])?;
            return self.compare(c.ops[0], left, right, span);
        }
        let result = self.new_temp(&Ty::Bool, span);
        self.compare_rest(result, left, &c.ops, &c.comparators, span)?;
        Ok(self.emit(Expression::Load(result), span))
    }

    fn compare_rest(
        &mut self,
        result: kiln_ir::Handle<kiln_ir::Local>,
        left: Val,
        ops: &[ast::CmpOp],
        comparators: &[ast::Expr],
        span: Span,
    ) -> Res<()> {
        let right = self.expr(&comparators[0])?;
        let r = self.compare(ops[0], left, right.clone(), span)?;
        self.push(Statement::Store { local: result, value: r }, span);
        if ops.len() > 1 {
            let mut outcome = Ok(());
            let accept = self.block(|cx| outcome = cx.compare_rest(result, right, &ops[1..], &comparators[1..], span));
            outcome?;
            self.push(Statement::If { condition: r, accept, reject: Block::new() }, span);
        }
        Ok(())
    }

    pub fn compare(&mut self, op: ast::CmpOp, left: Val, right: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        use ast::CmpOp as C;
        let (lt, rt) = (left.ty.clone(), right.ty.clone());
        if lt == Ty::Unknown || rt == Ty::Unknown {
            return Ok(self.unknown(span)?.h);
        }
        if matches!(lt, Ty::Maybe(_)) || matches!(rt, Ty::Maybe(_)) {
            return self.maybe_compare(op, left, right, span);
        }
        if lt.class().is_some() || rt.class().is_some() {
            if matches!(op, C::Is | C::IsNot) {
                let same = self.identity(left, right, span)?;
                return Ok(if op == C::Is {
                    same
                } else {
                    self.emit(Expression::Unary { op: UnaryOp::Not, arg: same }, span)
                });
            }
            if let Some(h) = self.object_compare(op, left.clone(), right.clone(), span)? {
                return Ok(h);
            }
        }
        if lt == Ty::Range && rt == Ty::Range && matches!(op, C::Eq | C::NotEq) {
            let other = self.range_bounds(&right, span).to_vec();
            let same = self.range_call("_range_eq", &left, other, span)?;
            return Ok(if op == C::Eq { same.h } else { self.negate(same.h, span) });
        }
        let ir_op = match op {
            C::Eq => CompareOp::Eq,
            C::NotEq => CompareOp::Ne,
            C::Lt => CompareOp::Lt,
            C::LtE => CompareOp::Le,
            C::Gt => CompareOp::Gt,
            C::GtE => CompareOp::Ge,
            C::Is | C::IsNot => {
                // Only `is None` is meaningful for kiln's value types.
                let same = match (&lt, &rt) {
                    (Ty::None, Ty::None) => true,
                    (Ty::Optional(_), Ty::None) | (Ty::None, Ty::Optional(_)) => {
                        let optional = if matches!(lt, Ty::Optional(_)) { &left } else { &right };
                        let is_none = self.is_none(optional, span);
                        return Ok(if op == C::Is { is_none } else { self.negate(is_none, span) });
                    }
                    (Ty::None, _) | (_, Ty::None) => false,
                    // Lists, dicts and sets are references: `a is b` when both name one.
                    (Ty::List(_), Ty::List(_)) | (Ty::Dict(..), Ty::Dict(..)) | (Ty::Set(_), Ty::Set(_))
                        if lt.join(&rt).is_some() =>
                    {
                        let joined = lt.join(&rt).expect("checked");
                        let l = self.coerce(left, &joined, span);
                        let r = self.coerce(right, &joined, span);
                        let same = self.emit(Expression::SameObject { left: l.h, right: r.h }, span);
                        return Ok(if op == C::Is {
                            same
                        } else {
                            self.emit(Expression::Unary { op: UnaryOp::Not, arg: same }, span)
                        });
                    }
                    _ => {
                        return self.fail(
                            Diagnostic::error("kiln supports `is` only for comparisons with None", span)
                                .with_note("use `==` to compare values"),
                        )
                    }
                };
                return Ok(self.lit(Literal::Bool(same == (op == C::Is)), span));
            }
            C::In | C::NotIn => return self.contains(op == C::In, left, right, span),
        };
        if (lt == Ty::Int && rt == Ty::Float) || (lt == Ty::Float && rt == Ty::Int) {
            return Ok(self.int_float_compare(ir_op, left, right, span));
        }
        if lt.is_numeric() && rt.is_numeric() {
            // float32 is a float: compared with a float, as floats (exactly).
            let ty = if lt == Ty::Float || rt == Ty::Float {
                Ty::Float
            } else if lt == Ty::Float32 || rt == Ty::Float32 {
                Ty::Float32
            } else if lt == Ty::Bool && rt == Ty::Bool {
                Ty::Bool
            } else {
                Ty::Int
            };
            let (l, r) = if ty == Ty::Bool {
                let l = self.cast(left, Ty::Int, span);
                (l, self.cast(right, Ty::Int, span))
            } else {
                let l = self.cast(left, ty.clone(), span);
                (l, self.cast(right, ty, span))
            };
            return Ok(self.emit(Expression::Compare { op: ir_op, left: l.h, right: r.h }, span));
        }
        match (&lt, &rt) {
            (Ty::Str, Ty::Str) => Ok(self.str_compare(ir_op, left.h, right.h, span)),
            (Ty::None, Ty::None) if matches!(ir_op, CompareOp::Eq | CompareOp::Ne) => {
                Ok(self.lit(Literal::Bool(ir_op == CompareOp::Eq), span))
            }
            (Ty::Dict(..), Ty::Dict(..)) if matches!(ir_op, CompareOp::Eq | CompareOp::Ne) => {
                if let Some(r) = self.counter_eq(&left, &right, span)? {
                    return Ok(if ir_op == CompareOp::Ne { self.negate(r.h, span) } else { r.h });
                }
                // Empty dicts whose types are still open compare like any others.
                let (lt, rt) = (left.ty.or_int(), right.ty.or_int());
                let left = Val { ty: lt.clone(), h: self.coerce(left, &lt, span).h };
                let right = Val { ty: rt.clone(), h: self.coerce(right, &rt, span).h };
                let r = self.call_stdlib("_dict_eq", vec![left, right], span)?;
                Ok(if ir_op == CompareOp::Ne { self.negate(r.h, span) } else { r.h })
            }
            // Containers compare element by element (so `(1, 2) == (1.0, 2.0)`).
            (Ty::Tuple(_), Ty::Tuple(_)) => self.tuple_compare(ir_op, left, right, span),
            // A tuple of run-time length compares as the list of its items with another tuple.
            (Ty::VarTuple(e), Ty::VarTuple(_) | Ty::Tuple(_)) | (Ty::Tuple(_), Ty::VarTuple(e)) => {
                let e = (**e).clone();
                let l = self.tuple_items(left, &e, span)?;
                let r = self.tuple_items(right, &e, span)?;
                self.compare(op, l, r, span)
            }
            (Ty::List(_), Ty::List(_)) => {
                let name = match ir_op {
                    CompareOp::Eq | CompareOp::Ne => "_list_eq",
                    CompareOp::Lt => "_list_lt",
                    CompareOp::Le => "_list_le",
                    CompareOp::Gt => "_list_gt",
                    CompareOp::Ge => "_list_ge",
                };
                let r = self.call_stdlib(name, vec![left, right], span)?;
                Ok(if ir_op == CompareOp::Ne {
                    self.emit(Expression::Unary { op: UnaryOp::Not, arg: r.h }, span)
                } else {
                    r.h
                })
            }
            _ if matches!(ir_op, CompareOp::Eq | CompareOp::Ne) && lt.join(&rt).is_none() => {
                // Values of unrelated types are never equal in Python.
                Ok(self.lit(Literal::Bool(ir_op == CompareOp::Ne), span))
            }
            (Ty::Set(_), Ty::Set(_)) => {
                use kiln_ir::SetOp as S;
                let (op, l, r, negate) = match ir_op {
                    CompareOp::Eq => (S::Equal, left, right, false),
                    CompareOp::Ne => (S::Equal, left, right, true),
                    CompareOp::Le => (S::IsSubset, left, right, false),
                    CompareOp::Ge => (S::IsSubset, right, left, false),
                    // A proper subset: a subset that is not equal.
                    CompareOp::Lt | CompareOp::Gt => {
                        let (small, big) = if ir_op == CompareOp::Lt { (left, right) } else { (right, left) };
                        let sub = self.set_algebra(S::IsSubset, small.clone(), big.clone(), span);
                        let eq = self.set_algebra(S::Equal, small, big, span);
                        let ne = self.negate(eq.h, span);
                        return Ok(self.emit(Expression::Binary { op: BinaryOp::BitAnd, left: sub.h, right: ne }, span));
                    }
                };
                let r = self.set_algebra(op, l, r, span).h;
                Ok(if negate { self.negate(r, span) } else { r })
            }
            _ => self.fail(Diagnostic::error(
                format!("'{}' not supported between instances of '{lt}' and '{rt}'", cmp_symbol(op)),
                span,
            )),
        }
    }

    /// Emits `fast` when every int in `ints` is within ±2**53 (where conversion to float is
    /// exact) and `slow` otherwise, choosing at compile time when the ints are literals.
    fn exact_or_runtime(
        &mut self,
        ints: &[Val],
        ty: Ty,
        fast: impl FnOnce(&mut Self) -> kiln_ir::Handle<Expression>,
        slow: impl FnOnce(&mut Self) -> kiln_ir::Handle<Expression>,
        span: Span,
    ) -> kiln_ir::Handle<Expression> {
        const EXACT: i64 = 1 << 53;
        // GPU code has no runtime: it converts (exact within ±2**53, documented).
        if self.in_gpu_code() {
            return fast(self);
        }
        let mut checks = Vec::new();
        for v in ints {
            match self.f.expressions.get(v.h) {
                Some(Expression::Literal(Literal::I64(x))) if x.unsigned_abs() <= EXACT as u64 => {}
                Some(Expression::Literal(Literal::I64(_))) => return slow(self),
                _ => checks.push(v.h),
            }
        }
        if checks.is_empty() {
            return fast(self);
        }
        let mut all = None;
        for h in checks {
            let lo = self.lit(Literal::I64(-EXACT), span);
            let hi = self.lit(Literal::I64(EXACT), span);
            let ge = self.emit(Expression::Compare { op: CompareOp::Ge, left: h, right: lo }, span);
            let le = self.emit(Expression::Compare { op: CompareOp::Le, left: h, right: hi }, span);
            let ok = self.emit(Expression::Binary { op: BinaryOp::BitAnd, left: ge, right: le }, span);
            all = Some(match all {
                None => ok,
                Some(prev) => self.emit(Expression::Binary { op: BinaryOp::BitAnd, left: prev, right: ok }, span),
            });
        }
        let result = self.new_temp(&ty, span);
        let accept = self.block(|cx| {
            let v = fast(cx);
            cx.push(Statement::Store { local: result, value: v }, span);
        });
        let reject = self.block(|cx| {
            let v = slow(cx);
            cx.push(Statement::Store { local: result, value: v }, span);
        });
        self.push(Statement::If { condition: all.expect("at least one check"), accept, reject }, span);
        self.emit(Expression::Load(result), span)
    }

    /// `int <op> float` compared exactly, as CPython does (the int is not rounded first).
    fn int_float_compare(&mut self, op: CompareOp, left: Val, right: Val, span: Span) -> kiln_ir::Handle<Expression> {
        let int_on_left = left.ty == Ty::Int;
        let (i, f) = if int_on_left { (left, right) } else { (right, left) };
        self.exact_or_runtime(
            std::slice::from_ref(&i),
            Ty::Bool,
            |cx| {
                let fi = cx.cast(i.clone(), Ty::Float, span);
                let (l, r) = if int_on_left { (fi.h, f.h) } else { (f.h, fi.h) };
                cx.emit(Expression::Compare { op, left: l, right: r }, span)
            },
            |cx| {
                // cmp is the order of the int relative to the float (2: unordered).
                let cmp =
                    cx.emit(Expression::RuntimeCall { function: RuntimeFn::IntFloatCmp, args: vec![i.h, f.h] }, span);
                let op = if int_on_left { op } else { mirror(op) };
                let want = |cx: &mut Self, v: i64, cmp_op: CompareOp| {
                    let k = cx.lit(Literal::I64(v), span);
                    cx.emit(Expression::Compare { op: cmp_op, left: cmp, right: k }, span)
                };
                match op {
                    CompareOp::Eq => want(cx, 0, CompareOp::Eq),
                    CompareOp::Ne => want(cx, 0, CompareOp::Ne),
                    CompareOp::Lt => want(cx, -1, CompareOp::Eq),
                    CompareOp::Gt => want(cx, 1, CompareOp::Eq),
                    CompareOp::Le => want(cx, 0, CompareOp::Le),
                    CompareOp::Ge => {
                        let ge = want(cx, 0, CompareOp::Ge);
                        let ordered = want(cx, 2, CompareOp::Ne);
                        cx.emit(Expression::Binary { op: BinaryOp::BitAnd, left: ge, right: ordered }, span)
                    }
                }
            },
            span,
        )
    }

    fn str_compare(
        &mut self,
        op: CompareOp,
        l: kiln_ir::Handle<Expression>,
        r: kiln_ir::Handle<Expression>,
        span: Span,
    ) -> kiln_ir::Handle<Expression> {
        match op {
            CompareOp::Eq | CompareOp::Ne => {
                let eq = self.emit(Expression::RuntimeCall { function: RuntimeFn::StrEq, args: vec![l, r] }, span);
                if op == CompareOp::Eq {
                    eq
                } else {
                    self.emit(Expression::Unary { op: UnaryOp::Not, arg: eq }, span)
                }
            }
            _ => {
                let c = self.emit(Expression::RuntimeCall { function: RuntimeFn::StrCmp, args: vec![l, r] }, span);
                let zero = self.lit(Literal::I64(0), span);
                self.emit(Expression::Compare { op, left: c, right: zero }, span)
            }
        }
    }

    /// `x in list`: a linear scan with `==`.
    fn contains(&mut self, positive: bool, item: Val, container: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        if container.ty.class().is_some() && self.has_method(&container.ty, "__contains__") {
            let v = self.call_dunder(container, "__contains__", &[item], span)?;
            let r = self.truthy(v, span)?;
            return Ok(if positive { r } else { self.negate(r, span) });
        }
        let container = match container.ty {
            Ty::VarTuple(e) => Val { ty: Ty::List(e), h: container.h },
            _ => container,
        };
        if let Ty::Tuple(_) = container.ty {
            let r = self.tuple_contains(item, container, span)?;
            return Ok(if positive { r } else { self.emit(Expression::Unary { op: UnaryOp::Not, arg: r }, span) });
        }
        if let Ty::Str = container.ty {
            let r = self.str_contains(item, container, span)?;
            return Ok(if positive { r } else { self.negate(r, span) });
        }
        if let Ty::Dict(..) | Ty::Set(_) = container.ty {
            let r = self.container_contains(item, container, span)?;
            return Ok(if positive { r } else { self.negate(r, span) });
        }
        if container.ty == Ty::Range && matches!(item.ty, Ty::Int | Ty::Bool) {
            let item = self.cast(item, Ty::Int, span);
            let r = self.range_call("_range_contains", &container, vec![item], span)?;
            return Ok(if positive { r.h } else { self.negate(r.h, span) });
        }
        let Ty::List(elem) = container.ty.clone() else {
            return self.fail(Diagnostic::error(format!("kiln does not support `in` on {} yet", container.ty), span));
        };
        let found = self.new_temp(&Ty::Bool, span);
        let f = self.lit(Literal::Bool(false), span);
        self.push(Statement::Store { local: found, value: f }, span);
        self.scan_list(container.h, &elem, 0, span, |cx, x| {
            let eq = cx.compare(ast::CmpOp::Eq, x, item.clone(), span)?;
            let hit = cx.block(|cx| {
                let t = cx.lit(Literal::Bool(true), span);
                cx.push(Statement::Store { local: found, value: t }, span);
                cx.push(Statement::Break, span);
            });
            cx.push(Statement::If { condition: eq, accept: hit, reject: Block::new() }, span);
            Ok(())
        })?;
        let r = self.emit(Expression::Load(found), span);
        Ok(if positive { r } else { self.emit(Expression::Unary { op: UnaryOp::Not, arg: r }, span) })
    }

    // ----- lists ------------------------------------------------------------------------

    /// Emits a loop over the elements of `list` from index `start` on, re-reading the length
    /// each time as Python does; `body` lowers the work for one element and may `break`.
    pub fn scan_list(
        &mut self,
        list: kiln_ir::Handle<Expression>,
        elem: &Ty,
        start: i64,
        span: Span,
        body: impl FnOnce(&mut Self, Val) -> Res<()>,
    ) -> Res<()> {
        let index = self.new_temp(&Ty::Int, span);
        let first = self.lit(Literal::I64(start), span);
        self.push(Statement::Store { local: index, value: first }, span);
        let mut outcome = Ok(());
        let loop_body = self.block(|cx| {
            let i = cx.emit(Expression::Load(index), span);
            let len = cx.emit(Expression::Len { value: list }, span);
            let done = cx.emit(Expression::Compare { op: CompareOp::Ge, left: i, right: len }, span);
            let exit = cx.block(|cx| cx.push(Statement::Break, span));
            cx.push(Statement::If { condition: done, accept: exit, reject: Block::new() }, span);
            let x = cx.emit(Expression::Index { base: list, index: i }, span);
            let one = cx.lit(Literal::I64(1), span);
            let next = cx.emit(Expression::Binary { op: BinaryOp::WrappingAdd, left: i, right: one }, span);
            cx.push(Statement::Store { local: index, value: next }, span);
            outcome = body(cx, Val { ty: elem.clone(), h: x });
        });
        outcome?;
        self.push(Statement::Loop { body: loop_body }, span);
        Ok(())
    }

    fn list_literal(&mut self, elts: &[ast::Expr], span: Span) -> Res<Val> {
        let mut values = Vec::with_capacity(elts.len());
        let mut elem = Ty::Unknown;
        for e in elts {
            let v = self.expr(e)?;
            match elem.join(&v.ty) {
                Some(t) => elem = t,
                None => {
                    let first = self.span_of(&elts[0]);
                    return self.fail(
                        Diagnostic::error(
                            format!("list elements have different types: {elem} and {}", v.ty),
                            self.span_of(e),
                        )
                        .with_label(format!("this is {}", v.ty))
                        .with_secondary(first, format!("this is {elem}"))
                        .with_note("a kiln list holds values of one type"),
                    );
                }
            }
            values.push(v);
        }
        // `[[1.5], empty]` with `empty = []`: the open element learns the display's type.
        for v in &values {
            self.learn(v, &elem, span)?;
        }
        let list = self.list_of(values.clone(), &elem, span);
        self.note_origin(&list, Origin::Display(values));
        Ok(list)
    }

    /// A new list holding `values` (each of type `elem`).
    pub(crate) fn list_of(&mut self, values: Vec<Val>, elem: &Ty, span: Span) -> Val {
        let ty = Ty::list(elem.clone());
        let len = self.lit(Literal::I64(values.len() as i64), span);
        let list = self.list_new(elem, len, span);
        self.list_elements.insert(list, values.iter().map(|v| v.h).collect());
        for (i, v) in values.into_iter().enumerate() {
            let v = self.coerce(v, elem, span);
            let index = self.lit(Literal::I64(i as i64), span);
            self.push(Statement::IndexStore { base: list, index, value: v.h }, span);
        }
        Val { ty, h: list }
    }

    /// The start, stop and step of a slice (absent ones as 0, 0, 1) and which bounds were given
    /// (bit 0 start, bit 1 stop).
    pub(crate) fn slice_parts(&mut self, sl: &ast::ExprSlice, span: Span) -> Res<([Val; 3], i64)> {
        let mut parts = Vec::new();
        let mut given = 0;
        for (bit, part) in [(1, &sl.lower), (2, &sl.upper), (0, &sl.step)] {
            match part {
                Some(e) => {
                    let v = self.index_value(e)?;
                    given |= bit;
                    parts.push(v);
                }
                None => parts.push(self.int(if bit == 0 { 1 } else { 0 }, span)),
            }
        }
        Ok((parts.try_into().expect("three parts"), given))
    }

    /// `xs[a:b:c]` of a list (a new list), through the prelude's `_list_slice`.
    fn slice(&mut self, base: Val, sl: &ast::ExprSlice, span: Span) -> Res<Val> {
        let ([start, stop, step], given) = self.slice_parts(sl, span)?;
        match base.ty {
            Ty::List(_) => {
                let given = self.int(given, span);
                self.call_stdlib("_list_slice", vec![base, start, stop, step, given], span)
            }
            Ty::Str => Ok(self.str_slice(base, [start, stop, step], given, span)),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(Diagnostic::error(format!("kiln does not support slicing {other} yet"), span)),
        }
    }

    pub fn index_value(&mut self, index: &ast::Expr) -> Res<Val> {
        let span = self.span_of(index);
        let v = self.expr(index)?;
        match v.ty {
            Ty::Int => Ok(v),
            Ty::Bool => Ok(self.cast(v, Ty::Int, span)),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(Diagnostic::error(format!("list indices must be integers, not {other}"), span)),
        }
    }

    pub fn index_load(&mut self, base: Val, index: Val, span: Span) -> Res<Val> {
        match &base.ty {
            Ty::List(elem) => {
                let h = self.emit(Expression::Index { base: base.h, index: index.h }, span);
                let item = Val { ty: (**elem).clone(), h };
                self.note_origin(&item, Origin::Item { container: base, key: Ty::Int });
                Ok(item)
            }
            Ty::GpuArray(_) | Ty::GpuRow(_) => self.gpu_index_load(base, index, span),
            Ty::Unknown => self.unknown(span),
            Ty::Str => Ok(self.str_index(base, index, span)),
            Ty::Range => self.range_call("_range_item", &base, vec![index], span),
            other => self.fail(Diagnostic::error(format!("'{other}' object is not subscriptable"), span)),
        }
    }

    // ----- strings ----------------------------------------------------------------------

    /// `str(v)`.
    pub fn str_of(&mut self, v: Val, span: Span) -> Res<Val> {
        let function = match v.ty {
            Ty::Str => return Ok(v),
            Ty::Int => RuntimeFn::StrFromInt,
            Ty::Float => RuntimeFn::StrFromFloat,
            Ty::Float32 => {
                let f = self.cast(v, Ty::Float, span);
                return self.str_of(f, span);
            }
            Ty::Bool => RuntimeFn::StrFromBool,
            Ty::None => return Ok(self.str_lit("None", span)),
            Ty::Object(_) | Ty::Optional(_) => return self.object_str(v, false, span),
            Ty::Maybe(_) => return self.maybe_text(v, false, span),
            Ty::Exception => {
                return Ok(Val { ty: Ty::Str, h: self.emit(Expression::ExceptionMessage { exception: v.h }, span) })
            }
            Ty::ExceptionArgs => {
                let items = Val { ty: Ty::list(Ty::Str), h: v.h };
                return self.call_stdlib("_exc_args_repr", vec![items], span);
            }
            Ty::Class(id) => {
                let text = format!("<class '__main__.{}'>", self.p.classes[id as usize].name);
                return Ok(self.str_lit(&text, span));
            }
            Ty::ExceptionClass(kind) => return Ok(self.str_lit(&format!("<class '{}'>", kind.name()), span)),
            Ty::Tuple(_) => return self.tuple_repr(v, span),
            Ty::Range => return self.range_call("_range_repr", &v, Vec::new(), span),
            Ty::VarTuple(ref e) => {
                // The list's repr with parentheses: the items print alike in both.
                let n = Val { ty: Ty::Int, h: self.emit(Expression::Len { value: v.h }, span) };
                let list = Val { ty: Ty::List(e.clone()), h: v.h };
                let text = self.str_of(list, span)?;
                return self.call_stdlib("_var_tuple_repr", vec![text, n], span);
            }
            Ty::Dict(_, _, ref kind) if *kind != crate::ty::DictKind::Plain => return self.collections_repr(v, span),
            Ty::Dict(..) | Ty::Set(_) => {
                // An empty container whose types are still open prints the same whatever they
                // are: print it as one of ints.
                let ty = v.ty.or_int();
                let v = Val { ty: ty.clone(), h: self.coerce(v, &ty, span).h };
                let name = if matches!(ty, Ty::Dict(..)) { "_dict_repr" } else { "_set_repr" };
                return self.call_stdlib(name, vec![v], span);
            }
            Ty::Func(_) | Ty::Funcs(_) | Ty::Cell(_) | Ty::Generator(_) | Ty::File => {
                return self.fail(
                    Diagnostic::error(format!("kiln cannot turn a {} into a string", v.ty), span)
                        .with_note("CPython prints its memory address, which differs from run to run"),
                )
            }
            Ty::List(ref elem)
                if matches!(
                    **elem,
                    Ty::List(_)
                        | Ty::Tuple(_)
                        | Ty::VarTuple(_)
                        | Ty::Float32
                        | Ty::Object(_)
                        | Ty::Optional(_)
                        | Ty::Dict(_, _, crate::ty::DictKind::Counter | crate::ty::DictKind::Default(_))
                ) =>
            {
                return self.nested_list_repr(v, span)
            }
            Ty::DeviceArray(_) | Ty::GpuArray(_) | Ty::GpuRow(_) => {
                return self.fail(
                    Diagnostic::error(format!("kiln cannot turn a {} into a string", v.ty), span)
                        .with_note("copy it to the host first (`.copy_to_host()`)"),
                )
            }
            Ty::List(_) => {
                let h = self.emit(Expression::ListRepr { list: v.h }, span);
                return Ok(Val { ty: Ty::Str, h });
            }
            Ty::Unknown => return self.unknown(span),
        };
        let h = self.emit(Expression::RuntimeCall { function, args: vec![v.h] }, span);
        Ok(Val { ty: Ty::Str, h })
    }

    /// `repr()` of a list of lists, built element by element (the runtime's `ListRepr` knows
    /// only lists of scalars and strings).
    fn nested_list_repr(&mut self, list: Val, span: Span) -> Res<Val> {
        let Ty::List(elem) = list.ty.clone() else { unreachable!("called for lists") };
        let text = self.new_temp(&Ty::Str, span);
        let open = self.str_lit("[", span);
        self.push(Statement::Store { local: text, value: open.h }, span);
        let first = self.new_temp(&Ty::Bool, span);
        let t = self.lit(Literal::Bool(true), span);
        self.push(Statement::Store { local: first, value: t }, span);
        self.scan_list(list.h, &elem, 0, span, |cx, x| {
            let is_first = cx.emit(Expression::Load(first), span);
            let not_first = cx.emit(Expression::Unary { op: UnaryOp::Not, arg: is_first }, span);
            let sep = cx.block(|cx| {
                let so_far = cx.emit(Expression::Load(text), span);
                let comma = cx.str_lit(", ", span);
                let joined = cx.concat(Some(Val { ty: Ty::Str, h: so_far }), comma, span);
                cx.push(Statement::Store { local: text, value: joined.h }, span);
            });
            cx.push(Statement::If { condition: not_first, accept: sep, reject: Block::new() }, span);
            let f = cx.lit(Literal::Bool(false), span);
            cx.push(Statement::Store { local: first, value: f }, span);
            let item = cx.repr_of(x, span)?;
            let so_far = cx.emit(Expression::Load(text), span);
            let joined = cx.concat(Some(Val { ty: Ty::Str, h: so_far }), item, span);
            cx.push(Statement::Store { local: text, value: joined.h }, span);
            Ok(())
        })?;
        let so_far = self.emit(Expression::Load(text), span);
        let close = self.str_lit("]", span);
        Ok(self.concat(Some(Val { ty: Ty::Str, h: so_far }), close, span))
    }

    /// `repr(v)`.
    pub fn repr_of(&mut self, v: Val, span: Span) -> Res<Val> {
        if matches!(v.ty, Ty::Object(_) | Ty::Optional(_)) {
            return self.object_str(v, true, span);
        }
        if let Ty::Maybe(_) = v.ty {
            return self.maybe_text(v, true, span);
        }
        if v.ty == Ty::Str {
            let h = self.emit(Expression::RuntimeCall { function: RuntimeFn::StrRepr, args: vec![v.h] }, span);
            return Ok(Val { ty: Ty::Str, h });
        }
        if v.ty == Ty::Exception {
            return self.exception_repr(v, span);
        }
        self.str_of(v, span)
    }

    /// `repr(e)` of an exception: `Name(args...)` with each argument's repr, as CPython's
    /// `BaseException.__repr__` (an instance of a user class is named by its class at run time).
    pub(crate) fn exception_repr(&mut self, e: Val, span: Span) -> Res<Val> {
        let name = Val { ty: Ty::Str, h: self.emit(Expression::TypeName { value: e.h }, span) };
        let args = if e.ty == Ty::Exception {
            Val { ty: Ty::ExceptionArgs, h: self.emit(Expression::ExceptionArgs { exception: e.h }, span) }
        } else {
            self.exception_args_of(&e, span)?
        };
        let items = Val { ty: Ty::list(Ty::Str), h: args.h };
        self.call_stdlib("_exc_repr", vec![name, items], span)
    }

    /// The concatenation of several strings.
    pub(crate) fn concat_all(&mut self, parts: Vec<Val>, span: Span) -> Val {
        let mut acc = None;
        for p in parts {
            acc = Some(self.concat(acc, p, span));
        }
        acc.unwrap_or_else(|| self.str_lit("", span))
    }

    fn concat(&mut self, a: Option<Val>, b: Val, span: Span) -> Val {
        match a {
            None => b,
            Some(a) => {
                let h =
                    self.emit(Expression::RuntimeCall { function: RuntimeFn::StrConcat, args: vec![a.h, b.h] }, span);
                Val { ty: Ty::Str, h }
            }
        }
    }

    fn fstring(&mut self, values: &[ast::Expr], span: Span) -> Res<Val> {
        let mut acc: Option<Val> = None;
        for part in values {
            let piece = match part {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => self.str_lit(s, self.span_of(part)),
                    _ => self.constant(&c.value, span)?,
                },
                ast::Expr::FormattedValue(fv) => self.formatted_value(fv)?,
                other => {
                    let v = self.expr(other)?;
                    self.str_of(v, span)?
                }
            };
            acc = Some(self.concat(acc, piece, span));
        }
        Ok(acc.unwrap_or_else(|| self.str_lit("", span)))
    }

    /// `str()` (or `repr()`) of an expression that is only ever seen as text (a `print`
    /// argument, `str(...)`, an f-string field without a format spec). A conditional
    /// expression there becomes the text of the branch that runs, so its branches may have
    /// different types (`node.key if node is not None else "none"`), exactly as in CPython.
    pub fn text_of(&mut self, e: &ast::Expr, repr: bool) -> Res<Val> {
        let span = self.span_of(e);
        let ast::Expr::IfExp(ie) = e else {
            let v = self.expr(e)?;
            return if repr { self.repr_of(v, span) } else { self.str_of(v, span) };
        };
        let cond = self.condition(&ie.test)?;
        if let Some(k) = self.known_bool(cond) {
            return self.with_facts(&ie.test, k, |cx| cx.text_of(if k { &ie.body } else { &ie.orelse }, repr));
        }
        let text = self.new_temp(&Ty::Str, span);
        let branch = |cx: &mut Self, e: &ast::Expr, truth: bool| {
            cx.with_facts(&ie.test, truth, |cx| {
                let mut outcome = Ok(());
                let block = cx.block(|cx| {
                    outcome = cx.text_of(e, repr).map(|v| cx.push(Statement::Store { local: text, value: v.h }, span));
                });
                outcome.map(|()| block)
            })
        };
        let accept = branch(self, &ie.body, true)?;
        let reject = branch(self, &ie.orelse, false)?;
        self.push(Statement::If { condition: cond, accept, reject }, span);
        Ok(self.load(text, Ty::Str, span))
    }

    /// `{value!conv:spec}` inside an f-string.
    fn formatted_value(&mut self, fv: &ast::ExprFormattedValue) -> Res<Val> {
        let span = self.span_of(fv);
        // A conditional expression seen only as text (converted, or without a format spec).
        if matches!(&*fv.value, ast::Expr::IfExp(_))
            && (fv.conversion != ast::ConversionFlag::None || fv.format_spec.is_none())
            && fv.conversion != ast::ConversionFlag::Ascii
        {
            let text = self.text_of(&fv.value, fv.conversion == ast::ConversionFlag::Repr)?;
            let Some(spec) = &fv.format_spec else { return Ok(text) };
            let spec = match &**spec {
                ast::Expr::JoinedStr(j) => self.fstring(&j.values, span)?,
                other => {
                    let v = self.expr(other)?;
                    self.str_of(v, span)?
                }
            };
            return self.format_with_spec(text, spec, span);
        }
        let value = self.expr(&fv.value)?;
        let value = match fv.conversion {
            ast::ConversionFlag::None => value,
            ast::ConversionFlag::Str => self.str_of(value, span)?,
            ast::ConversionFlag::Repr => self.repr_of(value, span)?,
            ast::ConversionFlag::Ascii => {
                return self.fail(Diagnostic::error("kiln does not support the `!a` conversion yet", span))
            }
        };
        let Some(spec) = &fv.format_spec else {
            return self.str_of(value, span);
        };
        let spec = match &**spec {
            ast::Expr::JoinedStr(j) => self.fstring(&j.values, span)?,
            other => {
                let v = self.expr(other)?;
                self.str_of(v, span)?
            }
        };
        self.format_with_spec(value, spec, span)
    }

    /// `format(value, spec)`.
    pub fn format_with_spec(&mut self, value: Val, spec: Val, span: Span) -> Res<Val> {
        // An empty spec is `str()`; bool formats as int otherwise, as in CPython.
        let empty_spec =
            matches!(self.f.expressions.get(spec.h), Some(Expression::Literal(Literal::Str(s))) if s.is_empty());
        if empty_spec {
            return self.str_of(value, span);
        }
        if let Ty::Maybe(_) = value.ty {
            return self.maybe_format(value, spec, span);
        }
        let (function, value) = match value.ty {
            Ty::Int => (RuntimeFn::FormatInt, value),
            Ty::Bool => (RuntimeFn::FormatBool, value),
            Ty::Float => (RuntimeFn::FormatFloat, value),
            Ty::Float32 => (RuntimeFn::FormatFloat, self.cast(value, Ty::Float, span)),
            Ty::Str => (RuntimeFn::FormatStr, value),
            Ty::Unknown => return self.unknown(span),
            ref other => {
                return self
                    .fail(Diagnostic::error(format!("unsupported format string passed to {other}.__format__"), span))
            }
        };
        let h = self.emit(Expression::RuntimeCall { function, args: vec![value.h, spec.h] }, span);
        Ok(Val { ty: Ty::Str, h })
    }

    /// Converts a numeric value for a `math` function (which takes floats).
    pub fn float_arg(&mut self, v: Val, span: Span, func: &str) -> Res<Val> {
        match v.ty {
            Ty::Float => Ok(v),
            Ty::Int | Ty::Bool => Ok(self.cast(v, Ty::Float, span)),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(
                Diagnostic::error(format!("must be real number, not {other}"), span)
                    .with_label(format!("argument of {func}")),
            ),
        }
    }

    pub fn math_call(&mut self, function: MathFunction, args: Vec<Val>, span: Span) -> Res<Val> {
        let result = match function.result() {
            Scalar::I64 => Ty::Int,
            Scalar::BOOL => Ty::Bool,
            _ => Ty::Float,
        };
        let h = self.emit(Expression::Math { function, args: args.iter().map(|a| a.h).collect() }, span);
        Ok(Val { ty: result, h })
    }
}

fn span_range(span: Span) -> rustpython_parser::text_size::TextRange {
    rustpython_parser::text_size::TextRange::new(span.start.into(), span.end.into())
}
