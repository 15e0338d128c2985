//! Float to text, exactly as CPython (`repr`, `str`, `%`-style and `format()` codes).
//!
//! The digits come from Rust's float formatting, which is correctly rounded: `{:e}` gives
//! the shortest digit string that round-trips (what CPython's repr uses), `{:.N e}` gives
//! N+1 correctly rounded significant digits and `{:.N}` N correctly rounded decimals. They
//! are turned into the `(digits, decpt)` pair David Gay's `dtoa` would return (no leading
//! or trailing zeros; value = 0.DIGITS × 10^decpt) and laid out with CPython's rules.

/// Which digits to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// `repr`: shortest round-trip digits, exponent when decpt <= -4 or decpt > 16.
    Repr,
    /// `e`: precision+1 significant digits, always an exponent.
    Exp,
    /// `f`: precision digits after the point.
    Fixed,
    /// `g`: precision significant digits, trailing zeros removed unless `alt`.
    General,
}

/// Options of [`format_float`], mirroring CPython's `Py_DTSF_*` flags.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flags {
    /// Upper-case `E`, `INF`, `NAN`.
    pub upper: bool,
    /// `#`: keep a trailing decimal point, and trailing zeros for `g`.
    pub alt: bool,
    /// Add `.0` to a result that looks like an integer (`repr`, and `format` without type).
    pub add_dot_0: bool,
    /// `z`: a negative zero (after rounding) loses its sign.
    pub no_neg_0: bool,
}

/// Digits of finite `x >= 0`: `(digits, decpt)` with value = 0.digits × 10^decpt, no
/// leading zeros and trailing zeros stripped; zero is `("0", 1)`.
fn sci_digits(s: &str) -> (Vec<u8>, i64) {
    // `s` is Rust's `{:e}` output for a non-negative finite value: "d[.ddd]e[-]x".
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return (b"0".to_vec(), 1);
    }
    (digits, exp + 1)
}

fn shortest_digits(x: f64) -> (Vec<u8>, i64) {
    let (digits, decpt) = sci_digits(&format!("{:e}", x));
    // When the exact value lies exactly halfway between two shortest candidates, Rust may
    // pick either; CPython (David Gay's dtoa) picks the one with an even last digit, which
    // is what correct rounding to that many digits gives. Such ties need at least 16
    // digits (the decimal spacing must be finer than the gap between doubles) and an exact
    // decimal expansion of at most 18 significant digits.
    if digits.len() >= 16 && short_decimal_expansion(x) {
        let s = format!("{:.*e}", digits.len() - 1, x);
        if s.parse::<f64>() == Ok(x) {
            let (d2, p2) = sci_digits(&s);
            if (d2.as_slice(), p2) != (digits.as_slice(), decpt) {
                return (d2, p2);
            }
        }
    }
    (digits, decpt)
}

/// Could finite `x > 0` have an exact decimal expansion of at most 18 significant digits?
/// (False means certainly not; true for all integers, which are checked the slow way.)
fn short_decimal_expansion(x: f64) -> bool {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7FF) as i32;
    let mut m = bits & ((1u64 << 52) - 1);
    let mut q = if biased == 0 {
        -1074
    } else {
        m |= 1u64 << 52;
        biased - 1075
    };
    if m == 0 {
        return true;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    q += tz as i32;
    if q >= 0 {
        return true;
    }
    // x = m / 2^k = m * 5^k / 10^k: its significant digits are those of m * 5^k.
    let k = (-q) as u32;
    k <= 26 && (m as u128) * 5u128.pow(k) < 1_000_000_000_000_000_000
}

fn significant_digits(x: f64, n: usize) -> (Vec<u8>, i64) {
    sci_digits(&format!("{:.*e}", n.saturating_sub(1), x))
}

fn fixed_digits(x: f64, precision: usize) -> (Vec<u8>, i64) {
    let s = format!("{:.*}", precision, x);
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
    let lead = digits.iter().take_while(|&&d| d == b'0').count();
    let decpt = int_part.len() as i64 - lead as i64;
    digits.drain(..lead);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        // Rounds to zero: laid out the same as an exact zero.
        return (b"0".to_vec(), 1);
    }
    (digits, decpt)
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)` (without `Py_DTSF_SIGN`):
/// the text of `x` with a leading `-` when negative.
pub fn format_float(x: f64, code: Code, precision: usize, flags: Flags) -> String {
    if x.is_nan() {
        return if flags.upper { "NAN" } else { "nan" }.to_string();
    }
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        let body = if flags.upper { "INF" } else { "inf" };
        return if negative { format!("-{body}") } else { body.to_string() };
    }
    let ax = x.abs();
    // CPython: precision 0 means 1 for 'g'; 'e' asks dtoa for precision+1 digits.
    let (digits, mut decpt, prec) = match code {
        Code::Repr => {
            let (d, p) = shortest_digits(ax);
            (d, p, 0i64)
        }
        Code::Exp => {
            let n = precision.saturating_add(1);
            let (d, p) = significant_digits(ax, n);
            (d, p, n as i64)
        }
        Code::Fixed => {
            let (d, p) = fixed_digits(ax, precision);
            (d, p, precision as i64)
        }
        Code::General => {
            let n = precision.max(1);
            let (d, p) = significant_digits(ax, n);
            (d, p, n as i64)
        }
    };
    let ndigits = digits.len() as i64;
    if flags.no_neg_0 && negative && digits == b"0" {
        negative = false;
    }

    // Which slice of the virtual string ...000DIGITS000... is printed, and where the
    // point goes (CPython's vdigits_start / vdigits_end).
    let mut use_exp = false;
    let mut vend = ndigits;
    match code {
        Code::Exp => {
            use_exp = true;
            vend = prec;
        }
        Code::Fixed => vend = decpt + prec,
        Code::General => {
            let limit = if flags.add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vend = prec;
            }
        }
        Code::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };

    let mut out = String::with_capacity((vend - vstart).max(0) as usize + 8);
    if negative {
        out.push('-');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let push_digits = |out: &mut String, d: &[u8]| {
        // Digits are ASCII by construction.
        out.push_str(std::str::from_utf8(d).unwrap_or(""));
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= ndigits {
        push_digits(&mut out, &digits[..decpt as usize]);
        out.push('.');
        push_digits(&mut out, &digits[decpt as usize..]);
    } else {
        push_digits(&mut out, &digits);
    }
    if ndigits < decpt {
        zeros(&mut out, decpt - ndigits);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - ndigits);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// Python's `repr(x)` (and `str(x)`) of a float.
pub fn repr(x: f64) -> String {
    format_float(x, Code::Repr, 0, Flags { add_dot_0: true, ..Flags::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_examples() {
        let cases: &[(f64, &str)] = &[
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (1e-4, "0.0001"),
            (-2.5e100, "-2.5e+100"),
            (100.0, "100.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789.0, "123456789.0"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr(x), want, "repr({x:e})");
        }
    }

    #[test]
    fn fixed_and_exp() {
        let f = Flags::default();
        assert_eq!(format_float(2.5, Code::Fixed, 0, f), "2");
        assert_eq!(format_float(0.125, Code::Fixed, 2, f), "0.12");
        assert_eq!(format_float(-0.0001, Code::Fixed, 2, f), "-0.00");
        assert_eq!(format_float(1.0, Code::Exp, 0, f), "1e+00");
        assert_eq!(format_float(123456.0, Code::General, 6, f), "123456");
        assert_eq!(format_float(1234567.0, Code::General, 6, f), "1.23457e+06");
        let alt = Flags { alt: true, ..f };
        assert_eq!(format_float(1.0, Code::Fixed, 0, alt), "1.");
        assert_eq!(format_float(1.0, Code::General, 6, alt), "1.00000");
    }
}
