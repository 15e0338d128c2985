//! `dict[K, V]`: CPython's compact, insertion-ordered dict (`Objects/dictobject.c`): a
//! power-of-two index table (1, 2, 4 or 8-byte signed slots: -1 empty, -2 deleted, else an
//! entry number) over an entries array kept in insertion order.
//!
//! * Keys and values are stored inline (sizes from the key descriptor and `value_size`).
//!   An entry is `{hash: i64, key: round8(key_size) bytes, value: round8(value_size)
//!   bytes}`; a deleted entry has hash -1 (no real hash is -1) and zeroed key and value.
//! * Lookups probe `i = (i*5 + perturb + 1) & mask` after `perturb >>= 5`. An insertion
//!   appends an entry; when none is left (`usable` 0) the table is rebuilt with the smallest
//!   power of two `>= 3*len` slots (at least 8), entries compacted in order. A deletion
//!   leaves a hole (the order of the others is kept); re-inserting the key appends it.
//!   `popitem()` removes the last entry and shrinks the entries count, as in CPython.
//! * Index table and entries are one GC block, scanned when keys or values hold pointers.
//!
//! **Slot pointers** (from `get`, `set_slot`, `next`) point into the entries block: they
//! are valid until the next insertion of a new key (which may rebuild the table) or
//! deletion; store through them right away.
//!
//! Layout (`repr(C)`, [`KDict`]): `used` (the length) is at offset 0.

use std::cell::Cell;

use crate::exceptions::PyErr;
use crate::gc;
use crate::hashing::{with_key_kind, KIter, KKeyOps, KeyKind};
use crate::strings::KStr;

const DKIX_EMPTY: i64 = -1;
const DKIX_DUMMY: i64 = -2;
const PERTURB_SHIFT: u32 = 5;
/// log2 of the smallest table (`PyDict_LOG_MINSIZE`).
const LOG_MINSIZE: i64 = 3;

/// A kiln dict.
#[repr(C)]
pub struct KDict {
    /// Number of items (`len(d)`), offset 0.
    pub used: i64,
    /// The key descriptor.
    pub ops: *const KKeyOps,
    /// Bytes of one value.
    pub value_size: i64,
    /// 1 when values hold GC pointers.
    pub value_has_ptrs: i64,
    /// log2 of the index table size; 0 = no table yet (a new or cleared dict).
    pub log2_size: i64,
    /// Entries that can still be appended before a rebuild.
    pub usable: i64,
    /// Entries used so far, deleted ones included.
    pub nentries: i64,
    /// The index table (start of the GC block).
    pub indices: *mut u8,
    /// The entries (inside the same block).
    pub entries: *mut u8,
    /// Offset of the value in an entry: `8 + round8(key_size)`.
    pub value_offset: i64,
    /// Bytes per entry: `value_offset + round8(value_size)`.
    pub entry_size: i64,
}

#[inline(always)]
fn round8(n: usize) -> usize {
    (n + 7) & !7
}

#[inline(always)]
fn round16(n: usize) -> usize {
    (n + 15) & !15
}

/// `USABLE_FRACTION`: entries of a table of `n` slots.
fn usable_fraction(n: i64) -> i64 {
    (n << 1) / 3
}

/// The smallest log2 size (>= 3) with `2**log2 >= minsize`.
fn calculate_log2_keysize(minsize: i64) -> i64 {
    let mut l = LOG_MINSIZE;
    while (1i64 << l) < minsize {
        l += 1;
    }
    l
}

/// A table for `n` items without further resizing.
fn estimate_log2_keysize(n: i64) -> i64 {
    calculate_log2_keysize((n * 3 + 1) / 2)
}

/// Bytes per index slot.
#[inline(always)]
fn index_width(log2: i64) -> usize {
    if log2 <= 7 {
        1
    } else if log2 <= 15 {
        2
    } else if log2 <= 31 {
        4
    } else {
        8
    }
}

#[inline(always)]
unsafe fn get_index(indices: *const u8, width: usize, i: usize) -> i64 {
    // SAFETY: caller contract: `i` is a slot of the table.
    unsafe {
        match width {
            1 => *(indices as *const i8).add(i) as i64,
            2 => *(indices as *const i16).add(i) as i64,
            4 => *(indices as *const i32).add(i) as i64,
            _ => *(indices as *const i64).add(i),
        }
    }
}

#[inline(always)]
unsafe fn set_index(indices: *mut u8, width: usize, i: usize, ix: i64) {
    // SAFETY: caller contract: `i` is a slot of the table; `ix` fits the width.
    unsafe {
        match width {
            1 => *(indices as *mut i8).add(i) = ix as i8,
            2 => *(indices as *mut i16).add(i) = ix as i16,
            4 => *(indices as *mut i32).add(i) = ix as i32,
            _ => *(indices as *mut i64).add(i) = ix,
        }
    }
}

#[inline(always)]
unsafe fn ops_of<'a>(d: *const KDict) -> &'a KKeyOps {
    // SAFETY: caller contract: a valid dict has a valid descriptor.
    unsafe { &*(*d).ops }
}

#[inline(always)]
unsafe fn entry(d: *const KDict, ix: i64) -> *mut u8 {
    // SAFETY: caller contract: `0 <= ix < nentries`.
    unsafe { (*d).entries.add(ix as usize * (*d).entry_size as usize) }
}

#[inline(always)]
unsafe fn entry_hash(e: *const u8) -> i64 {
    // SAFETY: caller contract.
    unsafe { *(e as *const i64) }
}

/// A new empty dict (no table until the first insertion, as CPython's shared empty keys).
///
/// # Safety
/// `ops` is a valid descriptor that outlives the dict.
pub unsafe fn new(ops: *const KKeyOps, value_size: i64, value_has_ptrs: bool) -> *mut KDict {
    // SAFETY: caller contract.
    let o = unsafe { &*ops };
    let value_offset = 8 + round8(o.key_size());
    let entry_size = value_offset + round8(value_size.max(0) as usize);
    let d = gc::alloc(std::mem::size_of::<KDict>()) as *mut KDict;
    // SAFETY: `d` is a fresh, zeroed, aligned allocation.
    unsafe {
        (*d).ops = ops;
        (*d).value_size = value_size.max(0);
        (*d).value_has_ptrs = value_has_ptrs as i64;
        (*d).value_offset = value_offset as i64;
        (*d).entry_size = entry_size as i64;
    }
    d
}

/// `len(d)` (0 for null).
///
/// # Safety
/// `d` is null or a valid dict.
pub unsafe fn len(d: *const KDict) -> i64 {
    if d.is_null() {
        0
    } else {
        // SAFETY: caller contract.
        unsafe { (*d).used }
    }
}

/// Allocate a table of `2**log2` slots (all empty) with room for its usable entries:
/// (indices, entries).
unsafe fn alloc_keys(d: *const KDict, log2: i64) -> (*mut u8, *mut u8) {
    // SAFETY: caller contract.
    unsafe {
        if log2 >= 62 {
            gc::out_of_memory();
        }
        let size = 1usize << log2;
        let ibytes = round16(size * index_width(log2));
        let ebytes = match (usable_fraction(size as i64) as usize).checked_mul((*d).entry_size as usize) {
            Some(b) if b <= isize::MAX as usize / 2 => b,
            _ => gc::out_of_memory(),
        };
        let has_ptrs = ops_of(d).key_has_ptrs() || (*d).value_has_ptrs != 0;
        let block = gc::alloc_kind(ibytes + ebytes, has_ptrs);
        std::ptr::write_bytes(block, 0xff, size * index_width(log2)); // DKIX_EMPTY
        (block, block.add(ibytes))
    }
}

/// The first empty or deleted slot on `hash`'s probe sequence.
#[inline(always)]
unsafe fn find_empty_slot(indices: *const u8, log2: i64, hash: i64) -> usize {
    // SAFETY: caller contract: a table with at least one empty slot.
    unsafe {
        let w = index_width(log2);
        let mask = (1u64 << log2) - 1;
        let mut i = hash as u64 & mask;
        let mut perturb = hash as u64;
        while get_index(indices, w, i as usize) >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = mask & (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1));
        }
        i as usize
    }
}

/// Rebuild `d` with a table of `2**log2` slots, holding the live entries of `src` (`d`
/// itself for a resize) in order.
unsafe fn rebuild_from(d: *mut KDict, src: *const KDict, log2: i64) {
    // SAFETY: caller contract: `src` has the same layout as `d`; the table is big enough.
    unsafe {
        let (indices, entries) = alloc_keys(d, log2);
        let es = (*d).entry_size as usize;
        let used = (*src).used;
        let n = (*src).nentries;
        if n == used {
            if n > 0 {
                std::ptr::copy_nonoverlapping((*src).entries, entries, n as usize * es);
            }
        } else {
            let mut out = 0usize;
            for ix in 0..n {
                let e = entry(src, ix);
                if entry_hash(e) != -1 {
                    std::ptr::copy_nonoverlapping(e, entries.add(out * es), es);
                    out += 1;
                }
            }
        }
        let w = index_width(log2);
        for ix in 0..used {
            let h = entry_hash(entries.add(ix as usize * es));
            let slot = find_empty_slot(indices, log2, h);
            set_index(indices, w, slot, ix);
        }
        (*d).indices = indices;
        (*d).entries = entries;
        (*d).log2_size = log2;
        (*d).usable = usable_fraction(1 << log2) - used;
        (*d).nentries = used;
        (*d).used = used;
    }
}

/// `dictresize`.
unsafe fn resize(d: *mut KDict, log2: i64) {
    // SAFETY: caller contract.
    unsafe { rebuild_from(d, d, log2) }
}

/// The (slot, entry number) of the key, or `(_, -1)` when absent.
unsafe fn lookup<K: KeyKind>(d: *const KDict, key: *const u8, hash: i64) -> (usize, i64) {
    // SAFETY: caller contract: valid dict, key of its kind; slots stay <= mask, entry numbers
    // < nentries.
    unsafe {
        let ops = ops_of(d);
        'restart: loop {
            let log2 = (*d).log2_size;
            if log2 == 0 {
                return (0, DKIX_EMPTY);
            }
            let indices = (*d).indices;
            let entries = (*d).entries;
            let es = (*d).entry_size as usize;
            let w = index_width(log2);
            let mask = (1u64 << log2) - 1;
            let mut i = hash as u64 & mask;
            let mut perturb = hash as u64;
            loop {
                let ix = get_index(indices, w, i as usize);
                if ix == DKIX_EMPTY {
                    return (i as usize, DKIX_EMPTY);
                }
                if ix >= 0 {
                    let e = entries.add(ix as usize * es);
                    if entry_hash(e) == hash {
                        let eq = K::eq(ops, e.add(8), key);
                        if K::CALLBACK && ((*d).entries != entries || entry_hash(e) != hash) {
                            continue 'restart;
                        }
                        if eq {
                            return (i as usize, ix);
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = mask & (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1));
            }
        }
    }
}

/// The last str key a lookup of this thread found: `(dict, key string, entry number)`.
///
/// `if k in d: d[k].append(x)` and `d[k] = d[k] + 1` look the same string up twice in a
/// row; the second lookup then costs a comparison instead of a SipHash and a probe. The
/// memo is only a guess, checked against the table each time: an entry number below
/// `nentries` is always readable, and when that entry holds a live key equal to the one
/// asked for, it is the key's entry (keys are unique), whatever happened in between
/// (insertions, deletions, a collection that reused either address).
#[derive(Clone, Copy)]
struct Found {
    dict: *const KDict,
    key: *const KStr,
    ix: i64,
}

thread_local! {
    static LAST_FOUND: Cell<Found> =
        const { Cell::new(Found { dict: std::ptr::null(), key: std::ptr::null(), ix: 0 }) };
}

/// The entry number of the str key at `key` if the memo says where it is (else -1).
#[inline(always)]
unsafe fn remembered<K: KeyKind>(d: *const KDict, key: *const u8) -> i64 {
    // SAFETY: caller contract: a valid str-keyed dict, a key of its kind.
    unsafe {
        let s = (key as *const *const KStr).read_unaligned();
        let f = LAST_FOUND.with(Cell::get);
        if f.dict == d && f.key == s && f.ix < (*d).nentries {
            let e = entry(d, f.ix);
            // A deleted entry (hash -1) has a null key, which would read as "".
            if entry_hash(e) != -1 && K::eq(ops_of(d), e.add(8), key) {
                return f.ix;
            }
        }
        -1
    }
}

/// Remember that the str key at `key` is entry `ix` of `d`.
#[inline(always)]
unsafe fn remember(d: *const KDict, key: *const u8, ix: i64) {
    // SAFETY: caller contract: `key` points to a key pointer.
    let s = unsafe { (key as *const *const KStr).read_unaligned() };
    LAST_FOUND.with(|c| c.set(Found { dict: d, key: s, ix }));
}

/// The value slot of the key (inserted with a zeroed value when absent, at the end) and
/// whether it was inserted.
unsafe fn slot_known_hash<K: KeyKind>(d: *mut KDict, key: *const u8, hash: i64) -> (*mut u8, bool) {
    // SAFETY: caller contract.
    unsafe {
        let (_, ix) = lookup::<K>(d, key, hash);
        if ix >= 0 {
            return (entry(d, ix).add((*d).value_offset as usize), false);
        }
        // A key function raised: nothing is inserted, and the caller (which unwinds right
        // after storing) gets a scratch slot for its value.
        if K::CALLBACK && crate::exceptions::is_pending() {
            return (crate::gc::alloc(((*d).value_size as usize).max(8)), false);
        }
        if (*d).usable <= 0 {
            // `insertion_resize`: GROWTH_RATE = used * 3.
            resize(d, calculate_log2_keysize((*d).used * 3));
        }
        let log2 = (*d).log2_size;
        let slot = find_empty_slot((*d).indices, log2, hash);
        let ix = (*d).nentries;
        set_index((*d).indices, index_width(log2), slot, ix);
        let e = entry(d, ix);
        let ks = ops_of(d).key_size();
        // `key` may point into the old entries block: still alive and unchanged.
        (e as *mut i64).write(hash);
        std::ptr::copy(key, e.add(8), ks);
        let vo = (*d).value_offset as usize;
        std::ptr::write_bytes(e.add(8 + ks), 0, (*d).entry_size as usize - 8 - ks);
        (*d).usable -= 1;
        (*d).nentries += 1;
        (*d).used += 1;
        (e.add(vo), true)
    }
}

/// `d[key]`: the value slot, or null when absent.
///
/// # Safety
/// `d` is null or a valid dict; `key` points to a key of its kind.
pub unsafe fn get(d: *const KDict, key: *const u8) -> *mut u8 {
    if d.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: caller contract.
    unsafe {
        let ops = ops_of(d);
        with_key_kind!(ops, K => {
            if (*d).used == 0 {
                return std::ptr::null_mut();
            }
            if K::STR {
                let ix = remembered::<K>(d, key);
                if ix >= 0 {
                    return entry(d, ix).add((*d).value_offset as usize);
                }
            }
            let (_, ix) = lookup::<K>(d, key, K::hash(ops, key));
            if ix < 0 {
                std::ptr::null_mut()
            } else {
                if K::STR {
                    remember(d, key, ix);
                }
                entry(d, ix).add((*d).value_offset as usize)
            }
        })
    }
}

/// The value slot of `key`, inserted (last, with a zeroed value) when absent; the flag
/// says whether it was inserted. An existing key keeps its position.
///
/// # Safety
/// `d` is a valid dict; `key` points to a key of its kind.
pub unsafe fn set_slot(d: *mut KDict, key: *const u8) -> (*mut u8, bool) {
    // SAFETY: caller contract.
    unsafe {
        let ops = ops_of(d);
        with_key_kind!(ops, K => {
            if K::STR {
                let ix = remembered::<K>(d, key);
                if ix >= 0 {
                    return (entry(d, ix).add((*d).value_offset as usize), false);
                }
            }
            slot_known_hash::<K>(d, key, K::hash(ops, key))
        })
    }
}

/// Remove the entry at (slot, ix), copying its value to `out_value` first (when not null).
unsafe fn remove_at(d: *mut KDict, slot: usize, ix: i64, out_value: *mut u8) {
    // SAFETY: caller contract.
    unsafe {
        let e = entry(d, ix);
        if !out_value.is_null() {
            std::ptr::copy_nonoverlapping(e.add((*d).value_offset as usize), out_value, (*d).value_size as usize);
        }
        set_index((*d).indices, index_width((*d).log2_size), slot, DKIX_DUMMY);
        (e as *mut i64).write(-1);
        std::ptr::write_bytes(e.add(8), 0, (*d).entry_size as usize - 8);
        (*d).used -= 1;
    }
}

/// `del d[key]` / `d.pop(key)`: true when the key was there (its value copied to
/// `out_value` when not null).
///
/// # Safety
/// `d` is a valid dict; `key` points to a key of its kind; `out_value` is null or has
/// room for a value.
pub unsafe fn pop(d: *mut KDict, key: *const u8, out_value: *mut u8) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if (*d).used == 0 {
            return false;
        }
        let ops = ops_of(d);
        let (slot, ix) = with_key_kind!(ops, K => lookup::<K>(d, key, K::hash(ops, key)));
        // (A key function that raised makes the lookup find nothing: nothing is removed.)
        if ix < 0 {
            return false;
        }
        remove_at(d, slot, ix, out_value);
        true
    }
}

/// `d.popitem()`: remove the last inserted item, copying key and value out (null
/// out-pointers are skipped); false when empty.
///
/// # Safety
/// `d` is a valid dict; the out-pointers are null or have room for a key / a value.
pub unsafe fn popitem(d: *mut KDict, out_key: *mut u8, out_value: *mut u8) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if (*d).used == 0 {
            return false;
        }
        let mut i = (*d).nentries - 1;
        while i >= 0 && entry_hash(entry(d, i)) == -1 {
            i -= 1;
        }
        let e = entry(d, i);
        let hash = entry_hash(e);
        // `lookdict_index`: the slot that refers to entry `i`.
        let log2 = (*d).log2_size;
        let w = index_width(log2);
        let mask = (1u64 << log2) - 1;
        let mut slot = hash as u64 & mask;
        let mut perturb = hash as u64;
        while get_index((*d).indices, w, slot as usize) != i {
            perturb >>= PERTURB_SHIFT;
            slot = mask & (slot.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1));
        }
        if !out_key.is_null() {
            std::ptr::copy_nonoverlapping(e.add(8), out_key, ops_of(d).key_size());
        }
        remove_at(d, slot as usize, i, out_value);
        (*d).nentries = i;
        true
    }
}

/// `d.clear()`.
///
/// # Safety
/// `d` is a valid dict.
pub unsafe fn clear(d: *mut KDict) {
    // SAFETY: caller contract.
    unsafe {
        (*d).used = 0;
        (*d).usable = 0;
        (*d).nentries = 0;
        (*d).log2_size = 0;
        (*d).indices = std::ptr::null_mut();
        (*d).entries = std::ptr::null_mut();
    }
}

/// `d.copy()` (same order; deleted entries compacted away).
///
/// # Safety
/// `d` is a valid dict.
pub unsafe fn copy(d: *const KDict) -> *mut KDict {
    // SAFETY: caller contract.
    unsafe {
        let r = new((*d).ops, (*d).value_size, (*d).value_has_ptrs != 0);
        if (*d).used > 0 {
            let log2 = if (*d).nentries == (*d).used { (*d).log2_size } else { estimate_log2_keysize((*d).used) };
            rebuild_from(r, d, log2);
        }
        r
    }
}

/// `d.update(other)`: `d[k] = v` for every item of `other` in its order (existing keys keep
/// their positions). Both dicts have the same key and value types.
///
/// # Safety
/// `d` and `other` are valid dicts of the same types.
pub unsafe fn update(d: *mut KDict, other: *const KDict) {
    // SAFETY: caller contract.
    unsafe {
        if std::ptr::eq(d, other) || (*other).used == 0 {
            return;
        }
        let size = if (*d).log2_size == 0 { 1 } else { 1i64 << (*d).log2_size };
        if usable_fraction(size) < (*other).used {
            resize(d, estimate_log2_keysize((*d).used + (*other).used));
        }
        let vs = (*d).value_size as usize;
        let ovo = (*other).value_offset as usize;
        with_key_kind!(ops_of(d), K => {
            let mut ix = 0;
            while ix < (*other).nentries {
                let e = entry(other, ix);
                let hash = entry_hash(e);
                if hash != -1 {
                    let (slot, _) = slot_known_hash::<K>(d, e.add(8), hash);
                    std::ptr::copy_nonoverlapping(e.add(ovo), slot, vs);
                }
                ix += 1;
            }
        })
    }
}

/// Value equality callback of [`eq`].
pub type ValueEq = Option<extern "C" fn(a: *const u8, b: *const u8) -> u8>;

/// `a == b`: same length and every key of `a` maps, in `b`, to a value equal under
/// `value_eq` (`value_eq(a_value, b_value)`; null compares the value bytes). A dict is
/// equal to itself (CPython compares values by identity first).
///
/// # Safety
/// `a` and `b` are valid dicts of the same types.
pub unsafe fn eq(a: *const KDict, b: *const KDict, value_eq: ValueEq) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if a == b {
            return true;
        }
        if (*a).used != (*b).used {
            return false;
        }
        let vs = (*a).value_size as usize;
        let avo = (*a).value_offset as usize;
        with_key_kind!(ops_of(a), K => {
            let mut ix = 0;
            while ix < (*a).nentries {
                let e = entry(a, ix);
                let hash = entry_hash(e);
                ix += 1;
                if hash == -1 {
                    continue;
                }
                let (_, bix) = lookup::<K>(b, e.add(8), hash);
                if bix < 0 {
                    return false;
                }
                let av = e.add(avo);
                let bv = entry(b, bix).add((*b).value_offset as usize);
                let same = match value_eq {
                    Some(f) => f(av, bv) != 0,
                    None => std::slice::from_raw_parts(av, vs) == std::slice::from_raw_parts(bv, vs),
                };
                if !same {
                    return false;
                }
            }
            true
        })
    }
}

/// The next live entry at or after entry number `*pos` (advancing `*pos` past it).
unsafe fn next_entry(d: *const KDict, pos: &mut i64) -> Option<i64> {
    // SAFETY: caller contract.
    unsafe {
        let n = (*d).nentries;
        let mut i = (*pos).max(0);
        while i < n && entry_hash(entry(d, i)) == -1 {
            i += 1;
        }
        if i >= n {
            *pos = i;
            return None;
        }
        *pos = i + 1;
        Some(i)
    }
}

/// Raw iteration in insertion order: the next item at or after entry `*pos` (start with
/// 0): pointers to its key and value slots, or None at the end. No mutation check (see
/// [`iter_next`]).
///
/// # Safety
/// `d` is null or a valid dict.
pub unsafe fn next(d: *const KDict, pos: &mut i64) -> Option<(*const u8, *mut u8)> {
    if d.is_null() {
        return None;
    }
    // SAFETY: caller contract.
    unsafe {
        next_entry(d, pos).map(|ix| {
            let e = entry(d, ix);
            (e.add(8) as *const u8, e.add((*d).value_offset as usize))
        })
    }
}

/// Start a checked iteration (`iter(d)`, `d.items()`, ...).
///
/// # Safety
/// `d` is null or a valid dict.
pub unsafe fn iter_init(d: *const KDict) -> KIter {
    // SAFETY: caller contract.
    let n = unsafe { len(d) };
    KIter { pos: 0, used: n, remaining: n }
}

/// CPython's `dictiter_iternext*`: `Ok(Some((key, value)))`, `Ok(None)` at the end (and from
/// then on), or a `RuntimeError`: `dictionary changed size during iteration` when the
/// length differs from the one at [`iter_init`] (raised again by later calls), `dictionary
/// keys changed during iteration` when more items turn up than there were.
///
/// # Safety
/// `d` is null or a valid dict.
pub unsafe fn iter_next(d: *const KDict, it: &mut KIter) -> Result<Option<(*const u8, *mut u8)>, PyErr> {
    if it.pos < 0 {
        return Ok(None);
    }
    // SAFETY: caller contract.
    unsafe {
        if it.used != len(d) {
            it.used = -1;
            return Err(PyErr::new("RuntimeError", "dictionary changed size during iteration"));
        }
        let mut pos = it.pos;
        match next(d, &mut pos) {
            None => {
                it.pos = -1;
                Ok(None)
            }
            Some(_) if it.remaining == 0 => {
                it.pos = -1;
                Err(PyErr::new("RuntimeError", "dictionary keys changed during iteration"))
            }
            Some(kv) => {
                it.pos = pos;
                it.remaining -= 1;
                Ok(Some(kv))
            }
        }
    }
}
