//! Numeric operations with CPython 3.11 semantics and error messages: `int ** int`,
//! `float ** float`, float `//` and `%`, `int(x)`, and the `math` module.
//!
//! Transcendental functions call the C library's libm directly (not Rust's wrappers, some
//! of which, like `asinh`, are Rust's own formulas), so results are bit-identical to
//! CPython's on the same machine. `math.hypot` is CPython's own correctly-rounded
//! algorithm (not libm's `hypot`), reproduced here.

use crate::exceptions::PyErr;

/// kiln's message for a 64-bit `int` overflow (CPython has arbitrary-precision ints).
pub const INT_OVERFLOW_MSG: &str = "integer overflow: result does not fit in 64 bits";

#[link(name = "m")]
extern "C" {
    fn sin(x: f64) -> f64;
    fn cos(x: f64) -> f64;
    fn tan(x: f64) -> f64;
    fn asin(x: f64) -> f64;
    fn acos(x: f64) -> f64;
    fn atan(x: f64) -> f64;
    fn sinh(x: f64) -> f64;
    fn cosh(x: f64) -> f64;
    fn tanh(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn exp(x: f64) -> f64;
    fn exp2(x: f64) -> f64;
    fn expm1(x: f64) -> f64;
    fn log(x: f64) -> f64;
    fn log2(x: f64) -> f64;
    fn log10(x: f64) -> f64;
    fn log1p(x: f64) -> f64;
    fn pow(x: f64, y: f64) -> f64;
    fn atan2(y: f64, x: f64) -> f64;
    fn fmod(x: f64, y: f64) -> f64;
}

/// The C library's `cbrt`. Rust's `compiler_builtins` defines its own `cbrt` (differing
/// in the last bit from glibc's), which the static linker prefers to libm's; look up the
/// shared libm's symbol instead so results match CPython's.
fn libm_cbrt() -> unsafe extern "C" fn(f64) -> f64 {
    static CBRT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *CBRT.get_or_init(|| {
        // SAFETY: dlopen/dlsym with NUL-terminated names; the handle is never closed.
        unsafe {
            let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
            if h.is_null() {
                return 0;
            }
            libc::dlsym(h, c"cbrt".as_ptr()) as usize
        }
    });
    if addr == 0 {
        fallback_cbrt
    } else {
        // SAFETY: `addr` is libm's `double cbrt(double)`.
        unsafe { std::mem::transmute::<usize, unsafe extern "C" fn(f64) -> f64>(addr) }
    }
}

unsafe extern "C" fn fallback_cbrt(x: f64) -> f64 {
    x.cbrt()
}

fn domain_error() -> PyErr {
    PyErr::new("ValueError", "math domain error")
}

fn range_error() -> PyErr {
    PyErr::new("OverflowError", "math range error")
}

/// `base ** exp` for ints.
pub fn int_pow(base: i64, exp: i64) -> Result<i64, PyErr> {
    if exp < 0 {
        return Err(PyErr::new("ValueError", "kiln: int ** negative int is a float in Python; write float(x) ** n"));
    }
    let overflow = || PyErr::new("OverflowError", INT_OVERFLOW_MSG);
    let mut result: i64 = 1;
    let mut b = base;
    let mut e = exp;
    while e > 0 {
        if e & 1 == 1 {
            result = result.checked_mul(b).ok_or_else(overflow)?;
        }
        e >>= 1;
        if e > 0 {
            // Squaring overflows only when |b| >= 2^32, and then a later multiplication
            // by b^(2^k) >= b^2 would overflow too: the error is genuine.
            b = b.checked_mul(b).ok_or_else(overflow)?;
        }
    }
    Ok(result)
}

fn is_odd_integer(x: f64) -> bool {
    // SAFETY: libm call on plain values.
    unsafe { fmod(x.abs(), 2.0) == 1.0 }
}

/// `a ** b` for floats (CPython's `float_pow`).
pub fn float_pow(a: f64, b: f64) -> Result<f64, PyErr> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let aa = a.abs();
        return Ok(if aa == 1.0 {
            1.0
        } else if (b > 0.0) == (aa > 1.0) {
            b.abs()
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(if b > 0.0 {
            if odd {
                a
            } else {
                a.abs()
            }
        } else if odd {
            0.0f64.copysign(a)
        } else {
            0.0
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(PyErr::new("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if base < 0.0 {
        if b != b.floor() {
            return Err(PyErr::new(
                "ValueError",
                "kiln: complex result of negative float ** fractional power is not supported",
            ));
        }
        base = -base;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    // SAFETY: libm call on plain values.
    let r = unsafe { pow(base, b) };
    if r.is_infinite() {
        return Err(PyErr::new("OverflowError", "(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

/// CPython's float `divmod` core: `(a // b, a % b)` for `b != 0`.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    // SAFETY: libm call on plain values.
    let mut m = unsafe { fmod(a, b) };
    // a - m is (mathematically) an exact multiple of b; the division may be off by a
    // rounding error, which the snapping below removes.
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `a // b` for floats; the caller has checked `b != 0` (it raises ZeroDivisionError).
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return f64::NAN;
    }
    float_divmod(a, b).0
}

/// `a % b` for floats; the caller has checked `b != 0`.
pub fn float_mod(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return f64::NAN;
    }
    // SAFETY: libm call on plain values.
    let m = unsafe { fmod(a, b) };
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// An integral-valued float to i64, with CPython's errors for NaN and infinities and
/// kiln's for values beyond 64 bits.
fn integral_to_i64(x: f64) -> Result<i64, PyErr> {
    if x.is_nan() {
        return Err(PyErr::new("ValueError", "cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::new("OverflowError", "cannot convert float infinity to integer"));
    }
    // -2^63 is representable; 2^63 is not.
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        Ok(x as i64)
    } else {
        Err(PyErr::new("OverflowError", INT_OVERFLOW_MSG))
    }
}

/// `int(x)` for a float (truncation).
pub fn float_to_int(x: f64) -> Result<i64, PyErr> {
    integral_to_i64(x.trunc())
}

/// `math.floor(x)`.
pub fn floor(x: f64) -> Result<i64, PyErr> {
    integral_to_i64(x.floor())
}

/// `math.ceil(x)`.
pub fn ceil(x: f64) -> Result<i64, PyErr> {
    integral_to_i64(x.ceil())
}

/// CPython's `math_1`: call `f`, then turn a NaN from a non-NaN argument into "math domain
/// error" and an infinity from a finite argument into "math range error" (when the
/// function can overflow) or "math domain error" (a pole, like `log(0)`).
fn math_1(x: f64, f: unsafe extern "C" fn(f64) -> f64, can_overflow: bool) -> Result<f64, PyErr> {
    // SAFETY: libm call on plain values.
    let r = unsafe { f(x) };
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(r)
}

/// The one-argument `math` functions kiln supports, by name.
pub fn math1(name: &str, x: f64) -> Result<f64, PyErr> {
    match name {
        "sin" => math_1(x, sin, false),
        "cos" => math_1(x, cos, false),
        "tan" => math_1(x, tan, false),
        "asin" => math_1(x, asin, false),
        "acos" => math_1(x, acos, false),
        "atan" => math_1(x, atan, false),
        "sinh" => math_1(x, sinh, true),
        "cosh" => math_1(x, cosh, true),
        "tanh" => math_1(x, tanh, false),
        "asinh" => math_1(x, asinh, false),
        "acosh" => math_1(x, acosh, false),
        "atanh" => math_1(x, atanh, false),
        "exp" => math_1(x, exp, true),
        "exp2" => math_1(x, exp2, true),
        "expm1" => math_1(x, expm1, true),
        "log" => log_like(x, log),
        "log2" => log_like(x, log2),
        "log10" => log_like(x, log10),
        "log1p" => math_1(x, log1p, false),
        "cbrt" => math_1(x, libm_cbrt(), false),
        "sqrt" => sqrt(x),
        "fabs" => Ok(x.abs()),
        _ => Err(PyErr::new("SystemError", format!("kiln: unknown math function {name}"))),
    }
}

/// `math.sqrt` (IEEE sqrt is exact; only the domain check is needed).
pub fn sqrt(x: f64) -> Result<f64, PyErr> {
    if x < 0.0 {
        return Err(domain_error());
    }
    Ok(x.sqrt())
}

/// CPython's `m_log`/`m_log2`/`m_log10` behind `math_1`: positive → libm; 0 and
/// negatives (and -inf) → "math domain error"; NaN and +inf pass through.
fn log_like(x: f64, f: unsafe extern "C" fn(f64) -> f64) -> Result<f64, PyErr> {
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    // SAFETY: libm call on plain values.
    Ok(unsafe { f(x) })
}

/// `math.log(x, base)`.
pub fn log_base(x: f64, base: f64) -> Result<f64, PyErr> {
    let num = log_like(x, log)?;
    let den = log_like(base, log)?;
    if den == 0.0 {
        return Err(PyErr::new("ZeroDivisionError", "float division by zero"));
    }
    Ok(num / den)
}

/// `math.pow(x, y)` (differs from `**`: domain errors instead of ZeroDivisionError or
/// complex results, and `OverflowError: math range error`).
pub fn math_pow(x: f64, y: f64) -> Result<f64, PyErr> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && is_odd_integer(y);
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            // y is infinite here.
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    // SAFETY: libm call on plain values.
    let r = unsafe { pow(x, y) };
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain_error() } else { range_error() });
    }
    Ok(r)
}

/// `math.atan2(y, x)` (C99 special cases; never raises for non-NaN input).
pub fn math_atan2(y: f64, x: f64) -> Result<f64, PyErr> {
    // SAFETY: libm call on plain values.
    let r = unsafe { atan2(y, x) };
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// Veltkamp split of `x` into `hi + lo`, each with at most 26 significant bits, so that
/// products of halves are exact.
fn split(x: f64) -> (f64, f64) {
    const SPLITTER: f64 = 134217729.0; // 2^27 + 1
    let t = x * SPLITTER;
    let hi = t - (t - x);
    (hi, x - hi)
}

/// Add `term` to the running sum, collecting the rounding error in `err` (Neumaier's
/// compensation; valid because `|sum| >= |term|` throughout: the sum starts at 1.0).
fn add_compensated(sum: &mut f64, err: &mut f64, term: f64) {
    let old = *sum;
    *sum += term;
    *err += (old - *sum) + term;
}

/// `math.hypot(x, y)` with CPython 3.11's results: the square root of x² + y² computed as
/// if in double-double precision, hence correctly rounded in all but vanishingly rare
/// cases (libm's `hypot` is not, and differs from CPython in ~0.5% of random inputs).
///
/// The inputs are scaled by a power of two so that the larger lies in [0.5, 1); each is
/// split into halves whose products are exact; the squares are summed onto 1.0 with the
/// rounding errors kept in three accumulators; the square root gets one correction step
/// `h + (sum - h²) / 2h` with `sum - h²` evaluated the same way. When the larger input is
/// so small that the scale factor would overflow, CPython normalises by the larger input
/// instead, and so does this.
pub fn hypot(x: f64, y: f64) -> f64 {
    let (ax, ay) = (x.abs(), y.abs());
    if ax.is_infinite() || ay.is_infinite() {
        return f64::INFINITY;
    }
    if ax.is_nan() || ay.is_nan() {
        return f64::NAN;
    }
    let max = if ax > ay { ax } else { ay };
    if max == 0.0 {
        return max;
    }
    let max_e = frexp_exponent(max);
    let mut csum = 1.0f64;
    let (mut e1, mut e2, mut e3) = (0.0f64, 0.0f64, 0.0f64);
    if max_e < -1023 {
        for v in [ax, ay] {
            let q = v / max;
            add_compensated(&mut csum, &mut e1, q * q);
        }
        return max * (csum - 1.0 + e1).sqrt();
    }
    let scale = pow2(-max_e);
    for v in [ax, ay] {
        let (hi, lo) = split(v * scale);
        add_compensated(&mut csum, &mut e1, hi * hi);
        add_compensated(&mut csum, &mut e2, 2.0 * hi * lo);
        e3 += lo * lo;
    }
    let h = (csum - 1.0 + (e1 + e2 + e3)).sqrt();
    let (hi, lo) = split(h);
    add_compensated(&mut csum, &mut e1, -hi * hi);
    add_compensated(&mut csum, &mut e2, -2.0 * hi * lo);
    add_compensated(&mut csum, &mut e3, -lo * lo);
    let resid = csum - 1.0 + (e1 + e2 + e3);
    (h + resid / (2.0 * h)) / scale
}

/// The exponent `e` of `frexp(x) = (m, e)`, `m` in [0.5, 1), for finite `x > 0`.
fn frexp_exponent(x: f64) -> i32 {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    if biased == 0 {
        let mant = bits & ((1u64 << 52) - 1);
        let msb = 63 - mant.leading_zeros() as i32;
        msb - 1074 + 1
    } else {
        biased - 1022
    }
}

/// `2^e` for `-1074 <= e <= 1023` (subnormal powers included).
fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// `time.time()`: seconds since the Unix epoch.
pub fn time_time() -> f64 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as f64 + d.subsec_nanos() as f64 * 1e-9,
        Err(e) => -(e.duration().as_secs_f64()),
    }
}

/// `time.perf_counter()`: CLOCK_MONOTONIC seconds, as CPython on Linux.
pub fn perf_counter() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer.
    unsafe {
        libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts);
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_pow_cases() {
        assert_eq!(int_pow(2, 62), Ok(1 << 62));
        assert_eq!(int_pow(-2, 63), Ok(i64::MIN));
        assert!(int_pow(2, 63).is_err());
        assert_eq!(int_pow(0, 0), Ok(1));
        assert_eq!(int_pow(-1, i64::MAX), Ok(-1));
        assert_eq!(int_pow(1, i64::MAX), Ok(1));
        assert_eq!(int_pow(0, i64::MAX), Ok(0));
        assert_eq!(int_pow(3037000499, 2), Ok(9223372030926249001));
        assert!(int_pow(3037000500, 2).is_err());
        assert_eq!(int_pow(2, -1).unwrap_err().kind, "ValueError");
    }

    #[test]
    fn float_ops() {
        assert_eq!(float_mod(-1.0, 3.0), 2.0);
        assert!(float_mod(0.0, -3.0).is_sign_negative());
        assert_eq!(float_floordiv(-7.0, 2.0), -4.0);
        assert_eq!(float_floordiv(-5.0, f64::INFINITY), -1.0);
        assert_eq!(float_mod(-5.0, f64::INFINITY), f64::INFINITY);
        assert_eq!(float_pow(-8.0, 1.0 / 3.0).unwrap_err().kind, "ValueError");
        assert_eq!(float_pow(0.0, -1.0).unwrap_err().kind, "ZeroDivisionError");
        assert_eq!(float_pow(2.0, 10000.0).unwrap_err().kind, "OverflowError");
        assert_eq!(float_pow(-1.0, f64::INFINITY), Ok(1.0));
        assert_eq!(hypot(3.0, 4.0), 5.0);
        assert_eq!(hypot(5e-324, 5e-324), 5e-324);
        assert_eq!(hypot(1e308, 1e308), 1.4142135623730951e308);
        assert_eq!(math_pow(0.0, -1.0).unwrap_err().msg.unwrap(), "math domain error");
        assert_eq!(math1("exp", 1000.0).unwrap_err().kind, "OverflowError");
        assert_eq!(math1("sin", f64::INFINITY).unwrap_err().kind, "ValueError");
        assert_eq!(math1("log", 0.0).unwrap_err().kind, "ValueError");
    }
}

/// Correctly rounded `a / b` (`b != 0`). Small operands convert exactly, so one IEEE division
/// rounds once. Otherwise an integer quotient with at least 55 significant bits is formed in
/// 128-bit arithmetic, the remainder folded into its lowest bit as a sticky bit, and the
/// conversion to f64 (round-half-even) plus an exact power-of-two scaling gives the answer.
pub fn int_true_div(a: i64, b: i64) -> f64 {
    const EXACT: u64 = 1 << 53;
    let (ua, ub) = (a.unsigned_abs(), b.unsigned_abs());
    if ua <= EXACT && ub <= EXACT {
        return a as f64 / b as f64;
    }
    let negative = (a < 0) != (b < 0);
    if ua == 0 {
        return if negative { -0.0 } else { 0.0 };
    }
    let bits = |x: u64| 64 - x.leading_zeros() as i32;
    let shift = (55 + bits(ub) - bits(ua)).max(0);
    let numerator = (ua as u128) << shift;
    let quotient = numerator / ub as u128;
    let sticky = (!numerator.is_multiple_of(ub as u128)) as u128;
    let magnitude = ((quotient | sticky) as f64) * 2f64.powi(-shift);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Exact comparison of `i` with `f` (see `kiln_rt_int_float_cmp`).
pub fn int_float_cmp(i: i64, f: f64) -> i64 {
    use std::cmp::Ordering;
    if f.is_nan() {
        return 2;
    }
    if i.unsigned_abs() <= 1 << 53 {
        // Exact conversion.
        return match (i as f64).partial_cmp(&f) {
            Some(Ordering::Less) => -1,
            Some(Ordering::Equal) => 0,
            _ => 1,
        };
    }
    // |f| >= 2**63 (or infinite) is beyond every i64.
    if f >= 9223372036854775808.0 {
        return -1;
    }
    if f < -9223372036854775808.0 {
        return 1;
    }
    let whole = f.trunc();
    let fi = whole as i64; // exact: |whole| < 2**63
    match i.cmp(&fi) {
        Ordering::Less => -1,
        Ordering::Greater => 1,
        Ordering::Equal => {
            let frac = f - whole;
            if frac > 0.0 {
                -1
            } else if frac < 0.0 {
                1
            } else {
                0
            }
        }
    }
}

#[cfg(test)]
mod exact_mixed_tests {
    use super::*;

    #[test]
    fn true_division_rounds_once() {
        // Values computed by CPython 3.11.
        assert_eq!(int_true_div(9007199254740993, 3), 3002399751580331.0);
        assert_eq!(int_true_div(9007199254740995, 5), 1801439850948199.0);
        assert_eq!(int_true_div(123456789012345678, 1000), 123456789012345.67);
        assert_eq!(int_true_div(1, 9007199254740993), 1.1102230246251564e-16);
        assert_eq!(int_true_div(-7, 2), -3.5);
        assert_eq!(int_true_div(i64::MIN, -1), 9.223372036854776e18);
    }

    #[test]
    fn comparisons_are_exact() {
        assert_eq!(int_float_cmp(9007199254740993, 9007199254740992.0), 1);
        assert_eq!(int_float_cmp(i64::MAX, 9223372036854775808.0), -1);
        assert_eq!(int_float_cmp(i64::MIN, -9223372036854775808.0), 0);
        assert_eq!(int_float_cmp(3, 3.5), -1);
        assert_eq!(int_float_cmp(1 << 60, f64::INFINITY), -1);
        assert_eq!(int_float_cmp(0, f64::NAN), 2);
        assert_eq!(int_float_cmp(-(1 << 60) - 1, -1152921504606846976.0), -1);
    }
}
