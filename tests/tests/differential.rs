//! Differential tests: kiln must print exactly what CPython prints.
//!
//! * `tests/programs/<category>/<name>.py` runs with `kiln run` and its stdout, exit status and
//!   (for a non-zero exit) the start of the last stderr line are compared with `<name>.out`,
//!   `<name>.exit` and `<name>.stderr_tail`, which `python3 tests/regen.py` generates with CPython.
//!   Programs whose first line is `# kiln: build` are also compiled with `kiln build -o` and the
//!   executable is checked the same way.
//! * `tests/kiln_only/*.py` are kiln-specific (64-bit overflow, deep recursion) with hand-checked
//!   expectations; they are never run under CPython.
//! * `expectations_are_current` re-runs CPython and checks the stored files.
//!
//! Run: `cargo build --release -p kiln && cargo test -p kiln-tests --test differential`.
//! Narrow with `KILN_TEST_FILTER=fstrings`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use kiln_tests::{
    find_files, first_line, jobs, kiln_bin, kiln_command, parallel_map, rel_path, run_with_timeout, scratch_dir,
    workspace_root, Expectation, Failures,
};

const TIMEOUT: Duration = Duration::from_secs(60);
const BUILD_MARKER: &str = "# kiln: build";

/// Check one program under `kiln run` (and `kiln build` when marked); returns (label, report)
/// for each failing mode.
fn check_program(kiln: &Path, program: &Path, scratch: &Path) -> Vec<(String, String)> {
    let rel = rel_path(program);
    let mut failures = Vec::new();
    let expected = match Expectation::load(program) {
        Ok(e) => e,
        Err(e) => {
            let hint = if rel.starts_with("tests/programs/") {
                "run `python3 tests/regen.py` to generate it"
            } else {
                "kiln_only expectations are written by hand"
            };
            failures.push((rel, format!("  missing expectation: {e}\n  {hint}\n")));
            return failures;
        }
    };

    // Programs with parallel loops must print the same with any number of threads; programs
    // with GPU kernels on every device (cuda only where a driver is present).
    let mut runs: Vec<Run<'_>> = Vec::new();
    if uses_gpu(program) {
        for device in gpu_devices() {
            runs.push((vec![("KILN_NUM_THREADS", "2")], vec!["--device", device]));
        }
    } else if uses_parallel_loops(program) {
        for n in ["1", "2", "4"] {
            runs.push((vec![("KILN_NUM_THREADS", n)], Vec::new()));
        }
    } else {
        runs.push((Vec::new(), Vec::new()));
    }
    for (env, flags) in &runs {
        let mut args = vec!["run"];
        args.extend(flags.iter().copied());
        args.push(rel.as_str());
        let mut cmd = kiln_command(kiln, args);
        let mut settings: Vec<String> = flags.iter().map(|f| f.to_string()).collect();
        for (k, v) in env {
            cmd.env(k, v);
            settings.push(format!("{k}={v}"));
        }
        let label = if settings.is_empty() {
            format!("{rel} [kiln run]")
        } else {
            format!("{rel} [kiln run, {}]", settings.join(" "))
        };
        match run_with_timeout(&mut cmd, TIMEOUT) {
            Ok(out) => {
                if let Some(report) = expected.check(&out) {
                    failures.push((label, report));
                }
            }
            Err(e) => failures.push((label, format!("  cannot start kiln: {e}\n"))),
        }
    }

    if first_line(program).trim() == BUILD_MARKER {
        let label = format!("{rel} [kiln build]");
        let dir = scratch.join(rel.replace('/', "__").trim_end_matches(".py"));
        let _ = std::fs::create_dir_all(&dir);
        let exe = dir.join("exe");
        let exe_arg = exe.to_string_lossy().into_owned();
        let build = run_with_timeout(&mut kiln_command(kiln, ["build", rel.as_str(), "-o", exe_arg.as_str()]), TIMEOUT);
        match build {
            Ok(b) if b.code() == Some(0) && exe.is_file() => {
                let mut cmd = Command::new(&exe);
                cmd.current_dir(workspace_root());
                if uses_parallel_loops(program) {
                    cmd.env("KILN_NUM_THREADS", "3");
                }
                match run_with_timeout(&mut cmd, TIMEOUT) {
                    Ok(out) => {
                        if let Some(report) = expected.check(&out) {
                            failures.push((label, report));
                        }
                    }
                    Err(e) => failures.push((label, format!("  cannot run {}: {e}\n", exe.display()))),
                }
                let _ = std::fs::remove_dir_all(&dir);
            }
            Ok(b) => failures.push((
                label,
                format!(
                    "  `kiln build {rel} -o {exe_arg}` failed: {}{}\n  stderr:\n{}",
                    b.describe(),
                    if exe.is_file() { "" } else { " (no executable written)" },
                    kiln_tests::tail_lines(&b.stderr_text(), 15)
                ),
            )),
            Err(e) => failures.push((label, format!("  cannot start kiln: {e}\n"))),
        }
    }
    failures
}

/// One `kiln run` of a program: environment variables and extra flags.
type Run<'a> = (Vec<(&'a str, &'a str)>, Vec<&'a str>);

/// Whether a program uses GPU kernels (`import gpu` / `from kiln import gpu`).
fn uses_gpu(program: &Path) -> bool {
    std::fs::read_to_string(program).is_ok_and(|s| s.contains("import gpu"))
}

/// The kernel devices of this machine: cpu and wgpu always (CI installs lavapipe), cuda where
/// the driver library is present.
fn gpu_devices() -> Vec<&'static str> {
    let mut devices = vec!["cpu", "wgpu"];
    if kiln_tests::cuda_driver_present() {
        devices.push("cuda");
    }
    devices
}

/// Whether a program spells a parallel loop (`@par` or `par(...)`).
fn uses_parallel_loops(program: &Path) -> bool {
    std::fs::read_to_string(program).is_ok_and(|s| s.contains("@par") || s.contains("par("))
}

fn run_suite(suite: &str, dir: &str, hint: &str) {
    let kiln = kiln_bin();
    let root = workspace_root();
    let programs = find_files(&root.join(dir), "py");
    if programs.is_empty() {
        println!("{suite}: no programs selected");
        return;
    }
    let scratch = scratch_dir(Path::new(env!("CARGO_TARGET_TMPDIR")), suite);
    let start = Instant::now();
    let results = parallel_map(&programs, jobs(), |p| check_program(&kiln, p, &scratch));
    let builds = programs.iter().filter(|p| first_line(p).trim() == BUILD_MARKER).count();
    let mut failures = Failures::default();
    let mut failed_programs = 0;
    for r in results {
        if !r.is_empty() {
            failed_programs += 1;
        }
        for (label, report) in r {
            failures.add(label, report);
        }
    }
    println!(
        "{suite}: {} programs ({builds} also built), {} passed, {failed_programs} failed ({} failing runs) in {:.1} s",
        programs.len(),
        programs.len() - failed_programs,
        failures.len(),
        start.elapsed().as_secs_f64()
    );
    failures.finish(suite, hint);
}

#[test]
fn differential_programs() {
    run_suite(
        "differential",
        "tests/programs",
        "expected output is CPython's (tests/programs/**/<name>.out); narrow with KILN_TEST_FILTER=<path part>",
    );
}

#[test]
fn kiln_only_programs() {
    run_suite(
        "kiln_only",
        "tests/kiln_only",
        "expectations in tests/kiln_only are hand-written; see the comment at the top of each program",
    );
}

/// The Python interpreter used to check the expectations, or `None` if there is none.
fn python() -> Option<PathBuf> {
    let py = std::env::var_os("KILN_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from);
    let ok = Command::new(&py).arg("--version").output().is_ok_and(|o| o.status.success());
    ok.then_some(py)
}

/// `python()`, or `None` after saying the check is skipped (a failure under CI, where
/// python3 must be there).
fn python_or_skip(what: &str) -> Option<PathBuf> {
    let py = python();
    if py.is_none() {
        println!("skipped: python3 not found");
        assert!(std::env::var_os("CI").is_none(), "python3 not found, and CI is set: the {what} cannot be checked");
    }
    py
}

fn python_command(py: &Path, rel: &str) -> Command {
    let root = workspace_root();
    let mut cmd = Command::new(py);
    let mut pythonpath = root.join("python").into_os_string();
    if let Some(old) = std::env::var_os("PYTHONPATH") {
        pythonpath.push(":");
        pythonpath.push(old);
    }
    cmd.arg("-m")
        .arg("kiln")
        .arg(rel)
        .current_dir(&root)
        .env("PYTHONPATH", pythonpath)
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONUTF8", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONHASHSEED", "0");
    cmd
}

/// The stored `.out`/`.exit`/`.stderr_tail` files are what CPython prints today.
#[test]
fn expectations_are_current() {
    let Some(py) = python_or_skip("expectations") else { return };
    let version = Command::new(&py)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let root = workspace_root();
    let programs = find_files(&root.join("tests/programs"), "py");
    let start = Instant::now();
    let results = parallel_map(&programs, jobs(), |p| {
        let rel = rel_path(p);
        let out = match run_with_timeout(&mut python_command(&py, &rel), Duration::from_secs(120)) {
            Ok(o) => o,
            Err(e) => return Some(format!("  cannot run python: {e}\n")),
        };
        let stored = match Expectation::load(p) {
            Ok(e) => e,
            Err(e) => return Some(format!("  missing expectation: {e}\n")),
        };
        let mut report = String::new();
        if out.code() != Some(stored.exit) {
            report.push_str(&format!("  exit status: stored {}, CPython now gives {}\n", stored.exit, out.describe()));
        }
        if out.stdout != stored.stdout {
            report.push_str("  stdout differs (-stored +CPython now):\n");
            report.push_str(&kiln_tests::diff(&String::from_utf8_lossy(&stored.stdout), &out.stdout_text(), 30));
        }
        let tail_now = if out.code() == Some(0) {
            None
        } else {
            // A silent failure (`sys.exit(3)`) stores no tail.
            Some(kiln_tests::last_nonempty_line(&out.stderr_text()).to_string()).filter(|t| !t.is_empty())
        };
        if tail_now != stored.stderr_tail {
            report.push_str(&format!(
                "  stderr_tail: stored {:?}, CPython now gives {:?}\n",
                stored.stderr_tail, tail_now
            ));
        }
        (!report.is_empty()).then_some(report)
    });
    // expectation files without a program
    let mut failures = Failures::default();
    for ext in ["out", "exit", "stderr_tail"] {
        for f in find_files(&root.join("tests/programs"), ext) {
            if !f.with_extension("py").is_file() {
                failures.add(rel_path(&f), "  orphan expectation file (no .py beside it)\n");
            }
        }
    }
    for (p, r) in programs.iter().zip(results) {
        if let Some(r) = r {
            failures.add(rel_path(p), r);
        }
    }
    println!(
        "expectations: {} programs checked against CPython {version} in {:.1} s, {} stale",
        programs.len(),
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    failures.finish(
        "expectations",
        &format!("regenerate with `python3 tests/regen.py` (they were made with CPython 3.11; this is {version})"),
    );
}

/// `examples/*.py` are also differential programs: each has an identical copy in
/// `tests/programs/examples/`.
#[test]
fn examples_are_in_sync() {
    let root = workspace_root();
    let mut failures = Failures::default();
    let examples = find_files(&root.join("examples"), "py");
    for ex in &examples {
        let name = ex.file_name().expect("a file name");
        let copy = root.join("tests/programs/examples").join(name);
        match (std::fs::read(ex), std::fs::read(&copy)) {
            (Ok(a), Ok(b)) if a == b => {}
            (Ok(_), Ok(_)) => failures.add(
                rel_path(ex),
                format!("  differs from {}; copy it over and run `python3 tests/regen.py examples`\n", rel_path(&copy)),
            ),
            _ => failures.add(rel_path(ex), format!("  {} is missing\n", rel_path(&copy))),
        }
    }
    println!("examples: {} checked", examples.len());
    failures.finish("examples", "");
}

/// Programs of `tests/programs/exceptions/` whose report kiln prints differently on purpose.
const TRACEBACK_DIFFERENCES: &[(&str, &str)] =
    &[("recursion_error.py", "kiln's recursion limit is its stack, not CPython's 1000 frames")];

/// The report of an uncaught exception, chains included, is CPython's: the same entries and
/// sentences, without the source lines CPython quotes, for every program of
/// `tests/programs/exceptions/` that ends with one.
#[test]
fn tracebacks_match_cpython() {
    let Some(py) = python_or_skip("tracebacks") else { return };
    let kiln = kiln_bin();
    let root = workspace_root();
    let programs: Vec<PathBuf> = find_files(&root.join("tests/programs/exceptions"), "py")
        .into_iter()
        .filter(|p| std::fs::read_to_string(p.with_extension("exit")).is_ok_and(|e| e.trim() == "1"))
        .filter(|p| !TRACEBACK_DIFFERENCES.iter().any(|(name, _)| p.ends_with(name)))
        .collect();
    // Source lines (and their `^^^` markers) are indented by four spaces; file names are
    // compared without their directory.
    let normalise = |stderr: &str| -> String {
        stderr
            .lines()
            .filter(|l| !l.starts_with("    "))
            .map(|l| match (l.find("File \""), l.find(".py\"")) {
                (Some(start), Some(end)) => {
                    let path = &l[start + 6..end + 3];
                    let name = path.rsplit('/').next().unwrap_or(path);
                    format!("{}File \"{name}{}", &l[..start], &l[end + 3..])
                }
                _ => l.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let results = parallel_map(&programs, jobs(), |p| {
        let rel = rel_path(p);
        let cpython = run_with_timeout(&mut python_command(&py, &rel), TIMEOUT).ok()?;
        let ours = run_with_timeout(&mut kiln_command(&kiln, ["run", rel.as_str()]), TIMEOUT).ok()?;
        let (expected, actual) = (normalise(&cpython.stderr_text()), normalise(&ours.stderr_text()));
        (expected != actual)
            .then(|| format!("  report differs (-CPython +kiln):\n{}", kiln_tests::diff(&expected, &actual, 40)))
    });
    let mut failures = Failures::default();
    for (p, r) in programs.iter().zip(results) {
        if let Some(r) = r {
            failures.add(rel_path(p), r);
        }
    }
    println!("tracebacks: {} reports compared with CPython's", programs.len());
    failures.finish("tracebacks", "an uncaught exception's report should list CPython's entries");
}
