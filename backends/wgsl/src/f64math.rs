//! `math` functions on `float` (f64), in software.
//!
//! SPIR-V's GLSL.std.450 defines `sin`, `exp`, `log`, `pow`... for 16- and 32-bit floats
//! only. naga accepts them on f64 anyway, but drivers do not: lavapipe computes them in
//! single precision on the wrong bits (`sin(0.1)` gives `1e-310`). Only `sqrt`, `floor`,
//! `ceil`, `trunc` and `abs` are used natively on doubles (they are exact there).
//!
//! Everything else is a port of fdlibm (Sun's freely distributable libm, also the base of
//! musl's): the same range reductions and polynomials, so results are within about 1 ulp
//! of CPython's, using only f64 arithmetic and bit manipulation on u64. Each function is a
//! naga helper function, generated on first use (with its dependencies before it), so a
//! kernel calls it like a library function.
//!
//! Known limit: `sin`/`cos`/`tan` reduce their argument with a three-part π/2 (fdlibm's
//! "medium" path), exact for |x| < 2^20·π/2 ≈ 1.6e6; beyond that the result loses accuracy
//! gradually (fdlibm's Payne–Hanek path for huge arguments is not ported).

// The constants are fdlibm's, written exactly as in its sources (more digits than an f64
// holds) so that they can be checked against them.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use std::collections::HashMap;

use kiln_ir::{MathFunction, Span};
use naga::{Expression as NE, Handle, MathFunction as Mf, Scalar, ScalarKind as NK};

use crate::builder::{Expr, FnBuilder};
use crate::KernelError;

/// The helper functions generated so far for the module being built.
#[derive(Default)]
pub(crate) struct MathLib {
    functions: HashMap<Helper, Handle<naga::Function>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Helper {
    Exp,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    /// `pow(|x|, y)` (the caller handles the sign and `pow(x, 0)`, `pow(1, y)`).
    PowPositive,
    /// C's `fmod`, exactly, on f32 or f64 (SPIR-V's `OpFRem` is not exact on every driver:
    /// lavapipe computes `x - y * trunc(x / y)`, so `1.0 % 0.1` came out as `0.0`).
    Fmod32,
    Fmod64,
}

impl Helper {
    fn name(self) -> &'static str {
        match self {
            Helper::Exp => "kiln_exp",
            Helper::Expm1 => "kiln_expm1",
            Helper::Log => "kiln_log",
            Helper::Log2 => "kiln_log2",
            Helper::Log10 => "kiln_log10",
            Helper::Log1p => "kiln_log1p",
            Helper::Sin => "kiln_sin",
            Helper::Cos => "kiln_cos",
            Helper::Tan => "kiln_tan",
            Helper::Asin => "kiln_asin",
            Helper::Acos => "kiln_acos",
            Helper::Atan => "kiln_atan",
            Helper::Atan2 => "kiln_atan2",
            Helper::Sinh => "kiln_sinh",
            Helper::Cosh => "kiln_cosh",
            Helper::Tanh => "kiln_tanh",
            Helper::PowPositive => "kiln_pow_positive",
            Helper::Fmod32 => "kiln_fmod_f32",
            Helper::Fmod64 => "kiln_fmod_f64",
        }
    }

    fn arity(self) -> usize {
        match self {
            Helper::Atan2 | Helper::PowPositive | Helper::Fmod32 | Helper::Fmod64 => 2,
            _ => 1,
        }
    }

    fn scalar(self) -> Scalar {
        if self == Helper::Fmod32 {
            Scalar::F32
        } else {
            Scalar::F64
        }
    }

    /// Helpers this one calls (generated first: naga wants callees before callers).
    fn deps(self) -> &'static [Helper] {
        match self {
            Helper::Expm1 => &[Helper::Exp, Helper::Log],
            Helper::Log1p => &[Helper::Log],
            Helper::Atan2 => &[Helper::Atan],
            Helper::Sinh | Helper::Tanh => &[Helper::Expm1, Helper::Exp],
            Helper::Cosh => &[Helper::Exp],
            _ => &[],
        }
    }
}

/// `pow(x, y)` for `x >= 0` (or NaN).
pub(crate) fn pow_positive(b: &mut FnBuilder<'_>, lib: &mut MathLib, x: Expr, y: Expr) -> Expr {
    let f = helper(b, lib, Helper::PowPositive);
    b.call(f, vec![x, y])
}

/// C's `fmod(x, y)` on floats of scalar `s`, exact.
pub(crate) fn fmod(b: &mut FnBuilder<'_>, lib: &mut MathLib, s: Scalar, x: Expr, y: Expr) -> Expr {
    let f = helper(b, lib, if s.width == 4 { Helper::Fmod32 } else { Helper::Fmod64 });
    b.call(f, vec![x, y])
}

/// A `math` function on f64 arguments other than those computed natively.
pub(crate) fn call(
    b: &mut FnBuilder<'_>,
    lib: &mut MathLib,
    function: MathFunction,
    x: Expr,
    y: Option<Expr>,
    span: Span,
) -> Result<Expr, KernelError> {
    use MathFunction as F;
    let h = match function {
        F::Sin => Helper::Sin,
        F::Cos => Helper::Cos,
        F::Tan => Helper::Tan,
        F::Asin => Helper::Asin,
        F::Acos => Helper::Acos,
        F::Atan => Helper::Atan,
        F::Atan2 => Helper::Atan2,
        F::Sinh => Helper::Sinh,
        F::Cosh => Helper::Cosh,
        F::Tanh => Helper::Tanh,
        F::Exp => Helper::Exp,
        F::Expm1 => Helper::Expm1,
        F::Log => Helper::Log,
        F::Log2 => Helper::Log2,
        F::Log10 => Helper::Log10,
        F::Log1p => Helper::Log1p,
        F::Hypot => {
            let y = y.ok_or_else(|| KernelError { message: "math.hypot takes two arguments".into(), span })?;
            return Ok(crate::math::hypot(b, Scalar::F64, x, y));
        }
        other => {
            return Err(KernelError { message: format!("math.{} is not supported on floats", other.name()), span })
        }
    };
    let mut args = vec![x];
    if h.arity() == 2 {
        args.push(
            y.ok_or_else(|| KernelError { message: format!("math.{} takes two arguments", function.name()), span })?,
        );
    }
    let f = helper(b, lib, h);
    Ok(b.call(f, args))
}

/// The helper function for `h`, generated on first use.
fn helper(b: &mut FnBuilder<'_>, lib: &mut MathLib, h: Helper) -> Handle<naga::Function> {
    if let Some(&f) = lib.functions.get(&h) {
        return f;
    }
    let deps: Vec<Handle<naga::Function>> = h.deps().iter().map(|&d| helper(b, lib, d)).collect();
    let mut fb = FnBuilder::new(&mut *b.module, h.name());
    let f64_ty = fb.scalar_ty(h.scalar());
    for name in ["x", "y"].iter().take(h.arity()) {
        fb.func.arguments.push(naga::FunctionArgument { name: Some((*name).into()), ty: f64_ty, binding: None });
    }
    fb.func.result = Some(naga::FunctionResult { ty: f64_ty, binding: None });
    let x = fb.expr(NE::FunctionArgument(0));
    let y = if h.arity() == 2 { Some(fb.expr(NE::FunctionArgument(1))) } else { None };
    let mut m = M { b: &mut fb };
    let dep = |i: usize| deps[i];
    let r = match h {
        Helper::Exp => m.exp(x),
        Helper::Log => m.log_family(x, LogBase::E),
        Helper::Log2 => m.log_family(x, LogBase::Two),
        Helper::Log10 => m.log_family(x, LogBase::Ten),
        Helper::Expm1 => m.expm1(x, dep(0), dep(1)),
        Helper::Log1p => m.log1p(x, dep(0)),
        Helper::Sin => m.sin_cos_tan(x, Trig::Sin),
        Helper::Cos => m.sin_cos_tan(x, Trig::Cos),
        Helper::Tan => m.sin_cos_tan(x, Trig::Tan),
        Helper::Asin => m.asin(x),
        Helper::Acos => m.acos(x),
        Helper::Atan => m.atan(x),
        // math.atan2(y, x): the first argument is y.
        Helper::Atan2 => m.atan2(x, y.unwrap_or(x), dep(0)),
        Helper::Sinh => m.sinh(x, dep(0), dep(1)),
        Helper::Cosh => m.cosh(x, dep(0)),
        Helper::Tanh => m.tanh(x, dep(0)),
        Helper::PowPositive => m.pow_positive(x, y.unwrap_or(x)),
        Helper::Fmod32 => exact_fmod(m.b, Scalar::F32, x, y.unwrap_or(x)),
        Helper::Fmod64 => exact_fmod(m.b, Scalar::F64, x, y.unwrap_or(x)),
    };
    fb.ret(Some(r));
    let function = fb.finish();
    let handle = b.module.functions.append(function, naga::Span::UNDEFINED);
    lib.functions.insert(h, handle);
    handle
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LogBase {
    E,
    Two,
    Ten,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Trig {
    Sin,
    Cos,
    Tan,
}

/// Expression-building shorthand for f64 code.
struct M<'a, 'm> {
    b: &'a mut FnBuilder<'m>,
}

impl M<'_, '_> {
    fn c(&mut self, v: f64) -> Expr {
        self.b.f64(v)
    }
    fn add(&mut self, a: Expr, b: Expr) -> Expr {
        self.b.add(a, b)
    }
    fn sub(&mut self, a: Expr, b: Expr) -> Expr {
        self.b.sub(a, b)
    }
    fn mul(&mut self, a: Expr, b: Expr) -> Expr {
        self.b.mul(a, b)
    }
    fn div(&mut self, a: Expr, b: Expr) -> Expr {
        self.b.div(a, b)
    }
    fn neg(&mut self, a: Expr) -> Expr {
        self.b.neg(a)
    }
    fn sel(&mut self, c: Expr, a: Expr, b: Expr) -> Expr {
        self.b.select(c, a, b)
    }
    fn abs(&mut self, a: Expr) -> Expr {
        self.b.math1(Mf::Abs, a)
    }
    fn sqrt(&mut self, a: Expr) -> Expr {
        self.b.math1(Mf::Sqrt, a)
    }
    /// `k * v` for a constant `k`.
    fn cmul(&mut self, k: f64, v: Expr) -> Expr {
        let k = self.c(k);
        self.mul(k, v)
    }
    /// `a < k` for a constant `k`.
    fn lt_c(&mut self, a: Expr, k: f64) -> Expr {
        let k = self.c(k);
        self.b.lt(a, k)
    }
    fn ge_c(&mut self, a: Expr, k: f64) -> Expr {
        let k = self.c(k);
        self.b.ge(a, k)
    }
    fn gt_c(&mut self, a: Expr, k: f64) -> Expr {
        let k = self.c(k);
        self.b.gt(a, k)
    }
    fn eq_c(&mut self, a: Expr, k: f64) -> Expr {
        let k = self.c(k);
        self.b.eq(a, k)
    }
    /// `c[0] + z * (c[1] + z * (c[2] + ...))`.
    fn poly(&mut self, z: Expr, coeffs: &[f64]) -> Expr {
        let mut acc = self.c(coeffs[coeffs.len() - 1]);
        for &k in coeffs[..coeffs.len() - 1].iter().rev() {
            let t = self.mul(z, acc);
            let k = self.c(k);
            acc = self.add(k, t);
        }
        acc
    }
    fn bits(&mut self, x: Expr) -> Expr {
        self.b.bitcast(x, NK::Uint)
    }
    fn float_of_bits(&mut self, u: Expr) -> Expr {
        self.b.bitcast(u, NK::Float)
    }
    /// `x` with the low 32 bits of its representation cleared (fdlibm's `SET_LOW_WORD(x, 0)`).
    fn clear_low(&mut self, x: Expr) -> Expr {
        let u = self.bits(x);
        let mask = self.b.u64(0xffff_ffff_0000_0000);
        let v = self.b.and(u, mask);
        self.float_of_bits(v)
    }
    /// The high 32 bits of the representation, as an i64 (fdlibm's `GET_HIGH_WORD`).
    fn high(&mut self, x: Expr) -> Expr {
        let u = self.bits(x);
        let s = self.b.u32(32);
        let h = self.b.shr(u, s);
        self.b.convert(h, NK::Sint, 8)
    }
    /// A double with high word `hi` (an i64 holding a u32) and low word 0.
    fn with_high(&mut self, hi: Expr) -> Expr {
        let u = self.b.convert(hi, NK::Uint, 8);
        let mask = self.b.u64(0xffff_ffff);
        let u = self.b.and(u, mask);
        let s = self.b.u32(32);
        let v = self.b.shl(u, s);
        self.float_of_bits(v)
    }
    /// 2^k for an i64 `k` in -1022..=1023.
    fn pow2(&mut self, k: Expr) -> Expr {
        let bias = self.b.i64(1023);
        let e = self.b.add(k, bias);
        let e = self.b.convert(e, NK::Uint, 8);
        let s = self.b.u32(52);
        let v = self.b.shl(e, s);
        self.float_of_bits(v)
    }
    /// `x * 2^k` for an i64 `k` in -2044..=2046, rounding once (also into subnormals).
    fn scale(&mut self, x: Expr, k: Expr) -> Expr {
        let two = self.b.i64(2);
        let k1 = self.b.div(k, two);
        let k2 = self.b.sub(k, k1);
        let p1 = self.pow2(k1);
        let p2 = self.pow2(k2);
        let t = self.mul(x, p1);
        self.mul(t, p2)
    }
    fn is_nan(&mut self, x: Expr) -> Expr {
        crate::math::is_nan(self.b, Scalar::F64, x)
    }
    fn sign_bit(&mut self, x: Expr) -> Expr {
        crate::math::sign_bit(self.b, Scalar::F64, x)
    }
    /// `-v` when `negative`, else `v`.
    fn with_sign(&mut self, negative: Expr, v: Expr) -> Expr {
        let n = self.neg(v);
        self.sel(negative, n, v)
    }

    // ---- exp / log ---------------------------------------------------------------------

    /// fdlibm `__ieee754_exp`.
    fn exp(&mut self, x: Expr) -> Expr {
        const LN2_HI: f64 = 6.93147180369123816490e-01;
        const LN2_LO: f64 = 1.90821492927058770002e-10;
        const INV_LN2: f64 = 1.44269504088896338700e+00;
        const P: [f64; 5] = [
            1.66666666666666019037e-01,
            -2.77777777770155933842e-03,
            6.61375632143793436117e-05,
            -1.65339022054652515390e-06,
            4.13813679705723846039e-08,
        ];
        // k = round(x / ln2), x = k ln2 + r with |r| <= ln2 / 2.
        let neg = self.lt_c(x, 0.0);
        let mh = self.c(-0.5);
        let ph = self.c(0.5);
        let half = self.sel(neg, mh, ph);
        let t = self.cmul(INV_LN2, x);
        let t = self.add(t, half);
        let kf = self.b.math1(Mf::Trunc, t);
        // Out-of-range x is replaced by 0 before the int conversion (masked at the end).
        let in_range = {
            let lo = self.gt_c(x, -746.0);
            let hi = self.lt_c(x, 710.0);
            self.b.land(lo, hi)
        };
        let zero = self.c(0.0);
        let kf = self.sel(in_range, kf, zero);
        let k = self.b.convert(kf, NK::Sint, 8);
        let a = self.cmul(LN2_HI, kf);
        let hi = self.sub(x, a);
        let lo = self.cmul(LN2_LO, kf);
        let r = self.sub(hi, lo);
        // exp(r) = 1 + r + r c / (2 - c) with c = r - r^2 P(r^2).
        let rr = self.mul(r, r);
        let p = self.poly(rr, &P);
        let rrp = self.mul(rr, p);
        let c = self.sub(r, rrp);
        let rc = self.mul(r, c);
        let two = self.c(2.0);
        let den = self.sub(two, c);
        let q = self.div(rc, den);
        let q = self.sub(lo, q);
        let q = self.sub(q, hi);
        let one = self.c(1.0);
        let y = self.sub(one, q);
        let y = self.scale(y, k);
        // Overflow, underflow, NaN.
        let over = self.gt_c(x, 7.09782712893383973096e+02);
        let under = self.lt_c(x, -7.45133219101941108420e+02);
        let inf = self.c(f64::INFINITY);
        let y = self.sel(over, inf, y);
        let y = self.sel(under, zero, y);
        let nan = self.is_nan(x);
        let xx = self.add(x, x);
        self.sel(nan, xx, y)
    }

    /// fdlibm `__ieee754_log` and musl's `log2`/`log10` (which keep a high/low split of
    /// `log(1 + f)` so that exact powers of the base give exact results).
    fn log_family(&mut self, x: Expr, base: LogBase) -> Expr {
        const LG: [f64; 7] = [
            6.666666666666735130e-01,
            3.999999999940941908e-01,
            2.857142874366239149e-01,
            2.222219843214978396e-01,
            1.818357216161805012e-01,
            1.531383769920937332e-01,
            1.479819860511658591e-01,
        ];
        // Subnormals: scale into the normal range first.
        let sub = self.lt_c(x, f64::MIN_POSITIVE);
        let two54 = self.cmul(18014398509481984.0, x);
        let xs = self.sel(sub, two54, x);
        let m54 = self.b.i64(-54);
        let zero_i = self.b.i64(0);
        let k0 = self.sel(sub, m54, zero_i);
        // Reduce x into [sqrt(2)/2, sqrt(2)): x = 2^k (1 + f).
        let hx = self.high(xs);
        let bump = self.b.i64(0x3ff0_0000 - 0x3fe6_a09e);
        let hx = self.b.add(hx, bump);
        let twenty = self.b.u32(20);
        let e = self.b.shr(hx, twenty);
        let bias = self.b.i64(0x3ff);
        let e = self.b.sub(e, bias);
        let k = self.b.add(k0, e);
        let mant_mask = self.b.i64(0x000f_ffff);
        let hm = self.b.and(hx, mant_mask);
        let back = self.b.i64(0x3fe6_a09e);
        let hm = self.b.add(hm, back);
        let hm = self.b.convert(hm, NK::Uint, 8);
        let s32 = self.b.u32(32);
        let hm = self.b.shl(hm, s32);
        let low_mask = self.b.u64(0xffff_ffff);
        let xb = self.bits(xs);
        let low = self.b.and(xb, low_mask);
        let mb = self.b.or(hm, low);
        let m = self.float_of_bits(mb);
        let one = self.c(1.0);
        let f = self.sub(m, one);
        let ff = self.mul(f, f);
        let hfsq = self.cmul(0.5, ff);
        let two = self.c(2.0);
        let den = self.add(two, f);
        let s = self.div(f, den);
        let z = self.mul(s, s);
        let w = self.mul(z, z);
        let t1 = self.poly(w, &[LG[1], LG[3], LG[5]]);
        let t1 = self.mul(w, t1);
        let t2 = self.poly(w, &[LG[0], LG[2], LG[4], LG[6]]);
        let t2 = self.mul(z, t2);
        let r = self.add(t2, t1);
        let dk = self.b.convert(k, NK::Float, 8);
        let hr = self.add(hfsq, r);
        let shr = self.mul(s, hr);
        let result = match base {
            LogBase::E => {
                const LN2_HI: f64 = 6.93147180369123816490e-01;
                const LN2_LO: f64 = 1.90821492927058770002e-10;
                // s (hfsq + R) + k ln2_lo - hfsq + f + k ln2_hi
                let a = self.cmul(LN2_LO, dk);
                let v = self.add(shr, a);
                let v = self.sub(v, hfsq);
                let v = self.add(v, f);
                let b = self.cmul(LN2_HI, dk);
                self.add(v, b)
            }
            LogBase::Two | LogBase::Ten => {
                // hi + lo = f - hfsq + s (hfsq + R), hi with 32 trailing zero bits.
                let hi = self.sub(f, hfsq);
                let hi = self.clear_low(hi);
                let lo = self.sub(f, hi);
                let lo = self.sub(lo, hfsq);
                let lo = self.add(lo, shr);
                let lohi = self.add(lo, hi);
                let (val_hi, y, val_lo) = if base == LogBase::Two {
                    const IVLN2HI: f64 = 1.44269504072144627571e+00;
                    const IVLN2LO: f64 = 1.67517131648865118353e-10;
                    let val_hi = self.cmul(IVLN2HI, hi);
                    let a = self.cmul(IVLN2LO, lohi);
                    let b = self.cmul(IVLN2HI, lo);
                    let val_lo = self.add(a, b);
                    (val_hi, dk, val_lo)
                } else {
                    const IVLN10HI: f64 = 4.34294481878168880939e-01;
                    const IVLN10LO: f64 = 2.50829467116452752298e-11;
                    const LOG10_2HI: f64 = 3.01029995663611771306e-01;
                    const LOG10_2LO: f64 = 3.69423907715893078616e-13;
                    let val_hi = self.cmul(IVLN10HI, hi);
                    let y2 = self.cmul(LOG10_2HI, dk);
                    let a = self.cmul(LOG10_2LO, dk);
                    let b = self.cmul(IVLN10LO, lohi);
                    let c = self.cmul(IVLN10HI, lo);
                    let val_lo = self.add(a, b);
                    let val_lo = self.add(val_lo, c);
                    (val_hi, y2, val_lo)
                };
                // Add y and val_hi exactly enough: w = y + val_hi, then the lost bits.
                let w = self.add(y, val_hi);
                let d = self.sub(y, w);
                let d = self.add(d, val_hi);
                let val_lo = self.add(val_lo, d);
                self.add(val_lo, w)
            }
        };
        // log(0) = -inf, log(x < 0) = NaN, log(inf) = inf, NaN stays NaN.
        let zero = self.c(0.0);
        let is_zero = self.b.eq(x, zero);
        let ninf = self.c(f64::NEG_INFINITY);
        let result = self.sel(is_zero, ninf, result);
        let big = self.gt_c(x, f64::MAX);
        let result = self.sel(big, x, result);
        let neg = self.b.lt(x, zero);
        let nan = self.is_nan(x);
        let bad = self.b.lor(neg, nan);
        let nan_value = self.c(f64::NAN);
        self.sel(bad, nan_value, result)
    }

    /// `exp(x) - 1` by Kahan's trick: with `u = exp(x)`, `(u - 1) * x / log(u)` cancels the
    /// rounding error of `u` (a couple of ulp at worst); near 0, its Taylor series.
    fn expm1(&mut self, x: Expr, exp: Handle<naga::Function>, log: Handle<naga::Function>) -> Expr {
        let u = self.b.call(exp, vec![x]);
        let one = self.c(1.0);
        let um1 = self.sub(u, one);
        let lu = self.b.call(log, vec![u]);
        // x / log(u) first: um1 * x could overflow.
        let t = self.div(x, lu);
        let r = self.mul(um1, t);
        let u_one = self.b.eq(u, one);
        let r = self.sel(u_one, x, r);
        let m1 = self.c(-1.0);
        let saturated = self.b.eq(um1, m1);
        let r = self.sel(saturated, m1, r);
        let inf = self.gt_c(u, f64::MAX);
        let r = self.sel(inf, u, r);
        // |x| < 0.7: the Taylor series (to x^20 / 20!, far below an ulp) is more accurate.
        let coeffs: Vec<f64> = (1..=20u32).map(|k| 1.0 / (1..=k).map(f64::from).product::<f64>()).collect();
        let p = self.poly(x, &coeffs);
        let series = self.mul(x, p);
        let ax = self.abs(x);
        let small = self.lt_c(ax, 0.7);
        self.sel(small, series, r)
    }

    /// `log(1 + x)` by Kahan's trick: `log(u) * x / (u - 1)` with `u = 1 + x`.
    fn log1p(&mut self, x: Expr, log: Handle<naga::Function>) -> Expr {
        let one = self.c(1.0);
        let u = self.add(one, x);
        let lu = self.b.call(log, vec![u]);
        let um1 = self.sub(u, one);
        let t = self.mul(lu, x);
        let r = self.div(t, um1);
        let u_one = self.b.eq(u, one);
        let r = self.sel(u_one, x, r);
        // u == 0 (x == -1): log gives -inf already; u == inf: inf.
        let inf = self.gt_c(u, f64::MAX);
        let r = self.sel(inf, u, r);
        let zero = self.c(0.0);
        let u_zero = self.b.eq(u, zero);
        self.sel(u_zero, lu, r)
    }

    // ---- hyperbolic --------------------------------------------------------------------

    /// fdlibm `__ieee754_sinh`.
    fn sinh(&mut self, x: Expr, expm1: Handle<naga::Function>, exp: Handle<naga::Function>) -> Expr {
        let neg = self.sign_bit(x);
        let ax = self.abs(x);
        let t = self.b.call(expm1, vec![ax]);
        let one = self.c(1.0);
        let t1 = self.add(t, one);
        let tt = self.mul(t, t);
        let q = self.div(tt, t1);
        let two_t = self.cmul(2.0, t);
        let small = self.sub(two_t, q); // |x| < 1: 2t - t^2 / (t + 1)
        let q2 = self.div(t, t1);
        let large = self.add(t, q2); // t + t / (t + 1)
        let lt1 = self.lt_c(ax, 1.0);
        let v = self.sel(lt1, small, large);
        let v = self.cmul(0.5, v);
        // |x| near the overflow threshold: exp(|x|/2)^2 / 2 does not overflow early.
        let hx = self.cmul(0.5, ax);
        let w = self.b.call(exp, vec![hx]);
        let hw = self.cmul(0.5, w);
        let huge = self.mul(hw, w);
        let big = self.gt_c(ax, 7.09782712893383973096e+02);
        let v = self.sel(big, huge, v);
        self.with_sign(neg, v)
    }

    /// fdlibm `__ieee754_cosh` (simplified: no cancellation happens in `(e + 1/e) / 2`).
    fn cosh(&mut self, x: Expr, exp: Handle<naga::Function>) -> Expr {
        let ax = self.abs(x);
        let e = self.b.call(exp, vec![ax]);
        let half = self.c(0.5);
        let he = self.mul(half, e);
        let inv = self.div(half, e);
        let v = self.add(he, inv);
        let hx = self.cmul(0.5, ax);
        let w = self.b.call(exp, vec![hx]);
        let hw = self.mul(half, w);
        let huge = self.mul(hw, w);
        let big = self.gt_c(ax, 7.09782712893383973096e+02);
        self.sel(big, huge, v)
    }

    /// fdlibm `tanh`.
    fn tanh(&mut self, x: Expr, expm1: Handle<naga::Function>) -> Expr {
        let neg = self.sign_bit(x);
        let ax = self.abs(x);
        let two = self.c(2.0);
        let one = self.c(1.0);
        // |x| >= 1: 1 - 2 / (expm1(2|x|) + 2)
        let a2 = self.mul(two, ax);
        let t = self.b.call(expm1, vec![a2]);
        let t2 = self.add(t, two);
        let q = self.div(two, t2);
        let big = self.sub(one, q);
        // |x| < 1: -t / (t + 2) with t = expm1(-2|x|)
        let na2 = self.neg(a2);
        let t = self.b.call(expm1, vec![na2]);
        let t2 = self.add(t, two);
        let nt = self.neg(t);
        let small = self.div(nt, t2);
        let ge1 = self.ge_c(ax, 1.0);
        let v = self.sel(ge1, big, small);
        let huge = self.ge_c(ax, 22.0);
        let v = self.sel(huge, one, v);
        self.with_sign(neg, v)
    }

    // ---- trigonometric -----------------------------------------------------------------

    /// fdlibm `__kernel_sin(x, y)` on [-π/4, π/4] (x + y the reduced argument).
    fn k_sin(&mut self, x: Expr, y: Expr) -> Expr {
        const S: [f64; 6] = [
            -1.66666666666666324348e-01,
            8.33333333332248946124e-03,
            -1.98412698298579493134e-04,
            2.75573137070700676789e-06,
            -2.50507602534068634195e-08,
            1.58969099521155010221e-10,
        ];
        let z = self.mul(x, x);
        let v = self.mul(z, x);
        let r = self.poly(z, &S[1..]);
        // x - ((z (y/2 - v r) - y) - v S1)
        let hy = self.cmul(0.5, y);
        let vr = self.mul(v, r);
        let a = self.sub(hy, vr);
        let a = self.mul(z, a);
        let a = self.sub(a, y);
        let vs = self.cmul(S[0], v);
        let a = self.sub(a, vs);
        self.sub(x, a)
    }

    /// fdlibm `__kernel_cos(x, y)` (musl's form).
    fn k_cos(&mut self, x: Expr, y: Expr) -> Expr {
        const C: [f64; 6] = [
            4.16666666666666019037e-02,
            -1.38888888888741095749e-03,
            2.48015872894767294178e-05,
            -2.75573143513906633035e-07,
            2.08757232129817482790e-09,
            -1.13596475577881948265e-11,
        ];
        let z = self.mul(x, x);
        let w = self.mul(z, z);
        let p1 = self.poly(z, &C[..3]);
        let p1 = self.mul(z, p1);
        let p2 = self.poly(z, &C[3..]);
        let ww = self.mul(w, w);
        let p2 = self.mul(ww, p2);
        let r = self.add(p1, p2);
        let hz = self.cmul(0.5, z);
        let one = self.c(1.0);
        let w = self.sub(one, hz);
        // w + (((1 - w) - hz) + (z r - x y))
        let a = self.sub(one, w);
        let a = self.sub(a, hz);
        let zr = self.mul(z, r);
        let xy = self.mul(x, y);
        let d = self.sub(zr, xy);
        let a = self.add(a, d);
        self.add(w, a)
    }

    /// fdlibm `__kernel_tan(x, y, odd)` (musl's form); `odd` a bool: -1/tan instead.
    fn k_tan(&mut self, x0: Expr, y0: Expr, odd: Expr) -> Expr {
        const T: [f64; 13] = [
            3.33333333333334091986e-01,
            1.33333333333201242699e-01,
            5.39682539762260521377e-02,
            2.18694882948595424599e-02,
            8.86323982359930005737e-03,
            3.59207910759131235356e-03,
            1.45620945432529025516e-03,
            5.88041240820264096874e-04,
            2.46463134818469906812e-04,
            7.81794442939557092300e-05,
            7.14072491382608190305e-05,
            -1.85586374855275456654e-05,
            2.59073051863633712884e-05,
        ];
        const PIO4: f64 = 7.85398163397448278999e-01;
        const PIO4LO: f64 = 3.06161699786838301793e-17;
        let ax = self.abs(x0);
        let big = self.ge_c(ax, 0.6744);
        let sign = self.sign_bit(x0);
        // big: tan(π/4 - |x|) identities.
        let ay = self.with_sign(sign, y0);
        let p = self.c(PIO4);
        let pl = self.c(PIO4LO);
        let a = self.sub(p, ax);
        let bb = self.sub(pl, ay);
        let xb = self.add(a, bb);
        let x = self.sel(big, xb, x0);
        let zero = self.c(0.0);
        let y = self.sel(big, zero, y0);
        let z = self.mul(x, x);
        let w = self.mul(z, z);
        let r = self.poly(w, &[T[1], T[3], T[5], T[7], T[9], T[11]]);
        let v = self.poly(w, &[T[2], T[4], T[6], T[8], T[10], T[12]]);
        let v = self.mul(z, v);
        let s = self.mul(z, x);
        // r = y + z (s (r + v) + y) + s T0
        let rv = self.add(r, v);
        let a = self.mul(s, rv);
        let a = self.add(a, y);
        let a = self.mul(z, a);
        let a = self.add(y, a);
        let st = self.cmul(T[0], s);
        let r = self.add(a, st);
        let w = self.add(x, r);
        // big: v = s - 2 (x + (r - w^2 / (w + s))) with s = 1 or -1 (odd), sign of x0.
        let one = self.c(1.0);
        let m1 = self.c(-1.0);
        let sg = self.sel(odd, m1, one);
        let ww = self.mul(w, w);
        let ws = self.add(w, sg);
        let q = self.div(ww, ws);
        let q = self.sub(r, q);
        let q = self.add(x, q);
        let q = self.cmul(2.0, q);
        let vb = self.sub(sg, q);
        let big_result = self.with_sign(sign, vb);
        // small, odd: -1 / (x + r) computed accurately.
        let w0 = self.clear_low(w);
        let d = self.sub(w0, x);
        let v = self.sub(r, d); // w0 + v = r + x
        let a = self.div(m1, w);
        let a0 = self.clear_low(a);
        let t = self.mul(a0, w0);
        let t = self.add(one, t);
        let av = self.mul(a0, v);
        let t = self.add(t, av);
        let t = self.mul(a, t);
        let odd_result = self.add(a0, t);
        let small_result = self.sel(odd, odd_result, w);
        self.sel(big, big_result, small_result)
    }

    /// Range reduction (fdlibm's medium path of `__ieee754_rem_pio2`, always with all three
    /// parts of π/2) and the kernels.
    fn sin_cos_tan(&mut self, x: Expr, which: Trig) -> Expr {
        const INVPIO2: f64 = 6.36619772367581382433e-01;
        const PIO2_1: f64 = 1.57079632673412561417e+00;
        const PIO2_2: f64 = 6.07710050630396597660e-11;
        const PIO2_3: f64 = 2.02226624871116645580e-21;
        const PIO2_3T: f64 = 8.47842766036889956997e-32;
        let neg = self.sign_bit(x);
        let t = self.abs(x);
        let tq = self.cmul(INVPIO2, t);
        let half = self.c(0.5);
        let tq = self.add(tq, half);
        let fnn = self.b.math1(Mf::Floor, tq);
        // Quadrant: fn mod 4, in floats (fn may exceed any int for huge x).
        let q4 = self.cmul(0.25, fnn);
        let q4 = self.b.math1(Mf::Floor, q4);
        let q4 = self.cmul(4.0, q4);
        let quadrant = self.sub(fnn, q4);
        // r = t - fn (π/2), in three exact steps (fn * PIO2_k is exact for fn < 2^20).
        let w = self.cmul(PIO2_1, fnn);
        let r = self.sub(t, w);
        // Round 2: t = r; w = fn*pio2_2; r = t - w; w = fn*pio2_2t - ((t - r) - w)
        let w = self.cmul(PIO2_2, fnn);
        let r2 = self.sub(r, w);
        let a = self.sub(r, r2);
        let a = self.sub(a, w);
        // Round 3 (on top of round 2's r): t = r; w = fn*pio2_3; r = t - w;
        // w = fn*pio2_3t - ((t - r) - w)
        let w3 = self.cmul(PIO2_3, fnn);
        let r3 = self.sub(r2, w3);
        let b = self.sub(r2, r3);
        let b = self.sub(b, w3);
        let w3t = self.cmul(PIO2_3T, fnn);
        let w = self.sub(w3t, b);
        // The error of round 2's step also goes into the tail.
        let w = self.sub(w, a);
        let y0 = self.sub(r3, w);
        let y1 = self.sub(r3, y0);
        let y1 = self.sub(y1, w);
        let result = match which {
            Trig::Tan => {
                let one = self.c(1.0);
                let two = self.c(2.0);
                let hq = self.div(quadrant, two);
                let hq = self.b.math1(Mf::Floor, hq);
                let hq = self.mul(hq, two);
                let parity = self.sub(quadrant, hq);
                let odd = self.b.eq(parity, one);
                let v = self.k_tan(y0, y1, odd);
                return self.with_sign(neg, v);
            }
            Trig::Sin | Trig::Cos => {
                let s = self.k_sin(y0, y1);
                let c = self.k_cos(y0, y1);
                let ns = self.neg(s);
                let nc = self.neg(c);
                // sin: s, c, -s, -c by quadrant; cos: c, -s, -c, s.
                let (v0, v1, v2, v3) = if which == Trig::Sin { (s, c, ns, nc) } else { (c, ns, nc, s) };
                let q1 = self.eq_c(quadrant, 1.0);
                let q2 = self.eq_c(quadrant, 2.0);
                let q3 = self.eq_c(quadrant, 3.0);
                let v = self.sel(q1, v1, v0);
                let v = self.sel(q2, v2, v);
                self.sel(q3, v3, v)
            }
        };
        if which == Trig::Sin {
            self.with_sign(neg, result)
        } else {
            result
        }
    }

    // ---- inverse trigonometric ---------------------------------------------------------

    /// fdlibm's rational approximation R(z) of (asin(√z)/√z - 1)/z, used by asin and acos.
    fn asin_r(&mut self, z: Expr) -> Expr {
        const PS: [f64; 6] = [
            1.66666666666666657415e-01,
            -3.25565818622400915405e-01,
            2.01212532134862925881e-01,
            -4.00555345006794114027e-02,
            7.91534994289814532176e-04,
            3.47933107596021167570e-05,
        ];
        const QS: [f64; 5] = [
            1.0,
            -2.40339491173441421878e+00,
            2.02094576023350569471e+00,
            -6.88283971605453293030e-01,
            7.70381505559019352791e-02,
        ];
        let p = self.poly(z, &PS);
        let p = self.mul(z, p);
        let q = self.poly(z, &QS);
        self.div(p, q)
    }

    /// fdlibm `__ieee754_asin`.
    fn asin(&mut self, x: Expr) -> Expr {
        const PIO2_HI: f64 = 1.57079632679489655800e+00;
        const PIO2_LO: f64 = 6.12323399573676603587e-17;
        const PIO4_HI: f64 = 7.85398163397448278999e-01;
        let neg = self.sign_bit(x);
        let ax = self.abs(x);
        // |x| < 0.5: x + x R(x^2)
        let xx = self.mul(x, x);
        let r = self.asin_r(xx);
        let xr = self.mul(x, r);
        let small = self.add(x, xr);
        // |x| >= 0.5: from sqrt((1 - |x|) / 2).
        let one = self.c(1.0);
        let z = self.sub(one, ax);
        let z = self.cmul(0.5, z);
        let s = self.sqrt(z);
        let r = self.asin_r(z);
        // |x| >= 0.975: pio2_hi - (2 (s + s r) - pio2_lo)
        let sr = self.mul(s, r);
        let a = self.add(s, sr);
        let a = self.cmul(2.0, a);
        let pl = self.c(PIO2_LO);
        let a = self.sub(a, pl);
        let ph = self.c(PIO2_HI);
        let near1 = self.sub(ph, a);
        // else: f = s with its low word cleared, c = (z - f^2) / (s + f),
        // pio4_hi - (2 s r - (pio2_lo - 2c) - (pio4_hi - 2f))
        let f = self.clear_low(s);
        let ff = self.mul(f, f);
        let num = self.sub(z, ff);
        let den = self.add(s, f);
        let c = self.div(num, den);
        let two_sr = self.cmul(2.0, sr);
        let two_c = self.cmul(2.0, c);
        let pl2 = self.sub(pl, two_c);
        let p = self.sub(two_sr, pl2);
        let p4 = self.c(PIO4_HI);
        let two_f = self.cmul(2.0, f);
        let q = self.sub(p4, two_f);
        let pq = self.sub(p, q);
        let mid = self.sub(p4, pq);
        let ge975 = self.ge_c(ax, 0.975);
        let large = self.sel(ge975, near1, mid);
        let large = self.with_sign(neg, large);
        let lt_half = self.lt_c(ax, 0.5);
        let v = self.sel(lt_half, small, large);
        // |x| == 1: ±π/2 exactly as fdlibm rounds it.
        let pio2 = self.c(PIO2_HI + PIO2_LO);
        let pio2 = self.with_sign(neg, pio2);
        let is_one = self.eq_c(ax, 1.0);
        self.sel(is_one, pio2, v)
    }

    /// fdlibm `__ieee754_acos`.
    fn acos(&mut self, x: Expr) -> Expr {
        const PIO2_HI: f64 = 1.57079632679489655800e+00;
        const PIO2_LO: f64 = 6.12323399573676603587e-17;
        let one = self.c(1.0);
        let ph = self.c(PIO2_HI);
        let pl = self.c(PIO2_LO);
        // |x| < 0.5: pio2_hi - (x - (pio2_lo - x R(x^2)))
        let xx = self.mul(x, x);
        let r = self.asin_r(xx);
        let xr = self.mul(x, r);
        let a = self.sub(pl, xr);
        let a = self.sub(x, a);
        let small = self.sub(ph, a);
        // x < -0.5: 2 (pio2_hi - (s + (R(z) s - pio2_lo))) with z = (1 + x) / 2
        let z = self.add(one, x);
        let z = self.cmul(0.5, z);
        let s = self.sqrt(z);
        let r = self.asin_r(z);
        let rs = self.mul(r, s);
        let w = self.sub(rs, pl);
        let a = self.add(s, w);
        let a = self.sub(ph, a);
        let negative = self.cmul(2.0, a);
        // x > 0.5: 2 (df + (R(z) s + c)) with z = (1 - x) / 2, df = s with low word cleared,
        // c = (z - df^2) / (s + df)
        let z = self.sub(one, x);
        let z = self.cmul(0.5, z);
        let s = self.sqrt(z);
        let df = self.clear_low(s);
        let dd = self.mul(df, df);
        let num = self.sub(z, dd);
        let den = self.add(s, df);
        let c = self.div(num, den);
        let r = self.asin_r(z);
        let rs = self.mul(r, s);
        let w = self.add(rs, c);
        let a = self.add(df, w);
        let positive = self.cmul(2.0, a);
        let ax = self.abs(x);
        let lt_half = self.lt_c(ax, 0.5);
        let xneg = self.lt_c(x, 0.0);
        let large = self.sel(xneg, negative, positive);
        let v = self.sel(lt_half, small, large);
        // Exact ends: acos(1) = 0, acos(-1) = π.
        let is_one = self.eq_c(x, 1.0);
        let zero = self.c(0.0);
        let v = self.sel(is_one, zero, v);
        let is_m1 = self.eq_c(x, -1.0);
        let pi = self.c(2.0 * PIO2_HI + 2.0 * PIO2_LO);
        self.sel(is_m1, pi, v)
    }

    /// fdlibm `atan`.
    fn atan(&mut self, x: Expr) -> Expr {
        const ATANHI: [f64; 4] = [
            4.63647609000806093515e-01,
            7.85398163397448278999e-01,
            9.82793723247329054082e-01,
            1.57079632679489655800e+00,
        ];
        const ATANLO: [f64; 4] = [
            2.26987774529616870924e-17,
            3.06161699786838301793e-17,
            1.39033110312309984516e-17,
            6.12323399573676603587e-17,
        ];
        const AT: [f64; 11] = [
            3.33333333333329318027e-01,
            -1.99999999998764832476e-01,
            1.42857142725034663711e-01,
            -1.11111104054623557880e-01,
            9.09088713343650656196e-02,
            -7.69187620504482999495e-02,
            6.66107313738753120669e-02,
            -5.83357013379057348645e-02,
            4.97687799461593236017e-02,
            -3.65315727442169155270e-02,
            1.62858201153657823623e-02,
        ];
        let neg = self.sign_bit(x);
        let t = self.abs(x);
        let one = self.c(1.0);
        let two = self.c(2.0);
        // Argument reduction by interval: id 0..3 (or none below 7/16).
        let c0 = self.lt_c(t, 0.4375);
        let c1 = self.lt_c(t, 0.6875);
        let c2 = self.lt_c(t, 1.1875);
        let c3 = self.lt_c(t, 2.4375);
        // id 0: (2t - 1) / (2 + t)
        let a = self.mul(two, t);
        let a = self.sub(a, one);
        let d = self.add(two, t);
        let x0 = self.div(a, d);
        // id 1: (t - 1) / (t + 1)
        let a = self.sub(t, one);
        let d = self.add(t, one);
        let x1 = self.div(a, d);
        // id 2: (t - 1.5) / (1 + 1.5 t)
        let onehalf = self.c(1.5);
        let a = self.sub(t, onehalf);
        let d = self.cmul(1.5, t);
        let d = self.add(one, d);
        let x2 = self.div(a, d);
        // id 3: -1 / t
        let m1 = self.c(-1.0);
        let x3 = self.div(m1, t);
        let xr = self.sel(c3, x2, x3);
        let xr = self.sel(c2, x1, xr);
        let xr = self.sel(c1, x0, xr);
        let xr = self.sel(c0, t, xr);
        let pick = |m: &mut Self, v: [f64; 4]| {
            let h3 = m.c(v[3]);
            let h2 = m.c(v[2]);
            let h1 = m.c(v[1]);
            let h0 = m.c(v[0]);
            let h = m.sel(c3, h2, h3);
            let h = m.sel(c2, h1, h);
            m.sel(c1, h0, h)
        };
        let hi = pick(self, ATANHI);
        let lo = pick(self, ATANLO);
        let z = self.mul(xr, xr);
        let w = self.mul(z, z);
        let s1 = self.poly(w, &[AT[0], AT[2], AT[4], AT[6], AT[8], AT[10]]);
        let s1 = self.mul(z, s1);
        let s2 = self.poly(w, &[AT[1], AT[3], AT[5], AT[7], AT[9]]);
        let s2 = self.mul(w, s2);
        let s = self.add(s1, s2);
        let xs = self.mul(xr, s);
        let plain = self.sub(xr, xs);
        let a = self.sub(xs, lo);
        let a = self.sub(a, xr);
        let reduced = self.sub(hi, a);
        let v = self.sel(c0, plain, reduced);
        let v = self.with_sign(neg, v);
        // NaN stays NaN (the interval tests are all false for it).
        let nan = self.is_nan(x);
        self.sel(nan, x, v)
    }

    /// fdlibm `__ieee754_atan2(y, x)`.
    fn atan2(&mut self, y: Expr, x: Expr, atan: Handle<naga::Function>) -> Expr {
        const PI: f64 = 3.1415926535897931160E+00;
        const PI_LO: f64 = 1.2246467991473531772E-16;
        const PIO2: f64 = 1.57079632679489655800e+00;
        const PIO4: f64 = 7.85398163397448278999e-01;
        let zero = self.c(0.0);
        let y_neg = self.sign_bit(y);
        let x_neg = self.sign_bit(x);
        // z = atan(|y / x|), except when the exponents are far apart.
        let q = self.div(y, x);
        let aq = self.abs(q);
        let z = self.b.call(atan, vec![aq]);
        let ey = self.high(y);
        let ex = self.high(x);
        let mask = self.b.i64(0x7ff0_0000);
        let ey = self.b.and(ey, mask);
        let ex = self.b.and(ex, mask);
        let k = self.b.sub(ey, ex);
        let twenty = self.b.u32(20);
        let k = self.b.shr(k, twenty);
        let sixty = self.b.i64(60);
        let m60 = self.b.i64(-60);
        let y_much_bigger = self.b.gt(k, sixty);
        let y_much_smaller = self.b.lt(k, m60);
        let tiny_q = self.b.land(x_neg, y_much_smaller);
        let hpi = self.c(PIO2 + 0.5 * PI_LO);
        let z = self.sel(tiny_q, zero, z);
        let z = self.sel(y_much_bigger, hpi, z);
        // Quadrants: m = 2 * sign(x) + sign(y) (the "y much bigger" case ignores x's sign).
        let x_neg_q = {
            let nb = self.b.not(y_much_bigger);
            self.b.land(x_neg, nb)
        };
        let pl = self.c(PI_LO);
        let pi = self.c(PI);
        let zl = self.sub(z, pl);
        let m2 = self.sub(pi, zl); // π - (z - pi_lo)
        let m3 = self.sub(zl, pi); // (z - pi_lo) - π
        let nz = self.neg(z);
        let upper = self.sel(y_neg, nz, z);
        let lower = self.sel(y_neg, m3, m2);
        let general = self.sel(x_neg_q, lower, upper);
        // Special cases, innermost first.
        // y infinite (x finite): ±π/2.
        let pio2 = self.c(PIO2 + 0.5 * PI_LO);
        let spio2 = self.with_sign(y_neg, pio2);
        let y_inf = crate::math::is_inf(self.b, Scalar::F64, y);
        let v = self.sel(y_inf, spio2, general);
        // x infinite: 0 or π (y finite), π/4 or 3π/4 (y infinite), signed like y.
        let x_inf = crate::math::is_inf(self.b, Scalar::F64, x);
        let p4 = self.c(PIO4);
        let p34 = self.c(3.0 * PIO4);
        let both = self.sel(x_neg, p34, p4);
        let fin = self.sel(x_neg, pi, zero);
        let xv = self.sel(y_inf, both, fin);
        let xv = self.with_sign(y_neg, xv);
        let v = self.sel(x_inf, xv, v);
        // x == 0 (y not zero): ±π/2.
        let x_zero = self.b.eq(x, zero);
        let v = self.sel(x_zero, spio2, v);
        // y == 0: ±0 (x positive) or ±π (x negative, -0 included).
        let spi = self.with_sign(y_neg, pi);
        let yz = self.sel(x_neg, spi, y);
        let y_zero = self.b.eq(y, zero);
        let v = self.sel(y_zero, yz, v);
        // x == 1: atan(y) (sign included).
        let ay = self.abs(y);
        let at = self.b.call(atan, vec![ay]);
        let at = self.with_sign(y_neg, at);
        let x_one = self.eq_c(x, 1.0);
        let v = self.sel(x_one, at, v);
        // NaN in, NaN out.
        let xn = self.is_nan(x);
        let yn = self.is_nan(y);
        let nan = self.b.lor(xn, yn);
        let sum = self.add(x, y);
        self.sel(nan, sum, v)
    }

    // ---- pow -----------------------------------------------------------------------------

    /// fdlibm `__ieee754_pow` for `x >= 0`: log2(x) in extra precision (t1 + t2), y split
    /// into y1 + y2, then 2^(y log2 x) with the exponent's high and low parts.
    fn pow_positive(&mut self, x: Expr, y: Expr) -> Expr {
        const BP: [f64; 2] = [1.0, 1.5];
        const DP_H: [f64; 2] = [0.0, 5.84962487220764160156e-01];
        const DP_L: [f64; 2] = [0.0, 1.35003920212974897128e-08];
        const L: [f64; 6] = [
            5.99999999999994648725e-01,
            4.28571428578550184252e-01,
            3.33333329818377432918e-01,
            2.72728123808534006489e-01,
            2.30660745775561754067e-01,
            2.06975017800338417784e-01,
        ];
        const P: [f64; 5] = [
            1.66666666666666019037e-01,
            -2.77777777770155933842e-03,
            6.61375632143793436117e-05,
            -1.65339022054652515390e-06,
            4.13813679705723846039e-08,
        ];
        const LG2: f64 = 6.93147180559945286227e-01;
        const LG2_H: f64 = 6.93147182464599609375e-01;
        const LG2_L: f64 = -1.90465429995776804525e-09;
        const OVT: f64 = 8.0085662595372944372e-17;
        const CP: f64 = 9.61796693925975554329e-01;
        const CP_H: f64 = 9.61796700954437255859e-01;
        const CP_L: f64 = -7.02846165095275826516e-09;
        let one = self.c(1.0);
        // Subnormal x: scale by 2^53.
        let sub = self.lt_c(x, f64::MIN_POSITIVE);
        let xs53 = self.cmul(9007199254740992.0, x);
        let ax = self.sel(sub, xs53, x);
        let m53 = self.b.i64(-53);
        let zero_i = self.b.i64(0);
        let n0 = self.sel(sub, m53, zero_i);
        let ix = self.high(ax);
        let twenty = self.b.u32(20);
        let e = self.b.shr(ix, twenty);
        let bias = self.b.i64(0x3ff);
        let e = self.b.sub(e, bias);
        let n = self.b.add(n0, e);
        let mant = self.b.i64(0x000f_ffff);
        let j = self.b.and(ix, mant);
        let norm = self.b.i64(0x3ff0_0000);
        let ix = self.b.or(j, norm);
        // Interval: k = 0 for m < sqrt(3/2), 1 for m < sqrt(3), else m / 2 with n + 1.
        let lim0 = self.b.i64(0x3988e);
        let lim1 = self.b.i64(0xbb67a);
        let k0 = self.b.le(j, lim0);
        let k1 = self.b.lt(j, lim1);
        let is_k1 = {
            let nk0 = self.b.not(k0);
            self.b.land(nk0, k1)
        };
        let halve = {
            let a = self.b.not(k0);
            let b = self.b.not(k1);
            self.b.land(a, b)
        };
        let one_i = self.b.i64(1);
        let n_plus = self.b.add(n, one_i);
        let n = self.sel(halve, n_plus, n);
        let step = self.b.i64(0x0010_0000);
        let ix_half = self.b.sub(ix, step);
        let ix = self.sel(halve, ix_half, ix);
        // ax = m with high word ix.
        let axb = self.bits(ax);
        let low_mask = self.b.u64(0xffff_ffff);
        let low = self.b.and(axb, low_mask);
        let hi = self.with_high(ix);
        let hib = self.bits(hi);
        let mb = self.b.or(hib, low);
        let ax = self.float_of_bits(mb);
        let pick = |m: &mut Self, v: [f64; 2]| {
            let a = m.c(v[1]);
            let b = m.c(v[0]);
            m.sel(is_k1, a, b)
        };
        let bp = pick(self, BP);
        let dp_h = pick(self, DP_H);
        let dp_l = pick(self, DP_L);
        // ss = s_h + s_l = (x - bp) / (x + bp)
        let u = self.sub(ax, bp);
        let apb = self.add(ax, bp);
        let v = self.div(one, apb);
        let ss = self.mul(u, v);
        let s_h = self.clear_low(ss);
        // t_h = ax + bp, high part.
        let one_u = self.b.u32(1);
        let th = self.b.shr(ix, one_u);
        let c1 = self.b.i64(0x2000_0000);
        let th = self.b.or(th, c1);
        let c2 = self.b.i64(0x0008_0000);
        let th = self.b.add(th, c2);
        let kshift = {
            let v = self.b.i64(1 << 18);
            let z = self.b.i64(0);
            self.sel(is_k1, v, z)
        };
        let th = self.b.add(th, kshift);
        let t_h = self.with_high(th);
        let thb = self.sub(t_h, bp);
        let t_l = self.sub(ax, thb);
        // s_l = v ((u - s_h t_h) - s_h t_l)
        let a = self.mul(s_h, t_h);
        let a = self.sub(u, a);
        let b = self.mul(s_h, t_l);
        let a = self.sub(a, b);
        let s_l = self.mul(v, a);
        // log(ax)
        let s2 = self.mul(ss, ss);
        let s4 = self.mul(s2, s2);
        let r = self.poly(s2, &L);
        let r = self.mul(s4, r);
        let shs = self.add(s_h, ss);
        let a = self.mul(s_l, shs);
        let r = self.add(r, a);
        let s2 = self.mul(s_h, s_h);
        let three = self.c(3.0);
        let t_h = self.add(three, s2);
        let t_h = self.add(t_h, r);
        let t_h = self.clear_low(t_h);
        let a = self.sub(t_h, three);
        let a = self.sub(a, s2);
        let t_l = self.sub(r, a);
        // u + v = ss (1 + ...)
        let u = self.mul(s_h, t_h);
        let a = self.mul(s_l, t_h);
        let b = self.mul(t_l, ss);
        let v = self.add(a, b);
        // 2 / (3 log 2) (ss + ...)
        let p_h = self.add(u, v);
        let p_h = self.clear_low(p_h);
        let a = self.sub(p_h, u);
        let p_l = self.sub(v, a);
        let z_h = self.cmul(CP_H, p_h);
        let a = self.cmul(CP_L, p_h);
        let b = self.cmul(CP, p_l);
        let z_l = self.add(a, b);
        let z_l = self.add(z_l, dp_l);
        // log2(ax) = (ss + ...) 2 / (3 log 2) = n + dp_h + z_h + z_l
        let t = self.b.convert(n, NK::Float, 8);
        let t1 = self.add(z_h, z_l);
        let t1 = self.add(t1, dp_h);
        let t1 = self.add(t1, t);
        let t1 = self.clear_low(t1);
        let a = self.sub(t1, t);
        let a = self.sub(a, dp_h);
        let a = self.sub(a, z_h);
        let t2 = self.sub(z_l, a);
        // (y1 + y2) (t1 + t2)
        let y1 = self.clear_low(y);
        let a = self.sub(y, y1);
        let a = self.mul(a, t1);
        let b = self.mul(y, t2);
        let p_l = self.add(a, b);
        let p_h = self.mul(y1, t1);
        let z = self.add(p_l, p_h);
        // Overflow / underflow of 2^z.
        let zmp = self.sub(z, p_h);
        let over_hi = self.gt_c(z, 1024.0);
        let at_hi = self.eq_c(z, 1024.0);
        let ovt = self.c(OVT);
        let plo = self.add(p_l, ovt);
        let over_edge = self.b.gt(plo, zmp);
        let over_edge = self.b.land(at_hi, over_edge);
        let overflow = self.b.lor(over_hi, over_edge);
        let under_lo = self.lt_c(z, -1075.0);
        let at_lo = self.eq_c(z, -1075.0);
        let under_edge = self.b.le(p_l, zmp);
        let under_edge = self.b.land(at_lo, under_edge);
        let underflow = self.b.lor(under_lo, under_edge);
        // 2^(p_h + p_l): n = nearest integer to z (0 when |z| <= 0.5), p_h -= n.
        let az = self.abs(z);
        let big = self.gt_c(az, 0.5);
        let half = self.c(0.5);
        let zh = self.add(z, half);
        let nf = self.b.math1(Mf::Floor, zh);
        let zero = self.c(0.0);
        let nf = self.sel(big, nf, zero);
        // Keep the int conversion in range (the result is replaced when out of range).
        let lo = self.c(-1100.0);
        let hi = self.c(1100.0);
        let nf = self.b.math2(Mf::Max, nf, lo);
        let nf = self.b.math2(Mf::Min, nf, hi);
        let n = self.b.convert(nf, NK::Sint, 8);
        let p_h = self.sub(p_h, nf);
        let t = self.add(p_l, p_h);
        let t = self.clear_low(t);
        let u = self.cmul(LG2_H, t);
        let a = self.sub(t, p_h);
        let a = self.sub(p_l, a);
        let a = self.cmul(LG2, a);
        let b = self.cmul(LG2_L, t);
        let v = self.add(a, b);
        let z = self.add(u, v);
        let a = self.sub(z, u);
        let w = self.sub(v, a);
        let t = self.mul(z, z);
        let p = self.poly(t, &P);
        let tp = self.mul(t, p);
        let t1 = self.sub(z, tp);
        let zt1 = self.mul(z, t1);
        let two = self.c(2.0);
        let den = self.sub(t1, two);
        let r = self.div(zt1, den);
        let zw = self.mul(z, w);
        let wz = self.add(w, zw);
        let r = self.sub(r, wz);
        let rz = self.sub(r, z);
        let z = self.sub(one, rz);
        let result = self.scale(z, n);
        let inf = self.c(f64::INFINITY);
        let result = self.sel(overflow, inf, result);
        let result = self.sel(underflow, zero, result);
        // Special arguments: |y| huge or infinite, x zero or infinite: 0 or inf, by
        // whether |x| < 1 and the sign of y.
        let ay = self.abs(y);
        let y_huge = self.gt_c(ay, 1.8446744073709552e19);
        let x_zero = self.b.eq(x, zero);
        let x_inf = self.gt_c(x, f64::MAX);
        let special = self.b.lor(y_huge, x_zero);
        let special = self.b.lor(special, x_inf);
        let x_small = self.lt_c(x, 1.0);
        let y_neg = self.lt_c(y, 0.0);
        let to_inf = self.b.eq(x_small, y_neg);
        let sv = self.sel(to_inf, inf, zero);
        let result = self.sel(special, sv, result);
        let xn = self.is_nan(x);
        let yn = self.is_nan(y);
        let nan = self.b.lor(xn, yn);
        let sum = self.add(x, y);
        self.sel(nan, sum, result)
    }
}

/// C's `fmod(x, y)`, exactly: long division of the significands, up to 11 (f64) or 8 (f32)
/// quotient bits per step with the integer remainder, then the remainder rescaled.
fn exact_fmod(b: &mut FnBuilder<'_>, s: Scalar, x: Expr, y: Expr) -> Expr {
    let wide = s.width == 8;
    let uint = if wide { Scalar::U64 } else { Scalar::U32 };
    let u = |b: &mut FnBuilder<'_>, v: u64| if wide { b.u64(v) } else { b.u32(v as u32) };
    let (mant_bits, exp_mask, bias, chunk) = if wide { (52u32, 0x7ffu64, 1023i64, 11u64) } else { (23, 0xff, 127, 8) };
    let mant_mask = (1u64 << mant_bits) - 1;
    let ux = b.bitcast(x, NK::Uint);
    let uy = b.bitcast(y, NK::Uint);
    let sign_mask = u(b, 1u64 << (mant_bits + if wide { 11 } else { 8 }));
    let abs_mask = b.expr(NE::Unary { op: naga::UnaryOperator::BitwiseNot, expr: sign_mask });
    let sign = b.and(ux, sign_mask);
    let ax = b.and(ux, abs_mask);
    let ay = b.and(uy, abs_mask);
    let shift = b.u32(mant_bits);
    let emask = u(b, exp_mask);
    let ex = b.shr(ax, shift);
    let ey = b.shr(ay, shift);
    let ex = b.and(ex, emask);
    let ey = b.and(ey, emask);
    let mmask = u(b, mant_mask);
    let implicit = u(b, 1u64 << mant_bits);
    let zero = u(b, 0);
    let one = u(b, 1);
    // Significand and exponent, subnormals as exponent 1 without the implicit bit.
    let parts = |b: &mut FnBuilder<'_>, a: Expr, e: Expr| {
        let m = b.and(a, mmask);
        let mi = b.or(m, implicit);
        let sub = b.eq(e, zero);
        let m = b.select(sub, m, mi);
        let e = b.select(sub, one, e);
        (m, e)
    };
    let (mx, ex) = parts(b, ax, ex);
    let (my, ey) = parts(b, ay, ey);
    // Special cases: NaN for y == 0, x infinite or either NaN; x itself for |x| < |y|.
    let inf_bits = u(b, exp_mask << mant_bits);
    let y_zero = b.eq(ay, zero);
    let x_nonfinite = b.ge(ax, inf_bits);
    let y_nan = b.gt(ay, inf_bits);
    let nan = b.lor(y_zero, x_nonfinite);
    let nan = b.lor(nan, y_nan);
    let x_small = b.lt(ax, ay);
    let general = {
        let a = b.lor(nan, x_small);
        b.not(a)
    };
    // r = mx mod (my * 2^(ex - ey)), computed as ((mx mod my) << k mod my ...).
    let r0 = b.rem(mx, my);
    let d0 = b.sub(ex, ey);
    let d0 = b.select(general, d0, zero);
    let r = b.local_with("fmod_r", uint, r0);
    let d = b.local_with("fmod_d", uint, d0);
    let chunk_c = u(b, chunk);
    // (The closures cannot fail: nothing here returns an error.)
    let _ = b.loop_(|b| {
        let dv = b.load(d);
        let z = u(b, 0);
        let done = b.eq(dv, z);
        b.when(done, |b| {
            b.stmt(naga::Statement::Break);
            Ok(())
        })?;
        let step = b.math2(Mf::Min, dv, chunk_c);
        let rv = b.load(r);
        let step32 = b.convert(step, NK::Uint, 4);
        let shifted = b.shl(rv, step32);
        let nr = b.rem(shifted, my);
        b.store(r, nr);
        let nd = b.sub(dv, step);
        b.store(d, nd);
        Ok(())
    });
    // result = r * 2^(ey - bias - mant_bits), exact; two power-of-two factors, as `scale`.
    let rv = b.load(r);
    let rf = b.convert(rv, NK::Float, s.width);
    let ey_i = b.convert(ey, NK::Sint, 8);
    let offset = b.i64(bias + i64::from(mant_bits));
    let k = b.sub(ey_i, offset);
    let two = b.i64(2);
    let k1 = b.div(k, two);
    let k2 = b.sub(k, k1);
    let pow2 = |b: &mut FnBuilder<'_>, k: Expr| {
        let bias_c = b.i64(bias);
        let e = b.add(k, bias_c);
        let e = b.convert(e, NK::Uint, s.width);
        let sh = b.u32(mant_bits);
        let v = b.shl(e, sh);
        b.bitcast(v, NK::Float)
    };
    let p1 = pow2(b, k1);
    let p2 = pow2(b, k2);
    let v = b.mul(rf, p1);
    let v = b.mul(v, p2);
    // The sign of x (zero results too).
    let vb = b.bitcast(v, NK::Uint);
    let vb = b.or(vb, sign);
    let v = b.bitcast(vb, NK::Float);
    let v = b.select(x_small, x, v);
    let nan_value = b.float(s.width, f64::NAN);
    b.select(nan, nan_value, v)
}
