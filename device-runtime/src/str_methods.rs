//! `str` methods and the str/number conversions, with CPython 3.11's semantics (Unicode 14,
//! the version of its database): `split`, `join`, `strip`, `replace`, `find`, the case
//! mappings and predicates, padding, stepped slices, `ord`/`chr`, `int(s, base)`,
//! `float(s)` and `bin`/`oct`/`hex`.
//!
//! Indices are code points. Every function has an ASCII fast path (byte offsets are code
//! point offsets when `nchars == len`); the general path walks the UTF-8 text. Character
//! properties and case mappings come from `str_tables.rs`, generated from CPython by
//! `tests/gen_str_tables.py`.
//!
//! The functions here work on Rust strings; the C ABI (`abi.rs`, section "str methods")
//! reads the `KStr`s, calls them and allocates the results ([`new_list_of_str`] for lists).

use crate::exceptions::PyErr;
use crate::gc;
use crate::lists::{self, KList};
use crate::str_tables as tables;
use crate::strings::{self, KStr, KSTR_DATA_OFFSET};
use crate::unicode_tables::DECIMAL_ZEROS;

// ---------------------------------------------------------------------------------------
// Character properties
// ---------------------------------------------------------------------------------------

/// The property flags of `c` (`str_tables::ALPHA`, ...).
pub(crate) fn props(c: char) -> u16 {
    let c = c as u32;
    let i = tables::PROP_STARTS.partition_point(|&s| s <= c);
    tables::PROP_FLAGS[i.saturating_sub(1)]
}

fn has(c: char, flag: u16) -> bool {
    props(c) & flag != 0
}

/// CPython's `Py_UNICODE_ISSPACE` (what `str.isspace`, `split()` and `strip()` use): ASCII
/// `\t\n\v\f\r`, `\x1c`-`\x1f` and space, and the Unicode Zs / bidi WS, B, S characters.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return is_ascii_space(c as u8);
    }
    has(c, tables::SPACE)
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

/// CPython's `Py_UNICODE_ISLINEBREAK` (`str.splitlines`).
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Decimal value of a Unicode decimal digit (category Nd), as `Py_UNICODE_TODECIMAL`.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let c = c as u32;
    if c < 0x80 {
        return None;
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= c);
    if i == 0 {
        return None;
    }
    let d = c - DECIMAL_ZEROS[i - 1];
    (d < 10).then_some(d)
}

fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    has(c, tables::CASED)
}

fn is_case_ignorable(c: char) -> bool {
    has(c, tables::CASE_IGNORABLE)
}

// ---------------------------------------------------------------------------------------
// Building results
// ---------------------------------------------------------------------------------------

/// Is `s` (with `nchars` code points) pure ASCII? Trusts the header, like the compiler.
fn ascii(s: &str, nchars: i64) -> bool {
    s.len() as i64 == nchars
}

/// A new string from `s`, whose code-point count is known when `ascii`.
fn new_str_hint(s: &str, ascii: bool) -> *const KStr {
    if ascii {
        strings::new_str_nchars(s, s.len())
    } else {
        strings::new_str(s)
    }
}

/// Append `n` copies of `c`.
pub(crate) fn push_n(out: &mut String, c: char, n: usize) {
    for _ in 0..n {
        out.push(c);
    }
}

/// Allocate a string of `len` bytes and `nchars` code points; `fill` writes the bytes.
fn alloc_str(len: usize, nchars: usize, fill: impl FnOnce(&mut [u8])) -> *const KStr {
    if len > (isize::MAX as usize) / 2 {
        gc::out_of_memory();
    }
    let p = gc::alloc_atomic_uninit(KSTR_DATA_OFFSET + len + 1);
    // SAFETY: `p` has room for the header, `len` bytes and a NUL; it is 16-byte aligned.
    unsafe {
        let h = p as *mut KStr;
        (*h).len = len as i64;
        (*h).nchars = nchars as i64;
        let d = p.add(KSTR_DATA_OFFSET);
        fill(std::slice::from_raw_parts_mut(d, len));
        *d.add(len) = 0;
    }
    p as *const KStr
}

/// A new `list[str]` holding the given pieces (each copied into a new string).
pub fn new_list_of_str(pieces: &[&str], ascii: bool) -> *mut KList {
    let list = lists::new(8, pieces.len() as i64, true);
    for (i, piece) in pieces.iter().enumerate() {
        let k = new_str_hint(piece, ascii);
        // SAFETY: `list` has `pieces.len()` pointer slots; it stays on this stack (so the
        // collector keeps it alive while the strings are allocated).
        unsafe { ((*list).data as *mut *const KStr).add(i).write(k) };
    }
    list
}

// ---------------------------------------------------------------------------------------
// Index helpers
// ---------------------------------------------------------------------------------------

/// CPython's `ADJUST_INDICES` for `str.find`/`count`/`startswith`: clamp `end` to `len`,
/// count negative values from the end, floor at 0 (`start` may exceed `len`).
pub fn adjust_indices(start: i64, end: i64, len: i64) -> (i64, i64) {
    let end = if end > len {
        len
    } else if end < 0 {
        end.saturating_add(len).max(0)
    } else {
        end
    };
    let start = if start < 0 { start.saturating_add(len).max(0) } else { start };
    (start, end)
}

/// Byte offset of code point `k` of `s` (`s.len()` when `k` is at or past the end).
fn byte_of(s: &str, ascii: bool, k: i64) -> usize {
    if k <= 0 {
        return 0;
    }
    if ascii {
        return (k as usize).min(s.len());
    }
    s.char_indices().nth(k as usize).map(|(i, _)| i).unwrap_or(s.len())
}

// ---------------------------------------------------------------------------------------
// split / rsplit / splitlines / join
// ---------------------------------------------------------------------------------------

fn empty_separator() -> PyErr {
    PyErr::new("ValueError", "empty separator")
}

/// `s.split(sep, maxsplit)`; `sep == None` splits on runs of whitespace.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, PyErr> {
    let maxcount = if maxsplit < 0 { i64::MAX } else { maxsplit };
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let n = usize::try_from(maxcount).unwrap_or(usize::MAX).saturating_add(1);
            Ok(s.splitn(n, sep).collect())
        }
        None => Ok(split_whitespace(s, maxcount)),
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, PyErr> {
    let maxcount = if maxsplit < 0 { i64::MAX } else { maxsplit };
    match sep {
        Some("") => Err(empty_separator()),
        Some(sep) => {
            let n = usize::try_from(maxcount).unwrap_or(usize::MAX).saturating_add(1);
            let mut v: Vec<&str> = s.rsplitn(n, sep).collect();
            v.reverse();
            Ok(v)
        }
        None => Ok(rsplit_whitespace(s, maxcount)),
    }
}

/// The character starting at byte `i` and its length.
fn char_at(s: &str, i: usize) -> (char, usize) {
    let c = s[i..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// The character ending at byte `i` and its length.
fn char_before(s: &str, i: usize) -> (char, usize) {
    let c = s[..i].chars().next_back().unwrap_or('\0');
    (c, c.len_utf8())
}

/// CPython's `split_whitespace`.
fn split_whitespace(s: &str, mut maxcount: i64) -> Vec<&str> {
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    let skip_space = |mut i: usize| {
        while i < n {
            let (c, l) = char_at(s, i);
            if !is_space(c) {
                break;
            }
            i += l;
        }
        i
    };
    while maxcount > 0 {
        maxcount -= 1;
        i = skip_space(i);
        if i == n {
            break;
        }
        let j = i;
        i += char_at(s, i).1;
        while i < n {
            let (c, l) = char_at(s, i);
            if is_space(c) {
                break;
            }
            i += l;
        }
        out.push(&s[j..i]);
    }
    if i < n {
        i = skip_space(i);
        if i != n {
            out.push(&s[i..]);
        }
    }
    out
}

/// CPython's `rsplit_whitespace`.
fn rsplit_whitespace(s: &str, mut maxcount: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut e = s.len();
    let skip_space = |mut e: usize| {
        while e > 0 {
            let (c, l) = char_before(s, e);
            if !is_space(c) {
                break;
            }
            e -= l;
        }
        e
    };
    while maxcount > 0 {
        maxcount -= 1;
        e = skip_space(e);
        if e == 0 {
            break;
        }
        let end = e;
        e -= char_before(s, e).1;
        while e > 0 {
            let (c, l) = char_before(s, e);
            if is_space(c) {
                break;
            }
            e -= l;
        }
        out.push(&s[e..end]);
    }
    if e > 0 {
        e = skip_space(e);
        if e > 0 {
            out.push(&s[..e]);
        }
    }
    out.reverse();
    out
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let n = s.len();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n {
        while i < n {
            let (c, l) = char_at(s, i);
            if is_linebreak(c) {
                break;
            }
            i += l;
        }
        let mut eol = i;
        if i < n {
            if s.as_bytes()[i] == b'\r' && s.as_bytes().get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += char_at(s, i).1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(&s[j..eol]);
        j = i;
    }
    out
}

/// `sep.join(items)` from already-read strings: one allocation.
///
/// # Safety
/// `sep` and every element of `items` are valid strings or null.
pub unsafe fn join(sep: *const KStr, items: &[*const KStr]) -> *const KStr {
    // SAFETY: caller contract.
    unsafe {
        let sepb = strings::bytes(sep);
        let sepn = strings::nchars(sep) as usize;
        if items.is_empty() {
            return strings::new_str("");
        }
        let mut len = sepb.len().saturating_mul(items.len() - 1);
        let mut nchars = sepn.saturating_mul(items.len() - 1);
        for &it in items {
            len = len.saturating_add(strings::bytes(it).len());
            nchars = nchars.saturating_add(strings::nchars(it) as usize);
        }
        alloc_str(len, nchars, |d| {
            let mut at = 0;
            for (k, &it) in items.iter().enumerate() {
                if k > 0 {
                    d[at..at + sepb.len()].copy_from_slice(sepb);
                    at += sepb.len();
                }
                let b = strings::bytes(it);
                if let [c] = b {
                    // Single characters (joining a list of them is common) without a
                    // `memcpy` call each.
                    d[at] = *c;
                } else {
                    d[at..at + b.len()].copy_from_slice(b);
                }
                at += b.len();
            }
        })
    }
}

/// `sorted(s)` of a string: its characters in code-point order (the order of one-character
/// strings), or the reverse. Equal characters are indistinguishable, so stability is moot.
fn sorted_chars(s: &str, reverse: bool) -> Vec<char> {
    let mut chars: Vec<char> = s.chars().collect();
    chars.sort_unstable();
    if reverse {
        chars.reverse();
    }
    chars
}

/// The bytes of ASCII text `b` sorted (reversed when `reverse`): a counting sort, one pass
/// over the text and one over the 128 counts, whatever the order of the input.
fn sorted_ascii(b: &[u8], reverse: bool, out: &mut [u8]) {
    if b.len() <= 16 {
        // Short words (the common case: anagram keys) sort faster in place.
        out.copy_from_slice(b);
        for i in 1..out.len() {
            let x = out[i];
            let mut j = i;
            while j > 0 && out[j - 1] > x {
                out[j] = out[j - 1];
                j -= 1;
            }
            out[j] = x;
        }
        if reverse {
            out.reverse();
        }
        return;
    }
    let mut counts = [0usize; 128];
    for &c in b {
        counts[(c & 0x7f) as usize] += 1;
    }
    let mut at = 0;
    let mut put = |c: usize, n: usize| {
        out[at..at + n].fill(c as u8);
        at += n;
    };
    if reverse {
        for c in (0..128).rev() {
            put(c, counts[c]);
        }
    } else {
        for (c, &n) in counts.iter().enumerate() {
            put(c, n);
        }
    }
}

/// `n` bytes of scratch space: `small` when it is big enough, else `large` grown to `n`.
fn scratch<'a>(small: &'a mut [u8; 64], large: &'a mut Vec<u8>, n: usize) -> &'a mut [u8] {
    if n <= small.len() {
        &mut small[..n]
    } else {
        large.resize(n, 0);
        &mut large[..]
    }
}

/// `sorted(s)` for a string `s`: a new `list[str]` of its characters, built at once (ASCII
/// characters are the runtime's shared one-character strings, so an ASCII text allocates
/// only the list).
///
/// # Safety
/// `s` is null or a valid string.
pub unsafe fn sorted_str(s: *const KStr, reverse: bool) -> *mut KList {
    // SAFETY: caller contract.
    let (b, n) = unsafe { (strings::bytes(s), strings::nchars(s)) };
    let list = lists::new(8, n, true);
    // SAFETY: `list` has `n` pointer slots and stays on this stack (so the collector keeps
    // it alive while the strings of non-ASCII characters are allocated).
    let slots = unsafe { std::slice::from_raw_parts_mut((*list).data as *mut *const KStr, n as usize) };
    if b.len() as i64 == n {
        let mut small = [0u8; 64];
        let mut large = Vec::new();
        let sorted = scratch(&mut small, &mut large, b.len());
        sorted_ascii(b, reverse, sorted);
        for (slot, &c) in slots.iter_mut().zip(sorted.iter()) {
            *slot = strings::ascii_char(c);
        }
    } else {
        // SAFETY: caller contract (the text is UTF-8).
        let t = unsafe { strings::text(s) };
        let mut buf = [0u8; 4];
        for (slot, c) in slots.iter_mut().zip(sorted_chars(&t, reverse)) {
            *slot = if c.is_ascii() {
                strings::ascii_char(c as u8)
            } else {
                strings::new_str_nchars(c.encode_utf8(&mut buf), 1)
            };
        }
    }
    list
}

/// `sep.join(sorted(s))` for a string `s`, without the list of characters in between.
///
/// # Safety
/// `sep` and `s` are null or valid strings.
pub unsafe fn join_sorted(sep: *const KStr, s: *const KStr, reverse: bool) -> *const KStr {
    // SAFETY: caller contract.
    let (sepb, sepn, b, n) =
        unsafe { (strings::bytes(sep), strings::nchars(sep), strings::bytes(s), strings::nchars(s)) };
    if n <= 1 {
        // One character (or none) joins to itself.
        return if s.is_null() { strings::new_str("") } else { s };
    }
    let n = n as usize;
    if b.len() == n && sepb.is_empty() {
        // ASCII letters joined by nothing: the sorted bytes are the new string.
        return alloc_str(n, n, |d| sorted_ascii(b, reverse, d));
    }
    let len = b.len().saturating_add(sepb.len().saturating_mul(n - 1));
    let nchars = n.saturating_add((sepn as usize).saturating_mul(n - 1));
    if b.len() == n {
        let mut small = [0u8; 64];
        let mut large = Vec::new();
        let sorted = scratch(&mut small, &mut large, n);
        sorted_ascii(b, reverse, sorted);
        return alloc_str(len, nchars, |d| {
            let mut at = 0;
            for (k, &c) in sorted.iter().enumerate() {
                if k > 0 {
                    d[at..at + sepb.len()].copy_from_slice(sepb);
                    at += sepb.len();
                }
                d[at] = c;
                at += 1;
            }
        });
    }
    // SAFETY: caller contract (the texts are UTF-8).
    let (t, sep_text) = unsafe { (strings::text(s), strings::text(sep)) };
    let mut out = String::with_capacity(len);
    for (k, c) in sorted_chars(&t, reverse).into_iter().enumerate() {
        if k > 0 {
            out.push_str(&sep_text);
        }
        out.push(c);
    }
    strings::new_str_nchars(&out, nchars)
}

// ---------------------------------------------------------------------------------------
// strip / replace / find / count / startswith
// ---------------------------------------------------------------------------------------

/// `s.strip(chars)` (`which` 0), `lstrip` (1), `rstrip` (2); `chars == None` strips
/// whitespace. Returns the kept slice.
pub fn strip<'a>(s: &'a str, chars: Option<&str>, which: i64) -> &'a str {
    let strip_left = which != 2;
    let strip_right = which != 1;
    let mut ascii_set = [false; 128];
    let mut other: Vec<char> = Vec::new();
    let pred: Box<dyn Fn(char) -> bool> = match chars {
        None => Box::new(is_space),
        Some(cs) => {
            for c in cs.chars() {
                if c.is_ascii() {
                    ascii_set[c as usize] = true;
                } else {
                    other.push(c);
                }
            }
            Box::new(move |c: char| if c.is_ascii() { ascii_set[c as usize] } else { other.contains(&c) })
        }
    };
    let mut i = 0;
    let mut e = s.len();
    if strip_left {
        while i < e {
            let (c, l) = char_at(s, i);
            if !pred(c) {
                break;
            }
            i += l;
        }
    }
    if strip_right {
        while e > i {
            let (c, l) = char_before(s, e);
            if !pred(c) {
                break;
            }
            e -= l;
        }
    }
    &s[i..e]
}

/// `s.replace(old, new, count)` (`count < 0`: all). `None` when nothing changes.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Option<String> {
    let max = if count < 0 { usize::MAX } else { count as usize };
    if max == 0 {
        return None;
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, `max` times at most.
        let mut out = String::with_capacity(s.len() + new.len().saturating_mul(s.len().min(max) + 1));
        let mut done = 0usize;
        let mut rest = s;
        for c in s.chars() {
            if done == max {
                break;
            }
            out.push_str(new);
            out.push(c);
            done += 1;
            rest = &rest[c.len_utf8()..];
        }
        if done < max {
            out.push_str(new);
        }
        out.push_str(rest);
        return Some(out);
    }
    if !s.contains(old) {
        return None;
    }
    Some(if count < 0 { s.replace(old, new) } else { s.replacen(old, new, max) })
}

/// `s.find(sub, start, end)` / `s.rfind(...)` (`reverse`): a code-point index or -1.
pub fn find(s: &str, nchars: i64, sub: &str, sub_nchars: i64, start: i64, end: i64, reverse: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, nchars);
    if end - start < sub_nchars {
        return -1;
    }
    let asc = ascii(s, nchars);
    let bs = byte_of(s, asc, start);
    let be = if asc { end as usize } else { bs + byte_of(&s[bs..], false, end - start) };
    let hay = &s[bs..be];
    let pos = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    match pos {
        None => -1,
        Some(p) if asc => start + p as i64,
        Some(p) => start + strings::count_chars(&hay.as_bytes()[..p]) as i64,
    }
}

/// `s.count(sub, start, end)`.
pub fn count(s: &str, nchars: i64, sub: &str, sub_nchars: i64, start: i64, end: i64) -> i64 {
    let (start, end) = adjust_indices(start, end, nchars);
    if end - start < sub_nchars {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    let asc = ascii(s, nchars);
    let bs = byte_of(s, asc, start);
    let be = if asc { end as usize } else { bs + byte_of(&s[bs..], false, end - start) };
    s[bs..be].matches(sub).count() as i64
}

/// `s.startswith(prefix, start, end)` / `s.endswith(...)` (`endswith`).
pub fn startswith(s: &str, nchars: i64, sub: &str, sub_nchars: i64, start: i64, end: i64, endswith: bool) -> bool {
    let (start, end) = adjust_indices(start, end, nchars);
    if end - sub_nchars < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let asc = ascii(s, nchars);
    let bs = byte_of(s, asc, start);
    let be = if asc { end as usize } else { bs + byte_of(&s[bs..], false, end - start) };
    let w = &s.as_bytes()[bs..be];
    if endswith {
        w.ends_with(sub.as_bytes())
    } else {
        w.starts_with(sub.as_bytes())
    }
}

// ---------------------------------------------------------------------------------------
// Case mappings
// ---------------------------------------------------------------------------------------

const MAP_LOWER: usize = 0;
const MAP_UPPER: usize = 1;
const MAP_TITLE: usize = 2;
const MAP_FOLD: usize = 3;

/// Append the full case mapping `which` of `c` (no final-sigma context).
fn push_mapped(out: &mut String, c: char, which: usize) {
    if c.is_ascii() {
        out.push(match which {
            MAP_UPPER | MAP_TITLE => c.to_ascii_uppercase(),
            _ => c.to_ascii_lowercase(),
        });
        return;
    }
    let Ok(i) = tables::CASE_KEYS.binary_search(&(c as u32)) else {
        out.push(c);
        return;
    };
    let v = tables::CASE_MAPS[i][which];
    if v == 0 {
        out.push(c);
    } else if v & 0x8000_0000 == 0 {
        out.push(char::from_u32(v).unwrap_or(c));
    } else {
        let len = ((v >> 16) & 0xFF) as usize;
        let off = (v & 0xFFFF) as usize;
        for &m in &tables::CASE_EXTRA[off..off + len] {
            out.push(char::from_u32(m).unwrap_or(c));
        }
    }
}

/// CPython's `handle_capital_sigma`: is the U+03A3 at byte `i` of `s` word-final?
fn final_sigma(s: &str, i: usize) -> bool {
    let before = s[..i].chars().rev().find(|&c| !is_case_ignorable(c));
    if !before.is_some_and(is_cased) {
        return false;
    }
    let after = s[i + 'Σ'.len_utf8()..].chars().find(|&c| !is_case_ignorable(c));
    !after.is_some_and(is_cased)
}

/// CPython's `lower_ucs4`: lowercase with the final-sigma rule.
fn push_lower(out: &mut String, s: &str, i: usize, c: char) {
    if c == '\u{3a3}' {
        out.push(if final_sigma(s, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        push_mapped(out, c, MAP_LOWER);
    }
}

/// Case operations of [`case`].
pub mod case_op {
    pub const UPPER: i64 = 0;
    pub const LOWER: i64 = 1;
    pub const TITLE: i64 = 2;
    pub const CAPITALIZE: i64 = 3;
    pub const SWAPCASE: i64 = 4;
    pub const CASEFOLD: i64 = 5;
}

/// `s.upper()`, `lower()`, `title()`, `capitalize()`, `swapcase()` or `casefold()`.
pub fn case(s: &str, op: i64) -> String {
    if s.is_ascii() {
        let mut b = s.as_bytes().to_vec();
        match op {
            case_op::UPPER => b.make_ascii_uppercase(),
            case_op::LOWER | case_op::CASEFOLD => b.make_ascii_lowercase(),
            case_op::SWAPCASE => {
                for x in b.iter_mut() {
                    if x.is_ascii_alphabetic() {
                        *x ^= 0x20;
                    }
                }
            }
            case_op::TITLE => {
                let mut prev = false;
                for x in b.iter_mut() {
                    *x = if prev { x.to_ascii_lowercase() } else { x.to_ascii_uppercase() };
                    prev = x.is_ascii_alphabetic();
                }
            }
            case_op::CAPITALIZE => {
                b.make_ascii_lowercase();
                if let Some(x) = b.first_mut() {
                    x.make_ascii_uppercase();
                }
            }
            _ => {}
        }
        // ASCII in, ASCII out.
        return String::from_utf8(b).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    match op {
        case_op::UPPER => s.chars().for_each(|c| push_mapped(&mut out, c, MAP_UPPER)),
        case_op::LOWER => s.char_indices().for_each(|(i, c)| push_lower(&mut out, s, i, c)),
        case_op::CASEFOLD => s.chars().for_each(|c| push_mapped(&mut out, c, MAP_FOLD)),
        case_op::SWAPCASE => {
            for (i, c) in s.char_indices() {
                let p = props(c);
                if p & tables::UPPER != 0 {
                    push_lower(&mut out, s, i, c);
                } else if p & tables::LOWER != 0 {
                    push_mapped(&mut out, c, MAP_UPPER);
                } else {
                    out.push(c);
                }
            }
        }
        case_op::TITLE => {
            let mut prev = false;
            for (i, c) in s.char_indices() {
                if prev {
                    push_lower(&mut out, s, i, c);
                } else {
                    push_mapped(&mut out, c, MAP_TITLE);
                }
                prev = is_cased(c);
            }
        }
        case_op::CAPITALIZE => {
            for (i, c) in s.char_indices() {
                if i == 0 {
                    push_mapped(&mut out, c, MAP_TITLE);
                } else {
                    push_lower(&mut out, s, i, c);
                }
            }
        }
        _ => out.push_str(s),
    }
    out
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

/// Predicates of [`is`].
pub mod is_op {
    pub const DIGIT: i64 = 0;
    pub const ALPHA: i64 = 1;
    pub const ALNUM: i64 = 2;
    pub const SPACE: i64 = 3;
    pub const UPPER: i64 = 4;
    pub const LOWER: i64 = 5;
    pub const DECIMAL: i64 = 6;
    pub const NUMERIC: i64 = 7;
    pub const TITLE: i64 = 8;
    pub const IDENTIFIER: i64 = 9;
    pub const PRINTABLE: i64 = 10;
    pub const ASCII: i64 = 11;
}

fn all_chars(s: &str, ascii: impl Fn(u8) -> bool, flags: u16) -> bool {
    !s.is_empty() && s.chars().all(|c| if c.is_ascii() { ascii(c as u8) } else { props(c) & flags != 0 })
}

/// `s.isdigit()`, `isalpha()`, ... (see [`is_op`]), exactly as CPython 3.11.
pub fn is(s: &str, op: i64) -> bool {
    use tables::{ALPHA, DECIMAL, DIGIT, LOWER, NUMERIC, SPACE, TITLE, UPPER, XID_CONTINUE, XID_START};
    match op {
        is_op::DIGIT => all_chars(s, |b| b.is_ascii_digit(), DIGIT),
        is_op::DECIMAL => all_chars(s, |b| b.is_ascii_digit(), DECIMAL),
        is_op::NUMERIC => all_chars(s, |b| b.is_ascii_digit(), NUMERIC),
        is_op::ALPHA => all_chars(s, |b| b.is_ascii_alphabetic(), ALPHA),
        is_op::ALNUM => all_chars(s, |b| b.is_ascii_alphanumeric(), ALPHA | DECIMAL | DIGIT | NUMERIC),
        is_op::SPACE => all_chars(s, is_ascii_space, SPACE),
        is_op::UPPER | is_op::LOWER => {
            let (want, bad) = if op == is_op::UPPER { (UPPER, LOWER | TITLE) } else { (LOWER, UPPER | TITLE) };
            let mut it = s.chars();
            if let (Some(c), None) = (it.next(), it.next()) {
                return props(c) & want != 0;
            }
            let mut cased = false;
            for c in s.chars() {
                let p = props(c);
                if p & bad != 0 {
                    return false;
                }
                cased |= p & want != 0;
            }
            cased
        }
        is_op::TITLE => {
            let mut it = s.chars();
            if let (Some(c), None) = (it.next(), it.next()) {
                return props(c) & (TITLE | UPPER) != 0;
            }
            let (mut cased, mut prev_cased) = (false, false);
            for c in s.chars() {
                let p = props(c);
                if p & (UPPER | TITLE) != 0 {
                    if prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else if p & LOWER != 0 {
                    if !prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else {
                    prev_cased = false;
                }
            }
            cased
        }
        is_op::IDENTIFIER => {
            let mut it = s.chars();
            match it.next() {
                None => false,
                Some(c) => has(c, XID_START) && it.all(|c| has(c, XID_CONTINUE)),
            }
        }
        is_op::PRINTABLE => s.chars().all(strings::is_printable),
        is_op::ASCII => s.is_ascii(),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Padding and slicing
// ---------------------------------------------------------------------------------------

/// A padded result of `width` code points: `prefix`, `left` fills, `body`, `right` fills,
/// written straight into a new string (too large to allocate: `MemoryError`).
fn padded(prefix: &str, body: &str, width: i64, fill: char, left: usize, right: usize) -> *const KStr {
    let mut fb = [0u8; 4];
    let fb = fill.encode_utf8(&mut fb).as_bytes();
    let len = left.saturating_add(right).saturating_mul(fb.len()).saturating_add(prefix.len() + body.len());
    alloc_str(len, width as usize, |d| {
        d[..prefix.len()].copy_from_slice(prefix.as_bytes());
        let mut at = prefix.len();
        for _ in 0..left {
            d[at..at + fb.len()].copy_from_slice(fb);
            at += fb.len();
        }
        d[at..at + body.len()].copy_from_slice(body.as_bytes());
        at += body.len();
        for _ in 0..right {
            d[at..at + fb.len()].copy_from_slice(fb);
            at += fb.len();
        }
    })
}

/// `s.ljust(width, fill)` (`align` 0), `rjust` (1), `center` (2). `None`: unchanged.
pub fn pad(s: &str, nchars: i64, width: i64, fill: char, align: i64) -> Option<*const KStr> {
    if width <= nchars {
        return None;
    }
    let marg = width - nchars;
    let left = match align {
        0 => 0,
        1 => marg,
        _ => marg / 2 + (marg & width & 1),
    };
    Some(padded("", s, width, fill, left as usize, (marg - left) as usize))
}

/// `s.zfill(width)`: zeros on the left, after a leading sign. `None`: unchanged.
pub fn zfill(s: &str, nchars: i64, width: i64) -> Option<*const KStr> {
    if nchars >= width {
        return None;
    }
    let fill = (width - nchars) as usize;
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    Some(padded(sign, rest, width, '0', fill, 0))
}

/// `s[start:stop:step]` (`step != 0`; `None` bounds as Python's `None`).
pub fn slice_step(s: &str, nchars: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> (String, usize) {
    if step == 0 {
        return (String::new(), 0);
    }
    let (start, _, step, n) = strings::adjust_slice(nchars, start, stop, step);
    if n <= 0 {
        return (String::new(), 0);
    }
    let n = n as usize;
    if ascii(s, nchars) {
        let b = s.as_bytes();
        if step == 1 {
            return (s[start as usize..start as usize + n].to_string(), n);
        }
        let mut out = Vec::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize]);
            i += step;
        }
        return (String::from_utf8(out).unwrap_or_default(), n);
    }
    if step == 1 {
        let bs = byte_of(s, false, start);
        let be = bs + byte_of(&s[bs..], false, n as i64);
        return (s[bs..be].to_string(), n);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(n * 2);
    let mut i = start;
    for _ in 0..n {
        if let Some(&c) = usize::try_from(i).ok().and_then(|k| chars.get(k)) {
            out.push(c);
        }
        i = i.wrapping_add(step);
    }
    (out, n)
}

// ---------------------------------------------------------------------------------------
// ord / chr / int(s, base) / float(s) / bin, oct, hex
// ---------------------------------------------------------------------------------------

/// `ord(s)`.
pub fn ord(s: &str, nchars: i64) -> Result<i64, PyErr> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) if nchars == 1 => Ok(c as i64),
        _ => Err(PyErr::new("TypeError", format!("ord() expected a character, but string of length {nchars} found"))),
    }
}

/// `chr(i)`.
pub fn chr(i: i64) -> Result<char, PyErr> {
    if i32::try_from(i).is_err() {
        return Err(PyErr::new("OverflowError", "Python int too large to convert to C int"));
    }
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::new("ValueError", "chr() arg not in range(0x110000)"));
    }
    char::from_u32(i as u32).ok_or_else(|| {
        PyErr::new("ValueError", "kiln: chr() of a surrogate code point is not supported (kiln strings are UTF-8)")
    })
}

/// The message of an `int()` result outside the 64-bit range.
pub const INT_TOO_LARGE_MSG: &str = "int too large to convert";

/// CPython's `_PY_LONG_MAX_STR_DIGITS_THRESHOLD` default limit (`sys.int_info`).
const MAX_STR_DIGITS: usize = 4300;

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace becomes ' ',
/// Unicode decimal digits their ASCII digit; the first other non-ASCII character becomes
/// '?' and ends the text.
fn transform_decimal_and_space(s: &str) -> Vec<u8> {
    if s.is_ascii() {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// C's `isspace` in the C locale (what `PyLong_FromString` skips; not `\x1c`-`\x1f`).
fn c_isspace(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 37,
    }
}

/// Python's `repr(s)` cut to 200 code points, as `%.200R` does.
fn repr_200(s: &str) -> String {
    let r = strings::repr(s);
    match r.char_indices().nth(200) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    }
}

/// `int(s, base)` (CPython's `PyLong_FromUnicodeObject` + `PyLong_FromString`), limited to
/// 64 bits: a valid literal outside the range raises `OverflowError: int too large to
/// convert`.
pub fn to_int(s: &str, base: i64) -> Result<i64, PyErr> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(PyErr::new("ValueError", "int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || PyErr::new("ValueError", format!("invalid literal for int() with base {base}: {}", repr_200(s)));
    let buf = transform_decimal_and_space(s);
    let b = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < buf.len() && c_isspace(buf[i]) {
        i += 1;
    }
    let mut negative = false;
    if b(i) == b'+' {
        i += 1;
    } else if b(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if b(i) != b'0' {
            10
        } else {
            match b(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if b(i) == b'0' && matches!((base, b(i + 1)), (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')) {
        i += 2;
        if b(i) == b'_' {
            i += 1;
        }
    }
    if b(i) == b'_' {
        return Err(invalid());
    }
    // Scan digits and single underscores between them.
    let start = i;
    let mut digits = 0usize;
    let mut prev = 0u8;
    let mut value: u128 = 0;
    let mut overflow = false;
    while i < buf.len() && (digit_value(buf[i]) < base || buf[i] == b'_') {
        let c = buf[i];
        if c == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            digits += 1;
            value = value * base as u128 + digit_value(c) as u128;
            if value > 1u128 << 64 {
                overflow = true;
                value = 1u128 << 64;
            }
        }
        prev = c;
        i += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits > MAX_STR_DIGITS {
        return Err(PyErr::new(
            "ValueError",
            format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} \
                 digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    if i == start || (error_if_nonzero && value != 0) {
        return Err(invalid());
    }
    while i < buf.len() && c_isspace(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return Err(invalid());
    }
    let too_large = || PyErr::new("OverflowError", INT_TOO_LARGE_MSG);
    if overflow {
        return Err(too_large());
    }
    if negative {
        if value > 1u128 << 63 {
            return Err(too_large());
        }
        Ok((value as i128).wrapping_neg() as i64)
    } else {
        i64::try_from(value).map_err(|_| too_large())
    }
}

/// `float(s)` (CPython's `PyFloat_FromString`): whitespace, underscores between digits,
/// Unicode digits, `inf`/`infinity`/`nan` in any case with a sign.
pub fn to_float(s: &str) -> Result<f64, PyErr> {
    let invalid = || PyErr::new("ValueError", format!("could not convert string to float: {}", strings::repr(s)));
    let buf = transform_decimal_and_space(s);
    // `_Py_string_to_number_with_underscores`.
    let buf = if buf.contains(&b'_') {
        let mut out = Vec::with_capacity(buf.len());
        let mut prev = 0u8;
        for &c in &buf {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(invalid());
                }
            } else {
                out.push(c);
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(invalid());
                }
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(invalid());
        }
        out
    } else {
        buf
    };
    let mut lo = 0;
    let mut hi = buf.len();
    while lo < hi && c_isspace(buf[lo]) {
        lo += 1;
    }
    while hi > lo + 1 && c_isspace(buf[hi - 1]) {
        hi -= 1;
    }
    let t = &buf[lo..hi];
    parse_float_literal(t).ok_or_else(invalid)
}

/// A complete float literal as `PyOS_string_to_double` accepts it (ASCII, no spaces).
fn parse_float_literal(t: &[u8]) -> Option<f64> {
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    // digits [. digits] | . digits, then an optional complete exponent.
    let mut i = 0;
    let int_digits = body.iter().take_while(|b| b.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if body.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = body[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(body.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(body.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_digits = body[j.min(body.len())..].iter().take_while(|b| b.is_ascii_digit()).count();
        if exp_digits == 0 {
            return None;
        }
        i = j + exp_digits;
    }
    if i != body.len() {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    let v: f64 = text.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// `bin(i)` (base 2), `oct(i)` (8) or `hex(i)` (16); any other base gives decimal.
pub fn int_to_base(i: i64, base: i64) -> String {
    let sign = if i < 0 { "-" } else { "" };
    let a = i.unsigned_abs();
    match base {
        2 => format!("{sign}0b{a:b}"),
        8 => format!("{sign}0o{a:o}"),
        16 => format!("{sign}0x{a:x}"),
        _ => i.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_ascii_sorts_every_length() {
        let text = b"the quick brown fox jumps over the lazy dog, twice: THE QUICK";
        for n in 0..=text.len() {
            for start in [0, 7] {
                let b = &text[start.min(text.len() - n)..][..n];
                let mut want = b.to_vec();
                want.sort_unstable();
                for reverse in [false, true] {
                    let mut got = vec![0u8; n];
                    sorted_ascii(b, reverse, &mut got);
                    let mut w = want.clone();
                    if reverse {
                        w.reverse();
                    }
                    assert_eq!(got, w, "{b:?} reverse={reverse}");
                }
            }
        }
    }

    #[test]
    fn splitting() {
        assert_eq!(split("  a b  c  ", None, -1).unwrap(), ["a", "b", "c"]);
        assert_eq!(split("  a b  c  ", None, 1).unwrap(), ["a", "b  c  "]);
        assert_eq!(rsplit("  a b  c  ", None, 1).unwrap(), ["  a b", "c"]);
        assert_eq!(split("a,b,,c", Some(","), 2).unwrap(), ["a", "b", ",c"]);
        assert_eq!(rsplit("a,b,,c", Some(","), 2).unwrap(), ["a,b", "", "c"]);
        assert!(split("a", Some(""), -1).is_err());
        assert_eq!(splitlines("a\r\nb\rc\u{2028}d\n", false), ["a", "b", "c", "d"]);
        assert_eq!(splitlines("a\r\nb\n\n", true), ["a\r\n", "b\n", "\n"]);
    }

    #[test]
    fn cases() {
        assert_eq!(case("ß", case_op::UPPER), "SS");
        assert_eq!(case("ΑΣ ΑΣΑ", case_op::LOWER), "ας ασα");
        assert_eq!(case("ǆemal", case_op::TITLE), "ǅemal");
        assert_eq!(case("hello world", case_op::TITLE), "Hello World");
        assert_eq!(case("ﬁne", case_op::CAPITALIZE), "Fine");
        assert_eq!(case("Straße", case_op::CASEFOLD), "strasse");
    }

    #[test]
    fn numbers() {
        assert_eq!(to_int(" -0x_1f ", 0), Ok(-31));
        assert_eq!(to_int("١٢", 10), Ok(12));
        assert_eq!(to_int("-9223372036854775808", 10), Ok(i64::MIN));
        assert_eq!(to_int("9223372036854775808", 10).unwrap_err().kind, "OverflowError");
        assert_eq!(to_int("010", 0).unwrap_err().msg.unwrap(), "invalid literal for int() with base 0: '010'");
        assert_eq!(to_int("000", 0), Ok(0));
        assert_eq!(to_float(" 1_000.5 "), Ok(1000.5));
        assert!(to_float("-nan").unwrap().is_nan());
        assert_eq!(to_float("-iNFinity"), Ok(f64::NEG_INFINITY));
        assert!(to_float("1e").is_err());
        assert_eq!(int_to_base(-31, 16), "-0x1f");
        assert_eq!(int_to_base(i64::MIN, 2), format!("-0b1{}", "0".repeat(63)));
    }
}
