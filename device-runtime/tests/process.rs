//! Whole-program tests: each scenario is a small "compiled program" (an `extern "C" fn()
//! -> u8` written in Rust against the C ABI, doing what generated code does) run through
//! `kiln_rt_main` in a child process, checking its stdout, stderr and exit status. Also
//! links a C program against `libkiln_runtime.a` the way `kiln build` does.
//!
//! `harness = false`: `main` runs on the process's primordial thread, like an AOT binary.
//! The child re-runs this executable with `KILN_RT_SCENARIO` set.

use std::ffi::{c_char, CString};
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;

use kiln_runtime::abi::{self, kiln_rt_stack_limit};
use kiln_runtime::{KList, KStr};

fn s(text: &str) -> *const KStr {
    // SAFETY: valid bytes.
    unsafe { abi::kiln_rt_str_new(text.as_ptr(), text.len() as i64) }
}

fn print(text: &str) {
    // SAFETY: a valid string.
    unsafe { abi::kiln_rt_print_str(s(text)) }
}

fn push_frame(func: &str, line: i64) {
    // SAFETY: valid strings.
    unsafe { abi::kiln_rt_traceback_push(s("prog.py"), s(func), line) }
}

// ---- scenarios -------------------------------------------------------------------------

extern "C" fn hello() -> u8 {
    print("hello ");
    abi::kiln_rt_print_int(-42);
    print(" ");
    abi::kiln_rt_print_float(0.1 + 0.2);
    print(" ");
    abi::kiln_rt_print_bool(1);
    print(" ");
    abi::kiln_rt_print_none();
    print("\n");
    0
}

fn f_divides(x: i64) -> u8 {
    if x == 0 {
        // SAFETY: valid strings.
        unsafe { abi::kiln_rt_raise(s("ZeroDivisionError"), s("integer division or modulo by zero")) };
        push_frame("f", 4);
        return 1;
    }
    0
}

extern "C" fn uncaught() -> u8 {
    print("before\n");
    if f_divides(0) != 0 {
        push_frame("<module>", 9);
        return 1;
    }
    print("not reached\n");
    0
}

extern "C" fn caught() -> u8 {
    // try: f(0) except ArithmeticError as e: print("caught", e)
    if f_divides(0) != 0 {
        // SAFETY: valid strings.
        let matches = unsafe { abi::kiln_rt_exc_matches(s("ArithmeticError")) };
        assert_eq!(matches, 1);
        let msg = abi::kiln_rt_exc_message();
        abi::kiln_rt_exc_clear();
        print("caught ");
        // SAFETY: a valid string.
        unsafe { abi::kiln_rt_print_str(msg) };
        print("\n");
    }
    0
}

static mut MAX_DEPTH: i64 = 0;

/// A recursive "kiln function" with the stack check compiled code performs at entry.
#[inline(never)]
extern "C" fn recurse(depth: i64) -> u8 {
    let marker = [0u8; 64];
    let sp = std::hint::black_box(&marker) as *const _ as usize;
    if sp < kiln_rt_stack_limit.load(Ordering::Relaxed) {
        // SAFETY: single-threaded scenario.
        unsafe { MAX_DEPTH = depth };
        abi::kiln_rt_stack_overflow();
        push_frame("f", 3);
        return 1;
    }
    if recurse(depth + 1) != 0 {
        push_frame("f", 3);
        return 1;
    }
    0
}

extern "C" fn recursion() -> u8 {
    assert_ne!(kiln_rt_stack_limit.load(Ordering::Relaxed), 0);
    if recurse(0) != 0 {
        // SAFETY: single-threaded scenario.
        let depth = unsafe { MAX_DEPTH };
        // 256 MiB of stack: far deeper than the 8 MiB default would allow.
        print(if depth > 200_000 { "deep\n" } else { "shallow\n" });
        push_frame("<module>", 5);
        return 1;
    }
    0
}

extern "C" fn system_exit() -> u8 {
    print("bye\n");
    abi::kiln_rt_raise_system_exit(3);
    1
}

extern "C" fn big_output() -> u8 {
    for i in 0..100_000 {
        abi::kiln_rt_print_int(i);
        print("\n");
    }
    0
}

extern "C" fn endless_output() -> u8 {
    loop {
        print("y\n");
    }
}

extern "C" fn argv_list() -> u8 {
    let list = abi::kiln_rt_argv();
    // SAFETY: a list of strings.
    unsafe { abi::kiln_rt_print_str(abi::kiln_rt_list_repr(list, 3)) };
    print("\n");
    0
}

const MASK: usize = 0x5555_5555_5555_5555;

/// Store a new string only in `roots[1]`; return its address masked, so that no copy of the
/// pointer stays on the stack where the conservative collector would find it.
#[inline(never)]
fn store_hidden(roots: &mut [usize; 4]) -> usize {
    let p = s("held by a root range") as usize;
    roots[1] = p;
    p ^ MASK
}

/// Allocate a lot of garbage while keeping some objects reachable only through GC memory
/// and through a root range registered with `kiln_rt_gc_add_roots` in Rust-heap memory.
extern "C" fn gc_stress() -> u8 {
    let keep = abi::kiln_rt_list_new(8, 0, 1);
    for i in 0..20_000 {
        // SAFETY: `keep` is a list of pointers.
        unsafe {
            let slot = abi::kiln_rt_list_append_slot(keep, 8, 1) as *mut *const KStr;
            slot.write(s(&format!("item {i}")));
        }
    }
    // A pointer stored only in malloc'd memory registered as a root (like the JIT's globals).
    let mut roots: Box<[usize; 4]> = Box::new([0; 4]);
    let range = roots.as_mut_ptr() as *mut u8;
    // SAFETY: the box outlives the program.
    unsafe { abi::kiln_rt_gc_add_roots(range, range.add(std::mem::size_of::<[usize; 4]>())) };
    let hidden_key = store_hidden(&mut roots);
    for round in 0..40 {
        let mut junk = abi::kiln_rt_list_new(8, 0, 0);
        for j in 0..20_000 {
            let _ = s(&format!("garbage {round} {j}"));
            if j % 1000 == 0 {
                junk = abi::kiln_rt_list_new(8, 1000, 0);
            }
        }
        let _ = std::hint::black_box(junk);
        abi::kiln_rt_gc_collect();
    }
    // SAFETY: `keep` is still a valid list of strings.
    unsafe {
        let k: &KList = &*keep;
        let data = k.data as *const *const KStr;
        for i in 0..k.len {
            let got = kiln_runtime::strings::as_str(*data.add(i as usize));
            assert_eq!(got, format!("item {i}"));
        }
        let held = roots[1] as *const KStr;
        assert_eq!(held as usize ^ MASK, hidden_key);
        assert_eq!(kiln_runtime::strings::as_str(held), "held by a root range");
    }
    print("gc ok\n");
    0
}

const SCENARIOS: &[(&str, extern "C" fn() -> u8)] = &[
    ("hello", hello),
    ("uncaught", uncaught),
    ("caught", caught),
    ("recursion", recursion),
    ("system_exit", system_exit),
    ("big_output", big_output),
    ("endless_output", endless_output),
    ("argv", argv_list),
    ("gc_stress", gc_stress),
];

fn run_scenario(name: &str) -> ! {
    let Some(&(_, entry)) = SCENARIOS.iter().find(|(n, _)| *n == name) else {
        eprintln!("unknown scenario {name}");
        std::process::exit(99);
    };
    let args: Vec<CString> = ["prog.py", "a b", "\u{e9}"].iter().map(|a| CString::new(*a).unwrap()).collect();
    let argv: Vec<*const c_char> = args.iter().map(|a| a.as_ptr()).collect();
    // SAFETY: argv holds argc valid C strings.
    let code = unsafe { abi::kiln_rt_main(entry, argv.len() as i32, argv.as_ptr()) };
    std::process::exit(code)
}

// ---- the parent side -------------------------------------------------------------------

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn spawn(name: &str) -> Output {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe).env("KILN_RT_SCENARIO", name).output().expect("run child");
    Output {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn expect(failures: &mut Vec<String>, name: &str, ok: bool, detail: impl FnOnce() -> String) {
    if ok {
        println!("process {name} ... ok");
    } else {
        println!("process {name} ... FAILED");
        failures.push(format!("{name}: {}", detail()));
    }
}

fn check_simple(failures: &mut Vec<String>, name: &str, code: i32, stdout: &str, stderr: &str) {
    let o = spawn(name);
    let ok = o.code == Some(code) && o.stdout == stdout && o.stderr == stderr;
    expect(failures, name, ok, || {
        format!(
            "status {:?} (want {code}), stdout {:?} (want {stdout:?}), stderr {:?} (want {stderr:?})",
            o.code, o.stdout, o.stderr
        )
    });
}

fn c_program(failures: &mut Vec<String>) {
    // The staticlib cargo built with this test: the newest target/debug/deps/libkiln_runtime-*.a
    // (`cargo test` does not refresh the uplifted target/debug/libkiln_runtime.a).
    let exe = std::env::current_exe().unwrap();
    let lib = exe.parent().and_then(|deps| {
        std::fs::read_dir(deps)
            .ok()?
            .filter_map(Result::ok)
            .filter(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with("libkiln_runtime-") && n.ends_with(".a")
            })
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .max()
            .map(|(_, p)| p)
    });
    let Some(lib) = lib else {
        println!("process c_staticlib ... skipped (libkiln_runtime.a not found)");
        return;
    };
    if Command::new("cc").arg("--version").output().is_err() {
        println!("process c_staticlib ... skipped (no cc)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("kiln-rt-ctest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("prog.c");
    std::fs::write(
        &src,
        r#"
#include <stdint.h>
#include <stddef.h>
typedef struct KStr KStr;
extern int kiln_rt_main(uint8_t (*entry)(void), int argc, char **argv);
extern const KStr *kiln_rt_str_new(const char *, int64_t);
extern void kiln_rt_print_str(const KStr *);
extern void kiln_rt_print_int(int64_t);
extern void kiln_rt_print_float(double);
extern uint8_t kiln_rt_math_cbrt(double, double *);
extern uint8_t kiln_rt_format_float(double, const KStr *, const KStr **);
extern void kiln_rt_raise(const KStr *, const KStr *);
extern void kiln_rt_traceback_push(const KStr *, const KStr *, int64_t);
extern size_t kiln_rt_stack_limit;
/* A string literal as the compiler emits it: a constant global, not on the GC heap. */
static const struct { int64_t len, nchars; char bytes[8]; } hello = {7, 6, "h\xc3\xa9llo\n"};
#define S(lit) kiln_rt_str_new(lit, sizeof(lit) - 1)
static uint8_t entry(void) {
    kiln_rt_print_str((const KStr *)&hello);
    kiln_rt_print_int(kiln_rt_stack_limit != 0);
    kiln_rt_print_str(S("\n"));
    double r;
    if (kiln_rt_math_cbrt(2.0, &r)) return 1;
    kiln_rt_print_float(r);
    kiln_rt_print_str(S("\n"));
    const KStr *t;
    if (kiln_rt_format_float(1234.5, (const KStr *)&hello, &t)) {
        kiln_rt_traceback_push(S("prog.py"), S("<module>"), 7);
        return 1;
    }
    return 0;
}
int main(int argc, char **argv) { return kiln_rt_main(entry, argc, argv); }
"#,
    )
    .unwrap();
    let bin = dir.join("prog");
    let cc = Command::new("cc")
        .arg(&src)
        .arg(&lib)
        .args(["-lgc", "-lgcc_s", "-lutil", "-lrt", "-lpthread", "-lm", "-ldl", "-lc", "-o"])
        .arg(&bin)
        .output()
        .unwrap();
    if !cc.status.success() {
        expect(failures, "c_staticlib", false, || format!("cc failed: {}", String::from_utf8_lossy(&cc.stderr)));
        return;
    }
    let out = Command::new(&bin).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let want_out = "h\u{e9}llo\n1\n1.2599210498948734\n"; // glibc cbrt, as CPython
    let want_err = "Traceback (most recent call last):\n  File \"prog.py\", line 7, in <module>\nValueError: Invalid format specifier 'h\u{e9}llo\n' for object of type 'float'\n";
    expect(failures, "c_staticlib", out.status.code() == Some(1) && stdout == want_out && stderr == want_err, || {
        format!("status {:?}, stdout {stdout:?}, stderr {stderr:?}", out.status.code())
    });
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    if let Ok(name) = std::env::var("KILN_RT_SCENARIO") {
        run_scenario(&name);
    }
    let mut failures = Vec::new();
    check_simple(&mut failures, "hello", 0, "hello -42 0.30000000000000004 True None\n", "");
    check_simple(
        &mut failures,
        "uncaught",
        1,
        "before\n",
        "Traceback (most recent call last):\n  File \"prog.py\", line 9, in <module>\n  File \"prog.py\", line 4, in f\nZeroDivisionError: integer division or modulo by zero\n",
    );
    check_simple(&mut failures, "caught", 0, "caught integer division or modulo by zero\n", "");
    check_simple(&mut failures, "system_exit", 3, "bye\n", "");
    check_simple(&mut failures, "argv", 0, "['prog.py', 'a b', '\u{e9}']\n", "");
    check_simple(&mut failures, "gc_stress", 0, "gc ok\n", "");

    let o = spawn("recursion");
    let tail = "  File \"prog.py\", line 3, in f\n  File \"prog.py\", line 3, in f\n  File \"prog.py\", line 3, in f\n";
    expect(
        &mut failures,
        "recursion",
        o.code == Some(1)
            && o.stdout == "deep\n"
            && o.stderr.starts_with("Traceback (most recent call last):\n")
            && o.stderr.contains(tail)
            && o.stderr.contains("  [Previous line repeated 997 more times]\n")
            && o.stderr.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        || format!("status {:?}, stdout {:?}, stderr {:?}", o.code, o.stdout, o.stderr),
    );

    let o = spawn("big_output");
    let want: String = (0..100_000).map(|i| format!("{i}\n")).collect();
    expect(&mut failures, "big_output", o.code == Some(0) && o.stdout == want && o.stderr.is_empty(), || {
        format!("status {:?}, {} bytes of stdout", o.code, o.stdout.len())
    });

    // A reader that goes away: the program must end quietly with status 1, not panic.
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new(exe)
        .env("KILN_RT_SCENARIO", "endless_output")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 2];
    let mut out = child.stdout.take().unwrap();
    let _ = out.read_exact(&mut first);
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    expect(&mut failures, "closed_stdout", &first == b"y\n" && status.code() == Some(1) && err.is_empty(), || {
        format!("status {status:?}, stderr {err:?}")
    });

    c_program(&mut failures);

    if failures.is_empty() {
        println!("process: all scenarios passed");
    } else {
        for f in &failures {
            println!("\n{f}");
        }
        std::process::exit(1);
    }
}
