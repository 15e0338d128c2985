//! The `kiln` command: argument parsing, the compile pipeline, diagnostics rendering, JIT
//! execution and native linking.
//!
//! *Architecture invariant:* this is the only crate that wires the frontend, the IR, the
//! backends and the runtime together.

mod diagnostics;
mod driver;
mod link;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// kiln compiles Python-syntax programs ahead of time to native code and runs them.
#[derive(Parser, Debug)]
#[command(name = "kiln", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compile FILE in memory (LLVM JIT) and run it; exits with the program's status.
    Run {
        /// The program's main file.
        file: PathBuf,
        /// Arguments passed to the program (after FILE).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
        #[command(flatten)]
        common: CommonOptions,
    },
    /// Compile FILE to a native executable, or emit an intermediate form with --emit.
    Build {
        file: PathBuf,
        /// Output path (`-` writes text forms to stdout).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
        /// What to produce.
        #[arg(long, value_enum, default_value_t = Emit::Exe)]
        emit: Emit,
        #[command(flatten)]
        common: CommonOptions,
    },
    /// Type-check FILE and report diagnostics; runs nothing.
    Check { file: PathBuf },
}

#[derive(Args, Debug, Clone)]
struct CommonOptions {
    /// Optimisation level: -O0 (debugging) to -O3. kiln optimises by default for the host's
    /// CPU; KILN_TARGET_CPU (e.g. x86-64-v2) names another.
    #[arg(short = 'O', value_name = "LEVEL", default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
    opt_level: u8,
    /// Where `@gpu.kernel` functions run (host code always runs on the CPU): `auto` prefers
    /// cuda, then a hardware wgpu adapter, then cpu. Built executables read KILN_DEVICE.
    #[arg(long, value_enum, default_value_t = Device::Auto, env = "KILN_DEVICE")]
    device: Device,
    /// Threads for parallel loops (`@par`) that do not set `num_threads` (default:
    /// KILN_NUM_THREADS, else all cores). `kiln build` fixes it in the executable.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    threads: Option<u32>,
    /// The NVIDIA architecture kernels are compiled for: 80 means sm_80 (A100; runs on newer
    /// GPUs too). 60 to 90.
    #[arg(long, value_name = "SM", default_value_t = 80, value_parser = clap::value_parser!(u32).range(60..=90))]
    cuda_arch: u32,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Emit {
    /// A native executable (the default).
    Exe,
    /// A relocatable object file.
    Obj,
    /// LLVM IR text.
    Llvm,
    /// kiln IR text.
    Ir,
    /// Native assembly.
    Asm,
    /// The WGSL of every GPU kernel (what the wgpu device runs).
    Wgsl,
    /// The PTX of every GPU kernel (what the cuda device runs).
    Ptx,
    /// The SPIR-V of every GPU kernel (one file each).
    Spirv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Cpu,
    Cuda,
    Wgpu,
    Auto,
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal compiler error: {info}");
        eprintln!("note: this is a bug in kiln; please report it with the program that triggered it");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Run { file, args, common } => driver::run(&file, &args, &common),
        Command::Build { file, output, emit, common } => driver::build(&file, output.as_deref(), emit, &common),
        Command::Check { file } => driver::check(&file),
    };
    // The low 8 bits, as the operating system reports an exit status (`sys.exit(256)` is 0).
    ExitCode::from((code & 0xff) as u8)
}
