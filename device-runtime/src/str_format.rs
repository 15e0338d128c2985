//! `fmt % args` (printf-style, CPython's `PyUnicode_Format`) and `fmt.format(*args)`
//! (CPython's `Objects/stringlib/unicode_format.h`) over heterogeneous arguments passed
//! from compiled code as an array of tagged values, [`KArg`].
//!
//! Both follow CPython 3.11's parsing order, so the first error CPython would raise is the
//! one raised here, with its message. Format specs reuse [`crate::format`].
//!
//! Limits (kiln's, documented in the ABI):
//! * Arguments are positional only. `%(name)s` raises `TypeError: format requires a
//!   mapping` and `'{name}'` `KeyError: 'name'`, which is what CPython raises for a tuple
//!   of arguments / a call without keyword arguments. A mapping (or list) as the single
//!   right operand of `%` is not recognised as one.
//! * `'{0.attr}'` / `'{0[key]}'` raise `ValueError: kiln: attribute and index lookups in
//!   str.format fields are not supported` (after CPython's own syntax checks of that part).
//! * For a tag-5 ("other") argument the runtime knows only its `str()` and `repr()`; error
//!   messages that name its type use [`guess_type_name`] (read off the repr: `[..]` list,
//!   `(..)` tuple, `{..}` dict or set, `Name(..)` Name, `<mod.Name object at ..>` Name,
//!   else "object").

use std::borrow::Cow;

use crate::exceptions::PyErr;
use crate::float_repr::{self, Code, Flags};
use crate::format;
use crate::str_methods::{decimal_value, push_n};
use crate::strings::{self, KStr};

/// One argument of [`percent`] / [`format_method`] as compiled code passes it.
///
/// `tag`: 0 int (`bits` = the i64), 1 float (`bits` = `f64::to_bits`), 2 bool (`bits` 0/1),
/// 3 None, 4 str (`bits` = `*const KStr as i64`), 5 any other object, already rendered:
/// `bits` = its `str()` as `*const KStr`, `repr` = its `repr()` (`repr` is ignored for the
/// other tags and may be null).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct KArg {
    pub tag: i64,
    pub bits: i64,
    pub repr: *const KStr,
}

/// A decoded [`KArg`].
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    Str(Cow<'a, str>),
    /// Another object: its `str()` and `repr()`.
    Other {
        str: Cow<'a, str>,
        repr: Cow<'a, str>,
    },
}

/// Decode `n` tagged arguments (an unknown tag reads as an object whose str and repr are
/// empty).
///
/// # Safety
/// `args` points to `n` readable `KArg`s (or `n <= 0`) whose string pointers are valid
/// strings or null.
pub unsafe fn read_args<'a>(args: *const KArg, n: i64) -> Vec<Arg<'a>> {
    if args.is_null() || n <= 0 {
        return Vec::new();
    }
    // SAFETY: caller contract.
    let raw = unsafe { std::slice::from_raw_parts(args, n as usize) };
    raw.iter()
        .map(|a| match a.tag {
            0 => Arg::Int(a.bits),
            1 => Arg::Float(f64::from_bits(a.bits as u64)),
            2 => Arg::Bool(a.bits != 0),
            3 => Arg::None,
            // SAFETY: caller contract.
            4 => Arg::Str(unsafe { strings::text(a.bits as *const KStr) }),
            // SAFETY: caller contract.
            _ => Arg::Other {
                str: unsafe { strings::text(a.bits as *const KStr) },
                repr: unsafe { strings::text(a.repr) },
            },
        })
        .collect()
}

/// `str(a)`.
fn str_of<'s>(a: &'s Arg<'_>) -> Cow<'s, str> {
    match a {
        Arg::Int(v) => Cow::Owned(v.to_string()),
        Arg::Float(x) => Cow::Owned(float_repr::repr(*x)),
        Arg::Bool(b) => Cow::Borrowed(if *b { "True" } else { "False" }),
        Arg::None => Cow::Borrowed("None"),
        Arg::Str(s) => Cow::Borrowed(s),
        Arg::Other { str, .. } => Cow::Borrowed(str),
    }
}

/// `repr(a)`.
fn repr_of<'s>(a: &'s Arg<'_>) -> Cow<'s, str> {
    match a {
        Arg::Str(s) => Cow::Owned(strings::repr(s)),
        Arg::Other { repr, .. } => Cow::Borrowed(repr),
        _ => str_of(a),
    }
}

/// `ascii(a)`: the repr with every non-ASCII character escaped.
fn ascii_of(a: &Arg<'_>) -> String {
    let r = repr_of(a);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v <= 0xFF {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v <= 0xFFFF {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}

/// The type name CPython would put into an error message about `a`.
fn type_name(a: &Arg<'_>) -> String {
    match a {
        Arg::Int(_) => "int".into(),
        Arg::Float(_) => "float".into(),
        Arg::Bool(_) => "bool".into(),
        Arg::None => "NoneType".into(),
        Arg::Str(_) => "str".into(),
        Arg::Other { repr, .. } => guess_type_name(repr),
    }
}

/// The type of an object known only by its `repr()`: `[...]` list, `(...)` tuple, `{}` and
/// `{k: v, ...}` dict, `{a, ...}` set, `b'...'` bytes, `Name(...)` Name (dataclasses,
/// `set()`, `range(...)`, ...), `<a.b.Name object at 0x...>` Name, `<function ...>`
/// function, `<class ...>` type; anything else "object".
pub fn guess_type_name(repr: &str) -> String {
    let r = repr.as_bytes();
    match r.first() {
        Some(b'[') => return "list".into(),
        Some(b'(') => return "tuple".into(),
        Some(b'{') => return if r == b"{}" || has_top_level_colon(repr) { "dict" } else { "set" }.into(),
        Some(b'<') => {
            let inner = &repr[1..];
            if let Some(head) = inner.split(" object at ").next().filter(|_| inner.contains(" object at ")) {
                if !head.contains(' ') {
                    return head.rsplit('.').next().unwrap_or("object").to_string();
                }
            }
            if inner.starts_with("function ") || inner.starts_with("lambda") {
                return "function".into();
            }
            if inner.starts_with("class ") {
                return "type".into();
            }
            return "object".into();
        }
        _ => {}
    }
    if (repr.starts_with("b'") || repr.starts_with("b\"")) && repr.len() >= 3 {
        return "bytes".into();
    }
    let ident: String = repr.chars().take_while(|&c| c == '_' || c.is_alphanumeric()).collect();
    if !ident.is_empty()
        && !ident.starts_with(|c: char| c.is_ascii_digit())
        && repr[ident.len()..].starts_with('(')
        && repr.ends_with(')')
    {
        return ident;
    }
    "object".into()
}

/// Is there a `:` at nesting depth 1 outside string quotes (a dict display)?
fn has_top_level_colon(repr: &str) -> bool {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in repr.chars() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            ':' if depth == 1 => return true,
            _ => {}
        }
    }
    false
}

/// A width or precision above this raises `MemoryError` (as `format.rs`).
const MAX_OUTPUT_CHARS: i64 = 1 << 28;

fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("TypeError", msg)
}

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("ValueError", msg)
}

// ---------------------------------------------------------------------------------------
// printf-style: fmt % args
// ---------------------------------------------------------------------------------------

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// 2**63 as a float.
const TWO_63: f64 = 9_223_372_036_854_775_808.0;

/// Exact decimal digits of the integer part of a finite float (`int(x)` without the sign).
fn float_int_digits(x: f64) -> String {
    let t = x.trunc().abs();
    if t < TWO_63 {
        return (t as u64).to_string();
    }
    // t = m * 2^e exactly, e >= 11: multiply a base-10^9 bignum.
    let bits = t.to_bits();
    let e = ((bits >> 52) & 0x7FF) as i64 - 1075;
    let m = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut limbs: Vec<u64> =
        vec![m % 1_000_000_000, (m / 1_000_000_000) % 1_000_000_000, m / 1_000_000_000_000_000_000];
    let mut e = e;
    while e > 0 {
        let k = e.min(30);
        e -= k;
        let mut carry = 0u64;
        for l in limbs.iter_mut() {
            let v = (*l << k) + carry;
            *l = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.last().map(|l| l.to_string()).unwrap_or_default();
    for l in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{l:09}"));
    }
    out
}

/// CPython's `mainformatlong` + `_PyUnicode_FormatLong` for `d i u o x X`.
fn format_long(a: &Arg<'_>, ty: char, alt: bool, prec: i64) -> Result<String, PyErr> {
    let hex_like = matches!(ty, 'o' | 'x' | 'X');
    let wrong = || {
        if hex_like {
            type_error(format!("%{ty} format: an integer is required, not {}", type_name(a)))
        } else {
            type_error(format!("%{ty} format: a real number is required, not {}", type_name(a)))
        }
    };
    let (negative, abs): (bool, Result<u64, String>) = match a {
        Arg::Int(v) => (*v < 0, Ok(v.unsigned_abs())),
        Arg::Bool(b) => (false, Ok(*b as u64)),
        Arg::Float(x) => {
            if hex_like {
                return Err(wrong());
            }
            if x.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(PyErr::new("OverflowError", "cannot convert float infinity to integer"));
            }
            (*x <= -1.0, Err(float_int_digits(*x)))
        }
        _ => return Err(wrong()),
    };
    let digits = match (abs, ty) {
        (Ok(v), 'o') => format!("{v:o}"),
        (Ok(v), 'x' | 'X') => format!("{v:x}"),
        (Ok(v), _) => v.to_string(),
        (Err(d), _) => d,
    };
    if prec > MAX_OUTPUT_CHARS {
        return Err(PyErr::bare("MemoryError"));
    }
    let mut out = String::with_capacity(digits.len() + 4);
    if negative {
        out.push('-');
    }
    if alt && hex_like {
        out.push('0');
        out.push(if ty == 'o' { 'o' } else { 'x' });
    }
    for _ in digits.len() as i64..prec {
        out.push('0');
    }
    out.push_str(&digits);
    if ty == 'X' {
        out.make_ascii_uppercase();
    }
    Ok(out)
}

/// CPython's `formatfloat` for `e E f F g G`.
fn format_float_arg(a: &Arg<'_>, ty: char, alt: bool, prec: i64) -> Result<String, PyErr> {
    let x = match a {
        Arg::Int(v) => *v as f64,
        Arg::Bool(b) => *b as i64 as f64,
        Arg::Float(x) => *x,
        _ => return Err(type_error(format!("must be real number, not {}", type_name(a)))),
    };
    let prec = if prec < 0 { 6 } else { prec };
    if prec > MAX_OUTPUT_CHARS {
        return Err(PyErr::bare("MemoryError"));
    }
    let code = match ty {
        'e' | 'E' => Code::Exp,
        'f' | 'F' => Code::Fixed,
        _ => Code::General,
    };
    let flags = Flags { upper: matches!(ty, 'E' | 'F' | 'G'), alt, ..Flags::default() };
    Ok(float_repr::format_float(x, code, prec as usize, flags))
}

/// CPython's `formatchar`.
fn format_char(a: &Arg<'_>) -> Result<char, PyErr> {
    let v = match a {
        Arg::Str(s) => {
            let mut it = s.chars();
            return match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(type_error("%c requires int or char")),
            };
        }
        Arg::Int(v) => *v,
        Arg::Bool(b) => *b as i64,
        _ => return Err(type_error("%c requires int or char")),
    };
    if !(0..=0x10FFFF).contains(&v) {
        return Err(PyErr::new("OverflowError", "%c arg not in range(0x110000)"));
    }
    char::from_u32(v as u32)
        .ok_or_else(|| value_error("kiln: %c of a surrogate code point is not supported (kiln strings are UTF-8)"))
}

/// CPython's `unicode_format_arg_output`: sign, `0x` prefix, padding and truncation.
fn output(out: &mut String, ch: char, flags: u8, width: i64, prec: i64, sign: bool, s: &str) {
    let fill = if sign && flags & F_ZERO != 0 { '0' } else { ' ' };
    if width == -1 && prec == -1 && flags & (F_SIGN | F_BLANK) == 0 {
        out.push_str(s);
        return;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as i64;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && flags & (F_SIGN | F_BLANK) == 0 {
        out.push_str(s);
        return;
    }
    if matches!(ch, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut sign = sign;
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        let c0 = chars.first().copied().unwrap_or('\0');
        if c0 == '-' || c0 == '+' {
            signchar = c0;
            len -= 1;
            pindex += 1;
        } else if flags & F_SIGN != 0 {
            signchar = '+';
        } else if flags & F_BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    let mut width = width.max(len);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags & F_ALT != 0 && matches!(ch, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        push_n(out, fill, (width - len) as usize);
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(&chars[pindex..pindex + len as usize]);
    }
    if width > len {
        push_n(out, ' ', (width - len) as usize);
    }
}

/// `fmt % args` (CPython's `PyUnicode_Format` with a tuple of `args`).
pub fn percent(fmt: &str, args: &[Arg<'_>]) -> Result<String, PyErr> {
    let f: Vec<char> = fmt.chars().collect();
    let read = |pos: usize| f.get(pos).copied().unwrap_or('\0');
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut argidx = 0usize;
    let mut next_arg = || -> Result<&Arg<'_>, PyErr> {
        let a = args.get(argidx).ok_or_else(|| type_error("not enough arguments for format string"))?;
        argidx += 1;
        Ok(a)
    };
    let int_arg = |a: &Arg<'_>| match a {
        Arg::Int(v) => Ok(*v),
        Arg::Bool(b) => Ok(*b as i64),
        _ => Err(type_error("* wants int")),
    };
    let mut cnt = f.len() as i64;
    let mut pos = 0usize;
    loop {
        cnt -= 1;
        if cnt < 0 {
            break;
        }
        if read(pos) != '%' {
            let start = pos;
            pos += 1;
            while cnt >= 0 && read(pos) != '%' {
                pos += 1;
                cnt -= 1;
            }
            if cnt < 0 {
                pos -= 1;
            }
            out.extend(&f[start..pos]);
            continue;
        }
        pos += 1;
        let mut ch = read(pos);
        if ch == '%' {
            pos += 1;
            cnt -= 1;
            out.push('%');
            continue;
        }
        let (mut flags, mut width, mut prec) = (0u8, -1i64, -1i64);
        if ch == '(' {
            return Err(type_error("format requires a mapping"));
        }
        loop {
            cnt -= 1;
            if cnt < 0 {
                break;
            }
            ch = read(pos);
            pos += 1;
            flags |= match ch {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
        }
        if ch == '*' {
            width = int_arg(next_arg()?)?;
            if width < 0 {
                flags |= F_LJUST;
                width = width.saturating_neg();
            }
            cnt -= 1;
            if cnt >= 0 {
                ch = read(pos);
                pos += 1;
            }
        } else if ch.is_ascii_digit() {
            width = ch as i64 - '0' as i64;
            loop {
                cnt -= 1;
                if cnt < 0 {
                    break;
                }
                ch = read(pos);
                pos += 1;
                if !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as i64 - '0' as i64;
                if width > (i64::MAX - d) / 10 {
                    return Err(value_error("width too big"));
                }
                width = width * 10 + d;
            }
        }
        if ch == '.' {
            prec = 0;
            cnt -= 1;
            if cnt >= 0 {
                ch = read(pos);
                pos += 1;
            }
            if ch == '*' {
                prec = int_arg(next_arg()?)?;
                if prec > i32::MAX as i64 || prec < i32::MIN as i64 {
                    return Err(PyErr::new("OverflowError", "Python int too large to convert to C int"));
                }
                prec = prec.max(0);
                cnt -= 1;
                if cnt >= 0 {
                    ch = read(pos);
                    pos += 1;
                }
            } else if ch.is_ascii_digit() {
                prec = ch as i64 - '0' as i64;
                loop {
                    cnt -= 1;
                    if cnt < 0 {
                        break;
                    }
                    ch = read(pos);
                    pos += 1;
                    if !ch.is_ascii_digit() {
                        break;
                    }
                    let d = ch as i64 - '0' as i64;
                    if prec > (i32::MAX as i64 - d) / 10 {
                        return Err(value_error("precision too big"));
                    }
                    prec = prec * 10 + d;
                }
            }
        }
        if cnt >= 0 && matches!(ch, 'h' | 'l' | 'L') {
            cnt -= 1;
            if cnt >= 0 {
                ch = read(pos);
                pos += 1;
            }
        }
        if cnt < 0 {
            return Err(value_error("incomplete format"));
        }
        let v = next_arg()?;
        let mut sign = false;
        let text: Cow<'_, str> = match ch {
            's' => str_of(v),
            'r' => repr_of(v),
            'a' => Cow::Owned(ascii_of(v)),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                sign = true;
                Cow::Owned(format_long(v, ch, flags & F_ALT != 0, prec)?)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                sign = true;
                Cow::Owned(format_float_arg(v, ch, flags & F_ALT != 0, prec)?)
            }
            'c' => Cow::Owned(format_char(v)?.to_string()),
            _ => {
                let shown = if (31..=126).contains(&(ch as u32)) { ch } else { '?' };
                return Err(value_error(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    ch as u32,
                    pos - 1
                )));
            }
        };
        if width > MAX_OUTPUT_CHARS {
            return Err(PyErr::bare("MemoryError"));
        }
        output(&mut out, ch, flags, width, prec, sign, &text);
    }
    if argidx < args.len() {
        return Err(type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: Numbering,
    next: i64,
}

/// CPython's `get_integer`: `Ok(None)` unless every character is a decimal digit.
fn get_integer(s: &[char]) -> Result<Option<i64>, PyErr> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: i64 = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else { return Ok(None) };
        let d = d as i64;
        if acc > (i64::MAX - d) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// CPython's `get_field_object` for positional arguments.
fn get_field_object<'b, 'a>(name: &[char], args: &'b [Arg<'a>], an: &mut AutoNumber) -> Result<&'b Arg<'a>, PyErr> {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let (first, rest) = name.split_at(first_end);
    let idx = get_integer(first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if an.state == Numbering::Init {
            an.state = if empty { Numbering::Auto } else { Numbering::Manual };
        }
        if an.state == Numbering::Manual && empty {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        if an.state == Numbering::Auto && !empty {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
    }
    let index = if empty {
        let i = an.next;
        an.next += 1;
        i
    } else {
        match idx {
            Some(i) => i,
            None => {
                let key: String = first.iter().collect();
                return Err(PyErr::new("KeyError", strings::repr(&key)));
            }
        }
    };
    let obj = usize::try_from(index).ok().and_then(|i| args.get(i)).ok_or_else(|| {
        PyErr::new("IndexError", format!("Replacement index {index} out of range for positional args tuple"))
    })?;
    if !rest.is_empty() {
        // CPython's FieldNameIterator_next for the first accessor: its syntax errors.
        let body = &rest[1..];
        let name_len = if rest[0] == '.' {
            body.iter().position(|&c| c == '.' || c == '[').unwrap_or(body.len())
        } else {
            let Some(close) = body.iter().position(|&c| c == ']') else {
                return Err(value_error("Missing ']' in format string"));
            };
            get_integer(&body[..close])?;
            close
        };
        if name_len == 0 {
            return Err(value_error("Empty attribute in format string"));
        }
        return Err(value_error("kiln: attribute and index lookups in str.format fields are not supported"));
    }
    Ok(obj)
}

/// `format(a, spec)`.
fn format_arg(a: &Arg<'_>, spec: &str) -> Result<String, PyErr> {
    match a {
        Arg::Int(v) => format::format_int(*v, spec),
        Arg::Float(x) => format::format_float(*x, spec),
        Arg::Bool(b) => format::format_bool(*b, spec),
        Arg::Str(s) => format::format_str(s, spec),
        Arg::None | Arg::Other { .. } => {
            if spec.is_empty() {
                Ok(str_of(a).into_owned())
            } else {
                Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(a))))
            }
        }
    }
}

/// A parsed replacement field (CPython's `parse_field`), as index ranges into the text.
struct Field {
    name: (usize, usize),
    conversion: char,
    spec: (usize, usize),
    needs_expanding: bool,
}

/// CPython's `parse_field`, starting after the `{`; `pos` ends after the closing `}`.
fn parse_field(s: &[char], pos: &mut usize) -> Result<Field, PyErr> {
    let end = s.len();
    let name_start = *pos;
    let mut c = '\0';
    while *pos < end {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < end && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, (*pos).saturating_sub(1).max(name_start)),
        conversion: '\0',
        spec: (0, 0),
        needs_expanding: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= end {
                return Err(value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = s[*pos];
            *pos += 1;
            if *pos < end {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok(field);
                }
                if c2 != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < end {
            let c3 = s[*pos];
            *pos += 1;
            if c3 == '{' {
                field.needs_expanding = true;
                count += 1;
            } else if c3 == '}' {
                count -= 1;
                if count == 0 {
                    field.spec = (spec_start, *pos - 1);
                    return Ok(field);
                }
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// CPython's `build_string` / `MarkupIterator`: render `s` into `out`.
fn build_string(s: &[char], args: &[Arg<'_>], depth: i32, an: &mut AutoNumber, out: &mut String) -> Result<(), PyErr> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let end = s.len();
    let mut pos = 0;
    while pos < end {
        let start = pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while pos < end {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && (at_end || s[pos] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if !at_end {
            if c == s[pos] {
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup_follows {
            continue;
        }
        let field = parse_field(s, &mut pos)?;
        let obj = get_field_object(&s[field.name.0..field.name.1], args, an)?;
        let converted = match field.conversion {
            '\0' => None,
            'r' => Some(repr_of(obj).into_owned()),
            's' => Some(str_of(obj).into_owned()),
            'a' => Some(ascii_of(obj)),
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(value_error(format!("Unknown conversion specifier {c}")))
            }
            c => return Err(value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))),
        };
        let spec: String = if field.needs_expanding {
            let mut sp = String::new();
            build_string(&s[field.spec.0..field.spec.1], args, depth - 1, an, &mut sp)?;
            sp
        } else {
            s[field.spec.0..field.spec.1].iter().collect()
        };
        let text = match converted {
            Some(t) => format::format_str(&t, &spec)?,
            None => format_arg(obj, &spec)?,
        };
        out.push_str(&text);
    }
    Ok(())
}

/// `fmt.format(*args)`.
pub fn format_method(fmt: &str, args: &[Arg<'_>]) -> Result<String, PyErr> {
    if !fmt.contains(['{', '}']) {
        return Ok(fmt.to_string());
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut an = AutoNumber { state: Numbering::Init, next: 0 };
    let mut out = String::with_capacity(fmt.len() + 16);
    build_string(&chars, args, 2, &mut an, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Arg<'_> {
        Arg::Str(Cow::Borrowed(t))
    }

    #[test]
    fn big_float_digits() {
        assert_eq!(float_int_digits(1e300), format!("{:.0}", 1e300));
        assert_eq!(float_int_digits(-2.5), "2");
        assert_eq!(float_int_digits(TWO_63), "9223372036854775808");
        assert_eq!(float_int_digits(f64::MAX), format!("{:.0}", f64::MAX));
    }

    #[test]
    fn type_names() {
        assert_eq!(guess_type_name("[1, 2]"), "list");
        assert_eq!(guess_type_name("{}"), "dict");
        assert_eq!(guess_type_name("{'a:': 1}"), "dict");
        assert_eq!(guess_type_name("{'a:', 1}"), "set");
        assert_eq!(guess_type_name("Point(x=1, y=2)"), "Point");
        assert_eq!(guess_type_name("<__main__.Foo object at 0x7f00>"), "Foo");
        assert_eq!(guess_type_name("hello"), "object");
    }

    #[test]
    fn examples() {
        let args = [Arg::Int(-255), Arg::Float(2.5), s("é")];
        assert_eq!(percent("%#08x|%+.2e|%-4s|%%", &args).unwrap(), "-0x000ff|+2.50e+00|é   |%");
        assert_eq!(format_method("{0:>6}{2!r}{1}", &args).unwrap(), "  -255'é'2.5");
        assert_eq!(format_method("{:{}}|", &[s("a"), Arg::Int(3)]).unwrap(), "a  |");
        assert_eq!(percent("%d", &[s("x")]).unwrap_err().msg.unwrap(), "%d format: a real number is required, not str");
    }
}
