//! `str`: immutable UTF-8 strings with a precomputed code-point count.
//!
//! Layout (see `abi.rs`): `{ len: i64, nchars: i64, bytes[len] }`, the bytes inline at
//! offset 16. The compiler emits literals as constant globals with the same layout, so a
//! `*const KStr` may point into read-only memory: nothing here ever writes into a string
//! it did not just allocate. Every string has at least one byte after its text: strings made
//! here and literals end with a NUL, the shared one-character strings have padding. Compiled
//! code relies on it: it reads the first text byte of any string without testing the length
//! (backends/cpu/src/chars.rs).

use std::borrow::Cow;

use crate::exceptions::PyErr;
use crate::gc;
use crate::unicode_tables::NONPRINTABLE;

/// Header of a kiln string. The `len` UTF-8 bytes follow at offset 16.
#[repr(C)]
pub struct KStr {
    /// Length in bytes.
    pub len: i64,
    /// Length in code points.
    pub nchars: i64,
}

/// Offset of the first text byte from the start of a [`KStr`].
pub const KSTR_DATA_OFFSET: usize = 16;

/// A one-character ASCII string laid out as a [`KStr`] (header, then the byte).
#[repr(C)]
pub struct AsciiChar {
    header: KStr,
    byte: [u8; 8],
}

const fn ascii_chars() -> [AsciiChar; 128] {
    let mut out = [const { AsciiChar { header: KStr { len: 1, nchars: 1 }, byte: [0; 8] } }; 128];
    let mut i = 0;
    while i < 128 {
        out[i].byte[0] = i as u8;
        i += 1;
    }
    out
}

/// The 128 one-character ASCII strings, shared (like CPython's cached one-character strings)
/// so that indexing and iterating ASCII text allocates nothing. They live outside the
/// collected heap and are never freed. Compiled code indexes this table directly
/// (`kiln_rt_ascii_chars + byte * size_of::<AsciiChar>()`).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static kiln_rt_ascii_chars: [AsciiChar; 128] = ascii_chars();

/// Bytes per entry of [`kiln_rt_ascii_chars`].
pub const ASCII_CHAR_SIZE: usize = std::mem::size_of::<AsciiChar>();

/// The shared string for ASCII byte `b` (< 128).
pub fn ascii_char(b: u8) -> *const KStr {
    &kiln_rt_ascii_chars[(b & 0x7f) as usize].header as *const KStr
}

/// The bytes of `s` (empty for a null pointer or a negative length).
///
/// # Safety
/// `s` is null or points to a valid `KStr` followed by `len` bytes that outlive `'a`.
pub unsafe fn bytes<'a>(s: *const KStr) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    // SAFETY: caller contract.
    unsafe {
        let len = (*s).len;
        if len <= 0 {
            return &[];
        }
        std::slice::from_raw_parts((s as *const u8).add(KSTR_DATA_OFFSET), len as usize)
    }
}

/// The text of `s`, trusting that it is UTF-8 (the invariant of every `KStr`).
///
/// # Safety
/// As [`bytes`], and the bytes are valid UTF-8.
pub unsafe fn as_str<'a>(s: *const KStr) -> &'a str {
    // SAFETY: caller contract.
    unsafe { std::str::from_utf8_unchecked(bytes(s)) }
}

/// The text of `s`, validated (invalid UTF-8 — a compiler bug — becomes U+FFFD).
/// Used where the runtime iterates over chars, so a broken invariant cannot become UB.
///
/// # Safety
/// As [`bytes`].
pub unsafe fn text<'a>(s: *const KStr) -> Cow<'a, str> {
    // SAFETY: caller contract.
    String::from_utf8_lossy(unsafe { bytes(s) })
}

/// The code-point count of `s` (0 for null).
///
/// # Safety
/// `s` is null or a valid string.
pub unsafe fn nchars(s: *const KStr) -> i64 {
    if s.is_null() {
        0
    } else {
        // SAFETY: caller contract.
        unsafe { (*s).nchars.max(0) }
    }
}

/// Number of code points in valid UTF-8 `b`.
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

/// Allocate a string holding `s` (GC heap, no pointers inside).
pub fn new_str(s: &str) -> *const KStr {
    new_str_nchars(s, count_chars(s.as_bytes()))
}

/// Allocate a string holding `s` whose code-point count is already known.
pub fn new_str_nchars(s: &str, nchars: usize) -> *const KStr {
    let b = s.as_bytes();
    let p = gc::alloc_atomic_uninit(KSTR_DATA_OFFSET + b.len() + 1);
    // SAFETY: `p` has room for the header, the bytes and a NUL; it is 16-byte aligned.
    unsafe {
        let h = p as *mut KStr;
        (*h).len = b.len() as i64;
        (*h).nchars = nchars as i64;
        let d = p.add(KSTR_DATA_OFFSET);
        std::ptr::copy_nonoverlapping(b.as_ptr(), d, b.len());
        *d.add(b.len()) = 0;
    }
    p as *const KStr
}

/// Build a string from raw bytes, as the ABI's `kiln_rt_str_new` does. Invalid UTF-8
/// (which compiled code never passes) is repaired with U+FFFD rather than trusted.
///
/// # Safety
/// `bytes` points to `len` readable bytes (or `len <= 0`).
pub unsafe fn from_raw(bytes: *const u8, len: i64) -> *const KStr {
    if bytes.is_null() || len <= 0 {
        return new_str("");
    }
    // SAFETY: caller contract.
    let b = unsafe { std::slice::from_raw_parts(bytes, len as usize) };
    match std::str::from_utf8(b) {
        Ok(s) => new_str(s),
        Err(_) => new_str(&String::from_utf8_lossy(b)),
    }
}

/// `a + b`.
///
/// # Safety
/// `a` and `b` are valid strings (or null, meaning empty).
pub unsafe fn concat(a: *const KStr, b: *const KStr) -> *const KStr {
    // SAFETY: caller contract.
    unsafe {
        let (ab, bb) = (bytes(a), bytes(b));
        if bb.is_empty() && !a.is_null() {
            return a;
        }
        if ab.is_empty() && !b.is_null() {
            return b;
        }
        let n = ab.len() + bb.len();
        let p = gc::alloc_atomic_uninit(KSTR_DATA_OFFSET + n + 1);
        let h = p as *mut KStr;
        (*h).len = n as i64;
        (*h).nchars = nchars(a) + nchars(b);
        let d = p.add(KSTR_DATA_OFFSET);
        std::ptr::copy_nonoverlapping(ab.as_ptr(), d, ab.len());
        std::ptr::copy_nonoverlapping(bb.as_ptr(), d.add(ab.len()), bb.len());
        *d.add(n) = 0;
        p as *const KStr
    }
}

/// Is `c` printable in CPython's sense (`str.isprintable`)?
pub fn is_printable(c: char) -> bool {
    let c = c as u32;
    if (0x20..0x7F).contains(&c) {
        return true;
    }
    if c < 0x20 || c == 0x7F {
        return false;
    }
    // Binary search over the sorted, disjoint non-printable ranges.
    NONPRINTABLE
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
}

/// Python's `repr(s)`: CPython's quote choice and escapes.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7F => {
                push_hex_escape(&mut out, 'x', c as u32, 2);
            }
            c if (c as u32) < 0x7F => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xFF => push_hex_escape(&mut out, 'x', c as u32, 2),
            c if (c as u32) <= 0xFFFF => push_hex_escape(&mut out, 'u', c as u32, 4),
            c => push_hex_escape(&mut out, 'U', c as u32, 8),
        }
    }
    out.push(quote);
    out
}

fn push_hex_escape(out: &mut String, letter: char, v: u32, digits: usize) {
    out.push('\\');
    out.push(letter);
    out.push_str(&format!("{:0width$x}", v, width = digits));
}

/// Python's `s[i]` (one code point), with negative indices.
pub fn getitem(s: &str, nchars: i64, i: i64) -> Result<String, PyErr> {
    let idx = if i < 0 { i.wrapping_add(nchars) } else { i };
    if idx < 0 || idx >= nchars {
        return Err(PyErr::new("IndexError", "string index out of range"));
    }
    if s.len() as i64 == nchars {
        // ASCII fast path.
        let k = idx as usize;
        return Ok(s[k..k + 1].to_string());
    }
    match s.chars().nth(idx as usize) {
        Some(c) => Ok(c.to_string()),
        None => Err(PyErr::new("IndexError", "string index out of range")),
    }
}

/// CPython's `PySlice_AdjustIndices` for a sequence of length `len`: returns
/// `(start, stop, step, slicelength)`. `step` must be non-zero.
pub fn adjust_slice(len: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> (i64, i64, i64, i64) {
    let (lo_default, hi_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            let v = v.saturating_add(len);
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let start = start.map(clamp).unwrap_or(lo_default);
    let stop = stop.map(clamp).unwrap_or(hi_default);
    let slicelength = if step < 0 {
        if stop < start {
            ((start - stop - 1) as i128 / -(step as i128)) as i64 + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, slicelength)
}

/// Python's `s[start:stop:step]` over code points.
pub fn slice(s: &str, nchars: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Result<String, PyErr> {
    if step == 0 {
        return Err(PyErr::new("ValueError", "slice step cannot be zero"));
    }
    let (start, _stop, step, n) = adjust_slice(nchars, start, stop, step);
    if n <= 0 {
        return Ok(String::new());
    }
    if step == 1 {
        if s.len() as i64 == nchars {
            return Ok(s[start as usize..(start + n) as usize].to_string());
        }
        return Ok(s.chars().skip(start as usize).take(n as usize).collect());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = start;
    for _ in 0..n {
        if let Some(&c) = usize::try_from(i).ok().and_then(|k| chars.get(k)) {
            out.push(c);
        }
        i = i.wrapping_add(step);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable() {
        assert!(is_printable('a'));
        assert!(is_printable(' '));
        assert!(is_printable('é'));
        assert!(!is_printable('\u{a0}'));
        assert!(!is_printable('\u{ad}'));
        assert!(!is_printable('\u{2028}'));
        assert!(is_printable('日'));
        assert!(!is_printable('\u{e000}'));
        assert!(!is_printable('\u{10ffff}'));
    }

    #[test]
    fn repr_basics() {
        assert_eq!(repr("abc"), "'abc'");
        assert_eq!(repr("it's"), "\"it's\"");
        assert_eq!(repr("'\""), "'\\'\"'");
        assert_eq!(repr("a\tb\n\\\x01\x7f"), "'a\\tb\\n\\\\\\x01\\x7f'");
        assert_eq!(repr("\u{a0}\u{ad}\u{2028}\u{e000}\u{10ffff}"), "'\\xa0\\xad\\u2028\\ue000\\U0010ffff'");
        assert_eq!(repr("日本"), "'日本'");
    }

    #[test]
    fn slices() {
        assert_eq!(slice("hello", 5, None, None, -1).unwrap(), "olleh");
        assert_eq!(slice("hello", 5, Some(1), Some(-1), 1).unwrap(), "ell");
        assert_eq!(slice("héllo", 5, Some(-4), None, 2).unwrap(), "él");
        assert_eq!(slice("hello", 5, Some(10), Some(-10), -2).unwrap(), "olh");
        assert!(slice("x", 1, None, None, 0).is_err());
        assert_eq!(getitem("héllo", 5, -4).unwrap(), "é");
        assert!(getitem("abc", 3, 3).is_err());
        assert!(getitem("abc", 3, -4).is_err());
    }
}
