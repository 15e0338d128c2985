//! `dict` and `set`: literals, subscripts, `in`, iteration and the methods that need the
//! compiler (those that teach an empty container its types); the rest are in the prelude.
//!
//! An empty `{}` or `set()` learns its key and value types from what is stored into it, the
//! way an empty list learns from `append`: through the variable it was assigned to.

use kiln_ir::{CompareOp, ExceptionKind, Expression, Literal, SetOp, Span, Statement, UnaryOp};
use rustpython_parser::ast;

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::Res;
use crate::diagnostic::Diagnostic;
use crate::ty::{DictKind, Ty};

impl FnCx<'_, '_> {
    pub(crate) fn dict_new(&mut self, key: &Ty, value: &Ty, span: Span) -> Val {
        let ty = Ty::dict(key.clone(), value.clone());
        ty.to_ir(&mut self.p.module);
        let (k, v) = (key.to_ir(&mut self.p.module), value.to_ir(&mut self.p.module));
        Val { ty, h: self.emit(Expression::DictNew { key: k, value: v }, span) }
    }

    pub(crate) fn set_new(&mut self, elem: &Ty, span: Span) -> Val {
        let ty = Ty::set(elem.clone());
        ty.to_ir(&mut self.p.module);
        let e = elem.to_ir(&mut self.p.module);
        Val { ty, h: self.emit(Expression::SetNew { elem: e }, span) }
    }

    /// `{k: v, ...}`.
    pub(crate) fn dict_literal(&mut self, d: &ast::ExprDict, span: Span) -> Res<Val> {
        let mut pairs = Vec::new();
        let (mut kt, mut vt) = (Ty::Unknown, Ty::Unknown);
        for (k, v) in d.keys.iter().zip(&d.values) {
            let Some(k) = k else {
                return self
                    .fail(Diagnostic::error("kiln does not support `**` in dict literals yet", self.span_of(v)));
            };
            let (key, value) = (self.expr(k)?, self.expr(v)?);
            kt = self.join_elem(&kt, &key.ty, "dict keys", self.span_of(k))?;
            vt = self.join_elem(&vt, &value.ty, "dict values", self.span_of(v))?;
            pairs.push((key, value));
        }
        let dict = self.dict_new(&kt, &vt, span);
        self.list_elements.insert(dict.h, pairs.iter().map(|(_, v)| v.h).collect());
        self.note_origin(&dict, Origin::Display(pairs.iter().map(|(_, v)| v.clone()).collect()));
        for (k, v) in pairs {
            let (k, v) = (self.coerce(k, &kt, span), self.coerce(v, &vt, span));
            self.push(Statement::DictStore { dict: dict.h, key: k.h, value: v.h }, span);
        }
        Ok(dict)
    }

    /// `{a, b, ...}`; `iterated`: the display is what a `for` loops over.
    pub(crate) fn set_literal(&mut self, elts: &[ast::Expr], span: Span) -> Res<Val> {
        self.set_display(elts, false, span)
    }

    pub(crate) fn set_display(&mut self, elts: &[ast::Expr], iterated: bool, span: Span) -> Res<Val> {
        // All-constant displays follow CPython's frozenset constant (see `SetFromDisplay`).
        let constant = elts.iter().all(folds_to_constant);
        if constant && !elts.is_empty() && (iterated || elts.len() >= 3) {
            let mut values = Vec::new();
            let mut et = Ty::Unknown;
            for e in elts {
                let v = self.expr(e)?;
                et = self.join_elem(&et, &v.ty, "set elements", self.span_of(e))?;
                values.push(v);
            }
            let list = self.list_of(values, &et, span);
            let ty = Ty::set(et);
            ty.to_ir(&mut self.p.module);
            return Ok(Val { ty, h: self.emit(Expression::SetFromDisplay { list: list.h, frozen: iterated }, span) });
        }
        let mut values = Vec::new();
        let mut et = Ty::Unknown;
        for e in elts {
            let v = self.expr(e)?;
            et = self.join_elem(&et, &v.ty, "set elements", self.span_of(e))?;
            values.push(v);
        }
        let set = self.set_new(&et, span);
        for v in values {
            let v = self.coerce(v, &et, span);
            self.push(Statement::SetAdd { set: set.h, key: v.h }, span);
        }
        Ok(set)
    }

    /// Python's `TypeError: unhashable type` for a key or set element, at compile time.
    pub(crate) fn check_hashable(&mut self, ty: &Ty, span: Span) -> Res<()> {
        let name = match ty {
            Ty::List(_) => "list",
            Ty::Dict(..) => "dict",
            Ty::Set(_) => "set",
            Ty::Tuple(es) => {
                for e in es.clone() {
                    self.check_hashable(&e, span)?;
                }
                return Ok(());
            }
            // Instances hash by their `__hash__` (or identity).
            Ty::Object(class) => return self.object_key(&class.clone(), span),
            Ty::VarTuple(_) => {
                return self.fail(Diagnostic::error(
                    format!("kiln does not support tuples of run-time length ({ty}) as dict keys or set elements yet"),
                    span,
                ))
            }
            Ty::Optional(_) | Ty::Maybe(_) => {
                return self.fail(Diagnostic::error(
                    format!("kiln does not support values that may be None ({ty}) as dict keys or set elements yet"),
                    span,
                ))
            }
            _ => return Ok(()),
        };
        self.fail(
            Diagnostic::error(format!("unhashable type: '{name}'"), span)
                .with_note("dict keys and set elements must be immutable (int, float, str, bool, tuples of them)"),
        )
    }

    fn join_elem(&mut self, so_far: &Ty, next: &Ty, what: &str, span: Span) -> Res<Ty> {
        if what.starts_with("set") || what.starts_with("dict keys") {
            self.check_hashable(next, span)?;
        }
        match so_far.join(next) {
            Some(t) => Ok(t),
            None => self.fail(
                Diagnostic::error(format!("{what} have different types: {so_far} and {next}"), span)
                    .with_note("a kiln dict or set holds keys (and values) of one type"),
            ),
        }
    }

    /// `d[k]`: raises `KeyError(repr(k))` when absent.
    pub(crate) fn dict_get(&mut self, dict: Val, key: Val, span: Span) -> Res<Val> {
        let Ty::Dict(kt, vt, kind) = dict.ty.clone() else { unreachable!("called for dicts") };
        if kind != DictKind::Plain {
            return self.collections_get(dict, key, span);
        }
        if *kt == Ty::Unknown && key.ty.is_known() && self.p.final_pass {
            // Nothing was ever stored in this dict (`{}[k]`): the lookup fails.
            let always = self.lit(Literal::Bool(true), span);
            self.raise_key_error_if(always, key, span)?;
            let ty = vt.or_int();
            let ir_ty = ty.to_ir(&mut self.p.module);
            return Ok(Val { ty, h: self.emit(Expression::Zero { ty: ir_ty }, span) });
        }
        let key = self.dict_key(key, &kt, span)?;
        let pair = Ty::Tuple(vec![(*vt).clone(), Ty::Bool]);
        pair.to_ir(&mut self.p.module);
        let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: dict.h, key: key.h }, span) };
        let found = self.tuple_get(&t, 1, span);
        let missing = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found.h }, span);
        self.raise_key_error_if(missing, key.clone(), span)?;
        let value = self.tuple_get(&t, 0, span);
        self.note_origin(&value, Origin::Item { container: dict, key: key.ty });
        Ok(value)
    }

    /// `raise KeyError(repr(key))` when `condition` holds (the repr is built only then).
    pub(crate) fn raise_key_error_if(
        &mut self,
        condition: kiln_ir::Handle<Expression>,
        key: Val,
        span: Span,
    ) -> Res<()> {
        let mut result = Ok(());
        // An instance without `__repr__`: CPython shows its address, which differs from run
        // to run; kiln leaves the address out.
        if let Some(class) = key.ty.class().filter(|_| matches!(key.ty, Ty::Object(_))).cloned() {
            if !self.repr_defined(&class) {
                let raise = self.block(|cx| {
                    let open = cx.str_lit("<__main__.", span);
                    let name = Val { ty: Ty::Str, h: cx.emit(Expression::TypeName { value: key.h }, span) };
                    let close = cx.str_lit(" object at 0x...>", span);
                    let message = cx.concat_all(vec![open, name, close], span);
                    cx.push(Statement::Raise { kind: ExceptionKind::KeyError, message: Some(message.h) }, span);
                });
                self.push(Statement::If { condition, accept: raise, reject: kiln_ir::Block::new() }, span);
                return Ok(());
            }
        }
        let raise = self.block(|cx| result = cx.raise_builtin(ExceptionKind::KeyError, vec![key], span));
        result?;
        self.push(Statement::If { condition, accept: raise, reject: kiln_ir::Block::new() }, span);
        Ok(())
    }

    /// A key converted to the dict's key type (an int key of a float dict, ...).
    fn dict_key(&mut self, key: Val, kt: &Ty, span: Span) -> Res<Val> {
        if key.ty == *kt || *kt == Ty::Unknown {
            return Ok(key);
        }
        if key.ty.conforms_to(kt) && kt.is_numeric() {
            return Ok(self.cast(key, kt.clone(), span));
        }
        if kt.join(&key.ty).is_some() {
            return Ok(self.coerce(key, kt, span));
        }
        self.fail(Diagnostic::error(format!("kiln: a key of type {} cannot be in a dict with {kt} keys", key.ty), span))
    }

    /// `d[k] = v`, teaching an empty dict its types.
    pub(crate) fn dict_store(&mut self, dict: Val, key: Val, value: Val, span: Span) -> Res<()> {
        let Ty::Dict(kt, vt, ..) = dict.ty.clone() else { unreachable!("called for dicts") };
        self.check_hashable(&key.ty, span)?;
        let (Some(k), Some(v)) = (kt.join(&key.ty), vt.join(&value.ty)) else {
            return self.fail(
                Diagnostic::error(format!("cannot store {}: {} into {}", key.ty, value.ty, dict.ty), span)
                    .with_note("a kiln dict holds keys and values of one type each"),
            );
        };
        let joined = dict.ty.with_dict_parts(k.clone(), v.clone());
        if joined != dict.ty {
            self.learn(&dict, &joined, span)?;
            if !self.p.final_pass {
                return Ok(());
            }
        }
        // `grid[k] = empty` with `empty = []`: the value learns the dict's value type.
        self.learn(&value, &v, span)?;
        let key = self.coerce(key, &k, span);
        let value = self.coerce(value, &v, span);
        self.push(Statement::DictStore { dict: dict.h, key: key.h, value: value.h }, span);
        Ok(())
    }

    /// `del d[k]`.
    pub(crate) fn dict_delete(&mut self, dict: Val, key: Val, span: Span) -> Res<()> {
        let Ty::Dict(kt, _, kind) = dict.ty.clone() else { unreachable!("called for dicts") };
        let key = self.dict_key(key, &kt, span)?;
        let found = self.emit(Expression::DictRemove { dict: dict.h, key: key.h }, span);
        if kind == DictKind::Counter {
            // Counter's `__delitem__` ignores a missing key.
            return Ok(());
        }
        let missing = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found }, span);
        self.raise_key_error_if(missing, key, span)
    }

    /// `k in d`, `x in s`.
    pub(crate) fn container_contains(
        &mut self,
        item: Val,
        container: Val,
        span: Span,
    ) -> Res<kiln_ir::Handle<Expression>> {
        match container.ty.clone() {
            // A container nothing is ever stored into holds nothing.
            Ty::Dict(kt, ..) | Ty::Set(kt) if *kt == Ty::Unknown => Ok(self.lit(Literal::Bool(false), span)),
            Ty::Dict(kt, vt, ..) => {
                let numeric = item.ty.conforms_to(&kt) && kt.is_numeric();
                if kt.join(&item.ty).is_none() && *kt != Ty::Unknown && !numeric {
                    return Ok(self.lit(Literal::Bool(false), span));
                }
                let key = self.dict_key(item, &kt, span)?;
                let pair = Ty::Tuple(vec![(*vt).clone(), Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: container.h, key: key.h }, span) };
                Ok(self.tuple_get(&t, 1, span).h)
            }
            Ty::Set(et) => {
                let numeric = item.ty.conforms_to(&et) && et.is_numeric();
                if et.join(&item.ty).is_none() && *et != Ty::Unknown && !numeric {
                    return Ok(self.lit(Literal::Bool(false), span));
                }
                let key = self.dict_key(item, &et, span)?;
                Ok(self.emit(Expression::SetContains { set: container.h, key: key.h }, span))
            }
            _ => unreachable!("called for dicts and sets"),
        }
    }

    /// `for k in d` / `for x in s`: iteration in CPython's order, with its "changed size
    /// during iteration" check.
    pub(crate) fn container_for(&mut self, s: &ast::StmtFor, container: Val, span: Span) -> Res<()> {
        let (key_ty, value_ty, what) = match container.ty.clone() {
            Ty::Dict(k, v, ..) => (*k, Some(*v), "dictionary"),
            Ty::Set(e) => (*e, None, "Set"),
            _ => unreachable!("called for dicts and sets"),
        };
        let held = self.new_temp(&container.ty, span);
        self.push(Statement::Store { local: held, value: container.h }, span);
        let size = self.emit(Expression::Len { value: container.h }, span);
        let size_l = self.new_temp(&Ty::Int, span);
        self.push(Statement::Store { local: size_l, value: size }, span);
        let pos = self.new_temp(&Ty::Int, span);
        let zero = self.int(0, span);
        self.push(Statement::Store { local: pos, value: zero.h }, span);
        let found = self.new_temp(&Ty::Bool, span);
        let key = self.new_temp(&key_ty, span);
        let value = value_ty.as_ref().map(|v| self.new_temp(v, span));
        let target_span = self.span_of(&*s.target);
        let container_ty = container.ty.clone();
        self.loop_stmt(span, &s.body, &s.orelse, false, |cx| {
            let c = cx.load(held, container_ty.clone(), span);
            let now = cx.emit(Expression::Len { value: c.h }, span);
            let before = cx.load(size_l, Ty::Int, span);
            let changed = cx.emit(Expression::Compare { op: CompareOp::Ne, left: now, right: before.h }, span);
            cx.raise_if(changed, ExceptionKind::RuntimeError, &format!("{what} changed size during iteration"), span);
            cx.push(Statement::ContainerNext { container: c.h, pos, found, key, value }, span);
            let got = cx.emit(Expression::Load(found), span);
            let done = cx.emit(Expression::Unary { op: UnaryOp::Not, arg: got }, span);
            let exit = cx.block(|cx| cx.push(Statement::Break, span));
            cx.push(Statement::If { condition: done, accept: exit, reject: kiln_ir::Block::new() }, span);
            let k = cx.load(key, key_ty.clone(), span);
            cx.assign_target(&s.target, k, target_span)
        })
    }

    /// Methods that teach an empty container its types, or that need no library code.
    pub(crate) fn container_method(
        &mut self,
        receiver: Val,
        method: &str,
        call: &ast::ExprCall,
        span: Span,
    ) -> Res<Option<Val>> {
        let none = |cx: &mut Self| Val { ty: Ty::None, h: cx.lit(Literal::None, span) };
        match (receiver.ty.clone(), method) {
            (Ty::Set(et), "add") => {
                let args = self.positional_values(call, method, 1, span)?;
                let x = args.into_iter().next().expect("one argument");
                self.check_hashable(&x.ty, span)?;
                let Some(joined) = et.join(&x.ty) else {
                    return self.fail(Diagnostic::error(format!("cannot add {} to {}", x.ty, receiver.ty), span));
                };
                if joined != *et {
                    self.learn(&receiver, &Ty::set(joined.clone()), span)?;
                    if !self.p.final_pass {
                        return Ok(Some(none(self)));
                    }
                }
                let x = self.coerce(x, &joined, span);
                self.push(Statement::SetAdd { set: receiver.h, key: x.h }, span);
                Ok(Some(none(self)))
            }
            (Ty::Set(et), "discard" | "remove") => {
                let args = self.positional_values(call, method, 1, span)?;
                let x = args.into_iter().next().expect("one argument");
                let x = self.dict_key(x, &et, span)?;
                let found = self.emit(Expression::SetDiscard { set: receiver.h, key: x.h }, span);
                if method == "remove" {
                    let missing = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found }, span);
                    self.raise_key_error_if(missing, x, span)?;
                }
                Ok(Some(none(self)))
            }
            (
                Ty::Set(_),
                "union"
                | "intersection"
                | "difference"
                | "symmetric_difference"
                | "issubset"
                | "issuperset"
                | "isdisjoint",
            ) => {
                let args = self.positional_values(call, method, 1, span)?;
                let other = self.as_set_like(args.into_iter().next().expect("one argument"), &receiver.ty, span)?;
                let (op, l, r) = match method {
                    "union" => (SetOp::Union, receiver, other),
                    "intersection" => (SetOp::Intersection, receiver, other),
                    "difference" => (SetOp::Difference, receiver, other),
                    "symmetric_difference" => (SetOp::SymmetricDifference, receiver, other),
                    "issubset" => (SetOp::IsSubset, receiver, other),
                    "issuperset" => (SetOp::IsSubset, other, receiver),
                    _ => (SetOp::IsDisjoint, receiver, other),
                };
                Ok(Some(self.set_algebra(op, l, r, span)))
            }
            (Ty::Set(_), "update" | "intersection_update" | "difference_update" | "symmetric_difference_update") => {
                let args = self.positional_values(call, method, 1, span)?;
                let other = self.as_set_like(args.into_iter().next().expect("one argument"), &receiver.ty, span)?;
                let op = match method {
                    "update" => SetOp::Union,
                    "intersection_update" => SetOp::Intersection,
                    "difference_update" => SetOp::Difference,
                    _ => SetOp::SymmetricDifference,
                };
                self.push(Statement::SetUpdate { op, target: receiver.h, other: other.h }, span);
                Ok(Some(none(self)))
            }
            (Ty::Set(et), "pop") => {
                self.positional_values(call, method, 0, span)?;
                let pair = Ty::Tuple(vec![(*et).clone(), Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::SetPop { set: receiver.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let empty = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found.h }, span);
                self.raise_if(empty, ExceptionKind::KeyError, "'pop from an empty set'", span);
                Ok(Some(self.tuple_get(&t, 0, span)))
            }
            (Ty::Dict(kt, vt, ..), "popitem") => {
                self.positional_values(call, method, 0, span)?;
                let item = Ty::Tuple(vec![(*kt).clone(), (*vt).clone()]);
                let pair = Ty::Tuple(vec![item, Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictPopItem { dict: receiver.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let empty = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found.h }, span);
                self.raise_if(empty, ExceptionKind::KeyError, "'popitem(): dictionary is empty'", span);
                Ok(Some(self.tuple_get(&t, 0, span)))
            }
            (Ty::Set(_) | Ty::Dict(..), "copy") => {
                self.positional_values(call, method, 0, span)?;
                let h = self.emit(Expression::ContainerCopy { value: receiver.h }, span);
                Ok(Some(Val { ty: receiver.ty, h }))
            }
            (Ty::Set(_) | Ty::Dict(..), "clear") => {
                self.positional_values(call, method, 0, span)?;
                self.push(Statement::ContainerClear { value: receiver.h }, span);
                Ok(Some(none(self)))
            }
            // One lookup: the value when present, else the default.
            (Ty::Dict(kt, vt, ..), "get") if call.args.len() == 2 && call.keywords.is_empty() => {
                let args = self.positional_values(call, method, 2, span)?;
                let mut it = args.into_iter();
                let (key, default) = (it.next().expect("two"), it.next().expect("two"));
                let Some(v) = vt.join(&default.ty).filter(|v| *v == *vt || *vt == Ty::Unknown) else {
                    return Ok(None);
                };
                if kt.join(&key.ty).is_none() {
                    return Ok(Some(default));
                }
                let key = self.dict_key(key, &kt, span)?;
                let pair = Ty::Tuple(vec![(*vt).clone(), Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: receiver.h, key: key.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let value = self.tuple_get(&t, 0, span);
                let default = self.coerce(default, &v, span);
                let h = self.emit(Expression::Select { condition: found.h, accept: value.h, reject: default.h }, span);
                Ok(Some(Val { ty: v, h }))
            }
            (Ty::Dict(kt, vt, ..), "pop") if !call.args.is_empty() && call.args.len() <= 2 => {
                let n = call.args.len();
                let args = self.positional_values(call, method, n, span)?;
                let mut it = args.into_iter();
                let key = it.next().expect("a key");
                let key = self.dict_key(key, &kt, span)?;
                let pair = Ty::Tuple(vec![(*vt).clone(), Ty::Bool]);
                pair.to_ir(&mut self.p.module);
                let t = Val { ty: pair, h: self.emit(Expression::DictLookup { dict: receiver.h, key: key.h }, span) };
                let found = self.tuple_get(&t, 1, span);
                let value = self.tuple_get(&t, 0, span);
                match it.next() {
                    None => {
                        let missing = self.emit(Expression::Unary { op: UnaryOp::Not, arg: found.h }, span);
                        self.raise_key_error_if(missing, key.clone(), span)?;
                        self.emit(Expression::DictRemove { dict: receiver.h, key: key.h }, span);
                        Ok(Some(value))
                    }
                    Some(default) => {
                        let Some(v) = vt.join(&default.ty) else {
                            return self.fail(Diagnostic::error(
                                format!("dict.pop() default {} differs from the values' type {vt}", default.ty),
                                span,
                            ));
                        };
                        self.emit(Expression::DictRemove { dict: receiver.h, key: key.h }, span);
                        let default = self.coerce(default, &v, span);
                        let h = self
                            .emit(Expression::Select { condition: found.h, accept: value.h, reject: default.h }, span);
                        Ok(Some(Val { ty: v, h }))
                    }
                }
            }
            // The value or None: the lookup's (value, found) pair is that value already.
            (Ty::Dict(kt, vt, ..), "get")
                if call.args.len() == 1 && call.keywords.is_empty() && vt.is_maybe_scalar() =>
            {
                let args = self.positional_values(call, method, 1, span)?;
                let key = args.into_iter().next().expect("one");
                let ty = Ty::Maybe(vt.clone());
                if kt.join(&key.ty).is_none() {
                    let none = Val { ty: Ty::None, h: self.lit(Literal::None, span) };
                    return Ok(Some(self.maybe_wrap(none, &ty, span)));
                }
                let key = self.dict_key(key, &kt, span)?;
                ty.to_ir(&mut self.p.module);
                Ok(Some(Val { ty, h: self.emit(Expression::DictLookup { dict: receiver.h, key: key.h }, span) }))
            }
            (Ty::Dict(_, vt, ..), "get") if call.args.len() == 1 && matches!(*vt, Ty::List(_) | Ty::Tuple(_)) => self
                .fail(
                    Diagnostic::error("kiln needs a default for `dict.get` on this dict: `d.get(key, default)`", span)
                        .with_note("without one the result is the value or None, which kiln cannot type as one type"),
                ),
            (Ty::Dict(kt, vt, ..), "setdefault") => {
                let args = self.positional_values(call, method, 2, span)?;
                let mut it = args.into_iter();
                let (key, default) = (it.next().expect("two"), it.next().expect("two"));
                let (Some(k), Some(v)) = (kt.join(&key.ty), vt.join(&default.ty)) else {
                    return self.fail(Diagnostic::error(
                        format!("setdefault of {}: {} on {}", key.ty, default.ty, receiver.ty),
                        span,
                    ));
                };
                let joined = receiver.ty.with_dict_parts(k.clone(), v.clone());
                if joined != receiver.ty {
                    self.learn(&receiver, &joined, span)?;
                    if !self.p.final_pass {
                        return self.unknown(span).map(Some);
                    }
                }
                // Typed as the dict's key and value in every round, so the prelude instance is
                // the same one in the final walk.
                let key = Val { ty: k.clone(), h: self.coerce(key, &k, span).h };
                let default = Val { ty: v.clone(), h: self.coerce(default, &v, span).h };
                let d = Val { ty: Ty::dict(k, v.clone()), h: receiver.h };
                let key_ty = key.ty.clone();
                let r = self.call_stdlib("dict__setdefault", vec![d, key, default], span)?;
                // `d.setdefault(k, []).append(x)` teaches the dict.
                self.note_origin(&r, Origin::Item { container: receiver, key: key_ty });
                Ok(Some(r))
            }
            _ => Ok(None),
        }
    }

    /// The single argument of a set method, as a set of the receiver's type (a list becomes a set).
    fn as_set_like(&mut self, v: Val, set_ty: &Ty, span: Span) -> Res<Val> {
        match v.ty.clone() {
            Ty::Set(_) if v.ty.join(set_ty).is_some() => {
                Ok(Val { ty: set_ty.clone(), h: self.coerce(v, set_ty, span).h })
            }
            Ty::List(e) => {
                let s = self.set_from_values(v, &e, span)?;
                Ok(Val { ty: set_ty.clone(), h: s.h })
            }
            other => self.fail(Diagnostic::error(format!("kiln: expected a set like {set_ty}, found {other}"), span)),
        }
    }

    /// A set built from a list's elements, in order.
    pub(crate) fn set_from_values(&mut self, list: Val, elem: &Ty, span: Span) -> Res<Val> {
        self.check_hashable(elem, span)?;
        if !matches!(elem, Ty::Unknown) {
            // One runtime call: it can fetch the keys ahead of hashing them.
            let ty = Ty::set(elem.clone());
            ty.to_ir(&mut self.p.module);
            return Ok(Val { ty, h: self.emit(Expression::SetFromList { list: list.h }, span) });
        }
        let set = self.set_new(elem, span);
        let held = self.new_temp(&set.ty, span);
        self.push(Statement::Store { local: held, value: set.h }, span);
        let set_ty = set.ty.clone();
        self.scan_list(list.h, elem, 0, span, |cx, x| {
            let s = cx.load(held, set_ty.clone(), span);
            cx.push(Statement::SetAdd { set: s.h, key: x.h }, span);
            Ok(())
        })?;
        Ok(self.load(held, set_ty, span))
    }

    pub(crate) fn set_algebra(&mut self, op: SetOp, left: Val, right: Val, span: Span) -> Val {
        let ty = if op.is_predicate() { Ty::Bool } else { left.ty.clone() };
        Val { ty, h: self.emit(Expression::SetAlgebra { op, left: left.h, right: right.h }, span) }
    }

    /// Positional arguments only, exactly `n` of them.
    fn positional_values(&mut self, call: &ast::ExprCall, method: &str, n: usize, span: Span) -> Res<Vec<Val>> {
        if !call.keywords.is_empty() || call.args.len() != n {
            return self.fail(Diagnostic::error(format!("{method}() takes exactly {n} positional argument(s)"), span));
        }
        let mut out = Vec::new();
        for a in &call.args {
            out.push(self.expr(a)?);
        }
        Ok(out)
    }
}

/// Whether CPython's AST optimiser folds `e` into a constant (a literal, arithmetic on
/// literals, a tuple of constants): what makes a set display a `frozenset` constant.
fn folds_to_constant(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(c) => !matches!(c.value, ast::Constant::Ellipsis),
        ast::Expr::UnaryOp(u) => !matches!(u.op, ast::UnaryOp::Not) && folds_to_constant(&u.operand),
        ast::Expr::BinOp(b) => folds_to_constant(&b.left) && folds_to_constant(&b.right),
        ast::Expr::Tuple(t) => t.elts.iter().all(folds_to_constant),
        _ => false,
    }
}
