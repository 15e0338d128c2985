//! Reading the CPython-generated case files of `tests/data/` (format: `tests/casefmt.py`)
//! and calling the runtime's C ABI from Rust.

#![allow(dead_code)]

use kiln_runtime::abi;
use kiln_runtime::KStr;

/// Undo `casefmt.esc`.
pub fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let mut hex = String::new();
                for h in it.by_ref() {
                    if h == '}' {
                        break;
                    }
                    hex.push(h);
                }
                let v = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(v).expect("valid char"));
            }
            other => panic!("bad escape {other:?} in {s:?}"),
        }
    }
    out
}

/// A float written as `0x` + 16 hex digits of its bits.
pub fn float_of(s: &str) -> f64 {
    let h = s.strip_prefix("0x").expect("float bits");
    f64::from_bits(u64::from_str_radix(h, 16).expect("hex bits"))
}

/// The lines of a data file, split into fields. `KILN_RT_CASES_DIR` replaces
/// `tests/data` (to run a larger, uncommitted data set made by the same generators).
pub fn cases(name: &str) -> Vec<Vec<String>> {
    let dir =
        std::env::var("KILN_RT_CASES_DIR").unwrap_or_else(|_| format!("{}/tests/data", env!("CARGO_MANIFEST_DIR")));
    let path = format!("{dir}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().filter(|l| !l.is_empty()).map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

/// A new runtime string.
pub fn kstr(s: &str) -> *const KStr {
    // SAFETY: valid bytes.
    unsafe { abi::kiln_rt_str_new(s.as_ptr(), s.len() as i64) }
}

/// The text of a runtime string.
pub fn text(s: *const KStr) -> String {
    // SAFETY: strings returned by the runtime are valid.
    unsafe { kiln_runtime::strings::as_str(s).to_string() }
}

/// The pending exception as CPython's last traceback line, cleared.
pub fn take_exception() -> String {
    let kind = abi::kiln_rt_exc_type_name();
    assert!(!kind.is_null(), "status 1 without a pending exception");
    let msg = text(abi::kiln_rt_exc_message());
    let line = if msg.is_empty() { text(kind) } else { format!("{}: {}", text(kind), msg) };
    abi::kiln_rt_exc_clear();
    line
}

/// `=text` or `!Exception: message` for a status call producing a string.
pub fn outcome_str(status: u8, out: *const KStr) -> String {
    if status == 0 {
        assert_eq!(abi::kiln_rt_exc_pending(), 0);
        format!("={}", text(out))
    } else {
        format!("!{}", take_exception())
    }
}

/// Collects mismatches and fails with the first few after checking everything.
pub struct Report {
    pub name: &'static str,
    pub checked: usize,
    pub failures: Vec<String>,
}

impl Report {
    pub fn new(name: &'static str) -> Report {
        Report { name, checked: 0, failures: Vec::new() }
    }

    pub fn check(&mut self, what: impl FnOnce() -> String, got: &str, want: &str) {
        self.checked += 1;
        if got != want {
            self.failures.push(format!("{}\n      got:  {got:?}\n      want: {want:?}", what()));
        }
    }

    pub fn finish(self) {
        eprintln!("{}: {} cases checked", self.name, self.checked);
        assert!(self.checked > 0, "{}: no cases", self.name);
        if !self.failures.is_empty() {
            let shown: Vec<&String> = self.failures.iter().take(40).collect();
            panic!(
                "{}: {} of {} cases differ from CPython:\n  {}",
                self.name,
                self.failures.len(),
                self.checked,
                shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
            );
        }
    }
}
