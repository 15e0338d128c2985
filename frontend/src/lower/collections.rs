//! `collections.defaultdict` and `collections.Counter`.
//!
//! Both are dicts in storage and in every operation a dict has ([`Ty::Dict`] with a
//! [`DictKind`]), so `in`, `len`, iteration, `items()`, `del`, `sorted(...)` and the rest are the
//! dict's own. What differs is decided here, statically from the kind: a missing key's read
//! (`defaultdict` inserts `factory()`, `Counter` answers 0 without inserting), `repr`, and the
//! `Counter` methods and operators, written in the prelude (`_counter_*`). The prelude gets the
//! dicts as plain dicts (same IR type), so its `d[k]` is the plain lookup.

use kiln_ir::{Expression, Literal, Span, Statement};
use rustpython_parser::ast;

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::{Imported, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::{DictKind, Factory, Ty};

/// What `from collections import ...` may name.
pub(crate) const SUPPORTED: &[&str] = &["defaultdict", "Counter"];

/// The compile error for a `collections` member kiln does not provide.
pub(crate) fn unsupported_member(name: &str, span: Span) -> Diagnostic {
    Diagnostic::error(format!("kiln does not support `collections.{name}` yet"), span)
        .with_label("not provided by kiln")
        .with_note("kiln's `collections` provides `defaultdict` and `Counter`")
}

impl FnCx<'_, '_> {
    /// `defaultdict(...)` / `Counter(...)` (also as `collections.NAME(...)`).
    pub(crate) fn call_collections(&mut self, member: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        match member {
            "defaultdict" => self.new_defaultdict(call, span),
            "Counter" => self.new_counter(call, span),
            _ => self.fail(unsupported_member(member, span)),
        }
    }

    fn new_defaultdict(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        if call.args.len() != 1 || !call.keywords.is_empty() {
            return self.fail(
                Diagnostic::error("kiln supports `defaultdict(factory)` with exactly one argument", span).with_note(
                    "the factory is `int`, `float`, `str`, `list`, `set`, `dict` or a function without parameters",
                ),
            );
        }
        let arg = &call.args[0];
        let builtin = match arg {
            ast::Expr::Name(n) if self.calls_builtin(n.id.as_str()) => match n.id.as_str() {
                "int" => Some(Factory::Int),
                "float" => Some(Factory::Float),
                "str" => Some(Factory::Str),
                "list" => Some(Factory::List),
                "set" => Some(Factory::Set),
                "dict" => Some(Factory::Dict),
                _ => None,
            },
            ast::Expr::Name(n)
                if self.p.imports.get(n.id.as_str()) == Some(&Imported::CollectionsMember("Counter".into())) =>
            {
                Some(Factory::Counter)
            }
            ast::Expr::Attribute(a)
                if a.attr.as_str() == "Counter"
                    && matches!(&*a.value, ast::Expr::Name(n) if self.read_name_is_module(n.id.as_str()) == Some(Imported::CollectionsModule)) =>
            {
                Some(Factory::Counter)
            }
            _ => None,
        };
        let factory = match builtin {
            Some(f) => f,
            None => {
                let f = self.expr(arg)?;
                match &f.ty {
                    Ty::Func(func) if func.env.is_empty() => Factory::Func(func.def),
                    Ty::Unknown => return self.unknown(span),
                    Ty::Func(_) => {
                        return self.fail(
                            Diagnostic::error(
                                "kiln does not support a defaultdict factory that uses variables of an enclosing function",
                                self.span_of(arg),
                            )
                            .with_note("use a module-level function, or a lambda that uses only globals"),
                        )
                    }
                    other => {
                        return self.fail(
                            Diagnostic::error(format!("kiln cannot use a {other} as a defaultdict factory"), self.span_of(arg))
                                .with_note("the factory is `int`, `float`, `str`, `list`, `set`, `dict` or a function without parameters"),
                        )
                    }
                }
            }
        };
        let value = match factory {
            Factory::Int => Ty::Int,
            Factory::Float => Ty::Float,
            Factory::Str => Ty::Str,
            Factory::List => Ty::list(Ty::Unknown),
            Factory::Set => Ty::set(Ty::Unknown),
            Factory::Dict => Ty::dict(Ty::Unknown, Ty::Unknown),
            Factory::Counter => Ty::dict_of(Ty::Unknown, Ty::Int, DictKind::Counter),
            // Learned from the factory's calls at the reads of missing keys.
            Factory::Func(_) => Ty::Unknown,
        };
        let d = self.dict_new(&Ty::Unknown, &value, span);
        Ok(Val { ty: Ty::dict_of(Ty::Unknown, value, DictKind::Default(factory)), h: d.h })
    }

    fn new_counter(&mut self, call: &ast::ExprCall, span: Span) -> Res<Val> {
        if call.args.len() > 1 || !call.keywords.is_empty() {
            return self.fail(
                Diagnostic::error("kiln supports `Counter()` and `Counter(iterable)` only", span)
                    .with_note("keyword counts (`Counter(a=1)`) are not supported yet"),
            );
        }
        let Some(arg) = call.args.first() else {
            let d = self.dict_new(&Ty::Unknown, &Ty::Int, span);
            return Ok(Val { ty: Ty::dict_of(Ty::Unknown, Ty::Int, DictKind::Counter), h: d.h });
        };
        let xs = self.expr(arg)?;
        let counts = self.counts_of(xs, span)?;
        Ok(self.as_counter(counts))
    }

    /// The counts of an iterable's items, or of a mapping's values, as a plain dict.
    fn counts_of(&mut self, xs: Val, span: Span) -> Res<Val> {
        match &xs.ty {
            Ty::Unknown => self.unknown(span),
            Ty::Dict(_, v, _) if !matches!(**v, Ty::Int | Ty::Unknown) => self.fail(Diagnostic::error(
                format!("kiln's Counter counts with ints; this mapping's values are {v}"),
                span,
            )),
            Ty::Dict(..) => {
                let m = self.plain(xs, span);
                self.call_stdlib("_counter_from_map", vec![m], span)
            }
            _ => self.call_stdlib("_counter_from", vec![xs], span),
        }
    }

    /// A plain `dict[K, int]` made by the prelude, as a Counter.
    fn as_counter(&mut self, counts: Val) -> Val {
        match &counts.ty {
            Ty::Dict(k, _, _) => Val { ty: Ty::dict_of((**k).clone(), Ty::Int, DictKind::Counter), h: counts.h },
            _ => counts,
        }
    }

    /// A `collections` dict as the plain dict it is stored as. Open types are made `int` in
    /// every round (as `str_of` does for an empty dict), so that the prelude instance called is
    /// the same one in the final walk.
    fn plain(&mut self, d: Val, span: Span) -> Val {
        let ty = d.ty.as_plain_dict();
        let closed = ty.or_int();
        let h = self.coerce(Val { ty, h: d.h }, &closed, span).h;
        Val { ty: closed, h }
    }

    /// `d[k]` of a defaultdict or Counter (`dicts.rs`'s `dict_get` for the others).
    pub(crate) fn collections_get(&mut self, dict: Val, key: Val, span: Span) -> Res<Val> {
        let Ty::Dict(kt, vt, kind) = dict.ty.clone() else { unreachable!("called for dicts") };
        match kind {
            DictKind::Plain => unreachable!("plain dicts are read by dict_get"),
            // A missing key reads 0 and is not inserted.
            DictKind::Counter => {
                self.check_hashable(&key.ty, span)?;
                let zero = self.int(0, span);
                if *kt == Ty::Unknown || kt.join(&key.ty).is_none() {
                    return Ok(zero);
                }
                let key = self.coerce(key, &kt, span);
                let pair = Ty::Tuple(vec![Ty::Int, Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: dict.h, key: key.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let value = self.tuple_get(&t, 0, span);
                let h = self.emit(Expression::Select { condition: found.h, accept: value.h, reject: zero.h }, span);
                Ok(Val { ty: Ty::Int, h })
            }
            // A missing key gets `factory()` stored and returned; the factory runs only then.
            DictKind::Default(factory) => {
                self.check_hashable(&key.ty, span)?;
                let key = match kt.join(&key.ty) {
                    Some(k) if *kt != Ty::Unknown => self.coerce(key, &k, span),
                    Some(_) => key,
                    None => {
                        return self.fail(Diagnostic::error(
                            format!("kiln: a key of type {} cannot be in a dict with {kt} keys", key.ty),
                            span,
                        ))
                    }
                };
                let result = self.new_temp(&vt, span);
                let pair = Ty::Tuple(vec![(*vt).clone(), Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: dict.h, key: key.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let value = self.tuple_get(&t, 0, span);
                let accept = self.block(|cx| cx.push(Statement::Store { local: result, value: value.h }, span));
                let mut outcome = Ok(());
                let reject = self.block(|cx| {
                    outcome = (|| {
                        let made = cx.factory_value(&factory, &vt, span)?;
                        cx.dict_store(dict.clone(), key.clone(), made.clone(), span)?;
                        let made = cx.coerce(made, &vt, span);
                        cx.push(Statement::Store { local: result, value: made.h }, span);
                        Ok(())
                    })();
                });
                outcome?;
                self.push(Statement::If { condition: found.h, accept, reject }, span);
                let out = self.load(result, (*vt).clone(), span);
                // `d[k].append(x)` teaches the dict its value type.
                self.note_origin(&out, Origin::Item { container: dict, key: key.ty });
                Ok(out)
            }
        }
    }

    /// A new value of a defaultdict's factory, typed as the dict's values where they are known.
    fn factory_value(&mut self, factory: &Factory, vt: &Ty, span: Span) -> Res<Val> {
        Ok(match factory {
            Factory::Int => self.int(0, span),
            Factory::Float => Val { ty: Ty::Float, h: self.lit(Literal::F64(0.0), span) },
            Factory::Str => self.str_lit("", span),
            Factory::List => {
                let elem = match vt {
                    Ty::List(e) => (**e).clone(),
                    _ => Ty::Unknown,
                };
                let zero = self.int(0, span);
                Val { ty: Ty::list(elem.clone()), h: self.list_new(&elem, zero.h, span) }
            }
            Factory::Set => {
                let elem = match vt {
                    Ty::Set(e) => (**e).clone(),
                    _ => Ty::Unknown,
                };
                self.set_new(&elem, span)
            }
            Factory::Dict => {
                let (k, v) = match vt {
                    Ty::Dict(k, v, _) => ((**k).clone(), (**v).clone()),
                    _ => (Ty::Unknown, Ty::Unknown),
                };
                self.dict_new(&k, &v, span)
            }
            Factory::Counter => {
                let k = vt.dict_key_type().cloned().unwrap_or(Ty::Unknown);
                let d = self.dict_new(&k, &Ty::Int, span);
                Val { ty: Ty::dict_of(k, Ty::Int, DictKind::Counter), h: d.h }
            }
            Factory::Func(def) => {
                let f = self.func_value(*def, span);
                self.call_stdlib("_call0", vec![f], span)?
            }
        })
    }

    /// `repr()` of a defaultdict or Counter.
    pub(crate) fn collections_repr(&mut self, d: Val, span: Span) -> Res<Val> {
        let kind = d.ty.dict_kind().cloned().expect("called for dicts");
        let plain = self.plain(d, span);
        match kind {
            DictKind::Plain => unreachable!("plain dicts print in str_of"),
            DictKind::Counter => self.call_stdlib("_counter_repr", vec![plain], span),
            DictKind::Default(factory) => {
                let Some(name) = factory.class_name() else {
                    return self.fail(
                        Diagnostic::error("kiln cannot print a defaultdict whose factory is a function", span)
                            .with_note("CPython prints the function's memory address, which differs from run to run")
                            .with_note("print `dict(d)` instead"),
                    );
                };
                let open = self.str_lit(&format!("defaultdict(<class '{name}'>, "), span);
                let body = self.call_stdlib("_dict_repr", vec![plain], span)?;
                let close = self.str_lit(")", span);
                Ok(self.concat_all(vec![open, body, close], span))
            }
        }
    }

    /// The methods of Counter that a dict does not have, or has with another meaning
    /// (`update`). `None`: the dict's method.
    pub(crate) fn counter_method(
        &mut self,
        receiver: Val,
        method: &str,
        call: &ast::ExprCall,
        span: Span,
    ) -> Res<Option<Val>> {
        if !matches!(receiver.ty.dict_kind(), Some(DictKind::Counter)) {
            return Ok(None);
        }
        let what = format!("Counter.{method}");
        let none = |cx: &mut Self| Val { ty: Ty::None, h: cx.lit(Literal::None, span) };
        match method {
            "most_common" => {
                let args = self.args_of(call, &what, 0, 1, span)?;
                let c = self.plain(receiver, span);
                match args.into_iter().next() {
                    None => self.call_stdlib("_counter_most_common", vec![c], span).map(Some),
                    Some(n) if n.ty == Ty::None => self.call_stdlib("_counter_most_common", vec![c], span).map(Some),
                    Some(n) => {
                        let n = self.expect_int(n, span, "most_common() argument")?;
                        self.call_stdlib("_counter_most_common_n", vec![c, n], span).map(Some)
                    }
                }
            }
            "total" | "elements" => {
                self.args_of(call, &what, 0, 0, span)?;
                let c = self.plain(receiver, span);
                self.call_stdlib(&format!("_counter_{method}"), vec![c], span).map(Some)
            }
            "update" | "subtract" => {
                let args = self.args_of(call, &what, 0, 1, span)?;
                let Some(xs) = args.into_iter().next() else { return Ok(Some(none(self))) };
                let counts = self.counts_of(xs, span)?;
                let Ty::Dict(k, _, _) = counts.ty.clone() else { return self.unknown(span).map(Some) };
                // `c = Counter(); c.update(words)` teaches `c` its key type.
                let Some(key) = receiver.ty.dict_key_type().and_then(|kt| kt.join(&k)) else {
                    return self.fail(Diagnostic::error(format!("cannot count {k} items in a {}", receiver.ty), span));
                };
                let joined = receiver.ty.with_dict_parts(key.clone(), Ty::Int);
                if joined != receiver.ty {
                    self.learn(&receiver, &joined, span)?;
                    if !self.p.final_pass {
                        return Ok(Some(none(self)));
                    }
                }
                let c = Val { ty: Ty::dict(key.clone(), Ty::Int), h: receiver.h };
                let counts =
                    Val { ty: Ty::dict(key.clone(), Ty::Int), h: self.coerce(counts, &Ty::dict(key, Ty::Int), span).h };
                self.call_stdlib(&format!("_counter_{method}_map"), vec![c, counts], span)?;
                Ok(Some(none(self)))
            }
            _ => Ok(None),
        }
    }

    /// `c1 + c2`, `c1 - c2` of Counters; `None` for other operands.
    pub(crate) fn counter_binary(
        &mut self,
        op: ast::Operator,
        left: &Val,
        right: &Val,
        span: Span,
    ) -> Res<Option<Val>> {
        let counters = matches!(left.ty.dict_kind(), Some(DictKind::Counter))
            && matches!(right.ty.dict_kind(), Some(DictKind::Counter));
        let name = match op {
            ast::Operator::Add => "_counter_add",
            ast::Operator::Sub => "_counter_sub",
            _ => return Ok(None),
        };
        if !counters {
            return Ok(None);
        }
        let (l, r) = self.counter_pair(left, right, span)?;
        let out = self.call_stdlib(name, vec![l, r], span)?;
        Ok(Some(self.as_counter(out)))
    }

    /// `c1 == c2` of Counters (a missing key counts as 0, as since Python 3.10); `None` for
    /// other operands.
    pub(crate) fn counter_eq(&mut self, left: &Val, right: &Val, span: Span) -> Res<Option<Val>> {
        let counters = matches!(left.ty.dict_kind(), Some(DictKind::Counter))
            && matches!(right.ty.dict_kind(), Some(DictKind::Counter));
        if !counters {
            return Ok(None);
        }
        let (l, r) = self.counter_pair(left, right, span)?;
        self.call_stdlib("_counter_eq", vec![l, r], span).map(Some)
    }

    /// Two Counters as plain dicts of one key type.
    fn counter_pair(&mut self, left: &Val, right: &Val, span: Span) -> Res<(Val, Val)> {
        let (lk, rk) = (left.ty.dict_key_type().cloned(), right.ty.dict_key_type().cloned());
        let Some(key) = lk.zip(rk).and_then(|(a, b)| a.join(&b)) else {
            return self.fail(Diagnostic::error(format!("cannot combine a {} and a {}", left.ty, right.ty), span));
        };
        let key = key.or_int();
        let ty = Ty::dict(key, Ty::Int);
        let l = Val { ty: ty.clone(), h: self.coerce(Val { ty: left.ty.as_plain_dict(), h: left.h }, &ty, span).h };
        let r = Val { ty: ty.clone(), h: self.coerce(Val { ty: right.ty.as_plain_dict(), h: right.h }, &ty, span).h };
        Ok((l, r))
    }
}
