//! Calls: user functions (argument binding, defaults, monomorphisation), builtins, `math`,
//! `time` and list methods.

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::{DefaultValue, Imported, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::Ty;
use kiln_ir::{
    BinaryOp, Block, CompareOp, ExceptionKind, Expression, Handle, Literal, MathFunction, RuntimeFn, Span, Statement,
    UnaryOp,
};
use rustpython_parser::ast;

const BUILTINS: &[&str] = &[
    "print", "len", "str", "int", "float", "bool", "abs", "min", "max", "range", "repr", "format", "ord", "chr", "hex",
    "oct", "bin", "dict", "set", "round", "divmod", "pow", "input", "hash", "id",
];

/// Methods of Python's built-in types that kiln does not provide yet (to tell "not yet" from
/// "no such attribute").
const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];
const LIST_METHODS: &[&str] =
    &["clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"];
const INT_METHODS: &[&str] = &["bit_length", "bit_count", "to_bytes", "conjugate", "as_integer_ratio"];
const FLOAT_METHODS: &[&str] = &["is_integer", "hex", "as_integer_ratio", "conjugate"];

/// Python builtins kiln does not provide yet (reported as such, not as unknown names).
pub(crate) const LATER_BUILTINS: &[&str] = &[
    "tuple",
    "iter",
    "type",
    "super",
    "object",
    "exit",
    "quit",
    "callable",
    "getattr",
    "setattr",
    "hasattr",
    "vars",
    "dir",
    "globals",
    "locals",
    "eval",
    "exec",
    "compile",
    "slice",
    "frozenset",
    "bytes",
    "bytearray",
    "complex",
    "memoryview",
    "ascii",
    "breakpoint",
    "help",
    "staticmethod",
    "classmethod",
    "property",
];

/// Whether `call` calls `name` by that name (not through a variable or a method).
fn is_builtin_type_name(name: &str) -> bool {
    matches!(name, "int" | "bool" | "float" | "str" | "list" | "tuple" | "dict" | "set")
}

fn call_names(call: &ast::ExprCall, name: &str) -> bool {
    matches!(&*call.func, ast::Expr::Name(n) if n.id.as_str() == name)
}

pub(crate) fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
}

impl FnCx<'_, '_> {
    pub fn call(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        if let Some(path) = self.gpu_path(&call.func) {
            return self.gpu_call(&path, call, span);
        }
        if super::comprehension::eager_genexpr_call(call) {
            let ast::Expr::GeneratorExp(g) = &call.args[0] else { unreachable!("checked") };
            if let ast::Expr::Name(n) = &*call.func {
                let name = n.id.as_str();
                let builtin = !self.is_local(name)
                    && !self.p.globals.contains_key(name)
                    && !self.comp_vars.contains_key(name)
                    && !self.p.def_by_name.contains_key(name);
                if builtin && (name == "any" || name == "all") && call.keywords.is_empty() {
                    return self.any_all_genexpr(name == "any", g, span);
                }
            }
            self.eager_genexprs.insert(g.range.start().to_u32());
        }
        match &*call.func {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                if name == super::comprehension::APPEND_MARKER {
                    return self.comprehension_append(call, span);
                }
                if name == super::comprehension::STOP_MARKER {
                    return self.comprehension_stop(span);
                }
                if self.holds_function(name) {
                    let f = self.name_value(name, self.span_of(&*call.func))?;
                    return self.call_value(f, call, span);
                }
                if self.is_self_name(name) {
                    if let Some(f) = self.sibling_closure(name, self.span_of(&*call.func))? {
                        return self.call_value(f, call, span);
                    }
                }
                if let Some(id) = self.class_named(name) {
                    self.class_value(id, self.span_of(&*call.func))?;
                    return self.construct(id, call, span);
                }
                if let Some(Ty::Class(id)) = self.var_type(name).map(|v| v.ty) {
                    return self.construct(id, call, span);
                }
                if name == "float32" && !self.is_local(name) && !self.p.globals.contains_key(name) {
                    return self.float32_call(call, span);
                }
                if self.is_local(name) || self.p.globals.contains_key(name) || self.comp_vars.contains_key(name) {
                    let v = self.name_value(name, self.span_of(&*call.func))?;
                    if v.ty.class().is_some() && self.has_method(&v.ty, "__call__") {
                        return self.object_method_call(v, "__call__", call, span);
                    }
                    return self.fail(Diagnostic::error(format!("'{}' object is not callable", v.ty), span));
                }
                // The prelude's own helpers come first inside the prelude.
                if self.in_stdlib() {
                    if let Some(&def) = self.p.stdlib_by_name.get(name) {
                        return self.call_user(def, call, span);
                    }
                    if name.starts_with("__kiln_") {
                        return self.call_intrinsic(name, call, span);
                    }
                }
                if let Some(&def) = self.p.def_by_name.get(name) {
                    if self.p.defs[def].kernel {
                        return self.launch(def, call, span);
                    }
                    return self.call_user(def, call, span);
                }
                match self.p.imports.get(name).cloned() {
                    Some(Imported::MathMember(member)) => return self.call_math(&member, call, span),
                    Some(Imported::TimeMember(member)) => return self.call_time(&member, call, span),
                    Some(Imported::KilnMember(_)) => return self.fail(super::par::misplaced_par(span)),
                    Some(Imported::RandomMember(member)) => return self.call_random(&member, call, span),
                    Some(Imported::SysMember(member)) => return self.call_sys(&member, call, span),
                    Some(Imported::CollectionsMember(member)) => return self.call_collections(&member, call, span),
                    Some(_) => return self.fail(Diagnostic::error(format!("module `{name}` is not callable"), span)),
                    None => {}
                }
                // `key=` with a function: the prelude's keyed variant.
                if let Some(def) = self.keyed_variant(name, call) {
                    return self.call_user(def, call, span);
                }
                if name == "open" {
                    return self.builtin_open(call, span);
                }
                if name == "isinstance" {
                    return self.builtin_isinstance(call, span);
                }
                if name == "next" {
                    return self.builtin_next(call, span);
                }
                if is_builtin(name) {
                    return self.call_builtin(name, call, span);
                }
                if let Some(&def) = self.p.stdlib_by_name.get(name).filter(|_| !name.starts_with('_')) {
                    if let ("zip", [ast::Expr::Starred(star)], []) = (name, &call.args[..], &call.keywords[..]) {
                        return self.zip_spread(&star.value, span);
                    }
                    if name == "sorted" && call.args.len() == 1 && !matches!(call.args[0], ast::Expr::Starred(_)) {
                        let x = self.expr(&call.args[0])?;
                        let x = self.none_as_iterable(name, x, span);
                        return self.sorted_value(def, x, call, span);
                    }
                    return self.call_user(def, call, span);
                }
                if self.p.final_pass
                    && !self.p.diagnostics.is_empty()
                    && (self.is_local(name) || self.p.module_names.contains(name))
                {
                    return Err(super::Stop); // its failed assignment was reported already
                }
                if LATER_BUILTINS.contains(&name) {
                    return self.fail(Diagnostic::error(
                        format!("kiln does not support the builtin `{name}` yet"),
                        self.span_of(&*call.func),
                    ));
                }
                if let Some(kind) = ExceptionKind::from_name(name) {
                    if !call.keywords.is_empty() {
                        return self.fail(Diagnostic::error(format!("{name}() takes no keyword arguments"), span));
                    }
                    let mut args = Vec::new();
                    for a in &call.args {
                        args.push(self.expr(a)?);
                    }
                    return self.new_builtin_exception(kind, args, span);
                }
                self.fail(
                    Diagnostic::error(
                        format!("name `{}` is not defined", super::names::split_module(name).1),
                        self.span_of(&*call.func),
                    )
                    .with_label("not found in this scope"),
                )
            }
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(n) = &*a.value {
                    match self.read_name_is_module(n.id.as_str()) {
                        Some(Imported::MathModule) => return self.call_math(a.attr.as_str(), call, span),
                        Some(Imported::TimeModule) => return self.call_time(a.attr.as_str(), call, span),
                        Some(Imported::KilnModule) if a.attr.as_str() == "par" => {
                            return self.fail(super::par::misplaced_par(span))
                        }
                        Some(Imported::RandomModule) => return self.call_random(a.attr.as_str(), call, span),
                        Some(Imported::SysModule) => return self.call_sys(a.attr.as_str(), call, span),
                        Some(Imported::CollectionsModule) => return self.call_collections(a.attr.as_str(), call, span),
                        _ => {}
                    }
                }
                self.call_method(a, call, span)
            }
            callee => {
                let f = self.expr(callee)?;
                match f.ty {
                    Ty::Func(_) | Ty::Funcs(_) => self.call_value(f, call, span),
                    Ty::Object(_) | Ty::Optional(_) if self.has_method(&f.ty, "__call__") => {
                        self.object_method_call(f, "__call__", call, span)
                    }
                    Ty::Unknown => self.unknown(span),
                    _ => self.fail(Diagnostic::error(format!("'{}' object is not callable", f.ty), span)),
                }
            }
        }
    }

    /// Whether a call of `name` here reaches the builtin or prelude function of that name:
    /// nothing of the program shadows it. Mirrors the order in which `call` resolves names.
    pub(crate) fn calls_builtin(&self, name: &str) -> bool {
        !(self.holds_function(name)
            || self.is_self_name(name)
            || self.class_named(name).is_some()
            || self.var_type(name).is_some()
            || self.is_local(name)
            || self.p.globals.contains_key(name)
            || self.comp_vars.contains_key(name)
            || (self.in_stdlib() && self.p.stdlib_by_name.contains_key(name))
            || self.p.def_by_name.contains_key(name)
            || self.p.imports.contains_key(name))
    }

    /// `zip(*rows)`: the rows' items position by position, as tuples whose length (the number
    /// of rows) is known only at run time.
    fn zip_spread(&mut self, rows: &ast::Expr, span: Span) -> Res<Val> {
        let rows_span = self.span_of(rows);
        let rows = self.expr_iterable(rows)?;
        let elem = match &rows.ty {
            Ty::List(row) => match &**row {
                Ty::List(e) | Ty::VarTuple(e) => (**e).clone(),
                Ty::Str => Ty::Str,
                Ty::Unknown => return self.unknown(span),
                other => {
                    return self.fail(
                        Diagnostic::error(
                            format!("kiln supports `zip(*rows)` of lists or strs, not of {other}"),
                            rows_span,
                        )
                        .with_label(format!("these rows are {other}")),
                    )
                }
            },
            Ty::Unknown => return self.unknown(span),
            other => {
                return self.fail(Diagnostic::error(format!("kiln cannot spread a {other} with `*` here"), rows_span))
            }
        };
        // (A tuple of run-time length is a list underneath.)
        let rows = match &rows.ty {
            Ty::List(row) if matches!(**row, Ty::VarTuple(_)) => {
                Val { ty: Ty::list(Ty::list(elem.clone())), h: rows.h }
            }
            _ => rows,
        };
        let columns = self.call_stdlib("_zip_spread", vec![rows], span)?;
        // Each column is a new list that nothing else sees: a tuple of run-time length.
        let ty = Ty::list(Ty::VarTuple(Box::new(elem)));
        ty.to_ir(&mut self.p.module);
        Ok(Val { ty, h: columns.h })
    }

    /// `sorted(x, ...)` (the prelude's `def`, without `key=`) with `x` already evaluated. The
    /// characters of a str are sorted by one runtime call that builds the list at once; any
    /// other iterable runs the prelude's `sorted`.
    pub(crate) fn sorted_value(&mut self, def: usize, x: Val, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let args = self.bind_arguments(def, None, Some(vec![x]), Some(call), &[], span)?;
        if args.len() == 3 && args[0].ty == Ty::Str && args[1].ty == Ty::None {
            let reverse = self.truthy(args[2].clone(), span)?;
            let reverse = Val { ty: Ty::Bool, h: reverse };
            return Ok(self.rt(RuntimeFn::StrSorted, vec![args[0].clone(), reverse], Ty::list(Ty::Str), span));
        }
        self.call_bound(def, args, Some(call), span)
    }

    /// `isinstance(x, T)`: known at compile time from `x`'s static type (bool is an int).
    fn builtin_isinstance(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let [value, classes] = &call.args[..] else {
            return self.fail(Diagnostic::error("isinstance expected 2 arguments", span));
        };
        let mut v = self.expr(value)?;
        let names: Vec<&ast::Expr> = match classes {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            one => vec![one],
        };
        // A value that may be None: the scalar's answer where there is one, else only
        // `object` (None is an instance of nothing else kiln knows).
        let mut present = None;
        if let Ty::Maybe(_) = v.ty {
            let of_object = names.iter().any(|c| matches!(c, ast::Expr::Name(n) if n.id.as_str() == "object"));
            if of_object {
                return Ok(self.bool_lit(true, span));
            }
            present = Some(self.maybe_present(&v, span));
            v = self.maybe_value(&v, span);
        }
        let mut result = false;
        let mut dynamic = None;
        for c in names {
            let ast::Expr::Name(n) = c else {
                return self
                    .fail(Diagnostic::error("kiln supports isinstance with built-in type names", self.span_of(c)));
            };
            if let Some(id) = self.class_named(n.id.as_str()) {
                let hit = self.isinstance_class(&v, id, span);
                let so_far = self.lit(Literal::Bool(result), span);
                let any = self.emit(Expression::Binary { op: BinaryOp::BitOr, left: so_far, right: hit }, span);
                dynamic = Some(match dynamic {
                    None => any,
                    Some(d) => self.emit(Expression::Binary { op: BinaryOp::BitOr, left: d, right: any }, span),
                });
                continue;
            }
            // An instance of a user exception class against a built-in one: known statically.
            if let (Some(c), Some(kind)) = (v.ty.class(), ExceptionKind::from_name(n.id.as_str())) {
                if let Some(base) = self.p.builtin_exception_base(c.id()) {
                    result |= base.is_subclass_of(kind);
                    continue;
                }
            }
            // An exception value against an exception class: a test of its class.
            let class = match ExceptionKind::from_name(n.id.as_str()) {
                Some(kind) => Some(kiln_ir::ExceptionClass::Builtin(kind)),
                None => self
                    .class_named(n.id.as_str())
                    .filter(|&id| self.p.is_exception_class(id))
                    .map(kiln_ir::ExceptionClass::User),
            };
            if let (Ty::Exception, Some(class)) = (&v.ty, class) {
                let hit = self.emit(Expression::ExceptionMatches { exception: v.h, class }, span);
                dynamic = Some(match dynamic {
                    None => hit,
                    Some(d) => self.emit(Expression::Binary { op: BinaryOp::BitOr, left: d, right: hit }, span),
                });
                continue;
            }
            let hit = match (n.id.as_str(), &v.ty) {
                ("int", Ty::Int | Ty::Bool) | ("bool", Ty::Bool) | ("float", Ty::Float) | ("str", Ty::Str) => true,
                ("list", Ty::List(_)) | ("tuple", Ty::Tuple(_) | Ty::VarTuple(_)) => true,
                ("dict", Ty::Dict(..)) | ("set", Ty::Set(_)) => true,
                ("object", _) => true,
                (_, Ty::Object(_) | Ty::Optional(_)) if is_builtin_type_name(n.id.as_str()) => false,
                ("int" | "bool" | "float" | "str" | "list" | "tuple" | "dict" | "set", _) => false,
                (other, _) => {
                    return self.fail(Diagnostic::error(
                        format!("kiln supports isinstance with built-in types, not `{other}`"),
                        self.span_of(c),
                    ))
                }
            };
            result |= hit;
        }
        let mut h = match dynamic {
            Some(d) => {
                let so_far = self.lit(Literal::Bool(result), span);
                self.emit(Expression::Binary { op: BinaryOp::BitOr, left: so_far, right: d }, span)
            }
            None => self.lit(Literal::Bool(result), span),
        };
        if let Some(p) = present {
            h = self.emit(Expression::Binary { op: BinaryOp::BitAnd, left: p, right: h }, span);
        }
        Ok(Val { ty: Ty::Bool, h })
    }

    /// The prelude's `<name>__key` when the call passes a `key=` that is not `None`.
    fn keyed_variant(&self, name: &str, call: &ast::ExprCall) -> Option<usize> {
        let keyed = call.keywords.iter().any(|k| {
            k.arg.as_deref() == Some("key")
                && !matches!(&k.value, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None))
        });
        if !keyed {
            return None;
        }
        self.p.stdlib_by_name.get(&format!("{name}__key")).copied()
    }

    /// An intrinsic of the prelude (`__kiln_*`): operations kiln-Python cannot spell.
    fn call_intrinsic(&mut self, name: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let args = self.positional_only(call, name)?;
        match name {
            // A zero of the numeric type a list's elements add up in (bool adds as int).
            "__kiln_zero_like" => {
                self.arity(name, &args, 1, 1, span)?;
                let elem = match &args[0].ty {
                    Ty::List(e) | Ty::Set(e) | Ty::Dict(e, ..) => Some((**e).clone()),
                    Ty::Tuple(es) => Some(es.first().cloned().unwrap_or(Ty::Int)),
                    _ => None,
                };
                match &args[0].ty {
                    _ if elem == Some(Ty::Float) => Ok(Val { ty: Ty::Float, h: self.lit(Literal::F64(0.0), span) }),
                    // Not known yet: wait for a later round rather than guess `int`.
                    _ if elem == Some(Ty::Unknown) && !self.p.final_pass => self.unknown(span),
                    _ if matches!(elem, Some(Ty::Int | Ty::Bool | Ty::Unknown)) => Ok(self.int(0, span)),
                    Ty::Unknown => self.unknown(span),
                    other => self.fail(Diagnostic::error(
                        format!("unsupported operand type(s) for +: 'int' and '{other}'"),
                        span,
                    )),
                }
            }
            // Whether a container's (or generator's) elements are instances: `sum` adds them
            // with their `__add__`/`__radd__` (known at compile time).
            "__kiln_elements_are_objects" => {
                self.arity(name, &args, 1, 1, span)?;
                let known = match &args[0].ty {
                    Ty::List(e) | Ty::Set(e) | Ty::Dict(e, ..) | Ty::Generator(e) => Some((**e).clone()),
                    Ty::Tuple(es) => Some(es.first().cloned().unwrap_or(Ty::Int)),
                    Ty::Unknown => None,
                    _ => Some(Ty::Int),
                };
                match known {
                    Some(Ty::Unknown) | None if !self.p.final_pass => self.unknown(span),
                    Some(e) => Ok(self.bool_lit(e.class().is_some(), span)),
                    None => self.unknown(span),
                }
            }
            "__kiln_is_object" => {
                self.arity(name, &args, 1, 1, span)?;
                Ok(self.bool_lit(args[0].ty.class().is_some(), span))
            }
            // `_ceil(_log(n, 4))` as random.py computes it (in doubles).
            "__kiln_ceil_log4" => {
                self.arity(name, &args, 1, 1, span)?;
                let x = self.float_arg(args[0].clone(), span, name)?;
                let log = self.math_call(kiln_ir::MathFunction::Log, vec![x], span)?;
                let four = Val { ty: Ty::Float, h: self.lit(Literal::F64(4.0), span) };
                let log4 = self.math_call(kiln_ir::MathFunction::Log, vec![four], span)?;
                let q = self.emit(Expression::Binary { op: BinaryOp::Div, left: log.h, right: log4.h }, span);
                self.math_call(kiln_ir::MathFunction::Ceil, vec![Val { ty: Ty::Float, h: q }], span)
            }
            "__kiln_randbelow" => {
                self.arity(name, &args, 1, 1, span)?;
                Ok(self.randbelow(args[0].clone(), span))
            }
            // Shortens a list (the prelude guarantees 0 <= n <= len).
            "__kiln_list_truncate" => {
                self.arity(name, &args, 2, 2, span)?;
                self.push(Statement::ListTruncate { list: args[0].h, len: args[1].h }, span);
                Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
            }
            _ => self.fail(Diagnostic::error(format!("internal error: unknown intrinsic `{name}`"), span)),
        }
    }

    fn positional_only(&mut self, call: &ast::ExprCall, name: &str) -> Res<Vec<Val>> {
        if let Some(k) = call.keywords.first() {
            let kw = k.arg.as_ref().map(|a| a.to_string()).unwrap_or_else(|| "**".into());
            return self.fail(Diagnostic::error(
                format!("{name}() got an unexpected keyword argument '{kw}'"),
                self.span_of(k),
            ));
        }
        let mut out = Vec::with_capacity(call.args.len());
        for a in &call.args {
            if let ast::Expr::Starred(_) = a {
                return self.fail(Diagnostic::error("kiln does not support `*` arguments yet", self.span_of(a)));
            }
            out.push(self.expr(a)?);
        }
        Ok(out)
    }

    fn arity(&mut self, name: &str, args: &[Val], min: usize, max: usize, span: Span) -> Res<()> {
        if args.len() < min || args.len() > max {
            let expected = if min == max {
                format!("exactly {min}")
            } else if args.len() < min {
                format!("at least {min}")
            } else {
                format!("at most {max}")
            };
            let limit = if args.len() < min { min } else { max };
            let noun = if limit == 1 { "argument" } else { "arguments" };
            return self
                .fail(Diagnostic::error(format!("{name}() takes {expected} {noun} ({} given)", args.len()), span));
        }
        Ok(())
    }

    // ----- user functions ---------------------------------------------------------------

    fn call_user(&mut self, def: usize, call: &ast::ExprCall, span: Span) -> Res<Val> {
        self.call_user_with(def, None, call, span)
    }

    /// Calls `def` with `receiver` (already evaluated) as its first argument, then the call's
    /// own arguments: `xs.index(v)` runs the prelude's `list__index(xs, v)`.
    pub(crate) fn call_user_with(
        &mut self,
        def: usize,
        receiver: Option<Val>,
        call: &ast::ExprCall,
        span: Span,
    ) -> Res<Val> {
        let mut args = self.bind_arguments(def, receiver.clone(), None, Some(call), &[], span)?;
        // `sorted(xs)` with `xs` None or a list, from the program: CPython's TypeError on None.
        if self.p.defs[def].stdlib && receiver.is_none() && !self.in_stdlib() {
            let name = self.p.defs[def].name.clone();
            args = args.into_iter().map(|a| self.none_as_iterable(&name, a, span)).collect();
        }
        self.call_bound(def, args, Some(call), span)
    }

    /// Binds a call's arguments to the parameters of `def`: `receiver` first, then the
    /// positional arguments (`evaluated` when they are already values, else those of `call`),
    /// then `call`'s keywords, then defaults (a closure's computed ones from its environment
    /// `env`); checks annotations.
    pub(crate) fn bind_arguments(
        &mut self,
        def: usize,
        receiver: Option<Val>,
        evaluated: Option<Vec<Val>>,
        call: Option<&ast::ExprCall>,
        env: &[Val],
        span: Span,
    ) -> Res<Vec<Val>> {
        let name = self.p.defs[def].name.clone();
        // A function reached through a value (`key(x)`) or made by the compiler has run its
        // `def` already; one called by its name may not have.
        let by_name = call.is_some_and(|c| call_names(c, &name));
        if by_name && !self.p.defs[def].stdlib && !self.p.defs[def].synthetic && !self.def_is_bound(&name) {
            let def_span = self.p.defs[def].span;
            return self.fail(
                Diagnostic::error(format!("`{name}` is called before its `def` has run"), span)
                    .with_secondary(def_span, "defined here")
                    .with_note("Python would raise NameError here; move the definition above its first use"),
            );
        }
        let nparams = self.p.defs[def].params.len();
        let mut bound: Vec<Option<Val>> = vec![None; nparams];
        let vararg = self.p.defs[def].params.iter().position(|p| p.vararg);
        let mut positional: Vec<usize> = (0..nparams)
            .filter(|&i| !self.p.defs[def].params[i].keyword_only && !self.p.defs[def].params[i].vararg)
            .collect();
        if let Some(r) = receiver {
            if positional.is_empty() {
                return self.fail(Diagnostic::error(format!("internal error: `{name}` takes no receiver"), span));
            }
            bound[positional.remove(0)] = Some(r);
        }
        // `f(*xs)`: a tuple's items are arguments of their own; a list's are bound at run time.
        let mut evaluated = evaluated;
        let mut spread = None;
        if let Some(c) = call.filter(|c| evaluated.is_none() && super::spread::has_spread(c)) {
            let star = c.args.iter().find(|a| matches!(a, ast::Expr::Starred(_))).expect("has a spread");
            if self.p.defs[def].stdlib || !positional.iter().all(|&p| bound[p].is_none()) {
                return self
                    .fail(Diagnostic::error("kiln does not support `*` arguments here yet", self.span_of(star)));
            }
            let items = self.positional_items(&c.args)?;
            if items.iter().all(|i| matches!(i, super::spread::Positional::One(_))) {
                let values = items.into_iter().map(|i| match i {
                    super::spread::Positional::One(v) | super::spread::Positional::Many(v) => v,
                });
                evaluated = Some(values.collect());
            } else {
                // (CPython's messages for too many arguments then also count keyword-only ones.)
                let keyword_only = |k: &ast::Keyword| {
                    let params = &self.p.defs[def].params;
                    k.arg.as_ref().is_some_and(|a| params.iter().any(|p| p.keyword_only && p.name == a.as_str()))
                };
                if !c.keywords.iter().all(|k| vararg.is_some() && keyword_only(k)) {
                    return self.fail(Diagnostic::error(
                        "kiln does not support keyword arguments together with `*` of a list here yet",
                        self.span_of(star),
                    ));
                }
                spread = Some(items);
            }
        }
        let given = match (&evaluated, call) {
            (Some(values), _) => values.len(),
            (None, Some(c)) => c.args.len(),
            (None, None) => 0,
        };
        if spread.is_none() && given > positional.len() && vararg.is_none() {
            let n = positional.len();
            let s = if n == 1 { "" } else { "s" };
            let was = if given == 1 { "was" } else { "were" };
            return self.fail(
                Diagnostic::error(format!("{name}() takes {n} positional argument{s} but {given} {was} given"), span)
                    .with_secondary(self.p.defs[def].span, "defined here"),
            );
        }
        let mut extra = Vec::new();
        match evaluated {
            None if spread.is_some() => {
                let items = spread.take().expect("checked");
                let receiver = usize::from(bound.iter().any(Option::is_some));
                self.bind_spread(def, (receiver, &positional), vararg, items, &mut bound, env, span)?;
            }
            Some(values) => {
                let mut values = values.into_iter();
                for (slot, v) in positional.iter().zip(values.by_ref()) {
                    bound[*slot] = Some(v);
                }
                extra.extend(values);
            }
            None => {
                for (i, a) in call.map(|c| &c.args[..]).unwrap_or_default().iter().enumerate() {
                    if let ast::Expr::Starred(_) = a {
                        return self
                            .fail(Diagnostic::error("kiln does not support `*` arguments yet", self.span_of(a)));
                    }
                    // The prelude takes a `range(...)` argument as the list of its values.
                    let v = if !self.p.defs[def].stdlib {
                        self.expr(a)?
                    } else if matches!(name.as_str(), "any" | "all") {
                        // They stop at the first decisive value: a generator is resumed as they go.
                        let v = self.expr(a)?;
                        self.iterated(v, self.span_of(a))?
                    } else {
                        self.expr_iterable(a)?
                    };
                    match positional.get(i) {
                        Some(slot) => bound[*slot] = Some(v),
                        None => extra.push(v),
                    }
                }
            }
        }
        // `*args` takes the rest, as a tuple.
        if let Some(slot) = vararg.filter(|&v| bound[v].is_none()) {
            let ty = Ty::Tuple(extra.iter().map(|v| v.ty.clone()).collect());
            ty.to_ir(&mut self.p.module);
            let h = self.emit(Expression::TupleNew { elems: extra.iter().map(|v| v.h).collect() }, span);
            bound[slot] = Some(Val { ty, h });
        }
        for k in call.map(|c| &c.keywords[..]).unwrap_or_default() {
            let Some(kw) = &k.arg else {
                return self.fail(Diagnostic::error("kiln does not support `**` arguments yet", self.span_of(k)));
            };
            let Some(slot) = self.p.defs[def].params.iter().position(|p| p.name == kw.as_str()) else {
                return self.fail(
                    Diagnostic::error(format!("{name}() got an unexpected keyword argument '{kw}'"), self.span_of(k))
                        .with_secondary(self.p.defs[def].span, "defined here"),
                );
            };
            if bound[slot].is_some() {
                return self.fail(Diagnostic::error(
                    format!("{name}() got multiple values for argument '{kw}'"),
                    self.span_of(k),
                ));
            }
            bound[slot] = Some(self.expr(&k.value)?);
        }
        let mut missing = Vec::new();
        for (slot, value) in bound.iter_mut().enumerate() {
            if value.is_some() {
                continue;
            }
            match self.default_value(def, slot, env, span)? {
                Some(v) => *value = Some(v),
                None => missing.push(self.p.defs[def].params[slot].name.clone()),
            }
        }
        if !missing.is_empty() {
            let n = missing.len();
            let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
            let list = match quoted.len() {
                1 => quoted[0].clone(),
                _ => format!("{} and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
            };
            let s = if n == 1 { "" } else { "s" };
            return self.fail(
                Diagnostic::error(format!("{name}() missing {n} required argument{s}: {list}"), span)
                    .with_secondary(self.p.defs[def].span, "defined here"),
            );
        }
        let args: Vec<Val> = bound.into_iter().map(|b| b.expect("every parameter is bound")).collect();
        // Annotations are checked; the instance keeps the actual argument types, so values
        // print exactly as CPython prints them.
        for (i, a) in args.iter().enumerate() {
            if let Some((declared, ann_span)) = self.p.defs[def].params[i].annotation.clone() {
                if !a.ty.conforms_to(&declared) {
                    let pname = self.p.defs[def].params[i].name.clone();
                    let arg_span = call.and_then(|c| self.arg_span(c, def, i)).unwrap_or(span);
                    return self.fail(
                        Diagnostic::error(
                            format!("argument `{pname}` of `{name}` expects {declared}, found {}", a.ty),
                            arg_span,
                        )
                        .with_label(format!("this is {}", a.ty))
                        .with_secondary(ann_span, format!("`{pname}` is declared {declared} here")),
                    );
                }
            }
        }
        Ok(args)
    }

    /// The default value of parameter `slot` of `def` (`None` when it has none).
    pub(crate) fn default_value(&mut self, def: usize, slot: usize, env: &[Val], span: Span) -> Res<Option<Val>> {
        let default = match &self.p.defs[def].params[slot].default {
            Some(DefaultValue::Constant(e)) => Ok(*e),
            Some(DefaultValue::Global(g)) => Err(g.clone()),
            Some(DefaultValue::Captured { capture, .. }) => {
                let Some(v) = env.get(*capture) else {
                    return self
                        .fail(Diagnostic::error("internal error: a closure called without its environment", span));
                };
                return Ok(Some(v.clone()));
            }
            None => return Ok(None),
        };
        Ok(Some(match default {
            Ok(expr) => self.expr(expr)?,
            Err(global) => {
                let ty = self.p.globals.get(&global).map(|g| g.ty.clone()).unwrap_or(Ty::Unknown);
                if let Some(&g) = self.p.global_handles.get(&global).filter(|_| self.p.final_pass) {
                    Val { ty, h: self.emit(Expression::LoadGlobal(g), span) }
                } else {
                    // `def f(v, seen=[])` filled by the body: the hidden global learns.
                    let value = Val { ty, h: self.lit(Literal::None, span) };
                    self.note_origin(&value, Origin::Var(global));
                    value
                }
            }
        }))
    }

    /// Calls a prelude function with arguments already evaluated (`xs == ys` runs `_list_eq`).
    pub(crate) fn call_stdlib(&mut self, name: &str, args: Vec<Val>, span: Span) -> Res<Val> {
        let Some(&def) = self.p.stdlib_by_name.get(name) else {
            return self.fail(Diagnostic::error(format!("internal error: no `{name}` in kiln's prelude"), span));
        };
        self.call_bound(def, args, None, span)
    }

    /// The call of `def` with its parameters bound to `args` (`call`, when the program wrote
    /// one, locates arguments in messages).
    pub(crate) fn call_bound(
        &mut self,
        def: usize,
        args: Vec<Val>,
        call: Option<&ast::ExprCall>,
        span: Span,
    ) -> Res<Val> {
        self.call_with_env(def, args, Vec::new(), call, span)
    }

    /// The call of `def` with its parameters bound to `args` and its captured variables to
    /// `env` (a nested function's environment, see `funcs.rs`).
    pub(crate) fn call_with_env(
        &mut self,
        def: usize,
        args: Vec<Val>,
        env: Vec<Val>,
        call: Option<&ast::ExprCall>,
        span: Span,
    ) -> Res<Val> {
        // An empty list literal argument (`f([])`) takes the type the callee learned for its
        // parameter in an earlier round (from the instance made for `list[?]`).
        let mut args = args;
        let probe_key = (def, args.iter().map(|a| a.ty.clone()).collect::<Vec<_>>());
        if let Some(&probe) = self.p.instance_by_key.get(&probe_key).filter(|_| args.iter().any(|a| !a.ty.is_known())) {
            for (i, a) in args.iter_mut().enumerate() {
                if a.ty.is_known() || self.has_learning_origin(a.h) {
                    continue;
                }
                let param = &self.p.defs[def].params[i].name;
                let Some(learned) = self.p.instances[probe].vars.get(param).map(|v| v.ty.clone()) else { continue };
                if learned.is_known() && a.ty.join(&learned).as_ref() == Some(&learned) {
                    *a = if self.p.final_pass {
                        self.coerce(a.clone(), &learned, span)
                    } else {
                        Val { ty: learned, h: a.h }
                    };
                }
            }
        }
        // `list[?]` arguments do instantiate (the callee may find the element type); wholly
        // unknown ones wait for the next round.
        if args.iter().any(|a| a.ty == Ty::Unknown || (self.p.final_pass && !a.ty.is_known())) {
            // (A function nothing calls is checked with unknown parameter types: no error.)
            if self.p.final_pass && !self.p.lenient {
                let i = args.iter().position(|a| !a.ty.is_known()).unwrap_or(0);
                let arg_span = call.and_then(|c| self.arg_span(c, def, i)).unwrap_or(span);
                let (what, example) = match args.get(i).map(|a| &a.ty) {
                    Some(Ty::Dict(..)) => ("the key and value types of this empty dict", "`d: dict[str, int] = {}`"),
                    Some(Ty::Set(_)) => ("the element type of this empty set", "`s: set[int] = set()`"),
                    _ => ("the element type of this empty list", "`xs: list[float] = []`"),
                };
                return self.fail(
                    Diagnostic::error(format!("kiln cannot infer {what}"), arg_span)
                        .with_note(format!("give it a type first, e.g. {example}")),
                );
            }
            return self.unknown(span);
        }
        if env.iter().any(|v| v.ty == Ty::Unknown || (self.p.final_pass && !v.ty.is_known())) {
            return self.unknown(span);
        }
        // A GPU array argument is the callee's own parameter there.
        let mut arg_tys: Vec<Ty> = args
            .iter()
            .enumerate()
            .map(|(i, a)| match &a.ty {
                Ty::GpuArray(g) => {
                    Ty::GpuArray(crate::ty::GpuArray { source: crate::ty::ArraySource::Param(i as u32), ..g.clone() })
                }
                other => other.clone(),
            })
            .collect();
        arg_tys.extend(env.iter().map(|v| v.ty.clone()));
        let inst = self.p.instance(def, arg_tys);
        self.note_call_site(inst);
        if self.p.defs[def].stdlib && !self.p.stdlib_call_sites.contains_key(&inst) {
            let site = match self.p.stdlib_call_sites.get(&self.inst).filter(|_| self.in_stdlib()) {
                Some(outer) => outer.clone(),
                None => (span, self.p.defs[def].name.replace("__", ".")),
            };
            self.p.stdlib_call_sites.insert(inst, site);
        }
        // A list the callee fills (`fill(xs)` with `xs = []`) tells the caller its type.
        for (i, a) in args.iter().enumerate() {
            let param = &self.p.defs[def].params[i].name;
            if let Some(learned) = self.p.instances[inst].vars.get(param).map(|v| v.ty.clone()) {
                self.learn(a, &learned, span)?;
            }
        }
        let ret = self.p.instances[inst].ret.clone();
        let h = self.emit(
            Expression::Call {
                function: Handle::from_index(inst),
                args: args.iter().chain(&env).map(|a| a.h).collect(),
            },
            span,
        );
        if ret == Ty::Unknown {
            return self.unknown(span);
        }
        let result = Val { ty: ret, h };
        self.note_origin(&result, Origin::CallResult(inst));
        Ok(result)
    }

    /// `hash(v)`: CPython's value (tuples combine their elements' hashes with CPython's
    /// algorithm; instances call `__hash__`).
    pub(crate) fn hash_value(&mut self, v: Val, span: Span) -> Res<Val> {
        let function = match v.ty {
            Ty::Int => RuntimeFn::HashInt,
            Ty::Bool => return Ok(self.cast(v, Ty::Int, span)),
            Ty::Float => RuntimeFn::HashFloat,
            Ty::Str => RuntimeFn::HashStr,
            Ty::None => {
                return self.fail(Diagnostic::error(
                    "kiln does not support hash(None) (CPython's value differs from run to run)",
                    span,
                ))
            }
            Ty::Unknown => return self.unknown(span),
            Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                return self.check_hashable(&v.ty, span).and_then(|_| self.unknown(span))
            }
            Ty::Object(_) | Ty::Optional(_) => return self.object_hash(v, span),
            Ty::Tuple(ref elems) => {
                let n = elems.len();
                let mut acc = self.int(kiln_ir::HASH_TUPLE_SEED, span);
                for i in 0..n {
                    let e = self.tuple_get(&v, i, span);
                    let h = self.hash_value(e, span)?;
                    acc = Val { ty: Ty::Int, h: self.runtime(RuntimeFn::HashTupleStep, vec![acc.h, h.h], span) };
                }
                let len = self.int(n as i64, span);
                return Ok(Val { ty: Ty::Int, h: self.runtime(RuntimeFn::HashTupleFinish, vec![acc.h, len.h], span) });
            }
            ref other => {
                return self.fail(Diagnostic::error(format!("kiln does not support hash() of {other} yet"), span))
            }
        };
        Ok(Val { ty: Ty::Int, h: self.runtime(function, vec![v.h], span) })
    }

    /// The source span of the argument bound to parameter `slot`, if written at the call.
    fn arg_span(&self, call: &ast::ExprCall, def: usize, slot: usize) -> Option<Span> {
        let name = &self.p.defs[def].params[slot].name;
        if let Some(k) = call.keywords.iter().find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name)) {
            return Some(self.span_of(k));
        }
        let positional: Vec<usize> =
            (0..self.p.defs[def].params.len()).filter(|&i| !self.p.defs[def].params[i].keyword_only).collect();
        let pos = positional.iter().position(|&i| i == slot)?;
        call.args.get(pos).map(|a| self.span_of(a))
    }

    // ----- builtins ---------------------------------------------------------------------

    fn call_builtin(&mut self, name: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        if name == "print" {
            return self.print(call, span);
        }
        if name == "range" {
            return self.range_object(call, span);
        }
        if matches!(name, "min" | "max") && super::spread::has_spread(call) {
            return self.min_max_spread(name == "min", call, span);
        }
        if let ("str" | "repr", [arg @ ast::Expr::IfExp(_)], []) = (name, &call.args[..], &call.keywords[..]) {
            // Only its text is seen: a conditional expression's branches may differ in type.
            return self.text_of(arg, name == "repr");
        }
        let args = self.positional_only(call, name)?;
        if args.iter().any(|a| a.ty == Ty::Unknown) {
            return self.unknown(span);
        }
        let args: Vec<Val> = args.into_iter().map(|a| self.none_as_iterable(name, a, span)).collect();
        // A value that may be None: only the builtins that look at None as CPython does.
        if let Some(m) = args.iter().find(|a| matches!(a.ty, Ty::Maybe(_))) {
            match (name, args.len()) {
                ("str" | "repr", 1) | ("format", 1 | 2) => {}
                ("bool", 1) => {
                    let h = self.truthy(m.clone(), span)?;
                    return Ok(Val { ty: Ty::Bool, h });
                }
                _ => {
                    return self.fail(Diagnostic::error(
                        format!("kiln does not support passing a value that may be None ({}) to {name}() yet", m.ty),
                        span,
                    ))
                }
            }
        }
        match name {
            "len" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = &args[0];
                match v.ty {
                    Ty::GpuArray(_) | Ty::GpuRow(_) => Ok(self.gpu_len(v.clone(), span)),
                    Ty::Str
                    | Ty::List(_)
                    | Ty::VarTuple(_)
                    | Ty::Dict(..)
                    | Ty::Set(_)
                    | Ty::DeviceArray(_)
                    | Ty::ExceptionArgs => Ok(Val { ty: Ty::Int, h: self.emit(Expression::Len { value: v.h }, span) }),
                    Ty::Tuple(ref elems) => Ok(self.int(elems.len() as i64, span)),
                    Ty::Range => self.range_call("_range_len", v, Vec::new(), span),
                    Ty::Object(_) | Ty::Optional(_) => self.object_len(v.clone(), span),
                    ref other => self.fail(Diagnostic::error(format!("object of type '{other}' has no len()"), span)),
                }
            }
            "str" => {
                self.arity(name, &args, 0, 1, span)?;
                match args.into_iter().next() {
                    None => Ok(self.str_lit("", span)),
                    Some(v) => self.str_of(v, span),
                }
            }
            "repr" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                self.repr_of(v, span)
            }
            "format" => {
                self.arity(name, &args, 1, 2, span)?;
                let mut it = args.into_iter();
                let v = it.next().expect("checked arity");
                match it.next() {
                    None => self.str_of(v, span),
                    Some(spec) if spec.ty == Ty::Str => self.format_with_spec(v, spec, span),
                    Some(spec) => {
                        self.fail(Diagnostic::error(format!("format() argument 2 must be str, not {}", spec.ty), span))
                    }
                }
            }
            "int" => {
                self.arity(name, &args, 0, 2, span)?;
                let mut it = args.into_iter();
                let Some(v) = it.next() else { return Ok(self.int(0, span)) };
                if let Some(base) = it.next() {
                    if v.ty != Ty::Str {
                        return self.fail(Diagnostic::error("int() can't convert non-string with explicit base", span));
                    }
                    let base = self.expect_int(base, span, "int() base")?;
                    let h = self.runtime(RuntimeFn::StrToInt, vec![v.h, base.h], span);
                    return Ok(Val { ty: Ty::Int, h });
                }
                match v.ty {
                    Ty::Int => Ok(v),
                    Ty::Bool | Ty::Float | Ty::Float32 => Ok(self.cast(v, Ty::Int, span)),
                    Ty::Str => {
                        let ten = self.int(10, span);
                        Ok(Val { ty: Ty::Int, h: self.runtime(RuntimeFn::StrToInt, vec![v.h, ten.h], span) })
                    }
                    ref other => self.fail(Diagnostic::error(
                        format!("int() argument must be a string, a bytes-like object or a real number, not '{other}'"),
                        span,
                    )),
                }
            }
            "float" => {
                self.arity(name, &args, 0, 1, span)?;
                let Some(v) = args.into_iter().next() else {
                    return Ok(Val { ty: Ty::Float, h: self.lit(Literal::F64(0.0), span) });
                };
                match v.ty {
                    Ty::Float => Ok(v),
                    Ty::Int | Ty::Bool | Ty::Float32 => Ok(self.cast(v, Ty::Float, span)),
                    Ty::Str => {
                        // Literal strings are converted now; others must wait for str parsing.
                        if let Some(Expression::Literal(Literal::Str(s))) = self.f.expressions.get(v.h) {
                            if let Some(x) = parse_float_literal(s) {
                                return Ok(Val { ty: Ty::Float, h: self.lit(Literal::F64(x), span) });
                            }
                            // Not a number: the conversion raises ValueError when it runs.
                        }
                        Ok(Val { ty: Ty::Float, h: self.runtime(RuntimeFn::StrToFloat, vec![v.h], span) })
                    }
                    Ty::Object(_) | Ty::Optional(_) if self.has_method(&v.ty, "__float__") => {
                        self.call_dunder(v, "__float__", &[], span)
                    }
                    ref other => self.fail(Diagnostic::error(
                        format!("float() argument must be a string or a real number, not '{other}'"),
                        span,
                    )),
                }
            }
            "ord" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                if v.ty != Ty::Str {
                    return self.fail(Diagnostic::error(
                        format!("ord() expected string of length 1, but {} found", v.ty),
                        span,
                    ));
                }
                Ok(Val { ty: Ty::Int, h: self.runtime(RuntimeFn::StrOrd, vec![v.h], span) })
            }
            "chr" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                let v = self.expect_int(v, span, "chr() argument")?;
                Ok(Val { ty: Ty::Str, h: self.runtime(RuntimeFn::StrChr, vec![v.h], span) })
            }
            "hex" | "oct" | "bin" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                let v = self.expect_int(v, span, &format!("{name}() argument"))?;
                let base = self.int(
                    match name {
                        "hex" => 16,
                        "oct" => 8,
                        _ => 2,
                    },
                    span,
                );
                Ok(Val { ty: Ty::Str, h: self.runtime(RuntimeFn::IntToBase, vec![v.h, base.h], span) })
            }
            "id" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                match v.ty {
                    Ty::Object(_) | Ty::List(_) | Ty::Dict(..) | Ty::Set(_) => {
                        Ok(Val { ty: Ty::Int, h: self.emit(Expression::ObjectAddress { value: v.h }, span) })
                    }
                    ref other => self.fail(
                        Diagnostic::error(
                            format!("kiln supports `id()` of instances, lists, dicts and sets, not of {other}"),
                            span,
                        )
                        .with_note("kiln's other values have no identity of their own"),
                    ),
                }
            }
            "hash" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                self.hash_value(v, span)
            }
            "round" => {
                self.arity(name, &args, 1, 2, span)?;
                self.builtin_round(args, span)
            }
            "divmod" => {
                self.arity(name, &args, 2, 2, span)?;
                self.builtin_divmod(args, span)
            }
            "pow" => {
                self.arity(name, &args, 2, 3, span)?;
                self.builtin_pow(args, span)
            }
            "input" => {
                self.arity(name, &args, 0, 1, span)?;
                self.builtin_input(args, span)
            }
            "dict" => {
                self.arity(name, &args, 0, 1, span)?;
                match args.into_iter().next() {
                    None => Ok(self.dict_new(&Ty::Unknown, &Ty::Unknown, span)),
                    // `dict(d)` of a defaultdict or Counter is a plain dict.
                    Some(v) if matches!(v.ty, Ty::Dict(..)) => Ok(Val {
                        ty: v.ty.as_plain_dict(),
                        h: self.emit(Expression::ContainerCopy { value: v.h }, span),
                    }),
                    Some(v) => self.call_stdlib("_dict_from_pairs", vec![v], span),
                }
            }
            "set" => {
                self.arity(name, &args, 0, 1, span)?;
                let Some(v) = args.into_iter().next() else { return Ok(self.set_new(&Ty::Unknown, span)) };
                let v = self.iterable_value(v, span)?;
                match v.ty.clone() {
                    Ty::List(e) => self.set_from_values(v, &e, span),
                    Ty::Set(_) => {
                        Ok(Val { ty: v.ty.clone(), h: self.emit(Expression::ContainerCopy { value: v.h }, span) })
                    }
                    Ty::Str => {
                        let chars = self.call_stdlib("list", vec![v], span)?;
                        self.set_from_values(chars, &Ty::Str, span)
                    }
                    Ty::Unknown => self.unknown(span),
                    other => self.fail(Diagnostic::error(format!("kiln cannot make a set from {other} yet"), span)),
                }
            }
            "bool" => {
                self.arity(name, &args, 0, 1, span)?;
                let Some(v) = args.into_iter().next() else { return Ok(self.bool_lit(false, span)) };
                Ok(Val { ty: Ty::Bool, h: self.truthy(v, span)? })
            }
            "abs" => {
                self.arity(name, &args, 1, 1, span)?;
                let v = args.into_iter().next().expect("checked arity");
                match v.ty {
                    Ty::Float => self.math_call(MathFunction::Fabs, vec![v], span),
                    Ty::Float32 => {
                        // Exact through a double.
                        let wide = self.cast(v, Ty::Float, span);
                        let a = self.math_call(MathFunction::Fabs, vec![wide], span)?;
                        Ok(self.cast(a, Ty::Float32, span))
                    }
                    Ty::Int | Ty::Bool => {
                        let v = self.cast(v, Ty::Int, span);
                        let zero = self.lit(Literal::I64(0), span);
                        let negative =
                            self.emit(Expression::Compare { op: CompareOp::Lt, left: v.h, right: zero }, span);
                        let result = self.new_temp(&Ty::Int, span);
                        self.push(Statement::Store { local: result, value: v.h }, span);
                        let accept = self.block(|cx| {
                            let n = cx.emit(Expression::Unary { op: UnaryOp::Neg, arg: v.h }, span);
                            cx.push(Statement::Store { local: result, value: n }, span);
                        });
                        self.push(Statement::If { condition: negative, accept, reject: Block::new() }, span);
                        Ok(self.load(result, Ty::Int, span))
                    }
                    Ty::Object(_) | Ty::Optional(_) if self.has_method(&v.ty, "__abs__") => {
                        self.call_dunder(v, "__abs__", &[], span)
                    }
                    ref other => self.fail(Diagnostic::error(format!("bad operand type for abs(): '{other}'"), span)),
                }
            }
            "min" | "max" => self.min_max(name == "min", args, span),
            _ => unreachable!("every builtin is handled"),
        }
    }

    /// `min`/`max` of several scalars or of one list, keeping the first extreme like CPython.
    pub(crate) fn min_max(&mut self, is_min: bool, args: Vec<Val>, span: Span) -> Res<Val> {
        let name = if is_min { "min" } else { "max" };
        if args.is_empty() {
            return self.fail(Diagnostic::error(format!("{name} expected at least 1 argument, got 0"), span));
        }
        let op = if is_min { ast::CmpOp::Lt } else { ast::CmpOp::Gt };
        if args.len() == 1 {
            let list = args.into_iter().next().expect("one argument");
            let list = self.tuple_items(list, &Ty::Int, span)?;
            let mut list = self.iterable_value(list, span)?;
            // Other iterables (str, set, dict keys) go through the list of their items.
            if matches!(list.ty, Ty::Str | Ty::Set(_) | Ty::Dict(..)) {
                list = self.call_stdlib("list", vec![list], span)?;
            }
            let Ty::List(elem) = list.ty.clone() else {
                return self.fail(Diagnostic::error(format!("'{}' object is not iterable", list.ty), span));
            };
            let elem = (*elem).clone();
            let len = self.emit(Expression::Len { value: list.h }, span);
            let zero = self.lit(Literal::I64(0), span);
            let empty = self.emit(Expression::Compare { op: CompareOp::Eq, left: len, right: zero }, span);
            self.raise_if(empty, ExceptionKind::ValueError, &format!("{name}() arg is an empty sequence"), span);
            let best = self.new_temp(&elem, span);
            let first = self.emit(Expression::Index { base: list.h, index: zero }, span);
            self.push(Statement::Store { local: best, value: first }, span);
            self.scan_list(list.h, &elem, 1, span, |cx, x| {
                let b = cx.emit(Expression::Load(best), span);
                let better = cx.compare(op, x.clone(), Val { ty: x.ty.clone(), h: b }, span)?;
                let pick = cx.emit(Expression::Select { condition: better, accept: x.h, reject: b }, span);
                cx.push(Statement::Store { local: best, value: pick }, span);
                Ok(())
            })?;
            return Ok(self.load(best, elem, span));
        }
        let ty = args[0].ty.clone();
        if let Some(other) = args.iter().find(|a| a.ty != ty) {
            return self.fail(
                Diagnostic::error(
                    format!("{name}() of {ty} and {}: the result's type would depend on the values", other.ty),
                    span,
                )
                .with_note("convert the arguments to one type first, e.g. float(x)"),
            );
        }
        let mut best = args[0].clone();
        for a in args.into_iter().skip(1) {
            let better = self.compare(op, a.clone(), best.clone(), span)?;
            let h = self.emit(Expression::Select { condition: better, accept: a.h, reject: best.h }, span);
            best = Val { ty: ty.clone(), h };
        }
        Ok(best)
    }

    pub(crate) fn runtime(
        &mut self,
        function: RuntimeFn,
        args: Vec<Handle<Expression>>,
        span: Span,
    ) -> Handle<Expression> {
        self.emit(Expression::RuntimeCall { function, args }, span)
    }

    // ----- modules ----------------------------------------------------------------------

    fn call_math(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let qualified = format!("math.{member}");
        if member == "radians" || member == "degrees" {
            // CPython multiplies by the constant pi/180 (or 180/pi), computed in double.
            let args = self.positional_only(call, &qualified)?;
            self.arity(&qualified, &args, 1, 1, span)?;
            let x = args.into_iter().next().expect("checked arity");
            let x = self.float_arg(x, span, &qualified)?;
            let factor = if member == "radians" { std::f64::consts::PI / 180.0 } else { 180.0 / std::f64::consts::PI };
            let k = self.lit(Literal::F64(factor), span);
            let h = self.emit(Expression::Binary { op: BinaryOp::Mul, left: x.h, right: k }, span);
            return Ok(Val { ty: Ty::Float, h });
        }
        if let Some(v) = self.call_math_extra(member, call, span)? {
            return Ok(v);
        }
        let Some(function) = MathFunction::from_name(member) else {
            if self.math_constant(member, span).is_some() {
                return self.fail(Diagnostic::error(
                    format!("'float' object is not callable (`{qualified}` is a constant)"),
                    span,
                ));
            }
            return self.fail(
                Diagnostic::error(format!("module `math` has no function `{member}`"), span)
                    .with_note("kiln's math module does not have it yet, or it is misspelled"),
            );
        };
        let args = self.positional_only(call, &qualified)?;
        if function == MathFunction::Log && args.len() == 2 {
            // math.log(x, base) is log(x) / log(base) in CPython too (same rounding, and
            // base 1 raises ZeroDivisionError from the division).
            if args.iter().any(|a| a.ty == Ty::Unknown) {
                return self.unknown(span);
            }
            let mut logs = Vec::with_capacity(2);
            for a in args {
                let x = self.float_arg(a, span, &qualified)?;
                logs.push(self.math_call(MathFunction::Log, vec![x], span)?);
            }
            let h = self.emit(Expression::Binary { op: BinaryOp::Div, left: logs[0].h, right: logs[1].h }, span);
            return Ok(Val { ty: Ty::Float, h });
        }
        let arity = function.arity();
        if args.len() != arity {
            let s = if arity == 1 { "" } else { "s" };
            return self.fail(Diagnostic::error(
                format!("{qualified}() takes exactly {arity} argument{s} ({} given)", args.len()),
                span,
            ));
        }
        if args.iter().any(|a| a.ty == Ty::Unknown) {
            return self.unknown(span);
        }
        // floor/ceil/trunc of an int is the int itself; isnan/isinf/isfinite of an int is known.
        if let [v] = &args[..] {
            if matches!(v.ty, Ty::Int | Ty::Bool) {
                match function {
                    MathFunction::Floor | MathFunction::Ceil | MathFunction::Trunc => {
                        return Ok(self.cast(v.clone(), Ty::Int, span))
                    }
                    MathFunction::IsNan | MathFunction::IsInf => return Ok(self.bool_lit(false, span)),
                    MathFunction::IsFinite => return Ok(self.bool_lit(true, span)),
                    _ => {}
                }
            }
        }
        let mut floats = Vec::with_capacity(args.len());
        for a in args {
            floats.push(self.float_arg(a, span, &qualified)?);
        }
        self.math_call(function, floats, span)
    }

    fn call_time(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let function = match member {
            "time" => RuntimeFn::TimeTime,
            "perf_counter" => RuntimeFn::TimePerfCounter,
            _ => {
                return self
                    .fail(Diagnostic::error(format!("module `time` has no function `{member}` in kiln yet"), span))
            }
        };
        let args = self.positional_only(call, &format!("time.{member}"))?;
        self.arity(&format!("time.{member}"), &args, 0, 0, span)?;
        Ok(Val { ty: Ty::Float, h: self.runtime(function, vec![], span) })
    }

    // ----- methods ----------------------------------------------------------------------

    fn call_method(&mut self, a: &ast::ExprAttribute, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let method = a.attr.as_str();
        if let ast::Expr::Call(inner) = &*a.value {
            if call_names(inner, "super") && inner.args.is_empty() && !self.is_local("super") {
                return self.super_call(method, call, span);
            }
        }
        let mut receiver = self.expr(&a.value)?;
        if let Ty::Maybe(_) = receiver.ty {
            let message = format!("'NoneType' object has no attribute '{method}'");
            receiver = self.maybe_unwrap(receiver, kiln_ir::ExceptionKind::AttributeError, &message, span);
        }
        match receiver.ty {
            Ty::Object(_) | Ty::Optional(_) => return self.object_method_call(receiver, method, call, span),
            Ty::None if !self.p.final_pass => return self.unknown(span),
            Ty::Class(id) => return self.class_method_call(id, method, call, span),
            _ => {}
        }
        if let Ty::DeviceArray(_) = receiver.ty {
            return self.device_array_method(receiver, method, call, span);
        }
        let kind = match receiver.ty {
            Ty::List(_) => Some("list"),
            Ty::Dict(..) => Some("dict"),
            Ty::Set(_) => Some("set"),
            Ty::Str => Some("str"),
            Ty::Tuple(_) => Some("tuple"),
            _ => None,
        };
        if receiver.ty == Ty::Str {
            if let Some(v) = self.str_method(receiver.clone(), method, call, span)? {
                return Ok(v);
            }
        }
        if receiver.ty == Ty::File {
            return self.file_method(receiver, method, call, span);
        }
        if let Some(v) = self.counter_method(receiver.clone(), method, call, span)? {
            return Ok(v);
        }
        if matches!(receiver.ty, Ty::Dict(..) | Ty::Set(_)) {
            if let Some(v) = self.container_method(receiver.clone(), method, call, span)? {
                return Ok(v);
            }
        }
        if let Some(def) = kind.and_then(|k| self.keyed_variant(&format!("{k}__{method}"), call)) {
            return self.call_user_with(def, Some(receiver), call, span);
        }
        if let Some(&def) = kind.and_then(|k| self.p.stdlib_by_name.get(&format!("{k}__{method}"))) {
            return self.call_user_with(def, Some(receiver), call, span);
        }
        let args = self.positional_only(call, method)?;
        match (&receiver.ty, method) {
            (Ty::List(elem), "append") => {
                self.arity("list.append", &args, 1, 1, span)?;
                let value = args.into_iter().next().expect("checked arity");
                let elem = (**elem).clone();
                self.reject_maybe_inside(&Ty::list(value.ty.clone()), span)?;
                let Some(joined) = elem.join(&value.ty) else {
                    return self.fail(
                        Diagnostic::error(format!("cannot append {} to a list of {elem}", value.ty), span)
                            .with_note("a kiln list holds values of one type"),
                    );
                };
                // `xs = []` then `xs.append(1.5)` makes `xs` a list of floats.
                if joined != elem {
                    self.learn(&receiver, &Ty::list(joined.clone()), span)?;
                    if self.p.final_pass {
                        return self
                            .fail(Diagnostic::error(format!("cannot append {} to a list of {elem}", value.ty), span));
                    }
                    return Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) });
                }
                // `d.append(empty)` with `empty = []`: the appended list learns its type from d.
                self.learn(&value, &elem, span)?;
                let value = self.coerce(value, &elem, span);
                self.push(Statement::ListAppend { list: receiver.h, value: value.h }, span);
                Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) })
            }
            (Ty::Unknown, _) => self.unknown(span),
            (ty, _) => {
                let (kind, methods) = match ty {
                    Ty::Str => ("str", STR_METHODS),
                    Ty::List(_) => ("list", LIST_METHODS),
                    Ty::Int | Ty::Bool => ("int", INT_METHODS),
                    Ty::Float => ("float", FLOAT_METHODS),
                    _ => ("", &[][..]),
                };
                let message = if methods.contains(&method) {
                    format!("kiln does not support the {kind} method `{method}` yet")
                } else {
                    format!("'{ty}' object has no attribute '{method}'")
                };
                self.fail(
                    Diagnostic::error(message, self.span_of(a))
                        .with_note("docs/language.md lists the methods kiln supports"),
                )
            }
        }
    }
}

/// `float("inf")`, `float("-nan")`, `float("1.5")` with a literal argument.
fn parse_float_literal(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(&t)),
    };
    match body {
        "inf" | "infinity" => Some(sign * f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => {
            let clean = body.replace('_', "");
            if clean.is_empty() || !clean.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-' | '+')) {
                return None;
            }
            clean.parse::<f64>().ok().map(|v| sign * v)
        }
    }
}
