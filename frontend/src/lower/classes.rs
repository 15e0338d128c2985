//! Classes: instances, fields, methods, inheritance and dispatch.
//!
//! # Model
//!
//! kiln compiles a closed world, so a class is known completely before any code is lowered:
//! its base, its methods, and its fields, which are the names assigned through `self.NAME`
//! in any of its methods (and its bases'). A field belongs to the topmost class in the
//! hierarchy that assigns it, and an instance's layout is its base's fields followed by its
//! own, so code compiled for a base class reads the same slots in any subclass instance.
//! Field types are inferred like variables: the join of every value stored.
//!
//! Class ids are assigned in pre-order of the inheritance forest, so "`K` is `C` or inherits
//! from it" is the range test `C <= K <= last_descendant(C)`. A method call on a value whose
//! static class is `C` could reach any class in that range: when every class there resolves
//! the name to the same `def` the call is direct; otherwise the ids are cut into runs that
//! resolve alike and the call becomes a chain of `id <= hi` tests (each target compiled for
//! its own `self` type). This is what a vtable would do, but keeps every call monomorphic, so
//! LLVM can inline small methods.
//!
//! # Unset fields
//!
//! Python raises `AttributeError` when a field is read before anything assigned it. A field
//! that every class having it assigns in the top-level statements of its `__init__` (or of an
//! `__init__` reached through `super().__init__(...)` there) is always set; any other field
//! gets a hidden `bool` companion (`NAME$set`) that stores set and reads check.

use super::learn::Origin;
use super::stmt::{FnCx, Val};
use super::{MethodKind, Program, Res};
use crate::diagnostic::Diagnostic;
use crate::ty::{ClassLink, ClassTy, Ty};
use indexmap::IndexMap;
use kiln_ir::{Block, CompareOp, ExceptionKind, Expression, Literal, Span, Statement, UnaryOp};
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// A user class.
pub(crate) struct ClassDef<'a> {
    pub name: String,
    pub ast: &'a ast::StmtClassDef,
    pub base: Option<u32>,
    /// The largest id in this class's subtree.
    pub last_descendant: u32,
    /// Methods defined in this class's body, by name (`def` indices).
    pub methods: HashMap<String, usize>,
    /// Class attributes assigned in the body (each a hidden global `Class.NAME`).
    pub attrs: Vec<String>,
    /// Fields this class introduces, in order of first assignment, with their inferred types.
    pub fields: IndexMap<String, FieldVar>,
    pub ty: ClassTy,
    pub span: Span,
    /// The built-in exception class a root class inherits (`class E(ValueError)`).
    pub exception_base: Option<ExceptionKind>,
    /// Whether the program makes instances of this class (as far as inference has seen).
    pub constructed: bool,
}

/// The hidden field of exception instances holding `str()` of what `__init__` of the
/// built-in base was given (`BankError("no funds")`).
pub(crate) const MESSAGE_FIELD: &str = "$message";
/// The hidden field of exception instances holding their `args` (a `Ty::ExceptionArgs`).
pub(crate) const ARGS_FIELD: &str = "$args";
/// The hidden field of exception instances holding the caught exception they were last
/// caught as (None before), which knows their `__context__` and `__cause__`.
pub(crate) const CAUGHT_FIELD: &str = "$caught";

/// A built-in exception class by name (`BaseException` catches the same as `Exception` here:
/// kiln has no `KeyboardInterrupt` or `GeneratorExit`).
pub(crate) fn exception_kind(name: &str) -> Option<ExceptionKind> {
    if name == "BaseException" {
        return Some(ExceptionKind::Exception);
    }
    ExceptionKind::from_name(name).filter(|k| *k != ExceptionKind::SystemExit)
}

#[derive(Clone, Debug)]
pub(crate) struct FieldVar {
    pub ty: Ty,
    pub span: Span,
    /// May be read before it is set: it has a `NAME$set` companion field.
    pub flagged: bool,
}

/// A run of class ids that resolve a method alike: its last id, and the target `def` with the
/// call's arguments bound for it (none: the method is missing there).
type DispatchRun = (u32, Option<(usize, Vec<Val>)>);

/// A field as the IR sees it: which class introduces it and its index in the layout.
#[derive(Clone, Debug)]
struct FieldRef {
    owner: u32,
    index: u32,
    flag: Option<u32>,
}

/// Declares the module's classes: names, bases and ids (before anything else, so that
/// annotations can name them; see the module docs).
pub(crate) fn declare_classes<'a>(p: &mut Program<'a>, suite: &'a [ast::Stmt]) {
    // Classes with their bases, in source order; a base must be defined before its subclass,
    // as in Python.
    let mut order: Vec<(&'a ast::StmtClassDef, Option<usize>)> = Vec::new();
    let mut exception_bases: HashMap<String, ExceptionKind> = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for stmt in suite {
        let ast::Stmt::ClassDef(c) = stmt else { continue };
        let span = p.span(c.range);
        if !c.decorator_list.is_empty() || !c.keywords.is_empty() || !c.type_params.is_empty() {
            p.diagnostics.push(Diagnostic::error("kiln does not support class decorators or keywords yet", span));
            continue;
        }
        let base = match &c.bases[..] {
            [] => None,
            [ast::Expr::Name(n)] if n.id.as_str() == "object" => None,
            [ast::Expr::Name(n)] => match seen.get(n.id.as_str()) {
                Some(&b) => Some(b),
                None if exception_kind(n.id.as_str()).is_some() => {
                    let kind = exception_kind(n.id.as_str()).expect("checked");
                    exception_bases.insert(c.name.to_string(), kind);
                    None
                }
                None => {
                    p.diagnostics.push(
                        Diagnostic::error(format!("name `{}` is not defined", n.id), p.span_of(&c.bases[0]))
                            .with_label("base classes must be classes defined above"),
                    );
                    continue;
                }
            },
            [_] => {
                p.diagnostics.push(Diagnostic::error("kiln supports a class name as the base", p.span_of(&c.bases[0])));
                continue;
            }
            _ => {
                p.diagnostics.push(Diagnostic::error("kiln does not support multiple inheritance", span));
                continue;
            }
        };
        if seen.contains_key(c.name.as_str()) {
            p.diagnostics.push(Diagnostic::error(format!("kiln does not support redefining class `{}`", c.name), span));
            continue;
        }
        if p.def_by_name.contains_key(c.name.as_str()) {
            p.diagnostics.push(Diagnostic::error(format!("`{}` is both a function and a class", c.name), span));
            continue;
        }
        seen.insert(c.name.to_string(), order.len());
        order.push((c, base));
    }
    // Pre-order ids.
    let mut ids = vec![0u32; order.len()];
    let mut preorder = Vec::new();
    fn visit(i: usize, order: &[(&ast::StmtClassDef, Option<usize>)], out: &mut Vec<usize>) {
        out.push(i);
        for (j, (_, base)) in order.iter().enumerate() {
            if *base == Some(i) {
                visit(j, order, out);
            }
        }
    }
    for (i, (_, base)) in order.iter().enumerate() {
        if base.is_none() {
            visit(i, &order, &mut preorder);
        }
    }
    for (id, &i) in preorder.iter().enumerate() {
        ids[i] = id as u32;
    }
    for &i in &preorder {
        let (c, base) = order[i];
        let id = ids[i];
        let base = base.map(|b| ids[b]);
        // A class of another module is `module.Name` in the program (see `imports.rs`); it
        // shows as `Name`.
        let display = c.name.rsplit('.').next().unwrap_or_default();
        let link = ClassLink { id, name: Rc::from(display) };
        let path: Rc<[ClassLink]> = match base {
            Some(b) => p.classes[b as usize].ty.path.iter().cloned().chain([link]).collect(),
            None => Rc::from(vec![link]),
        };
        p.classes.push(ClassDef {
            name: c.name.to_string(),
            ast: c,
            base,
            last_descendant: id,
            methods: HashMap::new(),
            attrs: Vec::new(),
            fields: IndexMap::new(),
            ty: ClassTy { path },
            span: p.span(c.range),
            exception_base: exception_bases.get(c.name.as_str()).copied(),
            constructed: false,
        });
        p.class_by_name.insert(c.name.to_string(), id);
        let mut up = base;
        while let Some(a) = up {
            p.classes[a as usize].last_descendant = id;
            up = p.classes[a as usize].base;
        }
    }
}

/// Collects the classes' methods, class attributes and fields (after the module's `def`s, so
/// that every annotation can name any class).
pub(crate) fn collect_members(p: &mut Program<'_>) {
    for id in 0..p.classes.len() as u32 {
        collect_body(p, id);
    }
    for id in 0..p.classes.len() as u32 {
        collect_fields(p, id);
    }
    flag_unset_fields(p);
}

/// Methods and class attributes of one class body.
fn collect_body(p: &mut Program<'_>, id: u32) {
    let c = p.classes[id as usize].ast;
    let class_name = c.name.to_string();
    for stmt in &c.body {
        match stmt {
            ast::Stmt::FunctionDef(def) => {
                let mut kind = MethodKind::Instance;
                for dec in &def.decorator_list {
                    kind = match dec {
                        ast::Expr::Name(n) if n.id.as_str() == "staticmethod" => MethodKind::Static,
                        ast::Expr::Name(n) if n.id.as_str() == "classmethod" => MethodKind::Class,
                        ast::Expr::Name(n) if n.id.as_str() == "property" => MethodKind::Property,
                        other => {
                            p.diagnostics.push(
                                Diagnostic::error("kiln does not support this decorator on a method", p.span_of(other))
                                    .with_note("kiln supports @staticmethod, @classmethod and @property"),
                            );
                            MethodKind::Instance
                        }
                    };
                }
                if p.classes[id as usize].methods.contains_key(def.name.as_str()) {
                    p.diagnostics.push(Diagnostic::error(
                        format!("kiln does not support redefining method `{}`", def.name),
                        p.span(def.range),
                    ));
                    continue;
                }
                let takes_receiver = kind != MethodKind::Static;
                if takes_receiver && def.args.posonlyargs.is_empty() && def.args.args.is_empty() {
                    p.diagnostics.push(Diagnostic::error(
                        format!("method `{}` needs a first parameter (`self` or `cls`)", def.name),
                        p.span(def.range),
                    ));
                    continue;
                }
                let name = format!("{class_name}.{}", def.name);
                if let Some(index) = crate::scope::collect_def_named(p, def, name, Some((id, kind))) {
                    p.classes[id as usize].methods.insert(def.name.to_string(), index);
                }
            }
            ast::Stmt::Assign(a) => match &a.targets[..] {
                [ast::Expr::Name(n)] => p.classes[id as usize].attrs.push(n.id.to_string()),
                _ => p
                    .diagnostics
                    .push(Diagnostic::error("kiln supports `NAME = value` class attributes only", p.span(a.range))),
            },
            ast::Stmt::AnnAssign(a) => match &*a.target {
                ast::Expr::Name(n) if a.value.is_some() => p.classes[id as usize].attrs.push(n.id.to_string()),
                // A bare annotation (`x: int`) declares nothing kiln needs.
                ast::Expr::Name(_) => {}
                _ => {
                    p.diagnostics.push(Diagnostic::error("kiln does not support this class attribute", p.span(a.range)))
                }
            },
            ast::Stmt::Pass(_) => {}
            ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Constant(_)) => {} // docstring
            other => p.diagnostics.push(Diagnostic::error(
                "kiln supports methods and class attributes in a class body",
                p.span(other.range()),
            )),
        }
    }
}

/// The name of an instance method's first parameter (`self`).
fn receiver_name(def: &ast::StmtFunctionDef) -> Option<&str> {
    def.args.posonlyargs.iter().chain(&def.args.args).next().map(|a| a.def.arg.as_str())
}

/// Every `self.NAME` the statements assign, in source order.
fn assigned_attrs(body: &[ast::Stmt], receiver: &str, out: &mut Vec<(String, Span)>, p: &Program<'_>) {
    fn target(t: &ast::Expr, receiver: &str, out: &mut Vec<(String, Span)>, p: &Program<'_>) {
        match t {
            ast::Expr::Attribute(a) if matches!(&*a.value, ast::Expr::Name(n) if n.id.as_str() == receiver) => {
                out.push((a.attr.to_string(), p.span_of(t)))
            }
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, receiver, out, p)),
            ast::Expr::List(t) => t.elts.iter().for_each(|e| target(e, receiver, out, p)),
            ast::Expr::Starred(s) => target(&s.value, receiver, out, p),
            _ => {}
        }
    }
    for stmt in body {
        match stmt {
            ast::Stmt::Assign(s) => s.targets.iter().for_each(|t| target(t, receiver, out, p)),
            ast::Stmt::AugAssign(s) => target(&s.target, receiver, out, p),
            ast::Stmt::AnnAssign(s) if s.value.is_some() => target(&s.target, receiver, out, p),
            ast::Stmt::For(s) => {
                target(&s.target, receiver, out, p);
                assigned_attrs(&s.body, receiver, out, p);
                assigned_attrs(&s.orelse, receiver, out, p);
            }
            ast::Stmt::While(s) => {
                assigned_attrs(&s.body, receiver, out, p);
                assigned_attrs(&s.orelse, receiver, out, p);
            }
            ast::Stmt::If(s) => {
                assigned_attrs(&s.body, receiver, out, p);
                assigned_attrs(&s.orelse, receiver, out, p);
            }
            ast::Stmt::With(s) => assigned_attrs(&s.body, receiver, out, p),
            ast::Stmt::Try(s) => {
                assigned_attrs(&s.body, receiver, out, p);
                for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
                    assigned_attrs(&h.body, receiver, out, p);
                }
                assigned_attrs(&s.orelse, receiver, out, p);
                assigned_attrs(&s.finalbody, receiver, out, p);
            }
            _ => {}
        }
    }
}

/// The fields class `id` introduces (those no base class assigns). Bases come first in
/// pre-order, so their fields are known here.
fn collect_fields(p: &mut Program<'_>, id: u32) {
    if p.classes[id as usize].exception_base.is_some() {
        let span = p.classes[id as usize].span;
        p.classes[id as usize].fields.insert(MESSAGE_FIELD.into(), FieldVar { ty: Ty::Str, span, flagged: false });
        p.classes[id as usize]
            .fields
            .insert(ARGS_FIELD.into(), FieldVar { ty: Ty::ExceptionArgs, span, flagged: false });
        let caught = Ty::Optional(Box::new(Ty::Exception));
        p.classes[id as usize].fields.insert(CAUGHT_FIELD.into(), FieldVar { ty: caught, span, flagged: false });
    }
    let mut assigned = Vec::new();
    let methods: Vec<usize> = p.classes[id as usize].methods.values().copied().collect();
    let mut methods = methods;
    methods.sort_unstable(); // source order
    for def in methods {
        if p.defs[def].method != MethodKind::Instance {
            continue;
        }
        let ast = p.defs[def].ast;
        if let Some(receiver) = receiver_name(ast) {
            assigned_attrs(&ast.body, receiver, &mut assigned, p);
        }
    }
    for (name, span) in assigned {
        if field_owner(p, id, &name).is_some() {
            continue;
        }
        p.classes[id as usize].fields.insert(name, FieldVar { ty: Ty::Unknown, span, flagged: false });
    }
}

/// The class among `id` and its bases that introduces field `name`.
fn field_owner(p: &Program<'_>, id: u32, name: &str) -> Option<u32> {
    let mut at = Some(id);
    while let Some(c) = at {
        if p.classes[c as usize].fields.contains_key(name) {
            return Some(c);
        }
        at = p.classes[c as usize].base;
    }
    None
}

/// The `def` that `name` resolves to on instances of class `id` (its own or inherited).
pub(crate) fn resolve_method(p: &Program<'_>, id: u32, name: &str) -> Option<usize> {
    let mut at = Some(id);
    while let Some(c) = at {
        if let Some(&def) = p.classes[c as usize].methods.get(name) {
            return Some(def);
        }
        at = p.classes[c as usize].base;
    }
    None
}

/// The fields surely set when `__init__` (as resolved for class `id`) returns normally.
fn init_sets(p: &Program<'_>, id: u32, depth: usize) -> HashSet<String> {
    let mut set = HashSet::new();
    let Some(def) = resolve_method(p, id, "__init__") else { return set };
    if depth > 64 {
        return set;
    }
    let ast = p.defs[def].ast;
    let Some(receiver) = receiver_name(ast) else { return set };
    let definer = p.defs[def].class.expect("a method");
    for stmt in &ast.body {
        // Stop where control may leave early.
        if contains_return(std::slice::from_ref(stmt)) {
            break;
        }
        match stmt {
            ast::Stmt::Assign(_) | ast::Stmt::AnnAssign(_) => {
                let mut out = Vec::new();
                assigned_attrs(std::slice::from_ref(stmt), receiver, &mut out, p);
                set.extend(out.into_iter().map(|(n, _)| n));
            }
            ast::Stmt::Expr(e) => {
                if let ast::Expr::Call(call) = &*e.value {
                    if let ast::Expr::Attribute(a) = &*call.func {
                        if a.attr.as_str() == "__init__" {
                            let base = match &*a.value {
                                ast::Expr::Call(s) if matches!(&*s.func, ast::Expr::Name(n) if n.id.as_str() == "super") => {
                                    p.classes[definer as usize].base
                                }
                                ast::Expr::Name(n) => p.class_by_name.get(n.id.as_str()).copied(),
                                _ => None,
                            };
                            if let Some(b) = base {
                                set.extend(init_sets(p, b, depth + 1));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    set
}

fn contains_return(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::Return(_) => true,
        ast::Stmt::If(s) => contains_return(&s.body) || contains_return(&s.orelse),
        ast::Stmt::For(s) => contains_return(&s.body) || contains_return(&s.orelse),
        ast::Stmt::While(s) => contains_return(&s.body) || contains_return(&s.orelse),
        ast::Stmt::With(s) => contains_return(&s.body),
        ast::Stmt::Try(s) => {
            contains_return(&s.body)
                || contains_return(&s.orelse)
                || contains_return(&s.finalbody)
                || s.handlers.iter().any(|ast::ExceptHandler::ExceptHandler(h)| contains_return(&h.body))
        }
        _ => false,
    })
}

fn flag_unset_fields(p: &mut Program<'_>) {
    let sets: Vec<HashSet<String>> = (0..p.classes.len() as u32).map(|id| init_sets(p, id, 0)).collect();
    for owner in 0..p.classes.len() {
        let last = p.classes[owner].last_descendant as usize;
        let names: Vec<String> = p.classes[owner].fields.keys().cloned().collect();
        for name in names {
            // The message and args are set when the instance is made.
            if name == MESSAGE_FIELD || name == ARGS_FIELD || name == CAUGHT_FIELD {
                continue;
            }
            if (owner..=last).any(|k| !sets[k].contains(&name)) {
                p.classes[owner].fields[&name].flagged = true;
            }
        }
    }
}

impl Program<'_> {
    /// Whether the program makes instances of class `id` or of a subclass.
    pub(crate) fn instances_exist(&self, id: u32) -> bool {
        (id..=self.classes[id as usize].last_descendant).any(|k| self.classes[k as usize].constructed)
    }

    /// Whether class `id` inherits a built-in exception class.
    pub(crate) fn is_exception_class(&self, id: u32) -> bool {
        let mut at = Some(id);
        while let Some(c) = at {
            if self.classes[c as usize].exception_base.is_some() {
                return true;
            }
            at = self.classes[c as usize].base;
        }
        false
    }

    /// The built-in exception class that class `id` finally inherits.
    pub(crate) fn builtin_exception_base(&self, id: u32) -> Option<ExceptionKind> {
        let mut at = Some(id);
        while let Some(c) = at {
            if let Some(k) = self.classes[c as usize].exception_base {
                return Some(k);
            }
            at = self.classes[c as usize].base;
        }
        None
    }

    /// The object type of class `id`.
    pub(crate) fn class_ty(&self, id: u32) -> Ty {
        Ty::Object(self.classes[id as usize].ty.clone())
    }

    /// Every field of class `id` in layout order: (owner, name), flags right after their field.
    fn layout(&self, id: u32) -> Vec<(u32, String)> {
        let mut out = match self.classes[id as usize].base {
            Some(b) => self.layout(b),
            None => Vec::new(),
        };
        for (name, field) in &self.classes[id as usize].fields {
            out.push((id, name.clone()));
            if field.flagged {
                out.push((id, format!("{name}$set")));
            }
        }
        out
    }

    fn field_ref(&self, id: u32, name: &str) -> Option<FieldRef> {
        let owner = field_owner(self, id, name)?;
        let layout = self.layout(owner);
        let index = layout.iter().position(|(o, n)| *o == owner && n == name)? as u32;
        let flag = self.classes[owner as usize].fields[name].flagged.then_some(index + 1);
        Some(FieldRef { owner, index, flag })
    }

    /// Fills field types nothing was ever stored into (like `default_unknowns`).
    pub(crate) fn default_unknown_fields(&mut self) -> bool {
        let mut changed = false;
        for c in &mut self.classes {
            for f in c.fields.values_mut() {
                if !f.ty.is_known() {
                    f.ty = f.ty.or_int();
                    changed = true;
                }
            }
        }
        changed
    }

    /// The IR class declarations, once field types are final.
    pub(crate) fn declare_ir_classes(&mut self) {
        let mut decls = Vec::with_capacity(self.classes.len());
        for id in 0..self.classes.len() as u32 {
            let fields = self
                .layout(id)
                .into_iter()
                .map(|(owner, name)| {
                    let ty = match name.strip_suffix("$set") {
                        Some(_) if !self.classes[owner as usize].fields.contains_key(&name) => Ty::Bool,
                        _ => self.classes[owner as usize].fields[&name].ty.clone(),
                    };
                    kiln_ir::Field { name, ty: ty.to_ir(&mut self.module) }
                })
                .collect();
            let c = &self.classes[id as usize];
            decls.push(kiln_ir::ClassDecl {
                name: c.ty.name().to_string(),
                module: self.module_of_class(id).map(str::to_string),
                base: c.base,
                fields,
                last_descendant: c.last_descendant,
                exception_base: c.exception_base,
                key_functions: self
                    .key_functions
                    .get(&id)
                    .map(|&(hash, eq)| (kiln_ir::Handle::from_index(hash), kiln_ir::Handle::from_index(eq))),
            });
        }
        self.module.classes = decls;
    }

    /// The dotted name of the module that defines class `id` (`None`: the main file).
    pub(crate) fn module_of_class(&self, id: u32) -> Option<&str> {
        let file = self.classes[id as usize].span.file;
        self.modules.iter().find(|m| m.file_id() == file).map(|m| m.name.as_str())
    }
}

impl FnCx<'_, '_> {
    /// The class a name refers to, unless a variable shadows it.
    pub(crate) fn class_named(&self, name: &str) -> Option<u32> {
        if self.is_local(name) || self.p.globals.contains_key(name) || self.comp_vars.contains_key(name) {
            return None;
        }
        self.p.class_by_name.get(name).copied()
    }

    /// A class name used as a value.
    pub(crate) fn class_value(&mut self, id: u32, span: Span) -> Res<Val> {
        let name = self.p.classes[id as usize].name.clone();
        if !self.def_is_bound(&name) {
            return self.fail(
                Diagnostic::error(format!("class `{name}` is used before its `class` statement has run"), span)
                    .with_secondary(self.p.classes[id as usize].span, "defined here"),
            );
        }
        Ok(Val { ty: Ty::Class(id), h: self.lit(Literal::None, span) })
    }

    /// The `class` statement at module level: binds the name and evaluates class attributes
    /// and method defaults, in order.
    pub(crate) fn class_stmt(&mut self, c: &ast::StmtClassDef, span: Span) -> Res<()> {
        if !self.is_module {
            return self.fail(Diagnostic::error("kiln supports classes at module level only", span));
        }
        let Some(&id) = self.p.class_by_name.get(c.name.as_str()) else {
            return Ok(()); // reported by `collect_classes`
        };
        for stmt in &c.body {
            match stmt {
                ast::Stmt::Assign(a) => {
                    if let [ast::Expr::Name(n)] = &a.targets[..] {
                        let v = self.expr(&a.value)?;
                        let global = format!("{}.{}", c.name, n.id);
                        self.assign_name(&global, v, span)?;
                    }
                }
                ast::Stmt::AnnAssign(a) => {
                    if let (ast::Expr::Name(n), Some(value)) = (&*a.target, &a.value) {
                        let v = self.expr(value)?;
                        let global = format!("{}.{}", c.name, n.id);
                        self.assign_name(&global, v, span)?;
                    }
                }
                ast::Stmt::FunctionDef(def) => {
                    if let Some(&index) = self.p.classes[id as usize].methods.get(def.name.as_str()) {
                        self.method_defaults(index, def)?;
                    }
                }
                _ => {}
            }
        }
        self.set_def_flag(c.name.as_str(), span);
        if let Some(bound) = &mut self.bound {
            bound.insert(c.name.to_string());
        }
        Ok(())
    }

    /// The global holding class attribute `name` of class `id` or its nearest base having it.
    fn class_attr_global(&self, id: u32, name: &str) -> Option<String> {
        let mut at = Some(id);
        while let Some(c) = at {
            let class = &self.p.classes[c as usize];
            if class.attrs.iter().any(|a| a == name) {
                return Some(format!("{}.{name}", class.name));
            }
            at = class.base;
        }
        None
    }

    // ----- instances -------------------------------------------------------------------

    /// `C(args)`: a new instance, initialised by `__init__`.
    pub(crate) fn construct(&mut self, id: u32, call: &ast::ExprCall, span: Span) -> Res<Val> {
        if !self.p.classes[id as usize].constructed {
            self.p.classes[id as usize].constructed = true;
            self.p.changed = true;
        }
        let ty = self.p.class_ty(id);
        ty.to_ir(&mut self.p.module);
        let object = Val { ty: ty.clone(), h: self.emit(Expression::New { class: id }, span) };
        let exception = self.p.is_exception_class(id);
        if exception {
            let empty = self.str_lit("", span);
            self.set_message(&object, empty, span)?;
            let no_args = self.exception_args(Vec::new(), span)?;
            self.set_hidden(&object, ARGS_FIELD, no_args, span)?;
            let not_caught = self.null_exception(span);
            self.set_hidden(&object, CAUGHT_FIELD, not_caught, span)?;
        }
        match resolve_method(self.p, id, "__init__") {
            None if exception => {
                let mut args = Vec::new();
                for a in &call.args {
                    args.push(self.expr(a)?);
                }
                if !call.keywords.is_empty() {
                    let name = self.p.classes[id as usize].name.clone();
                    return self.fail(Diagnostic::error(format!("{name}() takes no keyword arguments"), span));
                }
                self.builtin_exception_init(&object, args, span)?;
            }
            Some(init) if exception && !self.initialises_exception(init) => {
                // `BaseException.__new__` keeps the positional arguments as `args` (and the
                // message) when no `__init__` passes others to `BaseException.__init__`.
                let mut args = Vec::new();
                for a in &call.args {
                    args.push(self.expr(a)?);
                }
                self.builtin_exception_init(&object, args.clone(), span)?;
                let bound = self.bind_arguments(init, Some(object.clone()), Some(args), Some(call), &[], span)?;
                let result = self.call_bound(init, bound, Some(call), span)?;
                if !matches!(result.ty, Ty::None | Ty::Unknown) {
                    return self.fail(Diagnostic::error(
                        format!("__init__() should return None, not '{}'", result.ty),
                        self.p.defs[init].span,
                    ));
                }
            }
            Some(init) => {
                let result = self.call_user_with(init, Some(object.clone()), call, span)?;
                if !matches!(result.ty, Ty::None | Ty::Unknown) {
                    return self.fail(Diagnostic::error(
                        format!("__init__() should return None, not '{}'", result.ty),
                        self.p.defs[init].span,
                    ));
                }
            }
            None if !call.args.is_empty() || !call.keywords.is_empty() => {
                let name = self.p.classes[id as usize].name.clone();
                return self.fail(Diagnostic::error(format!("{name}() takes no arguments"), span));
            }
            None => {}
        }
        Ok(object)
    }

    /// A value of an optional type seen as its inner type, raising `AttributeError` (as
    /// CPython does for `None.attr`) when it is `None`.
    pub(crate) fn non_null(&mut self, v: Val, attr: &str, span: Span) -> Val {
        let Ty::Optional(inner) = v.ty.clone() else { return v };
        let is_none = self.is_none(&v, span);
        self.raise_if(
            is_none,
            ExceptionKind::AttributeError,
            &format!("'NoneType' object has no attribute '{attr}'"),
            span,
        );
        Val { ty: *inner, h: v.h }
    }

    /// Whether a value of an optional type is `None`.
    pub(crate) fn is_none(&mut self, v: &Val, span: Span) -> kiln_ir::Handle<Expression> {
        let ty = v.ty.to_ir(&mut self.p.module);
        let null = self.emit(Expression::Null { ty }, span);
        self.emit(Expression::SameObject { left: v.h, right: null }, span)
    }

    /// `object.attr`.
    pub(crate) fn object_attribute(&mut self, object: Val, attr: &str, span: Span) -> Res<Val> {
        let object = self.non_null(object, attr, span);
        let Some(class) = object.ty.class().cloned() else { return self.unknown(span) };
        let id = class.id();
        if let Some(field) = self.p.field_ref(id, attr) {
            let ty = self.p.classes[field.owner as usize].fields[attr].ty.clone();
            if let Some(flag) = field.flag {
                let set = self.emit(Expression::GetField { object: object.h, field: flag }, span);
                let unset = self.emit(Expression::Unary { op: UnaryOp::Not, arg: set }, span);
                let message = format!("'{}' object has no attribute '{attr}'", class.name());
                self.raise_if(unset, ExceptionKind::AttributeError, &message, span);
            }
            if ty == Ty::Unknown {
                return self.unknown(span);
            }
            let h = self.emit(Expression::GetField { object: object.h, field: field.index }, span);
            let value = Val { ty, h };
            self.note_origin(&value, Origin::Field(object, attr.to_string()));
            return Ok(value);
        }
        if let Some(def) = resolve_method(self.p, id, attr) {
            if self.p.defs[def].method == MethodKind::Property {
                return self.dispatch(object, attr, &[], span);
            }
            // A bound method: the method with the instance as its captured value, when every
            // subclass runs the same one.
            let class = object.ty.class().cloned();
            if let Some(def) = class.and_then(|c| self.single_target(&c, attr)) {
                if self.p.defs[def].method == MethodKind::Instance {
                    let object = self.non_null(object, attr, span);
                    return Ok(self.bound_method(def, object, span));
                }
            }
            return self.fail(
                Diagnostic::error(format!("kiln does not support bound methods as values yet (`{attr}`)"), span)
                    .with_note("call the method directly, or wrap it in a lambda"),
            );
        }
        if attr == "args" && self.p.is_exception_class(id) {
            return self.exception_args_of(&object, span);
        }
        if let Some(global) = self.class_attr_global(id, attr) {
            // Subclasses that set the attribute again (`symbol = "^"`): the one of the
            // instance's class, by a chain of class-id tests.
            let mut runs: Vec<(u32, String)> = Vec::new();
            for k in id..=self.p.classes[id as usize].last_descendant {
                let g = self.class_attr_global(k, attr).unwrap_or_else(|| global.clone());
                match runs.last_mut() {
                    Some(run) if run.1 == g => run.0 = k,
                    _ => runs.push((k, g)),
                }
            }
            if runs.len() == 1 {
                return self.name_value(&global, span);
            }
            return self.class_attr_by_class(object, &runs, attr, span);
        }
        let owners = self.subclass_field_owners(id, attr);
        if !owners.is_empty() {
            return self.subclass_field_read(object, &owners, attr, span);
        }
        self.fail(Diagnostic::error(format!("'{}' object has no attribute '{attr}'", class.name()), span))
    }

    /// The classes below `id` that introduce field `attr` (their subtrees are disjoint: a
    /// class below one of them inherits the field instead of introducing it).
    fn subclass_field_owners(&self, id: u32, attr: &str) -> Vec<u32> {
        (id + 1..=self.p.classes[id as usize].last_descendant)
            .filter(|&k| self.p.classes[k as usize].fields.contains_key(attr))
            .collect()
    }

    /// `x.attr` where only some subclasses of `x`'s class have field `attr` (after
    /// `isinstance(x, Sub)`): the field of the instance's class, by class-id tests, and
    /// CPython's `AttributeError` for an instance of a class without it.
    fn subclass_field_read(&mut self, object: Val, owners: &[u32], attr: &str, span: Span) -> Res<Val> {
        let mut ty = Ty::Unknown;
        for &o in owners {
            let t = self.p.classes[o as usize].fields[attr].ty.clone();
            match ty.join(&t) {
                Some(j) => ty = j,
                None => {
                    return self.fail(Diagnostic::error(
                        format!("field `{attr}` has different types in different subclasses ({ty} and {t})"),
                        span,
                    ))
                }
            }
        }
        if ty == Ty::Unknown {
            return self.unknown(span);
        }
        let temp = self.new_temp(&ty, span);
        let want = ty.clone();
        self.subclass_chain(&object, owners, attr, false, span, &mut |cx, sub| {
            let v = cx.object_attribute(sub, attr, span)?;
            let v = cx.coerce(v, &want, span);
            cx.push(Statement::Store { local: temp, value: v.h }, span);
            Ok(())
        })?;
        let value = self.load(temp, ty, span);
        self.note_origin(&value, Origin::Field(object, attr.to_string()));
        Ok(value)
    }

    /// `if owner0 <= id <= last0 { body(x as owner0) } elif ... else { raise AttributeError }`
    /// (for a store, `store`, with kiln's message: CPython would add the attribute).
    fn subclass_chain(
        &mut self,
        object: &Val,
        owners: &[u32],
        attr: &str,
        store: bool,
        span: Span,
        body: &mut dyn FnMut(&mut Self, Val) -> Res<()>,
    ) -> Res<()> {
        // `None` is the instance of a class without the field.
        let cases: Vec<Option<u32>> = owners.iter().copied().map(Some).chain([None]).collect();
        let cid = self.emit(Expression::ClassId { object: object.h }, span);
        let mut test = |cx: &mut Self, case: &Option<u32>| {
            let owner = case.expect("the last case has no test");
            cx.class_id_in(cid, owner, cx.p.classes[owner as usize].last_descendant, span)
        };
        self.case_chain(&cases, span, &mut test, &mut |cx, case| {
            match case {
                Some(owner) => {
                    let ty = cx.p.class_ty(*owner);
                    ty.to_ir(&mut cx.p.module);
                    let sub = Val { ty, h: cx.emit(Expression::ObjectCast { value: object.h, class: *owner }, span) };
                    return body(cx, sub);
                }
                None if store => {
                    let message =
                        format!("kiln cannot add attribute '{attr}' to an instance of a class without that field");
                    cx.raise(ExceptionKind::AttributeError, Some(&message), span);
                }
                None => cx.raise_no_attribute(object, attr, span),
            }
            Ok(())
        })
    }

    /// Whether class id `cid` lies in `lo..=hi`.
    fn class_id_in(
        &mut self,
        cid: kiln_ir::Handle<Expression>,
        lo: u32,
        hi: u32,
        span: Span,
    ) -> kiln_ir::Handle<Expression> {
        let lo = self.lit(Literal::I64(lo as i64), span);
        let hi = self.lit(Literal::I64(hi as i64), span);
        let above = self.emit(Expression::Compare { op: CompareOp::Ge, left: cid, right: lo }, span);
        let below = self.emit(Expression::Compare { op: CompareOp::Le, left: cid, right: hi }, span);
        self.emit(Expression::Binary { op: kiln_ir::BinaryOp::BitAnd, left: above, right: below }, span)
    }

    /// `raise AttributeError("'<class of object>' object has no attribute 'attr'")`.
    fn raise_no_attribute(&mut self, object: &Val, attr: &str, span: Span) {
        let open = self.str_lit("'", span);
        let name = Val { ty: Ty::Str, h: self.emit(Expression::TypeName { value: object.h }, span) };
        let close = self.str_lit(&format!("' object has no attribute '{attr}'"), span);
        let message = self.concat_all(vec![open, name, close], span);
        self.push(Statement::Raise { kind: ExceptionKind::AttributeError, message: Some(message.h) }, span);
    }

    /// A class attribute that subclasses override, read through an instance: `runs` are the
    /// class-id ranges (last id of each) and the global each reads.
    fn class_attr_by_class(&mut self, object: Val, runs: &[(u32, String)], attr: &str, span: Span) -> Res<Val> {
        let mut ty = Ty::Unknown;
        for (_, g) in runs {
            let t = self.p.globals.get(g).map(|v| v.ty.clone()).unwrap_or(Ty::Unknown);
            ty = match ty.join(&t) {
                Some(j) => j,
                None => {
                    return self.fail(Diagnostic::error(
                        format!("the subclasses give class attribute `{attr}` different types ({ty} and {t})"),
                        span,
                    ))
                }
            };
        }
        if ty == Ty::Unknown {
            return self.unknown(span);
        }
        let object = self.non_null(object, attr, span);
        let id = self.emit(Expression::ClassId { object: object.h }, span);
        let temp = self.new_temp(&ty, span);
        let want = ty.clone();
        self.case_chain(runs, span, &mut |cx, (hi, _)| cx.class_id_at_most(id, *hi, span), &mut |cx, (_, global)| {
            let v = cx.name_value(global, span)?;
            let v = cx.coerce(v, &want, span);
            cx.push(Statement::Store { local: temp, value: v.h }, span);
            Ok(())
        })?;
        Ok(self.load(temp, ty, span))
    }

    /// Whether class id `cid` is at most `hi` (the chains test the runs of ids in order).
    fn class_id_at_most(
        &mut self,
        cid: kiln_ir::Handle<Expression>,
        hi: u32,
        span: Span,
    ) -> kiln_ir::Handle<Expression> {
        let limit = self.lit(Literal::I64(hi as i64), span);
        self.emit(Expression::Compare { op: CompareOp::Le, left: cid, right: limit }, span)
    }

    /// `C.attr` for a class `C`: a class attribute.
    pub(crate) fn class_attribute(&mut self, id: u32, attr: &str, span: Span) -> Res<Val> {
        if let Some(global) = self.class_attr_global(id, attr) {
            return self.name_value(&global, span);
        }
        let name = self.p.classes[id as usize].name.clone();
        if resolve_method(self.p, id, attr).is_some() {
            return self.fail(Diagnostic::error(
                format!("kiln does not support methods as values yet (`{name}.{attr}`)"),
                span,
            ));
        }
        self.fail(Diagnostic::error(format!("type object '{name}' has no attribute '{attr}'"), span))
    }

    /// `object.attr = value`.
    pub(crate) fn set_object_attribute(&mut self, object: Val, attr: &str, value: Val, span: Span) -> Res<()> {
        let object = self.non_null(object, attr, span);
        let Some(class) = object.ty.class().cloned() else { return Ok(()) };
        let Some(field) = self.p.field_ref(class.id(), attr) else {
            if self.class_attr_global(class.id(), attr).is_some() {
                return self.fail(
                    Diagnostic::error(
                        format!("kiln does not support shadowing class attribute `{attr}` on an instance"),
                        span,
                    )
                    .with_note("assign it through the class (`ClassName.attr = ...`), or set it in `__init__`"),
                );
            }
            let owners = self.subclass_field_owners(class.id(), attr);
            if !owners.is_empty() {
                // A field only subclasses have (after `isinstance(x, Sub)`): stored into the
                // instance's own; kiln's instances cannot grow new attributes, so any other
                // instance raises.
                return self.subclass_chain(&object, &owners, attr, true, span, &mut |cx, sub| {
                    cx.set_object_attribute(sub, attr, value.clone(), span)
                });
            }
            return self.fail(
                Diagnostic::error(format!("'{}' object has no field '{attr}'", class.name()), span)
                    .with_note("kiln knows the fields a class's methods assign through `self`"),
            );
        };
        let owner = field.owner as usize;
        let current = self.p.classes[owner].fields[attr].clone();
        let Some(joined) = current.ty.join_value(&value.ty) else {
            return self.fail(
                Diagnostic::error(
                    format!("field `{attr}` would change type from {} to {}", current.ty, value.ty),
                    span,
                )
                .with_label(format!("assigned a {} here", value.ty))
                .with_secondary(current.span, format!("`{attr}` is {} here", current.ty))
                .with_note("a field keeps one type"),
            );
        };
        if joined != current.ty {
            self.p.classes[owner].fields[attr].ty = joined.clone();
            if current.ty == Ty::Unknown {
                self.p.classes[owner].fields[attr].span = span;
            }
            self.p.changed = true;
        }
        if !self.p.final_pass {
            // `self.parts = parts` makes two names for one list: the variable learns what the
            // field holds (so a caller's `Path([])` learns it too).
            self.learn(&value, &joined, span)?;
            return Ok(());
        }
        if !value.ty.conforms_to(&joined) {
            return self.fail(Diagnostic::error(
                format!("cannot store {} into field `{attr}` of type {joined}", value.ty),
                span,
            ));
        }
        let value = self.coerce(value, &joined, span);
        self.push(Statement::SetField { object: object.h, field: field.index, value: value.h }, span);
        if let Some(flag) = field.flag {
            let t = self.lit(Literal::Bool(true), span);
            self.push(Statement::SetField { object: object.h, field: flag, value: t }, span);
        }
        Ok(())
    }

    /// Joins a more precise type into a field (inference only): `self.items = []` in
    /// `__init__` and `self.items.append(x)` elsewhere.
    pub(crate) fn refine_field(&mut self, object: Val, attr: &str, ty: Ty) -> Res<()> {
        let Some(class) = object.ty.class().cloned() else { return Ok(()) };
        let Some(field) = self.p.field_ref(class.id(), attr) else {
            // `n.children.append(x)` of a field only subclasses have (after `isinstance`).
            for owner in self.subclass_field_owners(class.id(), attr) {
                let ty_o = self.p.class_ty(owner);
                self.refine_field(Val { ty: ty_o, h: object.h }, attr, ty.clone())?;
            }
            // `self.registry.append(x)` of a class attribute read through an instance.
            return self.refine_class_attribute(class.id(), attr, ty);
        };
        let current = &mut self.p.classes[field.owner as usize].fields[attr];
        if let Some(joined) = current.ty.join(&ty) {
            if joined != current.ty {
                current.ty = joined;
                self.p.changed = true;
            }
        }
        Ok(())
    }

    /// Joins a more precise type into class attribute `attr` of class `id` (inference only):
    /// `registry = []` in the class body and `C.registry.append(x)` (or `cls.registry`)
    /// elsewhere.
    pub(crate) fn refine_class_attribute(&mut self, id: u32, attr: &str, ty: Ty) -> Res<()> {
        let Some(global) = self.class_attr_global(id, attr) else { return Ok(()) };
        let Some(current) = self.p.globals.get(&global).map(|g| g.ty.clone()) else { return Ok(()) };
        if let Some(joined) = current.join(&ty) {
            if joined != current {
                let span = self.p.globals[&global].span;
                self.p.join_global(&global, &joined, span);
            }
        }
        Ok(())
    }

    /// `C.attr = value`: a class attribute.
    pub(crate) fn set_class_attribute(&mut self, id: u32, attr: &str, value: Val, span: Span) -> Res<()> {
        match self.class_attr_global(id, attr) {
            Some(global) => self.assign_name(&global, value, span),
            None => {
                let name = self.p.classes[id as usize].name.clone();
                self.fail(Diagnostic::error(
                    format!("kiln does not support adding attribute `{attr}` to class `{name}` outside its body"),
                    span,
                ))
            }
        }
    }

    // ----- calls -------------------------------------------------------------------------

    /// `receiver.method(args)` where `receiver` is an instance (or `None`).
    pub(crate) fn object_method_call(
        &mut self,
        receiver: Val,
        method: &str,
        call: &ast::ExprCall,
        span: Span,
    ) -> Res<Val> {
        let receiver = self.non_null(receiver, method, span);
        let Some(class) = receiver.ty.class().cloned() else { return self.unknown(span) };
        if let Some(def) = resolve_method(self.p, class.id(), method) {
            match self.p.defs[def].method {
                MethodKind::Static => return self.call_user_with(def, None, call, span),
                MethodKind::Class => {
                    let cls = Val { ty: Ty::Class(class.id()), h: self.lit(Literal::None, span) };
                    return self.call_user_with(def, Some(cls), call, span);
                }
                _ => {}
            }
        }
        if self.p.field_ref(class.id(), method).is_some() {
            return self.fail(Diagnostic::error(
                format!("kiln does not support calling field `{method}` (a function value) yet"),
                span,
            ));
        }
        let mut positional = Vec::new();
        for a in &call.args {
            if let ast::Expr::Starred(_) = a {
                return self.fail(Diagnostic::error("kiln does not support `*` arguments yet", self.span_of(a)));
            }
            positional.push(self.expr(a)?);
        }
        if !call.keywords.is_empty() {
            // Keyword arguments bind by the target's own parameter names: resolved statically.
            if let Some(def) = self.single_target(&class, method) {
                let args = self.bind_arguments(def, Some(receiver), Some(positional), Some(call), &[], span)?;
                return self.call_bound(def, args, Some(call), span);
            }
            return self.fail(Diagnostic::error(
                "kiln does not support keyword arguments in a call that dispatches on the class yet",
                span,
            ));
        }
        self.dispatch(receiver, method, &positional, span)
    }

    /// The one `def` a call of `method` on `class` can reach, if there is only one.
    pub(crate) fn single_target(&self, class: &ClassTy, method: &str) -> Option<usize> {
        let runs = self.dispatch_runs(class.id(), method);
        match &runs[..] {
            [(_, Some(def))] => Some(*def),
            _ => None,
        }
    }

    /// The ids `class..=last_descendant` cut into runs that resolve `method` alike:
    /// (last id of the run, target).
    fn dispatch_runs(&self, class: u32, method: &str) -> Vec<(u32, Option<usize>)> {
        let mut runs: Vec<(u32, Option<usize>)> = Vec::new();
        for k in class..=self.p.classes[class as usize].last_descendant {
            let target = resolve_method(self.p, k, method);
            match runs.last_mut() {
                Some(last) if last.1 == target => last.0 = k,
                _ => runs.push((k, target)),
            }
        }
        runs
    }

    /// Calls `method` on `receiver` (non-null, an instance) with evaluated positional `args`,
    /// dispatching on the receiver's class where subclasses override it.
    pub(crate) fn dispatch(&mut self, receiver: Val, method: &str, args: &[Val], span: Span) -> Res<Val> {
        let Some(class) = receiver.ty.class().cloned() else { return self.unknown(span) };
        let runs = self.dispatch_runs(class.id(), method);
        if runs.iter().all(|(_, t)| t.is_none()) {
            return self
                .fail(Diagnostic::error(format!("'{}' object has no attribute '{method}'", class.name()), span));
        }
        // Each target's arguments, with `self` seen as the most precise class known there.
        let mut calls = Vec::new();
        for (_, target) in &runs {
            let Some(def) = *target else {
                calls.push(None);
                continue;
            };
            let definer = self.p.defs[def].class.expect("a method");
            let this = if self.p.classes[definer as usize].ty.inherits(class.id()) && definer != class.id() {
                let ty = self.p.class_ty(definer);
                ty.to_ir(&mut self.p.module);
                Val { ty, h: self.emit(Expression::ObjectCast { value: receiver.h, class: definer }, span) }
            } else {
                receiver.clone()
            };
            let bound = self.bind_arguments(def, Some(this), Some(args.to_vec()), None, &[], span)?;
            calls.push(Some((def, bound)));
        }
        if let [Some((def, args))] = &calls[..] {
            return self.call_bound(*def, args.clone(), None, span);
        }
        // Several targets: the results join; a chain of id tests picks the target.
        let mut result = Ty::Unknown;
        let mut unknown = false;
        for (def, args) in calls.iter().flatten() {
            let key: Vec<Ty> = args.iter().map(|a| a.ty.clone()).collect();
            if key.iter().any(|t| !t.is_known()) {
                unknown = true;
                continue;
            }
            let inst = self.p.instance(*def, key);
            // An override whose result is not known yet (it recurses through this very call)
            // takes the others' type: recursion adds no other type.
            let ret = self.p.instances[inst].ret.clone();
            match result.join(&ret) {
                Some(t) => result = t,
                None => {
                    return self.fail(Diagnostic::error(
                        format!("the overrides of `{method}` return different types ({result} and {ret})"),
                        span,
                    ))
                }
            }
        }
        unknown |= result == Ty::Unknown;
        let id = self.emit(Expression::ClassId { object: receiver.h }, span);
        let temp = (!unknown && result != Ty::None).then(|| self.new_temp(&result, span));
        let runs: Vec<DispatchRun> = runs.iter().map(|(hi, _)| *hi).zip(calls).collect();
        self.case_chain(&runs, span, &mut |cx, (hi, _)| cx.class_id_at_most(id, *hi, span), &mut |cx, (_, target)| {
            match target {
                // A failed call was reported; the other runs are still lowered.
                Some((def, args)) => {
                    if let Ok(v) = cx.call_bound(*def, args.clone(), None, span) {
                        if let Some(t) = temp {
                            let v = cx.coerce(v, &result, span);
                            cx.push(Statement::Store { local: t, value: v.h }, span);
                        }
                    }
                }
                None => cx.raise_no_attribute(&receiver, method, span),
            }
            Ok(())
        })?;
        if unknown {
            return self.unknown(span);
        }
        match temp {
            Some(t) => Ok(self.load(t, result, span)),
            None => Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) }),
        }
    }

    /// `super().method(args)` inside a method.
    pub(crate) fn super_call(&mut self, method: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let def = self.p.instances[self.inst].def;
        let Some((def, class)) = def.and_then(|d| self.p.defs[d].class.map(|c| (d, c))) else {
            return self.fail(Diagnostic::error("super(): no arguments outside a method", span));
        };
        let Some(receiver_param) = receiver_name(self.p.defs[def].ast).map(str::to_string) else {
            return self.fail(Diagnostic::error("super(): the method has no `self`", span));
        };
        let base = self.p.classes[class as usize].base;
        let target = base.and_then(|b| resolve_method(self.p, b, method));
        let Some(target) = target else {
            if method == "__init__" && self.p.is_exception_class(class) {
                // `BaseException.__init__(self, *args)`: sets the message.
                let receiver = self.name_value(&receiver_param, span)?;
                let mut args = Vec::new();
                for a in &call.args {
                    args.push(self.expr(a)?);
                }
                self.builtin_exception_init(&receiver, args, span)?;
                return Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) });
            }
            if method == "__init__" && call.args.is_empty() && call.keywords.is_empty() {
                // `object.__init__(self)` does nothing.
                return Ok(Val { ty: Ty::None, h: self.lit(Literal::None, span) });
            }
            return self.fail(Diagnostic::error(format!("'super' object has no attribute '{method}'"), span));
        };
        let receiver = self.name_value(&receiver_param, span)?;
        match self.p.defs[target].method {
            MethodKind::Static => self.call_user_with(target, None, call, span),
            MethodKind::Class => {
                let cls = Val { ty: Ty::Class(class), h: self.lit(Literal::None, span) };
                self.call_user_with(target, Some(cls), call, span)
            }
            _ => self.call_user_with(target, Some(receiver), call, span),
        }
    }

    /// `C.method(args)` on a class (also `cls.method(args)`): static and class methods, and
    /// instance methods called with an explicit receiver (`Base.__init__(self, x)`).
    pub(crate) fn class_method_call(&mut self, id: u32, method: &str, call: &ast::ExprCall, span: Span) -> Res<Val> {
        let Some(def) = resolve_method(self.p, id, method) else {
            let name = self.p.classes[id as usize].name.clone();
            return self.fail(Diagnostic::error(format!("type object '{name}' has no attribute '{method}'"), span));
        };
        match self.p.defs[def].method {
            MethodKind::Class => {
                let cls = Val { ty: Ty::Class(id), h: self.lit(Literal::None, span) };
                self.call_user_with(def, Some(cls), call, span)
            }
            _ => self.call_user_with(def, None, call, span),
        }
    }

    // ----- exception instances ----------------------------------------------------------

    fn set_message(&mut self, object: &Val, message: Val, span: Span) -> Res<()> {
        self.set_hidden(object, MESSAGE_FIELD, message, span)
    }

    /// Stores one of the hidden fields of an exception instance.
    fn set_hidden(&mut self, object: &Val, name: &str, value: Val, span: Span) -> Res<()> {
        let Some(class) = object.ty.class() else { return Ok(()) };
        let Some(field) = self.p.field_ref(class.id(), name) else {
            return self.fail(Diagnostic::error(format!("internal error: an exception class without `{name}`"), span));
        };
        if self.p.final_pass {
            self.push(Statement::SetField { object: object.h, field: field.index, value: value.h }, span);
        }
        Ok(())
    }

    /// The `args` of an exception made with `args` (a `Ty::ExceptionArgs`): each argument
    /// tagged as `kiln_ir::Expression::ExceptionArgs` documents.
    pub(crate) fn exception_args(&mut self, args: Vec<Val>, span: Span) -> Res<Val> {
        let mut tagged = Vec::new();
        for a in args {
            let entry = if a.ty == Ty::Str {
                let tag = self.str_lit("s", span);
                self.concat_all(vec![tag, a], span)
            } else {
                let tag = self.str_lit("r", span);
                let text = self.repr_of(a, span)?;
                self.concat_all(vec![tag, text], span)
            };
            tagged.push(entry);
        }
        let list = self.list_of(tagged, &Ty::Str, span);
        Ok(Val { ty: Ty::ExceptionArgs, h: list.h })
    }

    /// `e.args` of an exception instance.
    pub(crate) fn exception_args_of(&mut self, v: &Val, span: Span) -> Res<Val> {
        let Some(class) = v.ty.class().cloned() else { return self.unknown(span) };
        let Some(field) = self.p.field_ref(class.id(), ARGS_FIELD) else { return self.unknown(span) };
        Ok(Val { ty: Ty::ExceptionArgs, h: self.emit(Expression::GetField { object: v.h, field: field.index }, span) })
    }

    /// The built-in exception `__init__(*args)`: the message is `''`, `str(arg)` (the `repr`
    /// for a `KeyError`), or `str(args)` for several.
    fn builtin_exception_init(&mut self, object: &Val, args: Vec<Val>, span: Span) -> Res<()> {
        let key_error =
            object.ty.class().and_then(|c| self.p.builtin_exception_base(c.id())) == Some(ExceptionKind::KeyError);
        let tagged = self.exception_args(args.clone(), span)?;
        self.set_hidden(object, ARGS_FIELD, tagged, span)?;
        let message = match self.exception_str(&args, key_error, span)? {
            Some(m) => m,
            None => self.str_lit("", span),
        };
        self.set_message(object, message, span)
    }

    /// Whether `__init__` method `init` of an exception class, through `super().__init__(...)`
    /// calls at the top level of each body, surely reaches `BaseException.__init__` (which
    /// sets the message and `args` again).
    fn initialises_exception(&self, init: usize) -> bool {
        let calls_super_init = |body: &[ast::Stmt]| {
            body.iter().any(|s| {
                let ast::Stmt::Expr(e) = s else { return false };
                let ast::Expr::Call(c) = &*e.value else { return false };
                let ast::Expr::Attribute(a) = &*c.func else { return false };
                let ast::Expr::Call(sup) = &*a.value else { return false };
                a.attr.as_str() == "__init__" && matches!(&*sup.func, ast::Expr::Name(n) if n.id.as_str() == "super")
            })
        };
        let mut def = init;
        for _ in 0..64 {
            if !calls_super_init(&self.p.defs[def].ast.body) {
                return false;
            }
            let Some(class) = self.p.defs[def].class else { return false };
            match self.p.classes[class as usize].base.and_then(|b| resolve_method(self.p, b, "__init__")) {
                Some(next) => def = next,
                None => return true,
            }
        }
        false
    }

    /// `str()` of an instance of an exception class: `__str__`, else its message.
    /// A `None` of type `Optional(Exception)`.
    pub(crate) fn null_exception(&mut self, span: Span) -> Val {
        let ty = Ty::Optional(Box::new(Ty::Exception));
        let ir = ty.to_ir(&mut self.p.module);
        Val { ty, h: self.emit(Expression::Null { ty: ir }, span) }
    }

    /// Records that exception instance `object` was caught as `caught` (for its
    /// `__context__` and `__cause__`).
    pub(crate) fn set_caught(&mut self, object: &Val, caught: kiln_ir::Handle<kiln_ir::Local>, span: Span) -> Res<()> {
        let e = self.emit(Expression::Load(caught), span);
        self.set_hidden(object, CAUGHT_FIELD, Val { ty: Ty::Optional(Box::new(Ty::Exception)), h: e }, span)
    }

    /// The caught exception an exception instance was last caught as (None when it never was).
    pub(crate) fn caught_of(&mut self, object: &Val, span: Span) -> Res<Val> {
        let Some(class) = object.ty.class().cloned() else { return self.unknown(span) };
        let Some(field) = self.p.field_ref(class.id(), CAUGHT_FIELD) else { return self.unknown(span) };
        let ty = Ty::Optional(Box::new(Ty::Exception));
        Ok(Val { ty, h: self.emit(Expression::GetField { object: object.h, field: field.index }, span) })
    }

    /// An exception instance as an exception value (for `raise ... from instance`): the
    /// exception it was caught as, with its own chain, or else a new one.
    pub(crate) fn exception_of_object(&mut self, object: &Val, span: Span) -> Res<Val> {
        let caught = self.caught_of(object, span)?;
        let temp = self.new_temp(&Ty::Exception, span);
        self.push(Statement::Store { local: temp, value: caught.h }, span);
        let never = self.is_none(&caught, span);
        let mut result = Ok(());
        let make = self.block(|cx| {
            result = (|| {
                let message = cx.exception_message(object, span)?;
                let args = cx.exception_args_of(object, span)?;
                let kind = ExceptionKind::Exception;
                let e = cx.emit(
                    Expression::ExceptionNew { kind, message: Some(message.h), args: args.h, object: Some(object.h) },
                    span,
                );
                cx.push(Statement::Store { local: temp, value: e }, span);
                Ok(())
            })()
        });
        result?;
        self.push(Statement::If { condition: never, accept: make, reject: Block::new() }, span);
        Ok(self.load(temp, Ty::Exception, span))
    }

    pub(crate) fn exception_message(&mut self, v: &Val, span: Span) -> Res<Val> {
        if self.has_method(&v.ty, "__str__") {
            return self.object_str(v.clone(), false, span);
        }
        let Some(class) = v.ty.class().cloned() else { return self.unknown(span) };
        let Some(field) = self.p.field_ref(class.id(), MESSAGE_FIELD) else { return self.unknown(span) };
        Ok(Val { ty: Ty::Str, h: self.emit(Expression::GetField { object: v.h, field: field.index }, span) })
    }

    // ----- dunder methods ---------------------------------------------------------------

    /// Whether instances of the value's class (all of them) have method `name`.
    pub(crate) fn has_method(&self, ty: &Ty, name: &str) -> bool {
        match ty.class() {
            Some(c) => resolve_method(self.p, c.id(), name).is_some(),
            None => false,
        }
    }

    /// Whether instances of `class` (or of some subclasses) have `__repr__` or `__str__`.
    pub(crate) fn repr_defined(&self, class: &ClassTy) -> bool {
        ["__repr__", "__str__"]
            .iter()
            .any(|name| self.dispatch_runs(class.id(), name).iter().any(|(_, target)| target.is_some()))
    }

    /// Calls dunder `name` on an instance with evaluated arguments.
    pub(crate) fn call_dunder(&mut self, receiver: Val, name: &str, args: &[Val], span: Span) -> Res<Val> {
        let receiver = self.non_null(receiver, name, span);
        self.dispatch(receiver, name, args, span)
    }

    /// `str()` of an instance: `__str__`, else `__repr__`.
    pub(crate) fn object_str(&mut self, v: Val, repr: bool, span: Span) -> Res<Val> {
        if let Ty::Optional(inner) = v.ty.clone() {
            // `None` or the instance's text.
            let is_none = self.is_none(&v, span);
            let temp = self.new_temp(&Ty::Str, span);
            let mut failed = None;
            let accept = self.block(|cx| {
                let none = cx.str_lit("None", span);
                cx.push(Statement::Store { local: temp, value: none.h }, span);
            });
            let reject = self.block(|cx| match cx.object_str(Val { ty: *inner, h: v.h }, repr, span) {
                Ok(s) => cx.push(Statement::Store { local: temp, value: s.h }, span),
                Err(e) => failed = Some(e),
            });
            if let Some(e) = failed {
                return Err(e);
            }
            self.push(Statement::If { condition: is_none, accept, reject }, span);
            return Ok(self.load(temp, Ty::Str, span));
        }
        if v.ty == Ty::Exception {
            return if repr { self.repr_of(v, span) } else { self.str_of(v, span) };
        }
        let order: &[&str] = if repr { &["__repr__"] } else { &["__str__", "__repr__"] };
        for name in order {
            if self.has_method(&v.ty, name) {
                let s = self.call_dunder(v, name, &[], span)?;
                return match s.ty {
                    Ty::Str => Ok(s),
                    Ty::Unknown => self.unknown(span),
                    other => self.fail(Diagnostic::error(format!("{name} returned non-string (type {other})"), span)),
                };
            }
        }
        if v.ty.class().is_some_and(|c| self.p.is_exception_class(c.id())) {
            if !repr {
                return self.exception_message(&v, span);
            }
            return self.exception_repr(v, span);
        }
        // A base class without one whose subclasses have it (an abstract `Node` of an AST):
        // each subclass's own; an instance of the base itself would raise AttributeError.
        if let Some(id) = v.ty.class().map(|c| c.id()) {
            for name in order {
                if self.dispatch_runs(id, name).iter().any(|(_, target)| target.is_some()) {
                    let s = self.dispatch(v, name, &[], span)?;
                    return match s.ty {
                        Ty::Str => Ok(s),
                        Ty::Unknown => self.unknown(span),
                        other => {
                            self.fail(Diagnostic::error(format!("{name} returned non-string (type {other})"), span))
                        }
                    };
                }
            }
        }
        self.default_repr(v, span)
    }

    /// `object.__repr__`: `<__main__.Name object at 0x7f...>`, with the instance's address (so,
    /// as in CPython, the text differs from run to run).
    fn default_repr(&mut self, v: Val, span: Span) -> Res<Val> {
        let Some(class) = v.ty.class().cloned() else { return self.unknown(span) };
        let module = self.p.module_of_class(class.id()).unwrap_or("__main__").to_string();
        let start = self.str_lit(&format!("<{module}."), span);
        // The class the instance has at run time, which may be a subclass.
        let name = Val { ty: Ty::Str, h: self.emit(Expression::TypeName { value: v.h }, span) };
        let middle = self.str_lit(" object at ", span);
        let address = Val { ty: Ty::Int, h: self.emit(Expression::ObjectAddress { value: v.h }, span) };
        let sixteen = self.int(16, span);
        let hex = Val { ty: Ty::Str, h: self.runtime(kiln_ir::RuntimeFn::IntToBase, vec![address.h, sixteen.h], span) };
        let end = self.str_lit(">", span);
        Ok(self.concat_all(vec![start, name, middle, hex, end], span))
    }

    /// Truthiness of an instance: `__bool__`, else `__len__() != 0`, else true; `None` is false.
    pub(crate) fn object_truthy(&mut self, v: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        if let Ty::Optional(inner) = v.ty.clone() {
            let is_none = self.is_none(&v, span);
            let plain = !self.has_method(&inner, "__bool__") && !self.has_method(&inner, "__len__");
            if plain {
                return Ok(self.emit(Expression::Unary { op: UnaryOp::Not, arg: is_none }, span));
            }
            let temp = self.new_temp(&Ty::Bool, span);
            let f = self.lit(Literal::Bool(false), span);
            self.push(Statement::Store { local: temp, value: f }, span);
            let mut failed = None;
            let reject = self.block(|cx| match cx.object_truthy(Val { ty: *inner, h: v.h }, span) {
                Ok(t) => cx.push(Statement::Store { local: temp, value: t }, span),
                Err(e) => failed = Some(e),
            });
            if let Some(e) = failed {
                return Err(e);
            }
            self.push(Statement::If { condition: is_none, accept: Block::new(), reject }, span);
            return Ok(self.emit(Expression::Load(temp), span));
        }
        if self.has_method(&v.ty, "__bool__") {
            let b = self.call_dunder(v, "__bool__", &[], span)?;
            return match b.ty {
                Ty::Bool => Ok(b.h),
                Ty::Unknown => Ok(self.unknown(span)?.h),
                other => self.fail(Diagnostic::error(format!("__bool__ should return bool, returned {other}"), span)),
            };
        }
        if self.has_method(&v.ty, "__len__") {
            let n = self.object_len(v, span)?;
            let zero = self.lit(Literal::I64(0), span);
            return Ok(self.emit(Expression::Compare { op: CompareOp::Ne, left: n.h, right: zero }, span));
        }
        Ok(self.lit(Literal::Bool(true), span))
    }

    /// `len()` of an instance.
    pub(crate) fn object_len(&mut self, v: Val, span: Span) -> Res<Val> {
        if !self.has_method(&v.ty, "__len__") {
            return self.fail(Diagnostic::error(format!("object of type '{}' has no len()", v.ty), span));
        }
        let n = self.call_dunder(v, "__len__", &[], span)?;
        match n.ty {
            Ty::Int => {
                let zero = self.lit(Literal::I64(0), span);
                let negative = self.emit(Expression::Compare { op: CompareOp::Lt, left: n.h, right: zero }, span);
                self.raise_if(negative, ExceptionKind::ValueError, "__len__() should return >= 0", span);
                Ok(n)
            }
            Ty::Unknown => self.unknown(span),
            other => {
                self.fail(Diagnostic::error(format!("'{other}' object cannot be interpreted as an integer"), span))
            }
        }
    }

    /// A binary operator with an instance on either side: `__op__`, else the right operand's
    /// `__rop__`.
    pub(crate) fn object_binary(&mut self, op: ast::Operator, left: Val, right: Val, span: Span) -> Res<Option<Val>> {
        let Some((name, reflected)) = operator_dunders(op) else { return Ok(None) };
        if left.ty.class().is_some() && self.has_method(&left.ty, name) {
            return self.call_dunder(left, name, &[right], span).map(Some);
        }
        if right.ty.class().is_some() && self.has_method(&right.ty, reflected) {
            return self.call_dunder(right, reflected, &[left], span).map(Some);
        }
        Ok(None)
    }

    /// `left op= right` with an instance on the left: `__iop__`, else `left op right`.
    pub(crate) fn object_in_place(&mut self, op: ast::Operator, left: Val, right: Val, span: Span) -> Res<Option<Val>> {
        let Some((name, _)) = operator_dunders(op) else { return Ok(None) };
        let in_place = format!("__i{}", &name[2..]);
        if left.ty.class().is_some() && self.has_method(&left.ty, &in_place) {
            return self.call_dunder(left, &in_place, &[right], span).map(Some);
        }
        Ok(None)
    }

    /// A comparison with an instance on either side. `==`/`!=` fall back to identity, as
    /// `object.__eq__` does; orderings try the reflected method of the right operand.
    pub(crate) fn object_compare(
        &mut self,
        op: ast::CmpOp,
        left: Val,
        right: Val,
        span: Span,
    ) -> Res<Option<kiln_ir::Handle<Expression>>> {
        use ast::CmpOp as C;
        let (name, reflected) = match op {
            C::Eq => ("__eq__", "__eq__"),
            C::NotEq => ("__ne__", "__ne__"),
            C::Lt => ("__lt__", "__gt__"),
            C::LtE => ("__le__", "__ge__"),
            C::Gt => ("__gt__", "__lt__"),
            C::GtE => ("__ge__", "__le__"),
            _ => return Ok(None),
        };
        let as_bool = |cx: &mut Self, v: Val| -> Res<kiln_ir::Handle<Expression>> {
            match v.ty {
                Ty::Bool => Ok(v.h),
                _ => cx.truthy(v, span),
            }
        };
        if left.ty.class().is_some() && self.has_method(&left.ty, name) {
            let v = self.call_dunder(left, name, &[right], span)?;
            return as_bool(self, v).map(Some);
        }
        if right.ty.class().is_some() && self.has_method(&right.ty, reflected) {
            let v = self.call_dunder(right, reflected, &[left], span)?;
            return as_bool(self, v).map(Some);
        }
        if op == C::NotEq && left.ty.class().is_some() && self.has_method(&left.ty, "__eq__") {
            let v = self.call_dunder(left, "__eq__", &[right], span)?;
            let b = as_bool(self, v)?;
            return Ok(Some(self.emit(Expression::Unary { op: UnaryOp::Not, arg: b }, span)));
        }
        if matches!(op, C::Eq | C::NotEq) {
            let same = self.identity(left, right, span)?;
            return Ok(Some(if op == C::Eq {
                same
            } else {
                self.emit(Expression::Unary { op: UnaryOp::Not, arg: same }, span)
            }));
        }
        Ok(None)
    }

    /// `left is right` where either side is an instance or optional.
    pub(crate) fn identity(&mut self, left: Val, right: Val, span: Span) -> Res<kiln_ir::Handle<Expression>> {
        match (&left.ty, &right.ty) {
            (Ty::None, Ty::Object(_)) | (Ty::Object(_), Ty::None) => Ok(self.lit(Literal::Bool(false), span)),
            (Ty::None, Ty::Optional(_)) => Ok(self.is_none(&right, span)),
            (Ty::Optional(_), Ty::None) => Ok(self.is_none(&left, span)),
            (a, b) => match a.join(b) {
                Some(joined) if joined.class().is_some() => {
                    let l = self.coerce(left, &joined, span);
                    let r = self.coerce(right, &joined, span);
                    Ok(self.emit(Expression::SameObject { left: l.h, right: r.h }, span))
                }
                // Unrelated classes are never the same object.
                _ => Ok(self.lit(Literal::Bool(false), span)),
            },
        }
    }

    /// The argument of `type(arg)` when `e` is a call of the builtin `type`.
    fn type_call_arg<'e>(&self, e: &'e ast::Expr) -> Option<&'e ast::Expr> {
        let ast::Expr::Call(c) = e else { return None };
        let ast::Expr::Name(n) = &*c.func else { return None };
        let shadowed =
            self.is_local("type") || self.p.globals.contains_key("type") || self.p.imports.contains_key("type");
        (n.id.as_str() == "type" && !shadowed && c.args.len() == 1 && c.keywords.is_empty()).then(|| &c.args[0])
    }

    /// What a type operand of `type(x) is C` stands for, without evaluating anything yet.
    fn type_operand(&self, e: &ast::Expr) -> Option<TypeOperand> {
        if self.type_call_arg(e).is_some() {
            return Some(TypeOperand::TypeOf);
        }
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        if let Some(id) = self.class_named(name) {
            return Some(TypeOperand::Class(id));
        }
        if let Some(Ty::Class(id)) = self.var_type(name).map(|v| v.ty) {
            return Some(TypeOperand::Class(id));
        }
        let builtin = ["int", "float", "str", "bool", "list", "dict", "set", "tuple"];
        let shadowed = self.is_local(name) || self.p.globals.contains_key(name) || self.comp_vars.contains_key(name);
        (builtin.contains(&name) && !shadowed).then(|| TypeOperand::Builtin(name.to_string()))
    }

    /// `type(x) is C`, `type(x) == C`, `type(x) is not type(y)`...: compares the classes of
    /// instances by their ids (an exact class, unlike `isinstance`); the types of other values
    /// are known at compile time. `None` when the comparison is not of that form.
    pub(crate) fn type_compare(
        &mut self,
        op: ast::CmpOp,
        left: &ast::Expr,
        right: &ast::Expr,
        span: Span,
    ) -> Res<Option<kiln_ir::Handle<Expression>>> {
        use ast::CmpOp as C;
        if !matches!(op, C::Is | C::IsNot | C::Eq | C::NotEq) {
            return Ok(None);
        }
        let (Some(l), Some(r)) = (self.type_operand(left), self.type_operand(right)) else { return Ok(None) };
        if !matches!(l, TypeOperand::TypeOf) && !matches!(r, TypeOperand::TypeOf) {
            return Ok(None);
        }
        let l = self.type_value(l, left, span)?;
        let r = self.type_value(r, right, span)?;
        let same = match (l, r) {
            (TypeValue::Static(a), TypeValue::Static(b)) => self.lit(Literal::Bool(a == b), span),
            (TypeValue::Instance(v), TypeValue::Static(name)) | (TypeValue::Static(name), TypeValue::Instance(v)) => {
                // Instances are never of a built-in type; `None` is a `NoneType`.
                if name == "NoneType" && matches!(v.ty, Ty::Optional(_)) {
                    self.is_none(&v, span)
                } else {
                    self.lit(Literal::Bool(false), span)
                }
            }
            (TypeValue::Instance(v), TypeValue::Class(id)) | (TypeValue::Class(id), TypeValue::Instance(v)) => {
                self.exact_class_test(&v, id, span)
            }
            (TypeValue::Static(_), TypeValue::Class(_)) | (TypeValue::Class(_), TypeValue::Static(_)) => {
                self.lit(Literal::Bool(false), span)
            }
            (TypeValue::Class(a), TypeValue::Class(b)) => self.lit(Literal::Bool(a == b), span),
            (TypeValue::Instance(a), TypeValue::Instance(b))
                if !matches!(a.ty, Ty::Optional(_)) && !matches!(b.ty, Ty::Optional(_)) =>
            {
                let x = self.emit(Expression::ClassId { object: a.h }, span);
                let y = self.emit(Expression::ClassId { object: b.h }, span);
                self.emit(Expression::Compare { op: CompareOp::Eq, left: x, right: y }, span)
            }
            _ => {
                return self.fail(Diagnostic::error(
                    "kiln does not support comparing the type of a None-or-instance value with this yet",
                    span,
                ))
            }
        };
        Ok(Some(if matches!(op, C::Is | C::Eq) {
            same
        } else {
            self.emit(Expression::Unary { op: UnaryOp::Not, arg: same }, span)
        }))
    }

    fn type_value(&mut self, operand: TypeOperand, e: &ast::Expr, span: Span) -> Res<TypeValue> {
        Ok(match operand {
            TypeOperand::Class(id) => TypeValue::Class(id),
            TypeOperand::Builtin(name) => TypeValue::Static(name),
            TypeOperand::TypeOf => {
                let arg = self.type_call_arg(e).expect("checked by type_operand");
                let v = self.expr(arg)?;
                match &v.ty {
                    Ty::Object(_) | Ty::Optional(_) => TypeValue::Instance(v),
                    Ty::Unknown => return self.unknown(span).map(TypeValue::Instance),
                    Ty::Int => TypeValue::Static("int".into()),
                    Ty::Bool => TypeValue::Static("bool".into()),
                    Ty::Float => TypeValue::Static("float".into()),
                    Ty::Str => TypeValue::Static("str".into()),
                    Ty::None => TypeValue::Static("NoneType".into()),
                    Ty::List(_) => TypeValue::Static("list".into()),
                    Ty::Tuple(_) | Ty::VarTuple(_) => TypeValue::Static("tuple".into()),
                    Ty::Dict(..) => TypeValue::Static("dict".into()),
                    Ty::Set(_) => TypeValue::Static("set".into()),
                    other => {
                        return self
                            .fail(Diagnostic::error(format!("kiln does not support type() of {other} here"), span))
                    }
                }
            }
        })
    }

    /// Whether `v` (an instance, or None-or-instance) is exactly of class `id`.
    fn exact_class_test(&mut self, v: &Val, id: u32, span: Span) -> kiln_ir::Handle<Expression> {
        let Some(class) = v.ty.class().cloned() else { return self.lit(Literal::Bool(false), span) };
        if !self.p.classes[id as usize].ty.inherits(class.id()) {
            return self.lit(Literal::Bool(false), span);
        }
        let test = |cx: &mut Self| {
            let cid = cx.emit(Expression::ClassId { object: v.h }, span);
            let want = cx.lit(Literal::I64(id as i64), span);
            cx.emit(Expression::Compare { op: CompareOp::Eq, left: cid, right: want }, span)
        };
        if !matches!(v.ty, Ty::Optional(_)) {
            return test(self);
        }
        let temp = self.new_temp(&Ty::Bool, span);
        let f = self.lit(Literal::Bool(false), span);
        self.push(Statement::Store { local: temp, value: f }, span);
        let is_none = self.is_none(v, span);
        let reject = self.block(|cx| {
            let t = test(cx);
            cx.push(Statement::Store { local: temp, value: t }, span);
        });
        self.push(Statement::If { condition: is_none, accept: Block::new(), reject }, span);
        self.emit(Expression::Load(temp), span)
    }

    /// How instances of class `id` hash (`hash(x)`, dict keys, set elements), resolved as
    /// CPython resolves `__hash__`: the nearest class (itself or a base) that defines
    /// `__hash__` gives it; a nearer one that defines `__eq__` without `__hash__` makes the
    /// class unhashable (`__hash__ = None`); with neither, the instance's identity.
    pub(crate) fn class_hashing(&self, id: u32) -> Hashing {
        let mut at = Some(id);
        while let Some(c) = at {
            let class = &self.p.classes[c as usize];
            if class.methods.contains_key("__hash__") {
                return Hashing::User;
            }
            if class.methods.contains_key("__eq__") {
                return Hashing::Unhashable(c);
            }
            at = class.base;
        }
        Hashing::Identity
    }

    /// How every instance a value of class type `class` may hold hashes: one way for all of
    /// them, or a compile error (an unhashable class, or subclasses hashing differently).
    pub(crate) fn instance_hashing(&mut self, class: &ClassTy, span: Span) -> Res<Hashing> {
        let mut way: Option<Hashing> = None;
        for k in class.id()..=self.p.classes[class.id() as usize].last_descendant {
            let h = self.class_hashing(k);
            if let Hashing::Unhashable(_) = h {
                let name = self.p.classes[k as usize].name.clone();
                return self.fail(
                    Diagnostic::error(format!("unhashable type: '{name}'"), span)
                        .with_note("a class that defines `__eq__` without `__hash__` is unhashable, as in CPython"),
                );
            }
            match &way {
                None => way = Some(h),
                Some(w) if *w == h => {}
                Some(_) => {
                    return self.fail(Diagnostic::error(
                        format!(
                            "kiln does not support hashing instances of `{}` yet: some of its subclasses \
                             define `__hash__` and others hash by identity",
                            class.name()
                        ),
                        span,
                    ))
                }
            }
        }
        Ok(way.unwrap_or(Hashing::Identity))
    }

    /// Instances of `class` as dict keys or set elements: the compiled `hash(x)` and
    /// `x is y or x == y` the containers call (see `kiln_ir::ClassDecl::key_functions`), for
    /// classes with a user `__hash__`; identity needs none.
    pub(crate) fn object_key(&mut self, class: &ClassTy, span: Span) -> Res<()> {
        if self.instance_hashing(class, span)? != Hashing::User {
            return Ok(());
        }
        let ty = Ty::Object(class.clone());
        let (Some(&hash), Some(&eq)) = (self.p.stdlib_by_name.get("_key_hash"), self.p.stdlib_by_name.get("_key_eq"))
        else {
            return self.fail(Diagnostic::error("internal error: no `_key_hash` in kiln's prelude", span));
        };
        let hash = self.p.instance(hash, vec![ty.clone()]);
        let eq = self.p.instance(eq, vec![ty.clone(), ty]);
        for inst in [hash, eq] {
            self.note_call_site(inst);
            self.p.stdlib_call_sites.entry(inst).or_insert_with(|| (span, "hash".to_string()));
        }
        self.p.key_functions.insert(class.id(), (hash, eq));
        Ok(())
    }

    /// `hash(x)` of an instance: its `__hash__()` (-1 becomes -2, as in CPython).
    pub(crate) fn object_hash(&mut self, v: Val, span: Span) -> Res<Val> {
        let Some(class) = v.ty.class().cloned() else { return self.unknown(span) };
        if matches!(v.ty, Ty::Optional(_)) {
            return self.fail(Diagnostic::error(format!("kiln does not support hash() of {} yet", v.ty), span));
        }
        match self.instance_hashing(&class, span)? {
            Hashing::User => {}
            _ => {
                // CPython's `_Py_HashPointer`: the address rotated right by 4 bits. Collected
                // objects are 16-byte aligned, so that is the address shifted right by 4.
                let address = Val { ty: Ty::Int, h: self.emit(Expression::ObjectAddress { value: v.h }, span) };
                let four = self.int(4, span);
                let h =
                    self.emit(Expression::Binary { op: kiln_ir::BinaryOp::Shr, left: address.h, right: four.h }, span);
                return Ok(Val { ty: Ty::Int, h });
            }
        }
        let h = self.call_dunder(v, "__hash__", &[], span)?;
        let h = match h.ty {
            Ty::Int => h,
            Ty::Bool => self.cast(h, Ty::Int, span),
            Ty::Unknown => return self.unknown(span),
            other => {
                return self
                    .fail(Diagnostic::error(format!("__hash__ method should return an integer, not {other}"), span))
            }
        };
        let minus_one = self.lit(Literal::I64(-1), span);
        let is_minus_one = self.emit(Expression::Compare { op: CompareOp::Eq, left: h.h, right: minus_one }, span);
        let minus_two = self.lit(Literal::I64(-2), span);
        let fixed = self.emit(Expression::Select { condition: is_minus_one, accept: minus_two, reject: h.h }, span);
        Ok(Val { ty: Ty::Int, h: fixed })
    }

    /// `isinstance(v, C)` for a user class `C`.
    pub(crate) fn isinstance_class(&mut self, v: &Val, id: u32, span: Span) -> kiln_ir::Handle<Expression> {
        let Some(class) = v.ty.class().cloned() else { return self.lit(Literal::Bool(false), span) };
        let optional = matches!(v.ty, Ty::Optional(_));
        if class.inherits(id) && !optional {
            return self.lit(Literal::Bool(true), span);
        }
        let target = &self.p.classes[id as usize];
        if !target.ty.inherits(class.id()) && !class.inherits(id) {
            return self.lit(Literal::Bool(false), span);
        }
        let (lo, hi) = (id, target.last_descendant);
        // `None` is no instance: test it first, then the id range.
        let temp = self.new_temp(&Ty::Bool, span);
        let f = self.lit(Literal::Bool(false), span);
        self.push(Statement::Store { local: temp, value: f }, span);
        let is_none = if optional { Some(self.is_none(v, span)) } else { None };
        let test = self.block(|cx| {
            let cid = cx.emit(Expression::ClassId { object: v.h }, span);
            let both = cx.class_id_in(cid, lo, hi, span);
            cx.push(Statement::Store { local: temp, value: both }, span);
        });
        match is_none {
            Some(n) => self.push(Statement::If { condition: n, accept: Block::new(), reject: test }, span),
            None => self.push(Statement::Block(test), span),
        }
        self.emit(Expression::Load(temp), span)
    }
}

/// How instances of a class hash (see [`FnCx::class_hashing`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hashing {
    /// A user `__hash__`.
    User,
    /// `object.__hash__`: by identity.
    Identity,
    /// `__eq__` without `__hash__` in this class (`__hash__` is None).
    Unhashable(u32),
}

/// An operand of a type comparison, before evaluation.
enum TypeOperand {
    /// `type(x)`.
    TypeOf,
    /// A user class (by name, or a `cls` parameter).
    Class(u32),
    /// A built-in type by name.
    Builtin(String),
}

/// An evaluated operand of a type comparison.
enum TypeValue {
    /// The class of an instance (or None-or-instance), known at run time.
    Instance(Val),
    /// A user class.
    Class(u32),
    /// The name of a built-in type, known at compile time.
    Static(String),
}

/// The method names of a binary operator and of its reflection.
fn operator_dunders(op: ast::Operator) -> Option<(&'static str, &'static str)> {
    use ast::Operator as O;
    Some(match op {
        O::Add => ("__add__", "__radd__"),
        O::Sub => ("__sub__", "__rsub__"),
        O::Mult => ("__mul__", "__rmul__"),
        O::Div => ("__truediv__", "__rtruediv__"),
        O::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        O::Mod => ("__mod__", "__rmod__"),
        O::Pow => ("__pow__", "__rpow__"),
        O::MatMult => ("__matmul__", "__rmatmul__"),
        O::BitAnd => ("__and__", "__rand__"),
        O::BitOr => ("__or__", "__ror__"),
        O::BitXor => ("__xor__", "__rxor__"),
        O::LShift => ("__lshift__", "__rlshift__"),
        O::RShift => ("__rshift__", "__rrshift__"),
    })
}
