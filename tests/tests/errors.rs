//! Diagnostic snapshots: every `tests/errors/<name>.py` must fail `kiln check` with exit status 2
//! and a rustc/codespan-style report on stderr equal to `tests/errors/<name>.stderr`.
//!
//! kiln is run from the workspace root with the relative path, so snapshots are stable.
//! `KILN_BLESS=1 cargo test -p kiln-tests --test errors` (re)writes the snapshots; review them
//! with `git diff tests/errors`. Without bless a missing snapshot fails.
//!
//! Independent of the snapshot, the leading comment lines of each program state what the
//! diagnostic must contain, so a blessed snapshot cannot silently be wrong:
//!
//! * `# expect: TEXT` -- stderr contains TEXT, case-insensitively, starting at a word start
//!   (`int` matches "`int`" and "integer", not "print"). `A | B` accepts either. Repeatable.
//! * `# at: LINE` -- stderr names the primary location `tests/errors/<name>.py:LINE:`.
//!
//! These checks apply when blessing too. Also here: `kiln check` accepts every differential
//! program, example and benchmark (exit 0), and reports a missing file as an error.

use std::path::Path;
use std::time::{Duration, Instant};

use kiln_tests::{
    bless, contains_word_start, diff, directives, find_files, jobs, kiln_bin, kiln_command, parallel_map, rel_path,
    run_with_timeout, tail_lines, workspace_root, Failures,
};

const TIMEOUT: Duration = Duration::from_secs(60);

struct Spec {
    expects: Vec<String>,
    at: Option<usize>,
}

fn spec_of(program: &Path) -> Result<Spec, String> {
    let source = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let mut spec = Spec { expects: Vec::new(), at: None };
    for (key, value) in directives(&source) {
        match key.as_str() {
            "expect" if !value.is_empty() => spec.expects.push(value),
            "at" => {
                let line: usize = value.parse().map_err(|_| format!("`# at: {value}` is not a line number"))?;
                if line == 0 || line > source.lines().count() {
                    return Err(format!("`# at: {line}` is outside the file"));
                }
                spec.at = Some(line);
            }
            _ => {}
        }
    }
    if spec.expects.is_empty() {
        return Err("no `# expect: ...` line at the top of the file".to_string());
    }
    Ok(spec)
}

/// Everything wrong with one diagnostic, or `None`.
fn check_diagnostic(kiln: &Path, program: &Path) -> Option<String> {
    let rel = rel_path(program);
    let spec = match spec_of(program) {
        Ok(s) => s,
        Err(e) => return Some(format!("  bad test file: {e}\n")),
    };
    let out = match run_with_timeout(&mut kiln_command(kiln, ["check", rel.as_str()]), TIMEOUT) {
        Ok(o) => o,
        Err(e) => return Some(format!("  cannot start kiln: {e}\n")),
    };
    let stderr = out.stderr_text();
    let mut report = String::new();
    if out.code() != Some(2) {
        report.push_str(&format!("  expected exit status 2 (compile error), got {}\n", out.describe()));
    }
    if out.panicked() {
        report.push_str("  stderr shows a Rust panic\n");
    }
    if !stderr.starts_with("error") {
        report.push_str("  stderr does not start with `error`\n");
    }
    if let Some(line) = spec.at {
        let loc = format!("{rel}:{line}:");
        if !stderr.contains(&loc) {
            report.push_str(&format!("  stderr does not name the location `{loc}<col>`\n"));
        }
    }
    for expect in &spec.expects {
        let alternatives: Vec<&str> = expect.split(" | ").map(str::trim).collect();
        if !alternatives.iter().any(|a| contains_word_start(&stderr, a)) {
            report.push_str(&format!("  stderr lacks the expected text {expect:?}\n"));
        }
    }
    let snapshot = program.with_extension("stderr");
    if bless() {
        if let Err(e) = std::fs::write(&snapshot, &out.stderr) {
            report.push_str(&format!("  cannot write {}: {e}\n", rel_path(&snapshot)));
        }
    } else {
        match std::fs::read(&snapshot) {
            Ok(expected) if expected == out.stderr => {}
            Ok(expected) => {
                report.push_str("  stderr differs from the snapshot (-snapshot +actual):\n");
                report.push_str(&diff(&String::from_utf8_lossy(&expected), &stderr, 40));
            }
            Err(_) => report.push_str(&format!(
                "  no snapshot {}: write it with KILN_BLESS=1 and review it\n",
                rel_path(&snapshot)
            )),
        }
    }
    if report.is_empty() {
        return None;
    }
    report.push_str("  stderr:\n");
    report.push_str(&tail_lines(&stderr, 20));
    Some(report)
}

#[test]
fn diagnostics() {
    let kiln = kiln_bin();
    let programs = find_files(&workspace_root().join("tests/errors"), "py");
    let start = Instant::now();
    let results = parallel_map(&programs, jobs(), |p| check_diagnostic(&kiln, p));
    let mut failures = Failures::default();
    for (p, r) in programs.iter().zip(results) {
        if let Some(r) = r {
            failures.add(rel_path(p), r);
        }
    }
    println!(
        "diagnostics: {} programs, {} passed, {} failed{} in {:.1} s",
        programs.len(),
        programs.len() - failures.len(),
        failures.len(),
        if bless() { " (snapshots blessed)" } else { "" },
        start.elapsed().as_secs_f64()
    );
    failures.finish("diagnostics", "bless snapshots with KILN_BLESS=1 (the `# expect:` / `# at:` checks still apply)");
}

/// The test programs' own directives are well formed, and every snapshot has a program.
/// (Needs no kiln binary.)
#[test]
fn error_programs_are_well_formed() {
    let dir = workspace_root().join("tests/errors");
    let mut failures = Failures::default();
    let programs = find_files(&dir, "py");
    for p in &programs {
        if let Err(e) = spec_of(p) {
            failures.add(rel_path(p), format!("  {e}\n"));
        }
    }
    for s in find_files(&dir, "stderr") {
        if !s.with_extension("py").is_file() {
            failures.add(rel_path(&s), "  snapshot without a program\n");
        }
    }
    println!("error programs: {} well-formed checks", programs.len());
    failures.finish("error programs", "");
}

/// `kiln check` accepts every program that is meant to compile.
#[test]
fn check_accepts_valid_programs() {
    let kiln = kiln_bin();
    let root = workspace_root();
    let mut programs = Vec::new();
    for dir in ["tests/programs", "tests/kiln_only", "tests/ir", "tests/kernels", "examples", "benches"] {
        programs.extend(find_files(&root.join(dir), "py"));
    }
    // The benchmark runners are CPython scripts, not kiln programs.
    programs.retain(|p| !p.ends_with("run.py"));
    let results = parallel_map(&programs, jobs(), |p| {
        let rel = rel_path(p);
        let out = match run_with_timeout(&mut kiln_command(&kiln, ["check", rel.as_str()]), TIMEOUT) {
            Ok(o) => o,
            Err(e) => return Some(format!("  cannot start kiln: {e}\n")),
        };
        if out.code() == Some(0) && !out.panicked() {
            return None;
        }
        Some(format!(
            "  `kiln check {rel}`: {} (expected 0)\n  stderr:\n{}",
            out.describe(),
            tail_lines(&out.stderr_text(), 20)
        ))
    });
    let mut failures = Failures::default();
    for (p, r) in programs.iter().zip(results) {
        if let Some(r) = r {
            failures.add(rel_path(p), r);
        }
    }
    println!(
        "check: {} valid programs, {} accepted, {} rejected",
        programs.len(),
        programs.len() - failures.len(),
        failures.len()
    );
    failures.finish("check", "these programs are inside the subset and must type-check");
}

/// A file that does not exist is reported as an error, not a panic.
#[test]
fn missing_file_is_an_error() {
    let kiln = kiln_bin();
    let rel = "tests/errors/this_file_does_not_exist.py";
    let out = run_with_timeout(&mut kiln_command(&kiln, ["check", rel]), TIMEOUT).expect("kiln starts");
    let stderr = out.stderr_text();
    assert!(
        matches!(out.code(), Some(c) if c != 0) && !out.panicked() && stderr.starts_with("error"),
        "`kiln check {rel}` should fail with an `error: ...` message, got {}:\n{stderr}",
        out.describe()
    );
}
