//! The compile pipeline: source → frontend → IR (validated) → backend → run or write.

use crate::diagnostics;
use crate::{CommonOptions, Device, Emit};
use std::collections::HashMap;
use std::path::Path;

/// Exit status for compile errors and bad command lines.
const COMPILE_ERROR: i32 = 2;

struct Frontend {
    /// Each file's name and text, by file id (for diagnostics).
    files: Vec<(String, String)>,
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
    let kiln_frontend::Compiled { mut module, files } = match kiln_frontend::compile(&path, &source) {
        Ok(c) => c,
        Err(failure) => {
            diagnostics::render(&failure.files, &failure.diagnostics);
            return Err(COMPILE_ERROR);
        }
    };
    let validated = if opt_level == 0 { kiln_ir::validate(&module) } else { kiln_ir::passes::optimize(&mut module) };
    match validated {
        Ok(info) => Ok(Frontend { files, module, info }),
        Err(e) => {
            diagnostics::plain(format!("internal compiler error: {e}"));
            Err(COMPILE_ERROR)
        }
    }
}

/// Which device texts to generate for the kernels.
#[derive(Clone, Copy)]
struct Targets {
    wgsl: bool,
    ptx: bool,
    /// A kernel that cannot be compiled for a device is a compile error (else that device
    /// reports it when the kernel is launched there).
    strict: bool,
    /// `--cuda-arch`.
    sm: u32,
}

/// The WGSL and PTX of every kernel of the module, by function index.
fn kernel_code(front: &Frontend, targets: Targets) -> Result<HashMap<usize, kiln_backend_cpu::KernelCode>, i32> {
    let mut out = HashMap::new();
    let fail = |f: &kiln_ir::Function, device: &str, message: String, span: kiln_ir::Span| {
        let message = format!("kernel `{}` cannot be compiled for {device}: {message}", f.source_name);
        let span = if span.is_defined() { span } else { f.span };
        diagnostics::render(&front.files, &[kiln_frontend::Diagnostic::error(message, span)]);
        COMPILE_ERROR
    };
    for (handle, f) in front.module.functions.iter() {
        if f.kind != kiln_ir::FunctionKind::Kernel {
            continue;
        }
        let mut code = kiln_backend_cpu::KernelCode::default();
        if targets.wgsl {
            match kiln_backend_wgsl::compile_kernel(&front.module, &front.info, handle)
                .and_then(|k| kiln_backend_wgsl::to_wgsl(&k))
            {
                Ok(text) => code.wgsl = Some(text),
                Err(e) if targets.strict => return Err(fail(f, "wgpu", e.message, e.span)),
                Err(_) => {}
            }
        }
        if targets.ptx {
            let options = kiln_backend_ptx::PtxOptions { sm: targets.sm };
            match kiln_backend_ptx::compile_kernel(&front.module, &front.info, handle, &options) {
                Ok(k) => {
                    code.ptx = Some(k.ptx);
                    code.ptx_entry = k.entry;
                }
                Err(e) if targets.strict => return Err(fail(f, "cuda", e.message, e.span)),
                Err(_) => {}
            }
        }
        out.insert(handle.index(), code);
    }
    Ok(out)
}

fn has_kernels(front: &Frontend) -> bool {
    front.module.functions.iter().any(|(_, f)| f.kind == kiln_ir::FunctionKind::Kernel)
}

/// The device `kiln run` launches kernels on: requested (or `auto`) and started now, so that a
/// missing device is reported before the program runs.
fn start_device(common: &CommonOptions) -> Result<kiln_runtime::gpu::DeviceKind, i32> {
    let name = match common.device {
        Device::Cpu => "cpu",
        Device::Cuda => "cuda",
        Device::Wgpu => "wgpu",
        Device::Auto => "auto",
    };
    kiln_runtime::gpu::request_device(name).map_err(|reason| {
        eprintln!("kiln: error: {reason}");
        1
    })
}

fn backend(
    front: &Frontend,
    common: &CommonOptions,
    kernel_code: HashMap<usize, kiln_backend_cpu::KernelCode>,
) -> Result<kiln_backend_cpu::Compiled, i32> {
    let options =
        kiln_backend_cpu::Options { opt_level: common.opt_level, default_threads: common.threads, kernel_code };
    kiln_backend_cpu::compile(&front.module, &front.info, &options).map_err(|e| {
        if e.span.is_defined() {
            diagnostics::render(&front.files, &[kiln_frontend::Diagnostic::error(e.message, e.span)]);
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
    // Kernels are compiled for the device they will run on (started now, so that a missing
    // device is reported before the program runs).
    let mut code = HashMap::new();
    if has_kernels(&front) {
        let device = match start_device(common) {
            Ok(d) => d,
            Err(code) => return code,
        };
        let targets = Targets {
            wgsl: device == kiln_runtime::gpu::DeviceKind::Wgpu,
            ptx: device == kiln_runtime::gpu::DeviceKind::Cuda,
            strict: true,
            sm: common.cuda_arch,
        };
        code = match kernel_code(&front, targets) {
            Ok(c) => c,
            Err(status) => return status,
        };
    }
    let compiled = match backend(&front, common, code) {
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
            Emit::Wgsl => ".wgsl",
            Emit::Ptx => ".ptx",
            Emit::Spirv => ".spv",
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
    if emit == Emit::Spirv {
        return emit_spirv(&front, &out);
    }
    // `--emit wgsl|ptx` must produce its text; an executable embeds what compiles (a device
    // without its kernel text reports that when the kernel is launched there).
    let targets = Targets {
        wgsl: matches!(emit, Emit::Wgsl | Emit::Exe | Emit::Obj),
        ptx: matches!(emit, Emit::Ptx | Emit::Exe | Emit::Obj),
        strict: matches!(emit, Emit::Wgsl | Emit::Ptx),
        sm: common.cuda_arch,
    };
    let code = match kernel_code(&front, targets) {
        Ok(c) => c,
        Err(status) => return status,
    };
    if matches!(emit, Emit::Wgsl | Emit::Ptx) {
        let mut kernels: Vec<_> = code.iter().collect();
        kernels.sort_by_key(|(k, _)| **k);
        let text: Vec<String> = kernels
            .iter()
            .map(|(k, c)| {
                let name = &front.module.functions[kiln_ir::Handle::from_index(**k)].name;
                let body = if emit == Emit::Wgsl { c.wgsl.clone() } else { c.ptx.clone() };
                format!("// kernel {name}\n{}", body.unwrap_or_default())
            })
            .collect();
        if text.is_empty() {
            diagnostics::plain("the program has no `@gpu.kernel` functions");
            return COMPILE_ERROR;
        }
        return write_text(&text.join("\n"));
    }
    let compiled = match backend(&front, common, code) {
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
        Emit::Ir | Emit::Wgsl | Emit::Ptx | Emit::Spirv => unreachable!("handled above"),
    }
}

/// `--emit spirv`: one SPIR-V binary per kernel, `OUT` for the first and `OUT.<name>` for more.
fn emit_spirv(front: &Frontend, out: &Path) -> i32 {
    let mut written = 0;
    for (handle, f) in front.module.functions.iter() {
        if f.kind != kiln_ir::FunctionKind::Kernel {
            continue;
        }
        let words = match kiln_backend_wgsl::compile_kernel(&front.module, &front.info, handle)
            .and_then(|k| kiln_backend_wgsl::to_spirv(&k))
        {
            Ok(w) => w,
            Err(e) => {
                diagnostics::plain(format!("kernel `{}`: {}", f.source_name, e.message));
                return COMPILE_ERROR;
            }
        };
        let path = if written == 0 { out.to_path_buf() } else { out.with_extension(format!("{}.spv", f.source_name)) };
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        if let Err(e) = std::fs::write(&path, bytes) {
            diagnostics::plain(format!("cannot write `{}`: {e}", path.display()));
            return COMPILE_ERROR;
        }
        written += 1;
    }
    if written == 0 {
        diagnostics::plain("the program has no `@gpu.kernel` functions");
        return COMPILE_ERROR;
    }
    0
}
