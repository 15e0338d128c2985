//! CPython's "Did you mean" for a `NameError` (`name 'zs' is not defined. Did you mean: 'xs'?`).
//!
//! CPython picks the suggestion when it prints the report, from three lists: the local
//! variable names of the frame that raised, the module's globals dict, the builtins (the
//! runtime's `suggestions.rs` has the rules and the builtins). kiln raises `NameError` only for
//! a module-level variable read before any assignment to it ran, at a site that reads its
//! `$bound` flag, so the suggestion is made in that site's cold raise path:
//!
//! - the frame's local names are known here (the parameters and plain locals of the `def`,
//!   `.0` and the variables of a comprehension) and passed as text;
//! - the globals dict at that moment is the program's module-level names that are bound then.
//!   A name surely bound at the site is passed as text; any other name gets a `$bound` flag
//!   (a variable, a `def` or a class, like the flags of reads that may fail) and is passed
//!   only when its flag is set. Names are listed in the order of their first binding in the
//!   source, which is the dict's order unless branches bind them in another order.
//!
//! Names whose length alone rules them out are left out (a length difference costs as much
//! as that many insertions), so few names need a flag. The runtime then chooses exactly as
//! CPython does, and keeps the suggestion apart from the message (`str(e)` has none).

use super::stmt::FnCx;
use kiln_ir::{Expression, Handle, Literal, RuntimeFn, Span, Statement};

/// CPython's bounds (see the runtime's `suggestions.rs`): lists this long are not searched.
const MAX_CANDIDATES: usize = 750;
/// The dunder names the `__main__` globals dict starts with.
const MAIN_DUNDERS: usize = 9;

/// Whether `candidate` may be close enough to `name` for CPython to offer it: its distance
/// is at least two per byte of length difference, and may be at most a third of the bytes.
fn may_match(name: &str, candidate: &str) -> bool {
    let (n, c) = (name.len(), candidate.len());
    candidate != name && n.abs_diff(c) * 2 <= (n + c + 3) * 2 / 6
}

/// The module of a module-level name and its name there: `helper.counts` is `counts` of the
/// imported module `helper` (`imports.rs` renames them so), a plain name the main module's.
pub(crate) fn split_module(name: &str) -> (Option<&str>, &str) {
    match name.rsplit_once('.') {
        Some((module, short)) => (Some(module), short),
        None => (None, name),
    }
}

/// How a module-level name's binding is known at a raise site.
enum Binding {
    Surely,
    Flag(String),
}

impl FnCx<'_, '_> {
    /// The frame's local variable names as CPython's `co_varnames` has them: a
    /// comprehension's are `.0` and its variables; a function's are its parameters, then its
    /// other locals (not those only kept in cells for nested functions) by first use.
    fn frame_local_names(&self) -> Vec<String> {
        if !self.comp_vars.is_empty() {
            let mut vars: Vec<String> = self.comp_vars.keys().cloned().collect();
            vars.sort();
            vars.insert(0, ".0".to_string());
            return vars;
        }
        if self.is_module {
            return Vec::new();
        }
        let Some(def) = self.p.instances[self.inst].def else { return Vec::new() };
        let d = &self.p.defs[def];
        let mut names: Vec<String> = d.params.iter().map(|p| p.name.clone()).collect();
        let plain = |n: &String| d.scope.locals.contains(n) && !d.scope.cells.contains(n) && !names.contains(n);
        let mut uses = Vec::new();
        crate::scope::name_uses(&d.ast.body, &mut uses);
        let mut rest: Vec<String> = Vec::new();
        for (n, _) in uses {
            if plain(&n) && !rest.contains(&n) {
                rest.push(n);
            }
        }
        let mut unused: Vec<String> =
            d.scope.locals.iter().filter(|n| plain(n) && !rest.contains(n)).cloned().collect();
        unused.sort();
        names.extend(rest);
        names.extend(unused);
        names
    }

    /// Whether module-level `name` is surely bound here (not a local of the same name).
    fn module_name_surely_bound(&self, name: &str) -> bool {
        if self.is_module {
            return self.bound.as_ref().is_none_or(|b| b.contains(name));
        }
        let declared_here = !self.local_names.contains(name) && self.bound.as_ref().is_some_and(|b| b.contains(name));
        declared_here || self.entry_bound_contains(name)
    }

    /// The module-level names CPython could suggest for `name` here (as the program spells
    /// them), with how their binding is known. During inference, names that need a flag get
    /// one. Only the names of `name`'s own module count: an imported module's names are
    /// `module.name` here, and live in that module's dict.
    fn global_candidates(&mut self, name: &str) -> Vec<(String, Binding)> {
        let (module, short) = split_module(name);
        let all: Vec<String> =
            self.p.module_name_order.iter().filter(|c| split_module(c).0 == module).cloned().collect();
        let filter = all.len() + MAIN_DUNDERS < MAX_CANDIDATES;
        let mut out = Vec::new();
        for c in all {
            if c == name || (filter && !may_match(short, split_module(&c).1)) {
                continue;
            }
            if self.module_name_surely_bound(&c) || self.p.imports.contains_key(&c) {
                out.push((c, Binding::Surely));
                continue;
            }
            if let Some(g) = self.p.globals.get_mut(&c) {
                if !g.flagged {
                    g.flagged = true;
                    self.p.changed = true;
                }
            } else if self.p.flagged_defs.insert(c.clone()) {
                self.p.changed = true;
            }
            out.push((c.clone(), Binding::Flag(c)));
        }
        out
    }

    /// Before a `NameError` for `name` read while unbound: tells the runtime the report's
    /// suggestion. Inference rounds only mark the flags the final walk will need.
    pub(crate) fn name_error_hint(&mut self, full_name: &str, span: Span) {
        if self.in_gpu_code() {
            return; // a kernel makes no runtime calls (and has no report of its own)
        }
        let candidates = self.global_candidates(full_name);
        if !self.p.final_pass {
            return;
        }
        let (module, name) = split_module(full_name);
        let locals = self.frame_local_names();
        let filter = locals.len() < MAX_CANDIDATES;
        let locals: String =
            locals.iter().filter(|c| !filter || may_match(name, c)).map(|c| format!("{c}\n")).collect();
        let mut globals: Option<Handle<Expression>> = None;
        let mut text = String::new();
        for (c, binding) in candidates {
            let line = format!("{}\n", split_module(&c).1);
            // A flag the inference rounds did not ask for: the name was surely bound there.
            let flag = match binding {
                Binding::Surely => None,
                Binding::Flag(f) => self.p.global_flags.get(&f).copied(),
            };
            let Some(flag) = flag else {
                text.push_str(&line);
                continue;
            };
            if !text.is_empty() {
                let before = self.lit(Literal::Str(std::mem::take(&mut text)), span);
                globals = Some(self.concat_text(globals, before, span));
            }
            let set = self.emit(Expression::LoadGlobal(flag), span);
            let yes = self.lit(Literal::Str(line), span);
            let no = self.lit(Literal::Str(String::new()), span);
            let part = self.emit(Expression::Select { condition: set, accept: yes, reject: no }, span);
            globals = Some(self.concat_text(globals, part, span));
        }
        if !text.is_empty() || globals.is_none() {
            let rest = self.lit(Literal::Str(text), span);
            globals = Some(self.concat_text(globals, rest, span));
        }
        let name = self.lit(Literal::Str(name.to_string()), span);
        let locals = self.lit(Literal::Str(locals), span);
        let globals = globals.expect("set above");
        let main = self.lit(Literal::Bool(module.is_none()), span);
        self.runtime(RuntimeFn::NameErrorHint, vec![name, locals, globals, main], span);
    }

    /// A module-level `def` or class statement ran: its flag, if it has one, is set.
    pub(crate) fn set_def_flag(&mut self, name: &str, span: Span) {
        if let Some(&flag) = self.p.global_flags.get(name).filter(|_| self.p.final_pass) {
            let t = self.lit(Literal::Bool(true), span);
            self.push(Statement::StoreGlobal { global: flag, value: t }, span);
        }
    }

    fn concat_text(
        &mut self,
        left: Option<Handle<Expression>>,
        right: Handle<Expression>,
        span: Span,
    ) -> Handle<Expression> {
        match left {
            None => right,
            Some(l) => self.runtime(RuntimeFn::StrConcat, vec![l, right], span),
        }
    }
}
