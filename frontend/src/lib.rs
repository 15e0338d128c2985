//! kiln's frontend: Python source to kiln IR.
//!
//! - [`parse`]: rustpython-parser, with syntax errors turned into [`Diagnostic`]s.
//! - `scope`: the name pre-pass (what each function binds, `def`s, imports).
//! - `lower`: resolution, type inference, monomorphisation and lowering, in one walker.
//!
//! *Architecture invariant:* the frontend never calls a backend; its output is a
//! [`kiln_ir::Module`] or a list of diagnostics (errors as data, rendered by the CLI).

mod captures;
pub mod diagnostic;
mod imports;
mod lower;
mod par_syntax;
mod scope;
mod ty;

pub use diagnostic::{Diagnostic, Label};
use kiln_ir::Span;
use rustpython_parser::{ast, Mode};

/// The file id that the main file's spans carry.
pub const MAIN_FILE: u32 = 0;
/// The file id of kiln's prelude.
pub const STDLIB_FILE: u32 = 1;
/// The prelude's name in diagnostics.
pub const STDLIB_NAME: &str = "<kiln stdlib>/prelude.py";
/// kiln's prelude: builtins and methods written in kiln-Python (see `stdlib/README.md`).
pub const PRELUDE: &str = include_str!("../../stdlib/prelude.py");

/// Parses a source file into statements.
pub fn parse(path: &str, source: &str) -> Result<Vec<ast::Stmt>, Diagnostic> {
    match rustpython_parser::parse(source, Mode::Module, path) {
        Ok(ast::Mod::Module(m)) => Ok(m.body),
        Ok(_) => Err(Diagnostic::error("expected a module", Span::new(MAIN_FILE, 0, 0))),
        Err(e) => {
            let offset = e.offset.to_u32().min(source.len() as u32);
            let message = e.error.to_string();
            let message = if message.is_empty() { "invalid syntax".to_string() } else { message };
            Err(Diagnostic::error(format!("syntax error: {message}"), Span::new(MAIN_FILE, offset, offset)))
        }
    }
}

/// Why a program did not compile: the diagnostics, and the text of every file they may point
/// into, indexed by file id (the main file, the prelude, then the program's modules).
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    pub files: Vec<(String, String)>,
}

/// A compiled program: its IR, and the text of its files by file id (as in [`Failure`]).
pub struct Compiled {
    pub module: kiln_ir::Module,
    pub files: Vec<(String, String)>,
}

fn source_files(path: &str, source: &str, modules: &[imports::ModuleFile]) -> Vec<(String, String)> {
    let mut files = vec![(path.to_string(), source.to_string()), (STDLIB_NAME.to_string(), PRELUDE.to_string())];
    files.extend(modules.iter().map(|m| (m.path.clone(), m.text.clone())));
    files
}

/// Compiles a program's main file (and the modules it imports) to an IR module, with its GPU kernels lowered (see
/// `kiln_ir::passes::lower_kernels`).
///
/// `@par` decorator lines above `for` loops are taken out before parsing (see `par_syntax`).
pub fn compile(path: &str, source: &str) -> Result<Compiled, Failure> {
    let main_only = |diagnostics: Vec<Diagnostic>| Failure { diagnostics, files: source_files(path, source, &[]) };
    let (stripped, mut par_decorators) =
        par_syntax::strip_par_decorators(path, source).map_err(|d| main_only(vec![d]))?;
    let suite = parse(path, &stripped).map_err(|d| main_only(vec![d]))?;
    let prelude = parse(STDLIB_NAME, PRELUDE).map_err(|d| main_only(vec![d]))?;
    let (suite, modules, errors) = imports::link(path, suite, &prelude, &mut par_decorators);
    let failure = |diagnostics: Vec<Diagnostic>| Failure { diagnostics, files: source_files(path, source, &modules) };
    if !errors.is_empty() {
        return Err(failure(errors));
    }
    let mut module =
        lower::lower_module(path, source, &suite, MAIN_FILE, par_decorators, &prelude, &modules).map_err(failure)?;
    let invalid = |e: kiln_ir::ValidationError| {
        failure(vec![Diagnostic::error(
            format!("internal error: invalid IR before kernel lowering: {}", e.message),
            e.span,
        )])
    };
    let kernel_error = |e: kiln_ir::passes::KernelError| failure(vec![Diagnostic::error(e.message, e.span)]);
    if module
        .functions
        .iter()
        .any(|(_, f)| f.kind != kiln_ir::FunctionKind::Host || kiln_ir::passes::contains_gpu_loop(&f.body))
    {
        let info = kiln_ir::validate(&module).map_err(invalid)?;
        kiln_ir::passes::outline_gpu_loops(&mut module, &info).map_err(kernel_error)?;
        let info = kiln_ir::validate(&module).map_err(invalid)?;
        kiln_ir::passes::lower_kernels(&mut module, &info).map_err(kernel_error)?;
    }
    Ok(Compiled { module, files: source_files(path, source, &modules) })
}
