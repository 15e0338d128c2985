//! Python's arithmetic on top of WGSL's: floor division and modulo, overflow predicates,
//! float atomics, and the `math` functions.
//!
//! Each helper reproduces what the CPU backend computes (`backends/cpu/src/function.rs` for
//! ints, `kiln_rt_float_floordiv` / `kiln_rt_float_mod` in the runtime for floats), so a
//! kernel gives the same results on every device. Divisors are known to be non-zero and math
//! arguments to be in the function's domain: the kernel lowering put the checks (and their
//! error sites) before the operation.

use kiln_ir::{AtomicOp, MathFunction, Span};
use naga::{Expression as NE, MathFunction as Mf, Scalar, ScalarKind as NK};

use crate::builder::{Expr, FnBuilder};
use crate::f64math;
use crate::KernelError;

pub(crate) use crate::f64math::MathLib;

/// `f64::MAX` or `f32::MAX`: `x > max` tests for `+inf` without an infinite constant.
fn max_finite(s: Scalar) -> f64 {
    if s.width == 4 {
        f32::MAX.into()
    } else {
        f64::MAX
    }
}

/// The sign bit of a float.
pub(crate) fn sign_bit(b: &mut FnBuilder<'_>, s: Scalar, x: Expr) -> Expr {
    let bits = b.bitcast(x, NK::Uint);
    let (shift, zero) = if s.width == 4 { (b.u32(31), b.u32(0)) } else { (b.u32(63), b.u64(0)) };
    let top = b.shr(bits, shift);
    b.ne(top, zero)
}

/// The absolute value's bits and the exponent mask, for classification.
fn abs_bits(b: &mut FnBuilder<'_>, s: Scalar, x: Expr) -> (Expr, Expr) {
    let bits = b.bitcast(x, NK::Uint);
    if s.width == 4 {
        let mask = b.u32(0x7fff_ffff);
        let exp = b.u32(0x7f80_0000);
        (b.and(bits, mask), exp)
    } else {
        let mask = b.u64(0x7fff_ffff_ffff_ffff);
        let exp = b.u64(0x7ff0_0000_0000_0000);
        (b.and(bits, mask), exp)
    }
}

// Classification by bit pattern: immune to fast-math assumptions about NaN.
pub(crate) fn is_nan(b: &mut FnBuilder<'_>, s: Scalar, x: Expr) -> Expr {
    let (a, exp) = abs_bits(b, s, x);
    b.gt(a, exp)
}
pub(crate) fn is_inf(b: &mut FnBuilder<'_>, s: Scalar, x: Expr) -> Expr {
    let (a, exp) = abs_bits(b, s, x);
    b.eq(a, exp)
}
pub(crate) fn is_finite(b: &mut FnBuilder<'_>, s: Scalar, x: Expr) -> Expr {
    let (a, exp) = abs_bits(b, s, x);
    b.lt(a, exp)
}

/// Whether a truncated remainder must move toward negative infinity: it is non-zero and its
/// sign differs from the divisor's (the CPU backend's `floor_adjust`).
fn floor_adjust(b: &mut FnBuilder<'_>, s: Scalar, rem: Expr, divisor: Expr) -> Expr {
    let zero = b.lit(crate::builder::zero_literal(s));
    let nonzero = b.ne(rem, zero);
    let signs = b.xor(rem, divisor);
    let differ = b.lt(signs, zero);
    b.land(nonzero, differ)
}

/// Python's `l // r` on signed ints (`r != 0`, and not `MIN // -1`).
pub(crate) fn int_floordiv(b: &mut FnBuilder<'_>, s: Scalar, l: Expr, r: Expr) -> Expr {
    // naga's division and remainder are total (its SPIR-V output guards zero and MIN / -1),
    // so these never trap.
    let q = b.div(l, r);
    let rem = b.rem(l, r);
    let adjust = floor_adjust(b, s, rem, r);
    let one = b.bool_to(adjust, s);
    b.sub(q, one)
}

/// Python's `l % r` on signed ints (`r != 0`): the result has the divisor's sign.
pub(crate) fn int_mod(b: &mut FnBuilder<'_>, s: Scalar, l: Expr, r: Expr) -> Expr {
    let rem = b.rem(l, r);
    let adjust = floor_adjust(b, s, rem, r);
    let fixed = b.add(rem, r);
    b.select(adjust, fixed, rem)
}

/// `copysign(0.0, sign_of)`.
fn signed_zero(b: &mut FnBuilder<'_>, s: Scalar, negative: Expr) -> Expr {
    let pz = b.float(s.width, 0.0);
    let nz = b.float(s.width, -0.0);
    b.select(negative, nz, pz)
}

/// The remainder of `fmod` moved to the divisor's sign, and whether it moved.
fn float_mod_parts(b: &mut FnBuilder<'_>, lib: &mut MathLib, s: Scalar, l: Expr, r: Expr) -> (Expr, Expr, Expr) {
    let m = f64math::fmod(b, lib, s, l, r);
    let zero = b.float(s.width, 0.0);
    let m_nonzero = b.fne(m, zero); // true for NaN, as C's `if (mod)`
    let r_neg = b.lt(r, zero);
    let m_neg = b.lt(m, zero);
    let differ = b.ne(r_neg, m_neg);
    let adjust = b.land(m_nonzero, differ);
    (m, adjust, m_nonzero)
}

/// Python's `l % r` on floats (`r != 0`), as `kiln_rt_float_mod`.
pub(crate) fn float_mod(b: &mut FnBuilder<'_>, lib: &mut MathLib, s: Scalar, l: Expr, r: Expr) -> Expr {
    let (m, adjust, m_nonzero) = float_mod_parts(b, lib, s, l, r);
    let fixed = b.add(m, r);
    let moved = b.select(adjust, fixed, m);
    let r_negative = sign_bit(b, s, r);
    let zero = signed_zero(b, s, r_negative);
    b.select(m_nonzero, moved, zero)
}

/// Python's `l // r` on floats (`r != 0`), as CPython's `float_divmod`.
pub(crate) fn float_floordiv(b: &mut FnBuilder<'_>, lib: &mut MathLib, s: Scalar, l: Expr, r: Expr) -> Expr {
    let (m, adjust, _) = float_mod_parts(b, lib, s, l, r);
    // `l - m` is (mathematically) an exact multiple of `r`; the division may be off by a
    // rounding error, which the snapping below removes.
    let diff = b.sub(l, m);
    let div = b.div(diff, r);
    let one = b.float(s.width, 1.0);
    let div_minus = b.sub(div, one);
    let div = b.select(adjust, div_minus, div);
    let f = b.math1(Mf::Floor, div);
    let frac = b.sub(div, f);
    let half = b.float(s.width, 0.5);
    let round_up = b.gt(frac, half);
    let f_plus = b.add(f, one);
    let snapped = b.select(round_up, f_plus, f);
    // A zero quotient takes the sign of the true quotient.
    let q = b.div(l, r);
    let q_negative = sign_bit(b, s, q);
    let zero = signed_zero(b, s, q_negative);
    let fzero = b.float(s.width, 0.0);
    let div_nonzero = b.fne(div, fzero);
    b.select(div_nonzero, snapped, zero)
}

/// Whether `l + r` overflows (two's complement, or unsigned).
pub(crate) fn add_overflows(b: &mut FnBuilder<'_>, s: Scalar, l: Expr, r: Expr) -> Expr {
    let sum = b.add(l, r);
    if s.kind == NK::Uint {
        return b.lt(sum, l);
    }
    // Overflow iff both operands have the same sign and the sum's sign differs.
    let a = b.xor(l, sum);
    let c = b.xor(r, sum);
    let both = b.and(a, c);
    let zero = b.lit(crate::builder::zero_literal(s));
    b.lt(both, zero)
}

/// Whether `l - r` overflows.
pub(crate) fn sub_overflows(b: &mut FnBuilder<'_>, s: Scalar, l: Expr, r: Expr) -> Expr {
    if s.kind == NK::Uint {
        return b.lt(l, r);
    }
    // Overflow iff the operands' signs differ and the difference's sign differs from `l`'s.
    let diff = b.sub(l, r);
    let a = b.xor(l, r);
    let c = b.xor(l, diff);
    let both = b.and(a, c);
    let zero = b.lit(crate::builder::zero_literal(s));
    b.lt(both, zero)
}

/// Whether `l * r` overflows, without wider arithmetic: the wrapped product divided by `l`
/// gives `r` back exactly when nothing was lost (`l != 0`); `-1 * MIN` and `MIN * -1` are the
/// cases where that division itself overflows.
pub(crate) fn mul_overflows(b: &mut FnBuilder<'_>, s: Scalar, l: Expr, r: Expr) -> Expr {
    let zero = b.lit(crate::builder::zero_literal(s));
    let one = b.lit(crate::builder::one_literal(s));
    let p = b.mul(l, r);
    let l_zero = b.eq(l, zero);
    if s.kind == NK::Uint {
        let d = b.select(l_zero, one, l);
        let q = b.div(p, d);
        let lost = b.ne(q, r);
        let nz = b.not(l_zero);
        return b.land(nz, lost);
    }
    let (min, minus_one) = if s.width == 8 { (b.i64(i64::MIN), b.i64(-1)) } else { (b.i32(i32::MIN), b.i32(-1)) };
    let l_m1 = b.eq(l, minus_one);
    let r_min = b.eq(r, min);
    let case1 = b.land(l_m1, r_min);
    let r_m1 = b.eq(r, minus_one);
    let l_min = b.eq(l, min);
    let case2 = b.land(r_m1, l_min);
    let special = b.lor(case1, case2);
    let d = b.select(l_zero, one, l);
    let q = b.div(p, d);
    let lost = b.ne(q, r);
    let nz = b.not(l_zero);
    let general = b.land(nz, lost);
    b.lor(special, general)
}

/// An atomic read-modify-write of a float stored as its bit pattern: a compare-exchange loop.
/// Returns the old value.
pub(crate) fn float_atomic(
    b: &mut FnBuilder<'_>,
    op: AtomicOp,
    float: Scalar,
    bits: Scalar,
    ptr: Expr,
    value: Expr,
) -> Result<Expr, KernelError> {
    let result_ty = b.module.generate_predeclared_type(naga::PredeclaredType::AtomicCompareExchangeWeakResult(bits));
    let first = b.load(ptr); // atomicLoad
    let old_var = b.local_with("cas_old", bits, first);
    b.loop_(|b| {
        let old_bits = b.load(old_var);
        let old = b.bitcast(old_bits, NK::Float);
        let new = match op {
            AtomicOp::Add => b.add(old, value),
            // Python's min(old, value): `value` only when it is smaller (NaNs keep `old`).
            AtomicOp::Min => {
                let smaller = b.lt(value, old);
                b.select(smaller, value, old)
            }
            AtomicOp::Max => {
                let larger = b.gt(value, old);
                b.select(larger, value, old)
            }
        };
        let new_bits = b.bitcast(new, NK::Uint);
        if op != AtomicOp::Add {
            // Nothing to write: done without a compare-exchange.
            let same = b.eq(new_bits, old_bits);
            b.when(same, |b| {
                b.stmt(naga::Statement::Break);
                Ok(())
            })?;
        }
        let result = b.unemitted(NE::AtomicResult { ty: result_ty, comparison: true });
        b.stmt(naga::Statement::Atomic {
            pointer: ptr,
            fun: naga::AtomicFunction::Exchange { compare: Some(old_bits) },
            value: new_bits,
            result: Some(result),
        });
        let exchanged = b.access_index(result, 1);
        b.when(exchanged, |b| {
            b.stmt(naga::Statement::Break);
            Ok(())
        })?;
        // Another thread got there first: retry from the value it left.
        let seen = b.access_index(result, 0);
        b.store(old_var, seen);
        Ok(())
    })?;
    let _ = float;
    let old_bits = b.load(old_var);
    Ok(b.bitcast(old_bits, NK::Float))
}

/// Float `l ** r` with C's `pow` semantics (the arguments are in its domain: a negative base
/// only with an integral exponent).
pub(crate) fn pow(
    b: &mut FnBuilder<'_>,
    lib: &mut MathLib,
    s: Scalar,
    l: Expr,
    r: Expr,
    span: Span,
) -> Result<Expr, KernelError> {
    let _ = span;
    // pow(x, y) = ±pow(|x|, y): GPU pow functions are only defined for positive bases.
    let ax = b.math1(Mf::Abs, l);
    let p = if s.width == 8 { f64math::pow_positive(b, lib, ax, r) } else { b.math2(Mf::Pow, ax, r) };
    let neg_p = b.neg(p);
    // An odd integral exponent keeps the base's sign.
    let two = b.float(s.width, 2.0);
    let half_r = b.div(r, two);
    let fl = b.math1(Mf::Floor, half_r);
    let is_half_int = b.ne(fl, half_r); // r / 2 is not an integer...
    let rf = b.math1(Mf::Floor, r);
    let r_int = b.eq(rf, r); // ...but r is
    let odd = b.land(is_half_int, r_int);
    let x_neg = sign_bit(b, s, l);
    let flip = b.land(x_neg, odd);
    let signed = b.select(flip, neg_p, p);
    // pow(x, 0) == 1 and pow(1, y) == 1, even for NaN.
    let one = b.float(s.width, 1.0);
    let zero = b.float(s.width, 0.0);
    let r_zero = b.eq(r, zero);
    let l_one = b.eq(l, one);
    let trivial = b.lor(r_zero, l_one);
    Ok(b.select(trivial, one, signed))
}

/// A `math` function of float arguments of scalar `s`.
pub(crate) fn math_function(
    b: &mut FnBuilder<'_>,
    lib: &mut MathLib,
    function: MathFunction,
    s: Scalar,
    args: &[Expr],
    span: Span,
) -> Result<Expr, KernelError> {
    use MathFunction as F;
    let (&x, y) = match args {
        [x] => (x, None),
        [x, y] => (x, Some(*y)),
        _ => {
            return Err(KernelError {
                message: format!("math.{} with {} arguments", function.name(), args.len()),
                span,
            })
        }
    };
    let y = || y.ok_or_else(|| KernelError { message: format!("math.{} takes two arguments", function.name()), span });
    if s.kind != NK::Float {
        return Err(KernelError { message: format!("math.{} of a non-float", function.name()), span });
    }
    let double = s.width == 8;
    Ok(match function {
        F::Floor | F::Ceil | F::Trunc => {
            let fun = match function {
                F::Floor => Mf::Floor,
                F::Ceil => Mf::Ceil,
                _ => Mf::Trunc,
            };
            // The integral value is known to fit in an i64.
            let v = b.math1(fun, x);
            b.convert(v, NK::Sint, 8)
        }
        F::IsNan => is_nan(b, s, x),
        F::IsInf => is_inf(b, s, x),
        F::IsFinite => is_finite(b, s, x),
        F::Fabs => b.math1(Mf::Abs, x),
        // Square roots are correctly rounded in SPIR-V for doubles too.
        F::Sqrt => b.math1(Mf::Sqrt, x),
        F::Pow => pow(b, lib, s, x, y()?, span)?,
        _ if double => f64math::call(b, lib, function, x, y().ok(), span)?,
        F::Sin => b.math1(Mf::Sin, x),
        F::Cos => b.math1(Mf::Cos, x),
        F::Tan => b.math1(Mf::Tan, x),
        F::Asin => b.math1(Mf::Asin, x),
        F::Acos => b.math1(Mf::Acos, x),
        F::Atan => b.math1(Mf::Atan, x),
        F::Sinh => b.math1(Mf::Sinh, x),
        F::Cosh => b.math1(Mf::Cosh, x),
        F::Tanh => b.math1(Mf::Tanh, x),
        F::Exp => b.math1(Mf::Exp, x),
        F::Log => b.math1(Mf::Log, x),
        F::Log2 => b.math1(Mf::Log2, x),
        F::Log10 => {
            let l = b.math1(Mf::Log2, x);
            let c = b.float(4, std::f64::consts::LOG10_2);
            b.mul(l, c)
        }
        F::Atan2 => b.math2(Mf::Atan2, x, y()?),
        F::Expm1 => {
            // Kahan's trick: exp(x) - 1 = (u - 1) * x / log(u) with u = exp(x) corrects the
            // cancellation of u - 1 near 0.
            let u = b.math1(Mf::Exp, x);
            let one = b.float(4, 1.0);
            let um1 = b.sub(u, one);
            let lu = b.math1(Mf::Log, u);
            let t = b.div(x, lu);
            let r = b.mul(um1, t);
            let u_one = b.eq(u, one);
            let r = b.select(u_one, x, r);
            let minus_one = b.float(4, -1.0);
            let saturated = b.eq(um1, minus_one);
            let r = b.select(saturated, minus_one, r);
            let big = b.float(4, max_finite(s));
            let inf = b.gt(u, big);
            b.select(inf, u, r)
        }
        F::Log1p => {
            // Kahan's trick: log(1 + x) = log(u) * x / (u - 1) with u = 1 + x.
            let one = b.float(4, 1.0);
            let u = b.add(one, x);
            let lu = b.math1(Mf::Log, u);
            let um1 = b.sub(u, one);
            let t = b.mul(lu, x);
            let r = b.div(t, um1);
            let u_one = b.eq(u, one);
            let r = b.select(u_one, x, r);
            let big = b.float(4, max_finite(s));
            let inf = b.gt(u, big);
            b.select(inf, u, r)
        }
        F::Hypot => hypot(b, s, x, y()?),
    })
}

/// `sqrt(x*x + y*y)` without intermediate overflow or underflow; `inf` if either argument is
/// infinite (even with a NaN), as C's `hypot`.
pub(crate) fn hypot(b: &mut FnBuilder<'_>, s: Scalar, x: Expr, y: Expr) -> Expr {
    let ax = b.math1(Mf::Abs, x);
    let ay = b.math1(Mf::Abs, y);
    let x_bigger = b.gt(ax, ay);
    let m = b.select(x_bigger, ax, ay);
    let n = b.select(x_bigger, ay, ax);
    let t = b.div(n, m);
    let t2 = b.mul(t, t);
    let one = b.float(s.width, 1.0);
    let sum = b.add(one, t2);
    let root = b.math1(Mf::Sqrt, sum);
    let r = b.mul(m, root);
    let zero = b.float(s.width, 0.0);
    let m_zero = b.eq(m, zero);
    let r = b.select(m_zero, zero, r);
    // NaNs propagate (the comparisons above are false for them)...
    let x_nan = is_nan(b, s, x);
    let y_nan = is_nan(b, s, y);
    let nan = b.lor(x_nan, y_nan);
    let nan_value = b.add(ax, ay);
    let r = b.select(nan, nan_value, r);
    // ...except that an infinity wins.
    let x_inf = is_inf(b, s, x);
    let y_inf = is_inf(b, s, y);
    let inf = b.lor(x_inf, y_inf);
    let inf_value = b.select(x_inf, ax, ay);
    b.select(inf, inf_value, r)
}
