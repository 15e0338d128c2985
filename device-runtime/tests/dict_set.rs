//! `dict` / `set` semantics that the CPython-generated scripts (`tests/hash_cases.rs`) do
//! not cover: float and bool keys, NaN, callback keys holding pointers, mutation during
//! iteration, large tables, collections while strings live only in containers, layouts.

use kiln_runtime::abi;
use kiln_runtime::dict::KDict;
use kiln_runtime::gc;
use kiln_runtime::hashing::{KIter, KKeyOps};
use kiln_runtime::set::KSet;
use kiln_runtime::{strings, KStr};

static INT_OPS: KKeyOps = KKeyOps { kind: 1, size: 8, has_ptrs: 0, hash: None, eq: None };
static STR_OPS: KKeyOps = KKeyOps { kind: 2, size: 8, has_ptrs: 1, hash: None, eq: None };
static FLOAT_OPS: KKeyOps = KKeyOps { kind: 3, size: 8, has_ptrs: 0, hash: None, eq: None };
static BOOL_OPS: KKeyOps = KKeyOps { kind: 4, size: 1, has_ptrs: 0, hash: None, eq: None };

/// `tuple[str, int]` keys: 16 bytes, a GC pointer first.
extern "C" fn pair_hash(k: *const u8) -> i64 {
    // SAFETY: the key is (str pointer, i64).
    unsafe {
        let s = (k as *const *const KStr).read();
        let i = (k as *const i64).add(1).read();
        let hs = [abi::kiln_rt_hash_str(s), abi::kiln_rt_hash_int(i)];
        abi::kiln_rt_hash_tuple(hs.as_ptr(), 2)
    }
}

extern "C" fn pair_eq(a: *const u8, b: *const u8) -> u8 {
    // SAFETY: both keys are (str pointer, i64).
    unsafe {
        let (sa, sb) = ((a as *const *const KStr).read(), (b as *const *const KStr).read());
        (abi::kiln_rt_str_eq(sa, sb) != 0 && (a as *const i64).add(1).read() == (b as *const i64).add(1).read()) as u8
    }
}

static PAIR_OPS: KKeyOps = KKeyOps { kind: 0, size: 16, has_ptrs: 1, hash: Some(pair_hash), eq: Some(pair_eq) };

/// A key type whose hash function returns -1 (taken as -2, as CPython's `__hash__`).
extern "C" fn minus_one_hash(_: *const u8) -> i64 {
    -1
}

static MINUS_ONE_OPS: KKeyOps = KKeyOps { kind: 0, size: 8, has_ptrs: 0, hash: Some(minus_one_hash), eq: None };

fn s(text: &str) -> *const KStr {
    // SAFETY: valid bytes.
    unsafe { abi::kiln_rt_str_new(text.as_ptr(), text.len() as i64) }
}

fn text(p: *const KStr) -> String {
    // SAFETY: runtime strings.
    unsafe { strings::as_str(p).to_string() }
}

fn ptr<T>(v: &T) -> *const u8 {
    v as *const T as *const u8
}

fn pm<T>(v: &mut T) -> *mut u8 {
    v as *mut T as *mut u8
}

fn take_exception() -> String {
    let kind = text(abi::kiln_rt_exc_type_name());
    let msg = text(abi::kiln_rt_exc_message());
    abi::kiln_rt_exc_clear();
    format!("{kind}: {msg}")
}

unsafe fn set_f64s(st: *mut KSet) -> Vec<f64> {
    let mut pos = 0;
    let mut k: *const u8 = std::ptr::null();
    let mut out = Vec::new();
    // SAFETY: caller contract.
    unsafe {
        while abi::kiln_rt_set_next(st, &mut pos, &mut k) != 0 {
            out.push((k as *const f64).read());
        }
    }
    out
}

unsafe fn dict_i64_items(d: *mut KDict) -> Vec<(i64, i64)> {
    let mut pos = 0;
    let (mut k, mut v): (*const u8, *mut u8) = (std::ptr::null(), std::ptr::null_mut());
    let mut out = Vec::new();
    // SAFETY: caller contract.
    unsafe {
        while abi::kiln_rt_dict_next(d, &mut pos, &mut k, &mut v) != 0 {
            out.push(((k as *const i64).read(), (v as *const i64).read()));
        }
    }
    out
}

#[test]
fn layouts() {
    assert_eq!(std::mem::size_of::<KKeyOps>(), 40);
    assert_eq!(std::mem::offset_of!(KKeyOps, has_ptrs), 16);
    assert_eq!(std::mem::offset_of!(KKeyOps, hash), 24);
    assert_eq!(std::mem::offset_of!(KKeyOps, eq), 32);
    assert_eq!(std::mem::size_of::<KIter>(), 24);
    assert_eq!(std::mem::offset_of!(KDict, used), 0);
    assert_eq!(std::mem::offset_of!(KSet, used), 0);
}

#[test]
fn float_keys_zero_and_nan() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid sets/dicts of f64 keys.
    unsafe {
        let st = abi::kiln_rt_set_new(&FLOAT_OPS);
        abi::kiln_rt_set_add(st, ptr(&-0.0f64));
        abi::kiln_rt_set_add(st, ptr(&0.0f64));
        assert_eq!(abi::kiln_rt_set_len(st), 1);
        // The first key stored is kept: {-0.0}.
        assert_eq!(set_f64s(st)[0].to_bits(), (-0.0f64).to_bits());
        assert_eq!(abi::kiln_rt_set_contains(st, ptr(&0.0f64)), 1);
        // The same NaN stored twice is one element (CPython: the same object); a NaN with
        // other bits is another key; NaN is never equal to a number.
        let nan = f64::NAN;
        let other_nan = f64::from_bits(nan.to_bits() | 1);
        abi::kiln_rt_set_add(st, ptr(&nan));
        abi::kiln_rt_set_add(st, ptr(&nan));
        assert_eq!(abi::kiln_rt_set_len(st), 2);
        assert_eq!(abi::kiln_rt_set_contains(st, ptr(&nan)), 1);
        assert_eq!(abi::kiln_rt_set_contains(st, ptr(&other_nan)), 0);
        abi::kiln_rt_set_add(st, ptr(&other_nan));
        assert_eq!(abi::kiln_rt_set_len(st), 3);
        assert_eq!(abi::kiln_rt_set_discard(st, ptr(&nan)), 1);
        assert_eq!(abi::kiln_rt_set_len(st), 2);
        assert_eq!(abi::kiln_rt_hash_float(nan), 0);

        let d = abi::kiln_rt_dict_new(&FLOAT_OPS, 8, 0);
        (abi::kiln_rt_dict_set_slot(d, ptr(&0.0f64)) as *mut i64).write(1);
        (abi::kiln_rt_dict_set_slot(d, ptr(&-0.0f64)) as *mut i64).write(2);
        assert_eq!(abi::kiln_rt_dict_len(d), 1);
        assert_eq!((abi::kiln_rt_dict_get(d, ptr(&0.0f64)) as *const i64).read(), 2);
        let mut pos = 0;
        let (mut k, mut v): (*const u8, *mut u8) = (std::ptr::null(), std::ptr::null_mut());
        assert_eq!(abi::kiln_rt_dict_next(d, &mut pos, &mut k, &mut v), 1);
        assert_eq!((k as *const f64).read().to_bits(), 0.0f64.to_bits(), "the first key is kept");
    }
}

#[test]
fn bool_keys() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid containers of u8 keys.
    unsafe {
        let st = abi::kiln_rt_set_new(&BOOL_OPS);
        for b in [1u8, 0, 1, 0, 1] {
            abi::kiln_rt_set_add(st, &b);
        }
        assert_eq!(abi::kiln_rt_set_len(st), 2);
        let mut out = 9u8;
        // {True, False} iterates False first (hash 0 in slot 0).
        assert_eq!(abi::kiln_rt_set_pop(st, &mut out), 1);
        assert_eq!(out, 0);
        assert_eq!(abi::kiln_rt_set_pop(st, &mut out), 1);
        assert_eq!(out, 1);
        assert_eq!(abi::kiln_rt_set_pop(st, &mut out), 0);

        let d = abi::kiln_rt_dict_new(&BOOL_OPS, 8, 0);
        (abi::kiln_rt_dict_set_slot(d, &1u8) as *mut i64).write(10);
        (abi::kiln_rt_dict_set_slot(d, &0u8) as *mut i64).write(20);
        (abi::kiln_rt_dict_set_slot(d, &1u8) as *mut i64).write(30);
        let mut k = 9u8;
        let mut v = 0i64;
        assert_eq!(abi::kiln_rt_dict_popitem(d, &mut k, pm(&mut v)), 1);
        assert_eq!((k, v), (0, 20));
        assert_eq!((abi::kiln_rt_dict_get(d, &1u8) as *const i64).read(), 30);
    }
}

#[test]
fn callback_hash_minus_one() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid containers of 8-byte keys compared bytewise (eq None).
    unsafe {
        let st = abi::kiln_rt_set_new(&MINUS_ONE_OPS);
        for i in 0..50i64 {
            abi::kiln_rt_set_add(st, ptr(&i));
        }
        assert_eq!(abi::kiln_rt_set_len(st), 50);
        for i in 0..50i64 {
            assert_eq!(abi::kiln_rt_set_contains(st, ptr(&i)), 1);
        }
        let d = abi::kiln_rt_dict_new(&MINUS_ONE_OPS, 8, 0);
        for i in 0..50i64 {
            (abi::kiln_rt_dict_set_slot(d, ptr(&i)) as *mut i64).write(i * 2);
        }
        assert_eq!(abi::kiln_rt_dict_delete(d, ptr(&7i64)), 1);
        assert_eq!(abi::kiln_rt_dict_len(d), 49);
        assert_eq!((abi::kiln_rt_dict_get(d, ptr(&8i64)) as *const i64).read(), 16);
        assert!(abi::kiln_rt_dict_get(d, ptr(&7i64)).is_null());
    }
}

#[test]
fn dict_iteration_checks() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid dicts of i64 -> i64 and iterator states.
    unsafe {
        let d = abi::kiln_rt_dict_new(&INT_OPS, 8, 0);
        for i in 0..5i64 {
            (abi::kiln_rt_dict_set_slot(d, ptr(&i)) as *mut i64).write(i);
        }
        // Adding during iteration: the next step raises (and keeps raising).
        let mut it = KIter::default();
        abi::kiln_rt_dict_iter_init(d, &mut it);
        let (mut k, mut v): (*const u8, *mut u8) = (std::ptr::null(), std::ptr::null_mut());
        assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 0);
        assert_eq!((k as *const i64).read(), 0);
        abi::kiln_rt_dict_set_slot(d, ptr(&99i64));
        assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 1);
        assert_eq!(take_exception(), "RuntimeError: dictionary changed size during iteration");
        assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 1);
        take_exception();
        // Assigning to present keys is fine.
        abi::kiln_rt_dict_iter_init(d, &mut it);
        let mut n = 0;
        loop {
            assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 0);
            if k.is_null() {
                break;
            }
            (abi::kiln_rt_dict_set_slot(d, k) as *mut i64).write(-1);
            n += 1;
        }
        assert_eq!(n, 6);
        // Exhausted stays exhausted, even after a change.
        abi::kiln_rt_dict_set_slot(d, ptr(&100i64));
        assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 0);
        assert!(k.is_null());
        // Delete a produced key and add another (same size): CPython reports the extra item.
        abi::kiln_rt_dict_iter_init(d, &mut it);
        for want in [0i64, 1] {
            assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 0);
            assert_eq!((k as *const i64).read(), want);
        }
        abi::kiln_rt_dict_delete(d, ptr(&0i64));
        abi::kiln_rt_dict_set_slot(d, ptr(&200i64));
        let mut produced = 0;
        let st = loop {
            let st = abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v);
            if st != 0 || k.is_null() {
                break st;
            }
            produced += 1;
        };
        assert_eq!(st, 1);
        assert_eq!(produced, 5);
        assert_eq!(take_exception(), "RuntimeError: dictionary keys changed during iteration");
        // Null dict: empty.
        abi::kiln_rt_dict_iter_init(std::ptr::null(), &mut it);
        assert_eq!(abi::kiln_rt_dict_iter_next(std::ptr::null(), &mut it, &mut k, &mut v), 0);
        assert!(k.is_null());
    }
}

#[test]
fn set_iteration_checks() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid sets of i64 and iterator states.
    unsafe {
        let st = abi::kiln_rt_set_new(&INT_OPS);
        for i in 0..5i64 {
            abi::kiln_rt_set_add(st, ptr(&i));
        }
        let mut it = KIter::default();
        let mut k: *const u8 = std::ptr::null();
        abi::kiln_rt_set_iter_init(st, &mut it);
        assert_eq!(abi::kiln_rt_set_iter_next(st, &mut it, &mut k), 0);
        abi::kiln_rt_set_discard(st, ptr(&3i64));
        assert_eq!(abi::kiln_rt_set_iter_next(st, &mut it, &mut k), 1);
        assert_eq!(take_exception(), "RuntimeError: Set changed size during iteration");
        // Adding a present element does not change the size.
        abi::kiln_rt_set_iter_init(st, &mut it);
        let mut n = 0;
        loop {
            assert_eq!(abi::kiln_rt_set_iter_next(st, &mut it, &mut k), 0);
            if k.is_null() {
                break;
            }
            let key = (k as *const i64).read();
            abi::kiln_rt_set_add(st, ptr(&key));
            n += 1;
        }
        assert_eq!(n, 4);
        assert_eq!(abi::kiln_rt_set_len(std::ptr::null()), 0);
        assert_eq!(abi::kiln_rt_set_contains(std::ptr::null_mut(), ptr(&1i64)), 0);
        let mut pos = 0;
        assert_eq!(abi::kiln_rt_set_next(std::ptr::null(), &mut pos, &mut k), 0);
    }
}

extern "C" fn f64_eq(a: *const u8, b: *const u8) -> u8 {
    // SAFETY: f64 values.
    unsafe { ((a as *const f64).read() == (b as *const f64).read()) as u8 }
}

#[test]
fn dict_eq_and_setdefault() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid dicts of i64 -> f64.
    unsafe {
        let a = abi::kiln_rt_dict_new(&INT_OPS, 8, 0);
        let b = abi::kiln_rt_dict_new(&INT_OPS, 8, 0);
        for i in 0..20i64 {
            (abi::kiln_rt_dict_set_slot(a, ptr(&i)) as *mut f64).write(if i == 3 { 0.0 } else { i as f64 });
        }
        for i in (0..20i64).rev() {
            (abi::kiln_rt_dict_set_slot(b, ptr(&i)) as *mut f64).write(if i == 3 { -0.0 } else { i as f64 });
        }
        // Order does not matter; 0.0 == -0.0 under the value comparison, not bytewise.
        assert_eq!(abi::kiln_rt_dict_eq(a, b, Some(f64_eq)), 1);
        assert_eq!(abi::kiln_rt_dict_eq(a, b, None), 0);
        (abi::kiln_rt_dict_set_slot(a, ptr(&5i64)) as *mut f64).write(f64::NAN);
        assert_eq!(abi::kiln_rt_dict_eq(a, a, Some(f64_eq)), 1, "identity");
        assert_eq!(abi::kiln_rt_dict_eq(a, b, Some(f64_eq)), 0);
        abi::kiln_rt_dict_delete(b, ptr(&19i64));
        assert_eq!(abi::kiln_rt_dict_eq(a, b, Some(f64_eq)), 0);

        let mut inserted = 9u8;
        let slot = abi::kiln_rt_dict_setdefault_slot(a, ptr(&7i64), &mut inserted);
        assert_eq!((inserted, (slot as *const f64).read()), (0, 7.0));
        let slot = abi::kiln_rt_dict_setdefault_slot(a, ptr(&70i64), &mut inserted);
        assert_eq!((inserted, (slot as *const f64).read().to_bits()), (1, 0));
        let mut k = 0i64;
        assert_eq!(abi::kiln_rt_dict_popitem(a, pm(&mut k), std::ptr::null_mut()), 1);
        assert_eq!(k, 70);
        abi::kiln_rt_dict_clear(a);
        assert_eq!(abi::kiln_rt_dict_popitem(a, std::ptr::null_mut(), std::ptr::null_mut()), 0);
        assert_eq!(abi::kiln_rt_dict_len(a), 0);
        assert!(abi::kiln_rt_dict_get(a, ptr(&1i64)).is_null());
        assert!(abi::kiln_rt_dict_get(std::ptr::null(), ptr(&1i64)).is_null());
        (abi::kiln_rt_dict_set_slot(a, ptr(&1i64)) as *mut f64).write(1.5);
        assert_eq!(abi::kiln_rt_dict_len(a), 1);
    }
}

/// xorshift64*, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Random operations against a simple model (insertion-ordered Vec), many rebuilds.
#[test]
fn dict_matches_model() {
    let _gc = gc::ThreadGuard::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // SAFETY: a valid dict of i64 -> i64.
    unsafe {
        let d = abi::kiln_rt_dict_new(&INT_OPS, 8, 0);
        let mut model: Vec<(i64, i64)> = Vec::new();
        for step in 0..60_000i64 {
            let key = rng.below(3000) as i64 - 1500;
            match rng.below(10) {
                0..=4 => {
                    (abi::kiln_rt_dict_set_slot(d, ptr(&key)) as *mut i64).write(step);
                    match model.iter_mut().find(|e| e.0 == key) {
                        Some(e) => e.1 = step,
                        None => model.push((key, step)),
                    }
                }
                5..=7 => {
                    let mut v = 0i64;
                    let got = abi::kiln_rt_dict_pop(d, ptr(&key), pm(&mut v));
                    match model.iter().position(|e| e.0 == key) {
                        Some(p) => {
                            assert_eq!((got, v), (1, model[p].1));
                            model.remove(p);
                        }
                        None => assert_eq!(got, 0),
                    }
                }
                8 => {
                    let (mut k, mut v) = (0i64, 0i64);
                    let got = abi::kiln_rt_dict_popitem(d, pm(&mut k), pm(&mut v));
                    match model.pop() {
                        Some(e) => assert_eq!((got, k, v), (1, e.0, e.1)),
                        None => assert_eq!(got, 0),
                    }
                }
                _ => {
                    let slot = abi::kiln_rt_dict_get(d, ptr(&key));
                    match model.iter().find(|e| e.0 == key) {
                        Some(e) => assert_eq!((slot as *const i64).read(), e.1),
                        None => assert!(slot.is_null()),
                    }
                }
            }
            if step % 5000 == 0 {
                assert_eq!(dict_i64_items(d), model);
                let c = abi::kiln_rt_dict_copy(d);
                assert_eq!(dict_i64_items(c), model);
                assert_eq!(abi::kiln_rt_dict_eq(c, d, None), 1);
            }
        }
        assert_eq!(dict_i64_items(d), model);
    }
}

#[test]
fn large_int_tables() {
    let _gc = gc::ThreadGuard::new();
    const N: i64 = 200_000;
    // SAFETY: valid containers of i64 keys.
    unsafe {
        let d = abi::kiln_rt_dict_new(&INT_OPS, 8, 0);
        let st = abi::kiln_rt_set_new(&INT_OPS);
        for i in 0..N {
            let k = i.wrapping_mul(0x9E37_79B9) ^ (i << 40);
            (abi::kiln_rt_dict_set_slot(d, ptr(&k)) as *mut i64).write(i);
            abi::kiln_rt_set_add(st, ptr(&k));
        }
        assert_eq!(abi::kiln_rt_dict_len(d), N);
        assert_eq!(abi::kiln_rt_set_len(st), N);
        for i in (0..N).step_by(2) {
            let k = i.wrapping_mul(0x9E37_79B9) ^ (i << 40);
            assert_eq!(abi::kiln_rt_dict_delete(d, ptr(&k)), 1);
            assert_eq!(abi::kiln_rt_set_discard(st, ptr(&k)), 1);
        }
        for i in 0..N {
            let k = i.wrapping_mul(0x9E37_79B9) ^ (i << 40);
            let slot = abi::kiln_rt_dict_get(d, ptr(&k));
            assert_eq!(slot.is_null(), i % 2 == 0);
            if !slot.is_null() {
                assert_eq!((slot as *const i64).read(), i);
            }
            assert_eq!(abi::kiln_rt_set_contains(st, ptr(&k)), (i % 2) as u8);
        }
        let items = dict_i64_items(d);
        assert_eq!(items.len() as i64, N / 2);
        assert!(items.iter().enumerate().all(|(j, e)| e.1 == 2 * j as i64 + 1), "insertion order");
    }
}

/// Containers are the only references to their strings while the collector runs.
#[test]
fn gc_keeps_str_keys_and_values() {
    let _gc = gc::ThreadGuard::new();
    const N: usize = 20_000;
    // SAFETY: valid containers: str -> str dict, set of str, set of (str, int) pairs.
    unsafe {
        let d = abi::kiln_rt_dict_new(&STR_OPS, 8, 1);
        let st = abi::kiln_rt_set_new(&STR_OPS);
        let pairs = abi::kiln_rt_set_new(&PAIR_OPS);
        for i in 0..N {
            let k = s(&format!("key é{i}"));
            let slot = abi::kiln_rt_dict_set_slot(d, ptr(&k)) as *mut *const KStr;
            slot.write(s(&format!("value {i} 世界")));
            let k2 = s(&format!("elem {i}"));
            abi::kiln_rt_set_add(st, ptr(&k2));
            let pair: (*const KStr, i64) = (s(&format!("p{}", i % 100)), i as i64);
            abi::kiln_rt_set_add(pairs, ptr(&pair));
            for _ in 0..10 {
                let _ = s("garbage garbage garbage garbage garbage garbage");
            }
            if i % 4000 == 0 {
                abi::kiln_rt_gc_collect();
            }
        }
        // Pop a few, delete some: their slots are cleared, the rest must survive.
        for i in (0..N).step_by(7) {
            let k = s(&format!("key é{i}"));
            assert_eq!(abi::kiln_rt_dict_delete(d, ptr(&k)), 1);
        }
        for _ in 0..3 {
            abi::kiln_rt_gc_collect();
            for _ in 0..20_000 {
                let _ = s("more garbage, more garbage, more garbage");
            }
        }
        let copy = abi::kiln_rt_set_copy(st);
        abi::kiln_rt_gc_collect();
        let mut live = 0;
        for i in 0..N {
            let k = s(&format!("key é{i}"));
            let slot = abi::kiln_rt_dict_get(d, ptr(&k)) as *const *const KStr;
            if i % 7 == 0 {
                assert!(slot.is_null());
            } else {
                assert_eq!(text(slot.read()), format!("value {i} 世界"));
                live += 1;
            }
            let k2 = s(&format!("elem {i}"));
            assert_eq!(abi::kiln_rt_set_contains(st, ptr(&k2)), 1);
            assert_eq!(abi::kiln_rt_set_contains(copy, ptr(&k2)), 1);
            let pair: (*const KStr, i64) = (s(&format!("p{}", i % 100)), i as i64);
            assert_eq!(abi::kiln_rt_set_contains(pairs, ptr(&pair)), 1);
        }
        assert_eq!(abi::kiln_rt_dict_len(d), live);
        // Iteration reads every key and value text.
        let mut it = KIter::default();
        abi::kiln_rt_dict_iter_init(d, &mut it);
        let (mut k, mut v): (*const u8, *mut u8) = (std::ptr::null(), std::ptr::null_mut());
        let mut n = 0;
        loop {
            assert_eq!(abi::kiln_rt_dict_iter_next(d, &mut it, &mut k, &mut v), 0);
            if k.is_null() {
                break;
            }
            let key = text((k as *const *const KStr).read());
            let i: usize = key.trim_start_matches("key é").parse().unwrap();
            assert_eq!(text((v as *const *const KStr).read()), format!("value {i} 世界"));
            n += 1;
        }
        assert_eq!(n, live);
        std::hint::black_box((d, st, pairs, copy));
    }
}

#[test]
fn set_operators_basic() {
    let _gc = gc::ThreadGuard::new();
    // SAFETY: valid sets of i64.
    unsafe {
        let mk = |xs: &[i64]| {
            let st = abi::kiln_rt_set_new(&INT_OPS);
            for x in xs {
                abi::kiln_rt_set_add(st, ptr(x));
            }
            st
        };
        let ints = |st: *mut KSet| {
            let mut pos = 0;
            let mut k: *const u8 = std::ptr::null();
            let mut v = Vec::new();
            while abi::kiln_rt_set_next(st, &mut pos, &mut k) != 0 {
                v.push((k as *const i64).read());
            }
            v
        };
        let a = mk(&[1, 2, 3, 4]);
        let b = mk(&[3, 4, 5]);
        assert_eq!(ints(abi::kiln_rt_set_union(a, b)), vec![1, 2, 3, 4, 5]);
        assert_eq!(ints(abi::kiln_rt_set_intersection(a, b)), vec![3, 4]);
        assert_eq!(ints(abi::kiln_rt_set_difference(a, b)), vec![1, 2]);
        assert_eq!(ints(abi::kiln_rt_set_symmetric_difference(a, b)), vec![1, 2, 5]);
        assert_eq!(abi::kiln_rt_set_issubset(b, a), 0);
        assert_eq!(abi::kiln_rt_set_isdisjoint(a, b), 0);
        assert_eq!(abi::kiln_rt_set_isdisjoint(a, a), 0);
        let e = mk(&[]);
        assert_eq!(abi::kiln_rt_set_isdisjoint(e, e), 1);
        assert_eq!(abi::kiln_rt_set_issubset(e, a), 1);
        assert_eq!(abi::kiln_rt_set_eq(a, abi::kiln_rt_set_copy(a)), 1);
        abi::kiln_rt_set_symmetric_difference_update(a, a);
        assert_eq!(abi::kiln_rt_set_len(a), 0);
        let fl: Vec<f64> = {
            let st = abi::kiln_rt_set_from_list(&FLOAT_OPS, std::ptr::null());
            set_f64s(st)
        };
        assert!(fl.is_empty());
    }
}
