//! The compile pipeline: source → frontend → IR (validated) → backend → run or write.

use crate::diagnostics;
use crate::{CommonOptions, Emit};
use std::path::Path;

/// Exit status for compile errors and bad command lines.
const COMPILE_ERROR: i32 = 2;

struct Frontend {
    path: String,
    source: String,
    module: kiln_ir::Module,
    info: kiln_ir::ModuleInfo,
}

/// Stack for the compiler's own recursion (parser and walkers over deeply nested source).
const COMPILER_STACK: usize = 1 << 30;

/// Reads, parses, type-checks and lowers `file` (and optimises the IR unless `opt_level` is 0);
/// renders diagnostics on failure. Runs on a thread with a large stack, so that deeply nested
/// source cannot overflow the compiler's stack.
fn compile_to_ir(file: &Path, opt_level: u8) -> Result<Frontend, i32> {
    let file = file.to_path_buf();
    std::thread::Builder::new()
        .name("kiln-frontend".into())
        .stack_size(COMPILER_STACK)
        .spawn(move || compile_to_ir_here(&file, opt_level))
        .map_err(|e| {
            diagnostics::plain(format!("cannot start the compiler thread: {e}"));
            COMPILE_ERROR
        })?
        .join()
        .unwrap_or(Err(COMPILE_ERROR))
}

fn compile_to_ir_here(file: &Path, opt_level: u8) -> Result<Frontend, i32> {
    let path = file.display().to_string();
    let source = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            diagnostics::plain(format!("cannot read `{path}`: {e}"));
            return Err(COMPILE_ERROR);
        }
    };
    let mut module = match kiln_frontend::compile(&path, &source) {
        Ok(m) => m,
        Err(diags) => {
            diagnostics::render(&path, &source, &diags);
            return Err(COMPILE_ERROR);
        }
    };
    let validated = if opt_level == 0 { kiln_ir::validate(&module) } else { kiln_ir::passes::optimize(&mut module) };
    match validated {
        Ok(info) => Ok(Frontend { path, source, module, info }),
        Err(e) => {
            diagnostics::plain(format!("internal compiler error: {e}"));
            Err(COMPILE_ERROR)
        }
    }
}

fn backend(front: &Frontend, common: &CommonOptions) -> Result<kiln_backend_cpu::Compiled, i32> {
    let options = kiln_backend_cpu::Options { opt_level: common.opt_level, default_threads: common.threads };
    kiln_backend_cpu::compile(&front.module, &front.info, &options).map_err(|e| {
        if e.span.is_defined() {
            diagnostics::render(&front.path, &front.source, &[kiln_frontend::Diagnostic::error(e.message, e.span)]);
        } else {
            diagnostics::plain(e.message);
        }
        COMPILE_ERROR
    })
}

/// `--threads N` for `kiln run` (a built executable gets it from its `main`).
fn apply_threads(common: &CommonOptions) {
    if let Some(n) = common.threads {
        kiln_runtime::parallel::set_default_threads(n as usize);
    }
}

pub fn check(file: &Path) -> i32 {
    match compile_to_ir(file, 0) {
        Ok(_) => 0,
        Err(code) => code,
    }
}

pub fn run(file: &Path, args: &[String], common: &CommonOptions) -> i32 {
    let front = match compile_to_ir(file, common.opt_level) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let compiled = match backend(&front, common) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let program = match compiled.jit(&kiln_runtime::symbols()) {
        Ok(p) => p,
        Err(e) => {
            diagnostics::plain(e.message);
            return COMPILE_ERROR;
        }
    };
    apply_threads(common);
    // argv as the program sees it: its own path first, as in CPython's sys.argv.
    let mut argv: Vec<std::ffi::CString> = Vec::with_capacity(args.len() + 1);
    for a in std::iter::once(file.display().to_string()).chain(args.iter().cloned()) {
        argv.push(std::ffi::CString::new(a).unwrap_or_default());
    }
    let mut pointers: Vec<*const std::os::raw::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    pointers.push(std::ptr::null());
    // SAFETY: `entry` is the JIT-compiled `__kiln_entry`, kept alive by `program`; argv
    // outlives the call.
    unsafe { kiln_runtime::abi::kiln_rt_main(program.entry, argv.len() as i32, pointers.as_ptr()) }
}

pub fn build(file: &Path, output: Option<&Path>, emit: Emit, common: &CommonOptions) -> i32 {
    let front = match compile_to_ir(file, common.opt_level) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let default_out = || -> std::path::PathBuf {
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
        let ext = match emit {
            Emit::Exe => "",
            Emit::Obj => ".o",
            Emit::Llvm => ".ll",
            Emit::Ir => ".kir",
            Emit::Asm => ".s",
        };
        std::path::PathBuf::from(format!("{stem}{ext}"))
    };
    let out = output.map(Path::to_path_buf).unwrap_or_else(default_out);
    let to_stdout = out.as_os_str() == "-";
    let write_text = |text: &str| -> i32 {
        if to_stdout {
            print!("{text}");
            return 0;
        }
        match std::fs::write(&out, text) {
            Ok(()) => 0,
            Err(e) => {
                diagnostics::plain(format!("cannot write `{}`: {e}", out.display()));
                COMPILE_ERROR
            }
        }
    };
    if emit == Emit::Ir {
        return write_text(&kiln_ir::print::print_module(&front.module, Some(&front.info)));
    }
    let compiled = match backend(&front, common) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let report = |r: Result<(), kiln_backend_cpu::BackendError>| match r {
        Ok(()) => 0,
        Err(e) => {
            diagnostics::plain(e.message);
            COMPILE_ERROR
        }
    };
    match emit {
        Emit::Llvm => write_text(&compiled.llvm_ir()),
        Emit::Asm if to_stdout => {
            let tmp = std::env::temp_dir().join(format!("kiln-{}.s", std::process::id()));
            let code = report(compiled.write_assembly(&tmp));
            if code == 0 {
                let text = std::fs::read_to_string(&tmp).unwrap_or_default();
                print!("{text}");
            }
            let _ = std::fs::remove_file(&tmp);
            code
        }
        Emit::Asm => report(compiled.write_assembly(&out)),
        Emit::Obj => report(compiled.write_object(&out)),
        Emit::Exe => {
            let tmp = std::env::temp_dir().join(format!("kiln-{}.o", std::process::id()));
            let code = report(compiled.write_object(&tmp));
            if code != 0 {
                return code;
            }
            let result = crate::link::link_executable(&tmp, &out);
            let _ = std::fs::remove_file(&tmp);
            match result {
                Ok(()) => 0,
                Err(message) => {
                    diagnostics::plain(message);
                    COMPILE_ERROR
                }
            }
        }
        Emit::Ir => unreachable!("handled above"),
    }
}
