//! IR snapshots: `kiln build --emit ir tests/ir/<name>.py -o -` must print exactly
//! `tests/ir/<name>.ir`. Write or update the snapshots with
//! `KILN_BLESS=1 cargo test -p kiln-tests --test ir_snapshots` and review them with `git diff`.

use std::time::Duration;

use kiln_tests::{
    bless, diff, find_files, jobs, kiln_bin, kiln_command, parallel_map, rel_path, run_with_timeout, tail_lines,
    workspace_root, Failures,
};

#[test]
fn ir_snapshots() {
    let kiln = kiln_bin();
    let programs = find_files(&workspace_root().join("tests/ir"), "py");
    let results = parallel_map(&programs, jobs(), |p| {
        let rel = rel_path(p);
        let args = ["build", "--emit", "ir", rel.as_str(), "-o", "-"];
        let out = match run_with_timeout(&mut kiln_command(&kiln, args), Duration::from_secs(60)) {
            Ok(o) => o,
            Err(e) => return Some(format!("  cannot start kiln: {e}\n")),
        };
        if out.code() != Some(0) || out.panicked() || out.stdout.is_empty() {
            return Some(format!(
                "  `kiln {}`: {}, {} bytes of IR on stdout\n  stderr:\n{}",
                args.join(" "),
                out.describe(),
                out.stdout.len(),
                tail_lines(&out.stderr_text(), 20)
            ));
        }
        let snapshot = p.with_extension("ir");
        if bless() {
            return std::fs::write(&snapshot, &out.stdout)
                .err()
                .map(|e| format!("  cannot write {}: {e}\n", rel_path(&snapshot)));
        }
        match std::fs::read(&snapshot) {
            Ok(expected) if expected == out.stdout => None,
            Ok(expected) => Some(format!(
                "  IR differs from {} (-snapshot +actual):\n{}",
                rel_path(&snapshot),
                diff(&String::from_utf8_lossy(&expected), &out.stdout_text(), 60)
            )),
            Err(_) => {
                Some(format!("  no snapshot {}: write it with KILN_BLESS=1 and review it\n", rel_path(&snapshot)))
            }
        }
    });
    let mut failures = Failures::default();
    for (p, r) in programs.iter().zip(results) {
        if let Some(r) = r {
            failures.add(rel_path(p), r);
        }
    }
    println!(
        "ir: {} programs, {} passed, {} failed{}",
        programs.len(),
        programs.len() - failures.len(),
        failures.len(),
        if bless() { " (snapshots blessed)" } else { "" }
    );
    failures.finish("ir", "bless snapshots with KILN_BLESS=1 after reviewing the change");
}
