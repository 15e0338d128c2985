//! Edge cases of the C ABI: null and empty arguments, list growth and copies, string
//! indexing, and a fuzz run showing that no input makes the runtime hit an internal error
//! (a Rust panic would surface as `SystemError: kiln runtime internal error`).

mod common;

use common::*;
use kiln_runtime::abi;
use kiln_runtime::{KList, KStr};

#[test]
fn strings_with_nulls_and_empties() {
    let _gc = kiln_runtime::gc::ThreadGuard::new();
    let null: *const KStr = std::ptr::null();
    // SAFETY: null and valid strings are both allowed.
    unsafe {
        assert_eq!(text(abi::kiln_rt_str_concat(null, null)), "");
        assert_eq!(text(abi::kiln_rt_str_concat(kstr("ab"), null)), "ab");
        let c = abi::kiln_rt_str_concat(kstr("h\u{e9}"), kstr("\u{65e5}!"));
        assert_eq!(text(c), "h\u{e9}\u{65e5}!");
        assert_eq!(abi::kiln_rt_str_len(c), 4);
        assert_eq!((*c).len, 7);
        assert_eq!(abi::kiln_rt_str_eq(null, kstr("")), 1);
        assert_eq!(abi::kiln_rt_str_eq(kstr("a"), kstr("b")), 0);
        assert_eq!(abi::kiln_rt_str_cmp(kstr("a"), kstr("b")), -1);
        assert_eq!(abi::kiln_rt_str_cmp(kstr("\u{ff}"), kstr("z")), 1);
        assert_eq!(abi::kiln_rt_str_cmp(kstr("\u{10000}"), kstr("\u{ffff}")), 1);
        assert_eq!(abi::kiln_rt_str_cmp(kstr("ab"), kstr("ab")), 0);
        assert_eq!(abi::kiln_rt_str_len(null), 0);
        assert_eq!(text(abi::kiln_rt_str_repr(null)), "''");
        let bad = [0x61u8, 0xff, 0x62];
        assert_eq!(text(abi::kiln_rt_str_new(bad.as_ptr(), 3)), "a\u{fffd}b");
        assert_eq!(text(abi::kiln_rt_str_from_int(i64::MIN)), "-9223372036854775808");
        assert_eq!(text(abi::kiln_rt_str_from_float(1e16)), "1e+16");
        assert_eq!(text(abi::kiln_rt_str_from_bool(2)), "True");
        assert_eq!(abi::kiln_rt_str_contains(kstr("h\u{e9}llo"), kstr("\u{e9}l")), 1);
        assert_eq!(abi::kiln_rt_str_contains(kstr("abc"), null), 1);
        assert_eq!(text(abi::kiln_rt_str_repeat(kstr("\u{e9}a"), 3)), "\u{e9}a\u{e9}a\u{e9}a");
        assert_eq!(abi::kiln_rt_str_len(abi::kiln_rt_str_repeat(kstr("\u{e9}a"), 3)), 6);
        assert_eq!(text(abi::kiln_rt_str_repeat(kstr("x"), -2)), "");

        let mut out: *const KStr = null;
        assert_eq!(abi::kiln_rt_str_getitem(kstr("h\u{e9}llo"), -4, &mut out), 0);
        assert_eq!(text(out), "\u{e9}");
        assert_eq!(abi::kiln_rt_str_getitem(kstr("abc"), 3, &mut out), 1);
        assert_eq!(take_exception(), "IndexError: string index out of range");
        assert_eq!(abi::kiln_rt_str_slice(kstr("h\u{e9}llo"), 0, 0, -1, 0, &mut out), 0);
        assert_eq!(text(out), "oll\u{e9}h");
        assert_eq!(abi::kiln_rt_str_slice(kstr("hello"), 1, -1, 1, 3, &mut out), 0);
        assert_eq!(text(out), "ell");
        assert_eq!(abi::kiln_rt_str_slice(kstr("hello"), 0, 0, i64::MAX, 0, &mut out), 0);
        assert_eq!(text(out), "h");
        assert_eq!(abi::kiln_rt_str_slice(kstr("hello"), 0, 0, 0, 0, &mut out), 1);
        assert_eq!(take_exception(), "ValueError: slice step cannot be zero");

        // Null spec = empty spec.
        assert_eq!(abi::kiln_rt_format_float(0.5, null, &mut out), 0);
        assert_eq!(text(out), "0.5");
        assert_eq!(abi::kiln_rt_format_bool(1, null, &mut out), 0);
        assert_eq!(text(out), "True");
    }
}

fn ints(list: *const KList) -> Vec<i64> {
    // SAFETY: a valid list of i64.
    unsafe {
        let l = &*list;
        (0..l.len).map(|i| *(l.data as *const i64).add(i as usize)).collect()
    }
}

#[test]
fn lists_grow_repeat_concat() {
    let _gc = kiln_runtime::gc::ThreadGuard::new();
    let l = abi::kiln_rt_list_new(8, 3, 0);
    assert_eq!(ints(l), vec![0, 0, 0]);
    // SAFETY: `l` is a list of i64.
    unsafe {
        for i in 0..1000 {
            *(abi::kiln_rt_list_append_slot(l, 8, 0) as *mut i64) = i;
        }
        assert_eq!((*l).len, 1003);
        assert!((*l).cap >= 1003);
        let v = ints(l);
        assert_eq!(&v[..4], &[0, 0, 0, 0]);
        assert_eq!(v[1002], 999);

        let small = abi::kiln_rt_list_new(8, 0, 0);
        *(abi::kiln_rt_list_append_slot(small, 8, 0) as *mut i64) = 7;
        *(abi::kiln_rt_list_append_slot(small, 8, 0) as *mut i64) = -1;
        assert_eq!(ints(abi::kiln_rt_list_repeat(small, 3, 8, 0)), vec![7, -1, 7, -1, 7, -1]);
        assert_eq!(ints(abi::kiln_rt_list_repeat(small, 0, 8, 0)), Vec::<i64>::new());
        assert_eq!(ints(abi::kiln_rt_list_repeat(small, -5, 8, 0)), Vec::<i64>::new());
        let c = abi::kiln_rt_list_concat(small, small, 8, 0);
        assert_eq!(ints(c), vec![7, -1, 7, -1]);
        assert_eq!(ints(abi::kiln_rt_list_concat(std::ptr::null(), small, 8, 0)), vec![7, -1]);
        // A repeat of a one-byte list (bools) fills.
        let b = abi::kiln_rt_list_new(1, 1, 0);
        *(*b).data = 1;
        let r = abi::kiln_rt_list_repeat(b, 5, 1, 0);
        assert_eq!(text(abi::kiln_rt_list_repr(r, 2)), "[True, True, True, True, True]");
        assert_eq!(text(abi::kiln_rt_list_repr(abi::kiln_rt_list_new(1, 2, 0), 4)), "[None, None]");
        assert_eq!(text(abi::kiln_rt_list_repr(std::ptr::null(), 0)), "[]");
        let strs = abi::kiln_rt_list_new(8, 2, 1);
        *((*strs).data as *mut *const KStr) = kstr("it's");
        assert_eq!(text(abi::kiln_rt_list_repr(strs, 3)), "[\"it's\", None]");
    }
}

#[test]
fn exceptions_api() {
    let _gc = kiln_runtime::gc::ThreadGuard::new();
    assert_eq!(abi::kiln_rt_exc_pending(), 0);
    assert!(abi::kiln_rt_exc_type_name().is_null());
    // SAFETY: valid strings.
    unsafe {
        abi::kiln_rt_raise(kstr("KeyError"), kstr("'a'"));
        assert_eq!(abi::kiln_rt_exc_pending(), 1);
        assert_eq!(abi::kiln_rt_exc_matches(kstr("LookupError")), 1);
        assert_eq!(abi::kiln_rt_exc_matches(kstr("IndexError")), 0);
        assert_eq!(take_exception(), "KeyError: 'a'");
        abi::kiln_rt_exc_register_class(kstr("AppError"), kstr("RuntimeError"), kstr("AppError"));
        abi::kiln_rt_raise(kstr("AppError"), std::ptr::null());
        assert_eq!(abi::kiln_rt_exc_matches(kstr("Exception")), 1);
        assert_eq!(take_exception(), "AppError");
    }
    abi::kiln_rt_raise_int_overflow();
    assert_eq!(take_exception(), "OverflowError: integer overflow: result does not fit in 64 bits");
    abi::kiln_rt_stack_overflow();
    assert_eq!(take_exception(), "RecursionError: maximum recursion depth exceeded");
    let t0 = abi::kiln_rt_time_perf_counter();
    let t1 = abi::kiln_rt_time_perf_counter();
    assert!(t1 >= t0);
    assert!(abi::kiln_rt_time_time() > 1.6e9);
}

/// xorshift64*: a tiny deterministic generator (no dependencies).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

#[test]
fn fuzz_never_internal_error() {
    let _gc = kiln_runtime::gc::ThreadGuard::new();
    let alphabet: Vec<char> = "<>=^+- z#0123456789,_.eEfFgGn%bcdoxXs\u{e9}\u{661}*\u{0}\u{1f389}".chars().collect();
    let floats = [0.0, -0.0, 1.5, -2.5e-300, 1e300, f64::INFINITY, f64::NAN, 5e-324, 123.456];
    let ints_ = [0i64, -1, 65, i64::MIN, i64::MAX, 0x10FFFF, 0xD800];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..100_000 {
        let n = (rng.next() % 14) as usize;
        let spec: String = (0..n).map(|_| rng.pick(&alphabet)).collect();
        let ks = kstr(&spec);
        let mut out: *const KStr = std::ptr::null();
        let (f, i) = (rng.pick(&floats), rng.pick(&ints_));
        for which in 0..4 {
            // SAFETY: valid strings and out-pointer.
            let st = unsafe {
                match which {
                    0 => abi::kiln_rt_format_float(f, ks, &mut out),
                    1 => abi::kiln_rt_format_int(i, ks, &mut out),
                    2 => abi::kiln_rt_format_str(kstr("h\u{e9}llo"), ks, &mut out),
                    _ => abi::kiln_rt_format_bool(1, ks, &mut out),
                }
            };
            if st != 0 {
                let e = take_exception();
                assert!(e.starts_with("ValueError: ") || e.starts_with("OverflowError: "), "spec {spec:?}: {e}");
            }
        }
    }
    // Numeric functions over awkward values.
    let vals = [0.0, -0.0, 1.0, -1.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 5e-324, 1e308, -1e308];
    for &a in &vals {
        for &b in &vals {
            let mut f = 0.0;
            let mut i = 0i64;
            for which in 0..7 {
                // SAFETY: valid out-pointers.
                let st = unsafe {
                    match which {
                        0 => abi::kiln_rt_float_pow(a, b, &mut f),
                        1 => abi::kiln_rt_math_pow(a, b, &mut f),
                        2 => abi::kiln_rt_math_atan2(a, b, &mut f),
                        3 => abi::kiln_rt_math_hypot(a, b, &mut f),
                        4 => abi::kiln_rt_math_log_base(a, b, &mut f),
                        5 => abi::kiln_rt_float_to_int(a, &mut i),
                        _ => abi::kiln_rt_int_pow(a as i64, b as i64 % 100, &mut i),
                    }
                };
                if st != 0 {
                    let e = take_exception();
                    assert!(!e.starts_with("SystemError"), "{a} {b}: {e}");
                }
            }
            let _ = abi::kiln_rt_float_mod(a, b);
            let _ = abi::kiln_rt_float_floordiv(a, b);
        }
    }
}
