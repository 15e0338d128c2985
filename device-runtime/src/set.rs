//! `set[T]`: CPython 3.11's set table (`Objects/setobject.c`), so that iteration order —
//! and so `print(a_set)`, `list(a_set)`, `a_set.pop()` — is CPython's.
//!
//! Open addressing over a power-of-two table (`PySet_MINSIZE` 8 slots at first), probing
//! `LINEAR_PROBES` (9) neighbouring slots before jumping with `i = (i*5 + 1 + perturb) &
//! mask`, `perturb >>= 5`; deleted slots become dummies (reused by a later insertion that
//! passes them); the table grows when `fill*5 >= mask*3` to the smallest power of two above
//! `used*4` (`used*2` past 50000), re-inserting in table order. Iteration walks the table in
//! slot order; `pop()` resumes from a "finger". The operators follow CPython's algorithms
//! (which set is iterated, which is copied, the resizes they do), because those decide the
//! result's table order.
//!
//! Layout (`repr(C)`, see [`KSet`]): `used` (the length) is at offset 0. The table is one GC
//! block: `(mask+1)` entries of `stride = 8 + round8(key_size)` bytes (`hash: i64` at 0, the
//! key at 8), followed by `(mask+1)` state bytes (0 empty, 1 active, 2 dummy). It is scanned
//! by the collector when keys hold pointers.
//!
//! A pointer to a key inside the table (from [`next`]) is valid until the next mutation of
//! the set: copy the key out before adding to or removing from the set.

use crate::exceptions::PyErr;
use crate::gc;
use crate::hashing::{with_key_kind, KIter, KKeyOps, KeyKind};
use crate::lists::KList;

/// Slots of a new table (`PySet_MINSIZE`).
pub const MINSIZE: i64 = 8;
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

const EMPTY: u8 = 0;
const ACTIVE: u8 = 1;
const DUMMY: u8 = 2;

/// A kiln set.
#[repr(C)]
pub struct KSet {
    /// Number of elements (`len(s)`), offset 0.
    pub used: i64,
    /// Active plus dummy slots.
    pub fill: i64,
    /// Table size - 1.
    pub mask: i64,
    /// Where `pop()` resumes.
    pub finger: i64,
    /// The key descriptor.
    pub ops: *const KKeyOps,
    /// `(mask+1) * stride` bytes of entries, then `(mask+1)` state bytes (one GC block).
    pub table: *mut u8,
    /// The state bytes (inside the `table` block).
    pub states: *mut u8,
    /// Bytes per entry: `8 + round8(key_size)`.
    pub stride: i64,
}

#[inline(always)]
fn round8(n: usize) -> usize {
    (n + 7) & !7
}

fn stride_of(ops: &KKeyOps) -> usize {
    8 + round8(ops.key_size())
}

/// A zeroed table of `n` slots: (entries, states).
fn alloc_table(ops: &KKeyOps, n: usize, stride: usize) -> (*mut u8, *mut u8) {
    let bytes = match n.checked_mul(stride).and_then(|b| b.checked_add(n)) {
        Some(b) if b <= isize::MAX as usize / 2 => b,
        _ => gc::out_of_memory(),
    };
    let block = gc::alloc_kind(bytes, ops.key_has_ptrs());
    // SAFETY: the block holds `n * stride + n` bytes.
    (block, unsafe { block.add(n * stride) })
}

/// A new empty set.
///
/// # Safety
/// `ops` is a valid descriptor that outlives the set.
pub unsafe fn new(ops: *const KKeyOps) -> *mut KSet {
    // SAFETY: caller contract.
    let o = unsafe { &*ops };
    let stride = stride_of(o);
    let (table, states) = alloc_table(o, MINSIZE as usize, stride);
    let s = gc::alloc(std::mem::size_of::<KSet>()) as *mut KSet;
    // SAFETY: `s` is a fresh, zeroed, aligned allocation.
    unsafe {
        (*s).mask = MINSIZE - 1;
        (*s).ops = ops;
        (*s).table = table;
        (*s).states = states;
        (*s).stride = stride as i64;
    }
    s
}

/// `len(s)` (0 for null).
///
/// # Safety
/// `s` is null or a valid set.
pub unsafe fn len(s: *const KSet) -> i64 {
    if s.is_null() {
        0
    } else {
        // SAFETY: caller contract.
        unsafe { (*s).used }
    }
}

#[inline(always)]
unsafe fn entry(s: *const KSet, i: usize) -> *mut u8 {
    // SAFETY: caller contract: `i <= mask`.
    unsafe { (*s).table.add(i * (*s).stride as usize) }
}

#[inline(always)]
unsafe fn state(s: *const KSet, i: usize) -> u8 {
    // SAFETY: caller contract: `i <= mask`.
    unsafe { *(*s).states.add(i) }
}

#[inline(always)]
unsafe fn ops_of<'a>(s: *const KSet) -> &'a KKeyOps {
    // SAFETY: caller contract: a valid set has a valid descriptor.
    unsafe { &*(*s).ops }
}

/// Write hash and key into an entry.
#[inline(always)]
unsafe fn write_entry(e: *mut u8, hash: i64, key: *const u8, key_size: usize) {
    // SAFETY: caller contract: `e` is an entry of a table with `key_size`-byte keys.
    unsafe {
        (e as *mut i64).write(hash);
        std::ptr::copy(key, e.add(8), key_size);
    }
}

/// `set_lookkey`: the slot holding a key equal to `key`, if any.
unsafe fn lookkey<K: KeyKind>(s: *mut KSet, key: *const u8, hash: i64) -> Option<usize> {
    // SAFETY: caller contract (valid set, key of its kind); every slot index is <= mask.
    unsafe {
        let ops = ops_of(s);
        'restart: loop {
            let table = (*s).table;
            let states = (*s).states;
            let stride = (*s).stride as usize;
            let mask = (*s).mask as u64;
            let mut perturb = hash as u64;
            let mut i = hash as u64 & mask;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let st = *states.add(j as usize);
                    if st == EMPTY {
                        return None;
                    }
                    if st == ACTIVE {
                        let e = table.add(j as usize * stride);
                        if *(e as *const i64) == hash {
                            let eq = K::eq(ops, e.add(8), key);
                            if K::CALLBACK && ((*s).table != table || *states.add(j as usize) != ACTIVE) {
                                continue 'restart;
                            }
                            if eq {
                                return Some(j as usize);
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }
}

/// `set_insert_clean`: put an entry (hash and key, copied from `src`) into a table without
/// dummies that lacks it.
unsafe fn insert_clean(table: *mut u8, states: *mut u8, mask: u64, stride: usize, src: *const u8) {
    // SAFETY: caller contract; slot indices stay <= mask.
    unsafe {
        let hash = *(src as *const i64);
        let mut perturb = hash as u64;
        let mut i = hash as u64 & mask;
        let slot = 'found: loop {
            if *states.add(i as usize) == EMPTY {
                break 'found i;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if *states.add(j as usize) == EMPTY {
                        break 'found j;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        } as usize;
        std::ptr::copy_nonoverlapping(src, table.add(slot * stride), stride);
        *states.add(slot) = ACTIVE;
    }
}

/// `set_table_resize`: rebuild the table with the smallest size above `minused`.
unsafe fn table_resize(s: *mut KSet, minused: i64) {
    // SAFETY: caller contract.
    unsafe {
        let mut newsize: u64 = MINSIZE as u64;
        while newsize <= minused.max(0) as u64 {
            newsize <<= 1;
        }
        let oldmask = (*s).mask as usize;
        if newsize == MINSIZE as u64 && oldmask == MINSIZE as usize - 1 && (*s).fill == (*s).used {
            // CPython's small table without dummies: nothing to do.
            return;
        }
        let stride = (*s).stride as usize;
        let (oldtable, oldstates) = ((*s).table, (*s).states);
        let (table, states) = alloc_table(ops_of(s), newsize as usize, stride);
        (*s).mask = newsize as i64 - 1;
        (*s).table = table;
        (*s).states = states;
        (*s).fill = (*s).used;
        for i in 0..=oldmask {
            if *oldstates.add(i) == ACTIVE {
                insert_clean(table, states, newsize - 1, stride, oldtable.add(i * stride));
            }
        }
    }
}

/// `set_add_entry`.
unsafe fn add_entry<K: KeyKind>(s: *mut KSet, key: *const u8, hash: i64) {
    // SAFETY: caller contract; slot indices stay <= mask.
    unsafe {
        let ops = ops_of(s);
        let key_size = ops.key_size();
        'restart: loop {
            let table = (*s).table;
            let states = (*s).states;
            let stride = (*s).stride as usize;
            let mask = (*s).mask as u64;
            let mut perturb = hash as u64;
            let mut i = hash as u64 & mask;
            let mut freeslot: Option<usize> = None;
            let unused = 'search: loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let st = *states.add(j as usize);
                    if st == EMPTY {
                        break 'search j as usize;
                    }
                    if st == ACTIVE {
                        let e = table.add(j as usize * stride);
                        if *(e as *const i64) == hash {
                            if K::eq(ops, e.add(8), key) {
                                return; // already present
                            }
                            if K::CALLBACK && ((*s).table != table || *states.add(j as usize) != ACTIVE) {
                                continue 'restart;
                            }
                        }
                    } else {
                        freeslot = Some(j as usize);
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            };
            // A key function raised: the search proved nothing, so nothing is added.
            if K::CALLBACK && crate::exceptions::is_pending() {
                return;
            }
            if let Some(f) = freeslot {
                (*s).used += 1;
                write_entry(table.add(f * stride), hash, key, key_size);
                *states.add(f) = ACTIVE;
                return;
            }
            (*s).fill += 1;
            (*s).used += 1;
            write_entry(table.add(unused * stride), hash, key, key_size);
            *states.add(unused) = ACTIVE;
            if ((*s).fill as u64) * 5 < mask * 3 {
                return;
            }
            let used = (*s).used;
            table_resize(s, if used > 50000 { used * 2 } else { used * 4 });
            return;
        }
    }
}

/// `set_discard_entry`: true when the key was there.
unsafe fn discard_entry<K: KeyKind>(s: *mut KSet, key: *const u8, hash: i64) -> bool {
    // SAFETY: caller contract.
    unsafe {
        match lookkey::<K>(s, key, hash) {
            None => false,
            // A key function raised: the search proved nothing, so nothing is removed.
            Some(_) if K::CALLBACK && crate::exceptions::is_pending() => false,
            Some(j) => {
                let e = entry(s, j);
                (e as *mut i64).write(-1);
                // Drop the key's references (CPython decrefs it).
                std::ptr::write_bytes(e.add(8), 0, (*s).stride as usize - 8);
                *(*s).states.add(j) = DUMMY;
                (*s).used -= 1;
                true
            }
        }
    }
}

/// `set_next`: the next active slot at or after `*pos` (advancing `*pos` past it).
unsafe fn next_slot(s: *const KSet, pos: &mut i64) -> Option<usize> {
    // SAFETY: caller contract.
    unsafe {
        let mask = (*s).mask;
        let mut i = (*pos).max(0);
        while i <= mask && state(s, i as usize) != ACTIVE {
            i += 1;
        }
        *pos = i + 1;
        (i <= mask).then_some(i as usize)
    }
}

/// Add `key` (no effect when an equal key is present).
///
/// # Safety
/// `s` is a valid set and `key` points to a key of its kind.
pub unsafe fn add(s: *mut KSet, key: *const u8) {
    // SAFETY: caller contract.
    unsafe {
        let ops = ops_of(s);
        with_key_kind!(ops, K => add_entry::<K>(s, key, K::hash(ops, key)))
    }
}

/// `key in s`.
///
/// # Safety
/// `s` is null or a valid set; `key` points to a key of its kind.
pub unsafe fn contains(s: *mut KSet, key: *const u8) -> bool {
    if s.is_null() {
        return false;
    }
    // SAFETY: caller contract.
    unsafe {
        let ops = ops_of(s);
        with_key_kind!(ops, K => lookkey::<K>(s, key, K::hash(ops, key)).is_some())
    }
}

/// `s.discard(key)`; true when the key was there (`s.remove` raises KeyError otherwise).
///
/// # Safety
/// As [`add`].
pub unsafe fn discard(s: *mut KSet, key: *const u8) -> bool {
    // SAFETY: caller contract.
    unsafe {
        let ops = ops_of(s);
        with_key_kind!(ops, K => discard_entry::<K>(s, key, K::hash(ops, key)))
    }
}

/// `s.pop()`: copy the removed key to `out` (skipped when null); false when empty.
///
/// # Safety
/// `s` is a valid set; `out` is null or has room for a key.
pub unsafe fn pop(s: *mut KSet, out: *mut u8) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if (*s).used == 0 {
            return false;
        }
        let mask = (*s).mask as usize;
        let mut i = ((*s).finger & (*s).mask) as usize;
        while state(s, i) != ACTIVE {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let e = entry(s, i);
        let stride = (*s).stride as usize;
        if !out.is_null() {
            std::ptr::copy_nonoverlapping(e.add(8), out, ops_of(s).key_size());
        }
        (e as *mut i64).write(-1);
        std::ptr::write_bytes(e.add(8), 0, stride - 8);
        *(*s).states.add(i) = DUMMY;
        (*s).used -= 1;
        (*s).finger = i as i64 + 1;
        true
    }
}

/// `s.clear()` (back to an empty 8-slot table; the pop finger is kept, as in CPython).
///
/// # Safety
/// `s` is a valid set.
pub unsafe fn clear(s: *mut KSet) {
    // SAFETY: caller contract.
    unsafe {
        let (table, states) = alloc_table(ops_of(s), MINSIZE as usize, (*s).stride as usize);
        (*s).table = table;
        (*s).states = states;
        (*s).mask = MINSIZE - 1;
        (*s).fill = 0;
        (*s).used = 0;
    }
}

/// Raw iteration in table order: the next element at or after slot `*pos` (start with 0);
/// writes a pointer to the key inside the table to `*key` and returns true, or returns
/// false at the end. No mutation check (see [`iter_next`]).
///
/// # Safety
/// `s` is null or a valid set; `pos` and `key` are valid.
pub unsafe fn next(s: *const KSet, pos: &mut i64, key: &mut *const u8) -> bool {
    if s.is_null() {
        return false;
    }
    // SAFETY: caller contract.
    unsafe {
        match next_slot(s, pos) {
            Some(i) => {
                *key = entry(s, i).add(8);
                true
            }
            None => false,
        }
    }
}

/// Start a checked iteration (`iter(s)`).
///
/// # Safety
/// `s` is null or a valid set.
pub unsafe fn iter_init(s: *const KSet) -> KIter {
    // SAFETY: caller contract.
    let n = unsafe { len(s) };
    KIter { pos: 0, used: n, remaining: n }
}

/// CPython's `setiter_iternext`: `Ok(Some(key pointer))`, `Ok(None)` at the end (and from
/// then on), or `RuntimeError: Set changed size during iteration` when the length differs
/// from the one at [`iter_init`] (raised again by every later call).
///
/// # Safety
/// `s` is null or a valid set.
pub unsafe fn iter_next(s: *const KSet, it: &mut KIter) -> Result<Option<*const u8>, PyErr> {
    if it.pos < 0 {
        return Ok(None);
    }
    // SAFETY: caller contract.
    unsafe {
        if it.used != len(s) {
            it.used = -1;
            return Err(PyErr::new("RuntimeError", "Set changed size during iteration"));
        }
        if s.is_null() {
            it.pos = -1;
            return Ok(None);
        }
        match next_slot(s, &mut it.pos) {
            Some(i) => {
                it.remaining -= 1;
                Ok(Some(entry(s, i).add(8)))
            }
            None => {
                it.pos = -1;
                Ok(None)
            }
        }
    }
}

/// `set_merge`: add every element of `other` (CPython's one big resize first, and its fast
/// paths into an empty table, which decide the table order).
unsafe fn merge<K: KeyKind>(so: *mut KSet, other: *const KSet) {
    // SAFETY: caller contract: both valid sets of the same key type.
    unsafe {
        if std::ptr::eq(so, other) || (*other).used == 0 {
            return;
        }
        if ((*so).fill + (*other).used) * 5 >= (*so).mask * 3 {
            table_resize(so, ((*so).used + (*other).used) * 2);
        }
        let stride = (*so).stride as usize;
        if (*so).fill == 0 && (*so).mask == (*other).mask && (*other).fill == (*other).used {
            // Same size, no dummies: copy the table as is.
            let n = (*so).mask as usize + 1;
            std::ptr::copy_nonoverlapping((*other).table, (*so).table, n * stride);
            std::ptr::copy_nonoverlapping((*other).states, (*so).states, n);
            (*so).fill = (*other).fill;
            (*so).used = (*other).used;
            return;
        }
        if (*so).fill == 0 {
            let (table, states, mask) = ((*so).table, (*so).states, (*so).mask as u64);
            (*so).fill = (*other).used;
            (*so).used = (*other).used;
            for i in 0..=(*other).mask as usize {
                if state(other, i) == ACTIVE {
                    insert_clean(table, states, mask, stride, entry(other, i));
                }
            }
            return;
        }
        let mut i = 0usize;
        while i as i64 <= (*other).mask {
            if state(other, i) == ACTIVE {
                let e = entry(other, i);
                add_entry::<K>(so, e.add(8), *(e as *const i64));
            }
            i += 1;
        }
    }
}

/// `s.copy()` (a new set built by `set_merge` into an empty one, so its table may be
/// larger than the original's).
///
/// # Safety
/// `s` is a valid set.
pub unsafe fn copy(s: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        let r = new((*s).ops);
        with_key_kind!(ops_of(s), K => merge::<K>(r, s));
        r
    }
}

/// `set(list)` (elements added in list order; they are `ops.key_size()` bytes each).
///
/// # Safety
/// `ops` is a valid descriptor; `list` is null (empty) or a valid list of such keys.
pub unsafe fn from_list(ops: *const KKeyOps, list: *const KList) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        let s = new(ops);
        if list.is_null() {
            return s;
        }
        let o = &*ops;
        let ks = o.key_size().max(1);
        with_key_kind!(o, K => {
            // The strings of a long-lived list lie all over the heap, and hashing one starts
            // with a cache miss on its header: ask for the first few at once, then for each
            // one a few keys before it is hashed.
            let string_at = |i: i64| ((*list).data.add(i as usize * ks) as *const *const u8).read_unaligned();
            if K::STR {
                for i in 0..PREFETCH_AHEAD.min((*list).len) {
                    prefetch(string_at(i));
                }
            }
            let mut i = 0i64;
            while i < (*list).len {
                if K::STR && i + PREFETCH_AHEAD < (*list).len {
                    prefetch(string_at(i + PREFETCH_AHEAD));
                }
                let key = (*list).data.add(i as usize * ks);
                add_entry::<K>(s, key, K::hash(o, key));
                i += 1;
            }
        });
        s
    }
}

/// How many keys ahead `from_list` fetches strings: enough to cover a memory latency with
/// the hashing of the keys in between.
const PREFETCH_AHEAD: i64 = 8;

/// A hint to bring the cache line at `p` in (never faults, whatever `p` is).
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch has no architectural effect; any address is allowed.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `a | b` (`set_or`: a copy of `a`, then `b` merged in).
///
/// # Safety
/// `a` and `b` are valid sets of the same key type (this applies to every operator below).
pub unsafe fn union(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        let r = copy(a);
        if a != b {
            with_key_kind!(ops_of(a), K => merge::<K>(r, b));
        }
        r
    }
}

/// `a |= b` / `a.update(b)`.
///
/// # Safety
/// See [`union`].
pub unsafe fn update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => merge::<K>(a, b)) }
}

unsafe fn intersection_impl<K: KeyKind>(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        if a == b {
            return copy(a);
        }
        let result = new((*a).ops);
        // Iterate the smaller set, look up in the larger.
        let (so, other) = if (*b).used > (*a).used { (b, a) } else { (a, b) };
        let mut pos = 0i64;
        while let Some(i) = next_slot(other, &mut pos) {
            let e = entry(other, i);
            let hash = *(e as *const i64);
            if lookkey::<K>(so as *mut KSet, e.add(8), hash).is_some() {
                add_entry::<K>(result, e.add(8), hash);
            }
        }
        result
    }
}

/// `a & b` (`set_intersection`).
///
/// # Safety
/// See [`union`].
pub unsafe fn intersection(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => intersection_impl::<K>(a, b)) }
}

/// Exchange the tables of two sets (`set_swap_bodies`; the pop fingers stay).
unsafe fn swap_bodies(a: *mut KSet, b: *mut KSet) {
    // SAFETY: caller contract.
    unsafe {
        std::mem::swap(&mut (*a).fill, &mut (*b).fill);
        std::mem::swap(&mut (*a).used, &mut (*b).used);
        std::mem::swap(&mut (*a).mask, &mut (*b).mask);
        std::mem::swap(&mut (*a).table, &mut (*b).table);
        std::mem::swap(&mut (*a).states, &mut (*b).states);
    }
}

/// `a &= b` / `a.intersection_update(b)` (the intersection's table replaces `a`'s).
///
/// # Safety
/// See [`union`].
pub unsafe fn intersection_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    unsafe {
        let tmp = intersection(a, b);
        swap_bodies(a, tmp);
    }
}

unsafe fn difference_update_impl<K: KeyKind>(so: *mut KSet, other: *const KSet) {
    // SAFETY: caller contract.
    unsafe {
        if std::ptr::eq(so, other) {
            clear(so);
            return;
        }
        // When `other` is more than 8 times larger, iterate the intersection instead.
        let other = if ((*other).used >> 3) > (*so).used { intersection_impl::<K>(so, other) } else { other };
        let mut pos = 0i64;
        while let Some(i) = next_slot(other, &mut pos) {
            let e = entry(other, i);
            discard_entry::<K>(so, e.add(8), *(e as *const i64));
        }
        // More than 1/4 dummies: resize them away.
        if ((*so).fill - (*so).used) as u64 <= (*so).mask as u64 / 4 {
            return;
        }
        let used = (*so).used;
        table_resize(so, if used > 50000 { used * 2 } else { used * 4 });
    }
}

/// `a -= b` / `a.difference_update(b)`.
///
/// # Safety
/// See [`union`].
pub unsafe fn difference_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => difference_update_impl::<K>(a, b)) }
}

unsafe fn difference_impl<K: KeyKind>(so: *const KSet, other: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        if ((*so).used >> 2) > (*other).used {
            // Much larger than `other`: copy and remove.
            let r = copy(so);
            difference_update_impl::<K>(r, other);
            return r;
        }
        let result = new((*so).ops);
        let mut pos = 0i64;
        while let Some(i) = next_slot(so, &mut pos) {
            let e = entry(so, i);
            let hash = *(e as *const i64);
            if lookkey::<K>(other as *mut KSet, e.add(8), hash).is_none() {
                add_entry::<K>(result, e.add(8), hash);
            }
        }
        result
    }
}

/// `a - b` (`set_difference`).
///
/// # Safety
/// See [`union`].
pub unsafe fn difference(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => difference_impl::<K>(a, b)) }
}

unsafe fn symmetric_difference_update_impl<K: KeyKind>(so: *mut KSet, other: *const KSet) {
    // SAFETY: caller contract.
    unsafe {
        if std::ptr::eq(so, other) {
            clear(so);
            return;
        }
        let mut pos = 0i64;
        while let Some(i) = next_slot(other, &mut pos) {
            let e = entry(other, i);
            let hash = *(e as *const i64);
            if !discard_entry::<K>(so, e.add(8), hash) {
                add_entry::<K>(so, e.add(8), hash);
            }
        }
    }
}

/// `a ^= b` / `a.symmetric_difference_update(b)`.
///
/// # Safety
/// See [`union`].
pub unsafe fn symmetric_difference_update(a: *mut KSet, b: *const KSet) {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => symmetric_difference_update_impl::<K>(a, b)) }
}

/// `a ^ b` (`set_symmetric_difference`: a copy of `b`, updated with `a`).
///
/// # Safety
/// See [`union`].
pub unsafe fn symmetric_difference(a: *const KSet, b: *const KSet) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        let r = copy(b);
        with_key_kind!(ops_of(a), K => symmetric_difference_update_impl::<K>(r, a));
        r
    }
}

unsafe fn issubset_impl<K: KeyKind>(a: *const KSet, b: *const KSet) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if (*a).used > (*b).used {
            return false;
        }
        let mut pos = 0i64;
        while let Some(i) = next_slot(a, &mut pos) {
            let e = entry(a, i);
            if lookkey::<K>(b as *mut KSet, e.add(8), *(e as *const i64)).is_none() {
                return false;
            }
        }
        true
    }
}

/// `a <= b` / `a.issubset(b)`.
///
/// # Safety
/// See [`union`].
pub unsafe fn issubset(a: *const KSet, b: *const KSet) -> bool {
    // SAFETY: caller contract.
    unsafe { with_key_kind!(ops_of(a), K => issubset_impl::<K>(a, b)) }
}

/// `a == b`.
///
/// # Safety
/// See [`union`].
pub unsafe fn eq(a: *const KSet, b: *const KSet) -> bool {
    // SAFETY: caller contract.
    unsafe { (*a).used == (*b).used && issubset(a, b) }
}

/// `a.isdisjoint(b)`.
///
/// # Safety
/// See [`union`].
pub unsafe fn isdisjoint(a: *const KSet, b: *const KSet) -> bool {
    // SAFETY: caller contract.
    unsafe {
        if a == b {
            return (*a).used == 0;
        }
        let (so, other) = if (*b).used > (*a).used { (b, a) } else { (a, b) };
        with_key_kind!(ops_of(a), K => {
            let mut pos = 0i64;
            while let Some(i) = next_slot(other, &mut pos) {
                let e = entry(other, i);
                if lookkey::<K>(so as *mut KSet, e.add(8), *(e as *const i64)).is_some() {
                    return false;
                }
            }
            true
        })
    }
}

/// The `frozenset` constant CPython 3.11's compiler makes from a set display whose
/// elements (`list`, in source order) are all constants after constant folding:
/// `frozenset(elems)`, rebuilt by the constant merger from its own iteration order
/// (`frozenset(list(frozenset(elems)))`), and rebuilt once more that way when `interned`
/// is non-zero. That second rebuild is `intern_string_constants` (at code-object creation):
/// it happens when an element is a str of 2 or more ASCII letters, digits or `_` for which
/// an equal string was already interned (e.g. it is also an identifier or attribute name
/// in the program, a name-like str constant of a code object created earlier, or one that
/// CPython interns at startup). `for x in {1, 2, 3}` and comprehensions over such a display
/// iterate this set directly (the AST optimiser turns the display into the constant, for
/// any number of elements).
///
/// # Safety
/// As [`from_list`].
pub unsafe fn const_frozen(ops: *const KKeyOps, list: *const KList, interned: bool) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        let mut f = from_list(ops, list);
        for _ in 0..1 + interned as usize {
            let r = new(ops);
            let o = &*ops;
            with_key_kind!(o, K => {
                let mut pos = 0i64;
                while let Some(i) = next_slot(f, &mut pos) {
                    let e = entry(f, i);
                    add_entry::<K>(r, e.add(8), *(e as *const i64));
                }
            });
            f = r;
        }
        f
    }
}

/// A set display `{e1, e2, ...}` whose elements are all constants after constant folding:
/// with 3 or more elements CPython 3.11 compiles it to `BUILD_SET 0` + `SET_UPDATE` of the
/// [`const_frozen`] constant (`interned` as there), which gives another order than adding
/// the elements one by one; with fewer it adds them in order ([`from_list`]). Displays
/// with a non-constant element add in order: use [`from_list`].
///
/// # Safety
/// As [`from_list`].
pub unsafe fn from_const_display(ops: *const KKeyOps, list: *const KList, interned: bool) -> *mut KSet {
    // SAFETY: caller contract.
    unsafe {
        if list.is_null() || (*list).len <= 2 {
            return from_list(ops, list);
        }
        let frozen = const_frozen(ops, list, interned);
        let r = new(ops);
        update(r, frozen);
        r
    }
}
