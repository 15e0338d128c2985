//! Python's format-spec mini-language (`format(v, spec)`, f-string `{v:spec}`) for
//! `int`, `bool`, `float` and `str`, following CPython 3.11 (`Python/formatter_unicode.c`):
//!
//! ```text
//! [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//! ```
//!
//! The number layout is `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
//! Locale-dependent `n` uses the C locale (no grouping, `.`), which is what CPython uses
//! unless a program calls `locale.setlocale`.

use crate::exceptions::PyErr;
use crate::float_repr::{self, Code, Flags};
use crate::unicode_tables::DECIMAL_ZEROS;

/// A width or precision above this many characters raises `MemoryError` instead of
/// trying to build a string of hundreds of megabytes (kiln's limit; CPython would try).
const MAX_OUTPUT_CHARS: i64 = 1 << 28;

/// Thousands grouping requested by the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grouping {
    None,
    /// `,` every 3 digits.
    Comma,
    /// `_` every 3 digits (decimal) ...
    Underscore,
    /// ... or every 4 digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec.
#[derive(Clone, Debug)]
struct Spec {
    fill: char,
    align: char,
    sign: Option<char>,
    no_neg_0: bool,
    alternate: bool,
    /// -1 when absent.
    width: i64,
    grouping: Grouping,
    /// -1 when absent.
    precision: i64,
    /// None: no type given and no default (floats).
    ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Value of a Unicode decimal digit (category Nd), as CPython's `Py_UNICODE_TODECIMAL`.
fn decimal_value(c: char) -> Option<i64> {
    if c.is_ascii_digit() {
        return Some(c as i64 - '0' as i64);
    }
    let c = c as u32;
    if c < 0x80 {
        return None;
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    if i == 0 {
        return None;
    }
    let zero = DECIMAL_ZEROS[i - 1];
    if c - zero < 10 {
        Some((c - zero) as i64)
    } else {
        None
    }
}

fn value_err(msg: impl Into<String>) -> PyErr {
    PyErr::new("ValueError", msg)
}

/// Read a run of decimal digits at `*pos`; `None` when there are none.
fn get_integer(spec: &[char], pos: &mut usize) -> Result<Option<i64>, PyErr> {
    let mut acc: i64 = 0;
    let mut n = 0;
    while let Some(d) = spec.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (i64::MAX - d) / 10 {
            return Err(value_err("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 { None } else { Some(acc) })
}

fn type_char_text(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", v)
    }
}

fn unknown_code(ty: char, type_name: &str) -> PyErr {
    value_err(format!("Unknown format code '{}' for object of type '{}'", type_char_text(ty), type_name))
}

/// CPython's `parse_internal_render_format_spec`.
fn parse(spec_str: &str, default_type: Option<char>, default_align: char, type_name: &str) -> Result<Spec, PyErr> {
    let spec: Vec<char> = spec_str.chars().collect();
    let end = spec.len();
    let mut pos = 0usize;
    let mut s = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: -1,
        grouping: Grouping::None,
        precision: -1,
        ty: default_type,
    };
    let mut fill_specified = false;
    let mut align_specified = false;

    if end - pos >= 2 && is_align(spec[pos + 1]) {
        s.fill = spec[pos];
        s.align = spec[pos + 1];
        fill_specified = true;
        align_specified = true;
        pos += 2;
    } else if end - pos >= 1 && is_align(spec[pos]) {
        s.align = spec[pos];
        align_specified = true;
        pos += 1;
    }
    if pos < end && matches!(spec[pos], '+' | '-' | ' ') {
        s.sign = Some(spec[pos]);
        pos += 1;
    }
    if pos < end && spec[pos] == 'z' {
        s.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && spec[pos] == '#' {
        s.alternate = true;
        pos += 1;
    }
    // "0" before the width: zero padding, unless a fill character was given.
    if !fill_specified && pos < end && spec[pos] == '0' {
        s.fill = '0';
        if !align_specified && default_align == '>' {
            s.align = '=';
        }
        pos += 1;
    }
    if let Some(w) = get_integer(&spec, &mut pos)? {
        s.width = w;
    }
    if pos < end && spec[pos] == ',' {
        s.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && spec[pos] == '_' {
        if s.grouping != Grouping::None {
            return Err(value_err("Cannot specify both ',' and '_'."));
        }
        s.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && spec[pos] == ',' && s.grouping == Grouping::Underscore {
        return Err(value_err("Cannot specify both ',' and '_'."));
    }
    if pos < end && spec[pos] == '.' {
        pos += 1;
        match get_integer(&spec, &mut pos)? {
            Some(p) => s.precision = p,
            None => return Err(value_err("Format specifier missing precision")),
        }
    }
    if end - pos > 1 {
        return Err(value_err(format!("Invalid format specifier '{}' for object of type '{}'", spec_str, type_name)));
    }
    if end - pos == 1 {
        s.ty = Some(spec[pos]);
    }
    if s.grouping != Grouping::None {
        match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if s.grouping == Grouping::Underscore => {
                s.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                let which = if s.grouping == Grouping::Comma { ',' } else { '_' };
                return Err(value_err(format!("Cannot specify '{}' with '{}'.", which, type_char_text(t))));
            }
        }
    }
    Ok(s)
}

/// Digits with thousands separators and, for `0=` padding, leading zeros so that the
/// result is at least `min_width` characters (CPython's
/// `_PyUnicode_InsertThousandsGrouping`; the zero padding itself is grouped).
fn group_digits(digits: &str, min_width: i64, group: i64, sep: char) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    // Pieces from the right, each already in left-to-right order.
    let mut pieces: Vec<String> = Vec::new();
    let piece = |len: i64, remaining: i64| -> String {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let mut p = "0".repeat(n_zeros as usize);
        let hi = remaining.max(0) as usize;
        let lo = (remaining - n_chars).max(0) as usize;
        p.push_str(std::str::from_utf8(&d[lo..hi]).unwrap_or(""));
        p
    };
    if group > 0 {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            pieces.push(piece(len, remaining));
            let n_chars = remaining.min(len).max(0);
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    } else {
        let len = remaining.max(min_width).max(1);
        pieces.push(piece(len, remaining));
    }
    pieces.reverse();
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(p);
    }
    out
}

/// CPython's `calc_number_widths` + `fill_number`. `digits` is the run of ASCII digits to
/// group (may be empty: `c`, `inf`, `nan`), `remainder` what follows the decimal point
/// (or everything, for `c`/`inf`).
#[allow(clippy::too_many_arguments)]
fn render_number(
    s: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    grouping: Grouping,
) -> Result<String, PyErr> {
    let sign = match s.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = prefix.chars().count() as i64;
    let n_remainder = remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + has_decimal as i64 + n_remainder;
    let min_width = if s.fill == '0' && s.align == '=' { s.width - n_non_digit } else { 0 };
    if min_width > MAX_OUTPUT_CHARS || s.width > MAX_OUTPUT_CHARS {
        return Err(PyErr::bare("MemoryError"));
    }
    let (group, sep) = match grouping {
        Grouping::None => (0, ','),
        Grouping::Comma => (3, ','),
        Grouping::Underscore => (3, '_'),
        Grouping::UnderscoreFour => (4, '_'),
    };
    let grouped = if digits.is_empty() { String::new() } else { group_digits(digits, min_width, group, sep) };
    let n_grouped = grouped.len() as i64; // ASCII
    let n_padding = s.width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match s.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let fill = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(s.fill);
        }
    };
    fill(&mut out, lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(prefix);
    fill(&mut out, spad);
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    fill(&mut out, rpad);
    Ok(out)
}

fn int_to_base(v: u64, base: u32, upper: bool) -> String {
    match (base, upper) {
        (2, _) => format!("{:b}", v),
        (8, _) => format!("{:o}", v),
        (16, false) => format!("{:x}", v),
        (16, true) => format!("{:X}", v),
        _ => v.to_string(),
    }
}

/// CPython's `format_long_internal`.
fn format_long(v: i64, s: &Spec) -> Result<String, PyErr> {
    if s.precision != -1 {
        return Err(value_err("Precision not allowed in integer format specifier"));
    }
    if s.no_neg_0 {
        return Err(value_err("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let ty = s.ty.unwrap_or('d');
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(value_err("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alternate {
            return Err(value_err("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        if !(0..=0x10FFFF).contains(&v) {
            return Err(PyErr::new("OverflowError", "%c arg not in range(0x110000)"));
        }
        let Some(c) = char::from_u32(v as u32) else {
            return Err(value_err(
                "kiln: format code 'c' of a surrogate code point is not supported (kiln strings are UTF-8)",
            ));
        };
        // The character is laid out as a "remainder": never grouped or zero-filled inside.
        return render_number(s, false, "", "", false, &c.to_string(), Grouping::None);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = int_to_base(v.unsigned_abs(), base, ty == 'X');
    let prefix = if s.alternate { prefix } else { "" };
    let grouping = if ty == 'n' { Grouping::None } else { s.grouping };
    render_number(s, v < 0, prefix, &digits, false, "", grouping)
}

/// CPython's `format_float_internal`.
fn format_float_internal(v: f64, s: &Spec) -> Result<String, PyErr> {
    if s.precision > i32::MAX as i64 {
        return Err(value_err("precision too big"));
    }
    if s.precision > MAX_OUTPUT_CHARS {
        return Err(PyErr::bare("MemoryError"));
    }
    let mut flags = Flags { alt: s.alternate, no_neg_0: s.no_neg_0, ..Flags::default() };
    let ty = s.ty;
    let mut v = v;
    let mut add_pct = false;
    let mut default_precision = 6usize;
    let code = match ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            if s.precision >= 0 {
                Code::General
            } else {
                Code::Repr
            }
        }
        Some('e' | 'E') => Code::Exp,
        Some('f' | 'F') => Code::Fixed,
        Some('g' | 'G' | 'n') => Code::General,
        Some('%') => {
            v *= 100.0;
            add_pct = true;
            Code::Fixed
        }
        Some(t) => return Err(unknown_code(t, "float")),
    };
    flags.upper = matches!(ty, Some('E' | 'F' | 'G'));
    let precision = if s.precision < 0 { default_precision } else { s.precision as usize };
    let mut buf = float_repr::format_float(v, code, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let ndig = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(ndig);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let grouping = if ty == Some('n') { Grouping::None } else { s.grouping };
    render_number(s, negative, "", digits, has_decimal, remainder, grouping)
}

/// `format(v, spec)` for an `int` (`type_name` is "int", or "bool" for a bool with a
/// non-empty spec).
pub fn format_int_named(v: i64, spec: &str, type_name: &str) -> Result<String, PyErr> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let s = parse(spec, Some('d'), '>', type_name)?;
    match s.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long(v, &s),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_internal(v as f64, &s),
        Some(t) => Err(unknown_code(t, type_name)),
        None => format_long(v, &s),
    }
}

/// `format(v, spec)` for an `int`.
pub fn format_int(v: i64, spec: &str) -> Result<String, PyErr> {
    format_int_named(v, spec, "int")
}

/// `format(b, spec)` for a `bool`: `str(b)` for an empty spec, else formatted as the int.
pub fn format_bool(b: bool, spec: &str) -> Result<String, PyErr> {
    if spec.is_empty() {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    format_int_named(b as i64, spec, "bool")
}

/// `format(v, spec)` for a `float`.
pub fn format_float(v: f64, spec: &str) -> Result<String, PyErr> {
    if spec.is_empty() {
        return Ok(float_repr::repr(v));
    }
    let s = parse(spec, None, '>', "float")?;
    format_float_internal(v, &s)
}

/// `format(text, spec)` for a `str`.
pub fn format_str(text: &str, spec: &str) -> Result<String, PyErr> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    let s = parse(spec, Some('s'), '<', "str")?;
    match s.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if let Some(sign) = s.sign {
        return Err(value_err(if sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if s.no_neg_0 {
        return Err(value_err("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if s.alternate {
        return Err(value_err("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == '=' {
        return Err(value_err("'=' alignment not allowed in string format specifier"));
    }
    if s.width > MAX_OUTPUT_CHARS {
        return Err(PyErr::bare("MemoryError"));
    }
    let nchars = text.chars().count() as i64;
    let (body, len) = if s.precision >= 0 && s.precision < nchars {
        let cut = text.char_indices().nth(s.precision as usize).map(|(i, _)| i).unwrap_or(text.len());
        (&text[..cut], s.precision)
    } else {
        (text, nchars)
    };
    let total = s.width.max(len);
    let lpad = match s.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(body.len() + (lpad + rpad) as usize);
    for _ in 0..lpad {
        out.push(s.fill);
    }
    out.push_str(body);
    for _ in 0..rpad {
        out.push(s.fill);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        assert_eq!(format_int(1234, "08,").unwrap(), "0,001,234");
        assert_eq!(format_int(1234, "010,").unwrap(), "00,001,234");
        assert_eq!(format_int(-255, "#_b").unwrap(), "-0b1111_1111");
        assert_eq!(format_int(255, "#010X").unwrap(), "0X000000FF");
        assert_eq!(format_int(65, "05c").unwrap(), "0000A");
        assert_eq!(format_float(f64::INFINITY, "010").unwrap(), "0000000inf");
        assert_eq!(format_float(100.0, ".3").unwrap(), "1e+02");
        assert_eq!(format_float(1.0, ".3").unwrap(), "1.0");
        assert_eq!(format_float(1.5, "10").unwrap(), "       1.5");
        assert_eq!(format_float(-0.0001, "z.2f").unwrap(), "0.00");
        assert_eq!(format_str("abc", "^7.2").unwrap(), "  ab   ");
        assert_eq!(format_str("abc", "010").unwrap(), "abc0000000");
        assert_eq!(format_int(1, "١٠").unwrap(), "         1");
        assert_eq!(
            format_float(1.0, "d").unwrap_err().msg.unwrap(),
            "Unknown format code 'd' for object of type 'float'"
        );
        assert_eq!(
            format_int(1, "10.2ff").unwrap_err().msg.unwrap(),
            "Invalid format specifier '10.2ff' for object of type 'int'"
        );
    }
}
