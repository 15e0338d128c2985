//! The name pre-pass: what each function binds, module-level `def`s and imports.

use crate::diagnostic::Diagnostic;
use crate::lower::{DefaultValue, FuncDef, Imported, ParamDef, Program};
use crate::ty::Ty;
use kiln_ir::Span;
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};

/// The names a function binds (its locals) and the names it declares `global`.
#[derive(Default, Debug)]
pub(crate) struct FunctionScope {
    pub locals: HashSet<String>,
    pub globals: HashSet<String>,
    /// Locals that nested functions capture as cells (see `captures.rs`).
    pub cells: HashSet<String>,
}

/// Names bound by assignments anywhere in `body` (not inside nested functions).
pub(crate) fn bound_names(body: &[ast::Stmt], out: &mut HashSet<String>, declared_global: &mut HashSet<String>) {
    for stmt in body {
        match stmt {
            ast::Stmt::Assign(s) => s.targets.iter().for_each(|t| target_names(t, out)),
            ast::Stmt::AugAssign(s) => target_names(&s.target, out),
            ast::Stmt::AnnAssign(s) => target_names(&s.target, out),
            ast::Stmt::For(s) => {
                target_names(&s.target, out);
                bound_names(&s.body, out, declared_global);
                bound_names(&s.orelse, out, declared_global);
            }
            ast::Stmt::While(s) => {
                bound_names(&s.body, out, declared_global);
                bound_names(&s.orelse, out, declared_global);
            }
            ast::Stmt::If(s) => {
                bound_names(&s.body, out, declared_global);
                bound_names(&s.orelse, out, declared_global);
            }
            ast::Stmt::FunctionDef(s) => {
                out.insert(s.name.to_string());
            }
            ast::Stmt::ClassDef(s) => {
                out.insert(s.name.to_string());
            }
            ast::Stmt::Global(s) => declared_global.extend(s.names.iter().map(|n| n.to_string())),
            // Not supported yet, but their assignments still bind names (fewer follow-on errors).
            ast::Stmt::Try(s) => {
                bound_names(&s.body, out, declared_global);
                for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
                    bound_names(&h.body, out, declared_global);
                }
                bound_names(&s.orelse, out, declared_global);
                bound_names(&s.finalbody, out, declared_global);
            }
            ast::Stmt::With(s) => bound_names(&s.body, out, declared_global),
            _ => {}
        }
    }
}

/// Every name a statement list mentions (read or written), with its byte offset; nested
/// functions are not entered.
pub(crate) fn name_uses(body: &[ast::Stmt], out: &mut Vec<(String, u32)>) {
    fn expr(e: &ast::Expr, out: &mut Vec<(String, u32)>) {
        use ast::Expr as E;
        let mut sub = |x: &ast::Expr| expr(x, out);
        match e {
            E::Name(n) => out.push((n.id.to_string(), n.range.start().to_u32())),
            E::BoolOp(b) => b.values.iter().for_each(sub),
            E::NamedExpr(n) => {
                sub(&n.target);
                sub(&n.value)
            }
            E::BinOp(b) => {
                sub(&b.left);
                sub(&b.right)
            }
            E::UnaryOp(u) => sub(&u.operand),
            E::IfExp(i) => {
                sub(&i.test);
                sub(&i.body);
                sub(&i.orelse)
            }
            E::Compare(c) => {
                sub(&c.left);
                c.comparators.iter().for_each(sub)
            }
            E::Call(c) => {
                sub(&c.func);
                c.args.iter().for_each(&mut sub);
                c.keywords.iter().for_each(|k| sub(&k.value))
            }
            E::FormattedValue(f) => {
                sub(&f.value);
                if let Some(spec) = &f.format_spec {
                    sub(spec)
                }
            }
            E::JoinedStr(j) => j.values.iter().for_each(sub),
            E::Attribute(a) => sub(&a.value),
            E::Subscript(s) => {
                sub(&s.value);
                sub(&s.slice)
            }
            E::Starred(s) => sub(&s.value),
            E::List(l) => l.elts.iter().for_each(sub),
            E::Tuple(t) => t.elts.iter().for_each(sub),
            _ => {}
        }
    }
    for stmt in body {
        match stmt {
            ast::Stmt::Expr(s) => expr(&s.value, out),
            ast::Stmt::Assign(s) => {
                s.targets.iter().for_each(|t| expr(t, out));
                expr(&s.value, out)
            }
            ast::Stmt::AugAssign(s) => {
                expr(&s.target, out);
                expr(&s.value, out)
            }
            ast::Stmt::AnnAssign(s) => {
                expr(&s.target, out);
                if let Some(v) = &s.value {
                    expr(v, out)
                }
            }
            ast::Stmt::Return(s) => s.value.iter().for_each(|v| expr(v, out)),
            ast::Stmt::For(s) => {
                expr(&s.target, out);
                expr(&s.iter, out);
                name_uses(&s.body, out);
                name_uses(&s.orelse, out)
            }
            ast::Stmt::While(s) => {
                expr(&s.test, out);
                name_uses(&s.body, out);
                name_uses(&s.orelse, out)
            }
            ast::Stmt::If(s) => {
                expr(&s.test, out);
                name_uses(&s.body, out);
                name_uses(&s.orelse, out)
            }
            ast::Stmt::Assert(s) => {
                expr(&s.test, out);
                s.msg.iter().for_each(|m| expr(m, out))
            }
            ast::Stmt::Raise(s) => s.exc.iter().for_each(|e| expr(e, out)),
            _ => {}
        }
    }
}

/// CPython rejects a function that mentions a name before declaring it `global`.
fn check_global_order(p: &mut Program<'_>, body: &[ast::Stmt]) {
    let mut globals = Vec::new();
    fn collect(body: &[ast::Stmt], globals: &mut Vec<(String, u32, rustpython_parser::text_size::TextRange)>) {
        for stmt in body {
            match stmt {
                ast::Stmt::Global(g) => {
                    for n in &g.names {
                        globals.push((n.to_string(), g.range.start().to_u32(), g.range));
                    }
                }
                ast::Stmt::For(s) => {
                    collect(&s.body, globals);
                    collect(&s.orelse, globals)
                }
                ast::Stmt::While(s) => {
                    collect(&s.body, globals);
                    collect(&s.orelse, globals)
                }
                ast::Stmt::If(s) => {
                    collect(&s.body, globals);
                    collect(&s.orelse, globals)
                }
                _ => {}
            }
        }
    }
    collect(body, &mut globals);
    if globals.is_empty() {
        return;
    }
    let mut uses = Vec::new();
    name_uses(body, &mut uses);
    for (name, at, range) in globals {
        if uses.iter().any(|(n, offset)| *n == name && *offset < at) {
            p.diagnostics.push(
                Diagnostic::error(format!("name '{name}' is used prior to global declaration"), p.span(range))
                    .with_note("move the `global` statement to the top of the function"),
            );
        }
    }
}

pub(crate) fn target_names(target: &ast::Expr, out: &mut HashSet<String>) {
    match target {
        ast::Expr::Name(n) => {
            out.insert(n.id.to_string());
        }
        ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::List(t) => t.elts.iter().for_each(|e| target_names(e, out)),
        ast::Expr::Starred(s) => target_names(&s.value, out),
        _ => {}
    }
}

/// Parses a type annotation (`int`, `float`, `bool`, `str`, `None`, `list`, `list[T]`).
pub(crate) fn annotation(p: &Program<'_>, expr: &ast::Expr) -> Result<Ty, Diagnostic> {
    let span = p.span_of(expr);
    match expr {
        ast::Expr::Name(n) => match n.id.as_str() {
            "int" => Ok(Ty::Int),
            "float" => Ok(Ty::Float),
            "bool" => Ok(Ty::Bool),
            "str" => Ok(Ty::Str),
            "None" => Ok(Ty::None),
            "list" | "List" => Ok(Ty::list(Ty::Unknown)),
            "dict" | "Dict" => Ok(Ty::dict(Ty::Unknown, Ty::Unknown)),
            "set" | "Set" => Ok(Ty::set(Ty::Unknown)),
            other if p.class_by_name.contains_key(other) => Ok(p.class_ty(p.class_by_name[other])),
            other => Err(Diagnostic::error(format!("unknown type `{other}` in annotation"), span)
                .with_label("kiln knows int, float, bool, str, None, list[T] and tuple[T, ...] here")),
        },
        ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None) => Ok(Ty::None),
        // A forward reference to a class (`other: "Vector"`).
        ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(name), .. })
            if p.class_by_name.contains_key(name.as_str()) =>
        {
            Ok(p.class_ty(p.class_by_name[name.as_str()]))
        }
        ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)) => {
            Err(Diagnostic::error("kiln supports string annotations that name a class only", span))
        }
        // `Node | None`, `int | None`.
        ast::Expr::BinOp(b) if b.op == ast::Operator::BitOr => {
            let (l, r) = (annotation(p, &b.left)?, annotation(p, &b.right)?);
            l.join_value(&r)
                .filter(|t| matches!(t, Ty::Optional(_) | Ty::Maybe(_)))
                .ok_or_else(|| Diagnostic::error("kiln supports `T | None` unions only", span))
        }
        ast::Expr::Subscript(s) => match &*s.value {
            ast::Expr::Name(n) if n.id.as_str() == "Optional" => match annotation(p, &s.slice)? {
                t @ Ty::Object(_) => Ok(Ty::Optional(Box::new(t))),
                t if t.is_maybe_scalar() => Ok(Ty::Maybe(Box::new(t))),
                _ => {
                    Err(Diagnostic::error("kiln supports `Optional[T]` of a class, int, float, bool or str only", span))
                }
            },
            ast::Expr::Name(n) if n.id.as_str() == "list" || n.id.as_str() == "List" => {
                Ok(Ty::list(annotation(p, &s.slice)?))
            }
            ast::Expr::Name(n) if n.id.as_str() == "dict" || n.id.as_str() == "Dict" => match &*s.slice {
                ast::Expr::Tuple(t) if t.elts.len() == 2 => {
                    Ok(Ty::dict(annotation(p, &t.elts[0])?, annotation(p, &t.elts[1])?))
                }
                _ => Err(Diagnostic::error("a dict annotation takes two types: `dict[K, V]`", span)),
            },
            ast::Expr::Name(n) if n.id.as_str() == "set" || n.id.as_str() == "Set" => {
                Ok(Ty::set(annotation(p, &s.slice)?))
            }
            ast::Expr::Name(n) if n.id.as_str() == "tuple" || n.id.as_str() == "Tuple" => match &*s.slice {
                ast::Expr::Tuple(t) if t.elts.is_empty() => Ok(Ty::Tuple(Vec::new())),
                ast::Expr::Tuple(t) => {
                    if t.elts
                        .iter()
                        .any(|e| matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Ellipsis)))
                    {
                        return Err(Diagnostic::error(
                            "kiln does not support variable-length tuples (`tuple[T, ...]`)",
                            span,
                        ));
                    }
                    Ok(Ty::Tuple(t.elts.iter().map(|e| annotation(p, e)).collect::<Result<_, _>>()?))
                }
                one => Ok(Ty::Tuple(vec![annotation(p, one)?])),
            },
            _ => Err(Diagnostic::error("kiln does not support this annotation yet", span)),
        },
        _ => Err(Diagnostic::error("kiln does not support this annotation yet", span)),
    }
}

pub(crate) fn is_constant_default(expr: &ast::Expr) -> bool {
    match expr {
        ast::Expr::Constant(c) => !matches!(c.value, ast::Constant::Tuple(_) | ast::Constant::Bytes(_)),
        ast::Expr::UnaryOp(u) => {
            matches!(u.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd) && matches!(&*u.operand, ast::Expr::Constant(_))
        }
        _ => false,
    }
}

/// Collects the prelude's `def`s (kiln-Python library code, `stdlib/prelude.py`) under their
/// own names, apart from the program's.
pub(crate) fn collect_prelude<'a>(p: &mut Program<'a>, prelude: &'a [ast::Stmt]) {
    let program_file = std::mem::replace(&mut p.file, crate::STDLIB_FILE);
    for stmt in prelude {
        if let ast::Stmt::FunctionDef(def) = stmt {
            collect_def(p, def);
            if let Some(index) = p.def_by_name.remove(def.name.as_str()) {
                p.defs[index].stdlib = true;
                p.stdlib_by_name.insert(def.name.to_string(), index);
            }
        }
    }
    p.file = program_file;
}

/// Collects module-level `def`s and imports.
pub(crate) fn collect_module<'a>(p: &mut Program<'a>, suite: &'a [ast::Stmt]) {
    let mut assigned = HashSet::new();
    let mut ignored = HashSet::new();
    for stmt in suite {
        match stmt {
            ast::Stmt::FunctionDef(def) => collect_def(p, def),
            ast::Stmt::Import(imp) => {
                for alias in &imp.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    let what = match alias.name.as_str() {
                        "math" => Imported::MathModule,
                        "time" => Imported::TimeModule,
                        "kiln" => Imported::KilnModule,
                        "random" => Imported::RandomModule,
                        "sys" => Imported::SysModule,
                        "gpu" => Imported::GpuModule,
                        "collections" => Imported::CollectionsModule,
                        other => {
                            p.diagnostics.push(unknown_module(other, p.span_of(alias)));
                            continue;
                        }
                    };
                    p.imports.insert(bound, what);
                }
            }
            ast::Stmt::ImportFrom(imp) => {
                let module = imp.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                for alias in &imp.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    let name = alias.name.to_string();
                    let what = match module.as_str() {
                        "math" => Imported::MathMember(name),
                        "time" => Imported::TimeMember(name),
                        "kiln" if name == "par" => Imported::KilnMember(name),
                        "kiln" if name == "gpu" => Imported::GpuModule,
                        "random" => Imported::RandomMember(name),
                        "sys" => Imported::SysMember(name),
                        "collections" if crate::lower::collections_supported(&name) => {
                            Imported::CollectionsMember(name)
                        }
                        "collections" => {
                            p.diagnostics.push(crate::lower::collections_unsupported(&name, p.span_of(alias)));
                            continue;
                        }
                        "kiln" => {
                            p.diagnostics.push(
                                Diagnostic::error(format!("module `kiln` has no `{name}`"), p.span_of(alias))
                                    .with_note("kiln provides `par` and `gpu`"),
                            );
                            continue;
                        }
                        other => {
                            p.diagnostics.push(unknown_module(other, p.span_of(imp)));
                            break;
                        }
                    };
                    p.imports.insert(bound, what);
                }
            }
            _ => {}
        }
    }
    bound_names(suite, &mut assigned, &mut ignored);
    p.module_names = assigned.clone();
    let mut order = Vec::new();
    binding_order(suite, &mut order);
    let mut rest: Vec<String> = assigned.iter().filter(|n| !order.contains(n)).cloned().collect();
    rest.sort();
    order.extend(rest);
    p.module_name_order = order;
    collect_constants(p, suite);
    for stmt in suite {
        if let ast::Stmt::FunctionDef(def) = stmt {
            let name = def.name.to_string();
            let rebound = suite.iter().any(|s| match s {
                ast::Stmt::Assign(_) | ast::Stmt::AugAssign(_) | ast::Stmt::AnnAssign(_) | ast::Stmt::For(_) => {
                    let mut names = HashSet::new();
                    bound_names(std::slice::from_ref(s), &mut names, &mut HashSet::new());
                    names.contains(&name)
                }
                _ => false,
            });
            if rebound {
                p.diagnostics.push(Diagnostic::error(
                    format!("kiln does not support rebinding the function name `{name}` yet"),
                    p.span(def.range()),
                ));
            }
        }
    }
}

/// Module-level names bound exactly once, by `NAME = <number or bool literal>`, and never
/// declared `global` in a function: GPU code reads them as constants (a kernel cannot read the
/// host's globals).
fn collect_constants<'a>(p: &mut Program<'a>, suite: &'a [ast::Stmt]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut declared_global = HashSet::new();
    for stmt in suite {
        let mut names = HashSet::new();
        bound_names(std::slice::from_ref(stmt), &mut names, &mut HashSet::new());
        for n in names {
            *counts.entry(n).or_default() += 1;
        }
        if let ast::Stmt::FunctionDef(def) = stmt {
            bound_names(&def.body, &mut HashSet::new(), &mut declared_global);
        }
    }
    for stmt in suite {
        let ast::Stmt::Assign(a) = stmt else { continue };
        let [ast::Expr::Name(n)] = &a.targets[..] else { continue };
        let name = n.id.to_string();
        let literal = match &*a.value {
            ast::Expr::Constant(c) => {
                matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_) | ast::Constant::Bool(_))
            }
            ast::Expr::UnaryOp(u) => {
                u.op == ast::UnaryOp::USub
                    && matches!(&*u.operand, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Int(_) | ast::Constant::Float(_)))
            }
            _ => false,
        };
        if literal && counts.get(&name) == Some(&1) && !declared_global.contains(&name) {
            p.global_constants.insert(name, &a.value);
        }
    }
}

fn unknown_module(name: &str, span: Span) -> Diagnostic {
    Diagnostic::error(format!("no module named `{name}`"), span)
        .with_label("unknown module")
        .with_note("kiln provides the modules `math`, `time`, `random`, `sys`, `collections`, `gpu` and `kiln` so far")
}

/// Collects one `def` (also used for the compiler-made ones, see `lower/funcs.rs`).
pub(crate) fn collect_def_pub<'a>(p: &mut Program<'a>, def: &'a ast::StmtFunctionDef) {
    collect_def(p, def)
}

fn collect_def<'a>(p: &mut Program<'a>, def: &'a ast::StmtFunctionDef) {
    let name = def.name.to_string();
    let head_span = def_head_span(p, def);
    let mut kernel = false;
    for dec in &def.decorator_list {
        match dec {
            ast::Expr::Attribute(a)
                if a.attr.as_str() == "kernel"
                    && matches!(&*a.value, ast::Expr::Name(n) if p.imports.get(n.id.as_str()) == Some(&Imported::GpuModule)) =>
            {
                kernel = true
            }
            _ => {
                p.diagnostics.push(
                    Diagnostic::error("kiln does not support this decorator", p.span_of(dec))
                        .with_note("kiln supports `@gpu.kernel` on functions (and `@par` on `for` loops)"),
                );
                return;
            }
        }
    }
    if p.def_by_name.contains_key(&name) {
        p.diagnostics
            .push(Diagnostic::error(format!("kiln does not support redefining function `{name}` yet"), head_span));
        return;
    }
    if let Some(index) = collect_def_named(p, def, name.clone(), None) {
        p.defs[index].kernel = kernel;
        p.def_by_name.insert(name, index);
    }
}

/// Collects a `def` under `name` (qualified, `Class.method`, for methods) without making it
/// visible by name; its index, or `None` after reporting why it cannot be compiled.
pub(crate) fn collect_def_named<'a>(
    p: &mut Program<'a>,
    def: &'a ast::StmtFunctionDef,
    name: String,
    method: Option<(u32, crate::lower::MethodKind)>,
) -> Option<usize> {
    let index = collect_def_only(p, def, name, method)?;
    collect_children(p, def, index);
    Some(index)
}

fn collect_def_only<'a>(
    p: &mut Program<'a>,
    def: &'a ast::StmtFunctionDef,
    name: String,
    method: Option<(u32, crate::lower::MethodKind)>,
) -> Option<usize> {
    let head_span = def_head_span(p, def);
    let args = &def.args;
    if let Some(v) = &args.kwarg {
        p.diagnostics.push(Diagnostic::error("kiln does not support `**kwargs` yet", p.span_of(&**v)));
        return None;
    }
    let mut params = Vec::new();
    let all =
        args.posonlyargs.iter().chain(&args.args).map(|a| (a, false)).chain(args.kwonlyargs.iter().map(|a| (a, true)));
    for (arg, keyword_only) in all {
        let pname = arg.def.arg.to_string();
        let span = p.span(arg.def.range);
        let annotation = match &arg.def.annotation {
            Some(a) => match annotation(p, a) {
                Ok(t) => Some((t, p.span_of(&**a))),
                Err(d) => {
                    p.diagnostics.push(d);
                    None
                }
            },
            None => None,
        };
        let default = arg.default.as_ref().map(|d| {
            if is_constant_default(d) {
                DefaultValue::Constant(d)
            } else {
                DefaultValue::Global(format!("{name}.{pname}"))
            }
        });
        params.push(ParamDef { name: pname, annotation, default, keyword_only, vararg: false, span });
    }
    if let Some(v) = &args.vararg {
        if v.annotation.is_some() {
            p.diagnostics.push(Diagnostic::error("kiln does not support annotations on `*args` yet", p.span_of(&**v)));
        }
        let at = params.iter().position(|p| p.keyword_only).unwrap_or(params.len());
        let param = ParamDef {
            name: v.arg.to_string(),
            annotation: None,
            default: None,
            keyword_only: false,
            vararg: true,
            span: p.span(v.range),
        };
        params.insert(at, param);
    }
    let returns = match &def.returns {
        Some(r) => match annotation(p, r) {
            Ok(t) => Some(t),
            Err(d) => {
                p.diagnostics.push(d);
                None
            }
        },
        None => None,
    };
    check_global_order(p, &def.body);
    let mut scope = FunctionScope::default();
    bound_names(&def.body, &mut scope.locals, &mut scope.globals);
    for param in &params {
        scope.locals.insert(param.name.clone());
    }
    for param in &params {
        if scope.globals.contains(&param.name) {
            p.diagnostics.push(Diagnostic::error(format!("name '{}' is parameter and global", param.name), param.span));
        }
    }
    for g in &scope.globals {
        scope.locals.remove(g);
    }
    let mut nonlocals = HashSet::new();
    crate::captures::declared_nonlocal_names(&def.body, &mut nonlocals);
    for n in &nonlocals {
        scope.locals.remove(n);
    }
    scope.cells = crate::captures::cell_vars(def);
    let index = p.defs.len();
    let file = p.file;
    p.defs.push(FuncDef {
        name,
        ast: def,
        params,
        returns,
        scope,
        span: head_span,
        file,
        stdlib: false,
        synthetic: false,
        kernel: false,
        class: method.map(|(c, _)| c),
        method: method.map(|(_, k)| k).unwrap_or(crate::lower::MethodKind::Function),
        parent: None,
        captures: Vec::new(),
        self_name: None,
        siblings: Vec::new(),
        generator: crate::lower::is_generator(&def.body),
    });
    Some(index)
}

/// Collects the `def`s nested in `def` (index `index`, whose captures are known).
fn collect_children<'a>(p: &mut Program<'a>, def: &'a ast::StmtFunctionDef, index: usize) {
    let mut nested = Vec::new();
    crate::captures::nested_defs(&def.body, &mut nested);
    let groups = crate::captures::sibling_groups(def);
    for inner in nested {
        let qualified = format!("{}.<locals>.{}", p.defs[index].name, inner.name);
        let group = groups.iter().find(|g| g.iter().any(|m| std::ptr::eq(*m, inner)));
        collect_nested_in(p, inner, qualified, index, group.map(|g| &g[..]));
    }
}

/// Collects a `def` or lambda nested in function `parent`: a compiler-made `def` found by its
/// offset (see `lower/funcs.rs`), with what it captures.
pub(crate) fn collect_nested<'a>(
    p: &mut Program<'a>,
    def: &'a ast::StmtFunctionDef,
    name: String,
    parent: usize,
) -> Option<usize> {
    collect_nested_in(p, def, name, parent, None)
}

/// [`collect_nested`] for a member of a group of mutually recursive `def`s (see
/// `captures::sibling_groups`): it captures what the whole group needs.
fn collect_nested_in<'a>(
    p: &mut Program<'a>,
    def: &'a ast::StmtFunctionDef,
    name: String,
    parent: usize,
    group: Option<&[&'a ast::StmtFunctionDef]>,
) -> Option<usize> {
    if !def.decorator_list.is_empty() {
        p.diagnostics.push(Diagnostic::error(
            "kiln does not support decorators on nested functions yet",
            p.span_of(&def.decorator_list[0]),
        ));
        return None;
    }
    let index = collect_def_only(p, def, name, None)?;
    let node = crate::captures::Scoped::Def(def);
    let free = match group {
        Some(g) => {
            let file = p.file;
            p.defs[index].siblings = g.iter().map(|m| (m.name.to_string(), (file, m.range.start().to_u32()))).collect();
            crate::captures::group_free_vars(g)
        }
        None => crate::captures::free_vars(node),
    };
    let mut captures = Vec::new();
    for name in free {
        let outer = &p.defs[parent];
        if name == def.name.as_str() && crate::captures::binds_once(outer.ast, &name) {
            p.defs[index].self_name = Some(name);
            continue;
        }
        let cell = if outer.scope.locals.contains(&name) {
            outer.scope.cells.contains(&name)
        } else if let Some(c) = outer.captures.iter().find(|c| c.name == name) {
            c.cell
        } else if outer.self_name.as_ref() == Some(&name) || outer.siblings.iter().any(|(s, _)| *s == name) {
            false // the parent makes that function's value from its own environment
        } else {
            continue; // a global or builtin
        };
        captures.push(crate::lower::Capture { name, cell, default: false });
    }
    let d = &mut p.defs[index];
    d.parent = Some(parent);
    d.captures = captures;
    d.synthetic = true;
    defaults_in_closure(p, def, index);
    p.synthetic_defs.insert((p.file, def.range.start().to_u32()), index);
    collect_children(p, def, index);
    Some(index)
}

/// The computed defaults of closure `index` (a nested `def` or a lambda) become part of its
/// environment: the definer evaluates them each time it makes the closure.
pub(crate) fn defaults_in_closure<'a>(p: &mut Program<'a>, def: &'a ast::StmtFunctionDef, index: usize) {
    for arg in def.args.posonlyargs.iter().chain(&def.args.args).chain(&def.args.kwonlyargs) {
        let Some(expr) = arg.default.as_deref().filter(|d| !is_constant_default(d)) else { continue };
        let d = &mut p.defs[index];
        let Some(param) = d.params.iter_mut().find(|q| q.name == arg.def.arg.as_str()) else { continue };
        let capture = d.captures.len();
        param.default = Some(DefaultValue::Captured { capture, expr });
        let name = format!("$default.{}", param.name);
        d.captures.push(crate::lower::Capture { name, cell: false, default: true });
    }
}

/// The span of `def name(...)` up to the colon, for messages about the function as a whole.
pub(crate) fn def_head_span(p: &Program<'_>, def: &ast::StmtFunctionDef) -> Span {
    let whole = p.span(def.range);
    let start = whole.start;
    let end = def.body.first().map(|s| p.span(s.range()).start).unwrap_or(whole.end).max(start);
    let text = p.file_text(whole.file).get(start as usize..end as usize).unwrap_or("");
    let head_len = text.find(":\n").or_else(|| text.rfind(':')).map(|i| i + 1).unwrap_or(text.len());
    Span::new(whole.file, start, start + head_len as u32)
}

/// Whether the program ever reads (or deletes) the name `_`. When it does not, a store to `_`
/// can be dropped: `for _, _, g in rows` and `first, *_ = t` then need no one type for `_`.
pub(crate) fn reads_underscore(suite: &[ast::Stmt]) -> bool {
    use rustpython_ast::Visitor;
    struct Finder(bool);
    impl Visitor for Finder {
        fn visit_expr_name(&mut self, node: ast::ExprName) {
            self.0 |= node.id.as_str() == "_" && node.ctx != ast::ExprContext::Store;
        }
    }
    let mut finder = Finder(false);
    for stmt in suite {
        finder.visit_stmt(stmt.clone());
    }
    finder.0
}

/// The names `body` binds at its own level (not inside functions), in the order their first
/// binding comes in the source; an `except ... as` name is left out (CPython deletes it when
/// the handler ends).
fn binding_order(body: &[ast::Stmt], out: &mut Vec<String>) {
    fn target(t: &ast::Expr, out: &mut Vec<String>) {
        match t {
            ast::Expr::Name(n) => add(n.id.as_str(), out),
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, out)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| target(e, out)),
            ast::Expr::Starred(s) => target(&s.value, out),
            _ => {}
        }
    }
    fn add(name: &str, out: &mut Vec<String>) {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_string());
        }
    }
    for stmt in body {
        match stmt {
            ast::Stmt::Assign(s) => s.targets.iter().for_each(|t| target(t, out)),
            ast::Stmt::AugAssign(s) => target(&s.target, out),
            ast::Stmt::AnnAssign(s) if s.value.is_some() => target(&s.target, out),
            ast::Stmt::For(s) => {
                target(&s.target, out);
                binding_order(&s.body, out);
                binding_order(&s.orelse, out);
            }
            ast::Stmt::While(s) => {
                binding_order(&s.body, out);
                binding_order(&s.orelse, out);
            }
            ast::Stmt::If(s) => {
                binding_order(&s.body, out);
                binding_order(&s.orelse, out);
            }
            ast::Stmt::With(s) => {
                for item in &s.items {
                    if let Some(v) = &item.optional_vars {
                        target(v, out);
                    }
                }
                binding_order(&s.body, out);
            }
            ast::Stmt::Try(s) => {
                binding_order(&s.body, out);
                for ast::ExceptHandler::ExceptHandler(h) in &s.handlers {
                    binding_order(&h.body, out);
                }
                binding_order(&s.orelse, out);
                binding_order(&s.finalbody, out);
            }
            ast::Stmt::FunctionDef(s) => add(s.name.as_str(), out),
            ast::Stmt::ClassDef(s) => add(s.name.as_str(), out),
            ast::Stmt::Import(s) => {
                for alias in &s.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    // `import a.b` binds `a`.
                    add(bound.split('.').next().unwrap_or(&bound), out);
                }
            }
            ast::Stmt::ImportFrom(s) => {
                for alias in &s.names {
                    add(alias.asname.as_ref().unwrap_or(&alias.name).as_str(), out);
                }
            }
            _ => {}
        }
    }
}
