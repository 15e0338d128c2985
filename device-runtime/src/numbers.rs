//! `round()`, three-argument `pow()` and the `math` functions that `math.rs` does not have
//! (`fsum`, `factorial`, `gcd`, `lcm`, `comb`, `perm`, `isclose`, `trunc`, `copysign`,
//! `erf`, `erfc`, `gamma`, `lgamma`, `fmod`, `modf`, `frexp`, `ldexp`, `isqrt`), with
//! CPython 3.11's results and error messages.
//!
//! * `round(x, n)` is CPython's `double_round`: the exact binary value of `x` is rounded
//!   half-even to `n` decimal places, and the decimal result converted back to the
//!   nearest double (CPython goes through `_Py_dg_dtoa` mode 3 and `_Py_dg_strtod`; here
//!   an exact big-integer expansion and Rust's correctly rounded `str::parse::<f64>`, with
//!   a 128-bit fast path for the common cases).
//! * `gamma` and `lgamma` are CPython's own Lanczos implementations (not libm's), `erf`
//!   and `erfc` the C library's, as in CPython on Linux.
//! * Integer results that do not fit in 64 bits raise kiln's `OverflowError: integer
//!   overflow: result does not fit in 64 bits` ([`INT_OVERFLOW_MSG`]).

use std::ffi::CStr;
use std::sync::OnceLock;

use crate::exceptions::PyErr;
use crate::math::{self, INT_OVERFLOW_MSG};

#[link(name = "m")]
extern "C" {
    fn exp(x: f64) -> f64;
    fn log(x: f64) -> f64;
    fn pow(x: f64, y: f64) -> f64;
    fn sin(x: f64) -> f64;
    fn cos(x: f64) -> f64;
    fn fmod(x: f64, y: f64) -> f64;
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
}

fn overflow() -> PyErr {
    PyErr::new("OverflowError", INT_OVERFLOW_MSG)
}

fn domain_error() -> PyErr {
    PyErr::new("ValueError", "math domain error")
}

fn range_error() -> PyErr {
    PyErr::new("OverflowError", "math range error")
}

fn to_i64(v: i128) -> Result<i64, PyErr> {
    i64::try_from(v).map_err(|_| overflow())
}

// ---------------------------------------------------------------------------------------
// A minimal unsigned big integer (little-endian 32-bit limbs), for exact rounding.
// ---------------------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct BigUint {
    limbs: Vec<u32>,
}

impl BigUint {
    fn from_u64(v: u64) -> BigUint {
        let mut b = BigUint { limbs: vec![v as u32, (v >> 32) as u32] };
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for l in self.limbs.iter_mut() {
            let v = *l as u64 * k as u64 + carry;
            *l = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self *= 5^k`.
    fn mul_pow5(&mut self, mut k: u32) {
        const P13: u32 = 1_220_703_125; // 5^13
        while k >= 13 {
            self.mul_small(P13);
            k -= 13;
        }
        if k > 0 {
            self.mul_small(5u32.pow(k));
        }
    }

    /// `self <<= k`.
    fn shl(&mut self, k: u32) {
        if self.is_zero() {
            return;
        }
        let (words, bits) = ((k / 32) as usize, k % 32);
        if bits > 0 {
            self.mul_small(1 << bits);
        }
        if words > 0 {
            self.limbs.splice(0..0, vec![0u32; words]);
        }
    }

    /// `self /= k`, returning the remainder.
    fn div_small(&mut self, k: u32) -> u32 {
        let mut rem = 0u64;
        for l in self.limbs.iter_mut().rev() {
            let cur = (rem << 32) | *l as u64;
            *l = (cur / k as u64) as u32;
            rem = cur % k as u64;
        }
        self.trim();
        rem as u32
    }

    fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".to_string();
        }
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.is_zero() {
            chunks.push(n.div_small(1_000_000_000));
        }
        let mut s = chunks.last().map(|c| c.to_string()).unwrap_or_default();
        for c in chunks.iter().rev().skip(1) {
            s.push_str(&format!("{c:09}"));
        }
        s
    }
}

/// Add one to a string of decimal digits ("" counts as 0).
fn decimal_increment(digits: &str) -> String {
    let mut b: Vec<u8> = digits.as_bytes().to_vec();
    let mut i = b.len();
    loop {
        if i == 0 {
            b.insert(0, b'1');
            break;
        }
        i -= 1;
        if b[i] == b'9' {
            b[i] = b'0';
        } else {
            b[i] += 1;
            break;
        }
    }
    String::from_utf8(b).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------------------

/// CPython's bounds beyond which `round(x, n)` is `x` (n too large) or a signed zero.
const NDIGITS_MAX: i64 = 323;
const NDIGITS_MIN: i64 = -308;

/// `x = m * 2^e` with `m` odd (finite, non-zero `x`; sign ignored).
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if biased == 0 { (frac, -1074) } else { (frac | (1u64 << 52), biased - 1075) };
    let tz = m.trailing_zeros();
    (m >> tz, e + tz as i32)
}

fn parse_decimal(digits: &str, exp10: i64) -> f64 {
    format!("{digits}e{exp10}").parse::<f64>().unwrap_or(f64::NAN)
}

/// `|x|` rounded half-even to `nd` decimal places, as decimal digits `N` meaning
/// `N * 10^-nd`; None when `|x|` has no more than `nd` decimal places (it rounds to itself).
fn round_digits(m: u64, e: i32, nd: i64) -> Option<String> {
    // |x| = D * 10^E exactly.
    let (d, big_e) = if e < 0 {
        let mut d = BigUint::from_u64(m);
        d.mul_pow5((-e) as u32);
        (d, e as i64)
    } else {
        let mut d = BigUint::from_u64(m);
        d.shl(e as u32);
        (d, 0i64)
    };
    // Number of trailing decimal digits of D to drop.
    let t = -nd - big_e;
    if t <= 0 {
        return None;
    }
    let digits = d.to_decimal();
    let len = digits.len() as i64;
    if t > len {
        return Some("0".to_string());
    }
    let keep = (len - t) as usize;
    let (kept, dropped) = digits.split_at(keep);
    let first = dropped.as_bytes()[0];
    let rest_nonzero = dropped.as_bytes()[1..].iter().any(|&c| c != b'0');
    let last_odd = kept.as_bytes().last().is_some_and(|&c| (c - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (rest_nonzero || last_odd));
    let kept = if kept.is_empty() { "0" } else { kept };
    Some(if up { decimal_increment(kept) } else { kept.to_string() })
}

/// Exact powers of ten representable as doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The fast path of [`float_round`]: `0 <= nd <= 22` and `e < 0`, where `m * 10^nd` fits in
/// 128 bits. Returns the magnitude of the result.
fn round_fast(m: u64, e: i32, nd: i64) -> f64 {
    let s = (-e) as u32;
    let prod = m as u128 * 10u128.pow(nd as u32);
    let q = if s >= 128 {
        0 // prod < 2^127 / 2 < 2^s / 2
    } else {
        let q = prod >> s;
        let r = prod - (q << s);
        let half = 1u128 << (s - 1);
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    if q < (1u128 << 53) {
        // Both operands exact: one correctly rounded division.
        q as f64 / POW10[nd as usize]
    } else {
        parse_decimal(&q.to_string(), -nd)
    }
}

/// `round(x, ndigits)` for a float (CPython's `float.__round__` with an int argument).
/// Raises `OverflowError: rounded value too large to represent` when the rounded decimal
/// value is beyond the float range (e.g. `round(1.7976931348623157e308, -308)`).
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, PyErr> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let neg = x.is_sign_negative();
    let (m, e) = decompose(x);
    if e >= 0 && ndigits >= 0 {
        return Ok(x);
    }
    let mag = if e < 0 && (0..=22).contains(&ndigits) {
        round_fast(m, e, ndigits)
    } else {
        match round_digits(m, e, ndigits) {
            None => return Ok(x),
            Some(n) => parse_decimal(&n, -ndigits),
        }
    };
    if mag.is_infinite() {
        return Err(PyErr::new("OverflowError", "rounded value too large to represent"));
    }
    Ok(if neg { -mag } else { mag })
}

/// `round(x)` for a float: an int, halfway cases to even.
pub fn float_round_int(x: f64) -> Result<i64, PyErr> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    math::float_to_int(r)
}

/// `round(i, ndigits)` for an int: `i` itself for `ndigits >= 0`, else rounded half-even to
/// a multiple of `10^-ndigits`.
pub fn int_round(i: i64, ndigits: i64) -> Result<i64, PyErr> {
    if ndigits >= 0 {
        return Ok(i);
    }
    let k = ndigits.unsigned_abs();
    if k >= 20 {
        // |i| < 2^63 < 10^20 / 2.
        return Ok(0);
    }
    let p = 10i128.pow(k as u32);
    let a = i as i128;
    let mut q = a.div_euclid(p);
    let r = a.rem_euclid(p);
    if 2 * r > p || (2 * r == p && q & 1 == 1) {
        q += 1;
    }
    to_i64(q * p)
}

// ---------------------------------------------------------------------------------------
// pow(base, exp, mod)
// ---------------------------------------------------------------------------------------

/// `pow(base, exp, modulus)` for ints (CPython's `long_pow` with a modulus).
pub fn int_pow_mod(base: i64, exp: i64, modulus: i64) -> Result<i64, PyErr> {
    if modulus == 0 {
        return Err(PyErr::new("ValueError", "pow() 3rd argument cannot be 0"));
    }
    let negative_output = modulus < 0;
    let c = modulus.unsigned_abs() as u128;
    if c == 1 {
        return Ok(0);
    }
    let mut a = (base as i128).rem_euclid(c as i128) as u128;
    let mut e = (exp as i128).unsigned_abs();
    if exp < 0 {
        a = invmod(a, c).ok_or_else(|| PyErr::new("ValueError", "base is not invertible for the given modulus"))?;
    }
    let mut z: u128 = 1 % c;
    while e > 0 {
        if e & 1 == 1 {
            z = z * a % c;
        }
        e >>= 1;
        if e > 0 {
            a = a * a % c;
        }
    }
    let mut r = z as i128;
    if negative_output && r != 0 {
        r -= c as i128;
    }
    to_i64(r)
}

/// The inverse of `a` modulo `n` (`0 <= a < n`), if `gcd(a, n) == 1`.
fn invmod(a: u128, n: u128) -> Option<u128> {
    let (mut r0, mut r1) = (a as i128, n as i128);
    let (mut s0, mut s1) = (1i128, 0i128);
    while r1 != 0 {
        let q = r0.div_euclid(r1);
        (r0, r1) = (r1, r0 - q * r1);
        (s0, s1) = (s1, s0 - q * s1);
    }
    (r0 == 1).then(|| s0.rem_euclid(n as i128) as u128)
}

// ---------------------------------------------------------------------------------------
// math: integer functions
// ---------------------------------------------------------------------------------------

/// `math.factorial(n)`.
pub fn factorial(n: i64) -> Result<i64, PyErr> {
    if n < 0 {
        return Err(PyErr::new("ValueError", "factorial() not defined for negative values"));
    }
    let mut r: i64 = 1;
    for k in 2..=n {
        r = r.checked_mul(k).ok_or_else(overflow)?;
    }
    Ok(r)
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// `math.gcd(a, b)` (non-negative; `gcd(-2**63, 0)` is 2**63, an overflow here).
pub fn gcd(a: i64, b: i64) -> Result<i64, PyErr> {
    i64::try_from(gcd_u64(a.unsigned_abs(), b.unsigned_abs())).map_err(|_| overflow())
}

/// `math.lcm(a, b)` (non-negative; 0 when either is 0).
pub fn lcm(a: i64, b: i64) -> Result<i64, PyErr> {
    if a == 0 || b == 0 {
        return Ok(0);
    }
    let g = gcd_u64(a.unsigned_abs(), b.unsigned_abs()) as i128;
    to_i64(((a as i128 / g) * b as i128).abs())
}

fn check_n_k(n: i64, k: i64) -> Result<(), PyErr> {
    if n < 0 {
        return Err(PyErr::new("ValueError", "n must be a non-negative integer"));
    }
    if k < 0 {
        return Err(PyErr::new("ValueError", "k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.comb(n, k)`: exact, OverflowError when the result exceeds 64 bits.
pub fn comb(n: i64, k: i64) -> Result<i64, PyErr> {
    check_n_k(n, k)?;
    if k > n {
        return Ok(0);
    }
    let k = k.min(n - k) as i128;
    let n = n as i128;
    // r = C(n - k + i, i) after step i: nondecreasing, so the first value beyond 64 bits
    // means the result is too; each product stays below 2^63 * 2^63.
    let mut r: i128 = 1;
    for i in 1..=k {
        r = r * (n - k + i) / i;
        if r > i64::MAX as i128 {
            return Err(overflow());
        }
    }
    Ok(r as i64)
}

/// `math.perm(n, k)`: exact, OverflowError when the result exceeds 64 bits.
pub fn perm(n: i64, k: i64) -> Result<i64, PyErr> {
    check_n_k(n, k)?;
    if k > n {
        return Ok(0);
    }
    let mut r: i64 = 1;
    for i in 0..k {
        r = r.checked_mul(n - i).ok_or_else(overflow)?;
    }
    Ok(r)
}

/// `math.isqrt(n)`.
pub fn isqrt(n: i64) -> Result<i64, PyErr> {
    if n < 0 {
        return Err(PyErr::new("ValueError", "isqrt() argument must be nonnegative"));
    }
    let n = n as u64;
    let mut a = (n as f64).sqrt() as u64;
    while (a as u128) * (a as u128) > n as u128 {
        a -= 1;
    }
    while ((a + 1) as u128) * ((a + 1) as u128) <= n as u128 {
        a += 1;
    }
    Ok(a as i64)
}

// ---------------------------------------------------------------------------------------
// math: float functions
// ---------------------------------------------------------------------------------------

/// `math.fsum` of `xs`: CPython's exact partials algorithm, with its errors
/// (`OverflowError: intermediate overflow in fsum`, `ValueError: -inf + inf in fsum`).
pub fn fsum(xs: &[f64]) -> Result<f64, PyErr> {
    let mut p: Vec<f64> = Vec::with_capacity(32);
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &item in xs {
        let mut x = item;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::new("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::new("ValueError", "-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> Result<bool, PyErr> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::new("ValueError", "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// Look up a one-argument function of the shared C math library (`libm.so.6`), so that the
/// result is glibc's even where a statically linked Rust runtime library defines a symbol
/// of the same name; `fallback` when the library cannot be opened.
fn libm_fn(
    slot: &'static OnceLock<usize>,
    name: &'static CStr,
    fallback: unsafe extern "C" fn(f64) -> f64,
) -> unsafe extern "C" fn(f64) -> f64 {
    let addr = *slot.get_or_init(|| {
        // SAFETY: dlopen/dlsym with NUL-terminated names; the handle is never closed.
        unsafe {
            let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
            if h.is_null() {
                return 0;
            }
            libc::dlsym(h, name.as_ptr()) as usize
        }
    });
    if addr == 0 {
        fallback
    } else {
        // SAFETY: `addr` is libm's `double name(double)`.
        unsafe { std::mem::transmute::<usize, unsafe extern "C" fn(f64) -> f64>(addr) }
    }
}

/// `math.erf(x)` (the C library's, as CPython on Linux; never raises).
pub fn math_erf(x: f64) -> f64 {
    static SLOT: OnceLock<usize> = OnceLock::new();
    // SAFETY: libm call on a plain value.
    unsafe { libm_fn(&SLOT, c"erf", erf)(x) }
}

/// `math.erfc(x)` (the C library's; never raises: underflow gives 0.0).
pub fn math_erfc(x: f64) -> f64 {
    static SLOT: OnceLock<usize> = OnceLock::new();
    // SAFETY: libm call on a plain value.
    unsafe { libm_fn(&SLOT, c"erfc", erfc)(x) }
}

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.144_729_885_849_400_2;

/// `sin(pi * x)`, accurate for all finite `x` (CPython's `m_sinpi`).
fn m_sinpi(x: f64) -> f64 {
    // SAFETY (all libm calls below): plain values.
    let y = unsafe { fmod(x.abs(), 2.0) };
    let n = (2.0 * y).round() as i32;
    let r = unsafe {
        match n {
            0 => sin(PI * y),
            1 => cos(PI * (y - 0.5)),
            2 => sin(PI * (1.0 - y)),
            3 => -cos(PI * (y - 1.5)),
            _ => sin(PI * (y - 2.0)),
        }
    };
    1.0f64.copysign(x) * r
}

const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)] // exactly representable (CPython's text)
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// Lanczos' sum L_g(x) for positive x (CPython's `lanczos_sum`).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// The errno a CPython `m_*` function would set.
enum Errno {
    None,
    Dom,
    Range,
}

/// CPython's `math_1a` + `is_error`: EDOM is a domain error, ERANGE an overflow unless the
/// result is below 1.5 in magnitude (an underflow).
fn math_1a(r: f64, errno: Errno) -> Result<f64, PyErr> {
    match errno {
        Errno::None => Ok(r),
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

/// CPython's `m_tgamma`.
fn m_tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, if r.is_infinite() { Errno::Range } else { Errno::None });
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / m_sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    // SAFETY (libm calls): plain values.
    let r = unsafe {
        if x < 0.0 {
            let mut r = -PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
            r -= z * r;
            if absx < 140.0 {
                r /= pow(y, absx - 0.5);
            } else {
                let sqrtpow = pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
            r
        } else {
            let mut r = lanczos_sum(absx) / exp(y);
            r += z * r;
            if absx < 140.0 {
                r *= pow(y, absx - 0.5);
            } else {
                let sqrtpow = pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
            r
        }
    };
    (r, if r.is_infinite() { Errno::Range } else { Errno::None })
}

/// CPython's `m_lgamma`.
fn m_lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::None);
        }
        return (f64::INFINITY, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    // SAFETY (libm calls): plain values.
    unsafe {
        if absx < 1e-20 {
            return (-log(absx), Errno::None);
        }
        let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
        r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
        if x < 0.0 {
            r = LOGPI - log(m_sinpi(absx).abs()) - log(absx) - r;
        }
        (r, if r.is_infinite() { Errno::Range } else { Errno::None })
    }
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, PyErr> {
    let (r, e) = m_tgamma(x);
    math_1a(r, e)
}

/// `math.lgamma(x)`.
pub fn lgamma(x: f64) -> Result<f64, PyErr> {
    let (r, e) = m_lgamma(x);
    math_1a(r, e)
}

/// `math.fmod(x, y)`.
pub fn math_fmod(x: f64, y: f64) -> Result<f64, PyErr> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    // SAFETY: libm call on plain values.
    let r = unsafe { fmod(x, y) };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.modf(x)`: `(fractional part, integer part)`, both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int = x.trunc();
    ((x - int).copysign(x), int)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1` (`(x, 0)` for zeros,
/// infinities and NaN).
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: scale into the normal range first (exact).
        let (m, e) = frexp(x * 18014398509481984.0); // 2^54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, biased - 1022)
}

/// `x * 2^n` correctly rounded (musl's `scalbn`: the scaling is split so that only the last
/// multiplication can round).
fn scalbn(x: f64, mut n: i32) -> f64 {
    let mut y = x;
    if n > 1023 {
        y *= f64::from_bits(0x7FEu64 << 52); // 2^1023
        n -= 1023;
        if n > 1023 {
            y *= f64::from_bits(0x7FEu64 << 52);
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        let step = f64::from_bits(1u64 << 52) * 9007199254740992.0; // 2^-1022 * 2^53
        y *= step;
        n += 1022 - 53;
        if n < -1022 {
            y *= step;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// `math.ldexp(x, i)`; `OverflowError: math range error` when the result overflows.
pub fn ldexp(x: f64, i: i64) -> Result<f64, PyErr> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    if i > i32::MAX as i64 {
        return Err(range_error());
    }
    if i < i32::MIN as i64 {
        return Ok(0.0f64.copysign(x));
    }
    let r = scalbn(x, i as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow_round(x: f64, nd: i64) -> f64 {
        let (m, e) = decompose(x);
        let mag = match round_digits(m, e, nd) {
            None => x.abs(),
            Some(n) => parse_decimal(&n, -nd),
        };
        if x < 0.0 {
            -mag
        } else {
            mag
        }
    }

    #[test]
    fn round_examples() {
        assert_eq!(float_round(0.125, 2), Ok(0.12));
        assert_eq!(float_round(0.375, 2), Ok(0.38));
        assert_eq!(float_round(2.675, 2), Ok(2.67));
        assert_eq!(float_round(2.5, 0), Ok(2.0));
        assert_eq!(float_round(3.5, 0), Ok(4.0));
        assert_eq!(float_round(1234.5678, -2), Ok(1200.0));
        assert_eq!(float_round(1250.0, -2), Ok(1200.0));
        assert_eq!(float_round(1350.0, -2), Ok(1400.0));
        assert!(float_round(-0.001, 1).unwrap().is_sign_negative());
        assert_eq!(float_round(5e-324, 323), Ok(0.0));
        assert_eq!(float_round(5e-324, 324), Ok(5e-324));
        assert_eq!(float_round(1e300, 10), Ok(1e300));
        assert_eq!(float_round(1.7976931348623157e308, -308).unwrap_err().kind, "OverflowError");
        assert_eq!(float_round(-1.5, -1000), Ok(-0.0));
        assert!(float_round(-1.5, -1000).unwrap().is_sign_negative());
        assert_eq!(float_round_int(2.5), Ok(2));
        assert_eq!(float_round_int(-2.5), Ok(-2));
        assert_eq!(float_round_int(3.5), Ok(4));
        assert_eq!(float_round_int(0.49999999999999994), Ok(0));
        assert_eq!(int_round(25, -1), Ok(20));
        assert_eq!(int_round(-35, -1), Ok(-40));
        assert_eq!(int_round(i64::MAX, -19), Err(overflow()));
        assert_eq!(int_round(4_000_000_000_000_000_000, -19), Ok(0));
        assert_eq!(int_round(i64::MIN, -25), Ok(0));
    }

    #[test]
    fn round_fast_path_agrees_with_exact_path() {
        // A small xorshift generator: random bit patterns and decimal-looking values.
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for _ in 0..20000 {
            let r = next();
            let x = match r % 3 {
                0 => f64::from_bits(next() & 0x7fff_ffff_ffff_ffff),
                1 => (next() % 100_000_000) as f64 / 10f64.powi((next() % 9) as i32),
                _ => (next() % 1000) as f64 + 0.5 / 10f64.powi((next() % 6) as i32),
            };
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let nd = (next() % 23) as i64;
            let (m, e) = decompose(x);
            if e >= 0 {
                continue;
            }
            let fast = round_fast(m, e, nd);
            assert_eq!(fast.to_bits(), slow_round(x, nd).to_bits(), "round({x:e}, {nd})");
        }
    }

    #[test]
    fn pow_mod_cases() {
        assert_eq!(int_pow_mod(3, -1, -7), Ok(-2));
        assert_eq!(int_pow_mod(0, -1, 1), Ok(0));
        assert_eq!(int_pow_mod(5, 0, -7), Ok(-6));
        assert_eq!(int_pow_mod(-3, 3, 7), Ok(1));
        assert_eq!(int_pow_mod(2, -1, 4).unwrap_err().msg.unwrap(), "base is not invertible for the given modulus");
        assert_eq!(int_pow_mod(2, 3, 0).unwrap_err().msg.unwrap(), "pow() 3rd argument cannot be 0");
        assert_eq!(int_pow_mod(i64::MAX, i64::MAX, i64::MIN), Ok(-1));
        assert_eq!(int_pow_mod(2, 100, i64::MIN), Ok(0));
    }

    #[test]
    fn integer_functions() {
        assert_eq!(factorial(20), Ok(2432902008176640000));
        assert_eq!(factorial(21), Err(overflow()));
        assert_eq!(gcd(i64::MIN, 0), Err(overflow()));
        assert_eq!(gcd(i64::MIN, 6), Ok(2));
        assert_eq!(lcm(-4, 6), Ok(12));
        assert_eq!(comb(66, 33), Ok(7219428434016265740));
        assert_eq!(comb(67, 33), Err(overflow()));
        assert_eq!(comb(68, 34), Err(overflow()));
        assert_eq!(comb(i64::MAX, 1), Ok(i64::MAX));
        assert_eq!(comb(i64::MAX, i64::MAX - 1), Ok(i64::MAX));
        assert_eq!(perm(20, 20), Ok(2432902008176640000));
        assert_eq!(isqrt(i64::MAX), Ok(3037000499));
        assert_eq!(isqrt(15), Ok(3));
        assert_eq!(isqrt(16), Ok(4));
    }

    #[test]
    fn float_helpers() {
        assert_eq!(frexp(5e-324), (0.5, -1073));
        assert_eq!(frexp(-8.0), (-0.5, 4));
        assert_eq!(ldexp(5e-324, -1), Ok(0.0));
        assert_eq!(ldexp(0.75, -1074), Ok(5e-324));
        assert_eq!(ldexp(1.0, 1023), Ok(8.98846567431158e307));
        assert!(ldexp(1.0, 1024).is_err());
        assert_eq!(ldexp(8.98846567431158e307, -2097), Ok(5e-324));
        let (f, i) = modf(-3.0);
        assert!(f == 0.0 && f.is_sign_negative() && i == -3.0);
        assert_eq!(fsum(&[1e-16, 1.0, 1e16]), Ok(10000000000000002.0));
        assert_eq!(fsum(&[0.1; 10]), Ok(1.0));
    }
}
