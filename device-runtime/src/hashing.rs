//! CPython 3.11's `hash()` values (64-bit build, hash randomisation off, i.e.
//! `PYTHONHASHSEED=0`), and the key descriptor [`KKeyOps`] shared by `dict` and `set`.
//!
//! Matching CPython's hashes exactly is what makes `set` iteration order (and so
//! `print(a_set)`) identical to CPython's: the set table places keys by hash.
//!
//! * `int`: the value modulo the Mersenne prime `2**61 - 1`, with the sign of the value
//!   (`long_hash`); `-1` becomes `-2`. `bool` hashes as the int 0 / 1.
//! * `float`: `_Py_HashDouble`: integral floats hash like the equal int, `inf` is
//!   `314159`, `-inf` `-314159`. **NaN**: CPython 3.11 hashes a NaN by the identity of the
//!   float object, which inline floats do not have; kiln hashes every NaN to
//!   [`HASH_NAN`] `= 0` (`sys.hash_info.nan`, what CPython < 3.10 did). So a set holding NaNs
//!   may iterate in a different order than CPython's (which varies from run to run anyway).
//! * `str`: SipHash-1-3 with a zero key over the PEP 393 canonical form of the text (1 byte
//!   per code point when all are < 256, UTF-16-LE code units (UCS-2) when all are < 0x10000,
//!   else UCS-4 LE); `""` hashes to 0 and `-1` becomes `-2` (`_Py_HashBytes`).
//! * `tuple`: the xxHash-based `tuplehash` of CPython 3.8+, over the element hashes.

use crate::strings::{self, KStr};

/// The modulus of numeric hashes, `2**61 - 1` (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << 61) - 1;
/// Bits of the modulus (`_PyHASH_BITS`).
const HASH_BITS: u32 = 61;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314_159;
/// kiln's hash of every NaN (see the module documentation).
pub const HASH_NAN: i64 = 0;

/// `hash(v)` for an int.
pub fn hash_int(v: i64) -> i64 {
    // |v| <= 2**63 fits in u64; the remainder is < 2**61.
    let x = (v.unsigned_abs() % MODULUS) as i64;
    let x = if v < 0 { -x } else { x };
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `frexp(v)` for a finite, non-zero `v`: `(m, e)` with `v == m * 2**e`, `0.5 <= |m| < 1`.
fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(v * f64::from_bits(0x43f0_0000_0000_0000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

/// `hash(v)` for a float (`_Py_HashDouble`), NaN giving [`HASH_NAN`].
pub fn hash_float(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_nan() {
            return HASH_NAN;
        }
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == 0.0 {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits at a time.
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64; // the integer part
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    // Adjust for the exponent, reduced modulo HASH_BITS first.
    let bits = HASH_BITS as i32;
    let e = if e >= 0 { e % bits } else { bits - 1 - ((-1 - e) % bits) } as u32;
    x = ((x << e) & MODULUS) | x >> (HASH_BITS - e);
    let x = (x as i64).wrapping_mul(sign);
    if x == -1 {
        -2
    } else {
        x
    }
}

/// SipHash-1-3 (one compression round, three finalisation rounds) with the key `(k0, k1)
/// = (0, 0)`, fed incrementally, as CPython's `siphash13` in `Python/pyhash.c`.
struct Sip13 {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    /// Pending bytes of the current 8-byte word (little-endian), and how many.
    tail: u64,
    ntail: u32,
    /// Total bytes fed.
    total: u64,
}

impl Sip13 {
    fn new() -> Sip13 {
        let (k0, k1) = (0u64, 0u64);
        Sip13 {
            v0: k0 ^ 0x736f_6d65_7073_6575,
            v1: k1 ^ 0x646f_7261_6e64_6f6d,
            v2: k0 ^ 0x6c79_6765_6e65_7261,
            v3: k1 ^ 0x7465_6462_7974_6573,
            tail: 0,
            ntail: 0,
            total: 0,
        }
    }

    #[inline(always)]
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(13);
        self.v1 ^= self.v0;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(16);
        self.v3 ^= self.v2;
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(21);
        self.v3 ^= self.v0;
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(17);
        self.v1 ^= self.v2;
        self.v2 = self.v2.rotate_left(32);
    }

    #[inline(always)]
    fn compress(&mut self, m: u64) {
        self.v3 ^= m;
        self.round();
        self.v0 ^= m;
    }

    #[inline(always)]
    fn write_u8(&mut self, b: u8) {
        self.tail |= (b as u64) << (8 * self.ntail);
        self.ntail += 1;
        self.total += 1;
        if self.ntail == 8 {
            let m = self.tail;
            self.compress(m);
            self.tail = 0;
            self.ntail = 0;
        }
    }

    fn finish(mut self) -> u64 {
        let b = (self.total << 56) | self.tail;
        self.compress(b);
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        (self.v0 ^ self.v1) ^ (self.v2 ^ self.v3)
    }
}

/// The 0-7 bytes `r` as a little-endian word (zero above them), with at most two loads
/// instead of a loop per byte: keys are mostly short, so this is most of their hashing.
#[inline(always)]
fn last_word(r: &[u8]) -> u64 {
    let n = r.len();
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]) as u64;
    if n >= 4 {
        // Two overlapping 4-byte reads cover 4..=7 bytes.
        u32_at(0) | (u32_at(n - 4) << (8 * (n - 4)))
    } else if n > 0 {
        // 1..=3 bytes: the first, the middle and the last (some of them the same byte).
        (r[0] as u64) | ((r[n / 2] as u64) << (8 * (n / 2))) | ((r[n - 1] as u64) << (8 * (n - 1)))
    } else {
        0
    }
}

/// `a == b`, comparing keys of up to 16 bytes with a few loads instead of a `memcmp` call
/// (dict and set keys are mostly short words).
#[inline(always)]
fn short_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let u64_at = |r: &[u8], i: usize| u64::from_le_bytes(r[i..i + 8].try_into().expect("8 bytes"));
    match n {
        0..=7 => last_word(a) == last_word(b),
        // Two overlapping 8-byte reads cover 8..=16 bytes.
        8..=16 => u64_at(a, 0) == u64_at(b, 0) && u64_at(a, n - 8) == u64_at(b, n - 8),
        _ => a == b,
    }
}

/// `_Py_HashBytes` over an already canonical byte string (`""` is 0).
fn hash_canonical_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    // One shot over a slice: whole words, then the last 0-7 bytes gathered into one word
    // (no per-byte bookkeeping; dict and set keys are mostly short).
    let mut h = Sip13::new();
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h.compress(u64::from_le_bytes(w));
    }
    h.tail = last_word(chunks.remainder());
    h.total = b.len() as u64;
    let x = h.finish() as i64;
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `hash(s)` for a str given as UTF-8 text.
pub fn hash_text(text: &str) -> i64 {
    let b = text.as_bytes();
    if b.is_empty() {
        return 0;
    }
    // The largest byte decides the PEP 393 width: continuation bytes are < 0xC0, lead bytes
    // 0xC2/0xC3 encode U+0080..U+00FF, 0xC4..0xEF U+0100..U+FFFF, 0xF0.. the astral planes.
    let max = b.iter().copied().max().unwrap_or(0);
    if max < 0x80 {
        return hash_canonical_bytes(b);
    }
    let mut h = Sip13::new();
    if max < 0xC4 {
        for c in text.chars() {
            h.write_u8(c as u32 as u8);
        }
    } else if max < 0xF0 {
        for c in text.chars() {
            let u = c as u32;
            h.write_u8(u as u8);
            h.write_u8((u >> 8) as u8);
        }
    } else {
        for c in text.chars() {
            for byte in (c as u32).to_le_bytes() {
                h.write_u8(byte);
            }
        }
    }
    let x = h.finish() as i64;
    if x == -1 {
        -2
    } else {
        x
    }
}

/// `hash(s)` for a runtime string (null = `""`).
///
/// # Safety
/// `s` is null or a valid string.
pub unsafe fn hash_str(s: *const KStr) -> i64 {
    // SAFETY: caller contract. Invalid UTF-8 (a compiler bug) is hashed as its lossy text.
    let b = unsafe { strings::bytes(s) };
    // As many code points as bytes: ASCII text, whose canonical form is its bytes (the
    // common case, decided without scanning the text).
    // SAFETY: a non-empty `b` means `s` is a valid, non-null string.
    if !b.is_empty() && unsafe { (*s).nchars } == b.len() as i64 {
        return hash_canonical_bytes(b);
    }
    match std::str::from_utf8(b) {
        Ok(t) => hash_text(t),
        Err(_) => hash_text(&String::from_utf8_lossy(b)),
    }
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(t)` for a tuple whose elements hash to `hashes` (CPython 3.8+'s `tuplehash`).
pub fn hash_tuple(hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5 as i64;
    for &h in hashes {
        acc = hash_tuple_step(acc, h);
    }
    hash_tuple_finish(acc, hashes.len() as i64)
}

/// One element of [`hash_tuple`], for compiled code that hashes the elements itself: the
/// accumulator starts at `_PyHASH_XXPRIME_5`.
pub fn hash_tuple_step(acc: i64, h: i64) -> i64 {
    let acc = (acc as u64).wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
    acc.rotate_left(31).wrapping_mul(XXPRIME_1) as i64
}

/// The end of [`hash_tuple`] over `len` elements.
pub fn hash_tuple_finish(acc: i64, len: i64) -> i64 {
    let acc = (acc as u64).wrapping_add((len as u64) ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

// ---------------------------------------------------------------------------------------
// Key descriptors
// ---------------------------------------------------------------------------------------

/// How a `dict` / `set` hashes and compares its keys (one descriptor per key type, emitted
/// by the compiler as a constant; it must stay valid while any container uses it).
///
/// Layout (`repr(C)`): `kind` i64 at 0, `size` i64 at 8, `has_ptrs` u8 at 16, `hash` fn
/// pointer at 24, `eq` fn pointer at 32; 40 bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct KKeyOps {
    /// [`key_kind`]: 1 int (i64), 2 str (`*const KStr`), 3 float (f64), 4 bool (u8); any
    /// other value: use `hash` and `eq`.
    pub kind: i64,
    /// Bytes of one key (ignored for kinds 1–4: 8, 8, 8, 1).
    pub size: i64,
    /// Whether a key holds GC pointers (ignored for kinds 1–4: only str does).
    pub has_ptrs: u8,
    /// `hash(key)` of the key stored at the address (kind 0). A result of -1 is taken as
    /// -2, as CPython does for `__hash__`.
    pub hash: Option<extern "C" fn(key: *const u8) -> i64>,
    /// `a == b` (1 or 0) for keys stored at the addresses (kind 0).
    pub eq: Option<extern "C" fn(a: *const u8, b: *const u8) -> u8>,
}

/// Values of [`KKeyOps::kind`].
pub mod key_kind {
    /// Other key types: the descriptor's callbacks.
    pub const CALLBACK: i64 = 0;
    /// `int`: i64.
    pub const INT: i64 = 1;
    /// `str`: `*const KStr` (null reads as `""`).
    pub const STR: i64 = 2;
    /// `float`: f64.
    pub const FLOAT: i64 = 3;
    /// `bool`: u8 (non-zero is True).
    pub const BOOL: i64 = 4;
}

impl KKeyOps {
    /// Bytes of one key.
    pub fn key_size(&self) -> usize {
        match self.kind {
            key_kind::INT | key_kind::STR | key_kind::FLOAT => 8,
            key_kind::BOOL => 1,
            _ => self.size.max(0) as usize,
        }
    }

    /// Whether keys hold GC pointers.
    pub fn key_has_ptrs(&self) -> bool {
        match self.kind {
            key_kind::STR => true,
            key_kind::INT | key_kind::FLOAT | key_kind::BOOL => false,
            _ => self.has_ptrs != 0,
        }
    }
}

/// Hashing and equality of one key kind, resolved statically so that the table code is
/// specialised per kind ([`with_key_kind!`]).
pub(crate) trait KeyKind {
    /// Whether `eq` calls compiled code (which could, in principle, mutate the container
    /// being searched: the table code then re-checks its state, as CPython does).
    const CALLBACK: bool = false;

    /// Whether keys are strings, whose lookups `dict` remembers (see `dict::remembered`).
    const STR: bool = false;

    /// The key's hash (never -1).
    ///
    /// # Safety
    /// `k` points to a key of this kind.
    unsafe fn hash(ops: &KKeyOps, k: *const u8) -> i64;

    /// Key equality.
    ///
    /// # Safety
    /// `a` and `b` point to keys of this kind.
    unsafe fn eq(ops: &KKeyOps, a: *const u8, b: *const u8) -> bool;
}

pub(crate) struct IntKey;
pub(crate) struct StrKey;
pub(crate) struct FloatKey;
pub(crate) struct BoolKey;
pub(crate) struct CallbackKey;

impl KeyKind for IntKey {
    #[inline(always)]
    unsafe fn hash(_: &KKeyOps, k: *const u8) -> i64 {
        // SAFETY: caller contract.
        hash_int(unsafe { (k as *const i64).read_unaligned() })
    }
    #[inline(always)]
    unsafe fn eq(_: &KKeyOps, a: *const u8, b: *const u8) -> bool {
        // SAFETY: caller contract.
        unsafe { (a as *const i64).read_unaligned() == (b as *const i64).read_unaligned() }
    }
}

impl KeyKind for StrKey {
    const STR: bool = true;

    #[inline(always)]
    unsafe fn hash(_: &KKeyOps, k: *const u8) -> i64 {
        // SAFETY: caller contract: the key is a valid string pointer (or null).
        unsafe { hash_str((k as *const *const KStr).read_unaligned()) }
    }
    #[inline(always)]
    unsafe fn eq(_: &KKeyOps, a: *const u8, b: *const u8) -> bool {
        // SAFETY: caller contract.
        unsafe {
            let (x, y) = ((a as *const *const KStr).read_unaligned(), (b as *const *const KStr).read_unaligned());
            x == y || short_eq(strings::bytes(x), strings::bytes(y))
        }
    }
}

impl KeyKind for FloatKey {
    #[inline(always)]
    unsafe fn hash(_: &KKeyOps, k: *const u8) -> i64 {
        // SAFETY: caller contract.
        hash_float(unsafe { (k as *const f64).read_unaligned() })
    }
    #[inline(always)]
    unsafe fn eq(_: &KKeyOps, a: *const u8, b: *const u8) -> bool {
        // SAFETY: caller contract.
        let (x, y) = unsafe { ((a as *const f64).read_unaligned(), (b as *const f64).read_unaligned()) };
        // `0.0 == -0.0`; a NaN is the same key as a bit-identical NaN (standing in for
        // CPython's identity check: the same float object stored twice).
        x == y || (x.is_nan() && x.to_bits() == y.to_bits())
    }
}

impl KeyKind for BoolKey {
    #[inline(always)]
    unsafe fn hash(_: &KKeyOps, k: *const u8) -> i64 {
        // SAFETY: caller contract.
        (unsafe { *k } != 0) as i64
    }
    #[inline(always)]
    unsafe fn eq(_: &KKeyOps, a: *const u8, b: *const u8) -> bool {
        // SAFETY: caller contract.
        unsafe { (*a != 0) == (*b != 0) }
    }
}

impl KeyKind for CallbackKey {
    const CALLBACK: bool = true;

    // Once a key function has raised (its exception is pending), no more are called: the
    // operation finishes without changing the table and the caller unwinds.
    #[inline(always)]
    unsafe fn hash(ops: &KKeyOps, k: *const u8) -> i64 {
        if crate::exceptions::is_pending() {
            return 0;
        }
        let f = ops.hash.expect("kiln: key descriptor without a hash function");
        let h = f(k);
        if h == -1 {
            -2
        } else {
            h
        }
    }
    #[inline(always)]
    unsafe fn eq(ops: &KKeyOps, a: *const u8, b: *const u8) -> bool {
        match ops.eq {
            Some(_) if crate::exceptions::is_pending() => false,
            Some(f) => f(a, b) != 0,
            None => {
                let n = ops.key_size();
                // SAFETY: caller contract: both keys are `n` bytes.
                unsafe { std::slice::from_raw_parts(a, n) == std::slice::from_raw_parts(b, n) }
            }
        }
    }
}

/// State of a checked iteration over a `dict` or `set` (CPython's `dictiter` / `setiter`
/// fields), kept by compiled code (24 bytes, e.g. on its stack) and advanced by
/// `kiln_rt_dict_iter_next` / `kiln_rt_set_iter_next`. `pos` -1 means exhausted.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KIter {
    /// Next position to look at (entry index / table slot); -1 once exhausted.
    pub pos: i64,
    /// The container's length when the iteration started (-1 after a size-change error).
    pub used: i64,
    /// Items not produced yet (dicts: detects keys changed at an equal size).
    pub remaining: i64,
}

/// Run `$body` with the type alias `$K` bound to the [`KeyKind`] of `$ops.kind`.
macro_rules! with_key_kind {
    ($ops:expr, $K:ident => $body:expr) => {
        match $ops.kind {
            $crate::hashing::key_kind::INT => {
                type $K = $crate::hashing::IntKey;
                $body
            }
            $crate::hashing::key_kind::STR => {
                type $K = $crate::hashing::StrKey;
                $body
            }
            $crate::hashing::key_kind::FLOAT => {
                type $K = $crate::hashing::FloatKey;
                $body
            }
            $crate::hashing::key_kind::BOOL => {
                type $K = $crate::hashing::BoolKey;
                $body
            }
            _ => {
                type $K = $crate::hashing::CallbackKey;
                $body
            }
        }
    };
}
pub(crate) use with_key_kind;

/// The hash of the key at `k` under `ops`.
///
/// # Safety
/// `k` points to a key described by `ops`.
pub unsafe fn hash_key(ops: &KKeyOps, k: *const u8) -> i64 {
    // SAFETY: caller contract.
    with_key_kind!(ops, K => unsafe { K::hash(ops, k) })
}

/// Equality of the keys at `a` and `b` under `ops`.
///
/// # Safety
/// `a` and `b` point to keys described by `ops`.
pub unsafe fn key_eq(ops: &KKeyOps, a: *const u8, b: *const u8) -> bool {
    // SAFETY: caller contract.
    with_key_kind!(ops, K => unsafe { K::eq(ops, a, b) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_eq_is_equality() {
        let text = b"abcdefghijklmnopqrstuvwxyz";
        for n in 0..=20 {
            let a = &text[..n];
            assert!(short_eq(a, a), "{n} bytes");
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] ^= 1;
                assert!(!short_eq(a, &b), "{n} bytes, byte {i} differs");
            }
            assert!(!short_eq(a, &text[..n + 1]));
        }
    }

    #[test]
    fn last_word_gathers_every_length() {
        let bytes = [0x11u8, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];
        for n in 0..=7 {
            let mut want = 0u64;
            for (i, &b) in bytes[..n].iter().enumerate() {
                want |= (b as u64) << (8 * i);
            }
            assert_eq!(last_word(&bytes[..n]), want, "{n} bytes");
        }
    }

    #[test]
    fn ints() {
        assert_eq!(hash_int(0), 0);
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(-2), -2);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_int(i64::MAX), 3);
        assert_eq!(hash_int(MODULUS as i64), 0);
    }

    #[test]
    fn floats() {
        assert_eq!(hash_float(0.5), 1_152_921_504_606_846_976);
        assert_eq!(hash_float(-0.0), 0);
        assert_eq!(hash_float(1e308), 156_575_653_125_701);
        assert_eq!(hash_float(5e-324), 16_777_216);
        assert_eq!(hash_float(f64::INFINITY), 314_159);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(f64::NAN), HASH_NAN);
        for i in [-5i64, 1, 7, 1 << 40, -(1 << 52)] {
            assert_eq!(hash_float(i as f64), hash_int(i));
        }
    }

    #[test]
    fn strs_and_tuples() {
        assert_eq!(hash_text(""), 0);
        assert_eq!(hash_text("a"), 4_644_417_185_603_328_019);
        assert_eq!(hash_text("é"), 6_047_309_291_227_476_195);
        assert_eq!(hash_tuple(&[1, 2]), -3_550_055_125_485_641_917);
    }
}
