//! The program's own modules: `import mod`, `from mod import name`, packages.
//!
//! kiln compiles a whole program at once, so its modules become one namespace: every
//! module-level name of module `pkg.mod` is renamed `pkg.mod.NAME` (a name no Python code can
//! spell, so nothing collides), uses of it in other modules follow their imports to it, and
//! the first `import` of a module that runs is replaced by the module's statements: a module's
//! top level runs once, when CPython would run it. Inside module `m`, `__name__` is `"m"`.
//!
//! Each module file keeps its own file id for spans, diagnostics and tracebacks: its syntax
//! tree is parsed with offsets starting at `index << FILE_SHIFT` (see [`Program::span`]).
//!
//! [`Program::span`]: crate::lower

use crate::diagnostic::Diagnostic;
use crate::scope::{bound_names, target_names};
use kiln_ir::Span;
use rustpython_parser::ast::fold::Fold;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::{TextRange, TextSize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Offsets of the `k`-th loaded module start at `k << FILE_SHIFT` (16 MiB per file).
pub const FILE_SHIFT: u32 = 24;

/// Modules that kiln provides itself (not looked up as files).
const BUILTIN_MODULES: &[&str] = &["math", "time", "random", "sys", "collections", "gpu", "kiln"];

/// A module file of the program (not the main file).
pub struct ModuleFile {
    /// The dotted module name (`pkg.sub`, `pkg` for `pkg/__init__.py`).
    pub name: String,
    pub path: String,
    pub text: String,
    /// Its index among the program's files (the main file is 0): its offset base and file id.
    pub index: u32,
}

impl ModuleFile {
    /// The file id of its spans (0 is the main file, 1 the prelude).
    pub fn file_id(&self) -> u32 {
        self.index + 1
    }
}

/// The file id of offsets in a program's (renamed, spliced) syntax tree, and the offset in it.
pub fn locate(offset: u32) -> (u32, u32) {
    let index = offset >> FILE_SHIFT;
    let file = if index == 0 { crate::MAIN_FILE } else { index + 1 };
    (file, offset & ((1 << FILE_SHIFT) - 1))
}

/// Loads every module the main file imports (and they import), and returns the program as one
/// suite with each module spliced in at its first import.
pub fn link(
    main_path: &str,
    main: Vec<ast::Stmt>,
    prelude: &[ast::Stmt],
    par: &mut crate::par_syntax::ParDecorators,
) -> (Vec<ast::Stmt>, Vec<ModuleFile>, Vec<Diagnostic>) {
    let root = Path::new(main_path).parent().map(Path::to_path_buf).unwrap_or_default();
    // The main program's names that a module could mistake for its own: not builtins (the
    // prelude's functions, the builtins the compiler knows, exception classes).
    let prelude_functions: HashSet<String> = prelude
        .iter()
        .filter_map(|s| match s {
            ast::Stmt::FunctionDef(d) => Some(d.name.to_string()),
            _ => None,
        })
        .collect();
    let main_names = module_level_names(&main)
        .into_iter()
        .filter(|n| {
            !prelude_functions.contains(n)
                && !crate::lower::is_builtin(n)
                && !crate::lower::LATER_BUILTINS.contains(&n.as_str())
                && !matches!(n.as_str(), "open" | "isinstance" | "next")
                && kiln_ir::ExceptionKind::from_name(n).is_none()
        })
        .collect();
    let mut linker = Linker {
        main_names,
        root,
        files: Vec::new(),
        loaded: HashMap::new(),
        loading: Vec::new(),
        diagnostics: Vec::new(),
        par,
        definitions: HashMap::new(),
    };
    let suite = linker.module_body("__main__", main);
    (suite, linker.files, linker.diagnostics)
}

struct Linker<'p> {
    root: PathBuf,
    files: Vec<ModuleFile>,
    /// Parsed modules by dotted name (`None` once spliced in).
    loaded: HashMap<String, Option<Vec<ast::Stmt>>>,
    /// The modules being spliced, outermost first (to report import cycles).
    loading: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    par: &'p mut crate::par_syntax::ParDecorators,
    /// The names each module binds with `def` and `class` at its top level.
    definitions: HashMap<String, HashSet<String>>,
    /// The main program's module-level names, builtins left out.
    main_names: HashSet<String>,
}

/// The names a module binds at its top level, or in its functions through `global`.
fn module_level_names(suite: &[ast::Stmt]) -> HashSet<String> {
    use rustpython_ast::Visitor;
    struct GlobalDecls(HashSet<String>);
    impl Visitor for GlobalDecls {
        fn visit_stmt_global(&mut self, node: ast::StmtGlobal) {
            self.0.extend(node.names.iter().map(|n| n.to_string()));
        }
    }
    let mut own = HashSet::new();
    bound_names(suite, &mut own, &mut HashSet::new());
    let mut decls = GlobalDecls(HashSet::new());
    for stmt in suite {
        decls.visit_stmt(stmt.clone());
    }
    own.extend(decls.0);
    own
}

/// What a module-level name of one file refers to.
#[derive(Default)]
struct Names {
    /// Names bound to a module (`import pkg.sub as s`, `from pkg import sub`).
    modules: HashMap<String, String>,
    /// Names bound to another module's name, or to this module's own (qualified) name.
    renamed: HashMap<String, String>,
}

impl Linker<'_> {
    fn error(&mut self, message: String, range: TextRange) {
        let (file, offset) = locate(range.start().to_u32());
        let end = offset + range.len().to_u32();
        self.diagnostics.push(Diagnostic::error(message, Span::new(file, offset, end)));
    }

    /// The statements of module `name` (renamed), with its imports of program modules replaced
    /// by those modules' statements.
    fn module_body(&mut self, name: &str, suite: Vec<ast::Stmt>) -> Vec<ast::Stmt> {
        self.loading.push(name.to_string());
        let mut names = Names::default();
        if name != "__main__" {
            let own = module_level_names(&suite);
            // A name the module reads but never binds is not the main program's name of the
            // same spelling: it becomes the module's own (unbound) name.
            let foreign = self.main_names.iter().filter(|n| !own.contains(*n));
            for n in own.iter().chain(foreign) {
                names.renamed.insert(n.clone(), format!("{name}.{n}"));
            }
        }
        let package = if name == "__main__" {
            String::new()
        } else if self.is_package(name) {
            name.to_string()
        } else {
            name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
        };
        let mut out = Vec::new();
        for stmt in suite {
            match stmt {
                ast::Stmt::Import(imp) if !imp.names.iter().all(|a| BUILTIN_MODULES.contains(&a.name.as_str())) => {
                    for alias in &imp.names {
                        let target = alias.name.to_string();
                        if BUILTIN_MODULES.contains(&target.as_str()) {
                            out.push(ast::Stmt::Import(ast::StmtImport {
                                range: imp.range,
                                names: vec![alias.clone()],
                            }));
                            continue;
                        }
                        // `import a.b.c` runs a, a.b and a.b.c, and binds `a`.
                        let parts: Vec<&str> = target.split('.').collect();
                        for i in 1..=parts.len() {
                            let prefix = parts[..i].join(".");
                            out.extend(self.import(&prefix, alias.range));
                        }
                        match &alias.asname {
                            Some(asname) => names.modules.insert(asname.to_string(), target.clone()),
                            None => names.modules.insert(parts[0].to_string(), parts[0].to_string()),
                        };
                        if name != "__main__" {
                            let bound = alias.asname.as_ref().map(|a| a.to_string()).unwrap_or(parts[0].to_string());
                            names.renamed.remove(&bound);
                        }
                    }
                }
                ast::Stmt::ImportFrom(imp)
                    if imp.level.is_some_and(|l| l.to_u32() > 0)
                        || imp.module.as_ref().is_some_and(|m| !BUILTIN_MODULES.contains(&m.as_str())) =>
                {
                    let level = imp.level.map(|l| l.to_u32()).unwrap_or(0);
                    let mut target = imp.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                    if level > 0 {
                        let mut base: Vec<&str> = package.split('.').filter(|s| !s.is_empty()).collect();
                        for _ in 1..level {
                            base.pop();
                        }
                        if base.is_empty() && name == "__main__" {
                            self.error("attempted relative import with no known parent package".into(), imp.range);
                            continue;
                        }
                        target =
                            if target.is_empty() { base.join(".") } else { format!("{}.{target}", base.join(".")) };
                    }
                    let parts: Vec<&str> = target.split('.').collect();
                    for i in 1..=parts.len() {
                        out.extend(self.import(&parts[..i].join("."), imp.range));
                    }
                    for alias in &imp.names {
                        let member = alias.name.to_string();
                        if member == "*" {
                            self.error("kiln does not support `from module import *`".into(), alias.range);
                            continue;
                        }
                        let bound = alias.asname.as_ref().map(|a| a.to_string()).unwrap_or(member.clone());
                        let full = format!("{target}.{member}");
                        if self.module_path(&full).is_some() {
                            out.extend(self.import(&full, alias.range));
                            names.renamed.remove(&bound);
                            names.modules.insert(bound, full);
                        } else if self.definitions.get(&target).is_some_and(|d| d.contains(&member)) {
                            // A function or class: the same object under another name.
                            names.renamed.insert(bound, full);
                        } else {
                            // A variable: a binding of its own, a copy of the value at the import
                            // (later assignments in the module do not change it).
                            if name == "__main__" {
                                names.renamed.remove(&bound);
                            } else {
                                names.renamed.insert(bound.clone(), format!("{name}.{bound}"));
                            }
                            let load = |id: String, ctx| {
                                ast::Expr::Name(ast::ExprName { range: alias.range, id: id.into(), ctx })
                            };
                            out.push(ast::Stmt::Assign(ast::StmtAssign {
                                range: alias.range,
                                targets: vec![load(bound, ast::ExprContext::Store)],
                                value: Box::new(load(full, ast::ExprContext::Load)),
                                type_comment: None,
                            }));
                        }
                    }
                }
                other => out.push(other),
            }
        }
        // Names of this module, and the names it imported, as the program-wide names.
        let known = self.files.iter().map(|f| f.name.clone()).collect();
        let mut renamer = Renamer { names: &names, known, module: name, scopes: Vec::new(), in_class: false };
        let out = out
            .into_iter()
            .map(|s| {
                // Spliced modules are renamed already (their names are theirs).
                if s.range().start().to_u32() >> FILE_SHIFT != self.index_of(name) {
                    return s;
                }
                renamer.fold_stmt(s).unwrap_or_else(|never| match never {})
            })
            .collect();
        self.loading.pop();
        out
    }

    fn index_of(&self, module: &str) -> u32 {
        self.files.iter().find(|f| f.name == module).map(|f| f.index).unwrap_or(0)
    }

    fn is_package(&self, module: &str) -> bool {
        self.files.iter().any(|f| f.name == module && f.path.ends_with("__init__.py"))
    }

    /// Where module `dotted` is: `a/b.py` or `a/b/__init__.py` beside the main file.
    fn module_path(&self, dotted: &str) -> Option<PathBuf> {
        let rel: PathBuf = dotted.split('.').collect();
        let file = self.root.join(&rel).with_extension("py");
        if file.is_file() {
            return Some(file);
        }
        let init = self.root.join(&rel).join("__init__.py");
        init.is_file().then_some(init)
    }

    /// The statements that `import dotted` adds here: the module's, at its first import.
    fn import(&mut self, dotted: &str, range: TextRange) -> Vec<ast::Stmt> {
        if self.loading.iter().any(|m| m == dotted) {
            self.error(format!("kiln does not support circular imports (`{dotted}` imports itself)"), range);
            return Vec::new();
        }
        if self.loaded.contains_key(dotted) {
            return Vec::new();
        }
        let Some(path) = self.module_path(dotted) else {
            let (file, offset) = locate(range.start().to_u32());
            let span = Span::new(file, offset, offset + range.len().to_u32());
            let rel: PathBuf = dotted.split('.').collect();
            self.diagnostics.push(
                Diagnostic::error(format!("no module named `{dotted}`"), span)
                    .with_label(format!(
                        "no `{}.py` or `{}` beside the main file",
                        rel.display(),
                        rel.join("__init__.py").display()
                    ))
                    .with_note(
                        "kiln provides the modules `math`, `time`, `random`, `sys`, `collections`, `gpu` and `kiln`",
                    ),
            );
            self.loaded.insert(dotted.to_string(), None);
            return Vec::new();
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                self.error(format!("cannot read `{}`: {e}", path.display()), range);
                return Vec::new();
            }
        };
        let index = self.files.len() as u32 + 1;
        let path_text = path.to_string_lossy().into_owned();
        self.files.push(ModuleFile { name: dotted.to_string(), path: path_text.clone(), text: text.clone(), index });
        self.loaded.insert(dotted.to_string(), None);
        let base = index << FILE_SHIFT;
        let (stripped, decorators) = match crate::par_syntax::strip_par_decorators(&path_text, &text) {
            Ok(s) => s,
            Err(d) => {
                self.diagnostics.push(d);
                return Vec::new();
            }
        };
        // (The decorators' own spans stay relative to the module's text.)
        self.par.extend(decorators.into_iter().map(|(offset, e)| (offset + base, e)));
        let suite = match rustpython_parser::parse_starts_at(
            &stripped,
            rustpython_parser::Mode::Module,
            &path_text,
            TextSize::from(base),
        ) {
            Ok(ast::Mod::Module(m)) => m.body,
            Ok(_) => Vec::new(),
            Err(e) => {
                let (file, offset) = locate(e.offset.to_u32());
                self.diagnostics
                    .push(Diagnostic::error(format!("syntax error: {}", e.error), Span::new(file, offset, offset)));
                return Vec::new();
            }
        };
        let defined = suite
            .iter()
            .filter_map(|s| match s {
                ast::Stmt::FunctionDef(d) => Some(d.name.to_string()),
                ast::Stmt::ClassDef(c) => Some(c.name.to_string()),
                _ => None,
            })
            .collect();
        self.definitions.insert(dotted.to_string(), defined);
        self.module_body(dotted, suite)
    }
}

/// Renames one module's names (see the module docs), minding the scopes of functions and
/// classes, whose own names hide the module's.
struct Renamer<'n> {
    names: &'n Names,
    /// Every module loaded so far.
    known: HashSet<String>,
    module: &'n str,
    /// The names bound by each enclosing function or class body, innermost last.
    scopes: Vec<HashSet<String>>,
    /// Folding the statements of a class body (whose `def`s are methods, never renamed).
    in_class: bool,
}

impl Renamer<'_> {
    fn hidden(&self, name: &str) -> bool {
        self.scopes.iter().any(|s| s.contains(name))
    }

    /// `m.x` and `pkg.sub.x` where `m`/`pkg` name modules: the program-wide name of `x`.
    /// The module an expression names: an imported module's name, or `pkg.sub` spelled
    /// through `pkg`.
    fn module_of(&self, e: &ast::Expr) -> Option<String> {
        match e {
            ast::Expr::Name(n) if !self.hidden(n.id.as_str()) => self.names.modules.get(n.id.as_str()).cloned(),
            ast::Expr::Attribute(a) => {
                let sub = format!("{}.{}", self.module_of(&a.value)?, a.attr);
                self.known.contains(&sub).then_some(sub)
            }
            _ => None,
        }
    }
}

impl Fold<TextRange> for Renamer<'_> {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Self::Error> {
        Ok(user)
    }

    fn fold_expr(&mut self, node: ast::Expr) -> Result<ast::Expr, Self::Error> {
        match node {
            ast::Expr::Name(mut n) => {
                if n.id.as_str() == "__name__" && !self.hidden("__name__") {
                    return Ok(ast::Expr::Constant(ast::ExprConstant {
                        range: n.range,
                        value: ast::Constant::Str(self.module.to_string()),
                        kind: None,
                    }));
                }
                if !self.hidden(n.id.as_str()) {
                    if let Some(to) = self.names.renamed.get(n.id.as_str()) {
                        n.id = to.as_str().into();
                    } else if let Some(module) = self.names.modules.get(n.id.as_str()) {
                        // A module itself as a value: a name no program binds (an error later).
                        n.id = format!("<module {module}>").into();
                    }
                }
                Ok(ast::Expr::Name(n))
            }
            ast::Expr::Attribute(a) => {
                // `module.name` is the program-wide name of the module's `name`.
                if let Some(module) = self.module_of(&a.value) {
                    if a.attr.as_str() == "__name__" {
                        let value = ast::Constant::Str(module);
                        return Ok(ast::Expr::Constant(ast::ExprConstant { range: a.range, value, kind: None }));
                    }
                    let id = format!("{module}.{}", a.attr);
                    return Ok(ast::Expr::Name(ast::ExprName { range: a.range, id: id.into(), ctx: a.ctx }));
                }
                ast::fold::fold_expr(self, ast::Expr::Attribute(a))
            }
            ast::Expr::Lambda(l) => {
                let mut scope = HashSet::new();
                for a in l.args.posonlyargs.iter().chain(&l.args.args).chain(&l.args.kwonlyargs) {
                    scope.insert(a.def.arg.to_string());
                }
                self.scopes.push(scope);
                let folded = ast::fold::fold_expr(self, ast::Expr::Lambda(l));
                self.scopes.pop();
                folded
            }
            ast::Expr::ListComp(_) | ast::Expr::SetComp(_) | ast::Expr::DictComp(_) | ast::Expr::GeneratorExp(_) => {
                let generators = match &node {
                    ast::Expr::ListComp(c) => &c.generators,
                    ast::Expr::SetComp(c) => &c.generators,
                    ast::Expr::DictComp(c) => &c.generators,
                    ast::Expr::GeneratorExp(c) => &c.generators,
                    _ => unreachable!("matched above"),
                };
                let mut scope = HashSet::new();
                for g in generators {
                    target_names(&g.target, &mut scope);
                }
                self.scopes.push(scope);
                let folded = ast::fold::fold_expr(self, node);
                self.scopes.pop();
                folded
            }
            other => ast::fold::fold_expr(self, other),
        }
    }

    fn fold_stmt(&mut self, node: ast::Stmt) -> Result<ast::Stmt, Self::Error> {
        match node {
            ast::Stmt::FunctionDef(mut d) => {
                // The name, defaults and decorators belong to the enclosing scope.
                let in_class = std::mem::replace(&mut self.in_class, false);
                if !in_class && !self.hidden(d.name.as_str()) {
                    if let Some(to) = self.names.renamed.get(d.name.as_str()) {
                        d.name = to.as_str().into();
                    }
                }
                let mut args = *d.args;
                for a in args.posonlyargs.iter_mut().chain(args.args.iter_mut()).chain(args.kwonlyargs.iter_mut()) {
                    if let Some(default) = a.default.take() {
                        a.default = Some(Box::new(self.fold_expr(*default)?));
                    }
                }
                d.args = Box::new(args);
                d.decorator_list = d.decorator_list.into_iter().map(|e| self.fold_expr(e)).collect::<Result<_, _>>()?;
                let (mut locals, _) = crate::captures::locals_of(crate::captures::Scoped::Def(&d));
                let mut globals = HashSet::new();
                bound_names(&d.body, &mut HashSet::new(), &mut globals);
                for g in &globals {
                    locals.remove(g);
                }
                self.scopes.push(locals);
                let body = d.body.into_iter().map(|s| self.fold_stmt(s)).collect::<Result<_, _>>()?;
                self.scopes.pop();
                self.in_class = in_class;
                d.body = body;
                Ok(ast::Stmt::FunctionDef(d))
            }
            ast::Stmt::ClassDef(mut c) => {
                if !self.hidden(c.name.as_str()) {
                    if let Some(to) = self.names.renamed.get(c.name.as_str()) {
                        c.name = to.as_str().into();
                    }
                }
                c.bases = c.bases.into_iter().map(|e| self.fold_expr(e)).collect::<Result<_, _>>()?;
                let mut own = HashSet::new();
                bound_names(&c.body, &mut own, &mut HashSet::new());
                // Methods see the module's names, not the class body's.
                let mut body = Vec::with_capacity(c.body.len());
                let outer = std::mem::replace(&mut self.in_class, true);
                for s in c.body {
                    let is_def = matches!(s, ast::Stmt::FunctionDef(_));
                    if is_def {
                        body.push(self.fold_stmt(s)?);
                    } else {
                        self.scopes.push(own.clone());
                        body.push(self.fold_stmt(s)?);
                        self.scopes.pop();
                    }
                }
                self.in_class = outer;
                c.body = body;
                Ok(ast::Stmt::ClassDef(c))
            }
            ast::Stmt::Global(mut g) => {
                for n in g.names.iter_mut() {
                    if let Some(to) = self.names.renamed.get(n.as_str()) {
                        *n = to.as_str().into();
                    }
                }
                Ok(ast::Stmt::Global(g))
            }
            other => ast::fold::fold_stmt(self, other),
        }
    }
}
