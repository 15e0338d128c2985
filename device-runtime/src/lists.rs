//! `list[T]`: a GC header `{len, cap, data}` and a separately allocated, packed element
//! array of `cap * elem_size` bytes. The compiler knows each list's element size and
//! whether elements hold GC pointers (`elem_has_ptrs`); the array is allocated scanned or
//! atomic (unscanned) accordingly. The header always holds a pointer, so it is scanned.

use crate::float_repr;
use crate::gc;
use crate::strings::{self, KStr};

/// Header of a kiln list.
#[repr(C)]
pub struct KList {
    /// Number of elements.
    pub len: i64,
    /// Number of element slots in `data`.
    pub cap: i64,
    /// `cap * elem_size` bytes (null when `cap == 0`).
    pub data: *mut u8,
}

/// `n * elem_size` in bytes, or the program dies with MemoryError (a list that large
/// cannot be allocated anyway).
fn byte_size(n: i64, elem_size: i64) -> usize {
    let n = n.max(0) as u64;
    let es = elem_size.max(1) as u64;
    match n.checked_mul(es) {
        Some(b) if b <= (isize::MAX as u64) / 2 => b as usize,
        _ => gc::out_of_memory(),
    }
}

fn alloc_data(cap: i64, elem_size: i64, has_ptrs: bool) -> *mut u8 {
    if cap <= 0 {
        return std::ptr::null_mut();
    }
    gc::alloc_kind(byte_size(cap, elem_size), has_ptrs)
}

/// A new list of `len` zeroed elements.
pub fn new(elem_size: i64, len: i64, has_ptrs: bool) -> *mut KList {
    let len = len.max(0);
    let data = alloc_data(len, elem_size, has_ptrs);
    let h = gc::alloc(std::mem::size_of::<KList>()) as *mut KList;
    // SAFETY: `h` is a fresh, zeroed, suitably aligned allocation.
    unsafe {
        (*h).len = len;
        (*h).cap = len;
        (*h).data = data;
    }
    h
}

/// Grow if needed, `len += 1`, and return the address of the new last slot.
///
/// # Safety
/// `list` is a valid list whose elements are `elem_size` bytes.
pub unsafe fn append_slot(list: *mut KList, elem_size: i64, has_ptrs: bool) -> *mut u8 {
    // SAFETY: caller contract.
    unsafe {
        let es = elem_size.max(1);
        let len = (*list).len.max(0);
        if len >= (*list).cap {
            let new_cap = if (*list).cap < 4 { 4 } else { (*list).cap.saturating_mul(2) };
            let data = alloc_data(new_cap, es, has_ptrs);
            if len > 0 && !(*list).data.is_null() {
                std::ptr::copy_nonoverlapping((*list).data, data, byte_size(len, es));
            }
            (*list).data = data;
            (*list).cap = new_cap;
        }
        (*list).len = len + 1;
        (*list).data.add(byte_size(len, es))
    }
}

/// The elements of `list` as raw bytes.
///
/// # Safety
/// `list` is null or a valid list of `elem_size`-byte elements.
unsafe fn elems<'a>(list: *const KList, elem_size: i64) -> &'a [u8] {
    // SAFETY: caller contract.
    unsafe {
        if list.is_null() || (*list).len <= 0 || (*list).data.is_null() {
            return &[];
        }
        std::slice::from_raw_parts((*list).data, byte_size((*list).len, elem_size))
    }
}

/// `list * n` (a new list; `n <= 0` gives an empty list).
///
/// # Safety
/// `list` is a valid list of `elem_size`-byte elements.
pub unsafe fn repeat(list: *const KList, n: i64, elem_size: i64, has_ptrs: bool) -> *mut KList {
    // SAFETY: caller contract; the source is read after each allocation, through the
    // pointer still on this stack (so the collector keeps it alive).
    unsafe {
        let es = elem_size.max(1);
        let len = if list.is_null() { 0 } else { (*list).len.max(0) };
        if n <= 0 || len == 0 {
            return new(es, 0, has_ptrs);
        }
        let total = match len.checked_mul(n) {
            Some(t) => t,
            None => gc::out_of_memory(),
        };
        let out = new(es, total, has_ptrs);
        let src = elems(list, es);
        let dst = (*out).data;
        if src.len() == 1 {
            std::ptr::write_bytes(dst, src[0], byte_size(total, es));
        } else {
            for i in 0..n as usize {
                std::ptr::copy_nonoverlapping(src.as_ptr(), dst.add(i * src.len()), src.len());
            }
        }
        out
    }
}

/// `a + b` (a new list).
///
/// # Safety
/// `a` and `b` are valid lists of `elem_size`-byte elements.
pub unsafe fn concat(a: *const KList, b: *const KList, elem_size: i64, has_ptrs: bool) -> *mut KList {
    // SAFETY: caller contract.
    unsafe {
        let es = elem_size.max(1);
        let la = if a.is_null() { 0 } else { (*a).len.max(0) };
        let lb = if b.is_null() { 0 } else { (*b).len.max(0) };
        let total = match la.checked_add(lb) {
            Some(t) => t,
            None => gc::out_of_memory(),
        };
        let out = new(es, total, has_ptrs);
        let (sa, sb) = (elems(a, es), elems(b, es));
        let dst = (*out).data;
        if !sa.is_empty() {
            std::ptr::copy_nonoverlapping(sa.as_ptr(), dst, sa.len());
        }
        if !sb.is_empty() {
            std::ptr::copy_nonoverlapping(sb.as_ptr(), dst.add(sa.len()), sb.len());
        }
        out
    }
}

/// Element kinds understood by [`repr`].
pub mod kind {
    /// `int`: i64, 8 bytes.
    pub const INT: u8 = 0;
    /// `float`: f64, 8 bytes.
    pub const FLOAT: u8 = 1;
    /// `bool`: u8 0/1, 1 byte.
    pub const BOOL: u8 = 2;
    /// `str`: `*const KStr`, 8 bytes (null shows as `None`, for `Optional[str]`).
    pub const STR: u8 = 3;
    /// `None`: 1 byte, ignored.
    pub const NONE: u8 = 4;
}

/// Python's `repr(list)` for a list of scalars or strings.
///
/// # Safety
/// `list` is null (shown as `[]`) or a valid list whose elements have the layout
/// `elem_kind` implies.
pub unsafe fn repr(list: *const KList, elem_kind: u8) -> String {
    let mut out = String::from("[");
    // SAFETY: caller contract.
    unsafe {
        if list.is_null() || (*list).data.is_null() {
            out.push(']');
            return out;
        }
        let len = (*list).len.max(0) as usize;
        let data = (*list).data;
        for i in 0..len {
            if i > 0 {
                out.push_str(", ");
            }
            match elem_kind {
                kind::INT => {
                    let v = (data as *const i64).add(i).read_unaligned();
                    out.push_str(&v.to_string());
                }
                kind::FLOAT => {
                    let v = (data as *const f64).add(i).read_unaligned();
                    out.push_str(&float_repr::repr(v));
                }
                kind::BOOL => {
                    let v = *data.add(i);
                    out.push_str(if v != 0 { "True" } else { "False" });
                }
                kind::STR => {
                    let p = (data as *const *const KStr).add(i).read_unaligned();
                    if p.is_null() {
                        out.push_str("None");
                    } else {
                        out.push_str(&strings::repr(&strings::text(p)));
                    }
                }
                _ => out.push_str("None"),
            }
        }
    }
    out.push(']');
    out
}
