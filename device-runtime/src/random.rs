//! The `random` module: CPython 3.11's Mersenne Twister (`Modules/_randommodule.c`) and the
//! methods of `Lib/random.py` built on it, reproduced bit for bit, so a kiln program seeded
//! with `random.seed(n)` draws the same numbers as CPython.
//!
//! There is one process-wide generator behind a lock (CPython's hidden `random._inst`).
//! Until a program calls `random.seed(n)` it is seeded from OS entropy (`getrandom`, or
//! the time and process id when that fails), as CPython seeds at import. `gauss` keeps
//! `gauss_next` like `random.py`, reset by every seed. Parallel loops share the generator
//! (each call takes the lock), so their draws are interleaved nondeterministically.

use std::cell::UnsafeCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::exceptions::PyErr;
use crate::lists::{self, KList};
use crate::math::{self, INT_OVERFLOW_MSG};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister state plus `random.py`'s `gauss_next`.
pub struct Generator {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Generator {
    /// A generator seeded with `random.seed(n)`.
    pub fn from_seed(n: i64) -> Generator {
        let mut g = Generator { mt: [0; N], index: N + 1, gauss_next: None };
        g.seed(n);
        g
    }

    /// A generator seeded from OS entropy (`random.seed()`).
    pub fn from_entropy() -> Generator {
        let mut g = Generator { mt: [0; N], index: N + 1, gauss_next: None };
        g.seed_entropy();
        g
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1_812_433_253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `random.seed(n)` for an int: the 32-bit words of `abs(n)`, least significant first.
    pub fn seed(&mut self, n: i64) {
        let a = n.unsigned_abs();
        let key: Vec<u32> = if a >> 32 != 0 { vec![a as u32, (a >> 32) as u32] } else { vec![a as u32] };
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `random.seed()`: 624 words of OS entropy (CPython's `random_seed_urandom`), or the
    /// time and process id when the OS has none to give.
    pub fn seed_entropy(&mut self) {
        let mut key = [0u32; N];
        let want = std::mem::size_of_val(&key);
        // SAFETY: `key` is a writable buffer of `want` bytes.
        let got = unsafe { libc::getrandom(key.as_mut_ptr() as *mut libc::c_void, want, libc::GRND_NONBLOCK) };
        if got == want as isize {
            self.init_by_array(&key);
        } else {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            let mono = (math::perf_counter() * 1e9) as u64;
            // SAFETY: getpid has no preconditions.
            let pid = unsafe { libc::getpid() } as u32;
            self.init_by_array(&[now as u32, (now >> 32) as u32, pid, mono as u32, (mono >> 32) as u32]);
        }
        self.gauss_next = None;
    }

    /// `genrand_uint32`.
    #[inline(always)]
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// The next 624 words of state (once every 624 draws, so kept out of the draws' code).
    #[inline(never)]
    fn twist(&mut self) {
        let mt = &mut self.mt;
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.index = 0;
    }

    /// `random.random()`: 53 random bits in [0, 1) (`genrand_res53`).
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `0 <= k <= 128`.
    pub fn getrandbits(&mut self, k: u32) -> u128 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u128;
        }
        // 32-bit words from least to most significant; the last keeps its top bits.
        let mut r: u128 = 0;
        let mut left = k;
        let mut shift = 0;
        while left > 0 {
            let mut w = self.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            r |= (w as u128) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        r
    }

    /// `_randbelow_with_getrandbits(n)` for `n >= 1`: a uniform int in [0, n).
    pub fn randbelow_u128(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        let mut r = self.getrandbits(k);
        while r >= n {
            r = self.getrandbits(k);
        }
        r
    }

    /// [`Generator::randbelow_u128`] for 64-bit bounds.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n > 0 && n <= u32::MAX as u64 {
            // The same draws as `randbelow_u128` (k <= 32 bits: one word each), in 32 bits.
            let k = 32 - (n as u32).leading_zeros();
            loop {
                let r = (self.next_u32() >> (32 - k)) as u64;
                if r < n {
                    return r;
                }
            }
        }
        self.randbelow_u128(n as u128) as u64
    }

    /// `randrange` with CPython 3.11's checks and messages (`stop`/`step` None when absent).
    pub fn randrange(&mut self, start: i128, stop: Option<i128>, step: i128) -> Result<i128, PyErr> {
        let Some(stop) = stop else {
            if start > 0 {
                return Ok(self.randbelow_u128(start as u128) as i128);
            }
            return Err(PyErr::new("ValueError", "empty range for randrange()"));
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok(start + self.randbelow_u128(width as u128) as i128);
            }
            return Err(PyErr::new("ValueError", format!("empty range for randrange() ({start}, {stop}, {width})")));
        }
        let n = if step > 0 {
            floor_div(width + step - 1, step)
        } else if step < 0 {
            floor_div(width + step + 1, step)
        } else {
            return Err(PyErr::new("ValueError", "zero step for randrange()"));
        };
        if n <= 0 {
            return Err(PyErr::new("ValueError", "empty range for randrange()"));
        }
        Ok(start + step * self.randbelow_u128(n as u128) as i128)
    }

    /// `random.gauss(mu, sigma)`.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * (2.0 * std::f64::consts::PI);
                let g2rad = (-2.0 * libm_log(1.0 - self.random())).sqrt();
                self.gauss_next = Some(libm_sin(x2pi) * g2rad);
                libm_cos(x2pi) * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        // NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0)
        let magic = 4.0 * libm_exp(-0.5) / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -libm_log(u2) {
                return mu + z * sigma;
            }
        }
    }

    /// `random.expovariate(lambd)`; `ZeroDivisionError: float division by zero` for 0
    /// (after drawing, as in CPython).
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, PyErr> {
        let num = -libm_log(1.0 - self.random());
        if lambd == 0.0 {
            return Err(PyErr::new("ZeroDivisionError", "float division by zero"));
        }
        Ok(num / lambd)
    }

    /// `random.triangular(low, high, mode)` (`mode` None = the midpoint).
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.shuffle(x)` of a sequence of `len` items, through `swap(i, j)`.
    pub fn shuffle_with(&mut self, len: usize, mut swap: impl FnMut(usize, usize)) {
        for i in (1..len).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            swap(i, j);
        }
    }

    /// The indices `random.sample(population, k)` picks from a population of `n` items, in
    /// selection order (`0 <= k <= n` checked by the caller).
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut setsize: i128 = 21;
        if k > 5 {
            // setsize += 4 ** ceil(log(k * 3, 4))
            let e = math::log_base((k as f64) * 3.0, 4.0).map(|l| l.ceil()).unwrap_or(0.0);
            setsize = setsize.saturating_add(4i128.checked_pow(e as u32).unwrap_or(i128::MAX));
        }
        let mut result = Vec::with_capacity(k);
        if (n as i128) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        result
    }
}

/// Python's `a // b` for `b != 0`.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn libm_log(x: f64) -> f64 {
    math::math1("log", x).unwrap_or(f64::NAN)
}

fn libm_exp(x: f64) -> f64 {
    math::math1("exp", x).unwrap_or(f64::INFINITY)
}

fn libm_sin(x: f64) -> f64 {
    math::math1("sin", x).unwrap_or(f64::NAN)
}

fn libm_cos(x: f64) -> f64 {
    math::math1("cos", x).unwrap_or(f64::NAN)
}

/// The process-wide generator behind a one-word lock. A draw is a few nanoseconds of work,
/// so the lock is most of its cost: `std::sync::Mutex` spends two atomic read-modify-writes
/// per call (a compare-exchange to take it, a swap to release it, plus poison checks), this
/// one a single swap (releasing is a plain store on x86 and AArch64). Only parallel-loop
/// iterations that draw at the same moment ever find it taken.
struct Shared {
    locked: AtomicBool,
    generator: UnsafeCell<Option<Generator>>,
}

// SAFETY: `generator` is only reached through `lock`, which gives one thread at a time
// access (acquire on taking, release on giving back).
unsafe impl Sync for Shared {}

static GENERATOR: Shared = Shared { locked: AtomicBool::new(false), generator: UnsafeCell::new(None) };

/// The lock on [`GENERATOR`], released on drop (also when `f` panics).
struct Held;

impl Drop for Held {
    fn drop(&mut self) {
        GENERATOR.locked.store(false, Ordering::Release);
    }
}

#[inline(always)]
fn lock() -> Held {
    if GENERATOR.locked.swap(true, Ordering::Acquire) {
        lock_contended();
    }
    Held
}

#[cold]
#[inline(never)]
fn lock_contended() {
    loop {
        // Wait with plain loads (no cache-line ping-pong), then try again.
        let mut spins = 0u32;
        while GENERATOR.locked.load(Ordering::Relaxed) {
            if spins < 64 {
                std::hint::spin_loop();
                spins += 1;
            } else {
                std::thread::yield_now();
            }
        }
        if !GENERATOR.locked.swap(true, Ordering::Acquire) {
            return;
        }
    }
}

/// The generator seeded from entropy, made on first use (kept out of line: its 2.5 KB
/// state would otherwise give every draw a large stack frame).
#[cold]
#[inline(never)]
fn first_use(slot: &mut Option<Generator>) -> &mut Generator {
    slot.insert(Generator::from_entropy())
}

/// Run `f` on the process-wide generator (seeded from entropy on first use).
#[inline]
pub fn with_generator<R>(f: impl FnOnce(&mut Generator) -> R) -> R {
    let _held = lock();
    // SAFETY: `_held` gives this thread sole access until it is dropped, after `f`.
    let slot = unsafe { &mut *GENERATOR.generator.get() };
    let g = match slot {
        Some(g) => g,
        None => first_use(slot),
    };
    f(g)
}

/// `random.seed(n)`.
pub fn seed(n: i64) {
    let _held = lock();
    // SAFETY: as in `with_generator`.
    let slot = unsafe { &mut *GENERATOR.generator.get() };
    match slot {
        Some(g) => g.seed(n),
        None => *slot = Some(Generator::from_seed(n)),
    }
}

/// `random.getrandbits(k)` for an i64 result.
pub fn getrandbits(k: i64) -> Result<i64, PyErr> {
    if k < 0 {
        return Err(PyErr::new("ValueError", "number of bits must be non-negative"));
    }
    if k > 63 {
        return Err(PyErr::new("OverflowError", INT_OVERFLOW_MSG));
    }
    Ok(with_generator(|g| g.getrandbits(k as u32)) as i64)
}

/// `random.randrange(...)`; `nargs` is how many arguments were given (1: `randrange(stop)`,
/// passed as `start`; 2: `randrange(start, stop)`; 3: with `step`).
pub fn randrange(start: i64, stop: i64, step: i64, nargs: i64) -> Result<i64, PyErr> {
    let (stop, step) = match nargs {
        1 => (None, 1),
        2 => (Some(stop as i128), 1),
        _ => (Some(stop as i128), step as i128),
    };
    with_generator(|g| g.randrange(start as i128, stop, step)).map(|v| v as i64)
}

/// `random.randint(a, b)` = `randrange(a, b + 1)` (without overflow at `b = 2**63 - 1`).
pub fn randint(a: i64, b: i64) -> Result<i64, PyErr> {
    let width = b as i128 - a as i128 + 1;
    if width > 0 && width <= u32::MAX as i128 {
        // `randbelow` draws exactly what `randrange`'s 128-bit path would, in 32 bits.
        return Ok(a + with_generator(|g| g.randbelow(width as u64)) as i64);
    }
    with_generator(|g| g.randrange(a as i128, Some(b as i128 + 1), 1)).map(|v| v as i64)
}

/// `random.choice(seq)`: the index to pick from a sequence of `len` items.
pub fn choice_index(len: i64) -> Result<i64, PyErr> {
    if len <= 0 {
        return Err(PyErr::new("IndexError", "Cannot choose from an empty sequence"));
    }
    Ok(with_generator(|g| g.randbelow(len as u64)) as i64)
}

/// `random.shuffle(list)` in place, elements of `elem_size` bytes.
///
/// # Safety
/// `list` is null or a valid list of `elem_size`-byte elements.
pub unsafe fn shuffle(list: *mut KList, elem_size: i64) {
    // SAFETY: caller contract.
    unsafe {
        if list.is_null() || (*list).len <= 1 || (*list).data.is_null() {
            return;
        }
        let len = (*list).len as usize;
        let es = elem_size.max(1) as usize;
        let data = (*list).data;
        with_generator(|g| {
            g.shuffle_with(len, |i, j| {
                if i != j {
                    std::ptr::swap_nonoverlapping(data.add(i * es), data.add(j * es), es);
                }
            })
        });
    }
}

/// `random.sample(population, k)`: a new list.
///
/// # Safety
/// `list` is null (empty) or a valid list of `elem_size`-byte elements.
pub unsafe fn sample(list: *const KList, elem_size: i64, has_ptrs: bool, k: i64) -> Result<*mut KList, PyErr> {
    // SAFETY: caller contract.
    unsafe {
        let n = if list.is_null() { 0 } else { (*list).len.max(0) };
        if k < 0 || k > n {
            return Err(PyErr::new("ValueError", "Sample larger than population or is negative"));
        }
        let picks = with_generator(|g| g.sample_indices(n as usize, k as usize));
        let es = elem_size.max(1) as usize;
        let out = lists::new(es as i64, k, has_ptrs);
        for (i, &j) in picks.iter().enumerate() {
            std::ptr::copy_nonoverlapping((*list).data.add(j * es), (*out).data.add(i * es), es);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // CPython 3.11: random.seed(0); random.random(), random.getrandbits(32)
        let mut g = Generator::from_seed(0);
        assert_eq!(g.random(), 0.8444218515250481);
        let mut g = Generator::from_seed(42);
        assert_eq!(g.random(), 0.6394267984578837);
        assert_eq!(g.random(), 0.025010755222666936);
    }

    #[test]
    fn randrange_messages() {
        let mut g = Generator::from_seed(1);
        assert_eq!(g.randrange(5, Some(5), 1).unwrap_err().msg.unwrap(), "empty range for randrange() (5, 5, 0)");
        assert_eq!(g.randrange(0, None, 1).unwrap_err().msg.unwrap(), "empty range for randrange()");
        assert_eq!(g.randrange(1, Some(10), 0).unwrap_err().msg.unwrap(), "zero step for randrange()");
        assert_eq!(g.randrange(10, Some(1), 2).unwrap_err().msg.unwrap(), "empty range for randrange()");
        let v = g.randrange(i64::MIN as i128, Some(i64::MAX as i128), 1).unwrap();
        assert!(v >= i64::MIN as i128 && v < i64::MAX as i128);
    }
}
