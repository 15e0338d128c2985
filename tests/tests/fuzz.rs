//! Fuzz smoke test of the frontend: `kiln check` on a few thousand broken inputs must always end
//! cleanly -- exit status 0, 1 or 2, never a signal or a hang, never a Rust panic, and with
//! status 2 a stderr that starts with `error`.
//!
//! Inputs are deterministic (xorshift64*, seed `KILN_FUZZ_SEED`): mutants of every corpus program
//! (delete / duplicate / swap lines, re-indent a line, delete a byte range, insert tokens, truncate,
//! and combinations), random bytes (invalid UTF-8 included), random printable text and random
//! token soups. They run in parallel until the time budget `KILN_FUZZ_SECONDS` (default 60) is
//! spent. A failing input is kept under `target/tmp/fuzz-failures/` for reproduction:
//! `kiln check target/tmp/fuzz-failures/<file>.py`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kiln_tests::{
    find_files, jobs, kiln_bin, kiln_command, parallel_map, rel_path, run_with_timeout, scratch_dir, workspace_root,
    Failures,
};

const PER_INPUT_TIMEOUT: Duration = Duration::from_secs(10);
const MUTANTS_PER_FILE: usize = 20;
const RANDOM_BYTES: usize = 250;
const RANDOM_TEXT: usize = 250;
const TOKEN_SOUPS: usize = 500;

/// xorshift64* -- small, fast, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    // keywords
    "def",
    "return",
    "if",
    "elif",
    "else",
    "while",
    "for",
    "in",
    "break",
    "continue",
    "pass",
    "import",
    "from",
    "as",
    "global",
    "nonlocal",
    "lambda",
    "class",
    "try",
    "except",
    "finally",
    "with",
    "yield",
    "assert",
    "raise",
    "del",
    "not",
    "and",
    "or",
    "is",
    "None",
    "True",
    "False",
    "async",
    "await",
    "match",
    "case",
    // operators and punctuation
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "%=",
    "**=",
    "&=",
    "|=",
    "^=",
    ">>=",
    "<<=",
    ":=",
    "->",
    ".",
    ",",
    ":",
    ";",
    "@",
    "...",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    // literals, some of them malformed or out of range
    "0",
    "1",
    "-1",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999999",
    "1.5",
    "1e308",
    "1e999",
    "0x",
    "0xFFFF",
    "0b2",
    "0o9",
    "1_",
    "1__0",
    ".5",
    "5.",
    "1j",
    "\"s\"",
    "'x'",
    "\"\"",
    "f\"{x}\"",
    "f\"{x:>{w}}\"",
    "f\"{\"",
    "f\"}\"",
    "f\"{x!r:10}\"",
    "\"\"\"",
    "'''",
    "'\\",
    "\"unterminated",
    "b\"bytes\"",
    "r\"\\d\"",
    "\"\\N{BAD NAME}\"",
    "\"\\xZZ\"",
    // names
    "x",
    "y",
    "n",
    "xs",
    "print",
    "range",
    "len",
    "str",
    "int",
    "float",
    "list",
    "math",
    "math.sqrt",
    "math.nope",
    "time",
    "time.time",
    "append",
    "__init__",
    "self",
    "_",
    // layout and odd characters
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    "#",
    "# comment",
    "\\\n",
    "\u{e9}",
    "\u{1F389}",
    "\u{0}",
    "\u{feff}",
    "\r\n",
    "\u{2028}",
];

fn split_lines(src: &[u8]) -> Vec<Vec<u8>> {
    src.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

fn mutate_once(rng: &mut Rng, src: &mut Vec<u8>) {
    let mut lines = split_lines(src);
    match rng.below(8) {
        0 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            lines.remove(i);
        }
        1 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            let l = lines[i].clone();
            let at = rng.below(lines.len() + 1);
            lines.insert(at, l);
        }
        2 if lines.len() >= 2 => {
            let i = rng.below(lines.len());
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            if rng.below(2) == 0 {
                lines[i].splice(0..0, b"    ".iter().copied());
            } else {
                let strip = lines[i].iter().take_while(|&&b| b == b' ').count().min(4);
                lines[i].drain(..strip);
            }
        }
        4 if !src.is_empty() => {
            let start = rng.below(src.len());
            let len = 1 + rng.below(20);
            let end = (start + len).min(src.len());
            src.drain(start..end);
            return;
        }
        5 => {
            let at = rng.below(src.len() + 1);
            let mut tok = rng.pick(TOKENS).as_bytes().to_vec();
            if rng.below(2) == 0 {
                tok.push(b' ');
            }
            src.splice(at..at, tok);
            return;
        }
        6 if !src.is_empty() => {
            let at = rng.below(src.len());
            src.truncate(at);
            return;
        }
        _ => {
            // replace one byte with a random one
            if !src.is_empty() {
                let at = rng.below(src.len());
                src[at] = (rng.next() & 0xff) as u8;
            }
            return;
        }
    }
    *src = lines.concat();
}

fn token_soup(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let n = 5 + rng.below(80);
    for _ in 0..n {
        out.extend_from_slice(rng.pick(TOKENS).as_bytes());
        out.push(if rng.below(6) == 0 { b'\n' } else { b' ' });
    }
    out
}

/// Generate all inputs, deterministically, in a shuffled order so that a run cut short by the
/// time budget still covers every kind.
fn generate(corpus: &[(String, Vec<u8>)], seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng::new(seed);
    let mut inputs = Vec::new();
    for (name, src) in corpus {
        for k in 0..MUTANTS_PER_FILE {
            let mut m = src.clone();
            let rounds = if k % 4 == 3 { 2 + rng.below(6) } else { 1 };
            for _ in 0..rounds {
                mutate_once(&mut rng, &mut m);
            }
            inputs.push((format!("mutant {k} of {name}"), m));
        }
    }
    for k in 0..RANDOM_BYTES {
        let len = rng.below(400);
        let bytes = (0..len).map(|_| (rng.next() & 0xff) as u8).collect();
        inputs.push((format!("random bytes {k}"), bytes));
    }
    for k in 0..RANDOM_TEXT {
        let len = rng.below(400);
        let text = (0..len)
            .map(|_| match rng.below(10) {
                0 => b'\n',
                1 => b' ',
                _ => 0x21 + (rng.below(94) as u8),
            })
            .collect();
        inputs.push((format!("random text {k}"), text));
    }
    for k in 0..TOKEN_SOUPS {
        inputs.push((format!("token soup {k}"), token_soup(&mut rng)));
    }
    for i in (1..inputs.len()).rev() {
        let j = rng.below(i + 1);
        inputs.swap(i, j);
    }
    inputs
}

/// Why this outcome is not acceptable, or `None`.
fn judge(out: &kiln_tests::Outcome) -> Option<String> {
    if out.timed_out {
        return Some(format!("hung: {}", out.describe()));
    }
    let code = match out.code() {
        Some(c) => c,
        None => return Some(out.describe()),
    };
    if !(0..=2).contains(&code) {
        return Some(format!("unexpected exit status {code}"));
    }
    if out.panicked() {
        return Some("Rust panic in stderr".to_string());
    }
    if code == 2 && !out.stderr_text().starts_with("error") {
        return Some("exit status 2 but stderr does not start with `error`".to_string());
    }
    None
}

#[test]
fn fuzz_check_never_crashes() {
    let kiln = kiln_bin();
    let root = workspace_root();
    let seed = std::env::var("KILN_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x6b69_6c6e_u64);
    let budget =
        Duration::from_secs(std::env::var("KILN_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60));
    let mut corpus = Vec::new();
    for dir in ["tests/programs", "tests/errors", "tests/kiln_only", "tests/ir", "examples"] {
        for p in find_files(&root.join(dir), "py") {
            if let Ok(src) = std::fs::read(&p) {
                corpus.push((rel_path(&p), src));
            }
        }
    }
    let inputs = generate(&corpus, seed);
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let work = scratch_dir(&tmp, "fuzz");
    let keep = tmp.join("fuzz-failures");
    let start = Instant::now();
    let ran = AtomicUsize::new(0);
    let indices: Vec<usize> = (0..inputs.len()).collect();
    let results = parallel_map(&indices, jobs(), |&i| {
        if start.elapsed() >= budget {
            return None;
        }
        let (what, bytes) = &inputs[i];
        let path = work.join(format!("in{i:05}.py"));
        if let Err(e) = std::fs::write(&path, bytes) {
            return Some((what.clone(), format!("cannot write input: {e}"), path));
        }
        let rel = rel_path(&path);
        ran.fetch_add(1, Ordering::SeqCst);
        let verdict = match run_with_timeout(&mut kiln_command(&kiln, ["check", rel.as_str()]), PER_INPUT_TIMEOUT) {
            Ok(out) => judge(&out).map(|why| {
                let err = out.stderr_text();
                let first: Vec<&str> = err.lines().take(6).collect();
                format!("{why}\n      stderr: {}", first.join("\n              "))
            }),
            Err(e) => Some(format!("cannot start kiln: {e}")),
        };
        match verdict {
            None => {
                let _ = std::fs::remove_file(&path);
                None
            }
            Some(why) => Some((what.clone(), why, path)),
        }
    });
    let ran = ran.load(Ordering::SeqCst);
    let mut failures = Failures::default();
    for (what, why, path) in results.into_iter().flatten() {
        let _ = std::fs::create_dir_all(&keep);
        let name = path.file_name().map(|n| n.to_owned()).unwrap_or_default();
        let kept = keep.join(&name);
        let _ = std::fs::copy(&path, &kept);
        failures.add(
            format!("{} ({what})", Path::new(&name).display()),
            format!("  {why}\n  input kept at {}\n", kept.display()),
        );
    }
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "fuzz: {ran} of {} inputs run in {:.1} s (seed {seed}, budget {} s), {} failed",
        inputs.len(),
        start.elapsed().as_secs_f64(),
        budget.as_secs(),
        failures.len()
    );
    assert!(ran > 0, "no fuzz input was run");
    failures.finish(
        "fuzz",
        "each failing input is kept under target/tmp/fuzz-failures/; reproduce with `kiln check <file>`",
    );
}

#[test]
fn generation_is_deterministic() {
    let corpus = vec![("sample".to_string(), b"def f(x):\n    return x + 1\n\nprint(f(2))\n".to_vec())];
    let a = generate(&corpus, 7);
    let b = generate(&corpus, 7);
    assert_eq!(a, b);
    assert_eq!(a.len(), MUTANTS_PER_FILE + RANDOM_BYTES + RANDOM_TEXT + TOKEN_SOUPS);
    assert_ne!(a, generate(&corpus, 8));
}
