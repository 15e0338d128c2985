//! `str` methods, indexing, slicing, iteration and `in`, on the runtime's string functions.

use kiln_ir::{
    BinaryOp, CompareOp, ExceptionKind, Expression, FormatArg, FormatKind, Literal, RuntimeFn, Span, UnaryOp,
};
use rustpython_parser::ast;

use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;

/// A parameter of a string method: its name and, when optional, its default.
#[derive(Clone, Copy)]
enum ParamDefault {
    Required,
    Int(i64),
    NoneValue,
    Bool(bool),
    Str(&'static str),
}

use ParamDefault::{Bool as B, Int as I, NoneValue as N, Required as R, Str as S};

impl FnCx<'_, '_> {
    /// Binds a method call's arguments to `params` (positional, then by name, then defaults).
    fn bind_args(
        &mut self,
        method: &str,
        call: &ast::ExprCall,
        params: &[(&str, ParamDefault)],
        span: Span,
    ) -> Res<Vec<Val>> {
        if call.args.len() > params.len() {
            return self.fail(Diagnostic::error(
                format!("str.{method}() takes at most {} arguments ({} given)", params.len(), call.args.len()),
                span,
            ));
        }
        let mut bound: Vec<Option<Val>> = vec![None; params.len()];
        for (i, a) in call.args.iter().enumerate() {
            bound[i] = Some(self.expr(a)?);
        }
        for k in &call.keywords {
            let name = k.arg.as_deref().unwrap_or("**");
            let Some(i) = params.iter().position(|(p, _)| *p == name) else {
                return self.fail(Diagnostic::error(
                    format!("str.{method}() got an unexpected keyword argument '{name}'"),
                    self.span_of(k),
                ));
            };
            bound[i] = Some(self.expr(&k.value)?);
        }
        let mut out = Vec::with_capacity(params.len());
        for (slot, (pname, default)) in bound.into_iter().zip(params) {
            out.push(match (slot, default) {
                (Some(v), _) => v,
                (None, R) => {
                    return self
                        .fail(Diagnostic::error(format!("str.{method}() missing required argument '{pname}'"), span))
                }
                (None, I(v)) => self.int(*v, span),
                (None, N) => Val { ty: Ty::None, h: self.lit(Literal::None, span) },
                (None, B(b)) => self.bool_lit(*b, span),
                (None, S(s)) => self.str_lit(s, span),
            });
        }
        Ok(out)
    }

    pub(crate) fn rt(&mut self, function: RuntimeFn, args: Vec<Val>, ty: Ty, span: Span) -> Val {
        ty.to_ir(&mut self.p.module);
        let h = self.emit(Expression::RuntimeCall { function, args: args.iter().map(|a| a.h).collect() }, span);
        Val { ty, h }
    }

    fn expect_str(&mut self, v: Val, what: &str, span: Span) -> Res<Val> {
        match v.ty {
            Ty::Str => Ok(v),
            Ty::Unknown => self.unknown(span),
            ref other => self.fail(Diagnostic::error(format!("{what} must be str, not {other}"), span)),
        }
    }

    fn expect_opt_str(&mut self, v: Val, what: &str, span: Span) -> Res<Val> {
        if v.ty == Ty::None {
            return Ok(v);
        }
        self.expect_str(v, what, span)
    }

    /// `sep.join(sorted(x))` (the idiom for the sorted letters of a word): when `x` is a str,
    /// one runtime call sorts its characters into the new string, with no list between.
    /// `Sorted` is the list `sorted(x)` gave for another `x` (already evaluated, so the
    /// caller must not evaluate the argument again); `No` when the call has another shape.
    fn join_of_sorted(&mut self, sep: Val, call: &ast::ExprCall, span: Span) -> Res<SortedJoin> {
        let [ast::Expr::Call(inner)] = &call.args[..] else { return Ok(SortedJoin::No) };
        let ast::Expr::Name(f) = &*inner.func else { return Ok(SortedJoin::No) };
        if !call.keywords.is_empty()
            || !inner.keywords.is_empty()
            || f.id.as_str() != "sorted"
            || !matches!(&inner.args[..], [x] if !matches!(x, ast::Expr::Starred(_) | ast::Expr::GeneratorExp(_)))
            || !self.calls_builtin("sorted")
        {
            return Ok(SortedJoin::No);
        }
        let Some(&def) = self.p.stdlib_by_name.get("sorted") else { return Ok(SortedJoin::No) };
        let x = self.expr(&inner.args[0])?;
        if x.ty == Ty::Str {
            let reverse = self.bool_lit(false, span);
            return Ok(SortedJoin::Fused(self.rt(RuntimeFn::StrJoinSorted, vec![sep, x, reverse], Ty::Str, span)));
        }
        let inner_span = self.span_of(inner);
        Ok(SortedJoin::Sorted(self.sorted_value(def, x, inner, inner_span)?))
    }

    /// `s.method(...)`; `None` when `method` is not a string method kiln knows.
    pub(crate) fn str_method(&mut self, s: Val, method: &str, call: &ast::ExprCall, span: Span) -> Res<Option<Val>> {
        let case = |op: i64| (RuntimeFn::StrCase, op);
        let v = match method {
            "split" | "rsplit" => {
                let a = self.bind_args(method, call, &[("sep", N), ("maxsplit", I(-1))], span)?;
                let sep = self.expect_opt_str(a[0].clone(), "sep", span)?;
                let maxsplit = self.expect_int(a[1].clone(), span, "maxsplit")?;
                let f = if method == "split" { RuntimeFn::StrSplit } else { RuntimeFn::StrRsplit };
                self.rt(f, vec![s, sep, maxsplit], Ty::list(Ty::Str), span)
            }
            "splitlines" => {
                let a = self.bind_args(method, call, &[("keepends", B(false))], span)?;
                let keep = self.truthy(a[0].clone(), span)?;
                self.rt(RuntimeFn::StrSplitlines, vec![s, Val { ty: Ty::Bool, h: keep }], Ty::list(Ty::Str), span)
            }
            "join" => {
                let mut a = match self.join_of_sorted(s.clone(), call, span)? {
                    SortedJoin::Fused(v) => return Ok(Some(v)),
                    SortedJoin::Sorted(items) => vec![items],
                    SortedJoin::No => self.bind_args(method, call, &[("iterable", R)], span)?,
                };
                a[0] = self.tuple_items(a[0].clone(), &Ty::Str, span)?;
                a[0] = self.iterable_value(a[0].clone(), span)?;
                // Other iterables of strings (a str, a set, a dict's keys) join as their list.
                if matches!(a[0].ty, Ty::Str | Ty::Set(_) | Ty::Dict(..)) {
                    a[0] = self.call_stdlib("list", vec![a[0].clone()], span)?;
                }
                match &a[0].ty {
                    Ty::List(e) if matches!(**e, Ty::Str | Ty::Unknown) => {}
                    Ty::Unknown => return self.unknown(span).map(Some),
                    other => {
                        return self.fail(Diagnostic::error(
                            format!("sequence item 0: expected str instance, {other} found"),
                            span,
                        ))
                    }
                }
                let items = self.coerce(a[0].clone(), &Ty::list(Ty::Str), span);
                self.rt(RuntimeFn::StrJoin, vec![s, items], Ty::Str, span)
            }
            "strip" | "lstrip" | "rstrip" => {
                let a = self.bind_args(method, call, &[("chars", N)], span)?;
                let chars = self.expect_opt_str(a[0].clone(), "chars", span)?;
                let which = self.int(
                    match method {
                        "strip" => 0,
                        "lstrip" => 1,
                        _ => 2,
                    },
                    span,
                );
                self.rt(RuntimeFn::StrStrip, vec![s, chars, which], Ty::Str, span)
            }
            "replace" => {
                let a = self.bind_args(method, call, &[("old", R), ("new", R), ("count", I(-1))], span)?;
                let old = self.expect_str(a[0].clone(), "replace() argument 1", span)?;
                let new = self.expect_str(a[1].clone(), "replace() argument 2", span)?;
                let count = self.expect_int(a[2].clone(), span, "count")?;
                self.rt(RuntimeFn::StrReplace, vec![s, old, new, count], Ty::Str, span)
            }
            "find" | "rfind" | "index" | "rindex" => {
                let a = self.bind_args(method, call, &[("sub", R), ("start", I(0)), ("end", I(i64::MAX))], span)?;
                let sub = self.expect_str(a[0].clone(), "must be str", span)?;
                let start = self.expect_int(a[1].clone(), span, "start")?;
                let end = self.expect_int(a[2].clone(), span, "end")?;
                let reverse = self.bool_lit(method.starts_with('r'), span);
                let at = self.rt(RuntimeFn::StrFind, vec![s, sub, start, end, reverse], Ty::Int, span);
                if method.ends_with("index") {
                    let zero = self.int(0, span);
                    let missing = self.emit(Expression::Compare { op: CompareOp::Lt, left: at.h, right: zero.h }, span);
                    self.raise_if(missing, ExceptionKind::ValueError, "substring not found", span);
                }
                at
            }
            "count" => {
                let a = self.bind_args(method, call, &[("sub", R), ("start", I(0)), ("end", I(i64::MAX))], span)?;
                let sub = self.expect_str(a[0].clone(), "must be str", span)?;
                let start = self.expect_int(a[1].clone(), span, "start")?;
                let end = self.expect_int(a[2].clone(), span, "end")?;
                self.rt(RuntimeFn::StrCount, vec![s, sub, start, end], Ty::Int, span)
            }
            "startswith" | "endswith" => {
                let a = self.bind_args(method, call, &[("prefix", R), ("start", I(0)), ("end", I(i64::MAX))], span)?;
                let start = self.expect_int(a[1].clone(), span, "start")?;
                let end = self.expect_int(a[2].clone(), span, "end")?;
                let ends = self.bool_lit(method == "endswith", span);
                // A tuple of prefixes: any of them.
                let prefixes = match a[0].ty.clone() {
                    Ty::Tuple(elems) => (0..elems.len()).map(|i| self.tuple_get(&a[0], i, span)).collect(),
                    _ => vec![a[0].clone()],
                };
                let mut acc = self.lit(Literal::Bool(false), span);
                for p in prefixes {
                    let p = self.expect_str(p, &format!("{method} first arg"), span)?;
                    let hit = self.rt(
                        RuntimeFn::StrStartswith,
                        vec![s.clone(), p, start.clone(), end.clone(), ends.clone()],
                        Ty::Bool,
                        span,
                    );
                    acc = self.emit(Expression::Binary { op: BinaryOp::BitOr, left: acc, right: hit.h }, span);
                }
                Val { ty: Ty::Bool, h: acc }
            }
            "upper" | "lower" | "title" | "capitalize" | "swapcase" | "casefold" => {
                self.bind_args(method, call, &[], span)?;
                let (f, op) = case(match method {
                    "upper" => 0,
                    "lower" => 1,
                    "title" => 2,
                    "capitalize" => 3,
                    "swapcase" => 4,
                    _ => 5,
                });
                let op = self.int(op, span);
                self.rt(f, vec![s, op], Ty::Str, span)
            }
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "isdecimal" | "isnumeric"
            | "istitle" | "isidentifier" | "isprintable" | "isascii" => {
                self.bind_args(method, call, &[], span)?;
                let op = [
                    "isdigit",
                    "isalpha",
                    "isalnum",
                    "isspace",
                    "isupper",
                    "islower",
                    "isdecimal",
                    "isnumeric",
                    "istitle",
                    "isidentifier",
                    "isprintable",
                    "isascii",
                ]
                .iter()
                .position(|m| *m == method)
                .unwrap_or(0);
                let op = self.int(op as i64, span);
                self.rt(RuntimeFn::StrIs, vec![s, op], Ty::Bool, span)
            }
            "ljust" | "rjust" | "center" => {
                let a = self.bind_args(method, call, &[("width", R), ("fillchar", S(" "))], span)?;
                let width = self.expect_int(a[0].clone(), span, "width")?;
                let fill = self.expect_str(a[1].clone(), "The fill character", span)?;
                let align = self.int(
                    match method {
                        "ljust" => 0,
                        "rjust" => 1,
                        _ => 2,
                    },
                    span,
                );
                self.rt(RuntimeFn::StrPad, vec![s, width, fill, align], Ty::Str, span)
            }
            "format" => match self.literal_str(&s) {
                Some(template) => self.format_method(&template, call, span)?,
                None => self.format_method_dynamic(s, call, span)?,
            },
            "partition" | "rpartition" => {
                let a = self.bind_args(method, call, &[("sep", R)], span)?;
                let sep = self.expect_str(a[0].clone(), "must be str", span)?;
                let from_right = self.bool_lit(method == "rpartition", span);
                self.call_stdlib("_str_partition", vec![s, sep, from_right], span)?
            }
            "zfill" => {
                let a = self.bind_args(method, call, &[("width", R)], span)?;
                let width = self.expect_int(a[0].clone(), span, "width")?;
                self.rt(RuntimeFn::StrZfill, vec![s, width], Ty::Str, span)
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// `s[i]`.
    pub(crate) fn str_index(&mut self, s: Val, index: Val, span: Span) -> Val {
        self.rt(RuntimeFn::StrGetItem, vec![s, index], Ty::Str, span)
    }

    /// `s[a:b:c]`; `parts` are start, stop, step and `given` says which bounds were written.
    pub(crate) fn str_slice(&mut self, s: Val, parts: [Val; 3], given: i64, span: Span) -> Val {
        let [start, stop, step] = parts;
        let zero = self.int(0, span);
        let is_zero = self.emit(Expression::Compare { op: CompareOp::Eq, left: step.h, right: zero.h }, span);
        self.raise_if(is_zero, ExceptionKind::ValueError, "slice step cannot be zero", span);
        let given = self.int(given, span);
        self.rt(RuntimeFn::StrSlice, vec![s, start, stop, step, given], Ty::Str, span)
    }

    /// `sub in s`.
    pub(crate) fn str_contains(&mut self, item: Val, s: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        if item.ty != Ty::Str {
            return self.fail(Diagnostic::error(
                format!("'in <string>' requires string as left operand, not {}", item.ty),
                span,
            ));
        }
        Ok(self.rt(RuntimeFn::StrContains, vec![s, item], Ty::Bool, span).h)
    }

    /// `not x` helper for string predicates.
    pub(crate) fn negate(&mut self, h: kiln_ir::Handle<Expression>, span: Span) -> kiln_ir::Handle<Expression> {
        self.emit(Expression::Unary { op: UnaryOp::Not, arg: h }, span)
    }
}

/// One piece of a format string known at compile time.
enum Piece {
    Text(String),
    /// A `str.format` field: argument (position or name), conversion, spec.
    Field {
        arg: FieldArg,
        conversion: Option<char>,
        spec: String,
    },
    /// A `%` conversion: flags, width, precision, conversion character.
    Percent {
        flags: String,
        width: String,
        precision: Option<String>,
        conv: char,
    },
}

enum FieldArg {
    Auto,
    Index(usize),
    Name(String),
}

/// Splits a `str.format` template; `Err` carries CPython's message.
fn parse_format(template: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => return Err("Single '}' encountered in format string".into()),
            '{' => {
                let mut field = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    if c == '{' {
                        return Err("kiln: nested replacement fields in a format spec are not supported".into());
                    }
                    field.push(c);
                }
                if !closed {
                    return Err("expected '}' before end of string".into());
                }
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                let (head, spec) = match field.find(':') {
                    Some(i) => (field[..i].to_string(), field[i + 1..].to_string()),
                    None => (field.clone(), String::new()),
                };
                let (name, conversion) = match head.find('!') {
                    Some(i) => {
                        let conv = head[i + 1..].to_string();
                        let c = match conv.as_str() {
                            "r" => 'r',
                            "s" => 's',
                            "a" => 'a',
                            _ => return Err("Unknown conversion specifier ".to_string() + &conv),
                        };
                        (head[..i].to_string(), Some(c))
                    }
                    None => (head, None),
                };
                let arg = if name.is_empty() {
                    FieldArg::Auto
                } else if let Ok(i) = name.parse::<usize>() {
                    FieldArg::Index(i)
                } else if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    FieldArg::Name(name)
                } else {
                    return Err(format!("kiln: the format field `{name}` is not supported (attributes and indexes)"));
                };
                out.push(Piece::Field { arg, conversion, spec });
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

/// Splits a `%` template; `Err` carries CPython's message.
fn parse_percent(template: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            text.push('%');
            continue;
        }
        if chars.peek() == Some(&'(') {
            return Err("kiln: `%(name)` conversions are not supported yet".into());
        }
        let mut flags = String::new();
        while let Some(&f) = chars.peek().filter(|f| "-+ #0".contains(**f)) {
            flags.push(f);
            chars.next();
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        if chars.peek() == Some(&'*') {
            return Err("kiln: `*` widths are not supported yet".into());
        }
        let precision = if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            Some(p)
        } else {
            None
        };
        // Length modifiers are accepted and ignored, as in CPython.
        while chars.peek().is_some_and(|c| "hlL".contains(*c)) {
            chars.next();
        }
        let Some(conv) = chars.next() else { return Err("incomplete format".into()) };
        if !"diouxXeEfFgGcrsa".contains(conv) {
            return Err(format!("unsupported format character '{conv}' (0x{:x})", conv as u32));
        }
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(Piece::Percent { flags, width, precision, conv });
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

impl FnCx<'_, '_> {
    /// The literal text of a string value, when it is a constant.
    pub(crate) fn literal_str(&self, v: &Val) -> Option<String> {
        match self.f.expressions.get(v.h) {
            Some(Expression::Literal(Literal::Str(s))) => Some(s.clone()),
            _ => None,
        }
    }

    /// Raises `kind(message)` here and yields a placeholder string (code after it never runs).
    fn raise_str(&mut self, kind: ExceptionKind, message: &str, span: Span) -> Val {
        self.raise(kind, Some(message), span);
        self.str_lit("", span)
    }

    /// `template.format(*args, **kwargs)` with a literal template, compiled into the
    /// concatenation it stands for.
    pub(crate) fn format_method(&mut self, template: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let mut args = Vec::new();
        for a in &call.args {
            if let ast::Expr::Starred(s) = a {
                let at = self.span_of(s);
                return self.fail(Diagnostic::error("kiln does not support `*` arguments yet", at));
            }
            args.push(self.expr(a)?);
        }
        let mut kwargs = Vec::new();
        for k in &call.keywords {
            let Some(name) = &k.arg else {
                return self.fail(Diagnostic::error("kiln does not support `**` arguments yet", self.span_of(k)));
            };
            kwargs.push((name.to_string(), self.expr(&k.value)?));
        }
        let pieces = match parse_format(template) {
            Ok(p) => p,
            Err(m) => return Ok(self.raise_str(ExceptionKind::ValueError, &m, span)),
        };
        let mut parts = Vec::new();
        let mut auto = Some(0usize);
        let mut manual = false;
        for piece in pieces {
            match piece {
                Piece::Text(t) => parts.push(self.str_lit(&t, span)),
                Piece::Field { arg, conversion, spec } => {
                    let value = match arg {
                        FieldArg::Auto => {
                            let Some(i) = auto.filter(|_| !manual) else {
                                let m = "cannot switch from manual field specification to automatic field numbering";
                                return Ok(self.raise_str(ExceptionKind::ValueError, m, span));
                            };
                            auto = Some(i + 1);
                            match args.get(i) {
                                Some(v) => v.clone(),
                                None => {
                                    let m = format!("Replacement index {i} out of range for positional args tuple");
                                    return Ok(self.raise_str(ExceptionKind::IndexError, &m, span));
                                }
                            }
                        }
                        FieldArg::Index(i) => {
                            if auto.is_some_and(|n| n > 0) {
                                let m = "cannot switch from automatic field numbering to manual field specification";
                                return Ok(self.raise_str(ExceptionKind::ValueError, m, span));
                            }
                            manual = true;
                            match args.get(i) {
                                Some(v) => v.clone(),
                                None => {
                                    let m = format!("Replacement index {i} out of range for positional args tuple");
                                    return Ok(self.raise_str(ExceptionKind::IndexError, &m, span));
                                }
                            }
                        }
                        FieldArg::Name(n) => match kwargs.iter().find(|(k, _)| *k == n) {
                            Some((_, v)) => v.clone(),
                            None => {
                                let m = format!("'{n}'");
                                return Ok(self.raise_str(ExceptionKind::KeyError, &m, span));
                            }
                        },
                    };
                    let value = match conversion {
                        Some('r') => self.repr_of(value, span)?,
                        Some('s') => self.str_of(value, span)?,
                        Some(_) => {
                            return self.fail(Diagnostic::error("kiln does not support the `!a` conversion yet", span))
                        }
                        None => value,
                    };
                    let spec = self.str_lit(&spec, span);
                    parts.push(self.format_with_spec(value, spec, span)?);
                }
                Piece::Percent { .. } => unreachable!("not produced by parse_format"),
            }
        }
        Ok(self.concat_all(parts, span))
    }

    /// `template.format(*args)` with a template computed at run time: formatted by the
    /// runtime ([`Expression::FormatDynamic`]). Positional arguments only.
    pub(crate) fn format_method_dynamic(&mut self, template: Val, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let mut args = Vec::new();
        for a in &call.args {
            if let ast::Expr::Starred(s) = a {
                let at = self.span_of(s);
                return self.fail(Diagnostic::error("kiln does not support `*` arguments yet", at));
            }
            args.push(self.expr(a)?);
        }
        if let Some(k) = call.keywords.first() {
            return self.fail(
                Diagnostic::error(
                    "kiln does not support keyword arguments to `.format` on a computed template yet",
                    self.span_of(k),
                )
                .with_note("with a literal template they are supported; or pass the values by position"),
            );
        }
        self.format_dynamic(FormatKind::Method, template, args, span)
    }

    /// `template % values` with a template computed at run time: formatted by the runtime
    /// ([`Expression::FormatDynamic`]). A tuple operand gives the arguments; any other value
    /// is the single argument.
    pub(crate) fn percent_format_dynamic(&mut self, template: Val, values: Val, span: Span) -> Res<Val> {
        let args: Vec<Val> = match values.ty.clone() {
            Ty::Tuple(elems) => (0..elems.len()).map(|i| self.tuple_get(&values, i, span)).collect(),
            // CPython treats a lone operand with `__getitem__` as a mapping (`%(name)s`, and
            // no "not all arguments converted" error); the runtime takes positional values.
            ty @ (Ty::List(_) | Ty::Dict(..)) => {
                return self.fail(
                    Diagnostic::error(
                        format!(
                            "kiln does not support a {ty} as the right operand of `%` with a computed template yet"
                        ),
                        span,
                    )
                    .with_note("wrap it in a tuple, `template % (value,)`, to format it as one value"),
                )
            }
            _ => vec![values],
        };
        self.format_dynamic(FormatKind::Percent, template, args, span)
    }

    /// Emits a run-time formatting of `template` with `args`. Ints, floats, bools, None and
    /// strings go to the runtime as they are (it applies `str`, `repr` and format specs
    /// itself); containers go as their text, which is exact because a container's `str()`
    /// and `repr()` are the same text (the runtime takes both, and reads the type name for
    /// its error messages off the repr).
    fn format_dynamic(&mut self, kind: FormatKind, template: Val, args: Vec<Val>, span: Span) -> Res<Val> {
        let mut out = Vec::with_capacity(args.len());
        for v in args {
            let arg = match v.ty.clone() {
                Ty::Int | Ty::Float | Ty::Bool | Ty::None | Ty::Str => FormatArg { value: v.h, repr: None },
                Ty::Float32 => FormatArg { value: self.cast(v, Ty::Float, span).h, repr: None },
                Ty::List(_) | Ty::Tuple(_) | Ty::VarTuple(_) | Ty::Dict(..) | Ty::Set(_) => {
                    let text = self.str_of(v, span)?;
                    FormatArg { value: text.h, repr: Some(text.h) }
                }
                Ty::Unknown => {
                    self.unknown(span)?;
                    return Ok(self.str_lit("", span));
                }
                other => {
                    return self.fail(Diagnostic::error(
                        format!("kiln cannot pass a {other} to `%` or `.format` with a computed template"),
                        span,
                    ))
                }
            };
            out.push(arg);
        }
        let h = self.emit(Expression::FormatDynamic { kind, template: template.h, args: out }, span);
        Ok(Val { ty: Ty::Str, h })
    }

    /// `template % values` with a literal template, compiled into the concatenation it stands
    /// for (each conversion becomes the equivalent format spec).
    pub(crate) fn percent_format(&mut self, template: &str, values: Val, span: Span) -> Res<Val> {
        let args: Vec<Val> = match values.ty.clone() {
            Ty::Tuple(elems) => (0..elems.len()).map(|i| self.tuple_get(&values, i, span)).collect(),
            _ => vec![values],
        };
        let pieces = match parse_percent(template) {
            Ok(p) => p,
            Err(m) => return Ok(self.raise_str(ExceptionKind::ValueError, &m, span)),
        };
        let needed = pieces.iter().filter(|p| matches!(p, Piece::Percent { .. })).count();
        if needed > args.len() {
            return Ok(self.raise_str(ExceptionKind::TypeError, "not enough arguments for format string", span));
        }
        if needed < args.len() {
            let m = "not all arguments converted during string formatting";
            return Ok(self.raise_str(ExceptionKind::TypeError, m, span));
        }
        let mut args = args.into_iter();
        let mut parts = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => parts.push(self.str_lit(&t, span)),
                Piece::Percent { flags, width, precision, conv } => {
                    let value = args.next().expect("counted above");
                    parts.push(self.percent_one(value, &flags, &width, precision.as_deref(), conv, span)?);
                }
                Piece::Field { .. } => unreachable!("not produced by parse_percent"),
            }
        }
        Ok(self.concat_all(parts, span))
    }

    fn percent_one(
        &mut self,
        value: Val,
        flags: &str,
        width: &str,
        precision: Option<&str>,
        conv: char,
        span: Span,
    ) -> Res<Val> {
        let left = flags.contains('-');
        let mut spec = String::new();
        let numeric = "dioxXeEfFgG".contains(conv);
        if left {
            spec.push('<');
        } else if !numeric {
            spec.push('>');
        }
        if numeric {
            if flags.contains('+') {
                spec.push('+');
            } else if flags.contains(' ') {
                spec.push(' ');
            }
            if flags.contains('#') {
                spec.push('#');
            }
            if flags.contains('0') && !left {
                spec.push('0');
            }
        }
        spec.push_str(width);
        let value = match conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let v = match value.ty {
                    Ty::Int => value,
                    Ty::Bool | Ty::Float => self.cast(value, Ty::Int, span),
                    ref other => {
                        let m = format!("%{conv} format: a real number is required, not {other}");
                        return Ok(self.raise_str(ExceptionKind::TypeError, &m, span));
                    }
                };
                if precision.is_some() {
                    return self.fail(Diagnostic::error("kiln does not support a precision with %d conversions", span));
                }
                spec.push(match conv {
                    'o' => 'o',
                    'x' => 'x',
                    'X' => 'X',
                    _ => 'd',
                });
                v
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let v = match value.ty {
                    Ty::Float => value,
                    Ty::Int | Ty::Bool => self.cast(value, Ty::Float, span),
                    ref other => {
                        let m = format!("must be real number, not {other}");
                        return Ok(self.raise_str(ExceptionKind::TypeError, &m, span));
                    }
                };
                spec.push('.');
                spec.push_str(precision.filter(|p| !p.is_empty()).unwrap_or("6"));
                spec.push(conv);
                v
            }
            'c' => {
                let v = match value.ty {
                    Ty::Int => self.call_builtin_values("chr", vec![value], span)?,
                    Ty::Str => value,
                    ref other => {
                        let m = format!("%c requires int or char, not {other}");
                        return Ok(self.raise_str(ExceptionKind::TypeError, &m, span));
                    }
                };
                v
            }
            'r' => self.repr_of(value, span)?,
            's' => self.str_of(value, span)?,
            _ => return self.fail(Diagnostic::error("kiln does not support the %a conversion yet", span)),
        };
        if matches!(conv, 'r' | 's' | 'c') {
            if let Some(p) = precision {
                spec.push('.');
                spec.push_str(if p.is_empty() { "0" } else { p });
            }
        }
        let spec = self.str_lit(&spec, span);
        self.format_with_spec(value, spec, span)
    }

    fn call_builtin_values(&mut self, name: &str, args: Vec<Val>, span: Span) -> Res<Val> {
        match name {
            "chr" => Ok(self.rt(RuntimeFn::StrChr, args, Ty::Str, span)),
            _ => self.fail(Diagnostic::error(format!("internal error: builtin `{name}`"), span)),
        }
    }
}

/// What `join_of_sorted` found.
enum SortedJoin {
    /// The joined string.
    Fused(Val),
    /// The evaluated argument of `join`.
    Sorted(Val),
    /// Not `sep.join(sorted(x))`.
    No,
}
