//! Shared helpers for kiln's end-to-end suites (`tests/tests/*.rs`).
//!
//! The suites drive the `kiln` binary as a user would: as a subprocess, from the workspace root,
//! with stdin closed and a timeout. Nothing here links against the compiler crates, so the suites
//! build even while the compiler does not.
//!
//! Environment variables understood by the suites:
//!
//! | variable | effect |
//! | --- | --- |
//! | `KILN_BIN` | the kiln binary to test (default: `target/release/kiln`, else `target/debug/kiln`) |
//! | `KILN_BLESS=1` | write the diagnostic and IR snapshots instead of comparing them |
//! | `KILN_TEST_FILTER` | only files whose workspace-relative path contains this text |
//! | `KILN_TEST_JOBS` | parallel subprocesses (default: the number of cores) |
//! | `KILN_PYTHON` | the CPython used to check the stored expectations (default `python3`) |
//! | `KILN_FUZZ_SECONDS`, `KILN_FUZZ_SEED` | time budget and seed of the fuzz smoke test |
//! | `CI` | when set, a missing `python3` fails the expectation check instead of skipping it |

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// At most this much of a child's stdout or stderr is kept; the rest is read and dropped.
const OUTPUT_CAP: usize = 32 << 20;

/// The workspace root (the parent of this package's directory).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent directory").to_path_buf()
}

/// Where the kiln binary is: `KILN_BIN`, else `<target>/release/kiln`, else `<target>/debug/kiln`
/// (with `<target>` being `CARGO_TARGET_DIR` if set, then `<workspace>/target`).
pub fn find_kiln() -> Result<PathBuf, String> {
    let exe = format!("kiln{}", std::env::consts::EXE_SUFFIX);
    if let Some(p) = std::env::var_os("KILN_BIN") {
        let p = PathBuf::from(p);
        return if p.is_file() { Ok(p) } else { Err(format!("KILN_BIN={} is not a file", p.display())) };
    }
    let root = workspace_root();
    let mut targets = Vec::new();
    if let Some(t) = std::env::var_os("CARGO_TARGET_DIR") {
        let t = PathBuf::from(t);
        targets.push(if t.is_absolute() { t } else { root.join(t) });
    }
    targets.push(root.join("target"));
    let mut looked = Vec::new();
    for t in &targets {
        for profile in ["release", "debug"] {
            let candidate = t.join(profile).join(&exe);
            if candidate.is_file() {
                return Ok(candidate);
            }
            looked.push(candidate.display().to_string());
        }
    }
    Err(format!(
        "the kiln binary was not found. Build it first:\n    cargo build --release -p kiln\n\
         (or `cargo build -p kiln`), or set KILN_BIN to its path. Looked in:\n    {}",
        looked.join("\n    ")
    ))
}

/// The kiln binary; panics with instructions when it has not been built (never skips silently).
pub fn kiln_bin() -> PathBuf {
    match find_kiln() {
        Ok(p) => {
            eprintln!("using kiln binary {}", p.display());
            p
        }
        Err(msg) => panic!("{msg}"),
    }
}

/// A `Command` for kiln, run from the workspace root with colours off.
pub fn kiln_command<I, S>(kiln: &Path, args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut cmd = Command::new(kiln);
    cmd.args(args).current_dir(workspace_root()).env("NO_COLOR", "1").env("CLICOLOR", "0").env("TERM", "dumb");
    cmd
}

/// `KILN_BLESS=1`: write snapshots instead of comparing.
/// Whether the CUDA driver library can be found; suites print "skipped: no CUDA driver" for
/// their cuda runs otherwise.
pub fn cuda_driver_present() -> bool {
    let dirs = ["/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/lib64", "/usr/lib/wsl/lib"];
    let found =
        dirs.iter().any(|d| Path::new(d).join("libcuda.so.1").exists() || Path::new(d).join("libcuda.so").exists());
    static ONCE: std::sync::Once = std::sync::Once::new();
    if !found {
        ONCE.call_once(|| println!("cuda device runs: skipped: no CUDA driver (libcuda.so not found)"));
    }
    found
}

pub fn bless() -> bool {
    std::env::var("KILN_BLESS").is_ok_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// Number of subprocesses to run at once.
pub fn jobs() -> usize {
    std::env::var("KILN_TEST_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| thread::available_parallelism().map_or(2, |n| n.get()))
}

/// `KILN_TEST_FILTER`: keep only paths containing this text.
pub fn matches_filter(rel: &str) -> bool {
    match std::env::var("KILN_TEST_FILTER") {
        Ok(f) if !f.is_empty() => rel.contains(&f),
        _ => true,
    }
}

/// Whether `path` is a module of a multi-file program rather than a program: a directory
/// at or above it (below `root`) holds that program's `main.py`.
pub fn is_program_module(root: &Path, path: &Path) -> bool {
    path.ancestors().skip(1).take_while(|a| a.starts_with(root) && *a != root).any(|a| {
        let main = a.join("main.py");
        main.is_file() && main != path
    })
}

/// All files under `dir` (recursively) whose name ends in `.{ext}`, sorted, filtered by
/// `KILN_TEST_FILTER`; for `.py`, the modules of multi-file programs are left out (their
/// `main.py` stands for them).
pub fn find_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, out);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, ext, &mut out);
    out.sort();
    out.retain(|p| matches_filter(&rel_path(p)) && !(ext == "py" && is_program_module(dir, p)));
    out
}

/// `path` relative to the workspace root, with `/` separators.
pub fn rel_path(path: &Path) -> String {
    let root = workspace_root();
    let rel = path.strip_prefix(&root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// A fresh scratch directory `<base>/<name>` (emptied if it exists).
pub fn scratch_dir(base: &Path, name: &str) -> PathBuf {
    let dir = base.join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// What a finished (or killed) subprocess did.
#[derive(Debug)]
pub struct Outcome {
    /// `None` only when waiting for the child failed.
    pub status: Option<ExitStatus>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
    pub elapsed: Duration,
}

impl Outcome {
    /// The exit code; `None` when killed by a signal or timed out.
    pub fn code(&self) -> Option<i32> {
        if self.timed_out {
            return None;
        }
        self.status.and_then(|s| s.code())
    }

    /// The signal that ended the process, if any (always `None` off Unix).
    pub fn signal(&self) -> Option<i32> {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            self.status.and_then(|s| s.signal())
        }
        #[cfg(not(unix))]
        {
            None
        }
    }

    /// "exit status 1", "killed by signal 11 (SIGSEGV)", "timed out after 60.0 s".
    pub fn describe(&self) -> String {
        if self.timed_out {
            return format!("timed out after {:.1} s (killed)", self.elapsed.as_secs_f64());
        }
        if let Some(code) = self.code() {
            return format!("exit status {code}");
        }
        if let Some(sig) = self.signal() {
            return format!("killed by signal {sig} ({})", signal_name(sig));
        }
        "no exit status".to_string()
    }

    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Signs of a Rust panic in stderr (kiln must never panic, whatever its input).
    pub fn panicked(&self) -> bool {
        let err = self.stderr_text();
        err.contains("panicked") || err.contains("RUST_BACKTRACE")
    }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        1 => "SIGHUP",
        2 => "SIGINT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "?",
    }
}

fn spawn_reader<R: Read + Send + 'static>(mut r: R) -> mpsc::Receiver<Vec<u8>> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 64 * 1024];
        loop {
            match r.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        let _ = tx.send(kept);
    });
    rx
}

/// Kill the child and everything in its process group (it was started as a group leader).
fn kill_tree(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

/// Run `cmd` with stdin closed, capturing stdout and stderr, killing it (and its process group)
/// after `timeout`.
pub fn run_with_timeout(cmd: &mut Command, timeout: Duration) -> std::io::Result<Outcome> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let out_rx = spawn_reader(child.stdout.take().expect("stdout is piped"));
    let err_rx = spawn_reader(child.stderr.take().expect("stderr is piped"));
    let mut timed_out = false;
    let mut pause = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break Some(st),
            Ok(None) => {}
            Err(_) => break None,
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            kill_tree(&mut child);
            break child.wait().ok();
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(25));
    };
    let elapsed = start.elapsed();
    // A grandchild that outlives the child can keep the pipes open: give it a moment, then kill
    // the group.
    let mut collect = |rx: &mpsc::Receiver<Vec<u8>>| match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(v) => v,
        Err(_) => {
            kill_tree(&mut child);
            rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default()
        }
    };
    let stdout = collect(&out_rx);
    let stderr = collect(&err_rx);
    Ok(Outcome { status, stdout, stderr, timed_out, elapsed })
}

/// Apply `f` to every item on `jobs` threads; results come back in the items' order.
pub fn parallel_map<T, R, F>(items: &[T], jobs: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    let workers = jobs.clamp(1, items.len().max(1));
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

/// The last non-empty line of `text`, trimmed.
pub fn last_nonempty_line(text: &str) -> &str {
    text.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or("")
}

/// The last `n` lines of `text`, indented, for failure reports.
pub fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut out = String::new();
    if start > 0 {
        let _ = writeln!(out, "    ... ({start} earlier lines)");
    }
    for l in &lines[start..] {
        let _ = writeln!(out, "    {l}");
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Same,
    Del,
    Add,
}

/// A unified-style line diff of `expected` against `actual` (`-` expected, `+` actual), with a
/// little context, at most about `max_lines` lines long.
pub fn diff(expected: &str, actual: &str, max_lines: usize) -> String {
    if expected == actual {
        return String::new();
    }
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    if a == b {
        return format!(
            "    (the texts differ only in line endings or the final newline: expected {} bytes, got {})\n",
            expected.len(),
            actual.len()
        );
    }
    let mut pre = 0;
    while pre < a.len() && pre < b.len() && a[pre] == b[pre] {
        pre += 1;
    }
    let mut suf = 0;
    while suf < a.len() - pre && suf < b.len() - pre && a[a.len() - 1 - suf] == b[b.len() - 1 - suf] {
        suf += 1;
    }
    let (am, bm) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<(Op, usize, usize)> = Vec::new(); // (op, index in a, index in b)
    for i in 0..pre {
        ops.push((Op::Same, i, i));
    }
    if am.len().saturating_mul(bm.len()) <= 4_000_000 {
        // longest common subsequence on the differing middle
        let (n, m) = (am.len(), bm.len());
        let mut t = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                t[i * (m + 1) + j] = if am[i] == bm[j] {
                    t[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                ops.push((Op::Same, pre + i, pre + j));
                i += 1;
                j += 1;
            } else if j < m && (i == n || t[i * (m + 1) + j + 1] >= t[(i + 1) * (m + 1) + j]) {
                ops.push((Op::Add, pre + i, pre + j));
                j += 1;
            } else {
                ops.push((Op::Del, pre + i, pre + j));
                i += 1;
            }
        }
    } else {
        for i in 0..am.len() {
            ops.push((Op::Del, pre + i, pre));
        }
        for j in 0..bm.len() {
            ops.push((Op::Add, pre + am.len(), pre + j));
        }
    }
    for k in 0..suf {
        ops.push((Op::Same, a.len() - suf + k, b.len() - suf + k));
    }
    // render hunks with 2 lines of context
    const CONTEXT: usize = 2;
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != Op::Same).collect();
    let mut show = vec![false; ops.len()];
    for &k in &changed {
        let lo = k.saturating_sub(CONTEXT);
        let hi = (k + CONTEXT).min(ops.len() - 1);
        for s in show.iter_mut().take(hi + 1).skip(lo) {
            *s = true;
        }
    }
    let mut out = String::new();
    let mut printed = 0;
    let mut k = 0;
    while k < ops.len() {
        if !show[k] {
            k += 1;
            continue;
        }
        let (_, ai, bi) = ops[k];
        let _ = writeln!(out, "    @@ expected line {}, actual line {} @@", ai + 1, bi + 1);
        while k < ops.len() && show[k] {
            let (op, ai, bi) = ops[k];
            let line = match op {
                Op::Same => format!("     {}", a[ai]),
                Op::Del => format!("    -{}", a[ai]),
                Op::Add => format!("    +{}", b[bi]),
            };
            if printed >= max_lines {
                let rest = changed.iter().filter(|&&c| c >= k).count();
                let _ = writeln!(out, "    ... diff truncated ({rest} more changed lines)");
                return out;
            }
            out.push_str(&line);
            out.push('\n');
            printed += 1;
            k += 1;
        }
    }
    if expected.ends_with('\n') != actual.ends_with('\n') {
        let _ = writeln!(
            out,
            "    (also: expected text {} with a newline, actual {})",
            if expected.ends_with('\n') { "ends" } else { "does not end" },
            if actual.ends_with('\n') { "does" } else { "does not" }
        );
    }
    out
}

/// What a differential program must produce: stdout, exit status and (for a non-zero exit) the
/// start of the last stderr line.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub stdout: Vec<u8>,
    pub exit: i32,
    pub stderr_tail: Option<String>,
}

impl Expectation {
    /// Load `<stem>.out`, `<stem>.exit` and (if present) `<stem>.stderr_tail` beside `program`.
    pub fn load(program: &Path) -> Result<Expectation, String> {
        let out = program.with_extension("out");
        let exit = program.with_extension("exit");
        let tail = program.with_extension("stderr_tail");
        let stdout = std::fs::read(&out).map_err(|e| format!("{}: {e}", rel_path(&out)))?;
        let exit_text = std::fs::read_to_string(&exit).map_err(|e| format!("{}: {e}", rel_path(&exit)))?;
        let exit: i32 =
            exit_text.trim().parse().map_err(|e| format!("{}: not an exit status: {e}", rel_path(&exit)))?;
        let stderr_tail = match std::fs::read_to_string(&tail) {
            Ok(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
            Err(_) => None,
        };
        Ok(Expectation { stdout, exit, stderr_tail })
    }

    /// Compare a run against this expectation; `None` when it matches, else a report.
    pub fn check(&self, got: &Outcome) -> Option<String> {
        let mut report = String::new();
        if got.timed_out || got.code().is_none() {
            let _ = writeln!(report, "  {} (expected exit status {})", got.describe(), self.exit);
        } else if got.code() != Some(self.exit) {
            let _ = writeln!(report, "  exit status: expected {}, got {}", self.exit, got.code().unwrap_or(-1));
        }
        if got.panicked() {
            let _ = writeln!(report, "  stderr shows a Rust panic");
        }
        if got.stdout != self.stdout {
            let expected = String::from_utf8_lossy(&self.stdout);
            let actual = got.stdout_text();
            let _ = writeln!(report, "  stdout differs (-expected +actual):");
            report.push_str(&diff(&expected, &actual, 40));
        }
        if let Some(tail) = &self.stderr_tail {
            let err = got.stderr_text();
            let last = last_nonempty_line(&err);
            if !last.starts_with(tail.as_str()) {
                let _ = writeln!(report, "  last line of stderr should start with {tail:?}, got {last:?}");
            }
        }
        if report.is_empty() {
            return None;
        }
        if !got.stderr.is_empty() {
            let _ = writeln!(report, "  stderr:");
            report.push_str(&tail_lines(&got.stderr_text(), 15));
        }
        Some(report)
    }
}

/// The first line of a file, used for markers like `# kiln: build`.
pub fn first_line(path: &Path) -> String {
    std::fs::read_to_string(path).ok().and_then(|s| s.lines().next().map(str::to_string)).unwrap_or_default()
}

/// Directives in the leading comment lines of a file: `# key: value` → `(key, value)`, in order.
pub fn directives(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if !line.starts_with('#') {
            break;
        }
        let body = line.trim_start_matches('#').trim();
        if let Some((key, value)) = body.split_once(':') {
            let key = key.trim();
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                out.push((key.to_string(), value.trim().to_string()));
            }
        }
    }
    out
}

/// Does `haystack` contain `needle` case-insensitively, starting at a word start (the character
/// before the match is not alphanumeric or `_`)? So `int` matches "expected `int`" and
/// "integer", but not "print".
pub fn contains_word_start(haystack: &str, needle: &str) -> bool {
    let h = haystack.to_lowercase();
    let n = needle.to_lowercase();
    if n.is_empty() {
        return true;
    }
    let mut from = 0;
    while let Some(pos) = h[from..].find(&n) {
        let at = from + pos;
        let before = h[..at].chars().next_back();
        let starts_word = n.starts_with(|c: char| !(c.is_alphanumeric() || c == '_'));
        if starts_word || !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return true;
        }
        from = at + h[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Collect failures from many checks and report them once at the end.
#[derive(Default)]
pub struct Failures {
    list: BTreeMap<String, String>,
}

impl Failures {
    pub fn add(&mut self, what: impl Into<String>, report: impl Into<String>) {
        self.list.insert(what.into(), report.into());
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Print every failure, then panic with the list of names if there were any.
    pub fn finish(self, suite: &str, hint: &str) {
        if self.list.is_empty() {
            return;
        }
        for (what, report) in &self.list {
            eprintln!("\n--- FAIL {what}\n{report}");
        }
        let names: Vec<&str> = self.list.keys().map(String::as_str).collect();
        panic!("{suite}: {} failure(s):\n  {}\n{hint}", names.len(), names.join("\n  "));
    }
}

/// A snapshot suite: for every `<dir>/<name>.py`, `kiln build --emit <emit> <name>.py -o -`
/// must print exactly `<name>.<ext>`; `check` may reject the output on its own (e.g. WGSL
/// that naga does not validate). `KILN_BLESS=1` writes the snapshots instead.
pub fn snapshot_suite(suite: &str, dir: &str, emit: &str, ext: &str, check: fn(&str) -> Result<(), String>) {
    let kiln = kiln_bin();
    let programs = find_files(&workspace_root().join(dir), "py");
    let results = parallel_map(&programs, jobs(), |p| {
        let rel = rel_path(p);
        let args = ["build", "--emit", emit, rel.as_str(), "-o", "-"];
        let out = match run_with_timeout(&mut kiln_command(&kiln, args), Duration::from_secs(60)) {
            Ok(o) => o,
            Err(e) => return Some(format!("  cannot start kiln: {e}\n")),
        };
        if out.code() != Some(0) || out.panicked() || out.stdout.is_empty() {
            return Some(format!(
                "  `kiln {}`: {}, {} bytes on stdout\n  stderr:\n{}",
                args.join(" "),
                out.describe(),
                out.stdout.len(),
                tail_lines(&out.stderr_text(), 20)
            ));
        }
        if let Err(e) = check(&out.stdout_text()) {
            return Some(format!("  the {emit} output is invalid: {e}\n"));
        }
        let snapshot = p.with_extension(ext);
        if bless() {
            return std::fs::write(&snapshot, &out.stdout)
                .err()
                .map(|e| format!("  cannot write {}: {e}\n", rel_path(&snapshot)));
        }
        match std::fs::read(&snapshot) {
            Ok(expected) if expected == out.stdout => None,
            Ok(expected) => Some(format!(
                "  {emit} differs from {} (-snapshot +actual):\n{}",
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
        "{suite}: {} programs, {} passed, {} failed{}",
        programs.len(),
        programs.len() - failures.len(),
        failures.len(),
        if bless() { " (snapshots blessed)" } else { "" }
    );
    failures.finish(suite, "bless snapshots with KILN_BLESS=1 after reviewing the change");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changed_lines() {
        let d = diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", 40);
        assert!(d.contains("-b"), "{d}");
        assert!(d.contains("+B"), "{d}");
        assert!(d.contains("+e"), "{d}");
        assert!(!d.contains("-c"), "{d}");
        assert!(diff("x\n", "x\n", 40).is_empty());
        assert!(diff("x\n", "x", 40).contains("final newline"));
    }

    #[test]
    fn diff_is_bounded() {
        let a: String = (0..1000).map(|i| format!("{i}\n")).collect();
        let b: String = (0..1000).map(|i| format!("{}\n", i * 2)).collect();
        let d = diff(&a, &b, 30);
        assert!(d.lines().count() < 40, "{d}");
        assert!(d.contains("truncated"));
    }

    #[test]
    fn word_start_matching() {
        assert!(contains_word_start("expected `int`, found `str`", "int"));
        assert!(contains_word_start("Integer expected", "int"));
        assert!(!contains_word_start("print(x)", "int"));
        assert!(contains_word_start("No module named 'x'", "no module"));
        assert!(contains_word_start("kiln does not support slicing yet", "slic"));
        assert!(contains_word_start("héllo wörld", "WÖRLD"));
        assert!(!contains_word_start("abc", "abcd"));
    }

    #[test]
    fn directives_stop_at_code() {
        let d = directives("# title line\n# expect: not defined\n# at: 3\nx = 1\n# expect: no\n");
        assert_eq!(d, vec![("expect".to_string(), "not defined".to_string()), ("at".to_string(), "3".to_string())]);
    }

    #[test]
    fn timeout_kills() {
        let mut cmd = Command::new("sleep");
        cmd.arg("10");
        let out = run_with_timeout(&mut cmd, Duration::from_millis(200)).expect("sleep runs");
        assert!(out.timed_out);
        assert!(out.elapsed < Duration::from_secs(5));
        assert!(out.describe().contains("timed out"));
    }

    #[test]
    fn captures_output_and_status() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo out; echo err >&2; exit 3"]);
        let out = run_with_timeout(&mut cmd, Duration::from_secs(10)).expect("sh runs");
        assert_eq!(out.code(), Some(3));
        assert_eq!(out.stdout, b"out\n");
        assert_eq!(out.stderr, b"err\n");
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "kill -SEGV $$"]);
        let out = run_with_timeout(&mut cmd, Duration::from_secs(10)).expect("sh runs");
        assert_eq!(out.signal(), Some(11));
        assert!(out.describe().contains("SIGSEGV"));
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<u64> = (0..100).collect();
        let out = parallel_map(&items, 4, |x| x * x);
        assert_eq!(out, items.iter().map(|x| x * x).collect::<Vec<_>>());
    }
}
