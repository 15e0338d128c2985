//! Learning from use: an empty container (`[]`, `{}`, `set()`) has an open type (`list[?]`)
//! where it is made, and gets its element type from what happens to it later, possibly far
//! away: `inner = []; e = [inner]; e[0].append("x")` makes `inner` a `list[str]`.
//!
//! # How
//!
//! Every value that may carry an open type remembers its [`Origin`]: the variable, field,
//! call, container item or display it came from. Where a use site knows a more precise type
//! for a value (an `append` into it, an assignment to a variable of known type, a `return`
//! from a function whose result is known, an argument the callee filled), [`FnCx::learn`]
//! joins that type into the origin, and from there, recursively, into the origin's own origin
//! (`e[0]` teaches `e`, a display `[inner]` teaches `inner`, a call result teaches the callee's
//! result, whose `return` statement teaches the returned variable in the callee's next walk).
//!
//! This is unification done by the fixpoint: each walk moves knowledge one step back along
//! these edges, and the rounds repeat until nothing changes. Nothing here emits IR; in the
//! final walk it does nothing at all.

use super::stmt::{FnCx, Val};
use crate::ty::Ty;
use kiln_ir::{Expression, Handle, Span};

use super::Res;

/// Where a value came from, as far as learning its type is concerned.
#[derive(Clone, Debug)]
pub(crate) enum Origin {
    /// A read of a variable (a local, a global, or a parameter's hidden default).
    Var(String),
    /// A read of field `attr` of `object`.
    Field(Val, String),
    /// The result of a call of function instance `inst`.
    CallResult(usize),
    /// An item of a list (`xs[i]`) or a value of a dict (`d[k]`, `d.setdefault(k, [])`), with
    /// the type of the key it was read with (which an empty dict learns too).
    Item { container: Val, key: Ty },
    /// Part `index` of a tuple (`t[0]`, or a name in `a, b = t`).
    Part { tuple: Val, index: usize },
    /// A display `[a, b]`, `{k: a}` or `(a, b)`: its element (or value, or part) values.
    Display(Vec<Val>),
    /// A list, set or dict comprehension: by instance and start offset, the key of
    /// `Program::comprehension_types`.
    Comprehension(usize, u32),
}

impl FnCx<'_, '_> {
    /// Records where `value` came from (inference walks only: the final walk learns nothing).
    pub(crate) fn note_origin(&mut self, value: &Val, origin: Origin) {
        if !self.p.final_pass {
            self.origins.insert(value.h, origin);
        }
    }

    /// Whether learning about `h` can reach a variable, field or function result (a display
    /// of literals cannot: `f([])` takes its type from the callee instead).
    pub(crate) fn has_learning_origin(&self, h: Handle<Expression>) -> bool {
        !matches!(self.origins.get(&h), None | Some(Origin::Display(_)))
    }

    /// `value` is used where a value of type `ty` belongs: if `ty` is `value`'s type made more
    /// precise (`list[str]` for `list[?]`), its origin learns `ty`.
    pub(crate) fn learn(&mut self, value: &Val, ty: &Ty, span: Span) -> Res<()> {
        // Containers learn any join (`xs.append(Base())` widens a `list[Sub]`, and so does its
        // alias); other values only open parts: an instance passed where its base class is
        // expected stays the subclass.
        let learns = matches!(value.ty, Ty::List(_) | Ty::Dict(..) | Ty::Set(_)) || !value.ty.is_known();
        if self.p.final_pass || !learns || value.ty == *ty || value.ty.join(ty).as_ref() != Some(ty) {
            return Ok(());
        }
        self.reject_maybe_inside(ty, span)?;
        let Some(origin) = self.origins.get(&value.h).cloned() else { return Ok(()) };
        match origin {
            Origin::Var(name) => {
                // A variable that cannot take `ty` is reported where it is assigned, not here.
                if !matches!(self.var_type(&name), Some(var) if var.ty.join_value(ty).is_none()) {
                    self.join_var(&name, ty, span)?;
                }
            }
            Origin::Field(object, attr) => self.refine_field(object, &attr, ty.clone())?,
            Origin::CallResult(inst) => self.p.changed |= refine(&mut self.p.instances[inst].ret, ty),
            Origin::Item { container, key } => {
                let whole = match &container.ty {
                    Ty::Dict(k, ..) => container.ty.with_dict_parts(k.join(&key).unwrap_or(key), ty.clone()),
                    Ty::List(_) => Ty::list(ty.clone()),
                    _ => return Ok(()),
                };
                self.learn(&container, &whole, span)?;
            }
            Origin::Part { tuple, index } => {
                let Ty::Tuple(mut parts) = tuple.ty.clone() else { return Ok(()) };
                parts[index] = ty.clone();
                self.learn(&tuple, &Ty::Tuple(parts), span)?;
            }
            Origin::Comprehension(inst, start) => {
                if let Some(learned) = self.p.comprehension_types.get_mut(&(inst, start)) {
                    self.p.changed |= refine(learned, ty);
                }
            }
            Origin::Display(parts) => match ty {
                Ty::List(e) | Ty::Set(e) | Ty::Dict(_, e, ..) => {
                    for part in &parts {
                        self.learn(part, e, span)?;
                    }
                }
                Ty::Tuple(ts) if ts.len() == parts.len() => {
                    for (part, t) in parts.iter().zip(ts) {
                        self.learn(part, t, span)?;
                    }
                }
                _ => {}
            },
        }
        Ok(())
    }
}

/// Replaces `slot` by `ty` where `ty` is `slot` made more precise; whether it did.
fn refine(slot: &mut Ty, ty: &Ty) -> bool {
    let more_precise = *slot != *ty && slot.join(ty).as_ref() == Some(ty);
    if more_precise {
        *slot = ty.clone();
    }
    more_precise
}
